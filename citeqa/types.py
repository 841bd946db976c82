"""The typed dataclasses that cross folder boundaries.

Offsets (`start`, `end`) are always character offsets into a document's cleaned text, the text
the index stores and the source viewer shows: `document.text[start:end] == chunk.text`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Document:
    doc_id: str  # path relative to the corpus folder, e.g. "csto-pa-brochure.txt"
    title: str
    text: str  # cleaned text
    source_path: str
    content_hash: str  # sha256 of the file's bytes
    size: int  # bytes on disk
    format: str  # txt, md, html, pdf, docx, beir
    date: str | None = None  # ISO date the text states, if any


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str
    n_tokens: int


@dataclass(frozen=True)
class Passage:
    rank: int
    doc_id: str
    chunk_id: int
    title: str
    text: str
    start: int
    end: int
    score: float
    found_by: tuple[str, ...]  # which searches returned it: "dense", "lexical"
    dense_score: float | None = None  # cosine similarity to the question, when known

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["found_by"] = list(self.found_by)
        return out


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    start: int
    end: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ShortAnswer:
    """The exact span that answers the question (a name, a number, a date, a short phrase): it lies
    inside the quote of citation `citation`, and `document.text[start:end] == text`."""

    text: str
    doc_id: str
    start: int
    end: int
    citation: int  # the `n` of the citation whose quote contains it

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    passages: list[Passage]
    timings_ms: dict[str, float] = field(default_factory=dict)
    retrieval_query: str | None = None  # the question as retrieval saw it (follow-ups resolved)
    confidence: float | None = None  # the score abstention compared with its threshold
    short_answer: ShortAnswer | None = None  # None when abstained, or when no short span answers it
    named_document: str | None = None  # the document the question named as its source, the only one searched
    # the question as read, when more than its capitals changed: misspelt words corrected ("Volodn" -> "Volodin"), a
    # follow-up as a question of its own ("What about the Mazhilis?" -> "Who chairs the Mazhilis?")
    read_as: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
            "short_answer": self.short_answer.to_json() if self.short_answer else None,
            "read_as": self.read_as,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }


@dataclass(frozen=True)
class Filters:
    doc_ids: tuple[str, ...] = ()  # empty: every document
    date_from: str | None = None  # ISO dates, inclusive; documents without a date are left out
    date_to: str | None = None

    def __post_init__(self) -> None:
        """Dates are checked where filters are made (CLI, chat, API): YYYY-MM-DD or empty, start <= end."""
        for name in ("date_from", "date_to"):
            object.__setattr__(self, name, _iso_date(getattr(self, name), name.replace("_", " ")))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            from citeqa.errors import CiteqaError

            raise CiteqaError(f"the date range {self.date_from} to {self.date_to} is empty: the start is after the "
                              "end; swap the two dates.")

    @property
    def active(self) -> bool:
        return bool(self.doc_ids or self.date_from or self.date_to)

    def admits_date(self, day: str | None) -> bool:
        """Whether a document dated `day` (None: undated) passes the date range: with a range, an undated
        document is left out, as the stores' searches leave it out."""
        if not (self.date_from or self.date_to):
            return True
        return day is not None and (self.date_from or day) <= day <= (self.date_to or day)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange in a conversation, used to resolve follow-up questions."""

    question: str
    answer: str = ""


def _iso_date(value: str | None, label: str) -> str | None:
    from citeqa.errors import CiteqaError

    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise CiteqaError(f"{label} {value!r} is not a date: write it as YYYY-MM-DD.") from None
