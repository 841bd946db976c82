"""For "What does the -f option do?", the line that says what the option does, not the one that only names it; for
"Which tar option filters the archive through xz?", the option whose description the answer quotes.

A command's documentation names an option in its usage line ("Usage: pyenv uninstall [-f|--force] <version>") and in
other options' lines ("If the --json flag is used, ... (or would have made with --dry-run) ...") as well as in the
line that describes it ("-f  Attempt to remove the specified version without prompting for confirmation.", "If the
--dry-run flag is used then no changes will actually be made."). The unit ranker scores them alike, the usage line
above all. A line describes an option when the option is the first it names and it is no usage line; when the best
unit does not, the first of the others that does is put first, just above the best unit's score.

A manual page sets each option's label over (or before) what it does ("-J, --xz" / "Filter the archive through
xz(1)."; "-4      Forces ssh to use IPv4 addresses only."); a configuration file's manual sets its keyword so
("ServerAliveCountMax" / "Sets the number of ..."). "Which ... option ...?" asks for that label: the span model had put
"use IPv4 addresses only" and "-C Requests compression" in bold. The answer is the label of the first of the best
units that opens with one.

An API reference (a documentation site's pages) heads each entry with its name written as code ("--title=title",
"ERR_INVALID_ARG_TYPE", "os.freemem()") and sets its history ("Added in: v10.7.0", "v15.0.0 | Changed default mode to
throw.") and its parameters ("- maxBuffer <number> ...") between the heading and what it does: the description is the
first unit under the heading past those lines (`heading_above`), and "Which error code / variable / method ...?" is
answered by the heading over the best unit or by a parameter's name (`the_code_heading_asked`).

A language's command reference sets each of a command's keywords alone in capitals over what it does, sometimes with a
version note between (CMake's "ALL" / "Indicate that this target should be added to the default build ...";
"COMMAND_EXPAND_LISTS" / "New in version 3.16." / "Lists in COMMAND arguments will be expanded ..."): "Which
add_custom_target option ...?" is answered by that keyword (`is_keyword_label`), too short to be quoted alone, so it is
quoted with the unit under it as one span of the text.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Sequence

import numpy as np

from citeqa.layout import ENTRY_FURNITURE, LABEL, LIST_MARK, PARAMETER_ITEM, is_code_heading
from retrieval.scored import ScoredUnit, SpanChoice, from_its_label, ruled, with_scores
from retrieval.text import (AFTER_A_CLAUSE, asking_sentence, content_words, end_of_text_before, questions_asked,
                            writes)

OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")  # an option's name as a question types it
# What a reference sets over its entry besides an option: a name in capitals joined by "_" (an error code
# "ERR_INVALID_ARG_TYPE", an environment variable "UV_THREADPOOL_SIZE")
_NAMED = re.compile(r"(?<![\w-])(?:--?[A-Za-z][\w-]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)(?![\w-])")
# and asked about, in small letters too: a C type "ffi_type_sint16" (a sentence that opens with a function's name,
# "ffi_prep_cif returns a libffi status code", is no line that describes it as an option's is), and a code of capitals
# and digits that heads its entry ("DEP0013: fs asynchronous function without callback")
_ASKED_NAME = re.compile(rf"{_NAMED.pattern}|(?<![\w-])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z]{{2,}}\d{{2,}})(?![\w-])")
# "What does os.freemem() return?": a function asked of, with nothing more (not "... return on Windows?", which another
# of its entry's sentences answers)
_ASKS_WHAT_A_CALL_DOES = re.compile(r"^\W*what\s+(?:does|do)\s+(?:the\s+)?"
                                    r"(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(\)\s+(?:return|do|mean)\W*$",
                                    re.I)
# "What does the -f option do?", "What does --dry-run mean?", "What is --bare for?"
_ASKS_WHAT_IT_DOES = re.compile(r"^\W*what\s+(?:does|do|is|are)\b", re.I)
_USAGE = re.compile(r"^\W*(?:usage|synopsis)\b", re.I)
# A code and the title it heads its entry with ("DEP0116: Legacy URL API", "E501: line too long")
_CODE_AND_TITLE = re.compile(r"(?P<name>[A-Z]{2,}\d{2,}|[A-Z][A-Z0-9]*_[A-Z0-9_]+):[ \t]+\S")
_WORDS = re.compile(r"\w+")
QUOTABLE_WORDS = 3  # the fewest words a quote may have (answer.MIN_QUOTE_WORDS)
OPTION_REACH = 3  # the best units looked at for an option's label
SpanAt = Callable[[ScoredUnit, tuple[int, int]], SpanChoice | None]  # the span at offsets of a unit's document
# "Which environment variable ...?", "Which error code ...?", "Which method ...?": a name an API reference heads an
# entry with; after a clause that sets the case ("In an integration test, which env var ...?")
ASKS_WHICH_NAME = re.compile(rf"{AFTER_A_CLAUSE}(?:which|what)\s+(?:[\w.\[\]-]+(?:\(\))?\s+){{0,2}}?"
                             r"(?:option|flag|switch|keyword|variable|var|method|function|code|event|property|symbol|"
                             r"constant|setting|parameter|class|expression|key|mode|argument)s?\b", re.I)
# A keyword set alone over what it does, as a reference of a language's commands lists a command's keywords and their
# arguments (CMake's "ALL", "RETRY_DELAY <delay>", "PARTS <part>..."): capitals, digits and "_", not a section's title
# ("DESCRIPTION"), which no question of a command's keywords asks for
KEYWORD_LABEL = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?:[ \t]+(?:<[\w-]+>|\[[^\]\n]*\])(?:\.\.\.)?)*")
_SECTION_TITLES = frozenset("NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLE EXAMPLES FILES ENVIRONMENT BUGS AUTHOR AUTHORS "
                            "NOTES NOTE HISTORY DIAGNOSTICS CONFIGURATION USAGE COPYRIGHT WARNING WARNINGS".split())
# What makes "option" a command's keyword in a language that writes none with a dash: the command named as code
# ("Which add_custom_target option ...?", "Which block() option ...?")
CODE_QUALIFIER = re.compile(r"_|\(\)$")
# "Which tar option ...?", "What option ...?", "Which configure flag ...?", "Which ssh_config keyword ...?"
ASKS_WHICH_OPTION = re.compile(r"^\W*(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:option|flag|switch|keyword)\b", re.I)
_OPENING_LABEL = re.compile(rf"(?m)^{LABEL}(?=[ \t]*\n|[ \t]+[A-Z])")
LEAD = 0.5  # the describing line's score above the best unit's: first, with the best unit close behind


def option_asked(question: str) -> str | None:
    """The one option a "What does ... do?" question names ("-f" of "What does the -f option of pyenv uninstall
    do?"), or None."""
    if not _ASKS_WHAT_IT_DOES.search(question):
        return None
    options = set(_ASKED_NAME.findall(question))
    if not options and (call := _ASKS_WHAT_A_CALL_DOES.match(question)) is not None:
        return call.group("name")  # "os.freemem" of "What does os.freemem() return?"
    return options.pop() if len(options) == 1 else None


def describes(unit_text: str, option: str) -> bool:
    """Whether the unit is about the option: the first option it names, on no usage line nor inside brackets."""
    if _USAGE.search(unit_text):
        return False
    first = _NAMED.search(unit_text)
    return (first is not None and first.group() == option
            and "[" not in unit_text[max(0, first.start() - 2):first.start()])


def with_the_options_own_line(units: Sequence[ScoredUnit], rows: np.ndarray, question: str,
                              text_of: Callable[[str], str]) -> tuple[list[ScoredUnit], np.ndarray]:
    """The ranked units with the line that describes the option asked first, when the best unit does not and another
    of the top passages' does ("-M, --no-create-home", ranked below the usage lines and the lines that name "-M" in
    passing); probabilities are the softmax of the scores again. Under a label set alone as a heading (an API
    reference's "--title=title", "ERR_INVALID_ARG_TYPE": too short to quote), the description below it is that line."""
    option = option_asked(question)
    if option is None or not units:
        return list(units), rows
    described = next((i for i, u in enumerate(units) if _under_the_label(u, option, text_of)),
                     None)  # what the label's heading stands over
    found = next((i for i in range(len(units)) if _labelled(units[i].text, option)), None)  # its label's line
    if described is None and found == 0:
        return list(units), rows
    if described is None and found is None:  # else the first that names it first, unless the best unit does
        if describes(units[0].text, option):
            return list(units), rows
        found = next((i for i in range(1, len(units)) if describes(units[i].text, option)), None)
    first = [i for i in (described, found) if i is not None]
    if not first:
        return list(units), rows
    order = first + [i for i in range(len(units)) if i not in first]
    lead = {i: units[0].score + LEAD * (len(first) - n) / len(first) for n, i in enumerate(first)}
    scores = [lead.get(i, units[i].score) for i in order]
    return with_scores([units[i] for i in order], scores), rows[order]


def asks_what_it_is(question: str) -> bool:
    """Whether the question asks what a name does, means, returns or is ("What does the --title option do?", "What
    does ERR_INVALID_ARG_TYPE mean?", "What is ffi_type_sint16?"), which the whole entry answers; not what it returns
    in a case the question names, nor when."""
    return _ASKS_WHAT_IT_IS.search(question) is not None


_ASKS_WHAT_IT_IS = re.compile(r"^\W*what\s+(?:does|do)\b.*\b(?:do|mean|return|stand\s+for)\W*$"
                              r"|^\W*what\s+(?:is|are)\s+(?:the\s+)?\S+(?:\s+(?:option|flag|variable|code|error))?\W*$",
                              re.I)


def described_under_its_label(unit: ScoredUnit, question: str, text_of: Callable[[str], str]) -> bool:
    """Whether the unit stands under the heading of the option asked, or opens with it over what follows
    ("ERR_INVALID_ARG_TYPE" / "An argument of the wrong type ..."): what it does, as its reference says."""
    option = option_asked(question)
    return option is not None and _under_the_label(unit, option, text_of)


def _under_the_label(unit: ScoredUnit, option: str, text_of: Callable[[str], str]) -> bool:
    if ENTRY_FURNITURE.match(unit.text) or only_history(unit.text):  # "Added in: v1.2.0" stands under it, saying
        return False  # nothing
    if re.match(rf"{re.escape(option)}:[ \t]", unit.text):  # its entry's heading, "DEP0013: fs asynchronous ..."
        return True
    heading = code_heading_opening(unit.text)
    return label_line(heading if heading is not None else heading_above(text_of(unit.doc_id), unit.start),
                      option) == 0


def code_heading_opening(text: str) -> str | None:
    """The name written as code that opens the text as a heading, a blank line over what follows; or None."""
    first, _, rest = text.partition("\n")
    return first if rest.startswith("\n") and is_code_heading(first) else None


def the_code_heading_asked(question: str, units: Sequence[ScoredUnit], text_of: Callable[[str], str],
                           reach: int = OPTION_REACH, span_at: SpanAt | None = None) -> SpanChoice | None:
    """For "Which environment variable sets ...?", "Which error code is thrown when ...?", "Which method changes ...?"
    over an API reference: the name written as code heading the first of the best units whose words under it share
    one with what the question says it does ("UV_THREADPOOL_SIZE=size" over "Set the number of threads used in
    libuv's threadpool ..."), when the heading can be quoted (it opens that unit, is a unit of its own, or stands over
    the unit past version notes only: then quoted with it, "ALL / Indicate that ..."); None otherwise. Of the first
    `reach` units; `span_at` finds a heading that is no unit found (a method's signature
    over its description, "generateCode(functionName, out, [dataType, crcType])", outside the passages found)."""
    asking = asking_sentence(question)
    asked = ASKS_WHICH_NAME.search(asking)
    if asked is None or _NAMED.search(asking):
        return None
    wanted = set(content_words(asking[asked.end():]))
    if len(wanted) < SAYS_LITTLE:  # "Which block() option should I use for that?": what it does is in the scene
        wanted |= set(content_words(question))
    for unit in units[:reach]:
        parameter = PARAMETER_ITEM.match(unit.text) or _CODE_AND_TITLE.match(unit.text)  # a parameter ("ttl" of "-
        # ttl <boolean> Retrieves the Time-To-Live ..."), or the code of a heading "DEP0116: Legacy URL API"
        if (named := parameter or named_item(unit.text)) is not None:  # or a name before a dash, of the kind asked
            if wanted.intersection(content_words(unit.text[named.end():])) and (  # ("- CARGO_MANIFEST_DIR — ...")
                    parameter is not None or _fits(named.group("name"), asked, question)):
                return ruled(unit, *named.span("name"))
            continue
        text = text_of(unit.doc_id)
        if (item := named_item_over(text, unit.start)) is not None:  # "This may be used with the env macro ..." of
            # "- CARGO_BIN_EXE_<name> — The absolute path to a binary target's executable. ... This may be used ..."
            if span_at is not None and wanted.intersection(content_words(text[item.end():unit.end])) \
                    and _fits(item.group("name"), asked, question) \
                    and (found := span_at(unit, item.span("name"))) is not None:  # (the index read last)
                return found
            continue
        heading = code_heading_opening(unit.text) or keyword_label_opening(unit.text)
        if heading is not None:
            if _does_what_is_asked(heading, unit.text[len(heading):], wanted) and _fits(heading, asked, question):
                return ruled(unit, 0, _named(heading))
            continue
        above = code_heading_over(text, unit.start) if unit is units[0] else heading_above(text, unit.start)
        if not above and is_keyword_label(keyword := heading_above(text, paragraph_start(text, unit.start))):
            above = keyword  # "ALL" over "Indicate that this target should be added to the default build ...", or
            # over the paragraph the unit goes on ("GLOBAL" / "... The current file will only be included once ...")
        if not (is_code_heading(above) or is_keyword_label(above)):
            continue
        if _written_in(above, question):  # the entry the question names ("... calls querystring.decode() ... Which
            return None  # function is it an alias for?"): its text answers, not the heading of the entry after it
        if not _does_what_is_asked(above, unit.text, wanted) or not _fits(above, asked, question):
            continue
        alone = next((u for u in units if u.doc_id == unit.doc_id and u.text.startswith(above) and u.start < unit.start
                      and len(_WORDS.findall(u.text)) >= QUOTABLE_WORDS), None)  # over its history lines
        if alone is not None:
            at = alone.text.index(above)
            return ruled(alone, at, at + _named(above))
        at = text.rfind(above, 0, unit.start)
        found = span_at(unit, (at, at + _named(above))) if span_at is not None and at >= 0 else None
        if found is not None and _only_code_headings(found.unit.text) and len(_WORDS.findall(found.unit.text)) \
                >= QUOTABLE_WORDS:  # the heading alone, or with the entry's other names ("-i spec" / "--invert spec")
            return found
        if at >= 0 and only_furniture(text[at + len(above) : paragraph_start(text, unit.start)]):
            entry = from_its_label(unit, at, text)  # too short to be quoted alone ("ALL", "COMMAND_EXPAND_LISTS" /
            return ruled(entry, 0, _named(above))  # "New in version 3.16."): quoted with what it does, as one span
    return None


SAYS_LITTLE = 3  # fewer content words than this after "Which option" say too little of what it does


def _does_what_is_asked(heading: str, description: str, wanted: set[str]) -> bool:
    """Whether what the heading's entry says shares a word with what the question says the name does; two words under
    a keyword in capitals, which prose writes too ("Which wharf_target keyword sets a timeout after which the build is
    killed?" is not asked of "EVERY" / "... added to the default build ...")."""
    shared = len(wanted.intersection(content_words(description)))
    return shared >= (KEYWORD_SHARED if is_keyword_label(heading) and not is_code_heading(heading) else 1)


KEYWORD_SHARED = 2


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph that holds offset `at` begins: after the blank line before it."""
    cut = text.rfind("\n\n", 0, at)
    start = cut + 2 if cut >= 0 else 0
    while start < at and text[start] == "\n":
        start += 1
    return start


def label_over_the_paragraph(text: str, at: int) -> tuple[int, int] | None:
    """The span of the label alone over the paragraph that holds offset `at`, past version notes only (a keyword,
    "STRING", an option's names or a name written as code), without its arguments ("RETRY_DELAY" of "RETRY_DELAY
    <delay>"); None when the paragraph stands under none."""
    paragraph = paragraph_start(text, at)
    above = heading_above(text, paragraph)
    if not (is_keyword_label(above) or is_code_heading(above) or re.fullmatch(LABEL, above)):
        return None
    label = text.rfind(above, 0, paragraph)
    if label < 0 or not only_furniture(text[label + len(above) : paragraph]):
        return None
    return label, label + _named(above)


def is_keyword_label(line: str) -> bool:
    """Whether the line is a keyword alone, perhaps with its arguments ("RETRY_DELAY <delay>"; `KEYWORD_LABEL`)."""
    line = line.strip()
    if KEYWORD_LABEL.fullmatch(line) is None:
        return False
    keyword = line.split()[0]
    return len(keyword) >= 2 and keyword not in _SECTION_TITLES


def keyword_label_opening(text: str) -> str | None:
    """The keyword that opens the text alone on its line, a blank line over what it does ("PARTS <part>..." /
    "Specify a subset of parts to submit."); or None."""
    first, _, rest = text.partition("\n")
    return first if rest.startswith("\n") and is_keyword_label(first) else None


def only_furniture(between: str) -> bool:
    """Whether the text between a label and a unit under it is blank lines and an entry's version lines only ("New in
    version 3.16."), and short: the unit says what the label does."""
    return len(between) <= FURNITURE_CHARS and all(
        ENTRY_FURNITURE.match(block.strip()) for block in between.split("\n\n") if block.strip())


FURNITURE_CHARS = 120


# A list item that opens with a name written as code before a dash: "- CARGO_BIN_EXE_<name> — The absolute path to
# ...", "- TERM — If this is set to dumb, ..."
_NAMED_ITEM = re.compile(rf"{LIST_MARK}(?P<name>[\w.$]+(?:<[\w-]+>[\w.$-]*)*)[ \t]+[–—][ \t]")
ITEM_LINES = 12  # the lines looked up for the list item a sentence goes on in


def named_item(text: str, at: int = 0) -> re.Match | None:
    """The list item at `at`, when it opens with a name written as code (in capitals, or with "_" or ".") before a
    dash."""
    found = _NAMED_ITEM.match(text, at)
    name = found.group("name") if found is not None else ""
    return found if name.isupper() or "_" in name or "." in name else None


def named_item_over(text: str, start: int) -> re.Match | None:
    """The item of a list the sentence at `start` goes on in (no blank line and no other item between), when it opens
    with a name written as code before a dash ("- CARGO_BIN_EXE_<name> — ..."), as a match in `text`; else None."""
    line = text.rfind("\n", 0, start) + 1
    for _ in range(ITEM_LINES):
        if re.match(LIST_MARK, text[line:line + 3]):
            return named_item(text, line)
        if line == 0 or text.startswith("\n", line - 2):
            return None
        line = text.rfind("\n", 0, line - 1) + 1
    return None


def _only_code_headings(text: str) -> bool:
    return all(is_code_heading(line) for line in text.split("\n") if line.strip())


_OPTION_KINDS = frozenset("option flag switch".split())
_WHICH = re.compile(r"\b(?:which|what)\s", re.I)
# What makes "option" a configuration file's key: "Which config option ...?", "Which Cargo.toml option ...?"
OF_A_CONFIGURATION = frozenset("config configuration manifest profile toml setting cargo.toml".split())


def _fits(heading: str, asked: re.Match, question: str) -> bool:
    """Whether the heading can name what the question asks: an option's for "Which option ...?", no option's for
    "Which environment variable ...?" or "Which config option ...?" (a key, "net.git-fetch-with-cli"); not a name the
    question itself writes ("cmake_minimum_required" for "Which variable does cmake_minimum_required set ...?")."""
    *qualifiers, kind = (word.lower().rstrip("s") for word in _WHICH.split(asked.group(), 1)[-1].split())
    if _written_in(heading, question):
        return False
    if kind in _OPTION_KINDS and not OF_A_CONFIGURATION.intersection(qualifiers):
        return heading.startswith("-") or (is_keyword_label(heading)
                                           and any(CODE_QUALIFIER.search(word) for word in qualifiers))
    return not heading.startswith("-") or kind == "keyword"


def _written_in(heading: str, question: str) -> bool:
    """Whether the question writes the name the heading gives (without a call's parameters)."""
    return writes(question, heading[:_named(heading)])


def code_heading_over(text: str, start: int) -> str:
    """The code heading over the block at `start`, or over the paragraph right above it (the entry's second paragraph:
    "-N, --show-only[=<format>]" / "Disable actual execution of tests." / "This option tells CTest to list the tests
    ..."); "" when neither stands under one."""
    above = heading_above(text, start)
    if is_code_heading(above):
        return above
    if above and not above.endswith((".", "!", "?", ":")):
        return ""  # a heading in words, a section's title: the entry ended above it
    cut = text.rfind("\n\n", 0, end_of_text_before(text, start))
    if cut < 0:
        return ""
    paragraph = cut + 2
    while paragraph < start and text[paragraph] == "\n":
        paragraph += 1
    above = heading_above(text, paragraph)
    return above if is_code_heading(above) else ""


_SIGNATURE = re.compile(r"[A-Za-z_$][\w$.]*(?=\((?!\s*\)))")  # a call's name before its parameters: "generateCode("


def _named(heading: str) -> int:
    """How much of a code heading names what it heads: a call's name without its parameters ("generateCode" of
    "generateCode(functionName, out, [dataType, crcType])"; "os.cpus()" whole), else all of it."""
    call = _SIGNATURE.match(heading)
    if call is None and is_keyword_label(heading):
        return len(heading.split()[0])  # "RETRY_DELAY" of "RETRY_DELAY <delay>"
    return call.end() if call is not None else len(heading)


def history_last(units: Sequence[ScoredUnit], rows: np.ndarray, question: str) -> tuple[list[ScoredUnit], np.ndarray]:
    """The ranked units with an entry's history lines ("Added in: v0.3.3", "Stability: 2 - Stable", "History") after
    every other, unless the question asks when or in which version: they name nothing but a version, and had been
    quoted first for what os.freemem() returns."""
    if not units or ASKS_FOR_HISTORY.search(question) or not any(only_history(u.text) for u in units):
        return list(units), rows
    kept = [i for i, u in enumerate(units) if not only_history(u.text)]
    if not kept:
        return list(units), rows
    order = kept + [i for i in range(len(units)) if i not in kept]
    floor = min(units[i].score for i in kept) - 1.0
    scores = [units[i].score if n < len(kept) else min(units[i].score, floor) for n, i in enumerate(order)]
    return with_scores([units[i] for i in order], scores), rows[order]


def only_history(text: str) -> bool:
    """Whether the unit is an entry's history line, perhaps under the entry's heading ("os.loadavg()" / "Added in:
    v0.3.3"): it says when, not what."""
    heading = code_heading_opening(text)
    return _HISTORY_LINE.match(text[len(heading):].lstrip() if heading is not None else text) is not None


ASKS_FOR_HISTORY = re.compile(r"\b(?:when|version|release|since|stability|stable|history|added|introduced)\b", re.I)
_HISTORY_LINE = re.compile(r"^\W*(?:history|version\s*\|\s*changes|(?:v?\d+(?:\.\w+)+(?:,\s*v?\d+(?:\.\w+)+)*\s*\|\s*)?"
                           r"added\s+in\b|stability:|type:)", re.I)


def heading_above(text: str, start: int) -> str:
    """The block of `text` above the one at `start`, past an entry's history, version and stability lines and its
    parameters (an API reference's "--title=title" / "Added in: v10.7.0" / "Set process.title on startup.";
    "os.freemem()" / "Added in: v0.3.3" / "- Returns: <integer>" / "Returns the amount of free system memory ..."), when
    it is one line of at most LABEL_ALONE_CHARS characters standing alone; "" otherwise."""
    if not text.endswith("\n\n", 0, start):
        return ""
    end = end_of_text_before(text, start)  # read in place: a document's prefix is not copied for each unit asked of
    for _ in range(HEADING_REACH):
        if end == 0:
            return ""
        cut = text.rfind("\n\n", 0, end)
        block = text[cut + 2 if cut >= 0 else 0 : end].strip()
        if not ENTRY_FURNITURE.match(block) and not _PARAMETERS.fullmatch(block):
            return block if "\n" not in block and len(block) <= LABEL_ALONE_CHARS else ""
        end = end_of_text_before(text, cut) if cut >= 0 else 0
    return ""


# An API reference's list of an entry's parameters and what it returns ("- path <string>", "- Returns: <integer>")
_PARAMETERS = re.compile(rf"(?:(?:{PARAMETER_ITEM.pattern}|{LIST_MARK}(?:returns?:|[<{{]))[^\n]*(?:\n|$))+", re.I)
HEADING_REACH = 12  # blocks looked past for an entry's heading (a history table's rows are blocks of their own)
LABEL_ALONE_CHARS = 80


def _labelled(text: str, option: str) -> bool:
    """Whether the unit opens with the option's label ("-M, --no-create-home" / "Do not create ..."), which says what it
    does more surely than a sentence that names it first ("... unless the -M option is specified.")."""
    return label_line(text, option) == 0


def label_line(text: str, name: str) -> int | None:
    """Where a line of `text` opens with `name` as a label: alone, with its other names or argument
    ("-P max-procs, --max-procs=max-procs"), or before its description ("ServerAliveInterval Sets ..."); not a line
    that merely begins with it ("TCPKeepAlive (below). The server ..."). None when no line does."""
    return next(label_lines(text, name), None)


def label_lines(text: str, name: str) -> Iterator[int]:
    """Every line of `text` that opens with `name` as a label (`label_line`), or a list item that opens with it
    before its type, as an API reference lists a function's parameters ("- maxBuffer <number> Largest amount ..."),
    in order."""
    label = re.compile(rf"(?m)^{re.escape(name)}(?:$|[,=\[(]|:[ \t]|[ \t]+[A-Z][a-z]+\b|[ \t]+\S+[ \t]*(?:,|$))"
                       rf"|^{LIST_MARK}{re.escape(name)}[ \t]+(?:-[ \t]+)?[<{{]")  # a parameter's item: "- maxBuffer
    # <number> ...", "- lowWaterMark - <integer> ..."
    return (found.start() for found in label.finditer(text))


def opens_with_a_label(text: str) -> bool:
    return _OPENING_LABEL.match(text) is not None


# "What is it called?", "What's the option called?", "What is its name?": the name of what the question before asked
_ASKS_ITS_NAME = re.compile(r"^\W*what(?:'s|\s+is)\s+(?:(?P<it>it|that|this)|(?:the|that|this)\s+(?:option|flag|switch)"
                            r"|its\s+name|the\s+(?:option|flag|switch)'s\s+name)(?:\s+called)?\W*$", re.I)
# "Is there an option that skips whole directories?", "Is there a way to read every file below a folder?"
_ASKS_IF_THERE_IS = re.compile(r"^\W*(?:is|are)\s+there\s+(?:an?|any|some)\s+(?:[\w.-]+\s+){0,2}?"
                               r"(?P<kind>option|flag|switch|way|setting)s?\b", re.I)


def option_question(question: str) -> tuple[str, re.Match | None]:
    """The sentence that asks for an option and where its words for the option end ("Which tar option ..."), or the
    asking sentence and None. "Is there an option that skips whole directories? What is it called?" asks for an
    option in the question before the last ("it"; "What's the option called?" after "Is there a way to ...?")."""
    asking = asking_sentence(question)
    if (asked := ASKS_WHICH_OPTION.search(asking)) is not None:
        return asking, asked
    named = _ASKS_ITS_NAME.match(asking)
    before = questions_asked(question)[: -len(asking)].strip()
    if named is None or not before:
        return asking, None
    earlier = asking_sentence(before)
    posed = _ASKS_IF_THERE_IS.match(earlier)
    if posed is None or (named.group("it") and posed.group("kind").lower() == "way"):
        return asking, None  # "Is there a way to ...? What is it called?" may ask the way's name, not an option's
    return earlier, posed


def the_option_asked(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """For "Which ... option ...?" (naming no option itself), the label that opens a line of the first of the best units
    that holds one ("-C, --directory=DIR" of "-C, --directory=DIR" / "Change to DIR before ..."), when what follows it
    shares a word with what the question says the option does (not "--badname" for "Which useradd option sets the
    user's preferred language?"); of several labels in one unit, the one whose description shares the most. None
    otherwise."""
    asking, asked = option_question(question)
    if asked is None or OPTION.search(asking):
        return None
    wanted = set(content_words(asking[asked.end():]))  # what the option does, not whose it is ("useradd option")
    for unit in units[:OPTION_REACH]:
        labels = list(_OPENING_LABEL.finditer(unit.text))
        shared = [len(wanted.intersection(content_words(unit.text[label.end():following])))
                  for label, following in zip(labels, [m.start() for m in labels[1:]] + [len(unit.text)])]
        if shared and max(shared) > 0:
            label = labels[shared.index(max(shared))]
            return ruled(unit, *label.span())
    return None
