"""A question about a thing the collection never names: "What does dnf autoremove do?", "Which tar option filters the
archive through brotli?", "How many KDF rounds does puttygen use by default?" asked of manual pages that name apt-get,
tar and ssh-keygen. The passages found are about the other words of the question ("autoremove", "the archive", "KDF
rounds"), so they read as an answer, and had been quoted with "--lzop" and "16" in bold.

A tool, a program or a package is typed in small letters, and is no English word. A word of the question so typed,
that no dictionary knows (Webster's list, retrieval/spelling.py: "dnf", "nginx", "xonsh", "bzip2") and no chunk of the
collection holds (after the lexical index's stemming: "phosphorylates" of "phosphorylated"), names what the documents
never speak of. Words the 1934 dictionary lacks but English has are read as two words run together ("online",
"website", "download", "songwriting") or as a word after a prefix ("disinformation", "nonviolent"). The question is
read after its spelling is corrected (a misspelt word of the documents is theirs again), and a word one edit from an
English word, or from one inflected ("-s", "-ed", "-ing"), is read as a misspelling ("preparign", "headquaretred": the
gate's questions with a typo had been refused), which lets short names pass too ("sudo", "conda", "rsync" are one edit
from "judo", "coda", "sync").
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from retrieval.spelling import english_words, is_english
from retrieval.text import QUESTION_WORDS, STOP_WORDS

_SMALL_WORD = re.compile(r"(?<![\w'’./@:-])[a-z][a-z0-9]{2,}(?![\w'’:-])")  # a word typed in small letters
_PREFIXES = frozenset("dis non un re pre anti over under out self multi co sub inter super post mis".split())
MIN_HEAD, MIN_TAIL = 2, 4  # letters of two words run together ("on" + "line"; not "brot" + "li", "putty" + "gen")


def is_two_words(word: str) -> bool:
    """Two English words run together ("online", "website", "clergymen") or one after a prefix ("disinformation")."""
    return any((word[:i] in _PREFIXES or is_english(word[:i])) and is_english(word[i:])
               for i in range(MIN_HEAD, len(word) - MIN_TAIL + 1))


def a_misspelt_word(word: str) -> bool:
    """Whether one edit (a letter dropped, added, replaced, or two swapped) makes the word an English word: "chiars",
    "secruity" may be words misspelt that the documents do not hold, which the spelling corrector leaves as typed."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = ({a + b[1:] for a, b in splits if b} | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
             | {a + c + b[1:] for a, b in splits if b for c in letters} | {a + c + b for a, b in splits for c in letters})
    english = english_words()
    return not edits.isdisjoint(english) or any(_inflected(edit, english) for edit in edits)  # "preparign"


_INFLECTIONS = ("s", "es", "ed", "d", "ing")  # a verb's or a noun's: not "-ly" ("brotli" is no misspelt "brotly")


def _inflected(word: str, english: set[str]) -> bool:
    """Whether the word is an English word with an inflection ("preparing", "headquartered")."""
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            if {base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base} & english:
                return True
    return False


def names_in_small_letters(question: str) -> list[str]:
    """The words of `question` typed in small letters that are no English word ("dnf", "scp", "usermod"): the names of
    tools, programs and packages, once each."""
    return [w for w in dict.fromkeys(_SMALL_WORD.findall(question))
            if w not in STOP_WORDS and w not in QUESTION_WORDS and not w.isdigit() and not is_english(w)
            and not is_two_words(w)]


def names_no_document_knows(question: str, frequencies: Callable[[Sequence[str]], dict[str, int]]) -> list[str]:
    """The words of `question` typed in small letters that are no English word, nor one misspelt, and that no chunk
    holds (`frequencies`: how many chunks hold each word); and an English word that names a tool before "command"
    ("the pip command") that no chunk holds."""
    words = names_in_small_letters(question)
    named = [w for w in dict.fromkeys(_NAMES_A_KIND.findall(question)) if w not in STOP_WORDS and w not in words]
    if not words and not named:
        return []
    held = frequencies(words + named)
    return [w for w in words if not held.get(w) and not a_misspelt_word(w)] + [w for w in named if not held.get(w)]


# A tool's name right before "command": "What's the pip command equivalent to cargo install?" ("pip" is an English
# word too); not before a noun any adjective stands before ("the longest package name", "What subtle tool ...?")
_NAMES_A_KIND = re.compile(r"(?<![\w'’./@:-])([a-z][a-z0-9]+)\s+(?:sub)?commands?\b")
