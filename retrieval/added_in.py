"""For "When was os.availableParallelism() added?", "In which version was the --title option added?": the versions
an API reference's entry says the name was added in.

An API reference heads each entry with the name written as code ("os.availableParallelism()", "--title=title") and
sets its history under it, before what it does: "Added in: v19.4.0, v18.14.0", or a history table whose last row
reads "v0.1.90 | Added in: v0.1.90". That line holds no word of the question but "added", and the question's name is
written as code, one word to BM25: the question was refused ("The documents do not say"). The entry is found by its
heading, a line that opens with the name asked; its first "Added in" line, past the other lines of its history,
answers.
"""

from __future__ import annotations

import re

from citeqa.layout import ENTRY_FURNITURE, LABEL, is_code_heading
from retrieval.entry_version import VERSION_NOTE, version_note_of_its_section

ASKS_WHEN_ADDED = re.compile(r"(?:^|\s[-–—]\s+|:\s+)\W*(?:when\s+(?:was|were|did)|(?:in\s+|since\s+)?"
                             r"(?:which|what)\s+(?:[\w.]+\s+)?(?:version|release))\b.*\b"
                             r"(?:added|introduced|add|introduce|available|exists?)\b"
                             r"|^\W*since\s+(?:which|what)\s+(?:[\w.]+\s+)?(?:version|release)\b",  # since when it is
                             re.I)  # there: "Since which version can foreach iterate ... using ZIP_LISTS?"; after the
# name asked set first ("continue() in loops - what cmake version added it?")
# The name asked, written as code: an option ("--title"), a call or a dotted name ("os.availableParallelism()"), a
# name in capitals joined by "_" ("UV_THREADPOOL_SIZE")
_CODE_NAME = re.compile(r"(?<![\w-])(?:--?[A-Za-z][\w-]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?"
                        r"|[A-Za-z_$][\w$]*\(\)|[A-Z][A-Z0-9]*_[A-Z0-9_]+)(?![\w-])"
                        r"|\$<[^\s<>]+>")  # a CMake generator expression: "$<IN_LIST:string,list>"
# "Added in: v19.4.0, v18.14.0" (Node.js), "New in version 3.24." (Sphinx)
_ADDED_IN = re.compile(r"(?i:added\s+in|new\s+in\s+version):?\s+(?P<versions>v?\d+(?:\.\w+)+(?:,\s*v?\d+(?:\.\w+)+)*)")
HISTORY_REACH = 12  # blocks of an entry's history read for its "Added in" line


def code_name_asked(question: str) -> str | None:
    """The one name written as code that the question asks about ("os.availableParallelism" of "When was
    os.availableParallelism() added?"), without a call's brackets; None when it names none or several."""
    if not ASKS_WHEN_ADDED.search(question):
        return None
    written = set(_CODE_NAME.findall(question))
    keywords = {name for name in written if not name.endswith("()")}  # the keyword of a command it names ("PATH_EQUAL"
    names = {name.removesuffix("()") for name in (keywords if len(keywords) == 1 else written)}  # of "... if() ...")
    return names.pop() if len(names) == 1 else None


def added_in(text: str, name: str) -> tuple[int, int] | None:
    """The offsets of the versions the entry headed by `name` says it was added in, or None."""
    heading = re.compile(rf"(?m)^{re.escape(name)}(?![\w$-])[^\n]*$")
    for found in heading.finditer(text):
        line = found.group().strip()
        if not (is_code_heading(line) or line == name or re.fullmatch(LABEL, line)):  # "--output-junit <file>"
            continue
        at = found.end()
        for _ in range(HISTORY_REACH):
            cut = text.find("\n\n", at)
            while 0 <= cut < len(text) and text[cut] == "\n":
                cut += 1
            if cut < 0 or cut >= len(text):
                break
            end = text.find("\n\n", cut)
            block = text[cut : end if end >= 0 else len(text)]
            if not ENTRY_FURNITURE.match(block):
                break
            said = _ADDED_IN.search(block)
            if said is not None:
                return cut + said.start("versions"), cut + said.end("versions")
            at = cut + len(block)
    return None


def signature_added_in(text: str, name: str) -> tuple[int, int] | None:
    """The offsets of the version of the note "New in version 3.17." right under a line alone that writes `name`, a
    command's form that uses it as a CMake reference sets it ("foreach(<loop_var>... IN ZIP_LISTS <lists>)" / "New in
    version 3.17."), or None."""
    for found in re.finditer(rf"(?<![\w$-]){re.escape(name)}(?![\w$-])", text):
        line_start, line_end = text.rfind("\n", 0, found.start()) + 1, text.find("\n", found.end())
        if line_end < 0 or not text.startswith("\n\n", line_end) or not text.endswith("\n\n", 0, line_start):
            continue  # (a line alone: a blank line above and below it)
        note = len(text) - len(text[line_end:].lstrip("\n"))
        end = text.find("\n", note)
        said = VERSION_NOTE.match(text[note : end if end >= 0 else len(text)].strip())
        if said is not None:
            return note + said.start("version"), note + said.end("version")
    return None


def section_added_in(text: str, name: str) -> tuple[int, int] | None:
    """The offsets of the version of the note "New in version 22.3." that opens the section where the text first
    writes `name` (a guide, not a reference: "Managing a different Python interpreter" / "New in version 22.3." /
    "... you can use the --python option ..."), or None."""
    first = re.search(rf"(?<![\w$-]){re.escape(name)}(?![\w$-])", text)
    return version_note_of_its_section(text, first.start()) if first is not None else None
