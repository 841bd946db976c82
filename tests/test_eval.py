"""`citeqa eval`: metric helpers against hand-computed figures, input checks, and the command end to end
(question sets in every mode, the report files, a tiny BEIR folder indexed once and reused)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, cli_env
from citeqa.errors import CiteqaError
from citeqa.settings import Settings
from eval.beir import beir_index_path, load_beir
from eval.metrics import METRIC_KEYS, Observation, answer_flags, contains_span, mode_metrics, ranking_scores
from citeqa.errors import InputNotFound, SettingsError
from eval.questions import Question, load_questions
from eval.result import EvalResult, RunInfo
from eval.report import format_table, markdown_table

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def question(qid: str, relevance: dict[str, int] | None = None, answer: str | None = None) -> Question:
    return Question(qid, f"question {qid}?", relevance or {}, answer)


def composed(q: Question, ranking: list[str], texts: list[str], abstained: bool, answer: str,
             latency: float = 10.0) -> Observation:
    return Observation(q, "hybrid", ranking, latency, passage_doc_ids=ranking[:len(texts)], passage_texts=texts,
                       abstained=abstained, answer=answer)


# --- metric helpers ------------------------------------------------------------------------------------


def test_ranking_metrics_match_a_hand_computed_example():
    q1 = question("q1", {"d1": 1, "d2": 2})  # graded: d2 matters twice as much
    q2 = question("q2", {"d3": 1})
    q3 = question("q3")  # unanswerable: left out of ranking metrics
    observations = [Observation(q1, "hybrid", ["d2", "dx", "d1"], 1.0), Observation(q2, "hybrid", ["dy", "d3"], 1.0),
                    Observation(q3, "hybrid", ["d1"], 1.0)]
    aggregate, per_question = ranking_scores(observations)

    # nDCG@10, linear gains (trec_eval): q1 = (2/log2 2 + 1/log2 4) / (2/log2 2 + 1/log2 3); q2 = (1/log2 3) / 1
    ndcg_q1 = (2 + 1 / 2) / (2 + 1 / math.log2(3))
    ndcg_q2 = 1 / math.log2(3)
    assert per_question["q1"]["ndcg@10"] == pytest.approx(ndcg_q1)
    assert aggregate["ndcg@10"] == pytest.approx((ndcg_q1 + ndcg_q2) / 2)
    assert aggregate["mrr@10"] == pytest.approx((1 + 1 / 2) / 2)
    assert aggregate["hit@1"] == 0.5 and aggregate["hit@3"] == 1.0 and aggregate["recall@5"] == 1.0
    assert "q3" not in per_question


def test_our_rank_order_is_kept_not_trec_evals_tie_break_by_doc_id():
    aggregate, _ = ranking_scores([Observation(question("q", {"a": 1}), "dense", ["a", "z"], 1.0)])
    assert aggregate["mrr@10"] == 1.0


def test_a_question_with_nothing_retrieved_counts_as_a_miss():
    aggregate, _ = ranking_scores([Observation(question("q1", {"a": 1}), "lexical", ["a"], 1.0),
                                   Observation(question("q2", {"b": 1}), "lexical", [], 1.0)])
    assert aggregate["hit@1"] == 0.5 and aggregate["recall@100"] == 0.5


def test_answer_span_is_found_case_insensitively_across_line_breaks():
    assert contains_span("led by Vyacheslav\nVOLODIN since 2016", "vyacheslav volodin")
    assert not contains_span("Volodin", "Vyacheslav Volodin")
    q = question("q", {"d": 1}, "Volodin")
    flags = answer_flags(composed(q, ["d", "e", "f"], ["nothing", "x", "said volodin"], False, "“volodin” [1]"))
    assert flags == {"answer@1": 0.0, "answer@3": 1.0, "answer@5": 1.0, "answer_quoted": 1.0}
    assert answer_flags(composed(q, ["d"], ["volodin"], True, "Volodin")) ["answer_quoted"] == 0.0


def test_abstention_and_latency_metrics():
    answerable = [question(f"a{i}", {"d": 1}, "x") for i in range(4)]
    unanswerable = [question(f"u{i}") for i in range(2)]
    observations = [composed(q, ["d"], ["x"], abstained=(i == 0), answer="x", latency=10.0 * (i + 1))
                    for i, q in enumerate(answerable)]
    observations += [composed(q, ["d"], ["x"], abstained=(i == 0), answer="x", latency=50.0)
                     for i, q in enumerate(unanswerable)]
    metrics, per_question = mode_metrics(observations)
    assert list(metrics) == list(METRIC_KEYS)
    assert metrics["abstention_accuracy"] == 0.5  # u0 abstained, u1 did not
    assert metrics["false_abstention_rate"] == 0.25  # a0 abstained
    assert metrics["answer_quoted"] == 0.75
    assert metrics["latency_p50_ms"] == pytest.approx(35.0)  # median of 10, 20, 30, 40, 50, 50
    assert metrics["latency_p95_ms"] == pytest.approx(50.0)
    assert metrics["n_questions"] == 6
    assert per_question["u0"]["ndcg@10"] is None and per_question["u0"]["answer@1"] is None


def test_without_composed_answers_the_answer_metrics_are_null():
    metrics, _ = mode_metrics([Observation(question("q", {"d": 1}), "dense", ["d"], 3.0)])
    assert metrics["ndcg@10"] == 1.0
    for key in ("answer@1", "answer@3", "answer@5", "answer_quoted", "abstention_accuracy", "false_abstention_rate"):
        assert metrics[key] is None


def test_table_puts_metrics_down_and_modes_across():
    metrics = {mode: dict.fromkeys(METRIC_KEYS, 0.5) | {"n_questions": 3, "answer@1": None}
               for mode in ("dense", "lexical", "hybrid")}
    result = EvalResult(RunInfo("questions", "q.jsonl", "idx", "m", 5, tuple(metrics)), metrics, [])
    lines = format_table(result).splitlines()
    assert lines[0].split() == ["metric", "dense", "lexical", "hybrid"]
    assert lines[1].split() == ["hit@1", "0.5000", "0.5000", "0.5000"]
    assert "answer@1  " in format_table(result) and "n/a" in format_table(result)
    assert len(lines) == 1 + len(METRIC_KEYS)
    assert markdown_table(result).splitlines()[1] == "|---|---:|---:|---:|"


# --- input ---------------------------------------------------------------------------------------------


def test_shipped_question_sets_are_valid():
    questions = load_questions()
    assert len(questions) == 89 and any(not q.answerable for q in questions)
    from eval.questions import CONVERSATIONS

    follow_ups = load_questions(CONVERSATIONS)
    assert len(follow_ups) == 82 and all(q.after for q in follow_ups) and any(not q.answerable for q in follow_ups)
    from eval.questions import FIRST_QUESTIONS

    first = load_questions(FIRST_QUESTIONS)
    assert len(first) == 190 and sum(q.answerable for q in first) == 131
    from eval.questions import DOCS_CORPUS, DOCS_QUESTIONS

    docs = load_questions(DOCS_QUESTIONS)
    assert len(docs) == 53 and sum(q.answerable for q in docs) == 39
    assert {d for q in docs for d in q.relevant} <= {p.name for p in DOCS_CORPUS.glob("*.md")}
    assert next(q for q in docs if q.id == "d15").answer_variants == (
        "switch between multiple versions of Python", "change the global Python version")
    from eval.questions import MANUALS_CORPUS, MANUALS_QUESTIONS

    manuals = load_questions(MANUALS_QUESTIONS)
    assert len(manuals) == 42 and sum(q.answerable for q in manuals) == 34
    assert {d for q in manuals for d in q.relevant} == {p.name for p in MANUALS_CORPUS.glob("*.pdf")}
    from eval.questions import GUIDES_CORPUS, GUIDES_QUESTIONS

    guides = load_questions(GUIDES_QUESTIONS)
    assert len(guides) == 32 and sum(q.answerable for q in guides) == 23
    assert {d for q in guides for d in q.relevant} == {p.name for p in GUIDES_CORPUS.glob("*.md")}
    from eval.questions import LEGAL_CORPUS, LEGAL_QUESTIONS

    legal = load_questions(LEGAL_QUESTIONS)
    assert len(legal) == 22 and sum(q.answerable for q in legal) == 16
    assert {d for q in legal for d in q.relevant} == {p.name for p in LEGAL_CORPUS.glob("*.txt")}
    from eval.questions import DEBIAN_CORPUS, DEBIAN_QUESTIONS

    debian = load_questions(DEBIAN_QUESTIONS)
    assert len(debian) == 44 and sum(q.answerable for q in debian) == 32
    assert {d for q in debian for d in q.relevant} == {p.name for p in DEBIAN_CORPUS.iterdir()}
    from eval.questions import FAQ_CORPUS, FAQ_QUESTIONS, PYTHON_FAQ_CORPUS, PYTHON_FAQ_QUESTIONS

    for folder, questions, count, answerable in ((FAQ_CORPUS, FAQ_QUESTIONS, 53, 38),
                                                 (PYTHON_FAQ_CORPUS, PYTHON_FAQ_QUESTIONS, 33, 22)):
        faq = load_questions(questions)
        assert len(faq) == count and sum(q.answerable for q in faq) == answerable
        # (a FAQ's other pages stay: a user adds the whole FAQ, its tables of contents too)
        assert {d for q in faq for d in q.relevant} <= {p.name for p in folder.glob("*.html")}
    from eval.questions import LIBFFI_CORPUS, LIBFFI_QUESTIONS

    libffi = load_questions(LIBFFI_QUESTIONS)
    assert len(libffi) == 33 and sum(q.answerable for q in libffi) == 21
    assert {d for q in libffi for d in q.relevant} <= {p.name for p in LIBFFI_CORPUS.glob("*.html")}
    from eval.scifact_collection import SCIFACT_IDS, SCIFACT_QUESTIONS

    scifact = load_questions(SCIFACT_QUESTIONS)
    assert len(scifact) == 116 and sum(q.answerable for q in scifact) == 72 and len(set(SCIFACT_IDS)) == 34
    assert {d for q in scifact for d in q.relevant} <= {f"{i}.txt" for i in SCIFACT_IDS}
    from eval.news_collection import NEWS_PACKAGES, NEWS_QUESTIONS

    news = load_questions(NEWS_QUESTIONS)
    assert len(news) == 93 and sum(q.answerable for q in news) == 65
    assert {d for q in news for d in q.relevant} <= {f"{p}-NEWS.Debian.txt" for p in NEWS_PACKAGES}


def test_the_release_notes_are_written_from_the_packages_documentation_and_refused_without_it(tmp_path):
    import gzip

    from citeqa.errors import InputNotFound
    from eval.news_collection import NEWS_PACKAGES, news_collection

    source = tmp_path / "doc"
    for package in NEWS_PACKAGES:
        (source / package).mkdir(parents=True)
        (source / package / "NEWS.Debian.gz").write_bytes(gzip.compress(f"{package} (1.0-1) unstable\n".encode()))
    folder = news_collection(tmp_path / "out", source)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p}-NEWS.Debian.txt" for p in NEWS_PACKAGES)
    assert (folder / "tmux-NEWS.Debian.txt").read_text(encoding="utf-8") == "tmux (1.0-1) unstable\n"
    (source / "tmux" / "NEWS.Debian.gz").unlink()
    with pytest.raises(InputNotFound, match="tmux"):
        news_collection(tmp_path / "again", source)


def test_the_scifact_collection_is_written_from_beir_scifact_and_refused_without_it(tmp_path):
    """Each abstract the set asks about, as its title, a blank line and its text, named by its SciFact id; a copy
    without them, or none, is refused by name."""
    from citeqa.errors import InputNotFound
    from eval.scifact_collection import SCIFACT_IDS, scifact_collection

    source = tmp_path / "scifact"
    source.mkdir()
    records = [{"_id": i, "title": f"Title {i}", "text": f"Abstract {i}."} for i in SCIFACT_IDS] + [
        {"_id": "1", "title": "Other", "text": "Not asked about."}]
    (source / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    folder = scifact_collection(tmp_path / "out", source)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{i}.txt" for i in SCIFACT_IDS)
    assert (folder / f"{SCIFACT_IDS[0]}.txt").read_text(encoding="utf-8") == (
        f"Title {SCIFACT_IDS[0]}\n\nAbstract {SCIFACT_IDS[0]}.\n")
    (source / "corpus.jsonl").write_text(json.dumps(records[0]) + "\n", encoding="utf-8")
    with pytest.raises(InputNotFound, match="lacks SciFact abstracts"):
        scifact_collection(tmp_path / "again", source)
    with pytest.raises(InputNotFound, match="--source"):
        scifact_collection(tmp_path / "none", tmp_path / "missing")


@pytest.mark.parametrize("line, message", [
    ('{"id": "q2", "question": "Why?", "relevant": [', "not valid JSON"),
    ('["q2"]', "expected a JSON object"),
    ('{"id": "q2", "question": "Why?"}', "missing 'relevant'"),
    ('{"id": "q1", "question": "Why?", "relevant": []}', "already used on line 1"),
    ('{"id": "q2", "question": "Why?", "relevant": "doc.txt"}', "'relevant' must be a list"),
    ('{"id": "q2", "question": "Why?", "relevant": [], "answer": "x"}', "unanswerable"),
    ('{"id": "q2", "question": "Why?", "relevant": [], "after": "Who?"}', "'after' must be a list"),
    ('{"id": "q2", "question": "Why?", "relevant": [], "after": ["Who?", " "]}', "'after' must be a list"),
    ('{"id": "q2", "question": "Why?", "relevant": [], "after": ' + json.dumps(["Who?"] * 21) + "}", "at most 20"),
    ('{"id": "q2", "question": "Why?", "relevant": ["a.txt"], "answer": "x", "answers": "y"}', "'answers' must be"),
    ('{"id": "q2", "question": "Why?", "relevant": ["a.txt"], "answers": ["y"]}', "give 'answer' too"),
])
def test_a_malformed_line_is_refused_by_file_and_line(tmp_path, line, message):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "q1", "question": "Who?", "relevant": ["a.txt"], "answer": "A"}\n\n' + line + "\n")
    with pytest.raises(CiteqaError, match=message) as exc:
        load_questions(path)
    assert f"{path}:3:" in str(exc.value) and exc.value.exit_code == 1


def test_a_missing_question_file_is_exit_code_2(tmp_path):
    with pytest.raises(InputNotFound) as exc:
        load_questions(tmp_path / "nope.jsonl")
    assert exc.value.exit_code == 2


BEIR_DOCS = {
    "d1": ("Honeybee navigation", "Honeybees communicate the direction of nectar through the waggle dance."),
    "d2": ("Volcanic soils", "Basaltic volcanic ash weathers into fertile andisol soils rich in minerals."),
    "d3": ("Bee foraging", "Forager bees follow the waggle dance of returning workers to find flowers."),
    "d4": ("Tidal energy", "Tidal turbines convert the kinetic energy of ocean currents into electricity."),
    "d5": ("Glacier retreat", "Alpine glaciers have retreated markedly since the end of the Little Ice Age."),
    "d6": ("Sourdough", "Sourdough bread rises thanks to wild yeast and lactic acid bacteria."),
}
BEIR_QUERIES = {"1": "How do honeybees tell others where flowers are?", "2": "What makes volcanic ash soils fertile?",
                "3": "Which microbes leaven sourdough bread?", "4": "A query nobody judged about tides."}
BEIR_QRELS = [("1", "d1", 2), ("1", "d3", 1), ("2", "d2", 1), ("3", "d6", 1), ("3", "d5", 0)]


def write_beir(folder: Path) -> Path:
    (folder / "qrels").mkdir(parents=True)
    (folder / "corpus.jsonl").write_text("".join(
        json.dumps({"_id": d, "title": t, "text": x, "metadata": {}}) + "\n" for d, (t, x) in BEIR_DOCS.items()))
    (folder / "queries.jsonl").write_text("".join(
        json.dumps({"_id": q, "text": t, "metadata": {}}) + "\n" for q, t in BEIR_QUERIES.items()))
    (folder / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\n" + "".join(f"{q}\t{d}\t{s}\n" for q, d, s in BEIR_QRELS))
    return folder


def test_beir_folder_becomes_documents_and_judged_questions(tmp_path):
    beir = load_beir(write_beir(tmp_path / "tiny"))
    docs = {d.doc_id: d for d in beir.corpus.documents}
    assert sorted(docs) == sorted(BEIR_DOCS)
    first_line = (tmp_path / "tiny" / "corpus.jsonl").read_text().splitlines()[0].encode()
    assert docs["d1"].text == "Honeybee navigation\n\n" + BEIR_DOCS["d1"][1]
    assert docs["d1"].size == len(first_line) and docs["d1"].format == "beir"
    assert docs["d1"].source_path.endswith("corpus.jsonl#d1")
    assert [q.id for q in beir.questions] == ["1", "2", "3"]  # "4" is not judged
    assert dict(beir.questions[0].relevance) == {"d1": 2, "d3": 1}
    assert dict(beir.questions[2].relevance) == {"d6": 1}  # a grade of 0 is not relevant


def test_another_qrels_split_judges_other_queries_and_a_missing_one_is_named(tmp_path):
    folder = write_beir(tmp_path / "tiny")
    (folder / "qrels" / "train.tsv").write_text("query-id\tcorpus-id\tscore\n4\td2\t1\n")
    train = load_beir(folder, "train")
    assert [q.id for q in train.questions] == ["4"] and dict(train.questions[0].relevance) == {"d2": 1}
    for split, needle in (("dev", "qrels/dev.tsv missing"), ("../test", "is not a split name")):
        with pytest.raises(InputNotFound, match=needle):
            load_beir(folder, split)
    from eval.cli import EvalRequest, run_eval_command

    with pytest.raises(SettingsError, match="--split train chooses a BEIR folder's qrels"):
        run_eval_command(EvalRequest(split="train"), Settings.load(env={}))


def test_beir_index_lives_beside_the_users_index(tmp_path):
    folder = write_beir(tmp_path / "tiny")
    settings = Settings.load(env={}, index=tmp_path / "idx" / "index")
    path = beir_index_path(settings, folder)
    assert path.parent == (tmp_path / "idx").resolve() and path.name.startswith("beir-tiny-")
    assert beir_index_path(settings, folder) == path


# --- the command end to end ----------------------------------------------------------------------------


def citeqa_eval(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ui.cli", "eval", *args], env=env, capture_output=True, text=True,
                          timeout=600, cwd=ROOT)


@pytest.mark.slow
def test_all_modes_json_and_report_files(shipped, tmp_path):
    lines = (ROOT / "eval" / "questions.jsonl").read_text().splitlines()
    questions = tmp_path / "few.jsonl"
    questions.write_text("\n".join(lines[:3] + [line for line in lines if '"relevant": []' in line][:1]) + "\n")
    out = tmp_path / "out"
    result = citeqa_eval("--questions", str(questions), "--mode", "all", "--json", "--out", str(out),
                         env=cli_env(shipped))
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)  # the whole of stdout is the one object
    assert list(obj) == ["modes", "questions"]
    assert list(obj["modes"]) == ["dense", "lexical", "hybrid"]
    for metrics in obj["modes"].values():
        assert list(metrics) == list(METRIC_KEYS)
        assert metrics["n_questions"] == 4 and metrics["abstention_accuracy"] in (0.0, 1.0)
        assert 0.0 <= metrics["answer@3"] <= 1.0 and metrics["latency_p50_ms"] > 0
    assert len(obj["questions"]) == 12
    entry = obj["questions"][0]
    assert {"id", "mode", "question", "relevant", "retrieved", "abstained", "answer", "hit@1", "answer@3",
            "failure"} <= set(entry)
    assert entry["id"] == "q01" and entry["retrieved"] and isinstance(entry["abstained"], bool)

    saved = json.loads((out / "result.json").read_text())
    assert {key: saved[key] for key in obj} == obj and saved["run"]["modes"]
    report = (out / "report.md").read_text()
    assert "| metric | dense | lexical | hybrid |" in report and "## Failed questions: hybrid" in report
    png = (out / "chart.png").read_bytes()
    assert png.startswith(PNG_SIGNATURE) and len(png) > 1000


def test_a_follow_up_is_asked_after_its_conversation(shipped, tmp_path):
    """A line with "after" is asked with the answers to its earlier questions as history, and its documents are ranked
    for the question as the service resolved it: alone, "What about the Mazhilis?" names no post."""
    questions = tmp_path / "conversations.jsonl"
    questions.write_text(
        '{"id": "c1", "after": ["Who chairs the Senate of Kazakhstan?"], "question": "What about the Mazhilis?", '
        '"relevant": ["csto-pa-brochure.txt"], "answer": "Erlan Koshanov"}\n'
        '{"id": "c2", "after": ["Who is Kent Harstedt?"], "question": "How old is he?", "relevant": []}\n')
    result = citeqa_eval("--questions", str(questions), "--json", env=cli_env(shipped))
    assert result.returncode == 0, result.stderr
    entries = {entry["id"]: entry for entry in json.loads(result.stdout)["questions"]}
    assert entries["c1"]["after"] == ["Who chairs the Senate of Kazakhstan?"]
    assert entries["c1"]["short_answer"] == "Erlan Koshanov" and entries["c1"]["answer_quoted"] == 1.0
    assert entries["c1"]["ranking"][0] == "csto-pa-brochure.txt"
    assert entries["c2"]["abstained"] and "after" in entries["c2"]


@pytest.mark.slow
def test_beir_folder_is_indexed_on_its_own_and_reused(tmp_path):
    from retrieval.store.local import current_build

    folder = write_beir(tmp_path / "tiny")
    env = cli_env(CITEQA_INDEX=str(tmp_path / "idx" / "index"), CITEQA_CORPUS=str(tmp_path / "no-corpus"))
    first = citeqa_eval("--beir", str(folder), "--json", "--out", str(tmp_path / "out"), env=env)
    assert first.returncode == 0, first.stderr
    obj = json.loads(first.stdout)
    assert json.loads((tmp_path / "out" / "result.json").read_text())["run"]["index_updated"] is True
    metrics = obj["modes"]["hybrid"]
    assert metrics["n_questions"] == 3 and metrics["recall@100"] == 1.0 and metrics["hit@3"] == 1.0
    assert metrics["answer@1"] is None and metrics["abstention_accuracy"] is None
    assert {q["id"] for q in obj["questions"]} == {"1", "2", "3"}
    [beir_index] = (tmp_path / "idx").glob("beir-tiny-*")
    assert not (tmp_path / "idx" / "index").exists()  # the user's index is not touched
    build = current_build(beir_index)

    second = citeqa_eval("--beir", str(folder), "--mode", "all", env=env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[0].split() == ["metric", "dense", "lexical", "hybrid"]
    assert current_build(beir_index) == build  # nothing re-embedded or rewritten

    (folder / "qrels" / "train.tsv").write_text("query-id\tcorpus-id\tscore\n4\td2\t1\n")
    train = citeqa_eval("--beir", str(folder), "--split", "train", "--json", env=env)
    assert train.returncode == 0, train.stderr
    assert [q["id"] for q in json.loads(train.stdout)["questions"]] == ["4"]
    assert current_build(beir_index) == build  # the same corpus: the same index


@pytest.mark.slow
def test_malformed_line_and_missing_input_are_refused_without_a_traceback(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "q1", "question": "Who?", "relevant": []}\n{"id": "q2", "question": \n')
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "q1", "question": "Who?", "relevant": []}\n')
    env = cli_env(CITEQA_INDEX=str(tmp_path / "index"))
    for args, code, needle in [
        (["--questions", str(bad)], 1, f"{bad}:2: not valid JSON"),
        (["--questions", str(tmp_path / "missing.jsonl")], 2, "missing.jsonl does not exist"),
        (["--beir", str(tmp_path / "no-beir")], 2, "BEIR folder"),
        (["--questions", str(good), "--limit", "0"], 2, "--limit 0"),
    ]:
        result = citeqa_eval(*args, env=env)
        assert result.returncode == code, (args, result.stderr)
        assert needle in result.stderr and "Traceback" not in result.stderr
        assert result.stdout == ""


def write_squad(path: Path) -> Path:
    """Two tiny articles in the SQuAD 2.0 format: answerable questions with several annotators, and
    one question written to look answerable that the text does not answer."""
    data = {"version": "v2.0", "data": [
        {"title": "Lighthouses", "paragraphs": [{"context": (
            "The Bell Rock Lighthouse was built by Robert Stevenson between 1807 and 1810. "
            "It stands eleven miles off the coast of Angus in Scotland."), "qas": [
                {"id": "l1", "question": "Who built the Bell Rock Lighthouse?", "is_impossible": False,
                 "answers": [{"text": "Robert Stevenson", "answer_start": 44},
                             {"text": "Stevenson", "answer_start": 51}]},
                {"id": "l2", "question": "Who designed the Bell Rock harbour in 1950?", "is_impossible": True,
                 "answers": [], "plausible_answers": [{"text": "Robert Stevenson", "answer_start": 44}]}]}]},
        {"title": "Ferries", "paragraphs": [{"context": (
            "The first steam ferry crossed the Firth of Forth in 1821. It carried forty passengers."),
            "qas": [{"id": "f1", "question": "How many passengers did the first steam ferry carry?",
                     "is_impossible": False, "answers": [{"text": "forty", "answer_start": 69}]}]}]},
    ]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_squad_articles_become_documents_and_questions(tmp_path):
    from eval.squad import load_squad

    squad = load_squad(write_squad(tmp_path / "dev.json"))
    assert [d.doc_id for d in squad.corpus.documents] == ["Lighthouses", "Ferries"]
    assert squad.corpus.documents[0].text.startswith("Lighthouses\n\nThe Bell Rock")
    by_id = {q.id: q for q in squad.questions}
    assert by_id["l1"].answers == ("Robert Stevenson", "Stevenson") and by_id["l1"].relevant == ["Lighthouses"]
    assert not by_id["l2"].answerable and by_id["l2"].answers == ()


@pytest.mark.slow
def test_squad_file_is_evaluated_with_the_official_metrics(tmp_path):
    (tmp_path / "data").mkdir()
    squad = write_squad(tmp_path / "data" / "dev.json")
    env = cli_env(CITEQA_INDEX=str(tmp_path / "idx" / "index"), CITEQA_CORPUS=str(tmp_path / "no-corpus"))
    result = citeqa_eval("--squad", str(squad), "--json", env=env)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    metrics = out["modes"]["hybrid"]
    assert set(metrics) == {*METRIC_KEYS, "exact", "f1", "has_ans_exact", "has_ans_f1", "no_ans_accuracy"}
    assert metrics["n_questions"] == 3 and 0 <= metrics["f1"] <= 100 and 0 <= metrics["no_ans_accuracy"] <= 1
    assert metrics["exact"] <= metrics["f1"] and metrics["has_ans_exact"] <= metrics["has_ans_f1"]
    entries = {q["id"]: q for q in out["questions"]}
    assert set(entries) == {"l1", "l2", "f1"} and all("short_answer" in q for q in entries.values())
    for q in entries.values():  # each figure follows from what was answered, by the official definitions
        from eval.squad_metrics import score_prediction

        golds = {"l1": ["Robert Stevenson", "Stevenson"], "l2": [], "f1": ["forty"]}[q["id"]]
        assert q["f1"] == round(score_prediction(golds, None if q["abstained"] else q["short_answer"]).f1, 4)
    assert list((tmp_path / "idx").glob("squad-data-*"))  # an index of its own, beside the user's
