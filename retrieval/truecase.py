"""A question typed in small letters, read with the capitals its documents write its words with.

Users type "who is harstedt" and "what did lukashenko say about security"; the answer finder's rules read
names by their capitals (who a question asks about, whose words, a person no passage names, another country).
In a question typed without any capital, each word that the documents write with capitals wherever it stands
inside a sentence ("Harstedt", "CSTO", "Mazhilis") is given those capitals; words the documents also write in
small letters, and words they never write, stay as typed. What the user typed is kept as the
question; only the answer finder reads the cased form. Retrieval does not depend on it: BM25 and the
embedding model both read lower case.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable, Mapping

from citeqa.layout import in_capitals
from retrieval.countries import country_words
from retrieval.text import QUESTION_WORDS, STOP_WORDS

CASED_SHARE = 0.9  # a word is given capitals when at least this share of its inner occurrences has them
HEADING_RUN = 3  # words in capitals in a row that are a heading's, not abbreviations

# Words a question writes for their grammar, whatever the documents capitalise ("May 15", "US", "Who")
_NEVER_CASED = QUESTION_WORDS | STOP_WORDS | frozenset("may march august us".split())
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")
_OPENERS = ".!?:;•|\"“‘'(«-"  # what a sentence's (or a quotation's, a list item's) first word may follow


def casing_of(texts: Iterable[str]) -> dict[str, str]:
    """Each word (in small letters) that the texts write with capitals at least CASED_SHARE of the times it
    stands inside a sentence, mapped to its commonest capitalised form. A sentence's first word (unless a
    capitalised word follows it: "Natalia Kochanova"), and lines or runs of words set in capitals (headings: "THE
    MAIN TASK OF THE ..."), say nothing of a word's own capitals."""
    forms: dict[str, Counter] = {}
    for text in texts:
        for line in text.splitlines():
            if in_capitals(line):
                continue
            words = list(_WORD.finditer(line))
            for i, (match, heading) in enumerate(zip(words, _in_a_run_of_capitals(words))):
                if heading or (_opens_a_sentence(line, match.start()) and not _a_name_goes_on(line, words, i)):
                    continue
                word = match.group()
                forms.setdefault(word.lower(), Counter())[word] += 1
    casing = {}
    for lower, counts in forms.items():
        form, seen = counts.most_common(1)[0]
        if form != lower and lower not in _NEVER_CASED and seen >= CASED_SHARE * sum(counts.values()):
            casing[lower] = form
    return casing


def _opens_a_sentence(line: str, start: int) -> bool:
    """Whether the word at `start` is the first of the line or follows what opens a sentence, spaces between."""
    before = line[:start].rstrip() if start < 64 else line[start - 64 : start].rstrip()
    return not before or before[-1] in _OPENERS


def _a_name_goes_on(line: str, words: list[re.Match], i: int) -> bool:
    """Whether the word i, first of its sentence, is followed by a capitalised word, one space between: a name's
    first word ("Natalia Kochanova" opening a name block), whose capitals are its own."""
    after = words[i + 1] if i + 1 < len(words) else None
    return (after is not None and after.start() == words[i].end() + 1 and line[words[i].end()] == " "
            and after.group()[0].isupper() and not after.group().isupper())


def _in_a_run_of_capitals(words: list[re.Match]) -> list[bool]:
    """For each word, whether it stands in a run of HEADING_RUN or more words in capitals ("MILITARY CARGO
    CYBERSECURITY ..." inside a line): a heading's capitals, not an abbreviation's ("the CSTO PA Council")."""
    capitals = [len(m.group()) > 1 and m.group().isupper() for m in words]
    marked = [False] * len(words)
    start = 0
    for end in range(len(words) + 1):
        if end == len(words) or not capitals[end]:
            if end - start >= HEADING_RUN:
                marked[start:end] = [True] * (end - start)
            start = end + 1
    return marked


def typed_with_capitals(question: str) -> bool:
    return any(c.isupper() for c in question)


def truecased(question: str, casing: Mapping[str, str]) -> str:
    """The question typed without a capital letter, its words given the capitals of `casing`; a question with
    capitals as typed: its small letters are the user's ("the patron saint" is no "Saint", though the documents
    only write "Saint Nicolas")."""
    if typed_with_capitals(question):
        return question

    def cased(match: re.Match) -> str:
        word = match.group()
        return casing.get(word, word) if word.islower() else word

    return _WORD.sub(cased, question)


class DocumentCasing:
    """The casing of one index version's documents (`texts`: none when too many to read, service.py), read on the
    first question that needs it and kept while the version is, and of the names of countries ("uzbekistan", which
    the documents need not name, is a country's name)."""

    def __init__(self, texts: Callable[[], Iterable[str]]):
        self._texts = texts
        self._casing: dict[str, str] | None = None

    def __call__(self) -> Mapping[str, str]:
        if self._casing is None:
            self._casing = {**{w.lower(): w for w in country_words()}, **casing_of(self._texts())}
        return self._casing
