"""A question's misspelt words read as the words of its documents they were meant to be.

"Who is Vyacheslav Volodn?" and "What did Lukashenko say about secruity?" were refused: BM25 finds no
"volodn", and the answer finder's rules read the question's own words. A word is corrected only when it is
neither a word of the documents nor an English word (Webster's word list of `english-words`, with the common
endings: "troops" is "troop"), and one word of the documents, at most one edit away (two for words of eight
letters or more; a swap of two letters is one edit), is the likeliest: the nearest, then the most frequent,
and clearly more frequent than any other as near. "Putin" or "Uzbekistan", in no
document, stay as typed unless a document word is that near. The user's question is kept as typed; the
answer's `read_as` says how it was read.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Callable, Iterable, Mapping

MIN_LENGTH = 4  # shorter words are left alone: one edit makes another word of most of them
LONG_WORD = 8  # from this length on, two edits may separate a word from its misspelling
CLEAR_MARGIN = 2.0  # the likeliest correction must be this many times as frequent as another as near

# A word of letters only, or before a possessive's "'s" ("parlament's"); a word an apostrophe joins otherwise
# ("wasn't") is left as typed: "wasn" is no misspelt "was"
_WORD = re.compile(r"(?<![\w'’])[^\W\d_]+(?=['’]s\b|(?![\w'’]))")
# A question's word that may be misspelt: not a name in code, after a dot or before a call's brackets ("os.gpus()" had
# been read as "os.cpus()": a name in code is copied, not misspelt)
_TYPED_WORD = re.compile(r"(?<![\w'’.])[^\W\d_]+(?=['’]s\b|(?![\w'’(]))")
# Endings an English word takes that the word lists do not list ("smallest", "troops", "monitoring"), and what
# the word may have ended in before them ("carried" is "carry", "making" is "make", "planned" is "plan")
_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "est", "ly", "ies", "ied", "ier", "iest", "ness", "ment", "al")


def word_counts(texts: Iterable[str]) -> tuple[Counter, frozenset[str]]:
    """How often each word (in small letters) occurs in the texts, and the words they write in capitals
    somewhere ("ARPANET", "CSTO"): a word typed in capitals is an abbreviation, corrected only to one of these."""
    counts: Counter = Counter()
    capitals: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            counts[word.lower()] += 1
            if len(word) > 1 and word.isupper():
                capitals.add(word.lower())
    return counts, frozenset(capitals)


@functools.lru_cache(maxsize=1)
def english_words() -> set[str]:
    """English words in small letters, as Webster's Second International (1934, in the public domain; FreeBSD's
    web2) gives them: no inflections ("troop", not "troops")."""
    from english_words import get_english_words_set

    return get_english_words_set(["web2"], lower=True, alpha=True)


def is_english(word: str) -> bool:
    """Whether the word, or the word before one of the _ENDINGS, is in the word list (not its Porter stem:
    "cordinator" and "coordinator" stem alike)."""
    bases = {word}
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            bases |= {base, base + "e", base + "y", base[:-1] if base[-1:] == base[-2:-1] else base}
    return not bases.isdisjoint(english_words())


def correction(word: str, counts: Mapping[str, int], vocabulary: list[str]) -> str | None:
    """The document word `word` (small letters) was meant to be, or None: it is a word as it stands, or no
    document word of `vocabulary` is clearly the likeliest."""
    if len(word) < MIN_LENGTH or word in counts or is_english(word):
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    reach = 2 if len(word) >= LONG_WORD else 1
    near = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=reach, limit=None)
    if not near:
        return None
    ranked = sorted(near, key=lambda n: (n[1], -counts[n[0]]))  # the nearest first, then the most frequent
    best, nearest, _ = ranked[0]
    as_near = [counts[w] for w, distance, _ in ranked[1:] if distance == nearest]
    return None if as_near and counts[best] < CLEAR_MARGIN * as_near[0] else best


def corrected(question: str, counts: Mapping[str, int], vocabulary: list[str],
              abbreviations: list[str]) -> str:
    """The question with each misspelt word replaced by its `correction`, written with the capitals typed
    ("Volodn" -> "Volodin", "secruity" -> "security"); a word typed in capitals only by an abbreviation of the
    documents ("ARPNET" -> "ARPANET", not "CITA" -> "CITY")."""
    def mended(match: re.Match) -> str:
        typed = match.group()
        capitals = len(typed) > 1 and typed.isupper()
        found = correction(typed.lower(), counts, abbreviations if capitals else vocabulary)
        if found is None:
            return typed
        if capitals:
            return found.upper()
        return found[:1].upper() + found[1:] if typed[:1].isupper() else found

    return _TYPED_WORD.sub(mended, question)


class DocumentWords:
    """The words of one index version's documents and how often each occurs (`texts`: none when too many to read,
    service.py, and then no correction), read on the first question and kept while the version is."""

    def __init__(self, texts: Callable[[], Iterable[str]]):
        self._texts = texts
        self._counts: Counter | None = None
        self._vocabulary: list[str] = []
        self._abbreviations: list[str] = []

    def correct(self, question: str) -> str:
        words = [w.lower() for w in _TYPED_WORD.findall(question) if len(w) >= MIN_LENGTH]
        if not words:
            return question
        if self._counts is None:
            counts, capitals = word_counts(self._texts())
            self._vocabulary = sorted(w for w in counts if len(w) >= MIN_LENGTH - 1)
            self._abbreviations = sorted(w for w in self._vocabulary if w in capitals)
            self._counts = counts
        if not self._counts or all(w in self._counts for w in words):
            return question  # the English word lists are read only for a word the documents lack
        return corrected(question, self._counts, self._vocabulary, self._abbreviations)
