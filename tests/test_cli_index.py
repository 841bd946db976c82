"""`citeqa index` as a user runs it: summary, exit codes, bad files, and a build killed half-way."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import CITEQA, ROOT, cli_env
from citeqa.settings import Settings
from retrieval.store.local import current_build

pytestmark = pytest.mark.slow


def run(args, env, timeout=300):
    return subprocess.run([str(CITEQA), *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def test_index_prints_a_summary_with_skips(corpus_copy, tmp_path):
    (corpus_copy / "empty.txt").write_bytes(b"")
    (corpus_copy / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus_copy / "broken.pdf").write_bytes(b"%PDF-1.7 truncated")
    env = cli_env(Settings(corpus=corpus_copy, index=tmp_path / "idx"))
    result = run(["index"], env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "5 added, 0 changed, 0 unchanged, 0 removed, 3 skipped" in out
    assert "skipped: empty.txt: empty file" in out
    assert "skipped: photo.jpg: unsupported file type .jpg" in out
    assert "skipped: broken.pdf: corrupt or unreadable PDF" in out
    assert "seconds:" in out and "chunks:" in out
    assert "Building index" not in result.stderr  # a library's debug log is not the user's business
    again = run(["index", "--json"], env)
    summary = json.loads(again.stdout)
    assert summary["wrote_index"] is False and len(summary["unchanged"]) == 5 and len(summary["skipped"]) == 3


def test_missing_corpus_exits_2_naming_the_path(tmp_path):
    result = run(["index", "--corpus", str(tmp_path / "no-such-dir"), "--index", str(tmp_path / "i")], cli_env())
    assert result.returncode == 2
    assert str(tmp_path / "no-such-dir") in result.stderr and "Traceback" not in result.stderr


def test_nothing_indexable_exits_1(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.bin").write_bytes(b"\x00\x01")
    result = run(["index", "--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i")], cli_env())
    assert result.returncode == 1 and "nothing to index" in result.stderr and "Traceback" not in result.stderr


def test_wrong_setting_exits_2_and_says_what_to_change(tmp_path):
    result = run(["index", "--index", str(tmp_path / "i")], cli_env(CITEQA_CHUNK_OVERLAP="999"))
    assert result.returncode == 2 and "CITEQA_CHUNK_OVERLAP" in result.stderr and "Traceback" not in result.stderr
    result = run(["index", "--index", str(tmp_path / "i"), "--model", str(tmp_path / "no-model")], cli_env())
    assert result.returncode == 2 and "CITEQA_MODEL" in result.stderr and "Traceback" not in result.stderr


def write_random_corpus(folder, n_docs, seed):
    rng = random.Random(seed)
    words = ("treaty assembly security council observers election commission member states parliament "
             "cooperation legislation defence border mission report session deputies agreement").split()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        paragraphs = [" ".join(rng.choice(words) for _ in range(60)).capitalize() + "." for _ in range(4)]
        (folder / f"synthetic-{i:03d}.txt").write_text(f"Synthetic document {i}\n\n" + "\n\n".join(paragraphs))


def assert_old_index_answers(env, build_before):
    index = env["CITEQA_INDEX"]
    assert current_build(__import__("pathlib").Path(index)) == build_before
    result = run(["ask", "--json", "Who coordinated the CSTO PA International Observer Group?"], env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert any(c["doc_id"] == "kazakhstan-elections-international-observers.txt" for c in answer["citations"])


def test_sigkill_during_embedding_leaves_the_previous_index_whole(corpus_copy, tmp_path):
    settings = Settings(corpus=corpus_copy, index=tmp_path / "idx")
    env = cli_env(settings)
    assert run(["index"], env).returncode == 0
    build_before = current_build(settings.index)
    write_random_corpus(corpus_copy / "bulk", 80, seed=1)
    proc = subprocess.Popen([str(CITEQA), "index", "--full"], env=env, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    seen = ""
    deadline = time.time() + 120
    while "embed" not in seen and time.time() < deadline:
        seen += proc.stderr.read(1)
    assert "embed" in seen, "the build never reached the embedding stage"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert_old_index_answers(env, build_before)


KILL_WHILE_WRITING = textwrap.dedent("""
    import os, signal, sys
    import retrieval.store.local as store
    real = store._write_files
    def write_then_die(build, content, exact_index_max):
        real(build, content, exact_index_max)          # the files are written ...
        (build / "index.sqlite").write_bytes(b"half")  # ... one is half-overwritten, and the process dies
        os.kill(os.getpid(), signal.SIGKILL)
    store._write_files = write_then_die
    from ui.cli import main
    sys.exit(main(["index", "--full"]))
""")


def test_sigkill_while_writing_leaves_the_previous_index_and_the_next_build_cleans_up(corpus_copy, tmp_path):
    settings = Settings(corpus=corpus_copy, index=tmp_path / "idx")
    env = cli_env(settings)
    assert run(["index"], env).returncode == 0
    build_before = current_build(settings.index)
    proc = subprocess.run([sys.executable, "-c", KILL_WHILE_WRITING], env=env, cwd=ROOT, capture_output=True,
                          timeout=300)
    assert proc.returncode == -signal.SIGKILL
    partial = [b for b in (settings.index / "builds").iterdir() if not (b / "COMPLETE").exists()]
    assert len(partial) == 1
    assert_old_index_answers(env, build_before)
    result = run(["index", "--full"], env)
    assert result.returncode == 0, result.stderr
    assert not partial[0].exists() and current_build(settings.index) != build_before
