"""Resolving follow-up questions with the earlier turns of a conversation.

"and who coordinated it?" says little on its own. A question that leans on what came before
(it opens with a connective, or refers back with a pronoun, and has few words of its own) is
searched together with the resolved question before it, which is what a person would assume.
"""

from __future__ import annotations

import re
from typing import Sequence

from citeqa.types import Turn
from retrieval.text import content_words

_CONNECTIVE = re.compile(r"^\s*(and|but|also|so|then|what about|how about|and what|what else|which one)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|the same|the latter|"
    r"the former|such)\b", re.I,
)
MAX_OWN_WORDS = 4


def is_follow_up(question: str) -> bool:
    own_words = content_words(_BACK_REFERENCE.sub(" ", question))
    if _CONNECTIVE.search(question):
        return len(own_words) <= MAX_OWN_WORDS + 2
    return bool(_BACK_REFERENCE.search(question)) and len(own_words) <= MAX_OWN_WORDS


def resolve(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """The question as retrieval should see it: alone, or after the resolved question it follows (which
    may itself follow an earlier one). The nearest questions are kept first; the result is at most
    `max_chars` long (the question alone always fits: callers bound it)."""
    parts = [question.strip()]
    length = len(parts[0])
    current, earlier = question, len(history)
    while earlier > 0 and is_follow_up(current):
        earlier -= 1
        current = history[earlier].question
        part = current.strip()
        if length + 1 + len(part) > max_chars:
            break
        parts.append(part)
        length += 1 + len(part)
    return " ".join(reversed(parts))
