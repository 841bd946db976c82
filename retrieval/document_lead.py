"""What a document is about: its opening lines, for "What is the declaration about?" or "Summarize the statement".

An extractive answer cannot write a summary, but a document's title and first sentences say what it is about (the
lead of a news item, the preamble of a declaration, the statement's first claim), and quoting them keeps every word
checkable. Asked of one document (the question names it: retrieval/named_document.py), its first LEAD_UNITS quote
units are the answer; the question had been refused ("Summarize the statement") or answered with a line from the
end of the document ("What is the declaration about?" quoted its closing paragraph).
"""

from __future__ import annotations

import re
from typing import Sequence

from citeqa.layout import one_line
from citeqa.types import Span
from retrieval.text import asking_sentence

# A request for what a document is about, before the document's name ("Summarize ...", "Give me a summary of ...",
# "What's the gist of ...", "Tell me about ..."): retrieval/named_document.py reads the name after it
SUMMARY_REQUEST = (r"(?:please\s+)?(?:summari[sz]e|tell\s+me\s+about|(?:give\s+me|can\s+you\s+give\s+me|what\s+is|"
                   r"what's)\s+(?:a\s+|the\s+)?(?:short\s+|brief\s+)?(?:summary|gist|overview)\s+of)")
# "What is it about?", "Summarize it", "Give me a summary of it", "What's the gist of it?", "Tell me about it" (the
# document's name left out: "it")
_ASKS_WHAT_IT_IS_ABOUT = re.compile(
    rf"^\W*(?:(?:please\s+)?(?:what\s+is|what's|what\s+was)\s+it\s+(?:all\s+)?about|{SUMMARY_REQUEST}\s+it)"
    r"(?:,?\s+please)?\s*[?.!]?\s*$", re.I)
LEAD_UNITS = 3  # a title and two sentences, or three sentences: the lead of a news item
MIN_WORDS = 3  # a shorter line (a page number, "• 1") is page furniture, not the lead


def asks_what_it_is_about(question: str) -> bool:
    return bool(_ASKS_WHAT_IT_IS_ABOUT.match(" ".join(asking_sentence(question).split())))


def lead(units: Sequence[Span], text: str) -> list[Span]:
    """The document's first LEAD_UNITS units of MIN_WORDS words or more, no text twice (a title repeated as the
    first line of the body)."""
    out: list[Span] = []
    seen: set[str] = set()
    for span in sorted(units, key=lambda s: s.start):
        words = one_line(text[span.start : span.end])
        if len(words.split()) < MIN_WORDS or words.lower() in seen:
            continue
        seen.add(words.lower())
        out.append(span)
        if len(out) == LEAD_UNITS:
            break
    return out
