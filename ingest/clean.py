"""Cleaning by general rules (none mentions a particular document):

1. Unicode NFKC normalisation; line endings to "\\n"; a terminal's formatting removed (the escape sequences
   "\\x1b[1m" and overstrikes "N\\bN" that `man` and other programs write when their output is saved); zero-width
   and control characters removed.
2. Hyphenated line breaks rejoined ("secur-\\nity" -> "security", and groff's U+2010 "speci\u2010\\nfied") when a
   lower-case letter follows.
3. Page furniture dropped: lines that are only a page number ("22", "- 3 -", "Page 3 of 9", "• 1", "iv";
   not a year, 1800-2099, which as often heads a list: "2022" / "- Kazakhstan" / "- Serbia"; not a number set as a
   label over its indented text, as a manual page lists exit values: that joins its text), only a URL, e-mail,
   @handle or /path unless the line before runs into it ("For Win32, OSX, Linux:" / "https://pypi.org/project/
   pyserial/") or a file's path heads what the file holds (a manual page's FILES), a rule (one punctuation character
   repeated: "-------", which plain text sets under a heading), the asterisks that box a block of three lines or
   more, a PDF header/footer repeated on most pages or carrying the page's number ("Chapter 4: Function reference
   12"), and the entries of a table of contents or an index, whose dot leaders run to a page number ("2.1 ASN.1
   syntax . . . . 2"), with the "Contents" heading over them.
4. A trailing boilerplate block dropped: from a line in the last half of the document that opens
   with a disclaimer, copyright, terms/privacy/cookie notice or "no warranty", to the end (or to a manual page's
   next section heading: "BUGS", "SEE ALSO").
5. Whitespace: runs of spaces and tabs collapsed, lines stripped, runs of blank lines reduced to two at
   most (two blank lines set blocks apart more than one does: quote units read that).

A document's cleaned text depends on its own file only (never on the rest of the corpus: adding a
document changes no other document's text, offsets or vectors), and cleaning is idempotent: the
rules are applied until they change nothing, since dropping a line can expose another match (a
hyphen that now ends the line before a lower-case word, a notice that moves into the last half).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

from citeqa.layout import LINK, ends_with_joiner

_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u2010][ \t]*\n[ \t]*(?=[a-z])")
# A terminal's formatting: CSI sequences ("\x1b[1m" bold, "\x1b[4m" underline, "\x1b[0m" reset), OSC sequences (a
# link's target), and overstrikes ("N\bN" bold, "_\bN" or "N\b_" underlined, "+\bo" a bullet, "•"): the control
# characters alone were removed, which left "[1mNROFF [22mis" in man-db's manual, saved from `man`.
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_OVERSTRIKE = re.compile(r"([^\n])\x08([^\n])")  # the character kept: the one not "_" (underline), else the first
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—•·*\s]*\d{1,4}[-–—•·*\s]*|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$"
    r"|^(?-i:[ivxlc]{1,7})$",  # a front matter's page: "i", "iv"
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:18|19|20)\d\d$")
# a table of contents' entry: a short title, dot leaders, a page number (not a long line that ends so)
_DOT_LEADER = re.compile(r"^[^\n]{0,100}?(?:\.[ \t]*){4,}(?:\d{1,4}|[ivxlc]{1,7})$", re.IGNORECASE)
_CONTENTS_HEADING = re.compile(r"^(?:table of )?contents$", re.IGNORECASE)
# a number ending a line of words ("1 Introduction" is a heading), perhaps as an RFC writes it ("... [Page 3]")
_EDGE_NUMBER = re.compile(r"\S\s+(?:\[(?i:page)\s+)?(\d{1,4})\]?$")
EDGE_LINE_CHARS = 100  # a running header or footer is short
_LINK_ONLY = re.compile(rf"^(?:{LINK}|@\w+|/\w[\w/.-]*)$", re.IGNORECASE)
_FILE_PATH = re.compile(r"^/[\w.-]+(?:/[\w.-]*)+$|^/[\w-]+\.[\w.-]+$")  # "/etc/apt/sources.list", not "/ParlamODKB"
# A manual page's section heading: one or two words in capitals ("BUGS", "SEE ALSO")
_SECTION_HEADING = re.compile(r"^[A-Z]{3,}(?: [A-Z]{3,})?$")
_BOILERPLATE_START = re.compile(
    r"^(?:disclaimer\b|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|terms (?:of (?:use|service)|and conditions)\b"
    r"|privacy policy\b|cookie(?:s)? (?:policy|settings|notice)\b|this (?:site|website) uses cookies)"
    r"|\bno warranty\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\f\v]+")
# A rule: one punctuation character repeated, as plain text underlines a heading ("Introduction" / "------------")
# or sets sections apart; it says nothing, and had been quoted as the start of a sentence ("------------ A dpkg
# trigger is ...").
_RULE = re.compile(r"^([=\-~#*^+_])\1{2,}$")


def is_rule(line: str) -> bool:
    """Whether the (stripped) line is a rule: one punctuation character repeated ("========")."""
    return _RULE.match(line) is not None
_BLANK_RUNS = re.compile(r"\n{4,}")


def normalise(text: str) -> str:
    """Line endings to "\\n", invisible characters out, then NFKC (in this order: removing a character
    after NFKC could leave two that NFKC would combine, and NFKC produces none of them)."""
    text = _TERMINAL_ESCAPE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    while "\x08" in text and (struck := _OVERSTRIKE.sub(_struck, text)) != text:
        text = struck
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFKC", text)


def _struck(match: re.Match) -> str:
    first, second = match.groups()
    if {first, second} == {"+", "o"}:
        return "•"  # nroff's bullet: a list item's mark
    return second if first == "_" else first


def clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def is_page_furniture(line: str) -> bool:
    stripped = line.strip()
    if _YEAR.match(stripped):  # a year alone, not page 2022: it heads what follows
        return False
    return bool(stripped) and bool(_PAGE_NUMBER.match(stripped) or _LINK_ONLY.match(stripped)
                                   or _DOT_LEADER.search(stripped))


def _ends_a_phrase(lines: list[str], i: int) -> bool:
    """A path or link on its own line that the line before runs into is part of a sentence, not furniture:
    "... modules must be installed to" / "/usr/lib/python3/dist-packages." (the place had been dropped); so is one
    that a line ending in a colon announces, blank lines between ("For Win32, OSX, Linux, BSD, Jython, IronPython:" /
    "https://pypi.org/project/pyserial/", Python's FAQ)."""
    if i == 0 or not _LINK_ONLY.match(lines[i]):
        return False
    before = next((line for line in reversed(lines[:i]) if line), "")
    return ends_with_joiner(lines[i - 1]) or before.endswith(":")


def _heads_what_it_holds(lines: list[str], i: int) -> bool:
    """A file's path alone on its line, a blank line or a section heading before it and a line of text right after,
    heads what the file holds, as a manual page's FILES section sets it ("/etc/apt/sources.list" / "Locations to
    fetch packages from."; the paths had been dropped). A path printed under the command before it, or in a list of
    paths, is not kept so."""
    if not _FILE_PATH.match(lines[i]) or i + 1 >= len(lines):
        return False
    before, after = lines[i - 1] if i else "", lines[i + 1]
    return (not before or _SECTION_HEADING.match(before) is not None) and bool(after) and not _LINK_ONLY.match(after)


_BOXED = re.compile(r"^\*(?!\*)(.*[^*])?\*$")  # "*  Covered Software is provided ... "as is" basis,   *"
BOX_MIN_LINES = 3


def _without_box_borders(lines: list[str]) -> list[str]:
    """A block of three lines or more set in a box of asterisks (the Mozilla Public License's disclaimers), read without
    the box: "* basis, without warranty of any kind, either expressed, implied, or *" had been a quote."""
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _BOXED.match(lines[j]):
            j += 1
        if j - i >= BOX_MIN_LINES:
            out[i:j] = [clean_line(line[1:-1]) for line in lines[i:j]]
        i = max(j, i + 1)
    return out


def _without_contents_headings(lines: list[str]) -> list[str]:
    """A "Contents" or "Table of Contents" line whose next line is a table-of-contents entry goes with the
    entries (the lines are those before page furniture is dropped)."""
    out = []
    for i, line in enumerate(lines):
        if _CONTENTS_HEADING.match(line):
            following = next((x for x in lines[i + 1 :] if x), "")
            if _DOT_LEADER.search(following):
                continue
        out.append(line)
    return out


def drop_trailing_boilerplate(lines: list[str]) -> list[str]:
    """Cut from the first boilerplate-opening line in the second half of the document to its end, or to the next
    section heading of a manual page: GNU's pages set COPYRIGHT before BUGS, EXAMPLE and SEE ALSO, which had been
    cut with it."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    if len(content) < 4:
        return lines
    for i in content[len(content) // 2 :]:
        if _BOILERPLATE_START.search(lines[i].strip()):
            after = next((j for j in range(i + 1, len(lines)) if _SECTION_HEADING.match(lines[j].strip())), None)
            return lines[:i] if after is None else lines[:i] + drop_trailing_boilerplate(lines[after:])
    return lines


def page_headers_and_footers(pages: Sequence[str]) -> set[str]:
    """Lines that open or close most pages of a PDF are running headers and footers; so are the edge lines that
    carry their page's number ("Chapter 4: Function reference 12" on the 15th page, "... 13" on the 16th), when
    the same offset from the page's place holds on half the pages or more."""
    if len(pages) < 3:
        return set()
    edge_lines: Counter[str] = Counter()
    numbered: dict[int, list[tuple[int, str]]] = {}  # the number's offset from the page's place -> (place, line)
    for place, page in enumerate(pages):
        lines = _page_lines(page)
        edges = {*lines[:2], *lines[-2:]}
        edge_lines.update(edges)
        for line in edges:
            match = _EDGE_NUMBER.search(line) if len(line) <= EDGE_LINE_CHARS else None
            if match:
                numbered.setdefault(int(match.group(1)) - place, []).append((place, line))
    repeated = {line for line, n in edge_lines.items() if n >= max(3, 0.6 * len(pages))}
    enough = max(3, 0.5 * len(pages))
    return repeated | {line for found in numbered.values() if len({place for place, _ in found}) >= enough
                       for _, line in found}


def _page_lines(page: str) -> list[str]:
    """A page's lines that hold anything, cleaned as the text's are."""
    return [clean_line(normalise(line)) for line in page.splitlines() if line.strip()]


def title_in_running_header(pages: Sequence[str], headers: set[str]) -> str | None:
    """The line that opens a PDF's first page when it runs as a header over the pages ("Shared MIME-info
    Database"): the document's title, which the header's removal would otherwise take from the text."""
    first = next(iter(_page_lines(pages[0])), "") if pages else ""
    return first if first in headers and len(re.findall(r"[^\W\d_]{2,}", first)) >= 2 else None


# A number alone on an indented line, as a manual page sets a label over its text
_LABEL_ALONE = re.compile(r"^([ \t]+)(\d{1,4})[ \t]*$")
LABEL_INDENT = 2  # how much deeper than its label a label's text is set


def _labels_joined_to_their_text(text: str) -> str:
    """A manual page sets a number as a label over its text, indented deeper ("       12" / "           can't create
    home directory": useradd's exit values). Alone on its line, the number had been dropped as a page number and the
    values' meanings were left without their codes; the label is joined to its text's first line."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        label = _LABEL_ALONE.match(lines[i])
        following = lines[i + 1].expandtabs() if i + 1 < len(lines) else ""
        if label and following.strip() and (len(following) - len(following.lstrip())
                                            >= len(label.group(1).expandtabs()) + LABEL_INDENT):
            out.append(f"{label.group(1)}{label.group(2)} {following.strip()}")
            i += 2
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def clean_text(raw: str, drop_lines: Iterable[str] = ()) -> str:
    """Apply the rules above to one document's raw text (`drop_lines`: its PDF headers and footers)
    until they change nothing. After the first pass a pass only removes characters, so this ends."""
    dropped = {clean_line(line) for line in drop_lines}
    text = _clean_pass(_labels_joined_to_their_text(normalise(raw)), dropped)
    while (again := _clean_pass(text, dropped)) != text:
        text = again
    return text


def _clean_pass(text: str, dropped: set[str]) -> str:
    text = _HYPHEN_BREAK.sub(r"\1", text)
    lines = _without_box_borders(_without_contents_headings([clean_line(line) for line in text.split("\n")]))
    lines = [line for i, line in enumerate(lines)
             if not (is_page_furniture(line) and not _ends_a_phrase(lines, i) and not _heads_what_it_holds(lines, i))
             and line not in dropped
             and not is_rule(line)]
    lines = drop_trailing_boilerplate(lines)
    return _BLANK_RUNS.sub("\n\n\n", "\n".join(lines)).strip()
