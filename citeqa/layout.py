"""How a line break in a document reads: inside a phrase (a wrapped line) or between units.

Shared by ingest, which cuts documents into quote units, and retrieval, which shows a quote on one
line: a break inside a phrase reads as a space, a break between a name and its titles, or a label
and its value, as " / " (the usual mark of a line break in a quotation).
"""

from __future__ import annotations

import re

# A line that ends with one of these words (or a comma, hyphen or dash) goes on in the next line:
# "Chairman of the Senate of the" / "Republic of Kazakhstan".
JOINING_WORDS = frozenset(
    "a an the of and or nor to in into on onto for from with by at as about than per via its their his her "
    "our your whose which that who whom is are was were be been being has have had not no under over between "
    "among within without across through against toward towards upon including such".split()
)
# A reference manual's labels. A keyword: two words or more run together, each opening with a capital
# ("ServerAliveCountMax", "TCPKeepAlive"; not "NAME"). An option's name, perhaps with its argument ("-C",
# "--directory=DIR", "-n max-args", "--enable-cache-owner[=ARG]", "-D [bind_address:]port", "-t dsa | ecdsa | rsa").
KEYWORD = r"(?=[A-Z]\w*[a-z])(?=[A-Z][a-z0-9]*[A-Z])[A-Z][A-Za-z0-9]+"
OPTION_NAME = r"--?[A-Za-z0-9][\w-]*(?:\[?=[^\s,]+|[ \t](?!-)[^\s,|]+(?:[ \t]+\|[ \t]+[^\s,|]+)*(?=$|,|\n))?"
LIST_MARK = r"[-*•][ \t]+"  # a list item's mark, as citeqa reads HTML and Markdown lists ("- maxBuffer <number> ...")
# An API reference's parameter item, its name before its type: "- maxBuffer <number> ...", "- lowWaterMark - <integer>";
# or Sphinx's, its name (and type) before a dash: "- xorOut – Final value ...", "- data (byte string) – Data ..."
PARAMETER_ITEM = re.compile(rf"{LIST_MARK}(?P<name>[\w.$]+)[ \t]+"
                            r"(?:(?:-[ \t]+)?[<{]|(?:\([^()\n]*\)[ \t]+)?[–—][ \t])")
# A label: an option's names, each perhaps with its argument ("-C, --directory=DIR"), or a keyword
LABEL = rf"(?:{OPTION_NAME}(?:,[ \t]*{OPTION_NAME})*|{KEYWORD})"
# What an API reference sets between an entry's heading and its description: a history table ("History", "Version |
# Changes", "v15.0.0 | Changed default mode to throw."), "Added in: v10.7.0", "Stability: 2 - Stable", "Type: Runtime"
ENTRY_FURNITURE = re.compile(r"^\W*(?:history\b|version\s*\|\s*changes\b|v?\d+\.\d+[\w.]*(?:,\s*v?\d+\.\d+[\w.]*)*"
                             r"\s*\||(?:added|deprecated|removed|new|changed)\s+in\b|stability\b|type:)", re.I)
# A name written as code, as an API reference sets it as the heading over its entry: an option, a variable, a call
# ("--title=title", "UV_THREADPOOL_SIZE=size", "ERR_UNHANDLED_ERROR", "os.availableParallelism()",
# "emitter.setMaxListeners(n)", "path.basename(path[, suffix])"), a configuration key in kebab case after its table's
# name ("net.git-fetch-with-cli")
_CODE_HEADING = re.compile(r"(?:--?[A-Za-z][\w-]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$-]*)*)"
                           r"(?:\([^()\n]*\)|=\S+|\[[^\]\n]*\])*"
                           r"|\$<[^\s<>]+>")  # a CMake generator expression: "$<UPPER_CASE:string>"
_CODE_MARKS = re.compile(r"[._=(]|^-|[a-z][A-Z]|^\$<")
_OPTION_NAMES = re.compile(rf"{OPTION_NAME}(?:,[ \t]*{OPTION_NAME})*")  # "-c, --check", "-C cond, --conditions=cond",
# "--invert spec"


def is_code_heading(line: str) -> bool:
    """Whether the line is a name written as code alone: with a dot, an underscore, "=", a call's brackets, an
    option's dash or capitals inside a word (not "Usage", a heading in words); or an option's names ("-N,
    --show-only[=<format>]")."""
    line = line.strip()
    return bool(line) and (_CODE_HEADING.fullmatch(line) is not None and _CODE_MARKS.search(line) is not None
                           or _OPTION_NAMES.fullmatch(line) is not None)


# A web or e-mail address as written in a text.
LINK = r"(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+)"
# A shell's or Python's prompt opening a line of a console session: "$ pip install ...", ">>> import os", "C:\\> py"
PROMPT = re.compile(r"[ \t]*(?:\$|>>>|>|C:\\>|PS>)[ \t]+(?=\S)")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*$")
_BLANK_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_ENDS_WITH_A_WORD_OR_MARK = re.compile(r"(?:[^\W\d_]|[,–—&-])$")  # a letter, a comma, a dash: not a digit, a "/"
# A heading that opens with its section's number ("1.1.1. The concept", "2.1 Package specific manual page sections")
_NUMBERED_HEADING = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?[ \t]+[^\W\d_][^.!?:;]{0,60}")


