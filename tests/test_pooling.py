"""Quote-unit vectors pooled from their chunk's pass (late chunking): the pooling arithmetic, both
backends agreeing, and a build that reads each chunk once and gives every unit the vector of its
place in its chunk."""

import numpy as np
import pytest

from citeqa.embedding import embedder_for, embedding_input, get_embedder
from citeqa.embedding.pooling import pool_spans, unit_length
from citeqa.errors import SettingsError
from citeqa.settings import Settings
from citeqa.types import Span
from ingest.vectors import BuildVectors, _places
from retrieval.store.local import LocalIndexReader


def test_tokens_inside_a_span_are_summed_and_special_tokens_never_count():
    tokens = np.array([[9.0, 9.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [9.0, 9.0]], np.float32)
    offsets = np.array([[0, 0], [0, 3], [4, 7], [8, 10], [0, 0]])  # [CLS] "The" "big" "cat" [SEP]
    pools = pool_spans(tokens, offsets, [(0, 3), (0, 10), (4, 10), (2, 5)])
    assert pools.sums.tolist() == [[1, 0], [2, 2], [1, 2], [1, 1]]  # (2, 5) holds no token whole: the two it cuts
    assert pools.counts.tolist() == [1, 3, 2, 2]
    assert np.allclose(unit_length(pools.sums)[1], [2 ** -0.5, 2 ** -0.5])
    assert pool_spans(tokens, offsets, []).sums.shape == (0, 2)


def chunk_inputs_and_units(settings: Settings):
    """Each chunk input of the shipped index and the (start, end) in it of the units pooled from it."""
    reader = LocalIndexReader(settings.index)
    embedder = embedder_for(settings)
    texts, spans, unit_texts = [], [], []
    for doc_id, stored in reader.documents.items():
        doc = stored.document
        chunks = [c for _, c in reader.chunks_of(doc_id)]
        inputs = [embedding_input(doc.title, c.text, embedder) for c in chunks]
        asked = [[] for _ in chunks]
        for _, unit in reader.sentences_of(doc_id):
            places = _places(chunks, inputs, [c.start for c in chunks], unit)
            if len(places) == 1:
                j, lo, hi = places[0]
                asked[j].append((lo, hi))
                unit_texts.append((doc.text[unit.start : unit.end], inputs[j][lo:hi]))
        texts += inputs
        spans += asked
    reader.close()
    return texts, spans, unit_texts


def test_pooled_unit_vectors_agree_between_int8_and_torch(shipped):
    texts, spans, unit_texts = chunk_inputs_and_units(shipped)
    assert all(a == b for a, b in unit_texts)  # each unit's range in its chunk input is the unit's text
    pooled = {}
    for backend in ("onnx-int8", "torch"):
        vectors, pools = get_embedder(shipped.model, backend, shipped.cache).encode_with_spans(texts, spans, 8)
        alone = get_embedder(shipped.model, backend, shipped.cache).encode(texts)
        assert (vectors * alone).sum(axis=1).min() > 0.98  # int8: a batch's scales vary a little with its company
        pooled[backend] = unit_length(pools.sums)
        assert (pools.counts > 0).all() and pools.first[-1] == len(pools.sums) == sum(len(s) for s in spans)
    cosines = (pooled["onnx-int8"] * pooled["torch"]).sum(axis=1)
    assert len(cosines) > 150 and cosines.mean() >= 0.99 and cosines.min() >= 0.95, (cosines.mean(), cosines.min())


def test_the_index_holds_each_unit_pooled_from_its_chunk(shipped):
    """The shipped build's unit vectors are the pooled ones, not units encoded alone (which differ)."""
    texts, spans, unit_texts = chunk_inputs_and_units(shipped)
    embedder = embedder_for(shipped)
    _, pools = embedder.encode_with_spans(texts, spans)
    expected = unit_length(pools.sums)
    reader = LocalIndexReader(shipped.index)
    ids = []
    for doc_id in reader.documents:
        chunks = [c for _, c in reader.chunks_of(doc_id)]
        doc = reader.documents[doc_id].document
        inputs = [embedding_input(doc.title, c.text, embedder) for c in chunks]
        ids += [sid for sid, unit in reader.sentences_of(doc_id)
                if len(_places(chunks, inputs, [c.start for c in chunks], unit)) == 1]
    stored = reader.sentence_vectors(ids)
    alone = embedder.encode([u for u, _ in unit_texts])
    reader.close()
    assert (stored * expected).sum(axis=1).min() > 0.98  # int8: a batch's scales vary a little with its company
    assert (stored * alone).sum(axis=1).mean() < 0.95


def test_a_build_reads_each_chunk_once_and_no_unit_alone(shipped):
    embedder = embedder_for(shipped)
    text = "Harbour report\n\n" + "".join(
        f"Day {i}: the north pier was repaired. The ferry leaves at six every morning.\nFish sold: {i * 7} boxes. "
        for i in range(30))
    chunks = embedder_chunks(shipped, text)
    inputs = [embedding_input("Harbour report", c.text, embedder) for c in chunks]
    units = [Span(m, m + len("The ferry leaves at six every morning.")) for m in _find_all(text, "The ferry leaves")]
    units.append(Span(chunks[0].end - 10, chunks[1].start + 60))  # across the first two chunks
    vectors = BuildVectors(embedder, {}, 8)
    chunk_keys, unit_keys = vectors.add_document(text, chunks, inputs, units)
    vectors.finish(lambda *_: None)
    assert len(chunks) > 2 and vectors.embedded == set(chunk_keys) | set(unit_keys)
    assert len(set(unit_keys)) == len(units)  # the same sentence in other places (contexts): other vectors
    out = vectors.vectors(unit_keys)
    assert np.allclose(np.linalg.norm(out, axis=1), 1, atol=1e-4)
    again = BuildVectors(embedder, dict(zip(chunk_keys + unit_keys, vectors.vectors(chunk_keys + unit_keys))), 8)
    assert again.add_document(text, chunks, inputs, units) == (chunk_keys, unit_keys)
    again.finish(lambda *_: None)
    assert again.embedded == set()  # everything known: nothing read again


def embedder_chunks(settings: Settings, text: str):
    from ingest.chunking import Chunker, ChunkingConfig

    embedder = embedder_for(settings)
    return Chunker(ChunkingConfig(64, 16, embedder.max_tokens), embedder.count_tokens).split("h.txt", text)


def _find_all(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def test_a_unit_no_chunk_holds_is_embedded_on_its_own(shipped):
    embedder = embedder_for(shipped)
    text = "Pier notes\n\nThe north pier was repaired in May.\n\nThe ferry leaves at six every morning."
    first = embedder_chunks(shipped, text[:48])
    unit = Span(text.index("The ferry"), len(text))
    vectors = BuildVectors(embedder, {}, 8)
    _, (key,) = vectors.add_document(text, first, [c.text for c in first], [unit])
    vectors.finish(lambda *_: None)
    assert float(vectors.vectors([key])[0] @ embedder.encode_query(text[unit.start :])) > 0.98


def test_a_model_that_projects_after_pooling_gets_units_encoded_alone(tmp_path):
    """Token vectors of a model with a Dense layer after pooling are not in its vectors' space: the build
    encodes such a model's units on their own instead of pooling (and does not fail)."""
    import warnings

    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Dense

    from citeqa.embedding import resolve_model_path
    from ingest.pipeline import build_index

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = SentenceTransformer(str(resolve_model_path("all-MiniLM-L6-v2")), device="cpu")
        SentenceTransformer(modules=[base[0], base[1], Dense(384, 64)], device="cpu").save(str(tmp_path / "model"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pier.txt").write_text("Pier notes\n\nThe north pier was repaired in May. The ferry leaves at six.\n")
    settings = Settings.load(env={}, corpus=corpus, index=tmp_path / "index", model=str(tmp_path / "model"),
                             embedder="torch")
    summary = build_index(settings)
    reader = LocalIndexReader(settings.index)
    embedder = embedder_for(settings)
    units = reader.sentences_of("pier.txt")
    text = reader.documents["pier.txt"].document.text
    stored = reader.sentence_vectors([sid for sid, _ in units])
    alone = np.stack([embedder.encode_query(text[s.start : s.end]) for _, s in units])
    reader.close()
    assert summary.wrote_index and embedder.dimension == 64 and stored.shape == (len(units), 64)
    assert (stored * alone).sum(axis=1).min() > 0.999
    # The ONNX graph stops at pooling: such a model is refused there, not given 384-dimension vectors.
    for backend in ("onnx-int8", "onnx"):
        with pytest.raises(SettingsError, match=r"also has Dense: set CITEQA_EMBEDDER=torch"):
            get_embedder(str(tmp_path / "model"), backend, tmp_path / "cache")
