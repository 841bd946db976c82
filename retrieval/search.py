"""Dense, lexical and hybrid search over one index, with filters applied inside the search.

Hybrid fuses the dense (FAISS) and lexical (BM25) results by their scores, each turned into
z-scores over its own candidates and summed. Unlike reciprocal rank fusion, this keeps how far a
result stands out: an exact identifier that BM25 finds in one chunk only (a registry code, a
name) outweighs a crowd of passages that are merely similar in meaning. Measured on 2026-11-23,
against RRF (k=60): shipped questions answer@3 0.88 -> 0.92; SciFact nDCG@10 0.7317 -> 0.7418;
synthetic code lookups ranked first 99/200 -> 199/200 (README, Evaluation).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Hashable, Iterable, MutableMapping, Sequence, TypeVar

import numpy as np

from citeqa.errors import CiteqaError
from citeqa.types import Filters, Passage
from retrieval.change_log import asks_about_changes, is_a_change_log
from retrieval.definition import defines
from retrieval.options import label_line, option_asked
from retrieval.question import defined_term
from retrieval.store import IndexReader
from retrieval.store.pool import done, in_background

Timings = MutableMapping[str, float]  # stage -> milliseconds
Fusion = Callable[[Iterable[Sequence[tuple[Hashable, float]]]], list[tuple[Hashable, float]]]

CANDIDATES = 50  # per search, before fusion and diversity
# A large index's searches of one question run side by side: FAISS, numpy's products and SQLite let go of the GIL,
# so on two cores the sentence and BM25 searches run while the chunk search does (5,000 synthetic documents, 18,052
# chunks: the three 3.2-3.7 ms one after another, 2.1 ms side by side, the same results; measured 2026-12-07). Handing
# a search to another thread costs some 0.5 ms on this machine, more than the shipped corpus's searches take together,
# so a small index is searched on the calling thread (retrieval/store/pool.py: the threads).
PARALLEL_SEARCH_CHUNKS = 10_000
T = TypeVar("T")


def zscore_fusion(rankings: Iterable[Sequence[tuple[Hashable, float]]]) -> list[tuple[Hashable, float]]:
    """Scores of each ranking as z-scores over its candidates, summed; a key missing from a ranking
    gets that ranking's lowest z-score."""
    normalised = []
    for ranking in rankings:
        if not ranking:
            continue
        values = np.array([score for _, score in ranking], dtype=np.float64)
        spread = float(values.std()) or 1.0
        z = (values - values.mean()) / spread
        normalised.append(({key: float(v) for (key, _), v in zip(ranking, z)}, float(z.min())))
    keys = {key for scores, _ in normalised for key in scores}
    fused = {key: sum(scores.get(key, floor) for scores, floor in normalised) for key in keys}
    return sorted(fused.items(), key=lambda kv: (-kv[1], str(kv[0])))


