"""A question that asks in which version or release something changed ("In which version did apt start removing
unused kernels?", "Which version of apt made the solver stop removing Essential packages?") is answered, over release
notes, by the version of the entry its answer stands in: the entry's header ("apt (2.1.16) unstable; urgency=medium",
"## [1.2.0] - 2020-01-01", "Release v2.6.30"), which the entry's lines rarely repeat. Without it the quotes hold no
version and the question was refused ("The documents do not say") though its best quote said what changed. "When
...?" is answered the same way by the entry's date: its signature line's ("-- Michael Biebl <biebl@debian.org>  Wed,
08 Jun 2022 21:49:47 +0200", after the entry) or its header's ("## [1.2.0] - 2020-01-01").
"""

from __future__ import annotations

import re

from citeqa.layout import ends_sentence, is_list_item
from retrieval.change_log import is_a_change_log
from retrieval.text import end_of_text_before

# "In which version ...?", "Which release of apt ...?"; not "Which API version ...?", the version of another thing.
ASKS_WHICH_VERSION = re.compile(r"\b(?:which|what)\s+(?:version|release)\b", re.I)
# "Since which version can pip use the system trust store?", "In which pip version was percent-encoding of credentials
# added?": since when a thing is there (the version of the program documented, named or not)
ASKS_SINCE_WHICH_VERSION = re.compile(r"^\W*(?:since\s+(?:which|what)\s+(?:[\w.+-]+\s+)?(?:version|release)\b|"
                                      r"(?:in|with)\s+(?:which|what)\s+(?:[\w.+-]+\s+)?(?:version|release)\b.*\b"
                                      r"(?:added|introduced|available|supported|exists?)\b)", re.I)
# "When was systemd-boot split into a separate package?": when a change was made, not when a thing was released.
ASKS_WHEN_CHANGED = re.compile(
    r"^\W*when\s+(?:was|were|did|has|have)\b.*\b(?:split|renamed|changed|changes|change|removed|remove|added|add|"
    r"deprecated|deprecate|introduced|introduce|dropped|drop|replaced|replace|switched|switch|moved|move|disabled|"
    r"disable|enabled|enable|fixed|fix)\b", re.I)
# A Debian change log's or NEWS file's entry header: "glibc (2.31-5) unstable; urgency=medium".
_PACKAGE_HEADER = re.compile(r"^[ \t]*[a-z0-9][\w.+-]*[ \t]+\((?P<version>[^()\s]+)\)[^\n;]*;[ \t]*urgency=\w+[ \t]*$",
                             re.M)
# A version label on its own line, as a change log's heading: "## [1.2.0] - 2020-01-01", "Release v2.6.30", "1.2.15".
_VERSION_LINE = re.compile(r"^[ \t#*\[]*(?:release|version|v)?[ \t]*v?(?P<version>\d+\.\d+(?:\.\d+)*[-.\w~]*)\]?"
                           r"(?:[ \t]*[-–(][^\n]{0,40})?[ \t]*$", re.M | re.I)
# A version the line itself names: "Starting with version 2.26-1, the glibc requires ..." in the entry of 2.26-5.
# An API reference's history row: its versions, then what changed ("v10.0.0 | Runtime deprecation.", "v6.12.0, v4.8.6 |
# A deprecation code has been assigned.")
HISTORY_ROW = re.compile(r"^\W*(?P<version>v?\d+(?:\.\w+)+)(?:,\s*v?\d+(?:\.\w+)+)*\s*\|\s*(?P<change>\S)")
_NAMED_VERSION = re.compile(r"\b(?:version|release)\s+v?(?P<version>\d+(?:\.\d+)+(?:[-~+.]?\w+)*)", re.I)
# A Debian entry's signature line, and its date: " -- Michael Biebl <biebl@debian.org>  Wed, 08 Jun 2022 21:49:47
# +0200".
_SIGNATURE_DATE = re.compile(r"^[ \t]*--[ \t]+[^<\n]+<[^>\n]+>[ \t]+"
                             r"(?P<date>(?:\w{3},[ \t]+)?\d{1,2}[ \t]+\w{3}[ \t]+\d{4})", re.M)
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENTRY_REACH = 20_000  # characters above a line where its entry's header is looked for (below it, its signature)


def version_of_its_entry(text: str, at: int) -> tuple[int, int] | None:
    """The offsets of the version in the header of the change-log entry that holds offset `at` of `text`, or None
    when the text is no change log or no header stands above `at`."""
    lo = max(0, at - ENTRY_REACH)
    header = None
    for header in _PACKAGE_HEADER.finditer(text, lo, at):
        pass
    if header is None and is_a_change_log(text):
        for header in _VERSION_LINE.finditer(text, lo, at):
            pass
    return (header.start("version"), header.end("version")) if header is not None else None


