"""Full calendar dates written in text ("June 23, 2006", "23 June 2006", "2006-06-23", "23.06.2006"): where a
document states its date (ingest/metadata.py) and where a question about that date is answered
(retrieval/document_date.py) read them the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"),
]


@dataclass(frozen=True)
class StatedDate:
    start: int  # where the text writes it
    end: int
    iso: str  # "2006-06-23"


def first_date(text: str) -> StatedDate | None:
    """The first full calendar date (day, month and year) the text states, where it states it."""
    found: list[StatedDate] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_n = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                found.append(StatedDate(m.start(), m.end(),
                                        date(int(m.group("year")), month_n, int(m.group("day"))).isoformat()))
                break
            except ValueError:
                continue
    return min(found, key=lambda d: d.start) if found else None
