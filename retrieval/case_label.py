"""For "Where does pip store its cache on Linux?": the value labelled with the case the question names.

Documentation sets what differs by system or setting under labels of its own, as tabs ("Linux" / "~/.cache/pip",
"MacOS" / "~/Library/Caches/pip", "Windows" / "%LocalAppData%\\pip\\Cache"): the label is the only word of the case
asked, and the sentences around, which say more of the question's other words, had been quoted instead of the value.
A unit that opens with a label line that is the case the question names ("on Linux", "for Windows", "in macOS") is
quoted first, and the value under the label is the short answer.
"""

from __future__ import annotations

import re
from typing import Sequence

from retrieval.scored import ScoredUnit

# The case a question names: "on Linux", "for Windows", "in macOS", "under Python 2"
VALUE_WORDS = 8  # a value under a label is one line of at most this many words
_CASE_ASKED = re.compile(r"\b(?:on|for|in|under|with)\s+((?:[A-Z]|mac|i(?=OS))[\w+.-]*(?:\s+\d[\w.]*)?)")


def labelled_case_asked(question: str, units: Sequence[ScoredUnit]) -> ScoredUnit | None:
    """The first of `units` that opens with a label line naming the case the question names over one short line of
    value (not over a paragraph: "MacOS" over "The options from the Linux section above also work ..."); None when the
    question names no case or no unit is so labelled."""
    cases = {found.group(1).lower() for found in _CASE_ASKED.finditer(question)}
    if not cases:
        return None
    for unit in units:
        label, _, rest = unit.text.strip().partition("\n")
        value = rest.strip()
        if label.strip().lower() in cases and value and "\n" not in value and len(value.split()) <= VALUE_WORDS:
            return unit
    return None


def value_under_the_label(unit: ScoredUnit) -> tuple[int, int]:
    """The document offsets of what stands under the unit's label line ("~/.cache/pip" of "Linux" / "~/.cache/pip")."""
    label_end = unit.text.index("\n")
    value = unit.text[label_end:].strip()
    start = unit.start + unit.text.index(value, label_end)
    return start, start + len(value)
