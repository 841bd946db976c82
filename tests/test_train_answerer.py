"""Training data of the answer finder: SQuAD's own questions, and user-written questions about its articles."""

import json

import pytest

from citeqa.errors import CiteqaError
from citeqa.settings import Settings
from eval.train_answerer import ASKED, ELSEWHERE, USER, USER_QUESTIONS, sample_weights, squad_collector
from test_eval import write_squad


def write_user_questions(folder, article: str, lines: list[dict]):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{article}.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return folder


def test_user_questions_are_asked_with_their_article_and_weighed_as_users(tmp_path):
    (tmp_path / "data").mkdir()
    squad = write_squad(tmp_path / "data" / "dev.json")
    users = write_user_questions(tmp_path / "users", "Lighthouses", [
        {"id": "Lighthouses-u01", "question": "Which engineer put up the lighthouse off Angus?",
         "relevant": ["Lighthouses"], "answer": "Robert Stevenson"},
        {"id": "Lighthouses-u02", "question": "How tall is the Bell Rock Lighthouse?", "relevant": [], "answer": None},
    ])
    base = Settings.load(env={}, index=tmp_path / "index" / "main")
    collector, asked = squad_collector(squad, base, users)
    kinds = {a.question.id: (a.kind, a.group) for a in asked}
    assert kinds["l1"] == (ASKED, "Lighthouses") and kinds["l2"] == (ASKED, "Lighthouses")
    assert kinds["Lighthouses-u01"] == (USER, "Lighthouses") and kinds["Lighthouses-u02"] == (USER, "Lighthouses")
    # an answerable question is asked again of the other articles, where it is off topic
    assert kinds["Lighthouses-u01#elsewhere"] == (ELSEWHERE, "Lighthouses")
    assert all(p.doc_id == "Ferries" for a in asked if a.kind == ELSEWHERE and a.group == "Lighthouses"
               for p in a.passages)
    examples = collector.examples([a for a in asked if a.question.id in ("l1", "Lighthouses-u01")], None,
                                  collector.answerer.model.span)
    assert list(sample_weights(examples, 20.0)) == [1.0, 20.0]


def test_user_questions_about_an_article_the_file_lacks_are_refused(tmp_path):
    (tmp_path / "data").mkdir()
    squad = write_squad(tmp_path / "data" / "dev.json")
    users = write_user_questions(tmp_path / "users", "Harbours", [
        {"id": "h1", "question": "Where is the harbour?", "relevant": [], "answer": None}])
    with pytest.raises(CiteqaError, match="no article titled 'Harbours'"):
        squad_collector(squad, Settings.load(env={}, index=tmp_path / "index" / "main"), users)


def test_the_shipped_user_questions_name_articles_and_spans_of_the_dev_half():
    """Every shipped user-written question names its article by file, and every answer is a span of it."""
    from eval.questions import load_questions
    from eval.squad import load_squad
    from eval.train_answerer import DEFAULT_SQUAD

    if not DEFAULT_SQUAD.exists():
        pytest.skip(f"{DEFAULT_SQUAD} is not on this machine")
    articles = {d.doc_id: " ".join(d.text.lower().split()) for d in load_squad(DEFAULT_SQUAD).corpus.documents}
    files = sorted(USER_QUESTIONS.glob("*.jsonl"))
    assert {f.stem for f in files} == set(articles)
    for path in files:
        questions = load_questions(path)
        assert sum(q.answerable for q in questions) >= 25 and sum(not q.answerable for q in questions) >= 20
        for q in questions:
            assert q.relevant in ([], [path.stem]), q.id
            if q.answer:
                assert " ".join(q.answer.lower().split()) in articles[path.stem], q.id


def test_the_short_answer_floor_is_the_lowest_that_reaches_the_f1_and_no_answer_bars():
    """Hand-computed: four answerable questions (best-span F1 1, 1, 0, 0) and four unanswerable ones, all
    answered; each P(the best span answers) below. Floor 0.3 shows spans 1, 2 and 3, and one
    unanswerable question's: F1 = (1 + 1 + 0 + 0 + 0 + 1 + 1 + 1) / 8 = 62.5, NoAns 3/4. Floor 0.0 gives
    (2 + 0) / 8 = 25; floor 0.5 shows spans 1 and 2 only: (2 + 4) / 8 = 75."""
    import numpy as np

    from eval.questions import Question
    from eval.train_answerer import Example, Prediction, lowest_short_min, squad_f1

    def example(answerable: bool) -> Example:
        question = Question("q", "?", {"a": 1} if answerable else {})
        empty = np.zeros((0, 1), np.float32)
        return Example(question, "a", ASKED, empty, np.zeros(0), empty, np.zeros(0), np.zeros(1), 0.0)

    examples = [example(True)] * 4 + [example(False)] * 4
    correct = [0.9, 0.8, 0.4, 0.1, 0.35, 0.2, 0.1, 0.05]
    f1 = [1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    preds = [Prediction(1.0, c, f) for c, f in zip(correct, f1)]
    assert squad_f1(examples, preds, 0.5, 0.3)["f1"] == pytest.approx(62.5)
    assert squad_f1(examples, preds, 0.5, 0.3)["short_answer_right"] == pytest.approx(2 / 4)
    assert squad_f1(examples, preds, 0.5, 0.0)["f1"] == pytest.approx(25.0)
    assert lowest_short_min(examples, preds, 0.5, no_answer=0.5) == pytest.approx(0.11)  # NoAns 2/4 from 0.11
    assert lowest_short_min(examples, preds, 0.5, no_answer=0.5, min_f1=60.0) == pytest.approx(0.21)
    assert lowest_short_min(examples, preds, 0.5, no_answer=0.5, min_f1=70.0) == pytest.approx(0.36)
