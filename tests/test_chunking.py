"""Chunk and sentence spans are exact, and no chunk is longer than the model reads.

Property-based on generated documents (hypothesis) and checked on the shipped corpus, with the
real tokenizer of the real model.
"""

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from ingest.chunking import Chunker, ChunkingConfig
from ingest.clean import clean_text
from citeqa.embedding import get_embedder
from ingest.load import load_corpus
from ingest.units import quote_units
from citeqa.errors import SettingsError
from conftest import CORPUS


@pytest.fixture(scope="module")
def embedder():
    return get_embedder("all-MiniLM-L6-v2")


def chunker_for(embedder, size=60, overlap=12):
    return Chunker(ChunkingConfig(size, overlap, embedder.max_tokens), embedder.count_tokens)


words = st.sampled_from(
    ["treaty", "security", "the", "Assembly", "parliament", "CSTO", "observers", "2006", "Kazakhstan’s", "déjà",
     "non-proliferation", "a", "of", "“quoted”", "Mr.", "Dr.", "e.g.", "x" * 40, "—", "#", "**bold**", "社会"]
)
sentence = st.builds(
    lambda ws, end: " ".join(ws) + end, st.lists(words, min_size=1, max_size=40), st.sampled_from([".", "?", "!", ";", ""])
)
separators = st.sampled_from([" ", "\n", "\n\n", "\n\n\n", "\n- ", "  ", "\t"])
documents = st.lists(st.tuples(sentence, separators), min_size=1, max_size=60).map(
    lambda parts: "".join(s + sep for s, sep in parts)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=documents, size=st.integers(20, 120))
def test_chunk_spans_are_exact_and_within_the_model(embedder, raw, size):
    text = clean_text(raw)
    chunks = chunker_for(embedder, size, size // 5).split("doc", text)
    assert chunks or not text.strip()
    previous_start = -1
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip() == chunk.text and chunk.text
        assert chunk.start > previous_start
        previous_start = chunk.start
        assert embedder.count_tokens(chunk.text) <= embedder.max_tokens
    # Every non-space character of the document is in some chunk: nothing is dropped.
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=80, deadline=None)
@given(raw=documents)
def test_quote_units_are_exact_ordered_and_disjoint(raw):
    text = clean_text(raw)
    spans = quote_units(text)
    end = 0
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert span.start >= end
        end = span.end


def test_shipped_corpus_chunks_and_sentences(embedder):
    chunker = chunker_for(embedder, 200, 40)
    for doc in load_corpus(CORPUS).documents:
        chunks = chunker.split(doc.doc_id, doc.text)
        assert chunks
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert chunk.n_tokens <= embedder.max_tokens
        for span in quote_units(doc.text):
            assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end]
    # A title that goes on in the next line is one unit; signature lines are units of their own.
    declaration = next(d for d in load_corpus(CORPUS).documents if d.doc_id.startswith("csto-declaration"))
    units = [declaration.text[s.start : s.end] for s in quote_units(declaration.text)]
    assert units[0].endswith("organization activity\nof June 23, 2006") and "For the Russian Federation |" in units


def test_overlap_is_kept_between_neighbouring_chunks(embedder):
    text = " ".join(f"Sentence number {i} talks about treaty article {i}." for i in range(120))
    chunks = chunker_for(embedder, 60, 20).split("doc", text)
    assert len(chunks) > 3
    assert all(b.start < a.end for a, b in zip(chunks, chunks[1:]))


def test_a_chunk_size_the_model_cannot_read_is_refused(embedder):
    with pytest.raises(SettingsError, match="CITEQA_CHUNK_TOKENS"):
        chunker_for(embedder, 400, 40)
