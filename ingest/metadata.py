"""Document metadata: a title and the date the text states, if it states one."""

from __future__ import annotations

import re

from citeqa.dates import first_date
from citeqa.layout import ends_sentence, ends_with_joiner, in_capitals

TITLE_MAX_CHARS = 200
# A heading run on into a sentence ("THE PARLIAMENTARY ASSEMBLY ... ORGANIZATION IS THE STATUTORY BODY ...") is titled
# by its subject: the words before the verb.
_COPULA = re.compile(r"\s(?:is|are|was|were)\s", re.I)


def find_date(text: str) -> str | None:
    """The first full calendar date (day, month and year) stated in the text, as an ISO string."""
    found = first_date(text)
    return found.iso if found else None


def find_title(text: str, declared: str | None, fallback: str) -> str:
    """The format's declared title, else the first line with at least two words (with the lines it is wrapped
    over, up to a verb that makes it a sentence), else the file name."""
    if declared and declared.strip():
        return _shorten(declared.strip())
    lines = text.split("\n")
    for i, line in enumerate(lines):
        words = re.findall(r"[^\W\d_]{2,}", line)
        if len(words) >= 2:
            wrapped = _wrapped_after(line, lines[i + 1 :])
            title = " ".join([line.strip(), *wrapped])
            verb = _COPULA.search(title, len(line.strip())) if wrapped else None
            return _shorten(title[: verb.start()] if verb else title)
    return fallback


def _wrapped_after(first: str, following: list[str]) -> list[str]:
    """The lines a title goes on in, as long as its phrase goes on: a heading set in capitals over several lines
    ("THE PARLIAMENTARY ASSEMBLY OF THE COLLECTIVE SECURITY TREATY" / "ORGANIZATION ..."), or a line that ends with a
    joining word. A blank line ends it, and so does a full stop; a line in other case is not read on into (an
    author's line, or "of June 23, 2006" under the declaration's title, which is dated by it already)."""
    taken, last = [], first
    for line in following:
        stripped = line.strip()
        if not stripped or ends_sentence(last) or len(" ".join([first, *taken])) > TITLE_MAX_CHARS:
            break
        if not (ends_with_joiner(last) or (in_capitals(last) and in_capitals(stripped))):
            break
        taken.append(stripped)
        last = stripped
    return taken


def _shorten(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX_CHARS:
        return title
    return title[: TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "…"
