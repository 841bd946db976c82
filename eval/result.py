"""The result of one evaluation run and its JSON form (the `citeqa eval --json` contract).

    {"modes": {MODE: METRICS}, "questions": [ENTRY, ...], "run": {...}}

An ENTRY is one question in one mode: what was asked and expected, what came back, its per-question
flags and, when it failed, why in a few words, so a person can read a failure without rerunning it.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

from citeqa.settings import Settings
from eval.metrics import Metrics, Observation, contains_any

SHOWN_RANKING = 10  # documents of the ranking an entry lists


@dataclass(frozen=True)
class RunInfo:
    kind: str  # "questions", "beir" or "squad"
    source: str  # the question file or BEIR folder
    index: str
    model: str
    k: int
    modes: tuple[str, ...]
    started: float = field(default_factory=time.time)  # epoch seconds
    index_updated: bool = False  # the run had to (re)build the index; False: it reused a current one
    seconds: float | None = None  # wall time of the whole run, indexing included

    @classmethod
    def start(cls, kind: str, source: Path, settings: Settings, modes: Sequence[str]) -> "RunInfo":
        return cls(kind, str(source), str(settings.index), settings.model, settings.k, tuple(modes))

    def finish(self, index_updated: bool) -> "RunInfo":
        return replace(self, index_updated=index_updated, seconds=round(time.time() - self.started, 1))

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["modes"] = list(self.modes)
        out["started"] = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self.started))
        return out


@dataclass(frozen=True)
class EvalResult:
    run: RunInfo
    metrics: dict[str, Metrics]  # mode -> metrics, keys in METRIC_KEYS order
    questions: list[dict[str, Any]]  # question entries, mode by mode

    def to_json(self) -> dict[str, Any]:
        return {
            "modes": {mode: {key: _rounded(key, v) for key, v in m.items()} for mode, m in self.metrics.items()},
            "questions": self.questions,
            "run": self.run.to_json(),
        }

    def failures(self, mode: str) -> list[dict[str, Any]]:
        return [q for q in self.questions if q["mode"] == mode and q["failure"]]


def question_entry(o: Observation, flags: Metrics, k: int) -> dict[str, Any]:
    q = o.question
    return {
        "id": q.id, "mode": o.mode, **({"after": list(q.after)} if q.after else {}), "question": q.question,
        "relevant": q.relevant, "expected_answer": q.answer,
        "retrieved": o.passage_doc_ids if o.composed else o.ranking[:k],
        "ranking": o.ranking[:SHOWN_RANKING],
        "abstained": o.abstained, "answer": o.answer, "short_answer": o.short_answer,
        "latency_ms": round(o.latency_ms, 1),
        **{key: _rounded(key, v) for key, v in flags.items()},
        "failure": failure(o, flags),
    }


def failure(o: Observation, flags: Metrics) -> str | None:
    """Why a question failed, or None: the outcome a user would notice first."""
    q = o.question
    if not q.answerable:
        return "answered a question the documents do not answer" if o.composed and not o.abstained else None
    spans = q.answer_variants
    if o.composed and o.abstained:
        return "abstained, but the relevant documents answer it"
    if spans and o.composed:
        if not any(contains_any(text, spans) for text in o.passage_texts or []):
            return "no retrieved passage contains the answer"
        if not flags["answer_quoted"]:
            return "a passage contains the answer, but the answer does not quote it"
        return None
    return None if flags["hit@5"] else "no relevant document in the top 5"


def _rounded(key: str, value: float | int | None) -> float | int | None:
    if value is None or key == "n_questions":
        return value
    return round(float(value), 1 if key.endswith("_ms") else 4)
