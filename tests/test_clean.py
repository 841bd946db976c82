"""Cleaning rules and metadata, on made-up text and on the shipped corpus."""

from hypothesis import given, settings as hypothesis_settings, strategies as st

from ingest.clean import clean_text, page_headers_and_footers
from ingest.load import load_corpus
from ingest.metadata import find_date, find_title
from ingest.readers import read_html
from conftest import CORPUS

# Lines that exercise every rule and their interplay (a hyphen before a page number before a lower-case
# word, notices in either half), mixed with short runs of tricky characters (invisible and combining
# characters, ligatures, odd spaces and line ends).
_LINES = st.sampled_from([
    "secur-", "ity council", "Member-", "States met", "the council met in Minsk", "22", "- 3 -", "Page 2 of 9",
    "www.example.org", "Disclaimer: not official.", "Copyright 2024 Org", "no warranty given", "", "  ", "e-",
])
_CHARS = st.text(alphabet="ae-  \t\r\n\u0301\u200b\u00adﬁ\u00a0\x0c\u20282©", max_size=6)
_DOCUMENTS = st.lists(st.one_of(_LINES, _CHARS), max_size=40).map("\n".join)


def test_unicode_whitespace_and_blank_lines_are_normalised():
    raw = "Title\r\n\r\n\r\n\r\nA\u00a0line   with\t\tgaps \u200b\n\n\n\nﬁnal\n\nend"
    assert clean_text(raw) == "Title\n\n\nA line with gaps\n\n\nfinal\n\nend"  # at most two blank lines


def test_hyphenated_line_breaks_are_rejoined_but_real_hyphens_kept():
    assert clean_text("the secur-\nity council") == "the security council"
    assert clean_text("member-\nStates and pre-election") == "member-\nStates and pre-election"


def test_page_furniture_is_dropped():
    raw = "Intro text here.\n22\n- 3 -\nPage 4 of 9\n• 1\n@paodkb\nhttps://example.org/x\n/ParlamODKB\nMore text."
    assert clean_text(raw) == "Intro text here.\nMore text."


def test_a_year_alone_on_its_line_is_kept():
    raw = "Monitored elections\n2021\n- Armenia\n2022\n- Serbia\n36\nEnd of the list."
    assert clean_text(raw) == "Monitored elections\n2021\n- Armenia\n2022\n- Serbia\nEnd of the list."


def test_a_number_set_as_a_label_over_its_indented_text_is_joined_to_it_not_dropped():
    """useradd's manual page lists its exit values as labels over their meanings; alone on its line each code had
    been dropped as a page number. A centred page number over a line set less deep is still dropped."""
    raw = ("EXIT VALUES\n       The useradd command exits with the following values:\n\n       0\n           "
           "success\n\n       12\n           can't create home\n           directory\n\n                    7\n"
           "Next page text.")
    assert clean_text(raw) == ("EXIT VALUES\nThe useradd command exits with the following values:\n\n0 success\n\n"
                               "12 can't create home\ndirectory\n\nNext page text.")
    assert clean_text(clean_text(raw)) == clean_text(raw)


def test_a_files_path_over_what_it_holds_is_kept():
    """A manual page's FILES sets each path over what the file holds: "/etc/apt/sources.list" had been dropped as
    furniture like the brochure's "/ParlamODKB". A path printed under a command, or in a list of paths, still goes."""
    raw = ("FILES\n       /etc/apt/sources.list\n           Locations to fetch packages from.\n\n       "
           "/etc/apt/apt.conf\n           APT configuration file.\n\n$ pyenv root\n/home/user/.pyenv\n\n"
           "Follow us\n\n/ParlamODKB\n")
    assert clean_text(raw) == ("FILES\n/etc/apt/sources.list\nLocations to fetch packages from.\n\n/etc/apt/apt.conf\n"
                               "APT configuration file.\n\n$ pyenv root\n\nFollow us")


def test_a_manual_pages_copyright_section_is_cut_alone_and_the_sections_after_it_kept():
    """GNU's manual pages set COPYRIGHT before BUGS and EXAMPLE: the cut to the document's end took them too."""
    body = "".join(f"Line {i} of what grep does.\n" for i in range(8))
    raw = (f"NAME\ngrep - print lines that match patterns\n{body}COPYRIGHT\nCopyright 1998-2022 Free Software "
           "Foundation, Inc.\nNO warranty; not even for MERCHANTABILITY.\nBUGS\nBack-references are very slow.\n"
           "SEE ALSO\nawk(1)\n")
    assert clean_text(raw) == (f"NAME\ngrep - print lines that match patterns\n{body}BUGS\nBack-references are very "
                               "slow.\nSEE ALSO\nawk(1)")


def test_numbers_inside_sentences_are_kept():
    assert clean_text("There are 22 members.\n>90 model acts") == "There are 22 members.\n>90 model acts"