def in_capitals(text: str) -> bool:
    """Set in capitals throughout (a heading, a label): at least two letters, every one upper case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def ends_sentence(line: str) -> bool:
    return bool(_TERMINAL.search(line.rstrip()))


def ends_with_joiner(line: str) -> bool:
    """The line stops where a phrase cannot end: after a joining word, a comma, a hyphen or a dash."""
    line = line.rstrip()
    if not line:
        return False
    if line[-1] in ",-–—&/(":
        return True
    match = _LAST_WORD.search(line)
    return bool(match) and match.end(1) == len(line) and match.group(1).lower() in JOINING_WORDS


def continues(previous: str, following: str, across_a_blank_line: bool = False) -> bool:
    """Whether `following` goes on with the phrase `previous` broke off. Across a blank line only after a word:
    "Chairman of the Senate of the" / "Republic of Kazakhstan" goes on, but a path or a time ("su - root ls -l /",
    a signature's "16:17:16 -0700") does not run into the next paragraph ("pam (1.1.0-1) unstable; ..."), nor does a
    numbered heading."""
    following = following.lstrip(" \t\"“‘'(")
    if across_a_blank_line and not _ENDS_WITH_A_WORD_OR_MARK.search(previous.rstrip()):
        return False
    if across_a_blank_line and _NUMBERED_HEADING.fullmatch(previous.strip()) and not ends_with_joiner(previous):
        return False  # a numbered heading over its section ("1.1.1. The concept" / "man-db originally started ...")
    return ends_with_joiner(previous) or (bool(following) and following[0].islower() and not ends_sentence(previous))


def one_line(text: str) -> str:
    """A quote on one line: a wrapped line joins with a space, a blank-line break reads " / " unless
    the phrase goes on across it, and so does the break before a list item ("2021 / - Armenia / - Kazakhstan")."""
    parts = [_ITEM_BREAK.sub(" / ", part) for part in _BLANK_BREAK.split(text.strip())]
    out = _LINE_BREAK.sub(" ", parts[0])
    for part in parts[1:]:
        part = _LINE_BREAK.sub(" ", part)
        out += (" " if continues(out, part, across_a_blank_line=True) else " / ") + part
    return " ".join(out.split())


def quoted(text: str, n: int) -> str:
    """A quote as every answer shows it (the CLI, the API, the chat): on one line, in quotation marks,
    then its citation number."""
    return f"“{one_line(text)}” [{n}]"


# A line that opens a list item: a dash or bullet, or a short number or letter with "." or ")".
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•▪●◦*·]|\d{1,2}[.)]|[a-z][.)])[ \t]+\S")
_ITEM_BREAK = re.compile(rf"[ \t]*\n(?={_LIST_ITEM.pattern})[ \t]*")  # a line break before a list item
LEAD_IN_LOOKBACK = 4000  # characters a list's lead-in is looked for above an item


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def list_lead_in(text: str, start: int) -> tuple[int, int] | None:
    """The heading or the sentence ending in a colon that introduces the list whose item holds `start`
    ("CSTO PA STANDING COMMISSION ON SOCIOECONOMIC AND LEGAL ISSUES" over "- develops recommendations on
    ... human trafficking ..."), as (start, end) of its last line; None when `start` is in no list item
    or the list has no such lead-in. An item says what is done, its lead-in who does it: quoted alone,
    the item answers "which commission ...?" with nothing. An item's wrapped lines (indented, or under a
    line that is not finished) belong to it; items may stand apart by blank lines."""
    first = text.rfind("\n", 0, max(start - LEAD_IN_LOOKBACK, 0)) + 1
    end = text.find("\n", start)
    offsets, lines = [], []
    position = first
    for line in text[first : end if end >= 0 else len(text)].split("\n"):
        offsets.append(position)
        lines.append(line)
        position += len(line) + 1

    def item_of(j: int) -> int | None:
        """The item line that line j belongs to (itself, or the item whose wrapped line it is)."""
        while not is_list_item(lines[j]):
            if j == 0 or not lines[j - 1].strip():
                return None
            previous = lines[j - 1].rstrip()
            if not (lines[j][:1] in " \t" or not (ends_sentence(previous) or previous.endswith((";", ":")))):
                return None  # not a wrapped line of the line above: that one is finished
            j -= 1
        return j

    j = item_of(len(lines) - 1)
    if j is None:
        return None
    while True:  # up over the list's items (and blank lines between them) to the line above the first
        j -= 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        if j < 0:
            return None
        above = item_of(j)
        if above is None:
            break
        j = above
    lead = lines[j].rstrip()
    if not (lead.endswith(":") or not (ends_sentence(lead) or lead.endswith((";", ",")))):
        return None  # a sentence or clause that merely stands before the list
    return offsets[j] + len(lines[j]) - len(lines[j].lstrip()), offsets[j] + len(lead)
