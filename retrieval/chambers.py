"""The houses of two-chamber parliaments by their own names, for "Who chairs the upper house of Kazakhstan's
parliament?": a text names the house ("Chairman of the Senate of the Republic of Kazakhstan"), never which of the
two it is, so the question's "upper house" is read as any upper house's name (retrieval/kinds.py compares it with
what a post is of)."""

from __future__ import annotations

import functools
import re

from retrieval.text import content_words

# Names of upper and of lower houses, as national parliaments call them in English. A one-chamber parliament's
# name is in neither ("National Assembly" is France's lower house and the whole of Belarus's parliament).
UPPER_HOUSES = ("Senate", "Council of the Republic", "Federation Council", "Majlisi Milli", "House of Lords",
                "Bundesrat", "House of Councillors", "Council of States", "Rajya Sabha", "Seanad", "House of Elders",
                "Council of the Nation", "National Council of Provinces")
LOWER_HOUSES = ("House of Representatives", "State Duma", "Mazhilis", "Majlisi Namoyandagon", "House of Commons",
                "Bundestag", "Chamber of Deputies", "Lok Sabha", "House of the People", "Sejm", "Dail",
                "House of Assembly")
_HOUSE_ASKED = re.compile(r"\b(upper|lower)\s+(?:house|chamber)s?\b", re.I)


@functools.lru_cache(maxsize=2)
def _names(upper: bool) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(content_words(name)) for name in (UPPER_HOUSES if upper else LOWER_HOUSES))


def houses_meant(phrase: str) -> tuple[frozenset[str], ...]:
    """The content-word stems of each name of the house `phrase` asks for ("the upper chamber of Kazakhstan's
    parliament": the Senate, the Council of the Republic, ...); empty when it names no upper or lower house."""
    match = _HOUSE_ASKED.search(phrase)
    return _names(match.group(1).lower() == "upper") if match else ()


def names_a_house_meant(body: frozenset[str], houses: tuple[frozenset[str], ...]) -> bool:
    """Whether a post's body (its stems: "Senate of the Republic of Kazakhstan" -> {"senat"}) holds every word of
    one name of the houses meant."""
    return any(house <= body for house in houses)
