"""Every readable format, and every kind of bad file: skipped with a reason that names it."""

import docx
import pytest
from reportlab.pdfgen import canvas

from ingest.load import load_corpus
from ingest.readers import Unreadable, read_file, read_html


def make_pdf(path, pages, title=None):
    c = canvas.Canvas(str(path))
    if title:
        c.setTitle(title)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()


def make_docx(path, paragraphs, title=None):
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if title:
        d.core_properties.title = title
    d.save(path)


def test_txt_and_md(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text.", encoding="utf-8")
    (tmp_path / "b.md").write_bytes("\ufeff# Heading\n\nBody".encode("utf-8"))
    assert read_file(tmp_path / "a.txt").text == "Plain text."
    markdown = read_file(tmp_path / "b.md")
    assert markdown.text.strip() == "Heading\n\n\nBody" and markdown.title == "Heading" and markdown.format == "md"


def test_a_block_of_markdown_or_html_is_never_one_unit_with_the_next(tmp_path):
    """A README's code block ("make test  # ..., run the whole test suite") and the paragraph after it ("citeqa
    answers questions ...") were one quote: a line without a full stop, then one in small letters, reads in plain
    text as a phrase going on; in Markdown and HTML the blocks say where it ends (two blank lines between them)."""
    from ingest.units import quote_units

    (tmp_path / "readme.md").write_text("# tool\n\n```\nmake test   # run the suite\n```\n\ntool answers questions.\n",
                                        encoding="utf-8")
    text = read_file(tmp_path / "readme.md").text.strip()
    assert [text[u.start : u.end] for u in quote_units(text)] == ["tool", "make test   # run the suite",
                                                                  "tool answers questions."]


def test_markdown_reads_as_the_text_it_shows(tmp_path):
    """Quotes of a Markdown file had its marks: "**The embedder** (`citeqa/embedding/`)", "## Layout"."""
    (tmp_path / "notes.md").write_text(
        "# Build notes\n\n**The embedder** (`citeqa/embedding/`) runs [ONNX](https://onnx.ai) *int8* weights.\n\n"
        "## Steps\n\n1. read\n2. embed\n\n- one\n- two\n\n| measure | value |\n|---|---:|\n| build seconds | 0.9 |\n\n"
        "```\nmake run   # start the chat\n```\n", encoding="utf-8")
    raw = read_file(tmp_path / "notes.md")
    lines = _lines_shown(raw.text)
    assert raw.title == "Build notes"
    assert lines == ["Build notes", "The embedder (citeqa/embedding/) runs ONNX int8 weights.", "Steps", "1. read",
                     "2. embed", "- one", "- two", "measure | value", "build seconds | 0.9",
                     "make run   # start the chat"]


def test_an_html_list_keeps_its_marks_and_a_table_row_its_cells_on_one_line():
    from ingest.readers import read_html

    text = read_html("<p>Tasks:</p><ul><li><p>develops laws</p></li><li>monitors</li></ul>"
                     "<table><tr><th>year</th><th>acts</th></tr><tr><td>2022</td><td>35</td></tr></table>").text
    assert [line.strip() for line in text.splitlines() if line.strip()] == [
        "Tasks:", "- develops laws", "- monitors", "year | acts", "2022 | 35"]


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes("Grüße aus Minsk".encode("utf-16"))
    assert read_file(tmp_path / "u.txt").text == "Grüße aus Minsk"


def test_html_keeps_visible_text_only(tmp_path):
    html = """<html><head><title>Page Title</title><style>p{color:red}</style>
    <script>var secret = 1;</script></head><body><nav>Menu</nav><p>First <b>bold</b> paragraph.</p>
    <noscript>enable js</noscript><div>Second block</div><template>hidden</template></body></html>"""
    (tmp_path / "p.html").write_text(html)
    raw = read_file(tmp_path / "p.html")
    assert raw.title == "Page Title"
    assert "First bold paragraph." in raw.text and "Second block" in raw.text
    for hidden in ("secret", "color:red", "enable js", "hidden", "<p>"):
        assert hidden not in raw.text


def test_html_drops_the_navigation_bars_docbook_marks_by_class(tmp_path):
    """The Debian FAQ (DocBook): "2. Getting and installing Debian GNU/Linux", the next chapter's title in the bar
    under each page, had been quoted as part of an answer."""
    html = """<html><head><title>Chapter 1. Definitions</title></head><body>
    <div class="navheader"><table><tr><td><a href="index.html">Prev</a></td><td>Next</td></tr></table></div>
    <div class="chapter"><h2>1.7. How does one pronounce Debian?</h2><p>The name is pronounced Deb'-ee-en.</p></div>
    <div class="navfooter"><table><tr><td>2. Getting and installing Debian GNU/Linux</td></tr></table></div>
    </body></html>"""
    (tmp_path / "faq.html").write_text(html)
    raw = read_file(tmp_path / "faq.html")
    assert "pronounced Deb'-ee-en" in raw.text
    assert "Getting and installing" not in raw.text and "Prev" not in raw.text


def test_pdf_text_layer_and_metadata_title(tmp_path):
    make_pdf(tmp_path / "r.pdf", [["Report header", "The treaty entered into force."], ["Report header", "Page two."]],
             title="Annual Report")
    raw = read_file(tmp_path / "r.pdf")
    assert raw.title == "Annual Report" and len(raw.pages) == 2
    assert "The treaty entered into force." in raw.text and "Page two." in raw.text


@pytest.mark.parametrize("placeholder", ["untitled", "Microsoft Word - report.docx", "Document1", "harbour.tex"])
def test_a_pdf_title_a_program_put_in_its_place_is_no_title(tmp_path, placeholder):
    make_pdf(tmp_path / "r.pdf", [["The treaty entered into force."]], title=placeholder)
    assert read_file(tmp_path / "r.pdf").title is None


def test_a_docx_table_stays_where_it_stands_and_a_merged_cell_is_read_once(tmp_path):
    """A Word table had been read after every paragraph of the document, away from the heading over it, and a cell
    merged across three columns three times."""
    document = docx.Document()
    document.add_paragraph("Harbour fees")
    table = document.add_table(rows=2, cols=3)
    for i, text in enumerate(["North quay", "20 EUR", "tugs only"]):
        table.cell(0, i).text = text
    table.cell(1, 0).merge(table.cell(1, 2)).text = "Fees are paid at the harbour office."
    document.add_paragraph("The harbour opens at six.")
    document.save(tmp_path / "fees.docx")
    assert read_file(tmp_path / "fees.docx").text == ("Harbour fees\n\nNorth quay | 20 EUR | tugs only\n\n"
                                                     "Fees are paid at the harbour office.\n\nThe harbour opens at six.")


def test_docx_paragraphs_and_title(tmp_path):
    make_docx(tmp_path / "d.docx", ["First paragraph.", "Second paragraph."], title="Docx Title")
    raw = read_file(tmp_path / "d.docx")
    assert raw.title == "Docx Title" and raw.text == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin1.txt", "café au lait".encode("latin-1"), "not valid UTF-8"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "unsupported file type .png"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(Unreadable, match=reason):
        read_file(tmp_path / name)


def test_truncated_pdf_is_refused(tmp_path):
    make_pdf(tmp_path / "full.pdf", [["Some text on a page."]])
    data = (tmp_path / "full.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    with pytest.raises(Unreadable):
        read_file(tmp_path / "cut.pdf")


def test_scanned_pdf_without_text_layer_is_refused(tmp_path):
    make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(Unreadable, match="no text layer"):
        read_file(tmp_path / "scan.pdf")


def test_corpus_loading_skips_bad_files_names_them_and_keeps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("A good document about treaties.")
    (tmp_path / "sub").mkdir()
    make_docx(tmp_path / "sub" / "nested.docx", ["Nested document text."])
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa" + b"x" * 10)
    (tmp_path / "page.txt").write_text("12\n\n")
    (tmp_path / ".hidden.txt").write_text("hidden file")
    loaded = load_corpus(tmp_path)
    assert [d.doc_id for d in loaded.documents] == ["good.txt", "sub/nested.docx"]
    skipped = {s.path: s.reason for s in loaded.skipped}
    assert set(skipped) == {"bad.txt", "empty.txt", "page.txt"}
    assert skipped["empty.txt"] == "empty file" and "after cleaning" in skipped["page.txt"]


def test_a_table_of_contents_is_left_out_and_a_list_of_links_after_a_sentence_is_kept(tmp_path):
    """A README's table of contents repeats its headings: "Table of Contents" and "- Python versions with extended
    support" had been quoted as answers. A list of in-page links introduced by a sentence is content."""
    (tmp_path / "tool.md").write_text(
        "# tool\n\ntool keeps versions apart.\n\n## Table of Contents\n\n* [Install](#install)\n"
        "  * [On Linux](#on-linux)\n* [Usage](#usage)\n* [License](#license)\n\n## Install\n\nRun the installer.\n\n"
        "The commands are:\n\n* [`tool run`](#tool-run)\n* [`tool stop`](#tool-stop)\n* [`tool list`](#tool-list)\n\n"
        "## Links\n\n* [Home](https://example.org)\n* [Wiki](https://example.org/wiki)\n* [Forum](https://example.org/f)\n",
        encoding="utf-8")
    lines = _lines_shown(read_file(tmp_path / "tool.md").text)
    assert lines == ["tool", "tool keeps versions apart.", "Install", "Run the installer.", "The commands are:",
                     "- tool run", "- tool stop", "- tool list", "Links", "- Home", "- Wiki", "- Forum"]


def test_a_wiki_pages_table_of_contents_is_left_out_with_its_title():
    from ingest.readers import read_html

    html = ('<h1>Harbour</h1><div id="toc"><div class="toctitle"><h2>Contents</h2></div><ul>'
            '<li><a href="#history">1 History</a></li><li><a href="#ships">2 Ships</a><ul><li><a href="#ferries">2.1 '
            'Ferries</a></li></ul></li><li><a href="#see">3 See also</a></li></ul></div>'
            '<h2 id="history">History</h2><p>The harbour opened in 1901.</p>')
    assert _lines_shown(read_html(html).text) == [
        "Harbour", "History", "The harbour opened in 1901."]


def test_markdown_front_matter_gives_the_title_and_opens_with_the_description(tmp_path):
    """npm's command pages open with YAML front matter; rendered, "title: npm-prune section: 1 description: Remove
    extraneous packages" was a line of text and the title was "Synopsis". Front matter that is no mapping stays text."""
    (tmp_path / "npm-prune.md").write_text(
        "---\ntitle: npm-prune\nsection: 1\ndescription: Remove extraneous packages\n---\n\n### Synopsis\n\n"
        "```bash\nnpm prune\n```\n\n### Description\n\nThis command removes extraneous packages.\n", encoding="utf-8")
    raw = read_file(tmp_path / "npm-prune.md")
    assert raw.title == "npm-prune"
    assert _lines_shown(raw.text) == [
        "Remove extraneous packages", "Synopsis", "npm prune", "Description", "This command removes extraneous packages."]
    (tmp_path / "list.md").write_text("---\n- one\n---\n\n# Notes\n\nBody.\n", encoding="utf-8")
    listed = read_file(tmp_path / "list.md")
    assert listed.title == "Notes" and "- one" in listed.text
    # a text that opens with a rule and holds a "Note:" line before the next rule is no front matter: nothing is lost
    (tmp_path / "guide.md").write_text("---\nNote: back up the records first\n---\n\n# Guide\n\nBody.\n",
                                       encoding="utf-8")
    assert "Note: back up the records first" in read_file(tmp_path / "guide.md").text


def test_a_blog_posts_front_matter_date_is_its_date(tmp_path):
    """Rendered as text, "date: 2021-03-05" had been the date a document states; the front matter still gives it."""
    (tmp_path / "post.md").write_text("---\ntitle: Harbour news\ndate: 2021-03-05\n---\n\nThe quay reopened on "
                                      "1 April 2021 after the works.\n", encoding="utf-8")
    (document,) = load_corpus(tmp_path).documents
    assert document.title == "Harbour news" and document.date == "2021-03-05"
    assert document.text.startswith("The quay reopened")


def test_a_date_in_a_code_example_does_not_date_the_page_and_its_last_update_does(tmp_path):
    """nodejs.org's command-line page was dated 2021-05-12 by an example's output ("Wed May 12 2021 20:30:48
    GMT+0100"); a page's "Last updated on ..." footer, which cleaning drops, dates it."""
    example = "<pre><code>$ node -pe \"new Date()\"\nWed May 12 2021 20:30:48 GMT+0100</code></pre>"
    (tmp_path / "cli.html").write_text(f"<html><body><p>Run node with TZ set.</p>{example}</body></html>")
    (tmp_path / "faq.md").write_text("# FAQ\n\n```\n$ date\nWed May 12 2021\n```\n\nLast updated on 3 March 2024.\n")
    dates = {d.doc_id: d.date for d in load_corpus(tmp_path).documents}
    assert dates == {"cli.html": None, "faq.md": "2024-03-03"}, dates


def _a_secret(tmp_path):
    """A file of the server's that no document may read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's secret", encoding="utf-8")
    return secret


def _lines_shown(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_restructured_text_reads_as_the_text_it_shows_and_includes_no_file(tmp_path):
    """The documentation of Python projects is reStructuredText. Sphinx's roles read as their text, its code-block as
    a code block, what docutils does not know is left out; an include or raw HTML (an uploaded file's way to read the
    server's files or put script in a page) is not carried out."""
    secret = _a_secret(tmp_path)
    (tmp_path / "guide.rst").write_text(
        "=============\nHarbour guide\n=============\n\nUse :func:`dock` to reserve a berth, see :ref:`the berths page "
        "<berths>`.\n\n.. toctree::\n   :maxdepth: 2\n\n   berths\n\nInstalling\n==========\n\nRun the installer:\n\n"
        ".. code-block:: bash\n\n   pip install harbour\n\n"
        f".. include:: {secret}\n\n.. raw:: html\n\n   <script>alert(1)</script>\n\nBack up the records first.\n",
        encoding="utf-8")
    raw = read_file(tmp_path / "guide.rst")
    assert raw.title == "Harbour guide" and raw.format == "rst"
    assert _lines_shown(raw.text) == [
        "Harbour guide", "Use dock to reserve a berth, see the berths page.", "Installing", "Run the installer:",
        "pip install harbour", "Back up the records first."]
    (document,) = [d for d in load_corpus(tmp_path).documents if d.doc_id == "guide.rst"]
    assert "secret" not in document.text and "alert" not in document.text


def test_sphinx_descriptions_version_notes_and_roles_read_as_sphinx_shows_them(tmp_path):
    """CMake's and Python's documentation describe each option, function or variable in a Sphinx directive, with its
    version notes inside: docutils alone dropped them with all their content (ctest(1) lost every option's
    description), and left roles it does not know as markup (":prop_tgt:`FRAMEWORK`" had been an answer in bold)."""
    secret = _a_secret(tmp_path)
    (tmp_path / "berthctl.rst").write_text(
        "berthctl\n--------\n\n.. program:: berthctl\n\n.. versionchanged:: 3.14\n  Berths are freed by "
        ":command:`undock` too.\n\n.. option:: -F, --tidal <level>\n\n .. versionadded:: 3.21\n\n Assign only "
        "berths that stay afloat.\n\n.. variable:: BERTH_DEFAULT\n   :noindex:\n\n   Sets the :prop_tgt:`DEFAULT` "
        "berth.\n\n.. deprecated:: 3.2 Use :envvar:`BERTHS` instead.\n\n.. toctree::\n\n   tides\n\n"
        f".. literalinclude:: {secret}\n\n.. only:: html\n\n   Shown on the web.\n\n"
        ".. seealso::\n   The harbour guide.\n", encoding="utf-8")
    raw = read_file(tmp_path / "berthctl.rst")
    assert _lines_shown(raw.text) == [
        "berthctl", "Changed in version 3.14: Berths are freed by undock too.", "-F, --tidal <level>",
        "New in version 3.21.", "Assign only berths that stay afloat.", "BERTH_DEFAULT", "Sets the DEFAULT berth.",
        "Deprecated since version 3.2: Use BERTHS instead.", "Shown on the web.",
        "See also: The harbour guide."], raw.text
    assert "secret" not in raw.text and "tides" not in raw.text
    # Sphinx's class is a description; docutils' own class directive (CSS class names) still sets a class
    (tmp_path / "crc.rst").write_text(".. class:: special\n\nA styled paragraph.\n\n.. class:: Crc(poly[, rev])\n\n"
                                      "   Returns a new Crc object.\n", encoding="utf-8")
    assert _lines_shown(read_file(tmp_path / "crc.rst").text) == [
        "A styled paragraph.", "Crc(poly[, rev])", "Returns a new Crc object."]
    # info fields as Sphinx shows them; an intersphinx target without its inventory's name
    (tmp_path / "fun.rst").write_text(
        ".. function:: mkCrcFun(poly[, rev])\n\n   Returns a :func:`py3:callable`.\n\n   :param poly: The polynomial.\n"
        "   :param rev: A flag.  Defaults to True.\n   :type rev: bool\n   :return: CRC function\n"
        "   :rtype: function\n",
        encoding="utf-8")
    assert _lines_shown(read_file(tmp_path / "fun.rst").text) == [
        "mkCrcFun(poly[, rev])", "Returns a callable.", "Parameters:", "- poly – The polynomial. ",
        "- rev (bool) – A flag.  Defaults to True. ", "Returns: CRC function", "Return type: function"]


def test_a_documentation_sites_controls_and_skip_link_are_left_out_and_a_history_row_stays_on_its_line():
    """nodejs.org's pages: "Skip to content", a "copy" button under every example (quoted as "// Returns: 'quux'
    copy"), and history tables whose cells hold paragraphs (the change had stood two lines under its version)."""
    raw = read_html(
        '<html><body><a href="#apicontent" class="skip-to-content">Skip to content</a><div id="apicontent">'
        "<h3>path.basename(path)</h3><details><summary>History</summary><table><tbody>"
        "<tr><th>Version</th><th>Changes</th></tr>\n<tr><td>v6.0.0</td>\n<td><p>Passing a non-string as the "
        "<code>path</code> argument will throw now.</p></td></tr></tbody></table></details>"
        "<pre><code>path.basename('/a/quux.html');\n// Returns: 'quux.html'</code> <button class=\"copy-button\">copy"
        "</button></pre><p>Select a flavour: <select><option>cjs</option><option>mjs</option></select></p>"
        '<p><a href="#top">Back to top</a></p></div></body></html>')
    assert "Skip to content" not in raw.text and "Back to top" not in raw.text
    assert "copy" not in raw.text and "cjs" not in raw.text
    assert "v6.0.0 | Passing a non-string as the path argument will throw now." in raw.text
    assert "// Returns: 'quux.html'" in raw.text


_MYST_PAGE = """(caching)=
# Caching

```{versionadded} 6.0

```

The harbour keeps a cache of tide tables.

## Where it is

````{tab} Linux
```
~/.cache/harbour
```
````

````{tab} Windows
```
%LocalAppData%\\harbour\\Cache
```
````

```{versionchanged} 20.0
Tables fetched over git are cached too.
```

See {ref}`the pier guide <piers>` and {doc}`../cli/harbour_config`; the user file is {file}`C:\\\\Users\\\\harbour.ini`.

Global
: Read from {file}`/etc/harbour.conf`.

```{harbour-cli}
$ harbour cache purge
```

:::{note}
Purging removes every table.
:::
"""


def test_myst_markdown_reads_as_sphinx_shows_it(tmp_path):
    """pip's documentation writes Sphinx's directives and roles in MyST Markdown: read as plain Markdown,
    "```{versionadded} 22.2" lost its version, a tab its label ("Linux" over "~/.cache/pip"), and "{ref}`pip cache`"
    showed its markup."""
    from ingest.sphinx_markup import writes_myst

    (tmp_path / "caching.md").write_text(_MYST_PAGE, encoding="utf-8")
    raw = read_file(tmp_path / "caching.md")
    assert raw.title == "Caching" and raw.format == "md"
    assert _lines_shown(raw.text) == [
        "Caching", "New in version 6.0.", "The harbour keeps a cache of tide tables.", "Where it is", "Linux",
        "~/.cache/harbour", "Windows", "%LocalAppData%\\harbour\\Cache",
        "Changed in version 20.0: Tables fetched over git are cached too.",
        "See the pier guide and harbour_config; the user file is C:\\Users\\harbour.ini.", "Global",
        "Read from /etc/harbour.conf.", "$ harbour cache purge", "Note", "Purging removes every table."], raw.text
    assert "$ harbour cache purge" not in (raw.prose or "")  # a console session is code, not prose
    # plain Markdown (a fence's language, braces in a sentence) is read by markdown-it as before
    assert not writes_myst("# Title\n\n```python\nx = {1: 2}\n```\n\nSets are written {a, b}.\n")
    assert writes_myst(":::{note}\nA note.\n:::\n") and writes_myst("See {ref}`caching`.\n")


def test_myst_links_to_other_pages_keep_their_text_and_no_build_message_is_read(tmp_path):
    """A MyST page links to labels and pages of its site that the file alone does not hold: docutils had dropped the
    link's text ("The [`--use-pep517`](install_--use-pep517) flag" read "The  flag") and written its warning into the
    text ("System Message: WARNING/2 (<string>, line 16)", "'myst' reference target not found")."""
    (tmp_path / "build.md").write_text(
        "# Build system\n\n```{note}\nA note.\n```\n\n- [](#ensurepip)\n- [get-pip.py](get-pip)\n\nThe "
        "[`--use-pep517`](install_--use-pep517) flag (and corresponding environment\nvariable: `PIP_USE_PEP517`) "
        "forces it; see [the install page](../cli/pip_install.md) and [PyPI](https://pypi.org).\n", encoding="utf-8")
    raw = read_file(tmp_path / "build.md")
    assert "The --use-pep517 flag (and corresponding environment" in raw.text, raw.text
    assert "see the install page and PyPI." in raw.text and "- get-pip.py" in raw.text, raw.text
    assert "System Message" not in raw.text and "not found" not in raw.text, raw.text
