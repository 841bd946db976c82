"""`citeqa ask` as scripts and people use it."""

import json
import subprocess

import pytest

from conftest import CITEQA, ROOT, cli_env
from citeqa.settings import Settings

pytestmark = pytest.mark.slow


def ask(*args, env):
    return subprocess.run([str(CITEQA), "ask", *args], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_json_output_is_the_documented_contract(shipped, service):
    result = ask("--json", "--k", "3", "Who coordinated the CSTO PA International Observer Group?", env=cli_env(shipped))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"question", "answer", "abstained", "citations", "passages", "short_answer", "read_as",
                        "timings_ms"}
    assert out["abstained"] is False and len(out["passages"]) == 3 and out["read_as"] is None
    for c in out["citations"]:
        assert set(c) == {"n", "doc_id", "title", "start", "end", "quote"}
        text = service.documents([c["doc_id"]])[c["doc_id"]].text  # the cleaned text offsets index into
        assert text[c["start"] : c["end"]] == c["quote"]
    for p in out["passages"]:
        assert {"rank", "doc_id", "chunk_id", "title", "text", "start", "end", "score"} <= set(p)
    assert "Aleksandr Markevich" in out["answer"]
    assert out["timings_ms"]["total"] > 0


def test_the_short_answer_comes_first_as_an_exact_span_of_a_quote(shipped, service):
    result = ask("--json", "Who is the chairman of the CSTO Parliamentary Assembly?", env=cli_env(shipped))
    out = json.loads(result.stdout)
    short = out["short_answer"]
    assert set(short) == {"text", "doc_id", "start", "end", "citation"} and "Vyacheslav Volodin" in short["text"]
    text = service.documents([short["doc_id"]])[short["doc_id"]].text
    assert text[short["start"] : short["end"]] == short["text"]
    cited = out["citations"][short["citation"] - 1]
    assert cited["start"] <= short["start"] < short["end"] <= cited["end"]
    plain = ask("Who is the chairman of the CSTO Parliamentary Assembly?", env=cli_env(shipped)).stdout
    assert plain.splitlines()[0].startswith(short["text"])  # said first, then the quotes


def test_a_misspelt_question_says_how_it_was_read(shipped):
    """"Volodn" is read as "Volodin", and the answer says so before it answers, in both outputs."""
    plain = ask("Who is Vyacheslav Volodn?", env=cli_env(shipped))
    assert plain.returncode == 0 and plain.stdout.startswith("Read as: Who is Vyacheslav Volodin?\n"), plain.stdout
    assert "Chairman of the CSTO Parliamentary Assembly" in plain.stdout
    out = json.loads(ask("--json", "Who is Vyacheslav Volodn?", env=cli_env(shipped)).stdout)
    assert out["question"] == "Who is Vyacheslav Volodn?" and out["read_as"] == "Who is Vyacheslav Volodin?"


def test_readable_output_with_sources_and_filters(shipped):
    result = ask("--mode", "lexical", "--doc", "csto-declaration-2006-efficiency.txt",
                 "Which international organization did the member states want stronger ties with?", env=cli_env(shipped))
    assert result.returncode == 0, result.stderr
    assert "“" in result.stdout and "[1]" in result.stdout and "Sources:" in result.stdout
    assert "csto-declaration-2006-efficiency.txt" in result.stdout


def test_a_reader_that_stops_early_gets_no_traceback(shipped):
    # `citeqa ask ... | head -1`: the pipe closes before the sources are printed
    process = subprocess.Popen([str(CITEQA), "ask", "Who is the chairman of the CSTO Parliamentary Assembly?"],
                               env=cli_env(shipped), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 141 and stderr == ""


def test_unanswerable_question_says_so_and_lists_related(shipped):
    result = ask("How do I bake sourdough bread?", env=cli_env(shipped))
    assert result.returncode == 0
    assert "The documents do not say." in result.stdout and "Related passages:" in result.stdout


def test_before_an_index_exists_it_says_how_to_build_one(tmp_path):
    env = cli_env(Settings(corpus=tmp_path, index=tmp_path / "no-index"))
    result = ask("Who is Kent Harstedt?", env=env)
    assert result.returncode == 1 and "citeqa index" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_refused(shipped, question):
    result = ask(question, env=cli_env(shipped))
    assert result.returncode == 1 and "empty" in result.stderr and "Traceback" not in result.stderr


def test_unknown_document_filter_is_a_clear_error(shipped):
    result = ask("--doc", "missing.txt", "observers", env=cli_env(shipped))
    assert result.returncode == 1 and "unknown document id" in result.stderr and "Traceback" not in result.stderr
