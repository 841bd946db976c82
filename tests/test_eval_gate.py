"""The quality gate: hybrid retrieval on eval/questions.jsonl through the real stack (real model, a fresh
index of the shipped corpus) must not fall below the floors.

The floors sit a little under the figures measured when they were set, so noise passes and a real
regression fails. Run with `-s` to see today's figures.
"""

from __future__ import annotations

from eval.questions import DEFAULT_QUESTIONS, QuestionSet, load_questions

# Measured 2026-11-28 (89 questions, 76 answerable, 13 unanswerable): answer@3 0.9342, mrr@10 0.9803,
# answer_quoted 0.7632, false_abstention_rate 0.0000, abstention_accuracy 0.3846. Each floor allows about
# two or three answerable questions (one unanswerable question) to slip before the gate fails.
# The answerability model now carries over to this corpus better (ROC AUC 0.849 on this set against 0.791
# for the model of 2026-11-25), and the threshold that refuses at most 5% of the answerable dev questions
# (eval/calibration.jsonl) refuses none here: false abstentions fell from 16% to 0%, refusals from 46% to
# 38% (the model of 2026-11-25 measured on the same machine the same day).
FLOOR_ANSWER_AT_3 = 0.91
FLOOR_MRR_AT_10 = 0.95
FLOOR_ANSWER_QUOTED = 0.72
CEILING_FALSE_ABSTENTION = 0.05
FLOOR_ABSTENTION_ACCURACY = 0.30


def test_hybrid_meets_the_floors(shipped):
    from eval.runner import evaluate

    result = evaluate(shipped, QuestionSet(DEFAULT_QUESTIONS, load_questions(DEFAULT_QUESTIONS)), ("hybrid",))
    metrics = result.metrics["hybrid"]
    measured = {key: metrics[key] for key in ("answer@3", "mrr@10", "answer_quoted", "false_abstention_rate",
                                              "abstention_accuracy")}
    figures = ", ".join(f"{key} {value:.4f}" for key, value in measured.items())
    print(f"\neval gate (hybrid, {metrics['n_questions']} questions): {figures}")
    failures = result.failures("hybrid")
    for entry in failures:
        print(f"  {entry['id']}: {entry['failure']}")

    assert measured["answer@3"] >= FLOOR_ANSWER_AT_3, figures
    assert measured["mrr@10"] >= FLOOR_MRR_AT_10, figures
    assert measured["answer_quoted"] >= FLOOR_ANSWER_QUOTED, figures
    assert measured["false_abstention_rate"] <= CEILING_FALSE_ABSTENTION, figures
    assert measured["abstention_accuracy"] >= FLOOR_ABSTENTION_ACCURACY, figures
