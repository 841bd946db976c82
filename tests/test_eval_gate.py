"""The quality gate: hybrid retrieval on eval/questions.jsonl through the real stack (real model, a fresh
index of the shipped corpus) must not fall below the floors.

The floors sit a little under the figures measured when they were set, so noise passes and a real
regression fails. Run with `-s` to see today's figures.
"""

from __future__ import annotations

from eval.questions import DEFAULT_QUESTIONS, QuestionSet, load_questions

# Measured 2026-11-25 (89 questions, 76 answerable, 13 unanswerable): answer@3 0.9342, mrr@10 0.9737,
# answer_quoted 0.7105, false_abstention_rate 0.1447, abstention_accuracy 0.5385. Each floor allows
# about two answerable questions (one unanswerable question) to slip before the gate fails.
# Abstention accuracy is below the 0.6923 of 2026-11-23: the threshold now keeps false abstentions
# at most 5% on the dev set (eval/calibration.jsonl) instead of trading them for abstentions.
FLOOR_ANSWER_AT_3 = 0.91
FLOOR_MRR_AT_10 = 0.95
FLOOR_ANSWER_QUOTED = 0.68
CEILING_FALSE_ABSTENTION = 0.175
FLOOR_ABSTENTION_ACCURACY = 0.46


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
