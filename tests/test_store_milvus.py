"""The `milvus` backend as a user meets it: `citeqa index`, `ask --json`, `eval` and the chat's `/ask` API
with CITEQA_STORE=milvus:PATH.db on the shipped corpus; indexes sharing one Milvus; old and killed
builds cleaned up; clear errors when Milvus Lite is busy or a server is down.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import CITEQA, CORPUS, ROOT, cli_env
from citeqa.errors import StoreUnavailable
from citeqa.settings import Settings
from eval.synthetic_index import code_word, synthetic_content
from retrieval.store import open_store
from test_eval_gate import FLOOR_ABSTENTION_ACCURACY, FLOOR_ANSWER_AT_3, FLOOR_MRR_AT_10
from test_ui_api import free_port, start_app

KAZAKHSTAN = "kazakhstan-elections-international-observers.txt"
QUESTION = "Who coordinated the CSTO PA observer group in Kazakhstan?"


def run(args, env, timeout=600):
    return subprocess.run([str(CITEQA), *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def lite(folder, index="index", **values) -> Settings:
    return Settings.load(env={}, index=folder / index, store=f"milvus:{folder}/milvus.db", **values)


# --- the command line and the chat, on the shipped corpus ----------------------------------------------


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory) -> dict[str, str]:
    """`citeqa index` into a Milvus Lite file; the environment the other commands run with."""
    root = tmp_path_factory.mktemp("milvus_cli")
    shutil.copytree(CORPUS, root / "corpus")
    env = cli_env(Settings(corpus=root / "corpus", index=root / "index"), CITEQA_STORE=f"milvus:{root}/milvus.db")
    result = run(["index", "--json"], env)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["wrote_index"] and len(summary["added"]) == 5 and summary["n_chunks"] > 0
    assert "milvus:" in summary["index_path"] and "Traceback" not in result.stderr
    return env


def test_ask_quotes_exactly(cli_index):
    result = run(["ask", "--json", QUESTION], cli_index)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["citations"] and answer["citations"][0]["doc_id"] == KAZAKHSTAN
    corpus = ROOT / "corpus"
    from ingest.load import load_corpus

    texts = {d.doc_id: d.text for d in load_corpus(corpus).documents}
    for c in answer["citations"]:
        assert texts[c["doc_id"]][c["start"] : c["end"]] == c["quote"]


def test_eval_on_milvus_meets_the_gate(cli_index):
    result = run(["eval", "--json", "--mode", "hybrid"], cli_index)
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)["modes"]["hybrid"]
    print(f"\nmilvus-lite eval (hybrid): answer@3 {metrics['answer@3']:.4f}, mrr@10 {metrics['mrr@10']:.4f}, "
          f"abstention accuracy {metrics['abstention_accuracy']:.4f}")
    assert metrics["answer@3"] >= FLOOR_ANSWER_AT_3
    assert metrics["mrr@10"] >= FLOOR_MRR_AT_10
    assert metrics["abstention_accuracy"] >= FLOOR_ABSTENTION_ACCURACY


def test_the_chat_api_answers_from_milvus(cli_index, tmp_path):
    from gradio_client import Client

    # A copy of the Lite file for this process (the index keeps its name: CITEQA_INDEX is unchanged).
    shutil.copytree(cli_index["CITEQA_STORE"].removeprefix("milvus:"), tmp_path / "copy.db")
    settings = Settings.load(env={}, corpus=cli_index["CITEQA_CORPUS"], index=cli_index["CITEQA_INDEX"],
                             store=f"milvus:{tmp_path}/copy.db", port=free_port())
    blocks, url = start_app(settings)
    try:
        client = Client(url, verbose=False)
        answer = client.predict(QUESTION, api_name="/ask")
        assert answer["citations"][0]["doc_id"] == KAZAKHSTAN
        for c in answer["citations"]:
            text = client.predict(c["doc_id"], api_name="/document")["text"]
            assert text[c["start"] : c["end"]] == c["quote"]
        status = client.predict(api_name="/status")
        assert status["documents"] == 5
    finally:
        blocks.close()


# --- several indexes in one Milvus; old and killed builds ------------------------------------------------


def test_indexes_sharing_one_milvus_keep_apart_and_old_builds_are_dropped(tmp_path):
    first, second = open_store(lite(tmp_path, "user")), open_store(lite(tmp_path, "beir-eval"))
    try:
        assert first.namespace != second.namespace
        first.publish(synthetic_content(30, seed=1, dimension=8))
        second.publish(synthetic_content(50, seed=2, dimension=8))
        debris = first.collection("00000000000000_dead00", "chunks")  # what a killed build leaves
        first.client().create_collection(debris, dimension=8)
        for seed in (3, 4, 5):
            latest = first.publish(synthetic_content(20 + seed, seed=seed, dimension=8))
        assert len(first.builds()) == 2 and latest in first.builds()
        assert not first.client().has_collection(debris)
        reader = first.open_reader()
        assert reader.manifest.n_chunks == 25 and reader.lexical_search(code_word(24), 3)[0][0] == 24
        other = second.open_reader()
        assert other.manifest.n_chunks == 50 and len(second.builds()) == 1
    finally:
        first.close()
        second.close()


def test_a_busy_lite_file_and_an_unreachable_server_say_what_to_do(tmp_path):
    settings = lite(tmp_path)
    store = open_store(settings)
    try:
        store.publish(synthetic_content(10, dimension=8))
        env = cli_env(settings, CITEQA_STORE=settings.store)
        result = run(["ask", "anything"], env)
        assert result.returncode == 1 and "open in another process" in result.stderr
        assert "CITEQA_STORE=milvus://HOST:PORT" in result.stderr and "Traceback" not in result.stderr
    finally:
        store.close()
    down = Settings.load(env={}, index=tmp_path / "index", store=f"milvus://127.0.0.1:{free_port()}")
    with pytest.raises(StoreUnavailable, match="cannot reach Milvus.*CITEQA_STORE"):
        open_store(down).current_version()


def test_milvus_lite_keeps_its_data_when_the_process_ends(tmp_path):
    settings = lite(tmp_path)
    store = open_store(settings)
    version = store.publish(synthetic_content(12, dimension=8))
    store.close()
    script = ("import sys; from citeqa.settings import Settings; from retrieval.store import open_store; "
              f"r = open_store(Settings.load(env={{}}, index={str(settings.index)!r}, store={settings.store!r}))"
              ".open_reader(); print(r.version, r.manifest.n_chunks, r.lexical_search(sys.argv[1], 3)[0][0])")
    result = subprocess.run([sys.executable, "-c", script, code_word(11)], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [version, "12", "11"]


def test_without_the_milvus_extra_the_setting_says_how_to_install_it(tmp_path):
    script = ("import sys; sys.modules['pymilvus'] = None\n"
              "from citeqa.errors import SettingsError; from citeqa.settings import Settings\n"
              "from retrieval.store import open_store\n"
              f"try: open_store(Settings.load(env={{}}, store='milvus:{tmp_path}/m.db'))\n"
              "except SettingsError as e: print(e)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "make install-milvus" in result.stdout and "CITEQA_STORE" in result.stdout


def test_a_damaged_build_gives_a_clear_error(tmp_path):
    from citeqa.errors import IndexDamaged

    store = open_store(lite(tmp_path))
    try:
        version = store.publish(synthetic_content(10, dimension=8))
        store.client().drop_collection(store.collection(version, "sentences"))
        with pytest.raises(IndexDamaged, match="damaged.*citeqa index --full"):
            store.open_reader()
    finally:
        store.close()
