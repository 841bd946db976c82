"""The learned parts of the answer finder: three small linear models shipped as JSON beside the code.

- the unit ranker scores the quote units of the top passages (features in
  `retrieval.unit_features.FEATURES`): the best are quoted, and answers are looked for in them;
- the span model scores candidate answer spans (features in `retrieval.spans.FEATURES`); a softmax
  over a question's candidates gives each span's probability of being the answer;
- the answerability model turns question-level evidence (`retrieval.answerability.FEATURES`) into
  the probability that the top passages answer the question; abstention compares it with the
  threshold calibrated per embedding model (retrieval/abstention.json);
- the short-answer model turns the same evidence into the probability that the best span is the
  answer; below `short_answer_min` the answer quotes without a short answer.

Each is linear or a boosted tree ensemble (retrieval/trees.py), as the file says.

All are trained by `python -m eval.train_answerer` (reproducible: fixed data, deterministic
optimiser). Weights are stored by feature name, so a feature the code no longer computes is ignored
and a new one weighs 0 until the model is trained again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from retrieval.trees import TreeEnsemble

MODEL_FILE = Path(__file__).with_name("answer_model.json")


class Scorer(Protocol):
    def logits(self, features: np.ndarray) -> np.ndarray:
        """One score per row of features."""


@dataclass(frozen=True)
class LinearModel:
    weights: np.ndarray  # aligned with the feature names it was built for
    mean: np.ndarray  # features are standardised before weighting: (x - mean) / scale
    scale: np.ndarray

    @classmethod
    def from_json(cls, entry: dict, names: Sequence[str]) -> "LinearModel":
        def aligned(key: str, default: float) -> np.ndarray:
            values = entry.get(key, {})
            return np.array([float(values.get(n, default)) for n in names], np.float32)

        scale = aligned("scale", 1.0)
        return cls(aligned("weights", 0.0), aligned("mean", 0.0), np.where(scale > 0, scale, 1.0))

    @classmethod
    def zero(cls, n: int) -> "LinearModel":
        return cls(np.zeros(n, np.float32), np.zeros(n, np.float32), np.ones(n, np.float32))

    def logits(self, features: np.ndarray) -> np.ndarray:
        return ((features - self.mean) / self.scale) @ self.weights

    def to_json(self, names: Sequence[str]) -> dict:
        return {"kind": "linear", **{key: {n: round(float(v), 6) for n, v in zip(names, values)}
                for key, values in (("weights", self.weights), ("mean", self.mean), ("scale", self.scale))}}


def scorer_from_json(entry: dict, names: Sequence[str]) -> Scorer:
    if entry.get("kind") == "trees":
        return TreeEnsemble.from_json(entry, names)
    return LinearModel.from_json(entry, names)


@dataclass(frozen=True)
class AnswerModel:
    unit: Scorer
    span: Scorer
    answerable: Scorer  # log-odds that the units answer the question
    correct: Scorer  # log-odds that the best span answers it
    short_answer_min: float  # a short answer is given only when P(the best span answers) reaches this
    trained: bool  # False: no model file, every span scores alike (used to collect training data)


def load_answer_model(path: Path = MODEL_FILE) -> AnswerModel:
    from retrieval import answerability, spans, unit_features

    if not path.exists():
        evidence = LinearModel.zero(len(answerability.FEATURES))
        return AnswerModel(LinearModel.zero(len(unit_features.FEATURES)), LinearModel.zero(spans.N_FEATURES),
                           evidence, evidence, 1.1, False)
    data = json.loads(path.read_text())
    return AnswerModel(
        scorer_from_json(data["unit"], unit_features.FEATURES),
        scorer_from_json(data["span"], spans.FEATURES),
        scorer_from_json(data["answerable"], answerability.FEATURES),
        scorer_from_json(data["correct"], answerability.FEATURES),
        float(data.get("short_answer_min", 0.0)), True,
    )
