"""The learned parts of the answer finder: three small linear models shipped as JSON beside the code.

- the unit ranker scores the quote units of the top passages (features in
  `retrieval.unit_features.FEATURES`): the best are quoted, and answers are looked for in them;
- the span model scores candidate answer spans (features in `retrieval.spans.FEATURES`); a softmax
  over a question's candidates gives each span's probability of being the answer;
- the answerability model turns question-level evidence (`retrieval.answerability.FEATURES`) into
  the probability that the top passages answer the question; abstention compares it with the
  threshold calibrated per embedding model (retrieval/abstention.json).

All are trained by `python -m eval.train_answerer` (reproducible: fixed data, deterministic
optimiser). Weights are stored by feature name, so a feature the code no longer computes is ignored
and a new one weighs 0 until the model is trained again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_FILE = Path(__file__).with_name("answer_model.json")


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

    @staticmethod
    def to_json(names: Sequence[str], weights, mean, scale) -> dict:
        return {key: {n: round(float(v), 6) for n, v in zip(names, values)}
                for key, values in (("weights", weights), ("mean", mean), ("scale", scale))}


@dataclass(frozen=True)
class AnswerModel:
    unit: LinearModel
    span: LinearModel
    answerable: LinearModel
    short_answer_min: float  # a short answer is given only when its span probability reaches this
    trained: bool  # False: no model file, every span scores alike (used to collect training data)


def load_answer_model(path: Path = MODEL_FILE) -> AnswerModel:
    from retrieval import answerability, spans, unit_features

    if not path.exists():
        return AnswerModel(LinearModel.zero(len(unit_features.FEATURES)), LinearModel.zero(spans.N_FEATURES),
                           LinearModel.zero(len(answerability.FEATURES)), 1.1, False)
    data = json.loads(path.read_text())
    return AnswerModel(
        LinearModel.from_json(data["unit"], unit_features.FEATURES),
        LinearModel.from_json(data["span"], spans.FEATURES),
        LinearModel.from_json(data["answerable"], answerability.FEATURES),
        float(data.get("short_answer_min", 0.0)), True,
    )
