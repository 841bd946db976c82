"""A synthetic `IndexContent` of any size, made without a model: for store benchmarks and store tests.

    synthetic_content(n_chunks, seed=0, ...) -> IndexContent

A store stores and searches whatever vectors and text it is given, so its costs can be measured at
a million chunks without embedding a million chunks. The content is shaped like a real build:
documents of several chunks, chunk text that is word-like prose with Zipf-distributed word
frequencies (so BM25 posting lists have realistic lengths), sentences inside chunks, dates on two
documents in three, and unit vectors drawn mostly from a 32-dimensional subspace (real embeddings
fill a small part of their space; uniformly random vectors would be HNSW's worst case). Each chunk
also holds one unique word, `code_word(chunk_id)`, so a test knows which chunk a lexical search must
find first. The same arguments always give the same content.
"""

from __future__ import annotations

import datetime
import hashlib

import numpy as np

from citeqa.types import Chunk, Document, Span
from retrieval.store.base import IndexContent, Manifest, StoredDocument, text_hash

DIMENSION = 384  # all-MiniLM-L6-v2
VOCABULARY = 30_000
SUBSPACE = 32
NOISE = 0.1
SYLLABLES = ("ka lo mi ne ru sa ti vo de pa be zu ri fo na gu te lia mor ven dal ost "
             "ar el in on us tra pre com ser gen").split()


def code_word(chunk_id: int) -> str:
    """The word only chunk `chunk_id` contains."""
    return f"zq{np.base_repr(chunk_id, 36).lower()}x"


def vocabulary(rng: np.random.Generator) -> list[str]:
    """VOCABULARY distinct pseudo-words in random order (the first are the most frequent)."""
    words: set[str] = set()
    while len(words) < VOCABULARY:
        parts = rng.integers(0, len(SYLLABLES), size=rng.integers(2, 5))
        words.add("".join(SYLLABLES[p] for p in parts))
    return [str(w) for w in rng.permutation(sorted(words))]


def unit_vectors(n: int, rng: np.random.Generator, basis: np.ndarray, batch: int = 100_000) -> np.ndarray:
    out = np.empty((n, basis.shape[1]), dtype=np.float32)
    for lo in range(0, n, batch):
        m = min(batch, n - lo)
        x = rng.standard_normal((m, SUBSPACE), dtype=np.float32) @ basis
        x += NOISE * rng.standard_normal((m, basis.shape[1]), dtype=np.float32)
        out[lo : lo + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def synthetic_content(n_chunks: int, seed: int = 0, dimension: int = DIMENSION, chunks_per_doc: int = 4,
                      sentences_per_chunk: int = 1, words_per_chunk: int = 120) -> IndexContent:
    rng = np.random.default_rng(seed)
    words = vocabulary(rng)
    lookup = np.array(words, dtype=object)
    ranks = np.arange(1, len(words) + 1, dtype=np.float64)
    p = 1 / ranks**1.07
    p /= p.sum()
    per_sentence = max(words_per_chunk // sentences_per_chunk, 3)
    n_docs = -(-n_chunks // chunks_per_doc)
    documents, chunks, sentences = [], [], []
    drawn = rng.choice(len(words), size=(n_chunks, sentences_per_chunk, per_sentence), p=p).astype(np.int32)
    for d in range(n_docs):
        doc_id = f"synthetic/{d:07d}.txt"
        pieces, offset = [], 0
        for c in range(d * chunks_per_doc, min((d + 1) * chunks_per_doc, n_chunks)):
            chunk_start = offset
            for s in range(sentences_per_chunk):
                sentence = " ".join(lookup[drawn[c, s]]).capitalize()
                if s == 0:
                    sentence += f" {code_word(c)}"
                sentence += "."
                if s:
                    pieces.append(" ")
                    offset += 1
                sentences.append((doc_id, Span(offset, offset + len(sentence))))
                pieces.append(sentence)
                offset += len(sentence)
            chunks.append((doc_id, c - d * chunks_per_doc, chunk_start, offset))
            pieces.append("\n\n")
            offset += 2
        body = "".join(pieces).rstrip("\n")
        title = f"Report {d} on {words[d % 500]} and {words[(7 * d) % 500]}"
        day = datetime.date(2000, 1, 1) + datetime.timedelta(days=(37 * d) % 9000)
        digest = hashlib.sha256(body.encode()).hexdigest()
        document = Document(doc_id, title, body, f"/synthetic/{doc_id}", digest,
                            len(body.encode()), "txt", None if d % 3 == 0 else day.isoformat())
        documents.append(StoredDocument(document, digest[:32]))
    texts = {d.document.doc_id: d.document.text for d in documents}
    chunk_objects = [Chunk(doc_id, ordinal, start, end, texts[doc_id][start:end], int(1.3 * words_per_chunk))
                     for doc_id, ordinal, start, end in chunks]
    basis = rng.standard_normal((SUBSPACE, dimension), dtype=np.float32)
    chunk_vectors = unit_vectors(n_chunks, rng, basis)
    holder = np.repeat(np.arange(n_chunks), sentences_per_chunk)
    sentence_vectors = chunk_vectors[holder] + 0.5 * unit_vectors(len(sentences), rng, basis)
    sentence_vectors /= np.linalg.norm(sentence_vectors, axis=1, keepdims=True)
    manifest = Manifest(
        model="synthetic", embedder="none", dimension=dimension, chunk_tokens=200, chunk_overlap=0,
        title_header_tokens=0, faiss_type="", corpus="synthetic", corpus_fingerprint=f"synthetic-{seed}-{n_chunks}",
        built_at="2026-01-01T00:00:00Z", n_documents=len(documents), n_chunks=n_chunks, n_sentences=len(sentences))
    return IndexContent(
        manifest, documents, chunk_objects, chunk_vectors, [text_hash(c.text) for c in chunk_objects],
        sentences, sentence_vectors.astype(np.float32),
        [text_hash(texts[doc_id][s.start : s.end]) for doc_id, s in sentences])
