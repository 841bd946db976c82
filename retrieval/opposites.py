"""A question that asks with the opposite of what the passage says: "The party with the lowest quotient is awarded
what?" of "The party with the highest quotient is awarded the seat.".

SQuAD 2.0 writes many of its unanswerable questions so, and users ask so of what a text does not say ("When was the
first version published?" of "... last updated 2 October 2018"): every other word matches, and the answer finder had
put the passage's answer in bold. The pairs are words whose opposite changes what is asked and that rarely stand in a
text for something else (not "most", of "at least"; not "start", which "came to an end" answers).
"""

from __future__ import annotations

import re

OPPOSITES = (("first", "last"), ("earliest", "latest"), ("largest", "smallest"), ("biggest", "smallest"),
             ("highest", "lowest"), ("maximum", "minimum"), ("oldest", "newest"), ("longest", "shortest"),
             ("before", "after"), ("began", "ended"),
             # chosen among more pairs on SQuAD's dev half, where each refused only unanswerable questions (north and
             # south, more and less, early and late refused answerable ones: "South Africa" beside "North America")
             ("public", "private"), ("majority", "minority"), ("increase", "decrease"), ("increased", "decreased"),
             ("inside", "outside"), ("upper", "lower"), ("first", "second"), ("eastern", "western"))
_WORD = re.compile(r"\w+")


def says_the_opposite(question: str, text: str) -> bool:
    """Whether the question asks with one word of an opposed pair (and not the other) and the text says only the
    other ("... applied to western countries, and which eastern country?" asks of both)."""
    asked, said = set(_WORD.findall(question.lower())), set(_WORD.findall(text.lower()))
    return any((a in asked and b not in asked and b in said and a not in said)
               or (b in asked and a not in asked and a in said and b not in said) for a, b in OPPOSITES)
