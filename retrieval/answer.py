"""Answers made of the corpus's own sentences, quoted verbatim, each with a citation to its exact span.

`Answerer` is the seam: the extractive answerer here is the default and works offline; a generative
answerer (for example a model behind an OpenAI-compatible endpoint) implements the same method and
plugs in without touching retrieval.

Sentence ranking uses meaning and wording: the cosine similarity of the sentence's vector (computed
at index time, so answering costs no model call) to the question's, and the IDF-weighted share of the
question's content words the sentence contains.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

import numpy as np

from citeqa.types import Citation, Passage, Span
from retrieval.store import IndexReader
from retrieval.text import content_words, stems

SEMANTIC_WEIGHT = 0.6
ANSWER_PASSAGES = 5  # sentences are drawn from the top passages only
ANSWER_PASSAGES_FOR_COVERAGE = 3
RELATIVE_FLOOR = 0.85  # further sentences must score at least this share of the best one
NOT_FOUND = "The documents do not say."
# A "sentence" of one or two words is a heading, a list item or a name on its own line ("CSTO PA",
# "- Serbia"): quoted alone it states nothing a reader can check, so it is never an answer.
MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class ScoredSentence:
    doc_id: str
    title: str
    start: int
    end: int
    text: str
    semantic: float
    lexical: float
    passage_rank: int
    context_score: float  # the score against the first (resolved) query alone: what abstention calibrates

    @property
    def score(self) -> float:
        return combine(self.semantic, self.lexical)


def combine(semantic: float, lexical: float) -> float:
    return SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical


@dataclass(frozen=True)
class Composition:
    answer: str
    abstained: bool
    citations: list[Citation]
    confidence: float  # the best sentence's score: what abstention compares with its threshold


class Answerer(Protocol):
    def compose(self, question: str, query: str, query_vector: np.ndarray, passages: Sequence[Passage],
                question_vector: np.ndarray | None = None) -> Composition:
        """Turn the retrieved passages into an answer whose every quote is cited. `query` is the
        question with a follow-up resolved (`question_vector` is then the question's own vector)."""


class ExtractiveAnswerer:
    def __init__(self, reader: IndexReader, threshold: float, max_sentences: int = 3):
        self.reader = reader
        self.threshold = threshold
        self.max_sentences = max_sentences

    def rank_sentences(self, queries: Sequence[tuple[str, np.ndarray]], passages: Sequence[Passage]
                       ) -> list[ScoredSentence]:
        """Sentences of the top passages by their match with the queries (averaged over them)."""
        matchers = [self._lexical_matcher(text) for text, _ in queries]
        vectors = np.stack([vector for _, vector in queries])
        picked: dict[tuple[str, int], tuple[int, Passage, Span, str]] = {}
        for passage in passages[:ANSWER_PASSAGES]:
            text = self.reader.documents[passage.doc_id].document.text
            for sid, span in self.reader.sentences_within(passage.doc_id, passage.start, passage.end):
                inside = min(span.end, passage.end) - max(span.start, passage.start)
                if (passage.doc_id, span.start) in picked or inside < (span.end - span.start) / 2:
                    continue
                sentence = text[span.start : span.end]
                if len(re.findall(r"\w+", sentence)) < MIN_QUOTE_WORDS:
                    continue
                picked[(passage.doc_id, span.start)] = (sid, passage, span, sentence)
        if not picked:
            return []
        semantic_all = self.reader.sentence_vectors([sid for sid, *_ in picked.values()]) @ vectors.T
        seen: list[ScoredSentence] = []
        for (sid, passage, span, sentence), semantic in zip(picked.values(), semantic_all):
            words = set(stems(sentence))
            lexical = [match(words) for match in matchers]
            seen.append(ScoredSentence(
                passage.doc_id, passage.title, span.start, span.end, sentence, float(np.mean(semantic)),
                float(np.mean(lexical)), passage.rank, combine(float(semantic[0]), lexical[0]),
            ))
        return sorted(seen, key=lambda s: -s.score)

    def confidence(self, query: str, ranked: Sequence[ScoredSentence], passages: Sequence[Passage]) -> float:
        """How sure we are that the passages answer the query: half the best sentence's score, half the
        IDF-weighted share of the query's words that the best of the top passages contains (a question
        whose rarest word the corpus never uses is rarely answered by it)."""
        if not ranked:
            return 0.0
        match = self._lexical_matcher(query)
        coverage = max(match(set(stems(p.text))) for p in passages[:ANSWER_PASSAGES_FOR_COVERAGE])
        return 0.5 * max(s.context_score for s in ranked) + 0.5 * coverage

    def _lexical_matcher(self, query: str) -> Callable[[set[str]], float]:
        """IDF-weighted share of the query's content words found in a sentence's word stems."""
        terms = set(content_words(query))
        weights = self._idf_weights(query)
        total = sum(weights.get(t, 0.0) for t in terms) or 1.0
        return lambda words: sum(weights.get(t, 0.0) for t in terms if t in words) / total

    def compose(self, question: str, query: str, query_vector: np.ndarray, passages: Sequence[Passage],
                question_vector: np.ndarray | None = None) -> Composition:
        queries = [(query, query_vector)]
        if question_vector is not None and question != query:
            queries.append((question, question_vector))  # a follow-up: its own words count as much as the context
        ranked = self.rank_sentences(queries, passages)
        confidence = self.confidence(query, ranked, passages)
        if not ranked or confidence < self.threshold:
            return Composition(NOT_FOUND, True, [], confidence)
        chosen = with_continuations(select_sentences(ranked, self.max_sentences), ranked,
                                    lambda doc_id: self.reader.documents[doc_id].document.text)
        citations = [Citation(n, s.doc_id, s.title, s.start, s.end, s.text) for n, s in enumerate(chosen, start=1)]
        return Composition(format_answer(citations), False, citations, confidence)

    def _idf_weights(self, query: str) -> dict[str, float]:
        """BM25-style IDF over chunks for each content word of the query, keyed by its stem."""
        n = max(self.reader.manifest.n_chunks, 1)
        words = [w for w in set(re.findall(r"\w+", query.lower())) if content_words(w)]
        frequencies = self.reader.term_document_frequencies(words)
        out: dict[str, float] = {}
        for word in words:
            stem = content_words(word)[0]
            df = frequencies[word]
            out[stem] = max(out.get(stem, 0.0), math.log(1 + (n - df + 0.5) / (df + 0.5)))
        return out


def select_sentences(ranked: Sequence[ScoredSentence], limit: int) -> list[ScoredSentence]:
    """The best sentence and up to limit-1 close runners-up, no text twice, in reading order."""
    best = ranked[0].score
    chosen: list[ScoredSentence] = []
    seen_texts: set[str] = set()
    for s in ranked:
        key = " ".join(s.text.lower().split())
        if len(chosen) == limit or (chosen and s.score < RELATIVE_FLOOR * best):
            break
        if key in seen_texts:
            continue
        seen_texts.add(key)
        chosen.append(s)
    first_rank: dict[str, int] = {}
    for s in chosen:
        first_rank[s.doc_id] = min(first_rank.get(s.doc_id, s.passage_rank), s.passage_rank)
    return sorted(chosen, key=lambda s: (first_rank[s.doc_id], s.doc_id, s.start))


_ANAPHORIC_START = re.compile(r"^[\"“'‘(]?(its|they|their|them|this|these|those|he|his|she|her|such)\b", re.I)


def with_continuations(chosen: list[ScoredSentence], ranked: Sequence[ScoredSentence],
                       text_of: Callable[[str], str]) -> list[ScoredSentence]:
    """A sentence that opens by referring back ("Its decisions serve as guidelines.") continues the
    sentence before it in the same paragraph: quoted after a chosen sentence, it completes the statement."""
    ordered = sorted(ranked, key=lambda s: (s.doc_id, s.start))
    following = {(a.doc_id, a.start): b for a, b in zip(ordered, ordered[1:]) if a.doc_id == b.doc_id}
    out: list[ScoredSentence] = []
    for s in chosen:
        out.append(s)
        nxt = following.get((s.doc_id, s.start))
        if (nxt is not None and nxt not in chosen and nxt not in out and _ANAPHORIC_START.match(nxt.text)
                and "\n\n" not in text_of(s.doc_id)[s.end : nxt.start]):
            out.append(nxt)
    return out


def format_answer(citations: Sequence[Citation]) -> str:
    return "\n".join(f"“{c.quote}” [{c.n}]" for c in citations)
