"""The index: incremental updates, atomic swaps, refusal of incompatible or damaged indexes."""

from concurrent.futures import ThreadPoolExecutor

from pathlib import Path

import pytest

from citeqa.errors import IndexDamaged, IndexIncompatible, IndexMissing, NothingToIndex, CorpusNotFound
from citeqa.settings import Settings
from ingest.pipeline import build_index
from retrieval.service import build_service
from retrieval.store.local import LocalIndexReader as IndexReader, current_build


KAZAKHSTAN = "kazakhstan-elections-international-observers.txt"


@pytest.fixture()
def settings(corpus_copy, tmp_path) -> Settings:
    return Settings.load(env={}, corpus=corpus_copy, index=tmp_path / "index")


def chunk_texts(reader: IndexReader, doc_id: str) -> list[str]:
    return [c.text for _, c in reader.chunks_of(doc_id)]


def test_first_build_then_noop(settings):
    first = build_index(settings)
    assert len(first.added) == 5 and first.wrote_index and first.chunks_embedded == first.n_chunks > 0
    reader = IndexReader(settings.index)
    assert reader.manifest.n_documents == 5 and reader.manifest.model == "all-MiniLM-L6-v2"
    assert reader.faiss_index.ntotal == first.n_chunks
    for stored in reader.documents.values():
        for _, chunk in reader.chunks_of(stored.document.doc_id):
            assert stored.document.text[chunk.start : chunk.end] == chunk.text
    again = build_index(settings)
    assert not again.wrote_index and len(again.unchanged) == 5 and again.chunks_embedded == 0
    assert current_build(settings.index) == reader.build


def test_changing_one_file_embeds_only_its_changed_chunks(settings):
    build_index(settings)
    before = IndexReader(settings.index)
    doc_id = "csto-pa-brochure.txt"
    old_chunks = chunk_texts(before, doc_id)
    path = settings.corpus / doc_id
    path.write_text(path.read_text(encoding="utf-8") + "\n\nA new closing paragraph about the Assembly's archive.\n",
                    encoding="utf-8")
    summary = build_index(settings)
    after = IndexReader(settings.index)
    new_chunks = chunk_texts(after, doc_id)
    expected = len([t for t in new_chunks if t not in old_chunks])
    assert summary.changed == [doc_id] and len(summary.unchanged) == 4
    assert 1 <= summary.chunks_embedded == expected < len(new_chunks)
    # Quote units are pooled from their chunk's pass: only the units of the new chunks get new vectors.
    fresh = [c for _, c in after.chunks_of(doc_id) if c.text not in old_chunks]
    in_fresh = [s for _, s in after.sentences_of(doc_id) if any(c.start < s.end and s.start < c.end for c in fresh)]
    assert 1 <= summary.sentences_embedded <= len(in_fresh) < len(after.sentences_of(doc_id))
    assert after.build != before.build


def test_new_splitting_rules_split_every_document_again_and_reuse_its_vectors(settings, monkeypatch):
    """An upgrade that changes how documents are split into chunks and quote units: the texts are the same, but the
    next build splits them again (it had kept the units the old rules made), re-embedding nothing it can reuse."""
    import ingest.pipeline

    build_index(settings)
    before = IndexReader(settings.index)
    monkeypatch.setattr(ingest.pipeline, "splitting_code", lambda: "rules of another release")
    summary = build_index(settings)
    assert summary.wrote_index and len(summary.changed) == 5 and not summary.unchanged
    assert summary.chunks_embedded == 0 and summary.sentences_embedded == 0  # the same texts: the same vectors
    after = IndexReader(settings.index)
    assert after.build != before.build and after.manifest.n_chunks == before.manifest.n_chunks
    assert not build_index(settings).wrote_index


def test_removed_file_leaves_the_index_and_added_file_joins(settings):
    build_index(settings)
    (settings.corpus / "kazakhstan-elections-international-observers.txt").unlink()
    (settings.corpus / "notes").mkdir()
    (settings.corpus / "notes" / "new.md").write_text("# Minutes\n\nThe commission met on 3 May 2024 in Yerevan.")
    summary = build_index(settings)
    assert summary.removed == ["kazakhstan-elections-international-observers.txt"]
    assert summary.added == ["notes/new.md"]
    reader = IndexReader(settings.index)
    assert "kazakhstan-elections-international-observers.txt" not in reader.documents
    assert reader.chunks_of("kazakhstan-elections-international-observers.txt") == []
    assert reader.documents["notes/new.md"].document.date == "2024-05-03"
    assert reader.lexical_search("Yerevan", 5) and reader.lexical_search("Markevich", 5) == []


def test_full_rebuild_embeds_everything(settings):
    first = build_index(settings)
    full = build_index(settings, full=True)
    assert full.wrote_index and full.chunks_embedded == first.n_chunks and len(full.added) == 5


def test_missing_corpus_and_nothing_to_index(settings, tmp_path):
    with pytest.raises(CorpusNotFound, match=str(tmp_path / "nowhere")):
        build_index(settings.replace(corpus=tmp_path / "nowhere"))
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("")
    with pytest.raises(NothingToIndex, match="blank.txt|1 skipped"):
        build_index(settings.replace(corpus=empty))