def test_trailing_disclaimer_block_is_dropped_but_an_early_one_is_kept():
    body = "\n".join(f"Paragraph {i} of the document body." for i in range(8))
    raw = body + "\nDisclaimer! This text is not a valid document. No warranty.\nSearch help text.\nMore help."
    assert clean_text(raw) == body
    early = "Copyright notice of the publisher is discussed here.\n" + body
    assert clean_text(early) == early


def test_pdf_running_headers_and_footers_are_found():
    pages = [f"Annual Report 2024\nBody text {i}.\nConfidential draft" for i in range(5)]
    assert page_headers_and_footers(pages) == {"Annual Report 2024", "Confidential draft"}
    assert page_headers_and_footers(pages[:2]) == set()


def test_a_running_header_that_carries_its_page_number_is_found():
    """libtasn1's manual heads its pages "Chapter 4: Function reference 12", the number its page's; a heading that
    opens with a number ("1 Introduction") and a line that ends with a number once are no headers."""
    pages = ["Harbour Manual\nContents", "1 Introduction\nThe harbour opens at 6.", "2 Berths\nBerths number 12"]
    pages += [f"Chapter 2: Berths {n}\nBerth {n} is for ferries.\nThe berth holds {n * n}" for n in range(3, 9)]
    found = page_headers_and_footers(pages)
    assert found == {f"Chapter 2: Berths {n}" for n in range(3, 9)}, found


def test_a_table_of_contents_and_an_index_are_dropped_with_their_heading():
    text = ("Table of Contents\n1 Introduction . . . . . . . . . 1\n2.1 Berths. . . . . . . . . . . . 12\n"
            "Appendix A Licence . . . . . . . 24\n\n1 Introduction\nThe harbour opens at six. Wait . . . . and see.\n"
            "ii\nIndex\nberth . . . . . . . . . . 12\n")
    assert clean_text(text) == "1 Introduction\nThe harbour opens at six. Wait . . . . and see.\nIndex"
    long_line = "A scanned abstract that ends in leaders " * 4 + ". . . . . 174"
    assert clean_text(long_line) == long_line  # a long line is text, not an entry


def test_a_pdf_titled_only_by_its_running_header_keeps_it_as_its_title():
    from ingest.clean import title_in_running_header

    pages = [f"Shared Harbour Database\n{'Thomas Pilot' if i == 0 else 'Body'}\n{i + 1}" for i in range(4)]
    headers = page_headers_and_footers(pages)
    assert title_in_running_header(pages, headers) == "Shared Harbour Database"
    assert title_in_running_header(["Body\nmore"] * 4, page_headers_and_footers(["Body\nmore"] * 4)) is None


@hypothesis_settings(max_examples=300, deadline=None)
@given(_DOCUMENTS)
def test_cleaning_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once


def test_a_notice_in_the_first_half_stays_after_a_later_notice_is_cut():
    body = [f"Paragraph {i} of the document body." for i in range(6)]
    raw = "\n".join(body[:3] + ["Copyright questions are handled by the archive."] + body[3:]
                     + ["Disclaimer: this text is not official."] * 5)
    assert clean_text(raw) == "\n".join(body[:3])  # the second notice is in the last half of what remains
    assert clean_text(clean_text(raw)) == clean_text(raw)


def test_html_site_navigation_banner_and_footer_are_dropped_but_article_parts_kept():
    html = ("<html><head><title>T</title></head><body><header>Site Banner Home About</header>"
            "<nav>Menu one two</nav><main><article><header><h1>Real Title</h1></header><p>Body text here.</p>"
            "<footer>Article footnote stays.</footer></article></main><div role=navigation>Breadcrumbs</div>"
            "<footer>Contact us at the site office.</footer></body></html>")
    assert clean_text(read_html(html).text) == "Real Title\n\n\nBody text here.\n\n\nArticle footnote stays."


def test_dates_are_found_only_when_the_text_states_day_month_and_year():
    assert find_date("Declaration\nof June 23, 2006\nWe") == "2006-06-23"
    assert find_date("signed on 5 March 2021 in Minsk") == "2021-03-05"
    assert find_date("updated 2024-02-29") == "2024-02-29"
    assert find_date("on 31.12.1999") == "1999-12-31"
    assert find_date("on 20 December, and March 20") is None
    assert find_date("February 30, 2020") is None


def test_title_prefers_the_declared_title_then_the_first_meaningful_line():
    assert find_title("x", "  Declared  Title ", "f.txt") == "Declared Title"
    assert find_title("• 1\nMeeting with heads of mission\nBody", None, "f.txt") == "Meeting with heads of mission"
    assert find_title("12\n\n", None, "f.txt") == "f.txt"