def version_it_names(line: str) -> tuple[int, int] | None:
    """The offsets of a version the line names after "version" or "release", or of the version that opens a history
    table's row ("v10.0.0 | Runtime deprecation."), or None."""
    m = _NAMED_VERSION.search(line) or HISTORY_ROW.match(line)
    return (m.start("version"), m.end("version")) if m is not None else None


# Sphinx's version note standing alone over what it dates: "New in version 3.12." over "Object Libraries may be used as
# the <target> (first) argument ..."
_VERSION_NOTE_ALONE = re.compile(r"(?:(?:new|added|changed|removed)\s+in|deprecated\s+since)\s+version\s+"
                                 r"(?P<version>\d+(?:\.\w+)+)\.?", re.I)


def version_note_over(text: str, at: int) -> tuple[int, int] | None:
    """The offsets of the version of a version note that stands alone in the block right above offset `at` ("New in
    version 3.12." over the paragraph it dates), or None."""
    end = end_of_text_before(text, at)
    block = text[text.rfind("\n\n", 0, end) + 1 : end].strip()
    note = _VERSION_NOTE_ALONE.fullmatch(block)
    if note is None:
        return None
    start = end - len(block)
    return start + note.start("version"), start + note.end("version")


# Sphinx's or MyST's note that a section is new, right under the section's heading: "New in version 22.2." or "New in
# version 22.2: Experimental support, behind --use-feature=truststore."
VERSION_NOTE = re.compile(r"(?:new|added)\s+in\s+version\s+(?P<version>\d+(?:\.\w+)+)(?=\.?$|:\s)", re.I)
SECTION_REACH = 8  # blocks of a section looked past, above a paragraph, for its heading
HEADING_CHARS = 80  # a heading is one line of at most this many characters that ends no sentence


def version_note_of_its_section(text: str, at: int) -> tuple[int, int] | None:
    """The offsets of the version of the note "New in version 22.2." that opens the section holding offset `at`, right
    under its heading (or under the document's title); None when the section opens otherwise. A MyST or Sphinx page
    dates a section so ("Using system certificate stores" / "New in version 22.2: Experimental support ..." / "It is
    possible to use the system trust store ..."), and the paragraphs under it never repeat the version. At a heading,
    the note right under it."""
    start, headings = at, 0
    while headings < SECTION_REACH:  # at a heading (a title over a section's heading too): the first block under it
        block_end = text.find("\n\n", start)
        block = text[start : block_end if block_end >= 0 else len(text)].strip()
        if not is_a_heading(block):
            break
        headings += 1
        if block_end < 0:
            return None
        start = len(text) - len(text[block_end:].lstrip())
    if headings:
        found = VERSION_NOTE.match(block)
        return (start + found.start("version"), start + found.end("version")) if found else None
    end = end_of_text_before(text, max(text.rfind("\n\n", 0, at), 0))
    note = None
    for _ in range(SECTION_REACH):
        if end == 0:
            return None
        cut = text.rfind("\n\n", 0, end)
        start = cut + 2 if cut >= 0 else 0
        block = text[start:end].strip()
        if note is not None:
            return note if is_a_heading(block) else None
        found = VERSION_NOTE.match(block)
        if found is not None:
            opens = start + len(text[start:end]) - len(text[start:end].lstrip())
            note = (opens + found.start("version"), opens + found.end("version"))
        elif is_a_heading(block):
            return None
        end = end_of_text_before(text, cut) if cut >= 0 else 0
    return None


def is_a_heading(block: str) -> bool:
    """One short line that ends no sentence, announces nothing (":") and is no list item."""
    return ("\n" not in block and len(block) <= HEADING_CHARS and not ends_sentence(block) and not block.endswith(":")
            and not is_list_item(block) and any(map(str.isalpha, block)))


def date_of_its_entry(text: str, at: int) -> tuple[int, int] | None:
    """The offsets of the date of the change-log entry that holds offset `at`: the date of the first signature line
    after it (before the next entry's header), or a date in its header line; None when there is neither."""
    hi = min(len(text), at + ENTRY_REACH)
    following = _PACKAGE_HEADER.search(text, at, hi)
    signature = _SIGNATURE_DATE.search(text, at, following.start() if following is not None else hi)
    if signature is not None:
        return signature.start("date"), signature.end("date")
    found = version_of_its_entry(text, at)
    if found is None:
        return None
    line_end = text.find("\n", found[1])
    date = _ISO_DATE.search(text, found[1], line_end if line_end >= 0 else len(text))
    return (date.start(), date.end()) if date is not None else None

