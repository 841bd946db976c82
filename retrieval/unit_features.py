"""Features of the quote units of the top passages, for the learned unit ranker.

Which unit answers a question? The one whose meaning is closest (the cosine of its vector, computed
at index time, with the question's), that holds the question's rarer words and the pairs of words it
uses together (a question often copies a phrase of the answering sentence), that sits in a passage
retrieval ranked high, that holds something of the kind asked for (a date for "when"), and whose
neighbours hold the rest of the question's words (context: the answer often follows the sentence that
matches the question, or opens by referring back to it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from retrieval.question import QuestionInfo

FEATURES = (
    "bias", "semantic", "semantic_gap", "semantic_rank0", "semantic_rank1", "lexical", "lexical_gap",
    "lexical_rank0", "bigrams", "names", "numbers", "neighbour_lexical", "lexical_before", "lexical_after",
    "refers_back", "passage_rank0", "passage_rank1",
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
    lexical_before: float  # the lexical share of the unit just before it (0 when there is none)
    lexical_after: float  # and of the unit just after it
    refers_back: bool  # it opens with a word that refers back ("This allows ...", "Its decisions ...")
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

    def column(name: str) -> np.ndarray:
        return np.array([getattr(u, name) for u in units], np.float32)

    semantic, lexical = column("semantic"), column("lexical")
    rank = column("passage_rank")
    semantic_rank = np.empty(len(units), np.int64)
    semantic_rank[np.argsort(-semantic, kind="stable")] = np.arange(len(units))
    columns = {
        "bias": np.ones(len(units), np.float32),
        "semantic": semantic,
        "semantic_gap": semantic.max() - semantic,
        "semantic_rank0": semantic_rank == 0,
        "semantic_rank1": semantic_rank == 1,
        "lexical": lexical,
        "lexical_gap": lexical.max() - lexical,
        "lexical_rank0": lexical == lexical.max(),
        "bigrams": column("bigrams"),
        "names": column("names"),
        "numbers": column("numbers"),
        "neighbour_lexical": np.maximum(column("lexical_before"), column("lexical_after")),
        "lexical_before": column("lexical_before"),
        "lexical_after": column("lexical_after"),
        "refers_back": column("refers_back"),
        "passage_rank0": rank == 1,
        "passage_rank1": rank == 2,
        "passage_rank2": rank == 3,
        "passage_rank3_plus": rank >= 4,
        "passage_score_gap": np.minimum(column("passage_score_gap"), 5.0),
        "found_by_both": column("found_by_both"),
        "length_log": np.log1p(column("length")) / 6.0,
        "expected_kind": column("expected_kind"),
        "position_in_passage": column("position_in_passage"),
        "title_words": column("title_words"),
    }
    return np.column_stack([columns[name] for name in FEATURES]).astype(np.float32)


def bigram_share(question: QuestionInfo, unit_stems: Sequence[str]) -> float:
    """Share of the question's consecutive content-word pairs that appear next to each other (within
    two words) in the unit: a copied phrase is stronger evidence than the same words scattered."""
    pairs = list(zip(question.content, question.content[1:]))
    if not pairs:
        return 0.0
    near = set(zip(unit_stems, unit_stems[1:])) | set(zip(unit_stems, unit_stems[2:]))
    return sum(p in near for p in pairs) / len(pairs)
