"""The abstention threshold rule: the highest cut that refuses at most 5% of answerable questions."""

import json

import pytest

from eval.calibrate import MAX_FALSE_ABSTENTION, best_threshold
from retrieval.abstention import threshold_for


def test_threshold_separates_when_it_can():
    threshold, abstains = best_threshold([0.6, 0.7, 0.8], [0.1, 0.2, 0.3])
    assert threshold == pytest.approx(0.45) and abstains == 1.0


def test_answerable_questions_come_first_when_scores_overlap():
    answerable = [0.30] + [0.6 + i / 100 for i in range(19)]  # one low answerable question in twenty
    threshold, abstains = best_threshold(answerable, [0.2, 0.5, 0.65])
    assert sum(a < threshold for a in answerable) <= MAX_FALSE_ABSTENTION * len(answerable)
    assert threshold == pytest.approx(0.55) and abstains == pytest.approx(2 / 3)


def test_the_threshold_comes_from_the_calibration_file_unless_overridden(tmp_path):
    path = tmp_path / "abstention.json"
    path.write_text(json.dumps({"some-model": {"threshold": 0.321}}))
    assert threshold_for("some-model", path=path) == 0.321
    assert threshold_for("some-model", override=0.9, path=path) == 0.9
    assert threshold_for("another-model", path=path) == float("-inf")  # never abstains, with a warning
    assert threshold_for("some-model", path=tmp_path / "missing.json") == float("-inf")


def test_calibration_writes_the_threshold_its_rule_gives(tmp_path, capsys):
    """`python -m eval.calibrate` end to end on a two-document corpus: it indexes it, records each dev
    question's confidence, and writes the threshold `best_threshold` gives for them, which is then used."""
    from eval.calibrate import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ferry.txt").write_text("Ferry timetable\n\nThe morning ferry to Vela Island leaves the harbour "
                                      "at six o'clock every weekday.\n", encoding="utf-8")
    (corpus / "market.txt").write_text("Fish market\n\nThe covered fish market in Port Sella opens on Tuesdays "
                                       "and Fridays from dawn until noon.\n", encoding="utf-8")
    questions = tmp_path / "dev.jsonl"
    lines = [("a1", "When does the morning ferry to Vela Island leave?", ["ferry.txt"]),
             ("a2", "On which days does the fish market in Port Sella open?", ["market.txt"]),
             ("u1", "Who won the chess tournament in Reykjavik?", []),
             ("u2", "What is the population of Mars?", [])]
    questions.write_text("".join(json.dumps({"id": i, "question": q, "relevant": r, "answer": None}) + "\n"
                                 for i, q, r in lines))
    out = tmp_path / "abstention.json"
    assert main(["--questions", str(questions), "--corpus", str(corpus), "--out", str(out)]) == 0
    printed = {line.split()[2]: float(line.split()[0]) for line in capsys.readouterr().out.splitlines()
               if line.split() and line.split()[0][:1] in "-0123456789"}
    assert set(printed) == {"a1", "a2", "u1", "u2"}
    written = json.loads(out.read_text())["all-MiniLM-L6-v2"]
    expected, abstains = best_threshold([printed["a1"], printed["a2"]], [printed["u1"], printed["u2"]])
    assert written["threshold"] == pytest.approx(expected, abs=2e-4)
    assert written["abstains_on_unanswerable"] == pytest.approx(abstains)
    assert written["calibrated_on"] == "dev.jsonl" and written["n_answerable"] == 2
    assert threshold_for("all-MiniLM-L6-v2", path=out) == written["threshold"]