def test_a_title_wrapped_over_lines_is_read_whole_up_to_its_verb():
    heading = "THE ANNUAL REPORT OF THE NORTHERN WATER\nBOARD IS THE BOARD'S ACCOUNT OF\nITS YEAR.\n\nBody text."
    assert find_title(heading, None, "f.txt") == "THE ANNUAL REPORT OF THE NORTHERN WATER BOARD"
    assert find_title("Minutes of the meeting of the\nFinance Committee\n\nBody", None, "f.txt") == \
        "Minutes of the meeting of the Finance Committee"
    # a blank line, a full stop or a line in other case ends it: an author's line is not part of the title
    assert find_title("ANNUAL REPORT OF THE\n\nNORTHERN BOARD", None, "f.txt") == "ANNUAL REPORT OF THE"
    assert find_title("Water quality in 2024\nJane Smith\nBody", None, "f.txt") == "Water quality in 2024"
    assert find_title("ONE HEADING.\nANOTHER HEADING", None, "f.txt") == "ONE HEADING."


def test_shipped_corpus_is_cleaned_by_the_general_rules():
    docs = {d.doc_id: d for d in load_corpus(CORPUS).documents}
    assert len(docs) == 5
    declaration = docs["csto-declaration-2006-efficiency.txt"]
    assert declaration.text.endswith("For the Republic of Tajikistan |")
    assert "Disclaimer" not in declaration.text and "search system" not in declaration.text
    assert declaration.date == "2006-06-23"
    assert docs["csto-pa-brochure.txt"].title == "THE PARLIAMENTARY ASSEMBLY OF THE COLLECTIVE SECURITY TREATY ORGANIZATION"
    brochure = docs["csto-pa-brochure.txt"].text
    assert "@paodkb" not in brochure and "\n22\n" not in brochure and "\n\n\n\n" not in brochure
    assert ">90 **MODEL ACTS**" in brochure
    belarus = docs["belarus-osce-election-observers-meeting.txt"]
    assert belarus.title == "Meeting with heads of OSCE mission to observe Belarus’ parliamentary elections"
    assert "• 1" not in belarus.text
    for doc in docs.values():
        assert doc.text == doc.text.strip() and "\u00a0" not in doc.text and len(doc.content_hash) == 64


def test_a_path_a_sentence_runs_into_is_text_and_a_rule_under_a_heading_is_not():
    """Debian's Python policy: "... modules must be installed to" / "/usr/lib/python3/dist-packages." lost the place, a
    line of a path alone read as page furniture; a plain-text spec's "------------" under "Introduction" opened the
    quote of its first sentence. A link alone after a finished sentence is still furniture."""
    text = clean_text("Introduction\n------------\n\nPublic modules must be installed to\n/usr/lib/python3/dist-packages."
                      "\nThe old place was dropped.\nhttps://example.org/footer\n\n=====\n")
    assert text == ("Introduction\n\nPublic modules must be installed to\n/usr/lib/python3/dist-packages."
                    "\nThe old place was dropped.")


def test_a_link_a_colon_announces_is_text():
    """Python's FAQ: "How do I access the serial (RS232) port?" is answered "For Win32, OSX, Linux, BSD, Jython,
    IronPython:" and pyserial's address in a paragraph of its own, which was dropped as a link alone."""
    text = clean_text("For Win32, OSX, Linux, BSD, Jython, IronPython:\n\n\nhttps://pypi.org/project/pyserial/\n\n\n"
                      "Files are closed.\n\n\nhttps://example.org/footer\n")
    assert text == ("For Win32, OSX, Linux, BSD, Jython, IronPython:\n\n\nhttps://pypi.org/project/pyserial/\n\n\n"
                    "Files are closed.")


def test_a_documentation_sites_heading_anchors_are_no_text_and_an_underlined_heading_titles_a_text_file(tmp_path):
    """Sphinx sets a "¶" link after every heading ("Removal of the unversioned packages¶" had been quoted); dpkg's
    triggers spec opens with "TRIGGERS" over "========", passed over as a one-word line for its first sentence."""
    html = ('<html><body><h2>2.1. Removal<a class="headerlink" href="#removal" title="Permalink">¶</a></h2>'
            '<p>The packages are removed.<a href="#x">#</a></p></body></html>')
    assert "¶" not in read_html(html).text and "#" not in read_html(html).text
    (tmp_path / "triggers.txt").write_text("TRIGGERS\n========\n\nIntroduction\n------------\n\n"
                                           "A dpkg trigger is a facility that records events.\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Notes\n\nA note is a short text kept for later.\n", encoding="utf-8")
    titles = {d.doc_id: d.title for d in load_corpus(tmp_path).documents}
    assert titles == {"triggers.txt": "TRIGGERS", "plain.txt": "A note is a short text kept for later."}


