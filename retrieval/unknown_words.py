"""A question about a thing the collection never names: "What does dnf autoremove do?", "Which tar option filters the
archive through brotli?", "How many password prompts does sudo allow by default?" asked of manual pages that name
apt-get, tar and ssh. The passages found are about the other words of the question ("autoremove", "the archive",
"password prompts"), so they read as an answer, and had been quoted with "3" in bold for sudo.

A tool, a program or a package is typed in small letters, and is no English word. A word of the question so typed,
that no dictionary knows (Webster's list, retrieval/spelling.py: "sudo", "brotli", "nginx", "xonsh") and no chunk of the
collection holds (after the lexical index's stemming: "phosphorylates" of "phosphorylated"), names what the documents
never speak of. Words the 1934 dictionary lacks but English has are read as two words run together ("online",
"website", "download", "songwriting") or as a word after a prefix ("disinformation", "nonviolent"). The question is
read after its spelling is corrected: a misspelt word of the documents is theirs again.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from retrieval.spelling import is_english
from retrieval.text import QUESTION_WORDS, STOP_WORDS

_SMALL_WORD = re.compile(r"(?<![\w'’./@:-])[a-z][a-z0-9]{2,}(?![\w'’:-])")  # a word typed in small letters
_PREFIXES = frozenset("dis non un re pre anti over under out self multi co sub inter super post mis".split())
MIN_HEAD, MIN_TAIL = 2, 4  # letters of two words run together ("on" + "line"; not "brot" + "li", "putty" + "gen")


def is_two_words(word: str) -> bool:
    """Two English words run together ("online", "website", "clergymen") or one after a prefix ("disinformation")."""
    return any((word[:i] in _PREFIXES or is_english(word[:i])) and is_english(word[i:])
               for i in range(MIN_HEAD, len(word) - MIN_TAIL + 1))


def names_no_document_knows(question: str, frequencies: Callable[[Sequence[str]], dict[str, int]]) -> list[str]:
    """The words of `question` typed in small letters that are no English word and that no chunk holds
    (`frequencies`: how many chunks hold each word)."""
    words = [w for w in dict.fromkeys(_SMALL_WORD.findall(question))
             if w not in STOP_WORDS and w not in QUESTION_WORDS and not w.isdigit() and not is_english(w)
             and not is_two_words(w)]
    if not words:
        return []
    held = frequencies(words)
    return [w for w in words if not held.get(w)]
