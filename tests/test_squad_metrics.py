"""The official SQuAD 2.0 metrics on cases worked out by hand from the definition of evaluate-v2.0.py."""

import pytest

from eval.squad_metrics import (
    SquadScore, compute_exact, compute_f1, gold_answers, normalize_answer, score_prediction, squad_summary,
)


@pytest.mark.parametrize("raw, normalised", [
    ("The Normans", "normans"),
    ("  the 10th and 11th centuries. ", "10th and 11th centuries"),
    ("Denmark, Iceland and Norway", "denmark iceland and norway"),
    ("A $2.2 billion (aid)", "22 billion aid"),  # punctuation removed inside numbers too
    ("an apple-pie", "applepie"),
    ("Theatre", "theatre"),  # only whole-word articles go
])
def test_normalisation(raw, normalised):
    assert normalize_answer(raw) == normalised


def test_exact_match_after_normalisation():
    assert compute_exact("Normans", "the Normans.") == 1
    assert compute_exact("10th century", "the 10th century") == 1
    assert compute_exact("10th century", "10th") == 0


def test_f1_is_token_overlap():
    # gold 4 tokens, prediction 5 tokens, 4 shared: P = 4/5, R = 1, F1 = 2 * 0.8 / 1.8
    assert compute_f1("10th and 11th centuries", "in the 10th and 11th centuries") == pytest.approx(8 / 9)
    # gold "first half of 10th century" (5 tokens) vs "10th century" (2): P = 1, R = 2/5 -> 4/7
    assert compute_f1("the first half of the 10th century", "10th century") == pytest.approx(4 / 7)
    # repeated tokens count with multiplicity: gold [a, a] is [] after articles... use words: "x x y" vs "x y y"
    assert compute_f1("x x y", "x y y") == pytest.approx(2 / 3)
    assert compute_f1("Rollo", "William") == 0


def test_no_answer_scores_one_only_against_no_answer():
    assert compute_f1("", "") == 1 and compute_exact("", "") == 1
    assert compute_f1("", "Rollo") == 0 and compute_f1("Rollo", "") == 0


def test_gold_answers_that_normalise_to_nothing_mean_no_answer():
    assert gold_answers(["the", "."]) == [""]
    assert gold_answers([]) == [""]
    assert gold_answers(["France", "the"]) == ["France"]


def test_a_question_keeps_its_best_annotator():
    score = score_prediction(["10th century", "the first half of the 10th century", "10th"], "10th")
    assert score == SquadScore(1, 1.0)
    partial = score_prediction(["Denmark, Iceland and Norway"], "Iceland and Norway")
    assert partial.exact == 0 and partial.f1 == pytest.approx(2 * 1 * 0.75 / 1.75)


def test_abstaining_is_the_empty_answer():
    assert score_prediction([], None) == SquadScore(1, 1.0)  # unanswerable, nothing said: right
    assert score_prediction([], "Normans") == SquadScore(0, 0.0)  # unanswerable, an answer given: wrong
    assert score_prediction(["France"], None) == SquadScore(0, 0.0)  # answerable, nothing said: wrong


def test_summary_splits_has_answer_and_no_answer():
    scores = [(True, SquadScore(1, 1.0)), (True, SquadScore(0, 0.5)), (False, SquadScore(1, 1.0)),
              (False, SquadScore(0, 0.0))]
    summary = squad_summary(scores)
    assert summary["exact"] == pytest.approx(50.0)  # 2 of 4 exact
    assert summary["f1"] == pytest.approx(62.5)  # (1 + 0.5 + 1 + 0) / 4
    assert summary["has_ans_exact"] == pytest.approx(50.0) and summary["has_ans_f1"] == pytest.approx(75.0)
    assert summary["no_ans_accuracy"] == pytest.approx(0.5)
    assert squad_summary([(True, SquadScore(1, 1.0))])["no_ans_accuracy"] is None