def test_a_loose_lists_number_stays_with_its_item_and_its_paragraphs_stay_apart():
    """pyenv's README renders "1." on a line of its own, apart from "The PYENV_VERSION environment variable ...", and
    CONTRIBUTING.md's "We are limited to Bash 3.2 features" ran on into the paragraph under it."""
    html = ("<p>in this order:</p><ol>\n<li>\n<p>The PYENV_VERSION variable.</p>\n</li>\n<li>\n<p>The local file.</p>"
            "\n</li>\n</ol><ul><li><p>We are limited to Bash 3.2 features</p>\n<p>That is the version of MacOS.</p></li>"
            "</ul>")
    text = clean_text(read_html(html).text)
    assert "1. The PYENV_VERSION variable." in text and "2. The local file." in text and "1.\n" not in text, text
    assert "- We are limited to Bash 3.2 features\n\n" in text, text


def test_a_block_boxed_in_asterisks_is_read_without_its_box():
    """The Mozilla Public License sets its disclaimers in a box of asterisks: "* basis, without warranty of any kind,
    either expressed, implied, or *" had been a quote. Two lines between asterisks are no box."""
    boxed = ("****************\n*              *\n*  6. Disclaimer of Warranty  *\n*  --------------  *\n*              *\n"
             "*  Covered Software is provided \"as is\",  *\n*  without warranty of any kind.  *\n****************\n")
    assert clean_text(boxed) == ('6. Disclaimer of Warranty\n\nCovered Software is provided "as is",\n'
                                 "without warranty of any kind.")
    assert clean_text("* one *\n*two*\n") == "* one *\n*two*"


def test_a_terminals_formatting_and_groffs_hyphenation_are_removed():
    """Text saved from `man` (man-db's own manual ships so): escape sequences for bold and underline, overstrikes, and
    a word broken with groff's U+2010 hyphen at a line end; the control characters alone had been removed, leaving
    "[1mNROFF [22mis" in quotes, and "speci\u2010 fied" stayed two words to BM25."""
    raw = ("\x1b[1mNROFF \x1b[22mis used; \x1b[4mitalic\x1b[24m and \x1b]8;;https://x.org\x07a link\x1b]8;;\x07\n"
           "N\bNA\bAM\bME, _\bu_\bn_\bd_\be_\br, o\b_v\b_e\b_r and +\bo a bullet\n"
           "which may be speci\u2010\nfied, but VER\u2010\nSION_CONTROL is a name")
    assert clean_text(raw) == ("NROFF is used; italic and a link\nNAME, under, over and • a bullet\n"
                               "which may be specified, but VER\u2010\nSION_CONTROL is a name")


def test_a_typeset_texts_running_header_is_dropped_and_dates_the_document(tmp_path):
    """nroff's output (man-db's manual): pages apart by blank lines, each under the header "man-db v2.11.2 2023-01-08",
    which had run into the sentences the page breaks cut; the header's date is the document's."""
    pages = [f"Paragraph {i} of the manual goes on about cat pages and the\nwhatis database, line after line." for i in
             range(1, 6)]
    raw = "The manual\n\n\n\n\n" + "".join(f"toolbox v1.2 2023-01-08\n\n{p}\n\n\n\n{i}\n\n\n\n\n\n"
                                          for i, p in enumerate(pages, 1))
    (tmp_path / "manual.txt").write_text(raw, encoding="utf-8")
    document = load_corpus(tmp_path).documents[0]
    assert "toolbox v1.2" not in document.text and "Paragraph 3 of the manual" in document.text
    assert document.date == "2023-01-08"
    (tmp_path / "manual.txt").write_text("toolbox v1.2 2023-01-08\n\nOne page only.\n", encoding="utf-8")
    assert "toolbox v1.2" in load_corpus(tmp_path).documents[0].text  # one page: no running header to tell


def test_an_rfcs_pages_lose_their_header_and_their_numbered_footer(tmp_path):
    """An RFC turns its pages with form feeds, each under "RFC 2616  HTTP/1.1  June 1999" and over "Fielding, et al.
    Standards Track [Page 3]", a footer whose number changes with the page."""
    bodies = ["A client sends a request to the server.", "The server answers with a status line.",
              "Caches may store the response.", "Proxies forward requests on behalf of clients.",
              "Connections persist unless closed by either side.", "Chunked transfer coding splits the body."]
    raw = "\f".join(f"RFC 2616          HTTP/1.1          June 1999\n\n\n   {body}\n   It goes on about page {i}.\n"
                    f"\n\n\nFielding, et al.          Standards Track          [Page {i}]\n"
                    for i, body in enumerate(bodies, 1))
    (tmp_path / "rfc2616.txt").write_text(raw, encoding="utf-8")
    text = load_corpus(tmp_path).documents[0].text
    assert "Standards Track" not in text and "RFC 2616" not in text, text
    assert "Caches may store the response." in text
