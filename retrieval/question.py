"""What a question asks for, read by rules: its type (who, when, how many, ...), the noun it asks
about ("which *country*", "how many *deputies*"), its content words, names, numbers and negation.

The answer finder and abstention use this to prefer spans of the expected kind (a date for "when",
a number for "how many") and to notice a question that names something the passage never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.text import QUESTION_WORDS, content_words, stems

# Longest first: "how many" before "how", "what year" before "what".
QUESTION_TYPES = (
    "how many", "how much", "how long", "how old", "how far", "how big", "how large", "how often",
    "what year", "which year", "what percentage", "what percent", "what century", "what date", "what time",
    "what type", "what kind", "what sort", "whom", "whose", "who", "when", "where", "why", "which", "how",
    "what", "name", "other",
)
TIME_TYPES = frozenset({"when", "what year", "which year", "what century", "what date", "what time"})
NUMBER_TYPES = frozenset({"how many", "how much", "how old", "how far", "how big", "how large", "how often",
                          "what percentage", "what percent", "how long"})
PERSON_TYPES = frozenset({"who", "whom", "whose"})
_TYPE = re.compile(r"\b(" + "|".join(t.replace(" ", r"\s+") for t in QUESTION_TYPES if t != "other") + r")\b", re.I)
_HEAD = re.compile(
    r"\b(?:what|which|whose|how\s+many|how\s+much|what\s+kind\s+of|what\s+type\s+of|what\s+sort\s+of)\s+"
    r"((?:[a-z][\w'-]*\s+){0,2}?[a-z][\w'-]*)", re.I,
)
_HEAD_SKIP = frozenset("is are was were does do did has have had can could will would should the a an of".split())
_NEGATION = re.compile(r"\b(not|never|no|none|nobody|nothing|neither|nor|without|n't|cannot|fail(?:ed|s)?)\b|n't\b",
                       re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:of|de|the|and|van|von|du|da|al)?\s*[A-Z][\w'-]*)*")


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    qtype: str  # one of QUESTION_TYPES
    head: tuple[str, ...]  # stems of the noun the question asks about ("country" of "which country")
    content: tuple[str, ...]  # stems of the words that carry topic, in order, unique
    names: tuple[str, ...]  # capitalised words past the first word (names, places), lower-cased
    numbers: tuple[str, ...]  # numbers written in the question
    negated: bool

    @property
    def wants_time(self) -> bool:
        return self.qtype in TIME_TYPES

    @property
    def wants_number(self) -> bool:
        return self.qtype in NUMBER_TYPES

    @property
    def wants_person(self) -> bool:
        return self.qtype in PERSON_TYPES


def analyse(question: str) -> QuestionInfo:
    text = " ".join(question.split())
    match = _TYPE.search(text)
    qtype = " ".join(match.group(1).lower().split()) if match else "other"
    return QuestionInfo(
        text=text, qtype=qtype, head=_head(text), content=tuple(dict.fromkeys(content_words(text))),
        names=_names(text), numbers=tuple(_NUMBER.findall(text)), negated=bool(_NEGATION.search(text)),
    )


def _head(text: str) -> tuple[str, ...]:
    match = _HEAD.search(text)
    if not match:
        return ()
    words = [w for w in match.group(1).lower().split() if w not in _HEAD_SKIP]
    return tuple(stems(" ".join(words[:2]))) if words else ()


def _names(text: str) -> tuple[str, ...]:
    """Capitalised words other than the first word of the question and question words."""
    words = _WORD.findall(text)
    out = [w.lower() for w in words[1:] if w[:1].isupper() and w.lower() not in QUESTION_WORDS]
    return tuple(dict.fromkeys(out))
