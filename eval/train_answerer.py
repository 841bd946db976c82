"""Train the answer finder's two linear models and write retrieval/answer_model.json.

    python -m eval.train_answerer [--squad FILE] [--dev eval/calibration.jsonl] [--folds 2]

Data: the SQuAD 2.0 development half in ../shared/bench/squad2-dev (each article a document of its own
index, every question asked through the real retrieval) and the dev questions of the shipped corpus
(eval/calibration.jsonl, never eval/questions.jsonl, which only measures).

- Span model: for each answerable question, the candidate spans of its best units, each with the
  F1 of its text against the annotators' answers; a softmax over a question's candidates is fitted
  to put its mass on the best-matching spans (listwise cross-entropy, L2, L-BFGS).
- Answerability model: logistic regression of "the question is answerable" on the question-level
  evidence (retrieval/answerability.py).
- The short-answer floor: the span probability below which no short answer is given, chosen to
  maximise the official SQuAD 2.0 F1 on the training questions.

It reports the same fits cross-validated by article (`--folds`: each fold's articles answered by
models trained on the other folds' articles), so the figures say how the models do on text they
never saw. Deterministic: same data, same models.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from citeqa.settings import Settings
from eval.own_index import own_index_path
from eval.questions import Question, load_questions
from eval.squad import load_squad
from eval.squad_metrics import compute_f1, gold_answers
from eval.metrics import contains_any
from retrieval import answerability, spans, unit_features
from retrieval.answer_model import MODEL_FILE, AnswerModel, LinearModel

DEFAULT_SQUAD = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "squad2-dev" / "squad2-dev-half.json"
DEV_SET = Path(__file__).with_name("calibration.jsonl")
UNIT_L2 = 1.0
SPAN_L2 = 1.0
ANSWERABLE_L2 = 1.0


@dataclass
class Example:
    """One question as the answer finder saw it (with a given span model)."""

    question: Question
    group: str  # the article (SQuAD) or "dev" (shipped corpus): the unit of cross-validation
    unit_features: np.ndarray  # (units, unit_features.FEATURES)
    unit_labels: np.ndarray  # 1 where the unit holds an answer
    span_features: np.ndarray  # (candidates, spans.N_FEATURES)
    span_f1: np.ndarray  # each candidate's F1 against the gold answers (0 for unanswerable questions)
    evidence: np.ndarray  # answerability.FEATURES


@dataclass(frozen=True)
class Asked:
    """One question retrieved once through the real service: what analysis starts from."""

    question: Question
    group: str
    vector: np.ndarray
    passages: list


class Collector:
    """Asks questions through the real service once, then analyses them with any span model."""

    def __init__(self, settings: Settings, corpus=None):
        from ingest.pipeline import build_index
        from retrieval.service import build_service

        self.settings = settings
        build_index(settings, corpus=corpus)
        self.service = build_service(settings)
        with self.service.components() as components:  # one index version, for the whole training run
            self.answerer, self.retriever = components.answerer, components.retriever

    def ask(self, questions: list[Question], group_of: dict[str, str]) -> list[Asked]:
        out = []
        for q in questions:
            vector = self.retriever.embedder.encode_query(q.question)
            passages = self.retriever.search(q.question, self.settings.k, self.settings.mode, query_vector=vector)
            out.append(Asked(q, group_of.get(q.id, "dev"), vector, passages))
        return out

    def examples(self, asked: list[Asked], unit: LinearModel | None, span: LinearModel) -> list[Example]:
        """What the answer finder sees with these unit and span models (unit None: ranked by hand)."""
        self.answerer.model = AnswerModel(unit or LinearModel.zero(len(unit_features.FEATURES)), span,
                                          LinearModel.zero(len(answerability.FEATURES)), 1.0, unit is not None)
        out = []
        for a in asked:
            q = a.question
            analysis = self.answerer.analyse(q.question, q.question, a.vector, a.passages)
            if analysis.evidence is None:
                continue
            feats = [c.features for _, c in analysis.spans if len(c.starts)]
            texts = [u.text[s - u.start : e - u.start] for u, c in analysis.spans for s, e in zip(c.starts, c.ends)]
            golds = gold_answers(q.answer_variants)
            f1 = np.array([max(compute_f1(g, t) for g in golds) if q.answerable else 0.0 for t in texts],
                          np.float32)
            labels = np.array([q.answerable and contains_any(u.text, q.answer_variants) for u in analysis.units],
                              np.float32)
            out.append(Example(q, a.group, analysis.unit_features, labels, np.concatenate(feats) if feats else
                               np.zeros((0, spans.N_FEATURES), np.float32), f1, analysis.evidence))
        return out


# --- fitting ------------------------------------------------------------------------------------


def standardiser(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    scale[scale < 1e-6] = 1.0
    return mean, scale


def fit_listwise(groups: list[tuple[np.ndarray, np.ndarray]], l2: float) -> LinearModel:
    """A linear scorer whose softmax over each group puts its mass where the targets are (targets are
    non-negative; groups without a positive target teach nothing and are left out)."""
    groups = [(x, t) for x, t in groups if len(t) and t.max() > 0]
    stacked = np.concatenate([x for x, _ in groups])
    mean, scale = standardiser(stacked)
    xs = [((x - mean) / scale).astype(np.float64) for x, _ in groups]
    ts = [(t / t.sum()).astype(np.float64) for _, t in groups]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * w @ w, l2 * w
        for x, t in zip(xs, ts):
            z = x @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            total -= float(t @ np.log(p + 1e-12))
            grad = grad + x.T @ (p - t)
        return total / len(xs), grad / len(xs)

    w = minimize(loss, np.zeros(stacked.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x
    return LinearModel(w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32))


def fit_unit_model(examples: list[Example]) -> LinearModel:
    return fit_listwise([(e.unit_features, e.unit_labels) for e in examples], UNIT_L2)


def fit_span_model(examples: list[Example]) -> LinearModel:
    return fit_listwise([(e.span_features, e.span_f1) for e in examples], SPAN_L2)


def fit_answerable_model(examples: list[Example], weights: np.ndarray | None = None) -> LinearModel:
    x = np.stack([e.evidence for e in examples]).astype(np.float64)
    y = np.array([e.question.answerable for e in examples], np.float64)
    sample = np.ones(len(examples)) if weights is None else weights
    mean, scale = standardiser(x)
    xs = (x - mean) / scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xs @ w
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(sample * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))) / sample.sum()
        grad = xs.T @ (sample * (p - y)) / sample.sum()
        return value + 0.5 * ANSWERABLE_L2 * w[1:] @ w[1:] / len(y), grad + ANSWERABLE_L2 * np.r_[0, w[1:]] / len(y)

    w = minimize(loss, np.zeros(xs.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return LinearModel(w.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32))


# --- scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    answerable_p: float
    span_p: float
    span_f1: float  # F1 of the best-scored span (0 for unanswerable questions)


def predict(examples: list[Example], span: LinearModel, answerable: LinearModel) -> list[Prediction]:
    out = []
    for e in examples:
        p = float(1 / (1 + np.exp(-answerable.logits(e.evidence[None, :])[0])))
        if len(e.span_f1):
            z = span.logits(e.span_features)
            best = int(np.argmax(z))
            out.append(Prediction(p, float(1 / np.exp(z - z[best]).sum()), float(e.span_f1[best])))
        else:
            out.append(Prediction(p, 0.0, 0.0))
    return out


def squad_f1(examples: list[Example], preds: list[Prediction], threshold: float, short_min: float) -> dict:
    """Official-style figures for given cuts: abstain below `threshold`, no short answer below `short_min`."""
    has, no = [], []
    for e, p in zip(examples, preds):
        answered = p.answerable_p >= threshold and p.span_p >= short_min
        if e.question.answerable:
            has.append(p.span_f1 if answered else 0.0)
        else:
            no.append(0.0 if answered else 1.0)
    all_ = has + no
    return {"f1": 100 * np.mean(all_), "has_ans_f1": 100 * np.mean(has) if has else None,
            "no_ans_accuracy": np.mean(no) if no else None,
            "false_abstention": np.mean([p.answerable_p < threshold for e, p in zip(examples, preds)
                                         if e.question.answerable]),
            "abstention_accuracy": np.mean([p.answerable_p < threshold for e, p in zip(examples, preds)
                                            if not e.question.answerable] or [np.nan])}


def threshold_for_false_abstention(examples: list[Example], preds: list[Prediction], rate: float) -> float:
    """The highest cut that abstains on at most `rate` of the answerable questions."""
    scores = sorted(p.answerable_p for e, p in zip(examples, preds) if e.question.answerable)
    k = int(np.floor(rate * len(scores)))
    return float(scores[k] - 1e-6) if k < len(scores) else float(scores[-1])


def best_short_min(examples: list[Example], preds: list[Prediction], threshold: float) -> float:
    cuts = np.linspace(0.0, 0.9, 91)
    return float(max(cuts, key=lambda c: (squad_f1(examples, preds, threshold, c)["f1"], -c)))


# --- the command ----------------------------------------------------------------------------------


def squad_collector(squad_file: Path, base: Settings) -> tuple[Collector, list[Asked]]:
    squad = load_squad(squad_file)
    settings = base.replace(index=own_index_path(base.index, squad_file, "squad"), corpus=squad_file.resolve().parent)
    group_of, article = {}, ""
    for q in squad.questions:  # unanswerable questions name no article: they follow their article's
        article = next(iter(q.relevance), "") or article
        group_of[q.id] = article
    collector = Collector(settings, squad.corpus)
    return collector, collector.ask(squad.questions, group_of)


def fold_of(groups: list[str], folds: int) -> dict[str, int]:
    return {g: i % folds for i, g in enumerate(sorted(set(groups) - {"dev"}))}


def fit_models(sources: list[tuple[Collector, list[Asked]]], keep) -> tuple[LinearModel, LinearModel, list[Example]]:
    """The unit ranker (on units ranked by hand), then the span model (on the units the ranker picks),
    each fitted on the examples `keep` accepts; returns both and every example as they see it."""
    zero_span = LinearModel.zero(spans.N_FEATURES)
    by_hand = [e for c, asked in sources for e in c.examples(asked, None, zero_span)]
    unit = fit_unit_model([e for e in by_hand if keep(e)])
    ranked = [e for c, asked in sources for e in c.examples(asked, unit, zero_span)]
    span = fit_span_model([e for e in ranked if keep(e)])
    return unit, span, [e for c, asked in sources for e in c.examples(asked, unit, span)]


def cross_validated(sources: list[tuple[Collector, list[Asked]]], folds: int) -> tuple[list[Example], list[Prediction]]:
    """Each SQuAD question predicted by models fitted without its article (the unit and span models,
    which also shape the evidence, and the answerability model); dev questions train every fold."""
    groups = fold_of([a.group for _, asked in sources for a in asked], folds)
    tested: list[Example] = []
    preds: list[Prediction] = []
    for fold in range(folds):
        def keep(e: Example) -> bool:
            return groups.get(e.group, -1) != fold

        unit, span, examples = fit_models(sources, keep)
        answerable = fit_answerable_model([e for e in examples if keep(e)])
        test = [e for e in examples if not keep(e)]
        tested += test
        preds += predict(test, span, answerable)
    return tested, preds


def fitted(sources: list[tuple[Collector, list[Asked]]]) -> tuple[LinearModel, LinearModel, LinearModel, list[Example]]:
    unit, span, examples = fit_models(sources, lambda e: True)
    return unit, span, fit_answerable_model(examples), examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    parser.add_argument("--dev", type=Path, default=DEV_SET)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--max-false-abstention", type=float, default=0.10)
    args = parser.parse_args(argv)
    started = time.time()
    base = Settings.load()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        squad = squad_collector(args.squad, base)
        dev = Collector(base.replace(index=Path(tmp) / "index"))
        sources = [squad, (dev, dev.ask(load_questions(args.dev), {}))]
        print(f"asked {sum(len(a) for _, a in sources)} questions in {time.time() - started:.0f} s", file=sys.stderr)
        tested, cv = cross_validated(sources, args.folds)
        cut = threshold_for_false_abstention(tested, cv, args.max_false_abstention)
        short = best_short_min(tested, cv, cut)
        report = {"cross_validated_squad": squad_f1(tested, cv, cut, short), "cv_threshold": cut,
                  "cv_short_answer_min": short}
        unit, span, answerable, examples = fitted(sources)
    squad_only = [e for e in examples if e.group != "dev"]
    in_sample = predict(squad_only, span, answerable)
    cut_all = threshold_for_false_abstention(squad_only, in_sample, args.max_false_abstention)
    short_all = best_short_min(squad_only, in_sample, cut_all)
    report["in_sample_squad"] = squad_f1(squad_only, in_sample, cut_all, short_all)
    print(json.dumps(report, indent=2, default=float))

    model = {
        "unit": LinearModel.to_json(unit_features.FEATURES, unit.weights, unit.mean, unit.scale),
        "span": LinearModel.to_json(spans.FEATURES, span.weights, span.mean, span.scale),
        "answerable": LinearModel.to_json(answerability.FEATURES, answerable.weights, answerable.mean,
                                          answerable.scale),
        "short_answer_min": round(short_all, 4),
        "trained_on": {"squad": args.squad.name, "dev": args.dev.name, "questions": len(examples),
                       "date": time.strftime("%Y-%m-%d")},
        "report": json.loads(json.dumps(report, default=float)),
    }
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out} ({time.time() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
