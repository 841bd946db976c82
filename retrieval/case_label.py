"""For "Where does pip store its cache on Linux?": the value labelled with the case the question names.

Documentation sets what differs by system or setting under labels of its own, as tabs ("Linux" / "~/.cache/pip",
"MacOS" / "~/Library/Caches/pip", "Windows" / "%LocalAppData%\\pip\\Cache"): the label is the only word of the case
asked, and the sentences around, which say more of the question's other words, had been quoted instead of the value.
A unit that opens with a label line that is the case the question names ("on Linux", "for Windows", "in macOS") is
quoted first, and the value under the label is the short answer.

A reference lists such cases as short items under a lead-in ("The variable name depends on the platform:" / "- Windows:
PATH" / "- macOS: DYLD_FALLBACK_LIBRARY_PATH" / ...), each too short to be quoted alone: the lead-in is quoted with its
list, and the value of the item labelled with the case asked is the short answer.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from retrieval.scored import ScoredUnit

# The case a question names: "on Linux", "for Windows", "in macOS", "under Python 2"
VALUE_WORDS = 8  # a value under a label is one line of at most this many words
_CASE_ASKED = re.compile(r"\b(?i:on|for|in|under|with)\s+((?:[A-Z]|mac|i(?=OS))[\w+.-]*(?:\s+\d[\w.]*)?)")
# A list item labelled with its case, its value after a colon: "- macOS: DYLD_FALLBACK_LIBRARY_PATH"
_CASE_ITEM = re.compile(r"[-*•][ \t]+(?P<label>[^:\n]{1,40}):[ \t]+(?P<value>\S[^\n]*?)[ \t]*(?:\n|$)")
_ITEMS_AFTER = re.compile(r"\s*(?=[-*•][ \t])")
LIST_ITEMS = 12  # the items of a lead-in's list looked at


def labelled_case_asked(question: str, units: Sequence[ScoredUnit]) -> ScoredUnit | None:
    """The first of `units` that opens with a label line naming the case the question names over one short line of
    value (not over a paragraph: "MacOS" over "The options from the Linux section above also work ..."); None when the
    question names no case or no unit is so labelled."""
    cases = cases_asked(question)
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


def cases_asked(question: str) -> set[str]:
    """The cases the question names, in small letters ("macos" of "On macOS, which variable ...?")."""
    return {found.group(1).lower() for found in _CASE_ASKED.finditer(question)}


def case_item_under_a_lead_in(question: str, units: Sequence[ScoredUnit], text_of: Callable[[str], str]
                              ) -> tuple[ScoredUnit, tuple[int, int]] | None:
    """The first of `units` that ends in a colon over a list with an item labelled with the case the question names
    ("- macOS: DYLD_FALLBACK_LIBRARY_PATH" under "The variable name depends on the platform:"), and the document
    offsets of that item's value (of one line of at most VALUE_WORDS words); None when there is none."""
    cases = cases_asked(question)
    if not cases:
        return None
    for unit in units:
        if not unit.text.rstrip().endswith(":"):
            continue
        text = text_of(unit.doc_id)
        at = _ITEMS_AFTER.match(text, unit.end)
        if at is None:
            continue
        at = at.end()
        for _ in range(LIST_ITEMS):
            item = _CASE_ITEM.match(text, at)
            if item is None:
                break
            if item.group("label").strip().lower() in cases and len(item.group("value").split()) <= VALUE_WORDS:
                return unit, item.span("value")
            following = _ITEMS_AFTER.match(text, item.end())
            if following is None:
                break
            at = following.end()
    return None
