"""Metrics over what the system did for each question (`Observation`s of one retrieval mode).

Ranking metrics (hit@k = Success@k, recall@k = R@k, mrr@10 = RR@10, ndcg@10 = nDCG@10 with graded
gains) come from `ir_measures` (trec_eval semantics), over answerable questions only: an
unanswerable question has nothing to rank. The answer, abstention and latency metrics are simple
shares and percentiles defined here. A metric that does not apply (no answerable, unanswerable or
span-labelled question; no composed answers for BEIR) is None, shown as null / "n/a".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import ir_measures
from ir_measures import R, RR, Success, nDCG

from eval import bench_common
from eval.questions import Question
from eval.squad_metrics import SquadScore, score_prediction, squad_summary

METRIC_KEYS = (
    "hit@1", "hit@3", "hit@5", "recall@5", "recall@100", "mrr@10", "ndcg@10",
    "answer@1", "answer@3", "answer@5", "answer_quoted",
    "abstention_accuracy", "false_abstention_rate", "latency_p50_ms", "latency_p95_ms", "n_questions",
)
RANKING_MEASURES = {
    "hit@1": Success @ 1, "hit@3": Success @ 3, "hit@5": Success @ 5,
    "recall@5": R @ 5, "recall@100": R @ 100, "mrr@10": RR @ 10, "ndcg@10": nDCG @ 10,
}
SQUAD_PERCENT_KEYS = ("exact", "f1", "has_ans_exact", "has_ans_f1")  # 0-100, as SQuAD publishes them
SQUAD_KEYS = (*SQUAD_PERCENT_KEYS, "no_ans_accuracy")  # added for SQuAD files
RANKING_DEPTH = 100  # documents ranked per question: the depth of recall@100
ANSWER_DEPTHS = (1, 3, 5)

Metrics = dict[str, "float | int | None"]


@dataclass(frozen=True)
class Observation:
    """What the system returned for one question in one mode."""

    question: Question
    mode: str
    ranking: list[str]  # document ids, best first, up to RANKING_DEPTH (what ranking metrics score)
    latency_ms: float
    # From the composed answer; None when no answer was composed (BEIR).
    passage_doc_ids: list[str] | None = None  # unique, in rank order
    passage_texts: list[str] | None = None
    abstained: bool | None = None
    answer: str | None = None
    short_answer: str | None = None  # the short answer's text; None when there is none

    @property
    def composed(self) -> bool:
        return self.abstained is not None


def contains_span(text: str, span: str) -> bool:
    """Case-insensitive containment, whitespace runs counting as one space (a span may wrap a line)."""
    return _norm(span) in _norm(text)


def contains_any(text: str, spans: Sequence[str]) -> bool:
    return any(contains_span(text, span) for span in spans)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def ranking_scores(observations: Sequence[Observation]) -> tuple[Metrics, dict[str, Metrics]]:
    """(aggregate, per question id) ranking metrics over the answerable questions.

    Each ranked document gets a score falling with its rank: trec_eval orders by score and breaks
    ties by document id, which would otherwise reorder our ranking."""
    judged = [o for o in observations if o.question.answerable]
    if not judged:
        return dict.fromkeys(RANKING_MEASURES), {}
    qrels = [ir_measures.Qrel(o.question.id, doc_id, gain)
             for o in judged for doc_id, gain in o.question.relevance.items()]
    run = [ir_measures.ScoredDoc(o.question.id, doc_id, float(len(o.ranking) - rank))
           for o in judged for rank, doc_id in enumerate(o.ranking)]
    names = {measure: name for name, measure in RANKING_MEASURES.items()}
    measures = list(RANKING_MEASURES.values())
    aggregate = {names[m]: float(v) for m, v in ir_measures.calc_aggregate(measures, qrels, run).items()}
    per_question: dict[str, Metrics] = {o.question.id: dict.fromkeys(RANKING_MEASURES, 0.0) for o in judged}
    for metric in ir_measures.iter_calc(measures, qrels, run):
        per_question[metric.query_id][names[metric.measure]] = float(metric.value)
    return {name: aggregate.get(name, 0.0) for name in RANKING_MEASURES}, per_question


def answer_flags(o: Observation) -> Metrics:
    """answer@k and answer_quoted of one question: None unless it has a span and an answer was composed."""
    spans = o.question.answer_variants
    if not spans or not o.composed:
        return {**{f"answer@{k}": None for k in ANSWER_DEPTHS}, "answer_quoted": None}
    found = [contains_any(text, spans) for text in o.passage_texts or []]
    flags: Metrics = {f"answer@{k}": float(any(found[:k])) for k in ANSWER_DEPTHS}
    flags["answer_quoted"] = float(not o.abstained and contains_any(o.answer or "", spans))
    return flags


def squad_flags(o: Observation) -> SquadScore:
    """Official exact match and F1 of the short answer (an abstention predicts no answer)."""
    return score_prediction(o.question.answers, None if o.abstained else o.short_answer)


def share(values: Sequence[float | bool | None]) -> float | None:
    """Mean of the values that apply (not None); None when none applies."""
    applicable = [float(v) for v in values if v is not None]
    return sum(applicable) / len(applicable) if applicable else None


def percentile(values: Sequence[float], q: float) -> float | None:
    return bench_common.percentile(list(values), q) if len(values) else None


def mode_metrics(observations: Sequence[Observation], squad_file: bool = False
                 ) -> tuple[Metrics, dict[str, Metrics]]:
    """All contract metrics of one mode, keys in METRIC_KEYS order (then SQUAD_KEYS for a SQuAD
    file), plus per-question flags."""
    ranking, per_question = ranking_scores(observations)
    flags = {o.question.id: answer_flags(o) for o in observations}
    squad = squad_file and all(o.composed for o in observations)
    if squad:
        scores = {o.question.id: squad_flags(o) for o in observations}
        for o in observations:
            flags[o.question.id] |= {"exact": float(scores[o.question.id].exact),
                                     "f1": round(scores[o.question.id].f1, 4)}
    composed = [o for o in observations if o.composed]
    metrics: Metrics = dict(ranking)
    for key in (*(f"answer@{k}" for k in ANSWER_DEPTHS), "answer_quoted"):
        metrics[key] = share([f[key] for f in flags.values()])
    metrics["abstention_accuracy"] = share([o.abstained for o in composed if not o.question.answerable])
    metrics["false_abstention_rate"] = share([o.abstained for o in composed if o.question.answerable])
    latencies = [o.latency_ms for o in observations]
    metrics["latency_p50_ms"] = percentile(latencies, 50)
    metrics["latency_p95_ms"] = percentile(latencies, 95)
    metrics["n_questions"] = len(observations)
    per = {qid: {**per_question.get(qid, dict.fromkeys(RANKING_MEASURES)), **f} for qid, f in flags.items()}
    ordered = {key: metrics[key] for key in METRIC_KEYS}
    if squad:
        ordered |= squad_summary([(o.question.answerable, scores[o.question.id]) for o in observations])
    return ordered, per
