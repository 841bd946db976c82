"""Document metadata: a title and the date the text states, if it states one."""

from __future__ import annotations

import re

from citeqa.dates import first_date

TITLE_MAX_CHARS = 160


def find_date(text: str) -> str | None:
    """The first full calendar date (day, month and year) stated in the text, as an ISO string."""
    found = first_date(text)
    return found.iso if found else None


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
