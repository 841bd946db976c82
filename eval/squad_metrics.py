"""The official SQuAD 2.0 metrics (the definitions of `evaluate-v2.0.py`, Rajpurkar et al. 2018).

An answer is normalised by lower-casing, removing punctuation, removing the articles a/an/the and
collapsing whitespace. Exact match is equality of normalised strings; F1 is the overlap of their
bags of tokens. A question is scored against each annotator's answer and keeps the best. An
unanswerable question has one gold answer, the empty string: only an empty prediction (here, an
abstention or no short answer) scores 1. Overall figures are percentages (0-100), as published.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCTUATION = set(string.punctuation)


def normalize_answer(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def answer_tokens(text: str) -> list[str]:
    return normalize_answer(text).split() if text else []


def compute_exact(gold: str, prediction: str) -> int:
    return int(normalize_answer(gold) == normalize_answer(prediction))


def compute_f1(gold: str, prediction: str) -> float:
    gold_tokens, predicted = answer_tokens(gold), answer_tokens(prediction)
    if not gold_tokens or not predicted:
        return float(gold_tokens == predicted)  # no-answer on either side: 1 only if both are
    same = sum((Counter(gold_tokens) & Counter(predicted)).values())
    if same == 0:
        return 0.0
    precision, recall = same / len(predicted), same / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


def gold_answers(annotated: Sequence[str]) -> list[str]:
    """The annotators' answers that survive normalisation; [""] for an unanswerable question."""
    return [a for a in annotated if normalize_answer(a)] or [""]


@dataclass(frozen=True)
class SquadScore:
    exact: float  # 0 or 1
    f1: float  # 0..1


def score_prediction(annotated: Sequence[str], prediction: str | None) -> SquadScore:
    """One question's exact match and F1: the best over its gold answers. None predicts no answer."""
    golds, predicted = gold_answers(annotated), prediction or ""
    return SquadScore(max(compute_exact(g, predicted) for g in golds), max(compute_f1(g, predicted) for g in golds))


def squad_summary(scores: Sequence[tuple[bool, SquadScore]]) -> dict[str, float | None]:
    """(has an answer, score) per question -> exact and F1 overall and over HasAns (percentages),
    and the share of NoAns questions answered with nothing (no_ans_accuracy, 0..1)."""
    def mean(values: list[float]) -> float | None:
        return sum(values) / len(values) if values else None

    def percent(values: list[float]) -> float | None:
        m = mean(values)
        return None if m is None else 100.0 * m

    has = [s for answerable, s in scores if answerable]
    no = [s for answerable, s in scores if not answerable]
    return {
        "exact": percent([s.exact for _, s in scores]),
        "f1": percent([s.f1 for _, s in scores]),
        "has_ans_exact": percent([s.exact for s in has]),
        "has_ans_f1": percent([s.f1 for s in has]),
        "no_ans_accuracy": mean([s.exact for s in no]),
    }
