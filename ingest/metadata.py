"""Document metadata: a title and the date the text states, if it states one."""

from __future__ import annotations

import re
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
TITLE_MAX_CHARS = 160


def find_date(text: str) -> str | None:
    """The first full calendar date (day, month and year) stated in the text, as an ISO string."""
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            month_n = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                found.append((m.start(), date(int(m.group("year")), month_n, int(m.group("day"))).isoformat()))
                break
            except ValueError:
                continue
    return min(found)[1] if found else None


def find_title(text: str, declared: str | None, fallback: str) -> str:
    """The format's declared title, else the first line with at least two words, else the file name."""
    if declared and declared.strip():
        return _shorten(declared.strip())
    for line in text.split("\n"):
        words = re.findall(r"[^\W\d_]{2,}", line)
        if len(words) >= 2:
            return _shorten(line.strip())
    return fallback


def _shorten(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX_CHARS:
        return title
    return title[: TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
