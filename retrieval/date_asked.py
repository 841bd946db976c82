"""What happened on a date: "What happened on 20 December?", "What takes place on March 20?".

Such a question names nothing but its date, so the answerability model, trained on questions that name a topic,
reads it as unanswerable (0.024 for the Minsk meeting's "on 20 December"); yet the line that holds the date is what
happened then, and a date is matched word for word. retrieval/answer.py quotes the best ranked unit that holds the
date, and refuses when none does.
"""

from __future__ import annotations

import re

from retrieval.spans import MONTH_NAMES
from retrieval.text import asking_sentence

_MONTH = "|".join(MONTH_NAMES)
_DATE = (rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?"
         rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>\d{{4}}))?"
         rf"|(?P<month3>{_MONTH})\s+(?P<year3>\d{{4}})|(?P<year4>\d{{4}})")
_HAPPENED_ON = re.compile(
    r"^\W*what\s+(?:happened|happens|will\s+happen|is\s+happening|took\s+place|takes\s+place|will\s+take\s+place"
    r"|(?:is|was)\s+(?:scheduled|planned|held)|will\s+be\s+held)\s+(?:on|in|for)\s+(?:the\s+)?"
    rf"(?:{_DATE})\s*[?.!]?\s*$", re.I)


def date_of_what_happened(question: str) -> re.Pattern | None:
    """For "What happened on 20 December?", how a text writes that date ("20 December", "December 20", with its
    year or not); None for any other question."""
    match = _HAPPENED_ON.match(" ".join(asking_sentence(question).split()))
    if match is None:
        return None
    g = match.groupdict()
    day, month = g["day"] or g["day2"], g["month"] or g["month2"] or g["month3"]
    year = g["year"] or g["year2"] or g["year3"] or g["year4"]
    if day and month:
        written = rf"{int(day)}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}|{month}\s+0?{int(day)}(?:st|nd|rd|th)?\b"
    elif month:
        written = rf"{month}\s+(?:\d{{1,2}},?\s+)?{year}|\d{{1,2}}\s+{month}\s+{year}"
    else:
        written = year
    return re.compile(rf"(?<!\d)(?:{written})(?!\d)", re.I)