def test_nothing_to_index_leaves_the_previous_index(settings, tmp_path):
    build_index(settings)
    build = current_build(settings.index)
    for f in settings.corpus.iterdir():
        f.unlink()
    with pytest.raises(NothingToIndex):
        build_index(settings)
    assert current_build(settings.index) == build


def test_index_built_with_other_chunking_is_refused_with_how_to_rebuild(settings):
    build_index(settings)
    other = settings.replace(chunk_tokens=120)
    with pytest.raises(IndexIncompatible, match="citeqa index --full"):
        build_service(other).ask("Who is Kent Harstedt?")
    with pytest.raises(IndexIncompatible, match="citeqa index --full"):
        build_index(other)
    assert build_index(other, full=True).wrote_index
    assert build_service(other).ask("Who is Kent Harstedt?").passages


def test_no_index_yet(settings):
    with pytest.raises(IndexMissing, match="citeqa index"):
        build_service(settings).ask("anything")


@pytest.mark.parametrize("damage", ["faiss", "sqlite", "vectors"])
def test_damaged_index_gives_a_clear_error(settings, damage):
    build_index(settings)
    build = current_build(settings.index)
    if damage == "faiss":
        (build / "chunks.faiss").write_bytes(b"garbage")
    elif damage == "sqlite":
        (build / "index.sqlite").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    else:
        (build / "chunk_vectors.npy").write_bytes((build / "chunk_vectors.npy").read_bytes()[:200])
    with pytest.raises(IndexDamaged, match="damaged.*citeqa index --full"):
        IndexReader(settings.index)
    # A damaged index does not stop an update: it is rebuilt whole.
    assert build_index(settings).wrote_index
    assert IndexReader(settings.index).manifest.n_documents == 5


def new_note(settings: Settings, n: int) -> None:
    """A small change to the corpus, so that the next build is a cheap incremental one that publishes."""
    (settings.corpus / "note.txt").write_text(f"Note {n}\n\nThe archive received {n} new boxes of minutes.\n")


def test_old_builds_are_removed_once_no_reader_holds_them(settings):
    """A build is never deleted under a reader (in any thread or process); once unread, the next build
    removes it. Builds that never completed are removed too."""
    build_index(settings)
    stale = settings.index / "builds" / "00000000T000000-1-dead"
    stale.mkdir()
    (stale / "index.sqlite").write_bytes(b"partial")
    reader = IndexReader(settings.index)
    for n in range(3):
        new_note(settings, n)
        assert build_index(settings).wrote_index
    builds = {p.name for p in (settings.index / "builds").iterdir()}
    assert builds == {reader.build.name, current_build(settings.index).name}
    with ThreadPoolExecutor(1) as fresh_thread:  # a new thread opens a new SQLite connection to the old build
        found = fresh_thread.submit(reader.lexical_search, "Markevich", 3).result()
    assert found and reader.chunks([found[0][0]])[found[0][0]].doc_id == KAZAKHSTAN
    reader.close()
    new_note(settings, 3)
    build_index(settings)
    assert [p.name for p in (settings.index / "builds").iterdir()] == [current_build(settings.index).name]


def test_an_index_at_a_relative_path_keeps_its_current_build(settings, tmp_path, monkeypatch):
    """The default index folder is relative (.citeqa/index): pruning must not mistake the current build
    for an old one because one path is relative and the other resolved."""
    monkeypatch.chdir(tmp_path)
    relative = settings.replace(index=Path("rel") / "index")
    for _ in range(2):
        assert build_index(relative, full=True).wrote_index
        assert current_build(relative.index) is not None
        assert IndexReader(relative.index).manifest.n_documents == 5


def test_above_the_exact_threshold_the_index_is_hnsw_and_still_finds_and_filters(settings):
    import faiss

    small = settings.replace(exact_index_max=10)
    build_index(small)
    reader = IndexReader(small.index)
    assert reader.manifest.faiss_type == "hnsw" and isinstance(reader.faiss_index, faiss.IndexHNSW)
    service = build_service(small)
    answer = service.ask("How many international observers from the CIS Interparliamentary Assembly?")
    assert answer.passages[0].doc_id == "kazakhstan-elections-international-observers.txt"
    from citeqa.types import Filters

    only = service.ask("observers", k=3, filters=Filters(doc_ids=("csto-pa-brochure.txt",)))
    assert len(only.passages) == 3 and {p.doc_id for p in only.passages} == {"csto-pa-brochure.txt"}


def test_document_frequencies_are_remembered_within_a_bound(shipped, monkeypatch):
    """Every distinct word asked is looked up once per build, and at most DF_CACHE_TERMS are kept."""
    from retrieval.store import local

    monkeypatch.setattr(local, "DF_CACHE_TERMS", 10)
    reader = local.LocalIndexReader(shipped.index)
    frequencies = reader.term_document_frequencies([f"zzword{i}" for i in range(25)] + ["observ"])
    assert frequencies["observ"] > 0 and frequencies["zzword3"] == 0
    assert len(reader._df_cache) == 10  # the bound, the oldest words forgotten
    assert reader.term_document_frequencies(["observ"]) == {"observ": frequencies["observ"]}
    reader.close()


