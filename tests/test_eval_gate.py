"""The quality gate: hybrid retrieval on eval/questions.jsonl through the real stack (real model, a fresh
index of the shipped corpus) must not fall below the floors.

The floors sit a little under the figures measured when they were set, so noise passes and a real
regression fails. Run with `-s` to see today's figures.
"""

from __future__ import annotations

from eval.questions import DEFAULT_QUESTIONS, QuestionSet, load_questions

# Measured 2026-11-23 (89 questions, 76 answerable, 13 unanswerable): answer@3 0.9211,
# mrr@10 0.9627, abstention_accuracy 0.6923. Each floor allows about two answerable questions
# (one unanswerable question) to slip before the gate fails.
FLOOR_ANSWER_AT_3 = 0.89
FLOOR_MRR_AT_10 = 0.94
FLOOR_ABSTENTION_ACCURACY = 0.60


def test_hybrid_meets_the_floors(shipped):
    from eval.runner import evaluate

    result = evaluate(shipped, QuestionSet(DEFAULT_QUESTIONS, load_questions(DEFAULT_QUESTIONS)), ("hybrid",))
    metrics = result.metrics["hybrid"]
    measured = {key: metrics[key] for key in ("answer@3", "mrr@10", "abstention_accuracy")}
    figures = ", ".join(f"{key} {value:.4f}" for key, value in measured.items())
    print(f"\neval gate (hybrid, {metrics['n_questions']} questions): {figures}")
    failures = result.failures("hybrid")
    for entry in failures:
        print(f"  {entry['id']}: {entry['failure']}")

    assert measured["answer@3"] >= FLOOR_ANSWER_AT_3, figures
    assert measured["mrr@10"] >= FLOOR_MRR_AT_10, figures
    assert measured["abstention_accuracy"] >= FLOOR_ABSTENTION_ACCURACY, figures
