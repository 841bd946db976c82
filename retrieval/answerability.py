"""Question-level evidence that the retrieved text answers *this* question, for abstention.

A question that merely looks answerable usually differs from the text in one telling word: an
entity, a date or a relation the passage never mentions, or a negation it does not make. So beside
how well the best unit matches (meaning and words), the evidence counts what is missing: the rarest
question word absent from the unit, its passage and its document, names and numbers of the question
that the passage never mentions, and whether a span of the kind asked for (a date for "when") exists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np

from retrieval import unit_features
from retrieval.question import QuestionInfo, says_number
from retrieval.text import stem_words

FEATURES = (
    "bias", "semantic_best", "lexical_best", "unit_probability", "unit_margin", "semantic_margin",
    "coverage_unit", "coverage_passage", "coverage_document",
    "missing_idf_unit", "missing_idf_passage", "missing_idf_document",
    "missing_words_passage", "missing_names_passage", "missing_names_document", "missing_numbers_passage",
    "negation_mismatch", "span_logit", "span_probability", "span_margin", "expected_kind_found",
    "top_passage_dense", "follow_up", "content_words_log", "type_time", "type_number", "type_person",
    "type_why_how", "unit_logit", "unit_logit_margin", "missing_idf_names_unit", "absent_from_corpus",
    "any_absent_from_corpus",
) + tuple(f"unit:{name}" for name in unit_features.FEATURES[1:])  # the best unit as the unit ranker saw it


@dataclass(frozen=True)
class Evidence:
    """What the answer finder saw, in the terms the features need."""

    question: QuestionInfo
    idf: Mapping[str, float]  # question content stem -> IDF
    corpus_chunks: int  # the N of the IDF: a word no chunk holds has IDF log(1 + (N + 0.5) / 0.5)
    unit_stems: frozenset[str]
    passage_stems: frozenset[str]
    document_stems: frozenset[str]
    unit_text: str
    passage_text: str
    semantic: tuple[float, float]  # best and second-best unit cosine
    lexical_best: float
    unit_probability: tuple[float, float]  # the unit ranker's probability of the best and second unit
    span_logit: float
    span_probability: float
    span_margin: float
    expected_kind_found: bool
    top_passage_dense: float
    follow_up: bool
    unit_logits: tuple[float, float]  # the unit ranker's score of the best and second unit
    unit_row: np.ndarray  # the best unit's unit-ranker features


def features(e: Evidence) -> np.ndarray:
    q = e.question
    words = [w for w in q.content if w in e.idf] or list(q.content)
    weights = {w: e.idf.get(w, 1.0) for w in words}
    total = sum(weights.values()) or 1.0
    top = max(weights.values(), default=1.0) or 1.0

    def coverage(present: frozenset[str]) -> float:
        return sum(v for w, v in weights.items() if w in present) / total

    def missing_idf(present: frozenset[str]) -> float:
        return max((v for w, v in weights.items() if w not in present), default=0.0) / top

    names = stem_words(list(q.names))

    def missing_names(present: frozenset[str]) -> float:
        return sum(n not in present for n in names) / len(names) if names else 0.0

    missing_numbers = (sum(not says_number(e.passage_text, n) for n in q.numbers) / len(q.numbers)
                       if q.numbers else 0.0)
    unit_negated = any(w in e.unit_stems for w in ("not", "never", "no", "neither", "nor", "without")) \
        or "n't" in e.unit_text
    values = {
        "bias": 1.0,
        "semantic_best": e.semantic[0],
        "lexical_best": e.lexical_best,
        "unit_probability": e.unit_probability[0],
        "unit_margin": e.unit_probability[0] - e.unit_probability[1],
        "semantic_margin": e.semantic[0] - e.semantic[1],
        "coverage_unit": coverage(e.unit_stems),
        "coverage_passage": coverage(e.passage_stems),
        "coverage_document": coverage(e.document_stems),
        "missing_idf_unit": missing_idf(e.unit_stems),
        "missing_idf_passage": missing_idf(e.passage_stems),
        "missing_idf_document": missing_idf(e.document_stems),
        "missing_words_passage": sum(w not in e.passage_stems for w in words) / max(len(words), 1),
        "missing_names_passage": missing_names(e.passage_stems),
        "missing_names_document": missing_names(e.document_stems),
        "missing_numbers_passage": missing_numbers,
        "negation_mismatch": float(q.negated != unit_negated),
        "span_logit": e.span_logit,
        "span_probability": e.span_probability,
        "span_margin": e.span_margin,
        "expected_kind_found": float(e.expected_kind_found),
        "top_passage_dense": e.top_passage_dense,
        "follow_up": float(e.follow_up),
        "content_words_log": math.log1p(len(words)),
        "type_time": float(q.wants_time),
        "type_number": float(q.wants_number),
        "type_person": float(q.wants_person),
        "type_why_how": float(q.qtype in ("why", "how")),
    }
    names_missing = [n for n in names if n not in e.unit_stems]
    values["unit_logit"] = e.unit_logits[0]
    values["unit_logit_margin"] = e.unit_logits[0] - e.unit_logits[1]
    values["missing_idf_names_unit"] = float(bool(names_missing))
    # A question word that no passage of the whole collection holds ("budget", "turnout") is strong
    # evidence that the collection does not answer it.
    never = math.log(1 + (e.corpus_chunks + 0.5) / 0.5) - 1e-6
    absent = sum(v for v in weights.values() if v >= never)
    values["absent_from_corpus"] = absent / total
    values["any_absent_from_corpus"] = float(absent > 0)
    head = np.array([values[name] for name in FEATURES[: len(FEATURES) - len(unit_features.FEATURES) + 1]],
                    np.float32)
    return np.concatenate([head, e.unit_row[1:].astype(np.float32)])
