"""A question that ends on its verb's preposition ("Where was the kidney transported to?", "What is the mace made
of?") asks for what follows that verb and preposition in the text: "transported to *Baltimore*", not the first place
of "The kidney was removed in San Francisco and transported to Baltimore". The span model weighs where a span stands
beside the question's words, but not which of them it follows; among its candidates in the best span's unit, the best
one that opens right after the question's verb and preposition is taken, and shown as the short answer at half the
probability the span model otherwise needs (that the text says "<verb> <preposition>" before it is evidence the span
model does not weigh: SQuAD "southern Italy" for "Where did the monks flee to?", no answer worse on any set).
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from retrieval.scored import SpanChoice, ScoredUnit
from retrieval.spans import Candidates
from retrieval.text import STOP_WORDS, content_words, stems

_PREPOSITIONS = frozenset("to from with by for on in at into onto of about after as toward towards upon".split())
_STRANDED = re.compile(r"\b(?P<verb>[^\W\d_][\w'-]*)(?:\s+(?:out|up|down|off|away|back))?\s+"
                       rf"(?P<prep>{'|'.join(sorted(_PREPOSITIONS, key=len, reverse=True))})\s*\?\s*$", re.I)
_WORD = re.compile(r"[^\W_][\w'-]*")
_ARTICLES = re.compile(r"(?:the|a|an)\s+", re.I)
VERB_REACH = 3  # words between the verb and its preposition in the text ("moved the capital to")
# The forms of common irregular verbs, read as their base here only ("fled to" answers "Where did the monks flee
# to?"); the stems elsewhere stay Snowball's, which the learned models were trained on.
_IRREGULAR = {form: base for base, forms in (
    ("flee", "fled"), ("make", "made"), ("go", "went gone"), ("sell", "sold"), ("bring", "brought"),
    ("build", "built"), ("take", "took taken"), ("give", "gave given"), ("send", "sent"), ("lead", "led"),
    ("leave", "left"), ("run", "ran"), ("come", "came"), ("write", "wrote written"), ("speak", "spoke spoken"),
    ("see", "saw seen"), ("find", "found"), ("hold", "held"), ("keep", "kept"), ("lose", "lost"),
    ("pay", "paid"), ("buy", "bought"), ("teach", "taught"), ("tell", "told"), ("win", "won"), ("fight", "fought"),
    ("meet", "met"), ("rise", "rose risen"), ("fall", "fell fallen"), ("drive", "drove driven"), ("fly", "flew flown"),
    ("grow", "grew grown"), ("know", "knew known"), ("throw", "threw thrown"), ("draw", "drew drawn"),
    ("begin", "began begun"), ("choose", "chose chosen"), ("freeze", "froze frozen"), ("steal", "stole stolen"),
    ("bear", "bore born borne"), ("lend", "lent"), ("spend", "spent"), ("stand", "stood"), ("sit", "sat"),
    ("sink", "sank sunk"), ("swim", "swam swum"), ("get", "got gotten"), ("feed", "fed"), ("bind", "bound"),
    ("dig", "dug"), ("hang", "hung"), ("shoot", "shot"), ("strike", "struck"), ("tear", "tore torn"),
    ("wear", "wore worn"), ("ride", "rode ridden"), ("forbid", "forbade forbidden"), ("forgive", "forgave forgiven"),
) for form in [base, *forms.split()]}


def verb_and_preposition(question: str) -> tuple[str, str] | None:
    """The stem of the word before the question's closing preposition, and the preposition; None when the question
    does not end on one or that word is a small word ("What is it for?")."""
    m = _STRANDED.search(question)
    if m is None or m.group("verb").lower() in STOP_WORDS:
        return None
    verb = _stem(m.group("verb"))
    return (verb, m.group("prep").lower()) if verb else None


def _stem(word: str) -> str | None:
    """The word's stem, an irregular verb's form read as its base."""
    found = stems(_IRREGULAR.get(word.lower(), word))
    return found[0] if found else None


def openings_after(text: str, verb: str, preposition: str) -> list[int]:
    """Offsets in `text` right after each "<verb> ... <preposition> (the)" whose verb has the question's stem."""
    words = list(_WORD.finditer(text))
    out = []
    for i, word in enumerate(words):
        if _stem(word.group()) != verb:
            continue
        for later in words[i + 1 : i + 2 + VERB_REACH]:
            if later.group().lower() in _PREPOSITIONS and later.group().lower() != preposition:
                break  # "made from the bark of" is not "made ... of"
            if later.group().lower() == preposition:
                at = later.end() + len(text[later.end():]) - len(text[later.end():].lstrip())
                article = _ARTICLES.match(text, at)
                out.append(article.end() if article else at)
                break
    return out


def the_object_asked(question: str, best: SpanChoice | None,
                     spans: Sequence[tuple[ScoredUnit, Candidates]], logits: np.ndarray) -> SpanChoice | None:
    """The best candidate of `best`'s unit that opens right after the question's verb and preposition and holds none
    of the question's words ("Irish culture and history" is no answer to "Who did the Irish culture have a profound
    effect on?"); `best` itself when there is none (or the question does not end on a preposition)."""
    asked = verb_and_preposition(question)
    if best is None or asked is None:
        return best
    own = set(content_words(question))
    offset = 0
    for unit, c in spans:
        if unit is best.unit:
            openings = {unit.start + at for at in openings_after(unit.text, *asked)}
            here = [i for i, start in enumerate(c.starts) if int(start) in openings]
            if not here:
                return best
            i = max(here, key=lambda j: logits[offset + j])
            start, end = int(c.starts[i]), int(c.ends[i])
            text = unit.text[start - unit.start : end - unit.start]
            if (start, end) == (best.start, best.end) or own & set(content_words(text)):
                return best
            return SpanChoice(unit, start, end, text, float(logits[offset + i]), best.probability)
        offset += len(c.starts)
    return best


def opens_after_the_verb(question: str, choice: SpanChoice | None) -> bool:
    """Whether the span opens right after the question's verb and its stranded preposition in its unit."""
    asked = verb_and_preposition(question)
    if choice is None or asked is None:
        return False
    return choice.start - choice.unit.start in openings_after(choice.unit.text, *asked)
