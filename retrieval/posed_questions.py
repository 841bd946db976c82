"""Questions the documents pose themselves: a FAQ's entry ("7.12. How do I put a package on hold?"), an
interview's "Q: ...". Such a line restates the user's question better than anything else, so the ranker puts it
first, yet it says nothing: the text under it does. A posed question's score goes to the section under it, and
the question itself is never quoted."""
from __future__ import annotations

import re
from typing import Callable, Sequence

import numpy as np

from citeqa.layout import ends_sentence, ends_with_joiner
from retrieval.scored import ScoredUnit, with_scores

# What may open a posed question's line: a section number ("7.12.", "3)"), a "Q:" label, a list mark.
_NUMBER_OR_LABEL = r"(?:\d+[.)])+[ \t]*|(?:Q|Question)[ \t]*\d*[ \t]*[:.)][ \t]*"
_LINE_LEAD = re.compile(rf"[ \t]*(?:{_NUMBER_OR_LABEL}|[-*•][ \t]*)?")
_LETTER = re.compile(r"[^\W\d_]")
# What may stand between a posed question and its answer: blank lines, the answer's "A:" label.
_BEFORE_ANSWER = re.compile(r"\s*(?:(?:A|Answer)[ \t]*[:.)])?\s*")


# A line that ends asking (a numbered entry's), a remark in brackets after its question at most
_ENDS_ASKING = re.compile(r"\?!?[ \t]*(?:\([^()\n]*\)[ \t]*)?$")
# A line that poses questions: each of its sentences asks one ("What about "testing"? How is it `frozen'?"), and a
# remark in brackets may close it ("How do I delete a file? (And other file questions...)").
_QUESTION_LINE = re.compile(r"(?:(?:[^\n?.!]|[.!](?![ \t]+[A-Z]))*\?!?[ \t]*)+(?:\([^()\n]*\)[ \t]*)?")


def poses_a_question(unit: ScoredUnit, text: str) -> bool:
    """A question on a line of its own (after a section number or a "Q:" label at most), or one of the questions
    such a line asks."""
    if not unit.text.rstrip().rstrip("!").endswith("?"):  # ("... what is Linux?!")
        return False
    line = text[text.rfind("\n", 0, unit.start) + 1 : _line_end(text, unit.end)]
    lead = _LINE_LEAD.match(line)
    if lead.group().strip():  # a numbered entry may say first what the question is about ("3.1.10. I have a working
        return _ENDS_ASKING.search(line) is not None  # Desktop with Debian installed. How do I know ...?")
    return _QUESTION_LINE.fullmatch(line, lead.end()) is not None


def answered_where_posed(units: Sequence[ScoredUnit], rows: np.ndarray, text_of: Callable[[str], str],
                         unit_after: Callable[[ScoredUnit], ScoredUnit | None]) -> tuple[list[ScoredUnit], np.ndarray]:
    """The ranked units without the questions the documents pose. The units of the section under each posed
    question (`_section_under`) rise with it: the first, which a FAQ opens its answer with, takes the question's
    score if that is higher; the rest rise as one to SECTION_GAP below it, each keeping its distance below the best
    of them. A question among the FETCHED best whose passage ends before its answer begins gets that answer from
    the index (`unit_after`), with the question's score and features. Probabilities are the softmax of the scores
    again; ranked order, with the units' feature rows."""
    posed = {u.key for u in units if poses_a_question(u, text_of(u.doc_id))}
    if not posed:
        return list(units), rows
    ordered = sorted(units, key=lambda u: u.key)
    scores = {u.key: u.score for u in units}
    kept = [(u, row) for u, row in zip(units, rows) if u.key not in posed]
    for rank, (question, row) in enumerate(zip(units, rows)):
        if question.key not in posed:
            continue
        text = text_of(question.doc_id)
        section = _section_under(question, ordered, posed, text)
        if not section:
            fetched = _answer_beyond_the_passage(question, ordered, text, unit_after) if rank < FETCHED else None
            if fetched is not None and fetched.key not in scores:
                scores[fetched.key] = question.score
                kept.append((fetched, row))
            continue
        first, rest = section[0], section[1:]
        scores[first.key] = top = max(scores[first.key], question.score)
        best = max((scores[u.key] for u in rest), default=0.0)
        for u in rest:
            scores[u.key] = max(scores[u.key], top - SECTION_GAP - (best - scores[u.key]))
    if not kept:
        return [], rows[:0]
    rescored = with_scores([u for u, _ in kept], [scores[u.key] for u, _ in kept])
    ranked = sorted(zip(rescored, (row for _, row in kept)), key=lambda pair: -pair[0].score)
    return [u for u, _ in ranked], np.stack([row for _, row in ranked])


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _answer_beyond_the_passage(question: ScoredUnit, ordered: Sequence[ScoredUnit], text: str,
                               unit_after: Callable[[ScoredUnit], ScoredUnit | None]) -> ScoredUnit | None:
    """The unit that opens the answer to a posed question when the unit right after it was not ranked (its passage
    ended with the question: "How fast are exceptions?"); None for a table of contents' entry."""
    line_end = _line_end(text, question.end)
    ranked_after = next((u for u in ordered if u.doc_id == question.doc_id and u.start >= line_end), None)
    if ranked_after is not None and _BEFORE_ANSWER.fullmatch(text[line_end : ranked_after.start]):
        return None  # its answer, or the next entry of a table of contents, was ranked
    found = unit_after(question)
    while found is not None and found.start < line_end:  # what else the question's line says
        found = unit_after(found)
    if (found is None or not _BEFORE_ANSWER.fullmatch(text[line_end : found.start])
            or not _LETTER.search(found.text) or poses_a_question(found, text) or _a_heading(found.text)):
        return None
    return found