def max_merge(*rankings: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """One ranking from several of the same score scale: each key keeps its best score."""
    best: dict[int, float] = {}
    for ranking in rankings:
        for key, score in ranking:
            best[key] = max(score, best.get(key, score))
    return sorted(best.items(), key=lambda kv: -kv[1])


SHORT_OPTION_CHARS = 3  # an option this short ("-Z", "-m") means another thing in another tool's manual
ENTRY_HELD_CHARS = 80  # what a passage holds past an option's label for it to hold the option's entry


def _holds_its_entry(text: str, option: str) -> bool:
    """Whether the passage holds the option's label line and some of what follows it (a passage that ends on the
    heading "--trace-warnings" holds none of what it does)."""
    at = label_line(text, option)
    if at is None:
        return False
    line_end = text.find("\n", at)
    return line_end >= 0 and len(text) - line_end >= ENTRY_HELD_CHARS


@dataclass(frozen=True)
class Candidates:
    """Raw results of each search (chunk id, score), best first."""

    dense: list[tuple[int, float]]
    lexical: list[tuple[int, float]]


class Retriever:
    """Dense (chunks and their best sentences, FAISS), lexical (BM25) and hybrid search over one index."""

    def __init__(self, reader: IndexReader, embedder, fusion: Fusion = zscore_fusion):
        self.reader = reader
        self.embedder = embedder
        self.fusion = fusion
        self._change_logs: dict[tuple[str, str], bool] = {}  # (doc id, content hash) -> a change log?

    # --- filters ------------------------------------------------------------------------------------

    def checked_filters(self, filters: Filters) -> Filters | None:
        """The filters for the store (None: no filter); an unknown document id is refused, naming it."""
        if not filters.active:
            return None
        docs = self.reader.documents
        unknown = [d for d in filters.doc_ids if d not in docs]
        if unknown:
            raise CiteqaError(
                f"unknown document id(s): {', '.join(unknown)}. Known documents: {', '.join(sorted(docs)[:20])}"
                + (" …" if len(docs) > 20 else "")
            )
        return filters

    # --- searching ----------------------------------------------------------------------------------

    def candidates(self, query: str, mode: str, depth: int, filters: Filters | None,
                   query_vector: np.ndarray | None = None, timings: Timings | None = None) -> Candidates:
        """Each search's results; `timings` gets the milliseconds of "dense" and "lexical"."""
        timings = {} if timings is None else timings
        if mode == "lexical":
            return Candidates([], _timed(timings, "lexical", self.reader.lexical_search, query, depth, filters))
        started = time.perf_counter()
        q = self.embedder.encode_query(query) if query_vector is None else query_vector
        side_by_side = self.reader.manifest.n_chunks >= PARALLEL_SEARCH_CHUNKS
        lexical = in_background(_timed, timings, "lexical", self.reader.lexical_search, query, depth, filters) \
            if side_by_side and mode == "hybrid" else None
        sentences = (in_background if side_by_side else done)(self.reader.sentence_search, q, depth, filters)
        chunks = self.reader.dense_search(q, depth, filters)
        dense = max_merge(chunks, sentences.result())[:depth]
        timings["dense"] = ms_since(started)
        if lexical is None and mode == "hybrid":
            lexical = done(_timed, timings, "lexical", self.reader.lexical_search, query, depth, filters)
        return Candidates(dense, lexical.result() if lexical is not None else [])

    def search(self, query: str, k: int = 5, mode: str = "hybrid", filters: Filters = Filters(),
               query_vector: np.ndarray | None = None, timings: Timings | None = None) -> list[Passage]:
        """The k best passages, near-duplicates (overlapping spans of one document) removed. `timings`
        gets the milliseconds of each stage: "dense", "lexical", and "fuse" (ranking and reading the passages)."""
        timings = {} if timings is None else timings
        if query_vector is None and mode != "lexical":
            query_vector = self.embedder.encode_query(query)
        depth, checked = max(CANDIDATES, 4 * k), self.checked_filters(filters)
        found = self.candidates(query, mode, depth, checked, query_vector, timings)
        started = time.perf_counter()
        ranked = self._rank(found, mode, exhaustive=checked is not None and len(found.lexical) < depth)[: 8 * k]
        chunks = self.reader.chunks([cid for cid, _ in ranked])
        cosines = {}
        if query_vector is not None and ranked:
            ids = [cid for cid, _ in ranked]
            cosines = dict(zip(ids, (self.reader.chunk_vectors(ids) @ query_vector).tolist()))
        dense_ids = {cid for cid, _ in found.dense}
        lexical_ids = {cid for cid, _ in found.lexical}
        passed_over = self._passed_over(query, [chunks[cid].doc_id for cid, _ in ranked])
        kept = [(cid, score) for cid, score in ranked if chunks[cid].doc_id not in passed_over]
        chosen: list[tuple[int, float]] = []
        for cid, score in kept:
            chunk = chunks[cid]
            if any(chunks[c].doc_id == chunk.doc_id and chunks[c].start < chunk.end and chunk.start < chunks[c].end
                   for c, _ in chosen):
                continue
            chosen.append((cid, score))
            if len(chosen) == k:
                break
        term = defined_term(query)
        if term is not None and chosen and not any(defines(chunks[c].text, term) for c, _ in chosen):
            defining = next(((c, s) for c, s in kept if defines(chunks[c].text, term)), None)
            if defining is not None:  # "What is a shim?": the passage that says what shims are, in the last place
                chosen = chosen[: k - 1] + [defining]
        option = option_asked(query)
        if option is not None and chosen and not any(_holds_its_entry(chunks[c].text, option) for c, _ in chosen):
            labelled = next(((c, s) for c, s in kept if (chunks[c].doc_id == chunks[chosen[0][0]].doc_id
                                                          or len(option) > SHORT_OPTION_CHARS)
                             and _holds_its_entry(chunks[c].text, option)), None)
            if labelled is not None:  # "What does useradd -m do?": the passage of its label "-m, --create-home" (a
                chosen = chosen[: k - 1] + [labelled]  # letter alone is no word to BM25) in the best passage's
                # document (not tar's "-Z" for ssh's), in the last place; a long name's in any document
                # ("--no-deprecation" of the command line's page, the best passage a deprecation's)
        passages = []
        for cid, score in chosen:
            chunk = chunks[cid]
            found_by = tuple(name for name, ids in (("dense", dense_ids), ("lexical", lexical_ids)) if cid in ids)
            passages.append(Passage(
                rank=len(passages) + 1, doc_id=chunk.doc_id, chunk_id=cid,
                title=self.reader.documents[chunk.doc_id].document.title, text=chunk.text,
                start=chunk.start, end=chunk.end, score=round(score, 6), found_by=found_by,
                dense_score=cosines.get(cid),
            ))
        timings["fuse"] = ms_since(started)
        return passages

    def _passed_over(self, query: str, found: Sequence[str]) -> set[str]:
        """The documents found that the question passes over: change logs, unless it asks about changes or they are
        all that was found."""
        passed_over = set() if asks_about_changes(query) else {d for d in set(found) if self._is_a_change_log(d)}
        return set() if passed_over and all(d in passed_over for d in found) else passed_over

    def _is_a_change_log(self, doc_id: str) -> bool:
        """Whether the document is a change log (retrieval/change_log.py): a question that asks nothing about
        versions, changes or times is answered from the other documents when the search finds any."""
        document = self.reader.documents[doc_id].document
        key = (doc_id, document.content_hash)
        if key not in self._change_logs:
            self._change_logs[key] = is_a_change_log(document.text)
        return self._change_logs[key]

    def search_documents(self, query: str, k: int, mode: str) -> list[tuple[str, float]]:
        """Documents ranked by their best chunk in each search, fused at document level (for evaluation); change logs
        passed over as `search` passes them over."""
        found = self.candidates(query, mode, max(CANDIDATES, 3 * k), None)
        chunks = self.reader.chunks([cid for cid, _ in found.dense] + [cid for cid, _ in found.lexical])

        passed_over = self._passed_over(query, [chunks[cid].doc_id for cid, _ in found.dense + found.lexical])

        def doc_ranking(results: list[tuple[int, float]]) -> list[tuple[str, float]]:
            best: dict[str, float] = {}
            for cid, score in results:
                if chunks[cid].doc_id not in passed_over:  # as the answer's search does
                    best.setdefault(chunks[cid].doc_id, score)
            return list(best.items())

        if mode == "dense":
            return doc_ranking(found.dense)[:k]
        if mode == "lexical":
            return doc_ranking(found.lexical)[:k]
        fused = self.fusion([doc_ranking(found.dense), doc_ranking(found.lexical)])
        return [(str(d), s) for d, s in fused[:k]]

    def _rank(self, found: Candidates, mode: str, exhaustive: bool = False) -> list[tuple[int, float]]:
        """The fused ranking. `exhaustive`: the lexical search returned every chunk of a filtered search that holds a
        word of the query, so the others score 0 in it, not unknown ("What does the brochure say about
        cybersecurity?": its one chunk with the word was the only hit, whose z-score of 0 over itself added
        nothing)."""
        if mode == "dense":
            return found.dense
        if mode == "lexical":
            return found.lexical
        lexical = found.lexical
        if exhaustive and lexical:
            held = {cid for cid, _ in lexical}
            lexical = lexical + [(cid, 0.0) for cid, _ in found.dense if cid not in held]
        return [(int(cid), s) for cid, s in self.fusion([found.dense, lexical])]


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _timed(timings: Timings, stage: str, search: Callable[..., T], *args) -> T:
    """`search(*args)`, its milliseconds kept as `stage` (its own time, where it ran beside others)."""
    started = time.perf_counter()
    found = search(*args)
    timings[stage] = ms_since(started)
    return found