def test_adding_a_document_leaves_every_other_document_as_it_was(tmp_path):
    """Cleaning depends on a document's own file only: a new file that shares lines with others (here a
    newsletter line, now in 3 of 5 documents) changes no other document's text, fingerprint or chunks,
    and only the new file is embedded."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shared = "Subscribe to the Harbour Gazette newsletter"
    for name, body in (("a.txt", f"Ferry timetables\n\nThe morning ferry leaves at six.\n{shared}"),
                       ("b.txt", f"Pier repairs\n\nThe north pier was repaired in May.\n{shared}"),
                       ("c.txt", "Fish market\n\nThe fish market opens on Tuesdays."),
                       ("d.txt", "Lighthouse\n\nThe lighthouse keeper retired last year.")):
        (corpus / name).write_text(body, encoding="utf-8")
    settings = Settings.load(env={}, corpus=corpus, index=tmp_path / "index")
    build_index(settings)
    before = IndexReader(settings.index)
    (corpus / "e.txt").write_text(f"Harbour dues\n\nHarbour dues rose by a tenth.\n{shared}", encoding="utf-8")
    summary = build_index(settings)
    after = IndexReader(settings.index)
    assert summary.added == ["e.txt"] and summary.unchanged == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert summary.chunks_embedded == len(after.chunks_of("e.txt"))
    assert 0 < summary.sentences_embedded <= len(after.sentences_of("e.txt"))  # the shared line's vector is reused
    for doc_id, old in before.documents.items():
        assert after.documents[doc_id] == old and shared in after.documents["a.txt"].document.text
        assert chunk_texts(after, doc_id) == chunk_texts(before, doc_id)
    before.close()
    after.close()


def test_batched_reads_give_what_one_at_a_time_reads_give(shipped):
    """The question path's batch lookups (sentences of several passages, word counts) against the single ones."""
    from retrieval.store.local import ExactIndex

    reader = IndexReader(shipped.index)
    assert isinstance(reader.faiss_index, ExactIndex)  # a small index: exact, searched without FAISS
    spans = [(c.doc_id, c.start, c.end) for _, c in reader.chunks_of("csto-pa-brochure.txt")[:3]]
    spans.append(("kazakhstan-elections-international-observers.txt", 0, 400))
    assert reader.sentences_within_spans(spans) == [reader.sentences_within(*span) for span in spans]
    words = ["assembly", "observers", "zzzunknown", "assembly"]
    cold = reader.term_document_frequencies(words)
    fresh = IndexReader(shipped.index)
    single = {w: fresh.term_document_frequencies([w])[w] for w in words}
    assert cold == single and cold["zzzunknown"] == 0 and cold["assembly"] > 0
    assert reader.term_document_frequencies(words) == cold  # remembered
    assert len(reader.documents) == 5 and "csto-pa-brochure.txt" in reader.documents
    assert "missing.txt" not in reader.documents and reader.documents.get("missing.txt") is None


def test_an_index_whose_units_were_encoded_alone_is_brought_up_to_pooled_units(settings):
    """Indexes built before quote units were pooled from their chunk's pass: the next build (even with
    no document changed) pools every unit again, and reuses nothing it should not."""
    import sqlite3

    build_index(settings)
    with sqlite3.connect(current_build(settings.index) / "index.sqlite") as db:
        db.execute("DELETE FROM manifest WHERE key = 'unit_vectors'")  # what an older build wrote
    assert IndexReader(settings.index).manifest.unit_vectors == "alone"
    summary = build_index(settings)
    after = IndexReader(settings.index)
    assert summary.wrote_index and len(summary.unchanged) == 5
    assert summary.sentences_embedded == after.manifest.n_sentences and after.manifest.unit_vectors == "pooled"
    assert not build_index(settings).wrote_index


def test_a_long_exact_scan_is_split_over_the_search_threads_and_finds_the_same():
    """From SPLIT_SCAN_ROWS vectors an exact search scans its parts side by side (on the search pool's threads): the
    same scores, bit for bit, and the same top k as one scan over them all."""
    import threading

    import numpy as np

    from retrieval.store import local

    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((local.SPLIT_SCAN_ROWS + 1001, 48)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = local.ExactIndex(vectors)
    seen: set[str] = set()
    products = local._products

    def recorded(part, query):
        seen.add(threading.current_thread().name)
        return products(part, query)

    for seed in range(5):
        query = vectors[seed * 977] + 0.2 * rng.standard_normal(48).astype(np.float32)
        whole = np.einsum("ij,j->i", vectors, query).astype(np.float32)
        local._products = recorded
        try:
            scores, ids = index.search(query[None, :], 50)
        finally:
            local._products = products
        expected = np.argsort(-whole, kind="stable")[:50]
        assert np.array_equal(index._scores(query), whole)
        assert np.array_equal(ids[0], expected) and np.array_equal(scores[0], whole[expected])
    assert any(name.startswith("citeqa-search") for name in seen) and threading.current_thread().name in seen
