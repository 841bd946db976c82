"""The abstention threshold rule: the highest cut that refuses at most 5% of answerable questions."""

import json

import pytest

from eval.calibrate import MAX_FALSE_ABSTENTION, best_threshold
from retrieval.abstention import CALIBRATION_FILE, threshold_for


def test_threshold_separates_when_it_can():
    threshold, abstains = best_threshold([0.6, 0.7, 0.8], [0.1, 0.2, 0.3])
    assert threshold == pytest.approx(0.45) and abstains == 1.0


def test_answerable_questions_come_first_when_scores_overlap():
    answerable = [0.30] + [0.6 + i / 100 for i in range(19)]  # one low answerable question in twenty
    threshold, abstains = best_threshold(answerable, [0.2, 0.5, 0.65])
    assert sum(a < threshold for a in answerable) <= MAX_FALSE_ABSTENTION * len(answerable)
    assert threshold == pytest.approx(0.55) and abstains == pytest.approx(2 / 3)


def test_the_shipped_calibration_is_used_and_can_be_overridden():
    entry = json.loads(CALIBRATION_FILE.read_text())["all-MiniLM-L6-v2"]
    assert entry["calibrated_on"] == "calibration.jsonl"
    assert threshold_for("all-MiniLM-L6-v2") == entry["threshold"]
    assert threshold_for("all-MiniLM-L6-v2", override=0.9) == 0.9
    assert threshold_for("some/other-model") == float("-inf")  # never abstains, with a warning
