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
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

import numpy as np

from citeqa.layout import LABEL
from retrieval.scored import ScoredUnit, SpanChoice, with_scores
from retrieval.text import content_words

_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
# "What does the -f option do?", "What does --dry-run mean?", "What is --bare for?"
_ASKS_WHAT_IT_DOES = re.compile(r"^\W*what\s+(?:does|do|is|are)\b", re.I)
_USAGE = re.compile(r"^\W*(?:usage|synopsis)\b", re.I)
# "Which tar option ...?", "What option ...?", "Which configure flag ...?", "Which ssh_config keyword ...?"
ASKS_WHICH_OPTION = re.compile(r"^\W*(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:option|flag|switch|keyword)\b", re.I)
_OPENING_LABEL = re.compile(rf"(?m)^{LABEL}(?=[ \t]*\n|[ \t]+[A-Z])")
LEAD = 0.5  # the describing line's score above the best unit's: first, with the best unit close behind


def option_asked(question: str) -> str | None:
    """The one option a "What does ... do?" question names ("-f" of "What does the -f option of pyenv uninstall
    do?"), or None."""
    if not _ASKS_WHAT_IT_DOES.search(question):
        return None
    options = set(_OPTION.findall(question))
    return options.pop() if len(options) == 1 else None


def describes(unit_text: str, option: str) -> bool:
    """Whether the unit is about the option: the first option it names, on no usage line nor inside brackets."""
    if _USAGE.search(unit_text):
        return False
    first = _OPTION.search(unit_text)
    return (first is not None and first.group() == option
            and "[" not in unit_text[max(0, first.start() - 2):first.start()])


def with_the_options_own_line(units: Sequence[ScoredUnit], rows: np.ndarray,
                              question: str) -> tuple[list[ScoredUnit], np.ndarray]:
    """The ranked units with the line that describes the option asked first, when the best unit does not and another
    of the top passages' does ("-M, --no-create-home", ranked below the usage lines and the lines that name "-M" in
    passing); probabilities are the softmax of the scores again."""
    option = option_asked(question)
    if option is None or not units or _labelled(units[0].text, option):
        return list(units), rows
    found = next((i for i in range(1, len(units)) if _labelled(units[i].text, option)), None)  # its label's line
    if found is None:  # else the first that names it first, unless the best unit does
        if describes(units[0].text, option):
            return list(units), rows
        found = next((i for i in range(1, len(units)) if describes(units[i].text, option)), None)
    if found is None:
        return list(units), rows
    order = [found] + [i for i in range(len(units)) if i != found]
    scores = [units[0].score + LEAD if i == found else units[i].score for i in order]
    return with_scores([units[i] for i in order], scores), rows[order]


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
    """Every line of `text` that opens with `name` as a label (`label_line`), in order."""
    label = re.compile(rf"(?m)^{re.escape(name)}(?:$|[,=\[]|[ \t]+[A-Z][a-z]+\b|[ \t]+\S+[ \t]*(?:,|$))")
    return (found.start() for found in label.finditer(text))


def opens_with_a_label(text: str) -> bool:
    return _OPENING_LABEL.match(text) is not None


def the_option_asked(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """For "Which ... option ...?" (naming no option itself), the label that opens a line of the first of the best units
    that holds one ("-C, --directory=DIR" of "-C, --directory=DIR" / "Change to DIR before ..."), when what follows it
    shares a word with what the question says the option does (not "--badname" for "Which useradd option sets the
    user's preferred language?"); of several labels in one unit, the one whose description shares the most. None
    otherwise."""
    asked = ASKS_WHICH_OPTION.search(question)
    if asked is None or _OPTION.search(question):
        return None
    wanted = set(content_words(question[asked.end():]))  # what the option does, not whose it is ("useradd option")
    for unit in units[:OPTION_REACH]:
        labels = list(_OPENING_LABEL.finditer(unit.text))
        shared = [len(wanted.intersection(content_words(unit.text[label.end():following])))
                  for label, following in zip(labels, [m.start() for m in labels[1:]] + [len(unit.text)])]
        if shared and max(shared) > 0:
            label = labels[shared.index(max(shared))]
            return SpanChoice(unit, unit.start + label.start(), unit.start + label.end(), label.group(), 0.0, 1.0)
    return None


OPTION_REACH = 3  # the best units looked at for an option's label
