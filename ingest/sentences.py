"""Sentence spans of a cleaned document, for quoting: each a span with `text[start:end]` the sentence.

pysbd finds sentence boundaries inside a paragraph; a line break also ends a sentence where the
line ends with closing punctuation or the next line opens a list item, so headings, list items
and signature lines are quoted on their own.
"""

from __future__ import annotations

import functools
import re

from citeqa.types import Span

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_LINE_ENDS_SENTENCE = re.compile(r"[.!?;:…\"”’)|]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,3}[.)])\s")
MIN_SENTENCE_CHARS = 2
# pysbd keeps quoted speech whole ("“A. B. C,” said X."); a sentence longer than this is split again
# at sentence ends inside it, so that each quoted sentence can be cited on its own.
LONG_SENTENCE_CHARS = 300
_INNER_END = re.compile(
    r"(?<=[a-z0-9%)][.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\bMrs\.)"
    r"\s+(?=[“\"‘'(]?[A-Z])"
)


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def sentence_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        for lo, hi in _line_blocks(para.group(), para.start()):
            spans.extend(_segment(text, lo, hi))
    return spans


def is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar length below ~120 characters are one paragraph wrapped to a width."""
    widths = [len(line) for line in lines[:-1]]
    return bool(widths) and max(widths) <= 120 and min(widths) >= 0.6 * max(widths)


def _line_blocks(paragraph: str, offset: int):
    """Split a paragraph at line breaks that end a sentence or open a list item, and at every
    line break of a paragraph that is not hard-wrapped (there each line is a unit of its own)."""
    lo = 0
    lines = paragraph.split("\n")
    wrapped = is_hard_wrapped(lines)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line) + 1
        if not wrapped or _LINE_ENDS_SENTENCE.search(line) or _LIST_ITEM.match(lines[i + 1]):
            yield offset + lo, offset + pos - 1
            lo = pos
    yield offset + lo, offset + len(paragraph)


def _segment(text: str, lo: int, hi: int) -> list[Span]:
    # Newlines inside a block are wrapped lines: segment as spaces (same length, so offsets hold).
    flat = text[lo:hi].replace("\n", " ")
    pieces = [part for piece in _segmenter().segment(flat) for part in _split_long(piece)]
    spans, cursor = [], 0
    for piece in pieces:
        stripped = piece.strip()
        if len(stripped) < MIN_SENTENCE_CHARS:
            continue
        start = flat.find(stripped, cursor)
        if start < 0:
            continue
        cursor = start + len(stripped)
        spans.append(Span(lo + start, lo + cursor))
    return spans


def _split_long(sentence: str) -> list[str]:
    if len(sentence) <= LONG_SENTENCE_CHARS:
        return [sentence]
    return _INNER_END.split(sentence)
