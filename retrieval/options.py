"""For "What does the -f option do?", the line that says what the option does, not the one that only names it.

A command's documentation names an option in its usage line ("Usage: pyenv uninstall [-f|--force] <version>") and in
other options' lines ("If the --json flag is used, ... (or would have made with --dry-run) ...") as well as in the
line that describes it ("-f  Attempt to remove the specified version without prompting for confirmation.", "If the
--dry-run flag is used then no changes will actually be made."). The unit ranker scores them alike, the usage line
above all. A line describes an option when the option is the first it names and it is no usage line; when the best
unit does not, the first of the next few that does is put first, just above the best unit's score.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from retrieval.scored import ScoredUnit, with_scores

_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
# "What does the -f option do?", "What does --dry-run mean?", "What is --bare for?"
_ASKS_WHAT_IT_DOES = re.compile(r"^\W*what\s+(?:does|do|is|are)\b", re.I)
_USAGE = re.compile(r"^\W*(?:usage|synopsis)\b", re.I)
REACH = 5  # units after the best one looked at
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
    """The ranked units with the line that describes the option asked first, when the best unit does not and one of
    the next REACH does; probabilities are the softmax of the scores again."""
    option = option_asked(question)
    if option is None or not units or describes(units[0].text, option):
        return list(units), rows
    found = next((i for i in range(1, min(len(units), REACH + 1)) if describes(units[i].text, option)), None)
    if found is None:
        return list(units), rows
    order = [found] + [i for i in range(len(units)) if i != found]
    scores = [units[0].score + LEAD if i == found else units[i].score for i in order]
    return with_scores([units[i] for i in order], scores), rows[order]