# A line that poses a question ends a section: a FAQ's next entry.
_POSED_LINE = re.compile(rf"\n[ \t]*(?:{_NUMBER_OR_LABEL})?[^\n]*\?[ \t]*(?=\n|$)")
SECTION_REACH = 1500  # characters of a posed question's section looked at
SECTION_GAP = 1.0  # the best of a section's later units scores this far below its first (a share of e^-1)
FETCHED = 3  # posed questions among this many best units may have their answer read from the index


def _section_under(question: ScoredUnit, ordered: Sequence[ScoredUnit], posed: set[tuple[str, int]],
                   text: str) -> list[ScoredUnit]:
    """The ranked units that answer a posed question: from the unit right after it (none when the next is another
    question, as in a table of contents) to the next posed question or heading, within SECTION_REACH characters."""
    line_end = _line_end(text, question.end)  # (what else the line says is part of the question)
    after = [u for u in ordered if u.doc_id == question.doc_id and u.start >= line_end]
    if (not after or after[0].key in posed or not _BEFORE_ANSWER.fullmatch(text[line_end : after[0].start])
            or _a_heading(after[0].text)):  # (a table of contents: the next chapter's title)
        return []
    next_posed = _POSED_LINE.search(text, line_end, line_end + SECTION_REACH)
    end = next_posed.start() if next_posed else line_end + SECTION_REACH
    section = []
    for u in after:
        if u.start >= end or u.key in posed or (section and _a_heading(u.text)):
            break
        section.append(u)
    return section


SECTION_HEADING_WORDS = 8


def _a_heading(text: str) -> bool:
    """A short line in capitals or opened by a capital that ends no sentence, nor stops where a phrase cannot end or
    announces what follows: the next part's heading ("Python in the real world"), where a section ends."""
    return (bool(_OPENS_A_HEADING.match(text)) and "\n" not in text.strip() and not ends_sentence(text)
            and not ends_with_joiner(text) and not text.rstrip().endswith(":") and "," not in text
            and len(text.split()) <= SECTION_HEADING_WORDS)


_OPENS_A_HEADING = re.compile(r"(?:\d+[.)]\s*)*[A-Z]")  # (a command in small letters is no heading: "libc6 hold")


def question_posed_over(unit: ScoredUnit, text_of: Callable[[str], str]) -> list[str]:
    """The question a FAQ poses over the unit, the last posed within SECTION_REACH characters before it with no
    heading between (none: [])."""
    text = text_of(unit.doc_id)
    found = None
    for found in _POSED_LINE.finditer(text, max(0, unit.start - SECTION_REACH), unit.start):
        pass
    if found is None:
        return []
    between = text[found.end() : unit.start]
    if any(_a_heading(line) for line in between.splitlines() if line.strip()):
        return []
    return [found.group().strip()]
