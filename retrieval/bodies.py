"""The bodies a question and a quote name by their abbreviations ("CSTO PA", "CIS", "OSCE/ODIHR").

"How many observers from the CSTO PA are monitoring the elections?" found "A total of 61 international
observers from the CIS Interparliamentary Assembly ...": the count of another body's observers, in bold. An
abbreviation is a word of two to six capitals that its document never writes in small letters, on a line of
ordinary text: the brochure's "**MODEL ACTS**" and "100% WELL DONE" are words set in capitals, "CSTO" and "PA"
are not, nor the words of a line's run of three or more in capitals ("COUNTERACTION TO TERRORISM ...").
"""

from __future__ import annotations

import re
from typing import Iterable

from citeqa.layout import in_capitals

_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
_SMALL_WORD = re.compile(r"\b[a-z]+\b")
_RUN_OF_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*)*(?![\w-])")
_BOLD = re.compile(r"\*\*.*?\*\*", re.S)


def small_words(text: str) -> frozenset[str]:
    """The words a document writes in small letters: what a word in capitals may be besides an abbreviation."""
    return frozenset(_SMALL_WORD.findall(text))


def abbreviations(text: str, document_small_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The abbreviations `text` uses: words of two to six capitals not written in small letters in its document,
    on a line not set in capitals throughout, and not in bold (a banner's words: "**MODEL ACTS**")."""
    found = set()
    for line in _BOLD.sub(" ", text).splitlines():
        if in_capitals(line):
            continue
        for run in _RUN_OF_CAPITALS.finditer(line):
            words = run.group().split()
            if len(words) <= 2:  # "CSTO PA", "IPA CIS"; three or more are words of a heading ("... COOPERATION DURING")
                found.update(w for w in words if _CAPITALS.fullmatch(w) and w.lower() not in document_small_words)
    return frozenset(found)


def only_other_bodies(question: str, quotes: Iterable[frozenset[str]]) -> bool:
    """Whether the question names a body by its abbreviation and every quote (by its abbreviations) names
    another one and never the question's: the quote then answers for another body."""
    asked = abbreviations(question)
    named = list(quotes)
    return bool(asked) and bool(named) and all(n and not asked & n for n in named)
