"""Reading each file format into raw text plus the title its format declares.

A file that cannot be read raises `Unreadable` with a reason a person understands; the
pipeline skips it, names it, and indexes the rest.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from ingest.clean import is_page_furniture, is_rule, normalise
from ingest.discover import READABLE_SUFFIXES


class Unreadable(Exception):
    """The file cannot be indexed; str(exc) is the reason shown to the user."""


@dataclass(frozen=True)
class RawText:
    text: str
    format: str
    title: str | None = None  # a title the format itself declares (HTML <title>, PDF/DOCX metadata)
    pages: tuple[str, ...] = ()  # PDF pages or a typeset text's, for header/footer detection
    content_hash: str = ""  # sha256 of the file's bytes
    size: int = 0
    date: str | None = None  # a date the format itself declares (Markdown front matter), ISO
    prose: str | None = None  # the text without its code blocks, where a date that dates it may stand; None: all of it


def read_file(path: Path) -> RawText:
    data = _read_bytes(path)
    raw = _parse(path.suffix.lower(), data)
    return replace(raw, content_hash=hashlib.sha256(data).hexdigest(), size=len(data))


def _read_bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        raise Unreadable(f"unsupported file type {suffix or '(no extension)'}; readable: {', '.join(READABLE_SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise Unreadable("empty file")
    return data


def _parse(suffix: str, data: bytes) -> RawText:
    if suffix == ".txt":
        text = decode_text(data)
        return RawText(text, "txt", underlined_title(text), typeset_pages(text))
    if suffix in (".md", ".markdown"):
        return read_markdown(decode_text(data))
    if suffix in (".html", ".htm"):
        return read_html(decode_text(data))
    if suffix == ".rst":
        return read_rst(decode_text(data))
    if suffix == ".pdf":
        return read_pdf(data)
    return read_docx(data)


def underlined_title(text: str) -> str | None:
    """The title a plain-text file declares by opening with a heading underlined (and perhaps overlined) by a rule,
    as reStructuredText, Markdown's setext and RFCs mark one ("TRIGGERS" over "========", which had been passed over
    for having one word, and the first sentence taken instead)."""
    lines = [line.strip() for line in text.lstrip().split("\n", 3)]
    if len(lines) > 1 and is_rule(lines[0]):  # overlined too
        lines = lines[1:]
    if len(lines) > 1 and lines[0] and not is_rule(lines[0]) and is_rule(lines[1]):
        return lines[0]
    return None


# Where a typesetter's plain text turns the page: a form feed (RFCs), or four blank lines or more (nroff's output,
# man-db's manual), which prose sets between no two paragraphs.
_PAGE_BREAK = re.compile(r"\f|\n(?:[ \t]*\n){4,}")
MIN_PAGES = 3  # fewer say nothing of running headers


def typeset_pages(text: str) -> tuple[str, ...]:
    """The pages of a plain text that a typesetter laid out, for its running headers and footers ("man-db v2.11.2
    2023-01-08" atop every page of man-db's manual ran into the sentences it broke); the parts that hold nothing but
    page furniture (a page's number, set apart from its page) are no pages. None when fewer than three."""
    parts = _PAGE_BREAK.split(text)
    if len(parts) < MIN_PAGES:  # most texts: none to read line by line
        return ()
    pages = tuple(part for part in parts
                  if any(line.strip() and not is_page_furniture(line) for line in normalise(part).splitlines()))
    return pages if len(pages) >= MIN_PAGES else ()


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused rather than guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable(f"not valid UTF-16 text (bad bytes at offset {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise Unreadable("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"not valid UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None


_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tr", "ul",
}
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
# A page's controls: their labels are the interface's, not the document's (nodejs.org's "copy" under every example had
# been quoted as part of it: "// Returns: 'quux' copy")
_CONTROL_TAGS = ("button", "select", "input", "textarea")
# Site furniture that HTML marks as such: navigation anywhere, and the page's own banner and footer
# (a <header> or <footer> inside an <article>, <main> or <section> belongs to that content and stays).
_FURNITURE_ROLES = ("navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar")
_CONTENT_TAGS = ("article", "main", "section")
# Navigation that generators mark by class alone: DocBook's bars of "Prev", "Up", "Next" and the next chapter's title
# (the Debian FAQ's "2. Getting and installing Debian GNU/Linux" had been quoted), Texinfo's.
# docutils' and Sphinx's reports of markup they could not resolve ("System Message: WARNING/2 (<string>, line 16)" /
# "'myst' reference target not found") are the build's, not the document's.
_FURNITURE_CLASSES = frozenset(("navheader", "navfooter", "nav-panel", "system-message"))
# The bars and pop-ups a site's script shows and hides, named by id or class: mdBook's menu bar (the book's title over
# every page) and its keyboard help ("Press ← or → to navigate between chapters", "Press ? to show this help").
_FURNITURE_NAME = re.compile(r"(?:^|[-_])(?:navbar|menu-?bar|toolbar|popup|breadcrumbs?)(?:$|[-_])")


def _is_site_furniture(tag) -> bool:
    if tag.name == "nav" or tag.get("role") in _FURNITURE_ROLES:
        return True
    if _FURNITURE_CLASSES.intersection(tag.get("class") or ()):
        return True
    if any(_FURNITURE_NAME.search(name) for name in (*(tag.get("class") or ()), tag.get("id") or "")):
        return True
    return tag.name in ("header", "footer") and tag.find_parent(_CONTENT_TAGS) is None


# The mark a documentation site puts after each heading, a link to the heading itself (Sphinx's and MkDocs's
# "headerlink" "¶"): "Removal of the unversioned packages¶" had been quoted.
_ANCHOR_MARKS = frozenset("¶ # § 🔗".split())


def _strip_leading_space(tag) -> None:
    """The space a tag's text opens with, taken out (the source's line break after "<li>")."""
    from bs4 import NavigableString

    while tag.contents and isinstance(tag.contents[0], NavigableString):
        first = tag.contents[0]
        if first.strip():
            first.replace_with(first.lstrip())
            return
        first.extract()


# A link that moves the reader within the page: "Skip to content" (an accessibility link), "Back to top"
_IN_PAGE_MOVES = re.compile(r"^\W*(?:(?:skip|jump)\s+to\b.{0,30}|back\s+to\s+top)\W*$", re.I)


def _is_a_heading_anchor(tag) -> bool:
    """A heading's link to itself, or a link that moves the reader within the page."""
    if tag.name != "a" or not str(tag.get("href", "")).startswith("#"):
        return False
    said = tag.get_text().strip()
    return "headerlink" in (tag.get("class") or ()) or said in _ANCHOR_MARKS or bool(_IN_PAGE_MOVES.match(said))


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTENTS_HEADING = re.compile(r"^\W*(?:table\s+of\s+)?contents\W*$|^\W*toc\W*$", re.I)
TOC_MIN_LINKS = 3


def _drop_tables_of_contents(soup) -> None:
    """A README's table of contents (a list of links into the page right under a heading) repeats the headings
    and says nothing: "Table of Contents" and "- Python versions with extended support" had been quoted as
    answers. Its heading goes too when it only says "Contents". A list of such links after a sentence ("The most
    common subcommands are:") is content and stays."""
    for tag in soup.find_all(["ul", "ol"]):
        if tag.decomposed or tag.find_parent(["ul", "ol"]) is not None:
            continue
        heading = tag.find_previous_sibling()
        says_contents = heading is not None and bool(_CONTENTS_HEADING.match(heading.get_text(" ", strip=True)))
        if heading is None or (heading.name not in _HEADINGS and not says_contents):
            continue  # (a wiki's "Contents" title stands in a <div> of its own)
        links = [a for a in tag.find_all("a") if str(a.get("href", "")).startswith("#")]
        linked = sum(len("".join(a.get_text().split())) for a in links)
        if len(links) >= TOC_MIN_LINKS and linked >= 0.9 * len("".join(tag.get_text().split())):
            if says_contents:
                heading.decompose()
            tag.decompose()


_HTML_BLANK_RUNS = re.compile(r"\n[ \t\xa0]*\n(?:[ \t\xa0]*\n)+")


def read_html(html: str) -> RawText:
    """Visible text only: script, style and other invisible elements dropped, site navigation, banner and
    footer dropped, block elements on their own lines."""
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup([*_INVISIBLE_TAGS, *_CONTROL_TAGS]):
        tag.decompose()
    for tag in soup.find_all(_is_site_furniture):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(_is_a_heading_anchor):
        tag.decompose()
    _drop_tables_of_contents(soup)
    for tag in soup.find_all(["ul", "ol", "tr"]):  # the source's spacing between items and cells says nothing
        for space in tag.find_all(string=lambda text: not text.strip(), recursive=False):
            space.extract()
    for n, item in _list_items(soup):  # a list's items on lines of their own, its marks kept ("- develops ...")
        paragraphs = item.find_all("p", recursive=False)  # a loose list's items are paragraphs, a blank line apart
        for i, paragraph in enumerate(paragraphs):  # ("We are limited to Bash 3.2 features" / "That's because ...")
            paragraph.insert_after("\n\n" if i < len(paragraphs) - 1 else " ")
            paragraph.unwrap()
        _strip_leading_space(item)  # "<li>\n<p>The ..." had set "1." on a line of its own, apart from its item
        item.insert(0, f"{n}. " if n else "- ")
        item.insert_before("\n")
    for row in soup.find_all("tr"):  # a table row on one line, its cells apart, as a DOCX table's
        cells = row.find_all(["td", "th"], recursive=False)
        for cell in cells:  # a cell's paragraphs too (nodejs.org's "v15.0.0 | <p>Changed default mode ...</p>" had
            for paragraph in cell.find_all("p"):  # set the change two lines under its version)
                paragraph.insert_after(" ")
                paragraph.unwrap()
            _strip_leading_space(cell)
        for cell in cells[1:]:
            cell.insert_before(" | ")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    # Nested blocks leave runs of blank lines that say nothing of the layout: two blank lines between blocks, which
    # quote units never join across (a phrase does not go on from a code block or a heading into the next paragraph)
    text = _HTML_BLANK_RUNS.sub("\n\n\n", soup.get_text())
    for block in soup.find_all("pre"):  # an example's output ("Wed May 12 2021 20:30:48 GMT+0100") had dated
        block.decompose()  # nodejs.org's command-line page
    return RawText(text, "html", title or None, prose=soup.get_text())


def _list_items(soup) -> list[tuple[int, object]]:
    """Each <li> with its number in an ordered list (from its `start`), 0 in any other."""
    items = []
    for tag in soup.find_all(["ul", "ol"]):
        first = int(tag.get("start", 1)) if tag.name == "ol" and str(tag.get("start", 1)).isdigit() else 1
        for i, item in enumerate(tag.find_all("li", recursive=False)):
            items.append((first + i if tag.name == "ol" else 0, item))
    return items


def read_markdown(markdown: str) -> RawText:
    """The text a Markdown file shows, without its marks ("**", "`", "#", link targets): rendered by markdown-it
    (CommonMark and tables) and read as HTML, so a quote reads "The embedder (citeqa/embedding/): ..." rather
    than "**The embedder** (`citeqa/embedding/`): ...". Its title is its front matter's, else its first heading;
    the front matter's description opens the text, as a documentation site shows it under the title. MyST Markdown
    (Sphinx documentation written in Markdown) is read as Sphinx shows it: see `writes_myst`."""
    from markdown_it import MarkdownIt

    from ingest.sphinx_markup import writes_myst

    meta, markdown = front_matter(markdown)
    if writes_myst(markdown):
        html = _docutils_parts(markdown, _myst_parser(), myst_enable_extensions=MYST_EXTENSIONS,
                               myst_all_links_external=True)["html_body"]
    else:
        html = MarkdownIt("commonmark").enable("table").render(markdown)
    raw = read_html(html)
    heading = re.search(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.S)
    title = _meta_text(meta, "title") or (read_html(heading.group(1)).text.strip() if heading else None)
    description = _meta_text(meta, "description") or _meta_text(meta, "summary")
    text = f"{description}\n\n\n{raw.text}" if description else raw.text
    prose = f"{description}\n\n\n{raw.prose}" if description else raw.prose
    return RawText(text, "md", title or None, date=_meta_date(meta), prose=prose)


# YAML front matter, as documentation sites write it (Jekyll, Hugo, Docusaurus): "---", YAML, "---" or "...".
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def front_matter(markdown: str) -> tuple[dict, str]:
    """The front matter's fields and the Markdown after it. Without one, or when it is no YAML mapping with a field
    documentation sites use, no fields and the Markdown whole (a text that opens with a rule "---" and holds "Note:
    ..." before the next one loses nothing): rendered, npm's "title: npm-prune section: 1 description: ..." had been
    a line of text."""
    import yaml

    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return {}, markdown
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, markdown
    if not isinstance(meta, dict) or not any(str(key).lower() in _FRONT_MATTER_FIELDS for key in meta):
        return {}, markdown
    return meta, markdown[match.end() :]


# Fields that mark a YAML block as a page's front matter (Jekyll, Hugo, Docusaurus, MkDocs, npm's pages)
_FRONT_MATTER_FIELDS = frozenset("title description summary date layout author authors tags categories slug "
                                 "permalink section weight draft keywords sidebar_position sidebar_label id lang".split())


def _meta_date(meta: dict) -> str | None:
    """The front matter's date (a blog post's "date: 2020-01-01"), ISO; None when it states no full date."""
    import datetime

    from citeqa.dates import first_date

    value = meta.get("date")
    if isinstance(value, datetime.date):
        return value.isoformat()[:10]
    found = first_date(value) if isinstance(value, str) else None
    return found.iso if found else None


def _meta_text(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return " ".join(value.split()) or None if isinstance(value, str) else None


def read_rst(source: str) -> RawText:
    """reStructuredText (the documentation of Python projects): the text it shows, rendered by docutils and read as
    HTML; its title is its title. Sphinx's roles read as their text (":func:`open`" as "open", ":ref:`the guide
    <guide>`" as "the guide") and its code-block as a code block; what docutils does not know (toctree, automodule)
    is left out, with no error in the text. No file is included and no raw HTML passed: an uploaded file reads none
    of the server's files."""
    parts = _docutils_parts(source)
    title = read_html(parts["title"]).text.strip() if parts.get("title") else None
    body = read_html(parts["html_body"])
    return RawText(body.text, "rst", title or None, prose=body.prose)


# MyST's extensions Sphinx projects turn on most: definition lists ("Global" over ": In a pip subdirectory ..."),
# directives fenced with colons. A link's target is read as a plain link (`myst_all_links_external`): a label or page
# of the site that one file alone does not hold had lost the link's text ("The [`--use-pep517`](install_--use-pep517)
# flag" read "The  flag").
MYST_EXTENSIONS = ["deflist", "colon_fence"]


def _myst_parser():
    from myst_parser.parsers.docutils_ import Parser

    return Parser()


def _docutils_parts(source: str, parser=None, **settings) -> dict:
    """The parts docutils writes of reStructuredText (or of MyST Markdown, with MyST's parser) as HTML, with each
    Sphinx directive and role the source uses registered first. No file is included and no raw HTML passed: an
    uploaded file reads none of the server's files."""
    from docutils.core import publish_parts
    from docutils.writers.html5_polyglot import Writer

    from ingest.sphinx_markup import register_markup_used

    register_markup_used(source)
    try:
        return publish_parts(source, parser=parser, writer=Writer(), settings_overrides={
            "report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(), "file_insertion_enabled": False,
            "raw_enabled": False, "input_encoding": "unicode", "syntax_highlight": "none", "_disable_config": True,
            "traceback": True, "math_output": "latex", **settings})
    except Exception as exc:  # docutils' own errors on markup it cannot parse: the file is named and skipped
        kind = "MyST Markdown" if parser is not None else "reStructuredText"
        raise Unreadable(f"{kind} that docutils cannot render ({type(exc).__name__}: {exc})") from None


def read_pdf(data: bytes) -> RawText:
    """The text layer, page by page. A scanned PDF without one is refused, not indexed empty."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            pages = tuple((page.extract_text() or "") for page in reader.pages)
            title = (reader.metadata.title if reader.metadata else None) or None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise Unreadable(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from None
    if not any(p.strip() for p in pages):
        raise Unreadable("PDF has no text layer (scanned image?); run OCR on it first")
    return RawText("\n\n".join(pages), "pdf", _declared_title(title), pages)


def _declared_title(title: object) -> str | None:
    """The title a file's metadata declares, or None when it declares none or a placeholder."""
    text = str(title).strip() if title else ""
    return text if text and not _PLACEHOLDER_TITLE.match(text) else None


# What a program writes where no one gave a title: "untitled" (reportlab), "Microsoft Word - report.docx", a file's name
_PLACEHOLDER_TITLE = re.compile(r"^(?:untitled(?:[-\s]?\d+)?|document\d*|microsoft (?:word|powerpoint|excel) - .*"
                                r"|[\w\s.-]+\.(?:docx?|pdf|odt|rtf|tex|dvi|indd|pptx?|xlsx?))$", re.I)


def read_docx(data: bytes) -> RawText:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, missing parts, XML errors: any failure to open means unreadable
        raise Unreadable(f"corrupt or unreadable DOCX ({type(exc).__name__}: {exc})") from None
    from docx.table import Table

    blocks: list[str] = []
    for item in document.iter_inner_content():  # paragraphs and tables in the order the document has them
        blocks += _rows(item) if isinstance(item, Table) else [item.text]
    return RawText("\n\n".join(blocks), "docx", _declared_title(document.core_properties.title))


def _rows(table) -> list[str]:
    """A table's rows, each "cell | cell", a cell merged across columns once (python-docx gives it for each column
    it spans)."""
    rows = []
    for row in table.rows:
        cells = row.cells
        rows.append(" | ".join(cell.text for i, cell in enumerate(cells) if i == 0 or cell._tc is not cells[i - 1]._tc))
    return rows
