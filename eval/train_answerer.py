"""Train the answer finder's four models and write retrieval/answer_model.json.

    python -m eval.train_answerer [--squad FILE] [--folds 2]

Data: the SQuAD 2.0 development half in ../shared/bench/squad2-dev, each article a document of one
index, every question asked through the real retrieval (and, to teach "far off topic", every
answerable question asked again of the other articles only, where it is unanswerable); questions
about the same articles written the way users ask (eval/squad_user_questions/: paraphrases in other
words than the article's, and look-alike questions the article does not answer, which SQuAD's
crowd-written questions, copying the paragraph's words, lack); and made-up directory pages
(eval/synthetic_directory.py) for the layout of names over their titles. (The abstention threshold is not set here:
`python -m eval.calibrate` sets it on eval/calibration.jsonl, the shipped corpus's dev questions.)

The rankers and the short-answer model are small LightGBM ensembles (LightGBM is needed only here; the answer finder evaluates
the trees with numpy, retrieval/trees.py), fitted in order because each shapes the next one's data:
- unit ranker (LambdaRank): which quote units of the top passages hold the answer;
- span ranker (LambdaRank): the candidate spans of the best units, graded by their F1 against the
  annotators' answers;
- answerability (logistic regression): is the question answerable, from the question-level evidence;
- short answer (binary): does the best span reach F1 0.5 (never, for an unanswerable question).
The short-answer floor is the lowest probability that, over the cross-validated predictions (at the
cut that abstains on at most --max-false-abstention), still leaves --min-no-answer-accuracy of the
unanswerable questions without a short answer; the trade-off curve is printed beside it.

Everything is reported cross-validated by article (`--folds`: each fold's articles answered by
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

from citeqa.settings import Settings
from citeqa.types import Filters
from eval.calibrate import MAX_FALSE_ABSTENTION
from eval.own_index import own_index_path
from eval.runner import build_own_index
from eval.questions import Question, load_questions
from citeqa.errors import CiteqaError
from eval.squad import load_squad, squad_settings
from eval.squad_metrics import compute_f1, gold_answers
from eval.synthetic_directory import directory
from eval.metrics import contains_any
from ingest.load import LoadedCorpus
from retrieval import answerability, spans, unit_features
from retrieval.answer import probability
from retrieval.answer_model import MODEL_FILE, AnswerModel, LinearModel, Scorer
from retrieval.trees import TreeEnsemble

DEFAULT_SQUAD = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "squad2-dev" / "squad2-dev-half.json"
# Boosted trees for every model: deterministic, one thread, small (they are evaluated in numpy per question).
TREES = dict(n_estimators=100, num_leaves=15, max_depth=6, learning_rate=0.1, min_child_samples=20, colsample_bytree=0.5,
             subsample=1.0, deterministic=True, force_row_wise=True, seed=0, n_jobs=1, verbose=-1)
ANSWERABLE_C = 0.01  # inverse regularisation strength of the answerability model
DIRECTORY = "directory:"  # groups of the made-up directory pages
USER_QUESTIONS = Path(__file__).with_name("squad_user_questions")  # <article title>.jsonl each
# How much a user-written question weighs against a SQuAD one in the answerability and short-answer fits:
# there are about a tenth as many, and they are the kind of question citeqa is asked.
USER_WEIGHT = 20.0  # chosen on the dev set and the user questions' cross-validation (2026-11-28)
# The official SQuAD 2.0 F1 over all questions, cross-validated, that the short-answer floor must reach. With
# the floor lowest that leaves half of the unanswerable questions without a short answer (0.15 on 2026-11-28)
# it was 41 cross-validated and half of the short answers shown on the shipped corpus were wrong.
MIN_F1 = 45.0
CORRECT_F1 = 0.5  # a short answer "answers" when its F1 against the annotators' reaches this


@dataclass
class Example:
    """One question as the answer finder saw it (with a given span model)."""

    question: Question
    group: str  # the article (SQuAD) or the directory page: the unit of cross-validation
    kind: str  # see Asked
    unit_features: np.ndarray  # (units, unit_features.FEATURES)
    unit_labels: np.ndarray  # 1 where the unit holds an answer
    span_features: np.ndarray  # (candidates, spans.N_FEATURES)
    span_f1: np.ndarray  # each candidate's F1 against the gold answers (0 for unanswerable questions)
    evidence: np.ndarray  # answerability.FEATURES
    best_f1: float  # F1 of the span the span model scores highest (0 when there is none)


ASKED, ELSEWHERE, USER = "asked", "elsewhere", "user"


@dataclass(frozen=True)
class Asked:
    """One question retrieved once through the real service: what analysis starts from."""

    question: Question
    group: str
    vector: np.ndarray
    passages: list
    # ASKED: the data set's own question; ELSEWHERE: an answerable one asked of the other articles only (an
    # off-topic question: unanswerable there); USER: written the way users ask (eval/squad_user_questions)
    kind: str = ASKED


class Collector:
    """Asks questions through the real service once, then analyses them with any span model."""

    def __init__(self, settings: Settings, corpus: LoadedCorpus):
        from retrieval.service import build_service

        self.settings = settings
        build_own_index(settings, corpus)
        self.service = build_service(settings)
        with self.service.components() as components:  # one index version, for the whole training run
            self.answerer, self.retriever = components.answerer, components.retriever

    def ask(self, questions: list[Question], group_of: dict[str, str], kind: str = ASKED) -> list[Asked]:
        """Each question as asked; each answerable one also asked of the other articles only, where it is
        an off-topic question the documents do not answer (SQuAD's own unanswerable questions are all on
        topic: without these the answerability model never sees a question far from every passage)."""
        out = []
        articles = sorted(self.answerer.reader.documents)
        for q in questions:
            vector = self.retriever.embedder.encode_query(q.question)
            passages = self.retriever.search(q.question, self.settings.k, self.settings.mode, query_vector=vector)
            out.append(Asked(q, group_of[q.id], vector, passages, kind))
            if q.answerable and len(articles) > 1:
                others = Filters(doc_ids=tuple(a for a in articles if a not in q.relevance))
                passages = self.retriever.search(q.question, self.settings.k, self.settings.mode, others, vector)
                out.append(Asked(Question(f"{q.id}#elsewhere", q.question), group_of[q.id], vector,
                                 passages, ELSEWHERE))
        return out

    def examples(self, asked: list[Asked], unit: Scorer | None, span: Scorer) -> list[Example]:
        """What the answer finder sees with these unit and span models (unit None: ranked by hand)."""
        zero = LinearModel.zero(len(answerability.FEATURES))
        self.answerer.model = AnswerModel(unit or LinearModel.zero(len(unit_features.FEATURES)), span, zero, zero,
                                          1.0, unit is not None)
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
            best = float(f1[int(np.argmax(analysis.logits))]) if len(f1) else 0.0
            out.append(Example(q, a.group, a.kind, analysis.unit_features, labels, np.concatenate(feats) if feats else
                               np.zeros((0, spans.N_FEATURES), np.float32), f1, analysis.evidence, best))
        return out


# --- fitting ------------------------------------------------------------------------------------


def fit_ranker(groups: list[tuple[np.ndarray, np.ndarray]]) -> TreeEnsemble:
    """Boosted trees ranking each group's rows by their graded target (LambdaRank)."""
    import lightgbm

    groups = [(x, t) for x, t in groups if len(t) and t.max() > 0]
    x = np.concatenate([g for g, _ in groups])
    y = np.concatenate([np.round(t * 4).astype(int) for _, t in groups])
    model = lightgbm.LGBMRanker(objective="lambdarank", **TREES)
    model.fit(x, y, group=[len(t) for _, t in groups])
    return TreeEnsemble.from_lightgbm(model.booster_.dump_model())


