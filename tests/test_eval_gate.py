"""The quality gate: hybrid retrieval on eval/questions.jsonl through the real stack (real model, a fresh
index of the shipped corpus) must not fall below the floors.

The floors sit a little under the figures measured when they were set, so noise passes and a real
regression fails. Run with `-s` to see today's figures.
"""

from __future__ import annotations

from eval.questions import DEFAULT_QUESTIONS, QuestionSet, load_questions

# Measured 2026-11-29 (89 questions, 76 answerable, 13 unanswerable), quote units pooled from the chunk
# pass and the answer models trained on them: answer@3 0.9342, mrr@10 0.9781, answer_quoted 0.7237,
# false_abstention_rate 0.0263, abstention_accuracy 0.4615. Each floor allows about two answerable
# questions (one unanswerable question) to slip before the gate fails. Against 2026-11-28 (units encoded
# alone: answer_quoted 0.7632, false abstention 0.0, abstention 0.3846) the answer_quoted floor moved down
# (0.72 to 0.69: three answerable questions fewer quoted, two of them refused) and the abstention floor up
# (0.30 to 0.38: one unanswerable question more refused); README, Evaluation, has the trade.
FLOOR_ANSWER_AT_3 = 0.91
FLOOR_MRR_AT_10 = 0.95
FLOOR_ANSWER_QUOTED = 0.69
CEILING_FALSE_ABSTENTION = 0.05
FLOOR_ABSTENTION_ACCURACY = 0.38


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
