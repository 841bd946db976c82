"""One contract for every store backend: `local` (FAISS + SQLite), `milvus-lite` (Milvus Lite in a file)
and `milvus-server` (a running Milvus, when CITEQA_TEST_MILVUS names it, e.g. milvus://127.0.0.1:19530;
skipped otherwise).

Searches, filters and lookups are checked on a synthetic build published straight into the store
(1,200 documents, no model: dense results must equal a brute-force search over the same vectors);
updates, deletes, a build killed mid-write and the quoted answers are checked through the real
pipeline (real model, shipped corpus). Each backend builds each of these once per session.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from conftest import CORPUS, ROOT, cli_env
from citeqa.settings import Settings
from citeqa.types import Filters
from eval.synthetic_index import code_word, synthetic_content
from ingest.pipeline import build_index
from retrieval.service import build_service
from retrieval.store import open_store
from retrieval.store.lexical import index_words

SERVER = os.environ.get("CITEQA_TEST_MILVUS", "")
BACKENDS = ["local", "milvus-lite", "milvus-server"]
KAZAKHSTAN = "kazakhstan-elections-international-observers.txt"
DECLARATION = "csto-declaration-2006-efficiency.txt"
BROCHURE = "csto-pa-brochure.txt"
QUESTIONS = [
    ("Who coordinated the CSTO PA observer group in Kazakhstan?", KAZAKHSTAN),
    ("When was the CSTO declaration on further enhancement and increase in efficiency adopted?", DECLARATION),
    ("Who met with the heads of the OSCE mission to observe Belarus' parliamentary elections?",
     "belarus-osce-election-observers-meeting.txt"),
]


def backend_settings(backend: str, folder, **values) -> Settings:
    """Settings for a fresh index of `backend` in `folder` (a Milvus server index gets its own namespace)."""
    stores = {"local": "local", "milvus-lite": f"milvus:{folder}/milvus.db", "milvus-server": SERVER}
    return Settings.load(env={}, index=folder / "index", store=stores[backend], **values)


def drop_index(settings: Settings) -> None:
    """Remove a test index from a shared Milvus server (its alias first, then its collections)."""
    store = open_store(settings)
    client = store.client()
    if store.current_version() is not None:
        client.drop_alias(store.namespace)
    store._drop_builds(keep=None)
    store.close()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    if request.param == "milvus-server" and not SERVER:
        pytest.skip("set CITEQA_TEST_MILVUS=milvus://HOST:PORT to run the contract against a Milvus server")
    return request.param


@pytest.fixture(scope="session")
def made(tmp_path_factory, backend):
    """A factory of fresh settings for `backend`, each in its own folder; server indexes dropped at the end."""
    made: list[Settings] = []

    def make(**values) -> Settings:
        settings = backend_settings(backend, tmp_path_factory.mktemp(backend), **values)
        made.append(settings)
        return settings

    yield make
    if backend == "milvus-server":
        for settings in made:
            drop_index(settings)


# --- searches, filters and lookups on a synthetic build ---------------------------------------------

DIM = 32


@pytest.fixture(scope="session")
def content():
    """1,200 documents (more than SQLite's limit of bound variables), 2,400 chunks, 4,800 sentences."""
    return synthetic_content(2400, seed=3, dimension=DIM, chunks_per_doc=2, sentences_per_chunk=2, words_per_chunk=30)


@pytest.fixture(scope="session")
def synthetic(made, content):
    store = open_store(made())
    store.publish(content)
    reader = store.open_reader()
    yield reader
    reader.close()
    store.close()


def query_vector(seed: int, content) -> np.ndarray:
    """A query near one chunk (as a question is near its answer), unit length."""
    rng = np.random.default_rng(seed)
    q = content.chunk_vectors[rng.integers(len(content.chunks))] + 0.3 * rng.standard_normal(DIM)
    return (q / np.linalg.norm(q)).astype(np.float32)


def allowed_chunks(content, filters: Filters | None) -> np.ndarray:
    dates = {d.document.doc_id: d.document.date for d in content.documents}
    keep = []
    for i, c in enumerate(content.chunks):
        date = dates[c.doc_id]
        if filters and filters.doc_ids and c.doc_id not in filters.doc_ids:
            continue
        if filters and (filters.date_from or filters.date_to) and (
                date is None or date < (filters.date_from or "") or date > (filters.date_to or "9999")):
            continue
        keep.append(i)
    return np.array(keep, dtype=np.int64)


def brute_force(vectors: np.ndarray, q: np.ndarray, k: int, allowed: np.ndarray) -> list[int]:
    scores = vectors[allowed] @ q
    return [int(allowed[i]) for i in np.argsort(-scores, kind="stable")[:k]]


DOC_IDS = tuple(f"synthetic/{d:07d}.txt" for d in range(0, 1200, 97))
FILTERS = {
    "none": None,
    "documents": Filters(doc_ids=DOC_IDS),
    "dates": Filters(date_from="2005-01-01", date_to="2012-12-31"),
    "from": Filters(date_from="2020-01-01"),
    "both": Filters(doc_ids=DOC_IDS, date_from="2003-06-01"),
    "1000 documents": Filters(doc_ids=tuple(f"synthetic/{d:07d}.txt" for d in range(100, 1100))),
}


@pytest.mark.parametrize("name", FILTERS)
def test_dense_search_is_the_exact_top_k_inside_the_filter(synthetic, content, name):
    filters = FILTERS[name]
    allowed = allowed_chunks(content, filters)
    assert 0 < len(allowed) <= len(content.chunks)
    for seed in range(3):
        q = query_vector(seed, content)
        hits = synthetic.dense_search(q, 10, filters)
        assert [cid for cid, _ in hits] == brute_force(content.chunk_vectors, q, 10, allowed)
        expected = content.chunk_vectors[[cid for cid, _ in hits]] @ q
        assert np.allclose([s for _, s in hits], expected, atol=1e-4)


@pytest.mark.parametrize("name", ["none", "dates", "1000 documents"])
def test_sentence_search_ranks_chunks_by_their_best_sentence(synthetic, content, name):
    filters = FILTERS[name]
    allowed = set(allowed_chunks(content, filters).tolist())
    holder = np.repeat(np.arange(len(content.chunks)), 2)
    q = query_vector(7, content)
    scores = content.sentence_vectors @ q
    best: dict[int, float] = {}
    for sid in np.argsort(-scores):
        if int(holder[sid]) in allowed:
            best.setdefault(int(holder[sid]), float(scores[sid]))
    hits = synthetic.sentence_search(q, 8, filters)
    assert [cid for cid, _ in hits] == list(best)[:8]
    assert np.allclose([s for _, s in hits], list(best.values())[:8], atol=1e-4)


def test_lexical_search_finds_a_chunk_by_its_one_word_and_ranks_by_bm25(synthetic, content):
    for cid in (0, 777, 2399):
        hits = synthetic.lexical_search(f"the {code_word(cid).upper()} of", 5)
        assert hits[0][0] == cid and len(hits) == 1  # stop words and case do not matter
    common = content.chunks[5].text.split()[1].lower()
    hits = synthetic.lexical_search(f"{common} {code_word(42)}", 20)
    assert hits[0][0] == 42  # the rare word outweighs the common one
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    titles = {d.document.doc_id: d.document.title for d in content.documents}
    stem = index_words(common)[0]
    for cid, _ in hits[1:]:  # the others hold the common word (or a word of the same stem), in title or text
        chunk = content.chunks[cid]
        assert stem in index_words(f"{titles[chunk.doc_id]} {chunk.text}")
    assert synthetic.lexical_search("the of and", 5) == [] and synthetic.lexical_search("nosuchwordanywhere", 5) == []


def test_lexical_search_applies_the_filters_inside_the_search(synthetic, content):
    inside = DOC_IDS[3]
    cid = next(i for i, c in enumerate(content.chunks) if c.doc_id == inside)
    word = code_word(cid)
    assert synthetic.lexical_search(word, 5, Filters(doc_ids=(inside,)))[0][0] == cid
    assert synthetic.lexical_search(word, 5, Filters(doc_ids=(DOC_IDS[4],))) == []
    common = content.chunks[0].text.split()[2].lower()
    for name in ("documents", "dates", "both", "1000 documents"):
        allowed = set(allowed_chunks(content, FILTERS[name]).tolist())
        hits = synthetic.lexical_search(common, 30, FILTERS[name])
        assert hits and {c for c, _ in hits} <= allowed


def test_searches_from_several_threads_at_once_find_what_they_find_alone(synthetic, content):
    """A large index's question runs its sentence and BM25 searches on worker threads beside its chunk search
    (retrieval/search.py), and a chat answers several questions at once: every search of one reader, from four threads
    at once, finds what it finds alone."""
    from concurrent.futures import ThreadPoolExecutor

    searches = []
    for seed in range(12):
        q = query_vector(seed, content)
        filters = FILTERS[("none", "dates", "documents")[seed % 3]]
        searches += [(synthetic.dense_search, q, 10, filters), (synthetic.sentence_search, q, 10, filters),
                     (synthetic.lexical_search, f"{code_word(seed * 97)} {content.chunks[seed].text.split()[2]}", 10,
                      filters)]
    alone = [search(*args) for search, *args in searches]
    with ThreadPoolExecutor(4) as pool:
        at_once = list(pool.map(lambda job: job[0](*job[1:]), searches * 3))
    assert at_once == alone * 3 and sum(map(bool, alone)) >= 2 * len(alone) // 3  # most find something


def test_a_filter_nothing_matches_finds_nothing(synthetic, content):
    q = query_vector(1, content)
    nowhere = Filters(date_from="1990-01-01", date_to="1990-12-31")
    assert synthetic.dense_search(q, 5, nowhere) == synthetic.sentence_search(q, 5, nowhere) == []
    assert synthetic.lexical_search(code_word(3), 5, nowhere) == []
    unknown = Filters(doc_ids=("no/such/document.txt",))
    assert synthetic.dense_search(q, 5, unknown) == [] and synthetic.lexical_search(code_word(3), 5, unknown) == []


def test_lookups_return_what_was_published(synthetic, content):
    m = synthetic.manifest
    assert (m.n_documents, m.n_chunks, m.n_sentences, m.dimension) == (1200, 2400, 4800, DIM)
    assert m.faiss_type == "flat" and synthetic.version
    assert set(synthetic.documents) == {d.document.doc_id for d in content.documents}
    for stored in content.documents[:50] + content.documents[-3:]:
        assert synthetic.documents[stored.document.doc_id] == stored
    ids = [2399, 0, 5, 5, 1234]
    chunks = synthetic.chunks(ids)
    assert set(chunks) == set(ids) and all(chunks[i] == content.chunks[i] for i in ids)
    assert np.array_equal(synthetic.chunk_vectors(ids), content.chunk_vectors[ids])
    assert np.array_equal(synthetic.sentence_vectors([4799, 0, 0]), content.sentence_vectors[[4799, 0, 0]])
    doc = content.documents[600].document.doc_id
    assert synthetic.chunks_of(doc) == [(1200, content.chunks[1200]), (1201, content.chunks[1201])]
    assert synthetic.sentences_of(doc) == [(i, content.sentences[i][1]) for i in range(2400, 2404)]
    middle = content.chunks[1200]
    assert synthetic.sentences_within(doc, middle.start, middle.start + 1) == [(2400, content.sentences[2400][1])]
    assert synthetic.chunks_of("no/such.txt") == [] and synthetic.sentences_of("no/such.txt") == []


def test_term_frequencies_and_vectors_by_hash(synthetic, content):
    assert synthetic.term_document_frequencies([code_word(9), code_word(10).upper(), "nosuchword"]) == {
        code_word(9): 1, code_word(10).upper(): 1, "nosuchword": 0}
    seen = {}
    for kind, key, vector in synthetic.vectors_by_hash():
        seen[(kind, key)] = vector
    expected = {("chunk", k): v for k, v in zip(content.chunk_keys, content.chunk_vectors)}
    expected |= {("sentence", k): v for k, v in zip(content.sentence_keys, content.sentence_vectors)}
    assert seen.keys() == expected.keys()
    assert all(np.array_equal(seen[key], expected[key]) for key in expected)


@pytest.mark.parametrize("filtered_search", ["exact over the allowed rows", "the graph with the filter inside"])
def test_above_the_exact_threshold_the_index_is_approximate_and_still_finds_and_filters(made, content, filtered_search,
                                                                                        monkeypatch):
    if filtered_search == "the graph with the filter inside":  # what `local` does when a filter allows many rows
        monkeypatch.setattr("retrieval.store.local.FILTERED_EXACT_MAX", 0)
    store = open_store(made(exact_index_max=1000))
    try:
        store.publish(content)
        reader = store.open_reader()
        assert reader.manifest.faiss_type == "hnsw"
        found = {name: 0 for name in ("none", "dates", "1000 documents")}
        for seed in range(5):
            q = query_vector(seed, content)
            for name in found:
                allowed = allowed_chunks(content, FILTERS[name])
                hits = {c for c, _ in reader.dense_search(q, 10, FILTERS[name])}
                assert hits <= set(allowed.tolist())
                found[name] += len(hits & set(brute_force(content.chunk_vectors, q, 10, allowed)))
                by_sentence = reader.sentence_search(q, 10, FILTERS[name])
                assert by_sentence and {c for c, _ in by_sentence} <= set(allowed.tolist())
        assert min(found.values()) >= 45, found  # recall@10 of at least 0.9, filtered or not
        assert reader.lexical_search(code_word(11), 3)[0][0] == 11
    finally:
        store.close()


def test_a_reader_keeps_its_build_while_a_new_one_is_published(made, content):
    small = synthetic_content(40, seed=5, dimension=DIM)
    other = synthetic_content(60, seed=6, dimension=DIM)
    store = open_store(made())
    try:
        first = store.publish(small)
        before = store.open_reader()
        second = store.publish(other)
        assert second != first and store.current_version() == second
        assert before.version == first and before.manifest.n_chunks == 40
        assert before.lexical_search(code_word(39), 3)[0][0] == 39 and len(before.chunks([39])) == 1
        after = store.open_reader()
        assert after.manifest.n_chunks == 60 and after.lexical_search(code_word(59), 3)[0][0] == 59
    finally:
        store.close()


# --- the real pipeline: quoted answers, updates, deletes, a killed build ---------------------------------


@pytest.fixture(scope="session")
def shipped_index(request, backend, made, tmp_path_factory) -> Settings:
    if backend == "local":
        return request.getfixturevalue("shipped")  # the session's index of the shipped corpus (conftest)
    corpus = tmp_path_factory.mktemp("contract-corpus") / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = made(corpus=corpus)
    build_index(settings)
    return settings


def test_every_quote_is_the_exact_text_of_its_citation(shipped_index):
    service = build_service(shipped_index)
    try:
        documents = service.documents()
        for question, source in QUESTIONS:
            answer = service.ask(question)
            assert not answer.abstained and answer.citations[0].doc_id == source
            for c in answer.citations:
                assert documents[c.doc_id].text[c.start : c.end] == c.quote
            for p in answer.passages:
                assert documents[p.doc_id].text[p.start : p.end] == p.text
        only = service.ask("observers", filters=Filters(doc_ids=(BROCHURE,)))
        assert only.passages and {p.doc_id for p in only.passages} == {BROCHURE}
        dated = service.ask("What does the declaration charge the Secretary General with?",
                            filters=Filters(date_from="2006-01-01", date_to="2006-12-31"))
        assert dated.passages and {p.doc_id for p in dated.passages} == {DECLARATION}
    finally:
        service.store.close()


def small_corpus(folder):
    folder.mkdir(parents=True)
    for name in (KAZAKHSTAN, BROCHURE):
        shutil.copy(CORPUS / name, folder / name)
    return folder


def test_updates_embed_only_new_text_and_deletes_leave_the_index(made, tmp_path):
    settings = made(corpus=small_corpus(tmp_path / "corpus"))
    first = build_index(settings)
    assert first.wrote_index and first.chunks_embedded == first.n_chunks
    assert not build_index(settings).wrote_index  # nothing changed: nothing written

    path = settings.corpus / BROCHURE
    path.write_text(path.read_text(encoding="utf-8") + "\n\nThe Assembly keeps its archive in Zelenograd.\n",
                    encoding="utf-8")
    (settings.corpus / "notes.md").write_text("# Minutes\n\nThe commission met on 3 May 2024 in Yerevan.")
    store = open_store(settings)
    try:
        before = store.open_reader()
        kazakhstan = before.chunks_of(KAZAKHSTAN)
        old_texts = {c.text for _, c in before.chunks_of(BROCHURE)}
        update = build_index(settings)
        after = store.open_reader()
        new_texts = [c.text for _, c in after.chunks_of(BROCHURE)]
        assert update.changed == [BROCHURE] and update.added == ["notes.md"] and update.unchanged == [KAZAKHSTAN]
        assert update.chunks_embedded == len([t for t in new_texts if t not in old_texts]) + 1  # + notes.md
        assert update.chunks_embedded < update.n_chunks
        assert [c for _, c in after.chunks_of(KAZAKHSTAN)] == [c for _, c in kazakhstan]
        assert np.array_equal(after.chunk_vectors([i for i, _ in after.chunks_of(KAZAKHSTAN)]),
                              before.chunk_vectors([i for i, _ in kazakhstan]))
        assert after.lexical_search("Zelenograd", 3) and after.lexical_search("Yerevan", 3)
        assert after.documents["notes.md"].document.date == "2024-05-03"

        (settings.corpus / "notes.md").unlink()
        removal = build_index(settings)
        gone = store.open_reader()
        assert removal.removed == ["notes.md"] and removal.chunks_embedded == 0
        assert "notes.md" not in gone.documents and gone.chunks_of("notes.md") == []
        assert gone.lexical_search("Yerevan", 3) == [] and gone.manifest.n_documents == 2
    finally:
        store.close()


KILL_HOOKS = {
    # local: the files are written and one is half-overwritten when the process dies
    "local": """
        import retrieval.store.local as store
        real = store._write_files
        def hook(build, content, exact_index_max):
            real(build, content, exact_index_max)
            (build / "index.sqlite").write_bytes(b"half")
            os.kill(os.getpid(), signal.SIGKILL)
        store._write_files = hook
    """,
    # milvus: chunks and sentences are written, the process dies inserting the third collection
    "milvus": """
        import retrieval.store.milvus as store
        real, calls = store.insert, []
        def hook(client, collection, rows):
            calls.append(collection)
            if len(calls) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            real(client, collection, rows)
        store.insert = hook
    """,
}


def test_a_build_killed_while_writing_leaves_the_previous_one_serving(made, tmp_path, backend):
    settings = made(corpus=small_corpus(tmp_path / "corpus"))
    build_index(settings)
    store = open_store(settings)
    version = store.current_version()
    store.close()  # Milvus Lite: one process at a time
    (settings.corpus / "notes.md").write_text("# Minutes\n\nThe commission met on 3 May 2024 in Yerevan.")
    hook = textwrap.dedent(KILL_HOOKS[backend.split("-")[0]])
    script = f"import os, signal, sys\n{hook}\nfrom ui.cli import main\nsys.exit(main(['index']))\n"
    env = cli_env(settings, CITEQA_STORE=settings.store)
    proc = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]

    service = build_service(settings)
    try:
        assert service.store.current_version() == version
        answer = service.ask(QUESTIONS[0][0])
        assert answer.citations and answer.citations[0].doc_id == KAZAKHSTAN
    finally:
        service.store.close()
    assert build_index(settings).added == ["notes.md"]  # the next build cleans up after the killed one
    store = open_store(settings)
    try:
        assert store.current_version() != version
        if backend.startswith("milvus"):
            assert len(store.builds()) == 2  # the new build and the one before it, nothing of the killed one
    finally:
        store.close()
