"""For "What is a shim?", the passage that says what the thing is: "Shims are lightweight executables that ...".

A definition is one sentence among the many that name a term, and the search ranks passages by how often and how
closely they name it: over pyenv's documentation the README's "Shims are lightweight executables that simply pass
your command along to pyenv" stood below five passages that say "shims" more often ("Sets up the shims path.",
"Using Pyenv without shims"), so the answer could only quote those. When the question asks what a term is and none
of the passages found says it, `Retriever.search` gives the last place to the best candidate that does.
"""

from __future__ import annotations

import functools
import re

# what follows the copula in a sentence that says what a thing is, not what is done to it ("Shims are rebuilt ...")
# or where it is ("... are kept in ...")
_NOT_WHAT_IT_IS = (r"(?!(?:not|also|still|now|then|only|here|there|built|rebuilt|kept|made|written|set|put|run|found|"
                   r"shown|given|taken|held|read|sent|left|known|seen)\b)(?![a-z]+ed\b)")


@functools.lru_cache(maxsize=256)
def defining_sentence(term: str) -> re.Pattern[str]:
    """A sentence, a line or a list item that opens with the term (singular or plural; its abbreviation in brackets
    may follow) and says what it is: "Shims are lightweight executables", "A shim is ...", "The Expert Advisory
    Board (EAB) is a standing advisory body"."""
    opening = r"(?:(?:\A|\n)[ \t]*(?:[-*•][ \t]+)?|(?<=[.!?:])[ \t]+)(?:(?:the|a|an)\s+)?"
    return re.compile(opening + either_number(term) + r"(?:\s*\([^)\n]*\))?\s+(?:is|are|was|were)\s+" + _NOT_WHAT_IT_IS,
                      re.I)


def either_number(term: str) -> str:
    """A pattern of the term in the singular or the plural ("shims" for "What is a shim?", "A shim" for "What are
    shims?"), its words apart by any space."""
    *first, last = term.split()
    stem = last[:-1] if len(last) > 3 and last.lower().endswith("s") and not last.lower().endswith("ss") else last
    return r"\s+".join([re.escape(w) for w in first] + [re.escape(stem) + r"(?:s|es)?"]) + r"\b"


def defines(text: str, term: str) -> bool:
    """Whether the text holds a sentence that says what the term is."""
    return defining_sentence(term).search(text) is not None
