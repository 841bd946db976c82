"""When a document was adopted, signed or issued: the date it states in its opening lines ("Declaration of ...
of June 23, 2006"), its dateline.

"When was the declaration adopted?" had been refused: the brochure's banner "MODEL ACTS adopted in 2006 - 2024"
held the question's word and outranked the declaration's title line, which holds no word of "adopted". Asked of
one document (the question names it: retrieval/named_document.py), its own date is the answer, where its first
lines state one; a date further in is some other event's.
"""

from __future__ import annotations

import re

from citeqa.dates import StatedDate, first_date
from retrieval.text import asking_sentence

# "When was it adopted?", "On what date was it signed?", "When did the heads of state sign it?" (the document's name
# left out: "it")
_WHEN = r"^\s*(?:when|on\s+what\s+(?:date|day)|what\s+(?:date|day))\s+"
_ASKS_WHEN_MADE = re.compile(
    _WHEN + r"(?:(?:was|were)\s+it\s+(?:first\s+)?(?:adopted|signed|issued|published|dated|written|released|approved|"
    r"concluded|made|drafted)|(?:did|do|does)\s+(?:[\w'’-]+\s+){1,6}?(?:first\s+)?(?:adopt|sign|issue|publish|write|"
    r"release|approve|conclude|make|draft)\s+it)\s*\??\s*$", re.I)
DATELINE_CHARS = 300  # how far into a document its own date may stand (its title or dateline)


def asks_when_made(question: str) -> bool:
    return bool(_ASKS_WHEN_MADE.match(" ".join(asking_sentence(question).split())))


def own_date(text: str) -> StatedDate | None:
    """The date a document states as its own: the first full date, within its first DATELINE_CHARS characters."""
    return first_date(text[:DATELINE_CHARS])
