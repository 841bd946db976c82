"""Who signed a document: its signature block ("For the Republic of Armenia |" / "For the Kyrgyz Republic |" /
...), the layout treaties and declarations end with, which names the parties and no word of the question.

"Which countries signed the declaration?" had been refused: the block's lines share no word with "signed", and
their meaning is the parties', not the signing. Asked of one document (the question names it:
retrieval/named_document.py), the block at its end is the answer.
"""

from __future__ import annotations

import re
from typing import Sequence

from citeqa.types import Span
from retrieval.text import asking_sentence

# "Who signed ...?", "Which countries/states/parties signed ...?", "How many countries signed ...?" (the block lists
# them to count); not "Who signed it on behalf of Kazakhstan?", which asks for a person the block does not name.
_ASKS_WHO_SIGNED = re.compile(r"^\s*(?:who|(?:which|how\s+many)\s+(?:countries|states|parties|nations|governments|"
                              r"member\s+states))"
                              r"\s+(?:(?:have|has|had)\s+)?signed\b(?![^?]*\b(?:on\s+behalf\s+of|for)\b)", re.I)
# One line of a signature block: "For the Republic of Armenia |", "For the Government of Canada:", "For Japan"
_SIGNATURE_LINE = re.compile(r"For\s+(?:the\s+)?[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,7}[ \t]*[|:]?")
SIGNATURE_LINES_MIN = 2  # one "For the ..." line alone is a sentence, not a block


# "Did Kyrgyzstan sign the declaration?", "Was it signed by Tajikistan?": the block says who did, and so whether.
_ASKS_WHETHER_SIGNED = re.compile(r"^\s*(?:(?:did|has|have|had)\s+[^?]+?\s+sign(?:ed)?|"
                                  r"(?:was|were)\s+[^?]+?\s+signed\s+by)\b(?![^?]*\b(?:on\s+behalf\s+of)\b)", re.I)


def asks_who_signed(question: str) -> bool:
    """"Which countries signed the declaration?", and whether one did ("Did Kyrgyzstan sign it?")."""
    text = " ".join(asking_sentence(question).split())
    return bool(_ASKS_WHO_SIGNED.match(text) or _ASKS_WHETHER_SIGNED.match(text))


def signature_block(units: Sequence[Span], text: str) -> list[Span]:
    """The units of the document's last signature block (`units`: the document's units in order, `text`: its
    text): a run of SIGNATURE_LINES_MIN or more units, one line each, that each name a party ("For the ...");
    empty when it has none."""
    runs: list[list[Span]] = [[]]
    for span in units:
        line = text[span.start : span.end]
        if "\n" not in line.strip() and _SIGNATURE_LINE.fullmatch(line.strip()):
            runs[-1].append(span)
        elif runs[-1]:
            runs.append([])
    return next((run for run in reversed(runs) if len(run) >= SIGNATURE_LINES_MIN), [])
