"""For "What does the get method return when the index is outside the vector?": the value the best unit says is
returned, when it is a name ("None", "Option<&V>") and not a description ("Returns the amount of free memory").

A programming book says what a call returns inside its sentence ("When the get method is passed an index that is
outside the vector, it returns None without panicking."; "The get method returns an Option<&V>; ..."); the span model
had no candidate there, "None" and "Option<&V>" being neither entities nor noun phrases to it.
"""

from __future__ import annotations

import re
from typing import Sequence

from retrieval.kind_named import REACH, covers_the_question, written_as_code
from retrieval.scored import ScoredUnit, SpanChoice, ruled
from retrieval.text import content_words

_ASKS_WHAT_IT_RETURNS = re.compile(r"^\W*what\s+(?:does|do|did|will|would)\s+(?P<subject>.+?)\s+return\b", re.I)
_RETURNS = re.compile(r"\breturns?\s+(?:(?:an?|the)\s+)?(?P<value>[^\s,;:()]+)")


def the_value_returned(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """The name of the value the first of the best units that says what the question says (two thirds of its words or
    more) returns, or None."""
    if _ASKS_WHAT_IT_RETURNS.match(question) is None:
        return None
    wanted = set(content_words(question)) - {"return"}
    question_words = {w.lower() for w in re.findall(r"[\w<>&'’-]+", question)}
    for unit in units[:REACH]:
        if not covers_the_question(wanted, unit.text):
            continue
        for said in _RETURNS.finditer(unit.text):
            value = said.group("value").rstrip(".")
            if value.lower() not in question_words and (value[:1].isupper() or written_as_code(value)):
                return ruled(unit, said.start("value"), said.start("value") + len(value))
    return None
