"""For "What does tar's exit code 1 mean?", "What does man's exit status 2 mean?": the row of the code asked.

A manual page lists its exit codes (or return values, error numbers) as rows, the code and then what it means: "1
Some files differ.", "2      Operational error.". The rows read alike, so the unit ranker had quoted "3 A child process
returned a non-zero exit status." and another program's rows for the 2 asked. Among the top passages, in their order,
the first line that opens with the code asked and goes on in words is the answer; what follows the code, the short
answer.
"""

from __future__ import annotations

import re

_ASKS = re.compile(r"\b(?:exit|return|error)\s+(?:status|code|value)s?\s+(?P<code>-?\d{1,3})\b.*\bmean", re.I)
_MEANING_END = re.compile(r"[.;:](?=\s|$)|\s*$")  # the first sentence of what the row says


def code_asked(question: str) -> str | None:
    """The code whose meaning the question asks ("1" of "What does tar's exit code 1 mean?"), or None."""
    asked = _ASKS.search(question)
    return asked.group("code") if asked else None


def row_of_the_code(text: str, code: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the row of `code` in text[start:end] says what it means ("Some files differ" of "1 Some files differ."),
    as offsets into `text`; None when no line opens with the code before a word."""
    row = re.compile(rf"(?m)^{re.escape(code)}[ \t]+(?P<meaning>(?:if\s+)?[A-Za-z][^\n]*)")
    found = row.search(text, start, end)
    if found is None:
        return None
    meaning_start = found.start("meaning")
    meaning = found.group("meaning")
    return meaning_start, meaning_start + _MEANING_END.search(meaning).start()
