"""Features of the quote units of the top passages, for the learned unit ranker.

Which unit answers a question? The one whose meaning is closest (the cosine of its vector, computed
at index time, with the question's), that holds the question's rarer words and the pairs of words it
uses together (a question often copies a phrase of the answering sentence), that sits in a passage
retrieval ranked high, that holds something of the kind asked for (a date for "when"), and whose
neighbours hold the rest of the question's words (context).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from retrieval.question import QuestionInfo

FEATURES = (
    "bias", "semantic", "semantic_gap", "semantic_rank0", "semantic_rank1", "lexical", "lexical_gap",
    "lexical_rank0", "bigrams", "names", "numbers", "neighbour_lexical", "passage_rank0", "passage_rank1",
    "passage_rank2", "passage_rank3_plus", "passage_score_gap", "found_by_both", "length_log", "expected_kind",
    "position_in_passage", "title_words",
)


@dataclass(frozen=True)
class UnitEvidence:
    semantic: float
    lexical: float  # IDF-weighted share of the question's content words in the unit
    bigrams: float  # share of the question's consecutive content-word pairs the unit holds in order
    names: float  # share of the question's names in the unit
    numbers: float  # share of the question's numbers in the unit
    neighbour_lexical: float  # the best lexical share of the units just before and after it
    passage_rank: int  # 1-based
    passage_score_gap: float  # the passage's fused score below the top passage's (0 for the top one)
    found_by_both: bool
    length: int  # characters
    expected_kind: bool
    position_in_passage: float  # 0 at the passage's start, 1 at its end
    title_words: float  # share of the unit's words that are in its document title


def features(units: Sequence[UnitEvidence]) -> np.ndarray:
    if not units:
        return np.zeros((0, len(FEATURES)), np.float32)
    semantic = np.array([u.semantic for u in units], np.float32)
    lexical = np.array([u.lexical for u in units], np.float32)
    semantic_order = np.argsort(-semantic, kind="stable")
    lexical_best = lexical.max()
    rank_of = np.empty(len(units), np.int64)
    rank_of[semantic_order] = np.arange(len(units))
    rows = []
    for i, u in enumerate(units):
        values: Mapping[str, float] = {
            "bias": 1.0,
            "semantic": u.semantic,
            "semantic_gap": float(semantic.max() - u.semantic),
            "semantic_rank0": float(rank_of[i] == 0),
            "semantic_rank1": float(rank_of[i] == 1),
            "lexical": u.lexical,
            "lexical_gap": float(lexical_best - u.lexical),
            "lexical_rank0": float(u.lexical == lexical_best),
            "bigrams": u.bigrams,
            "names": u.names,
            "numbers": u.numbers,
            "neighbour_lexical": u.neighbour_lexical,
            "passage_rank0": float(u.passage_rank == 1),
            "passage_rank1": float(u.passage_rank == 2),
            "passage_rank2": float(u.passage_rank == 3),
            "passage_rank3_plus": float(u.passage_rank >= 4),
            "passage_score_gap": min(u.passage_score_gap, 5.0),
            "found_by_both": float(u.found_by_both),
            "length_log": math.log1p(u.length) / 6.0,
            "expected_kind": float(u.expected_kind),
            "position_in_passage": u.position_in_passage,
            "title_words": u.title_words,
        }
        rows.append([values[name] for name in FEATURES])
    return np.array(rows, np.float32)


def bigram_share(question: QuestionInfo, unit_stems: Sequence[str]) -> float:
    """Share of the question's consecutive content-word pairs that appear next to each other (within
    two words) in the unit: a copied phrase is stronger evidence than the same words scattered."""
    pairs = list(zip(question.content, question.content[1:]))
    if not pairs:
        return 0.0
    near = set()
    for i, a in enumerate(unit_stems):
        for b in unit_stems[i + 1 : i + 3]:
            near.add((a, b))
    return sum(p in near for p in pairs) / len(pairs)