def fit_binary(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> TreeEnsemble:
    """Boosted trees whose summed leaves are the log-odds of y."""
    import lightgbm

    model = lightgbm.LGBMClassifier(objective="binary", **TREES)
    model.fit(x, y.astype(int), sample_weight=weights)
    return TreeEnsemble.from_lightgbm(model.booster_.dump_model())


def fit_unit_model(examples: list[Example]) -> Scorer:
    return fit_ranker([(e.unit_features, e.unit_labels) for e in examples])


def fit_span_model(examples: list[Example]) -> Scorer:
    return fit_ranker([(e.span_features, e.span_f1) for e in examples])


def sample_weights(examples: list[Example], user_weight: float) -> np.ndarray:
    return np.array([user_weight if e.kind == USER else 1.0 for e in examples])


def fit_answerable_model(examples: list[Example], user_weight: float) -> LinearModel:
    """Logistic regression, strongly regularised: a user's collection is not SQuAD, and on the shipped
    corpus's dev questions a linear model carried over better than trees (ROC AUC 0.80 against 0.76,
    measured 2026-11-25), which score arbitrarily outside what they were trained on."""
    from sklearn.linear_model import LogisticRegression

    x = np.stack([e.evidence for e in examples]).astype(np.float64)
    y = np.array([e.question.answerable for e in examples])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1: it carries the intercept
    scale[scale < 1e-9] = 1.0
    model = LogisticRegression(C=ANSWERABLE_C, max_iter=5000).fit((x - mean) / scale, y,
                                                                  sample_weight=sample_weights(examples, user_weight))
    weights = model.coef_[0].copy()
    weights[0] += model.intercept_[0]
    return LinearModel(weights.astype(np.float32), mean.astype(np.float32), scale.astype(np.float32))


def fit_correct_model(examples: list[Example], user_weight: float) -> Scorer:
    """P(the best span answers): trained on whether its F1 reaches CORRECT_F1 (never, when unanswerable)."""
    labels = np.array([e.best_f1 >= CORRECT_F1 for e in examples])
    return fit_binary(np.stack([e.evidence for e in examples]), labels, sample_weights(examples, user_weight))


# --- scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prediction:
    answerable_p: float
    correct_p: float  # P(the best span answers)
    span_f1: float  # F1 of the best-scored span (0 for unanswerable questions)


def predict(examples: list[Example], models: "Models") -> list[Prediction]:
    return [Prediction(probability(models.answerable, e.evidence), probability(models.correct, e.evidence),
                       e.best_f1)
            for e in examples]


def squad_f1(examples: list[Example], preds: list[Prediction], threshold: float, short_min: float) -> dict:
    """Official-style figures for given cuts: abstain below `threshold`, no short answer below `short_min`."""
    has, no, given = [], [], []
    for e, p in zip(examples, preds):
        answered = p.answerable_p >= threshold
        short = answered and p.correct_p >= short_min
        if e.question.answerable:
            has.append(p.span_f1 if short else 0.0)
            if answered:
                given.append(short)
        else:
            no.append(0.0 if short else 1.0)
    shown = [p.span_f1 >= 0.5 if e.question.answerable else False for e, p in zip(examples, preds)
             if p.answerable_p >= threshold and p.correct_p >= short_min]
    return {"f1": 100 * np.mean(has + no), "has_ans_f1": 100 * np.mean(has) if has else None,
            "short_answer_right": np.mean(shown) if shown else None,
            "no_ans_accuracy": np.mean(no) if no else None,
            "short_answer_given_when_answered": np.mean(given) if given else None,
            "false_abstention": np.mean([p.answerable_p < threshold for e, p in zip(examples, preds)
                                         if e.question.answerable]),
            "abstention_accuracy": np.mean([p.answerable_p < threshold for e, p in zip(examples, preds)
                                            if not e.question.answerable] or [np.nan])}


def threshold_for_false_abstention(examples: list[Example], preds: list[Prediction], rate: float) -> float:
    """The highest cut that abstains on at most `rate` of the answerable questions."""
    scores = sorted(p.answerable_p for e, p in zip(examples, preds) if e.question.answerable)
    k = int(np.floor(rate * len(scores)))
    return float(scores[k] - 1e-6) if k < len(scores) else float(scores[-1])


def roc_auc(scores: list[float], labels: list[bool]) -> float:
    """The chance that an answerable question scores above an unanswerable one (ties count half); NaN
    when only one kind is there."""
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if len(set(labels)) == 2 else float("nan")


SHORT_CUTS = np.round(np.linspace(0.0, 0.95, 96), 2)


def lowest_short_min(examples: list[Example], preds: list[Prediction], threshold: float, no_answer: float,
                     min_f1: float = 0.0) -> float:
    """The lowest short-answer floor (the most short answers) that still leaves at least `no_answer` of the
    unanswerable questions without one and reaches `min_f1`, the official F1 over all questions: a short
    answer in bold that is wrong, or that answers what the documents do not say, costs more than silence,
    since the quotes are shown either way."""
    for cut in SHORT_CUTS:
        figures = squad_f1(examples, preds, threshold, cut)
        if figures["no_ans_accuracy"] >= no_answer and figures["f1"] >= min_f1:
            return float(cut)
    return float(SHORT_CUTS[-1])


def curve(examples: list[Example], preds: list[Prediction], threshold: float) -> list[dict]:
    """The trade-off the floor makes: short answers given against unanswerable questions left unanswered."""
    return [{"short_answer_min": float(c), **{k: round(float(v), 4) for k, v in
                                             squad_f1(examples, preds, threshold, c).items()}}
            for c in SHORT_CUTS[::10]]


def squad_collector(squad_file: Path, base: Settings, user_questions: Path | None = USER_QUESTIONS
                    ) -> tuple[Collector, list[Asked]]:
    """SQuAD's own questions, and the user-written ones about its articles (`user_questions`: a folder of
    <article title>.jsonl, each question grouped with its article; None for none)."""
    squad = load_squad(squad_file)
    settings = squad_settings(base, squad_file)
    group_of, article = {}, ""
    for q in squad.questions:  # unanswerable questions name no article: they follow their article's
        article = next(iter(q.relevance), "") or article
        group_of[q.id] = article
    collector = Collector(settings, squad.corpus)
    asked = collector.ask(squad.questions, group_of)
    articles = {d.doc_id for d in squad.corpus.documents}
    for path in sorted(user_questions.glob("*.jsonl")) if user_questions else ():
        if path.stem not in articles:
            raise CiteqaError(f"{path}: no article titled {path.stem!r} in {squad_file}.")
        questions = load_questions(path)
        asked += collector.ask(questions, {q.id: path.stem for q in questions}, USER)
    return collector, asked


def directory_collector(base: Settings, index: Path) -> tuple[Collector, list[Asked]]:
    """Made-up directory pages (eval/synthetic_directory.py): names over titles, the layout SQuAD lacks.
    Each page is a group of its own, so the pages spread over the folds."""
    pages = directory(seed=0)
    collector = Collector(base.replace(index=index, corpus=index.parent), pages.corpus)
    group_of = {q.id: f"{DIRECTORY}{q.id.split('-')[1]}" for q in pages.questions}
    return collector, collector.ask(pages.questions, group_of)


def fold_of(groups: list[str], folds: int) -> dict[str, int]:
    return {g: i % folds for i, g in enumerate(sorted(set(groups)))}


@dataclass(frozen=True)
class Models:
    unit: Scorer
    span: Scorer
    answerable: Scorer
    correct: Scorer


def ranked_by_hand(sources: list[tuple[Collector, list[Asked]]]) -> list[Example]:
    """Every question as the answer finder sees it with no trained model: what the unit ranker learns from."""
    return [e for c, asked in sources for e in c.examples(asked, None, LinearModel.zero(spans.N_FEATURES))]


def fit_models(sources: list[tuple[Collector, list[Asked]]], by_hand: list[Example], keep,
               user_weight: float = USER_WEIGHT) -> tuple[Models, list[Example]]:
    """The unit ranker (on units ranked by hand), the span model (on the units the ranker picks), then
    the answerability and short-answer models (on the evidence both shape), each fitted on the
    examples `keep` accepts; returns them and every example as they see it."""
    zero_span = LinearModel.zero(spans.N_FEATURES)
    unit = fit_unit_model([e for e in by_hand if keep(e)])
    ranked = [e for c, asked in sources for e in c.examples(asked, unit, zero_span)]
    span = fit_span_model([e for e in ranked if keep(e)])
    examples = [e for c, asked in sources for e in c.examples(asked, unit, span)]
    kept = [e for e in examples if keep(e)]
    return Models(unit, span, fit_answerable_model(kept, user_weight), fit_correct_model(kept, user_weight)), examples


def cross_validated(sources: list[tuple[Collector, list[Asked]]], by_hand: list[Example], folds: int,
                    user_weight: float = USER_WEIGHT) -> tuple[list[Example], list[Prediction]]:
    """Each question predicted by models fitted without its group (its article or directory page)."""
    groups = fold_of([a.group for _, asked in sources for a in asked], folds)
    tested: list[Example] = []
    preds: list[Prediction] = []
    for fold in range(folds):
        def keep(e: Example) -> bool:
            return groups.get(e.group, -1) != fold

        models, examples = fit_models(sources, by_hand, keep, user_weight)
        test = [e for e in examples if not keep(e)]
        tested += test
        preds += predict(test, models)
        print(f"fold {fold}: span F1 {np.mean([p.span_f1 for e, p in zip(test, preds[-len(test):]) if e.question.answerable]):.3f}",
              file=sys.stderr)
    return tested, preds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--squad", type=Path, default=DEFAULT_SQUAD)
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--max-false-abstention", type=float, default=MAX_FALSE_ABSTENTION,
                        help="the cut the short-answer floor is chosen at and the figures are reported for: the "
                             "share of answerable questions refused, as eval.calibrate sets the shipped threshold")
    parser.add_argument("--min-no-answer-accuracy", type=float, default=0.5,
                        help="the short-answer floor leaves at least this share of unanswerable questions unanswered")
    parser.add_argument("--min-f1", type=float, default=MIN_F1,
                        help="the short-answer floor reaches at least this official F1 over all questions")
    parser.add_argument("--dump", type=Path, help="write each cross-validated prediction as a JSON line here")
    parser.add_argument("--user-weight", type=float, default=USER_WEIGHT,
                        help="how much a user-written question weighs against a SQuAD one")
    args = parser.parse_args(argv)
    started = time.time()
    base = Settings.load()
    sources = [squad_collector(args.squad, base),
               directory_collector(base, own_index_path(base.index, args.squad, "directory"))]
    print(f"asked {sum(len(a) for _, a in sources)} questions in {time.time() - started:.0f} s", file=sys.stderr)
    by_hand = ranked_by_hand(sources)
    tested, cv = cross_validated(sources, by_hand, args.folds, args.user_weight)
    user = [(e, p) for e, p in zip(tested, cv) if e.kind == USER]
    real = [i for i, e in enumerate(tested)  # figures over SQuAD's own questions
            if e.kind == ASKED and not e.group.startswith(DIRECTORY)]
    tested, cv = [tested[i] for i in real], [cv[i] for i in real]
    cut = threshold_for_false_abstention(tested, cv, args.max_false_abstention)
    short = lowest_short_min(tested, cv, cut, args.min_no_answer_accuracy, args.min_f1)
    report = {"cross_validated": squad_f1(tested, cv, cut, short), "cut_for_false_abstention": cut,
              "short_answer_min": short, "span_f1_when_answerable": float(np.mean(
                  [p.span_f1 for e, p in zip(tested, cv) if e.question.answerable])),
              "curve": curve(tested, cv, cut)}
    if user:
        examples_u, preds_u = [e for e, _ in user], [p for _, p in user]
        cut_u = threshold_for_false_abstention(examples_u, preds_u, args.max_false_abstention)
        report["user_questions_cross_validated"] = {
            "answerable_auc": roc_auc([p.answerable_p for p in preds_u], [e.question.answerable for e in examples_u]),
            "cut_for_false_abstention": cut_u, **squad_f1(examples_u, preds_u, cut_u, short)}
    if args.dump:
        args.dump.write_text("".join(json.dumps({"id": e.question.id, "answerable": e.question.answerable,
                                                 **{k: round(v, 5) for k, v in p.__dict__.items()}}) + "\n"
                                     for e, p in zip(tested, cv)))
    print(json.dumps(report, indent=2, default=float))
    models, examples = fit_models(sources, by_hand, lambda e: True, args.user_weight)
    model = {
        "unit": models.unit.to_json(unit_features.FEATURES),
        "span": models.span.to_json(spans.FEATURES),
        "answerable": models.answerable.to_json(answerability.FEATURES),
        "correct": models.correct.to_json(answerability.FEATURES),
        "short_answer_min": round(short, 4),  # chosen on the cross-validated predictions, not in-sample
        "trained_on": {"squad": args.squad.name, "questions": len(examples), "user_weight": args.user_weight,
                       "date": time.strftime("%Y-%m-%d")},
        "report": json.loads(json.dumps(report, default=float)),
    }
    args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out} ({time.time() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
