"""Answers made of the corpus's own words: the short span that answers, inside quoted units, each
quote cited to its exact characters, or an honest "not found".

`Answerer` is the seam: the extractive answerer here is the default and works offline; a generative
answerer (for example a model behind an OpenAI-compatible endpoint) implements the same method and
plugs in without touching retrieval.

How the extractive answerer works:
1. Units (sentences, name/title blocks; see ingest/units.py) of the top passages are ranked by
   meaning and wording: the cosine of the unit's vector (computed at index time, so answering costs
   no model call) with the question's, and the IDF-weighted share of the question's content words
   the unit contains.
2. In the best units, every plausible span is a candidate answer; a learned linear model
   (retrieval/spans.py, retrieval/answer_model.json) scores them; a softmax gives each a probability.
3. Abstention: a second learned model weighs the evidence that the units answer *this* question
   (retrieval/answerability.py); below the calibrated threshold citeqa says the documents do not say.
4. The answer: the best span as the short answer (when probable enough, and when it reads as an
   answer: not half a name, not a clause, not of another kind than asked, not a fragment of a heading
   in capitals; retrieval/short_answer.py) with its unit as quote [1], then the close runners-up among
   the units as further quotes, each after the unit it needs to be understood (a list's heading, what it
   refers back to, where its abbreviation is spelled out).
"""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Callable, Generic, Iterable, Iterator, Protocol, Sequence, TypeVar

import numpy as np

from citeqa.layout import (ENTRY_FURNITURE, PROMPT, ends_sentence, in_capitals, is_code_heading, is_list_item,
                           list_lead_in, one_line, quoted)
from citeqa.types import Citation, Passage, ShortAnswer, Span
from retrieval import answerability, unit_features
from retrieval.added_in import added_in, code_name_asked, section_added_in, signature_added_in
from retrieval.answer_model import AnswerModel, load_answer_model
from retrieval.bodies import (Abbreviation, abbreviation_asked, abbreviation_explained, abbreviations,
                             abbreviations_defined, initials_start, name_explained, only_other_bodies, says_what_it_is,
                             says_what_the_name_is, small_words,
                             where_defined, where_written_in_full, words_it_abbreviates)
from retrieval.countries import countries_named, names_of, only_other_countries, with_peoples_words
from retrieval.document_date import asks_when_made, own_date
from retrieval.document_lead import asks_what_it_is_about, lead
from retrieval.entry_version import (ASKS_SINCE_WHICH_VERSION, ASKS_WHEN_CHANGED, ASKS_WHICH_VERSION, HISTORY_ROW,
                                     date_of_its_entry, version_it_names, version_note_of_its_section,
                                     version_note_over, version_of_its_entry)
from retrieval.kind_named import (the_name_called, the_name_given, the_name_in_its_paragraph,
                                  the_name_of_the_kind_asked)
from retrieval.kinds import (TIME, a_year_its_documents_never_name, asks_for_a_number, asks_for_a_post_holder,
                             asks_for_several_holders, asks_how_many, heads_a_body_of_the_country_asked,
                             holds_no_one_in_the_post, labelled_by_a_year_asked, names_the_post_in_full,
                             names_no_switch_asked, names_the_post_only_as_another, of_the_kind_asked, only_other_years,
                             says_an_exact_count, says_how_often, switch_asked, the_counts, the_post_as_asked)
from retrieval.date_asked import date_of_what_happened
from retrieval.definition import either_number
from retrieval.look_alikes import (ALONGSIDE, a_code_name_its_documents_never_write, a_release_its_documents_never_name,
                                  another_in_its_place, another_of_its_class, writes_the_releases_asked)
from retrieval.manual_page import asks_of_another_program
from retrieval.options import (asks_what_it_is, code_heading_over, described_under_its_label, heading_above,
                               history_last, is_keyword_label, label_lines, only_history, opens_with_a_label,
                               the_code_heading_asked,
                               the_option_asked, with_the_options_own_line)
from retrieval.opposites import (asks_when_it_went_no_quote_says, asks_with_a_negation_no_quote_holds,
                                 negation_asked, says_the_opposite)
from retrieval.posed_questions import answered_where_posed, question_posed_over
from retrieval.question import (PersonAsked, QuestionInfo, analyse, as_what_it_does, asks_for_a_list, asks_for_items,
                                asks_how_to, defined_term, person_asked_about, person_named_as_source, says_number,
                                post_speaker_asked, speaker_asked, thing_it_does, thing_it_shows, topic_said_about,
                                what_is_called, without_named_source, without_the_verb_of_saying)
from retrieval.replacement import itself_the_replacement, the_replacement
from retrieval.required_version import asks_the_version_needed, requirement_note_of_its_section
from retrieval.returned import the_value_returned
from retrieval.unknown_words import names_no_document_knows
from retrieval.case_label import case_item_under_a_lead_in, labelled_case_asked, value_under_the_label
from retrieval.code_rows import code_asked, row_of_the_code
from retrieval.defaults import (DefaultStated, asks_the_default, default_in_a_listing, default_in_entry,
                                default_in_paragraph, default_in_signature, default_named_by_its_entry, function_named,
                                keywords_named, opens_a_parameter, parameter_in_entry, parameters_named, part_named,
                                says_by_default, under_the_function)
from retrieval.scored import ScoredUnit, SpanChoice, from_its_label, ruled, softmax
from retrieval.short_answer import (SPELLED_NUMBERS, holds_number, is_a_name_block, made_whole, name_after_the_post,
                                    name_over_the_post, reads_as_an_answer, term_pattern, the_path_asked,
                                    what_it_is_now, what_it_was_before, with_its_day_and_month,
                                    word_opening_a_sentence)
from retrieval.signatures import asks_who_signed, signature_block
from retrieval.speakers import asks_who_said, quotation_opened, speaker_of
from retrieval.spans import MODERN_YEAR, Candidates, candidates
from retrieval.store import IndexReader
from retrieval.stranded import opens_after_the_verb, the_object_asked
from retrieval.table_cells import cell_asked
from retrieval.text import STOP_WORDS, content_words, questions_asked, stem_words, stems

_WORD = re.compile(r"\w+")
SEMANTIC_WEIGHT = 0.6
ANSWER_PASSAGES = 5  # units are drawn from the top passages only
SPAN_UNITS = 3  # candidate spans are looked for in the best units,
SPAN_UNIT_SHARE = 0.05  # among those whose probability is at least this share of the best unit's
QUOTE_SHARE = 0.2  # a further quote's probability must reach this share of the best unit's
# When the quotes cannot answer (`can_answer`), one of the best KIND_REACH units that can and matches at least
# KIND_LEXICAL of the question's words (IDF-weighted) leads the quotes instead ("... activity of June 23, 2006"
# for when the declaration was adopted); with none, citeqa refuses. A looser reach (any such unit among the
# best 3 to 10) gave back most of the refusals on the evaluation and dev sets and quoted no answer more.
KIND_LEXICAL = 0.5
# "Tell me more": units the ranker rates at least this share as likely as the best one (a fifth for the runners-up
# of an answer; a tenth, measured then as the looser choice, for more of the same)
MORE_SHARE = 0.1
KIND_REACH = 5
CASE_REACH = 8  # the best units looked at for one labelled with the case a question names
SWITCH_REACH = 3  # the best units looked at for one that writes the option or environment variable asked
REQUIRED_REACH = 3  # the best units whose sections are read for the version a question asks is needed
DEFAULT_REACH = 3  # the best units whose entries are read for the default asked, when it names no keyword
NOT_FOUND = "The documents do not say."
# A unit of one or two words is a heading, a list item or a name on its own line ("CSTO PA",
# "- Serbia"): quoted alone it states nothing a reader can check, so it is never a quote.
MIN_QUOTE_WORDS = 3
_SECTION_NUMBER = re.compile(r"(?:\d{1,3}\.){2,4}\d{0,3}")  # "6.5.1." before its heading: a unit of three words that
# says nothing (a number of one part, "12.", is one word)
# A short answer made only of words that this share of the collection's passages hold says what the
# collection is about, not what the question asks (with at least this many passages to count on).
COMMON_SHARE = 0.2
COMMON_MIN_CHUNKS = 10
DOCUMENT_WORDS_CACHED = 256  # documents whose word stems (the evidence of abstention) and small words are kept


def combine(semantic: float, lexical: float) -> float:
    """The unit score when no ranker is trained: meaning and wording, weighed by hand."""
    return SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical


@dataclass(frozen=True)
class Analysis:
    """Everything the answer is decided from (training reads the same)."""

    question: QuestionInfo
    units: list[ScoredUnit]  # best first
    unit_features: np.ndarray  # the unit ranker's features, in the order of `units`
    spans: list[tuple[ScoredUnit, Candidates]]  # the best units and their candidate spans
    logits: np.ndarray  # every candidate's span-model score, in the order of `spans`
    best: SpanChoice | None
    evidence: np.ndarray | None  # answerability features
    answerable: float  # the probability that the units answer the question
    correct: float  # the probability that the best span answers it


@dataclass(frozen=True)
class Composition:
    answer: str
    abstained: bool
    citations: list[Citation]
    confidence: float  # what abstention compared with its threshold
    short_answer: ShortAnswer | None = None


class Answerer(Protocol):
    def compose(self, question: str, query: str, query_vector: np.ndarray, passages: Sequence[Passage],
                question_vector: np.ndarray | None = None, shown: frozenset[str] = frozenset()) -> Composition:
        """Turn the retrieved passages into an answer whose every quote is cited. `query` is the
        question with a follow-up resolved (`question_vector` is then the question's own vector; for a question that
        sets the scene before it asks, the vector of its asking sentence); `shown` holds quotes (as `one_line` writes
        them) an earlier answer gave, which this one leaves out ("Tell me more")."""


T = TypeVar("T")


class PerDocument(Generic[T]):
    """What is read from a document's whole text, kept for the last `size` documents asked about (thread-safe)."""

    def __init__(self, size: int):
        self.size = size
        self._found: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, doc_id: str, compute: Callable[[], T]) -> T:
        with self._lock:
            found = self._found.get(doc_id)
            if found is not None:
                self._found.move_to_end(doc_id)
                return found
        found = compute()
        with self._lock:
            self._found[doc_id] = found
            while len(self._found) > self.size:
                self._found.popitem(last=False)
        return found


class ExtractiveAnswerer:
    def __init__(self, reader: IndexReader, threshold: float, max_sentences: int = 3,
                 model: AnswerModel | None = None):
        self.reader = reader
        self.threshold = threshold
        self.max_sentences = max_sentences
        self.model = model or load_answer_model()
        self._document_stems: PerDocument[frozenset[str]] = PerDocument(DOCUMENT_WORDS_CACHED)
        self._document_small_words: PerDocument[frozenset[str]] = PerDocument(DOCUMENT_WORDS_CACHED)
        self._document_abbreviations: PerDocument[tuple[Abbreviation, ...]] = PerDocument(DOCUMENT_WORDS_CACHED)

    # --- ranking units ------------------------------------------------------------------------------

    def rank_units(self, queries: Sequence[tuple[str, np.ndarray]], passages: Sequence[Passage],
                   info: QuestionInfo, idf: Sequence[dict[str, float]]) -> tuple[list[ScoredUnit], np.ndarray]:
        """Units of the top passages, best first, and their ranker features (in the same order);
        `idf` holds each query's `idf_weights`."""
        vectors = np.stack([vector for _, vector in queries])
        picked: dict[tuple[str, int], tuple[int, Passage, Span, str]] = {}
        top = passages[:ANSWER_PASSAGES]
        within = self.reader.sentences_within_spans([(p.doc_id, p.start, p.end) for p in top])
        for passage, found in zip(top, within):
            text = self._text_of(passage.doc_id)
            for sid, span in found:
                inside = min(span.end, passage.end) - max(span.start, passage.start)
                if (passage.doc_id, span.start) in picked or inside < (span.end - span.start) / 2:
                    continue
                unit = text[span.start : span.end]
                if len(_WORD.findall(unit)) < MIN_QUOTE_WORDS or _SECTION_NUMBER.fullmatch(unit):
                    continue
                picked[(passage.doc_id, span.start)] = (sid, passage, span, unit)
        if not picked:
            return [], np.zeros((0, len(unit_features.FEATURES)), np.float32)
        semantic_all = self.reader.sentence_vectors([sid for sid, *_ in picked.values()]) @ vectors.T
        texts, found = [text for text, _ in queries], list(picked.values())
        rows, feats = self._unit_features(found, semantic_all, info, texts, idf, passages)
        # Units are ranked by what the question asks, not by the source it names: "Which elections had taken place
        # in Belarus, according to Lukashenko?" is answered by his words, which need not hold his name; nor by the
        # verb that asks for someone's words ("think"). Answerability weighs the features of the whole question (a
        # source no passage names is evidence against the answer).
        asked = [ranked_for(text) for text in texts]
        ranking = feats if asked == texts else self._unit_features(
            found, semantic_all, analyse(ranked_for(info.text)), asked, idf, passages)[1]
        if self.model.trained:
            scores = self.model.unit.logits(ranking)
        else:
            scores = np.array([combine(r["semantic"], r["lexical"]) for r in rows], np.float32)
        probabilities = softmax(scores)
        units = [ScoredUnit(r["passage"].doc_id, r["passage"].title, r["span"].start, r["span"].end, r["text"],
                            r["semantic"], r["lexical"], r["passage"].rank, r["passage"], float(score), float(p))
                 for r, score, p in zip(rows, scores, probabilities)]
        order = sorted(range(len(units)), key=lambda i: -units[i].score)
        return [units[i] for i in order], feats[order]

    def _unit_features(self, picked: Sequence[tuple[int, Passage, Span, str]], semantic_all: np.ndarray,
                       info: QuestionInfo, texts: Sequence[str], idf: Sequence[dict[str, float]],
                       passages: Sequence[Passage]) -> tuple[list[dict], np.ndarray]:
        """The picked units' measures (`rows`) and the unit ranker's features, for the question `info` asked as
        `texts` (each query of a follow-up)."""
        matchers = [_lexical_matcher(text, weights) for text, weights in zip(texts, idf)]
        names, numbers = stem_words(list(info.names)), info.numbers
        top_score = passages[0].score
        titles: dict[str, set[str]] = {}
        rows = []
        for (sid, passage, span, unit), semantic in zip(picked, semantic_all):
            unit_stems = stems(unit)
            words = set(unit_stems) | words_it_abbreviates(unit, self._abbreviations_of_document(passage.doc_id))
            title = titles.setdefault(passage.doc_id, set(stems(passage.title)))
            rows.append(dict(
                sid=sid, passage=passage, span=span, text=unit, semantic=float(semantic.sum()) / len(semantic),
                lexical=sum(match(words) for match in matchers) / len(matchers),
                bigrams=unit_features.bigram_share(info, unit_stems),
                names=sum(n in words for n in names) / len(names) if names else 1.0,
                numbers=sum(says_number(unit, n) for n in numbers) / len(numbers) if numbers else 1.0,
                title_words=sum(w in title for w in unit_stems) / max(len(unit_stems), 1),
            ))
        by_position = sorted(range(len(rows)), key=lambda i: (rows[i]["passage"].doc_id, rows[i]["span"].start))
        before, after = [0.0] * len(rows), [0.0] * len(rows)  # the lexical share of the unit just before / after
        for a, b in zip(by_position, by_position[1:]):
            if rows[a]["passage"].doc_id == rows[b]["passage"].doc_id:
                after[a], before[b] = rows[b]["lexical"], rows[a]["lexical"]
        evidence = [unit_features.UnitEvidence(
            semantic=r["semantic"], lexical=r["lexical"], bigrams=r["bigrams"], names=r["names"],
            numbers=r["numbers"], lexical_before=before[i], lexical_after=after[i],
            refers_back=bool(_ANAPHORIC_START.match(r["text"])), passage_rank=r["passage"].rank,
            passage_score_gap=float(top_score - r["passage"].score),
            found_by_both=len(r["passage"].found_by) > 1, length=len(r["text"]),
            expected_kind=_expected_kind_found(info, r["text"]),
            position_in_passage=(r["span"].start - r["passage"].start) / max(r["passage"].end - r["passage"].start, 1),
            title_words=r["title_words"]) for i, r in enumerate(rows)]
        feats = unit_features.features(evidence)
        return rows, feats

    def idf_weights(self, query: str) -> dict[str, float]:
        """BM25-style IDF over chunks for each content word of the query, keyed by its stem."""
        n = max(self.reader.manifest.n_chunks, 1)
        out: dict[str, float] = {}
        for word, df in self.content_word_frequencies(query).items():
            stem = content_words(word)[0]
            out[stem] = max(out.get(stem, 0.0), math.log(1 + (n - df + 0.5) / (df + 0.5)))
        return out

    def content_word_frequencies(self, text: str) -> dict[str, int]:
        """How many chunks hold each content word of `text` (lower case, each word once)."""
        words = [w for w in set(_WORD.findall(text.lower())) if content_words(w)]
        return self.reader.term_document_frequencies(words) if words else {}

    # --- finding the answer -------------------------------------------------------------------------

    def analyse(self, question: str, query: str, query_vector: np.ndarray, passages: Sequence[Passage],
                question_vector: np.ndarray | None = None, shown: frozenset[str] = frozenset()) -> Analysis:
        queries = [(query, query_vector)]
        follow_up = question_vector is not None and question != query
        if follow_up:
            queries.append((question, question_vector))  # a follow-up: its own words count as much as the context
        elif question_vector is not None:  # the sentence that asks counts as much as the whole with its scene, whose
            queries.append((questions_asked(question), question_vector))  # words had ranked first the units that
            # speak of the asker's case ("... --exclude ... Which option skips whole directories?": "--exclude=GLOB")
        info = analyse(question)
        idf = [self.idf_weights(text) for text, _ in queries]
        units, unit_rows = answered_where_posed(*self.rank_units(queries, passages, info, idf), self._text_of,
                                                self._unit_after)
        units, unit_rows = history_last(units, unit_rows, question)
        units, unit_rows = with_the_options_own_line(units, unit_rows, question, self._text_of)
        if not units:
            return Analysis(info, [], unit_rows, [], np.zeros(0, np.float32), None, None, 0.0, 0.0)
        spans = [(u, candidates(info, u.text, u.start, rank, u.probability, u.semantic, u.lexical))
                 for rank, u in enumerate(units[:SPAN_UNITS])
                 if u.probability >= SPAN_UNIT_SHARE * units[0].probability]
        features = [c.features for _, c in spans if len(c.starts)]
        logits = self.model.span.logits(np.concatenate(features)) if features else np.zeros(0, np.float32)
        best = self._best_span(spans, logits)
        evidence = answerability.features(self._evidence(info, query, idf[0], units, unit_rows, passages, best,
                                                         logits, follow_up))
        answerable = probability(self.model.answerable, evidence)
        correct = probability(self.model.correct, evidence) if best is not None else 0.0
        analysis = Analysis(info, units, unit_rows, spans, logits, best, evidence, answerable, correct)
        return without_what_was_shown(analysis, shown) if shown else analysis

    @staticmethod
    def _best_span(spans: list[tuple[ScoredUnit, Candidates]], logits: np.ndarray) -> SpanChoice | None:
        if len(logits) == 0:
            return None
        best = int(np.argmax(logits))
        shifted = np.exp(logits - logits[best])
        probability = float(1.0 / shifted.sum())
        offset = 0
        for unit, c in spans:
            if best < offset + len(c.starts):
                i = best - offset
                start, end = int(c.starts[i]), int(c.ends[i])
                text = unit.text[start - unit.start : end - unit.start]
                return SpanChoice(unit, start, end, text, float(logits[best]), probability)
            offset += len(c.starts)
        return None

    def _evidence(self, info: QuestionInfo, query: str, idf: dict[str, float], units: list[ScoredUnit],
                  unit_rows: np.ndarray, passages: Sequence[Passage], best: SpanChoice | None,
                  logits: np.ndarray, follow_up: bool) -> answerability.Evidence:
        unit = best.unit if best is not None else units[0]
        row = unit_rows[next((i for i, u in enumerate(units) if u is unit), 0)]
        scores = [u.score for u in units] + [units[-1].score]
        # a follow-up must also fit its context; "say" of "What does it say about ...?" is no word to find; a question
        # that sets the scene is answered if its asking sentence is (the scene's words are the asker's own: "a legal
        # brief", "my thesis chapter")
        plain = without_the_verb_of_saying(questions_asked(info.text))
        coverage_info = analyse(query) if follow_up else analyse(plain) if plain != info.text else info
        sorted_logits = np.sort(logits)[::-1] if len(logits) else np.zeros(1)
        margin = float(sorted_logits[0] - sorted_logits[1]) if len(sorted_logits) > 1 else 0.0
        semantics = sorted((u.semantic for u in units), reverse=True) + [0.0]
        probabilities = [u.probability for u in units] + [0.0]
        return answerability.Evidence(
            question=replace(coverage_info, qtype=info.qtype, head=info.head, negated=info.negated),
            idf=idf, corpus_chunks=max(self.reader.manifest.n_chunks, 1),
            unit_stems=frozenset(stems(unit.text)),
            passage_stems=frozenset(stems(unit.passage.text)),
            document_stems=self._stems_of(unit.doc_id),
            unit_text=unit.text, passage_text=unit.passage.text,
            semantic=(semantics[0], semantics[1]), lexical_best=units[0].lexical,
            unit_probability=(probabilities[0], probabilities[1]),
            span_logit=best.logit if best else 0.0, span_probability=best.probability if best else 0.0,
            span_margin=margin, expected_kind_found=_expected_kind_found(info, unit.text),
            top_passage_dense=(passages[0].dense_score or 0.0) if passages else 0.0, follow_up=follow_up,
            unit_logits=(scores[0], scores[1]), unit_row=row,
        )

    def _stems_of(self, doc_id: str) -> frozenset[str]:
        return self._document_stems.get(doc_id, lambda: frozenset(stems(self._text_of(doc_id))))

    def _abbreviations_of_document(self, doc_id: str) -> tuple[Abbreviation, ...]:
        return self._document_abbreviations.get(doc_id, lambda: abbreviations_defined(self._text_of(doc_id)))

    def _small_words_of(self, doc_id: str) -> frozenset[str]:
        return self._document_small_words.get(doc_id, lambda: small_words(self._text_of(doc_id)))

    def _text_of(self, doc_id: str) -> str:
        return self.reader.documents[doc_id].document.text

    @staticmethod
    def _line_of_the_version_asked(analysis: Analysis, first: ScoredUnit) -> ScoredUnit:
        """The line whose version "Which version ...?" asks: among the best units, the first that writes every release
        the question names ("Add GraalPy 25.0.2", ranked below "Add graalpy-25.0.1"), else the history row whose change
        says most of what the question asks ("v10.0.0 | Runtime deprecation." for when the Buffer() constructor
        became a runtime deprecation), or else `first`."""
        question = analysis.question.text
        written = next((u for u in analysis.units[:KIND_REACH] if writes_the_releases_asked(question, u.text)), None)
        return written or _the_history_row_asked(question, analysis.units[:KIND_REACH]) or first

    def _its_entrys_version(self, unit: ScoredUnit, question: str) -> SpanChoice | None:
        """The version `unit` names ("Starting with version 2.26-1"), or of a version note over its paragraph or under
        its section's heading ("New in version 22.2."; for "Since which version ...?"), or else the version in the
        header of the change-log entry it stands in, as a span of the unit that holds it (`unit` itself when the
        header opens it)."""
        if (named := version_it_names(unit.text)) is not None:
            return self._span_near(unit, (unit.start + named[0], unit.start + named[1]))
        text = self._text_of(unit.doc_id)
        if not all(name.lower() in unit.text.lower() for name in identifiers(question)):
            noted = None  # a note dates what the unit says only when the unit names what the question names in code
            # (not $<GENEX_EVAL>'s note for when add_executable took generator expressions)
        elif (noted := version_note_over(text, unit.start)) is None and ASKS_SINCE_WHICH_VERSION.search(question):
            noted = version_note_of_its_section(text, unit.start)  # "New in version 22.2." under its section's heading
        if noted is not None:
            return self._span_near(unit, noted)  # "New in version 3.12." over the paragraph it dates
        return self._in_its_entry(unit, version_of_its_entry)

    def _its_entrys_date(self, unit: ScoredUnit) -> SpanChoice | None:
        """The date of the change-log entry `unit` stands in (its signature's or its header's)."""
        return self._in_its_entry(unit, date_of_its_entry)

    def _in_its_entry(self, unit: ScoredUnit, find: Callable[[str, int], tuple[int, int] | None]) -> SpanChoice | None:
        """What `find` finds in the change-log entry of `unit`'s first line, as a span of the unit that holds it."""
        text = self._text_of(unit.doc_id)
        first_line = text.find("\n", unit.start, unit.end)
        return self._span_near(unit, find(text, first_line if first_line >= 0 else unit.end))

    def _span_near(self, unit: ScoredUnit, found: tuple[int, int] | None) -> SpanChoice | None:
        """The span at document offsets `found`, in `unit` or in the unit of its document that holds it."""
        if found is None:
            return None
        text = self._text_of(unit.doc_id)
        start, end = found
        holder = unit if unit.start <= start and end <= unit.end else None
        if holder is None:
            lo, hi = (text.rfind("\n", 0, start) + 1, unit.start) if start < unit.start else (unit.end, end)
            spans = self.reader.sentences_within_spans([(unit.doc_id, lo, hi)])[0]
            holder = next((unranked(unit, span, text) for _, span in spans if span.start <= start and end <= span.end),
                          None)
        return SpanChoice(holder, start, end, text[start:end], 0.0, 1.0) if holder is not None else None

    def _names_what_no_document_knows(self, analysis: Analysis, passages: Sequence[Passage]) -> bool:
        """A name in small letters no document and no dictionary knows (retrieval/unknown_words.py), unless the
        question names a release the top passages write: "Which version of pyenv added GraalPy 25.0.2?" of a change
        log that never writes its project's name."""
        question = analysis.question.text
        return bool(names_no_document_knows(question, self.reader.term_document_frequencies)) and not any(
            writes_the_releases_asked(question, p.text) for p in passages[:ANSWER_PASSAGES])

    def _the_default_asked(self, analysis: Analysis, passages: Sequence[Passage]
                           ) -> tuple[SpanChoice, ScoredUnit] | None:
        """The default value the entry of the keyword asked states, or else the entry of one of the best units, and the
        unit that opens that entry (retrieval/defaults.py)."""
        if not analysis.units or not asks_the_default(analysis.question.text):
            return None
        near, documents = _near_units_and_documents(analysis, passages)
        for doc_id in documents:  # "ensure_binary(s, encoding='utf-8', ...)": the signature of the function asked
            if (found := self._stated(near[doc_id], default_in_signature(self._text_of(doc_id),
                                                                         analysis.question.text))) is not None:
                return found
        for doc_id in documents:  # "opt-level = 3" under "The default settings for the release profile are:"
            if (found := self._stated(near[doc_id], default_in_a_listing(self._text_of(doc_id),
                                                                         analysis.question.text))) is not None:
                return found
        labelled = False
        function = function_named(analysis.question.text)
        for doc_id, text, at in self._entries_of_the_keywords(analysis.question.text, documents):  # not a list of
            if function is not None and not under_the_function(text, at, function):  # keywords that names it
                continue  # another function's parameter: exec's maxBuffer for spawn's
            labelled = True
            at = parameter_in_entry(text, at, analysis.question.text) or at  # its parameter's item, when it names one
            if (found := self._stated(near[doc_id], default_in_entry(text, at))) is not None:
                return found
        if labelled:
            return None  # the keyword's entry states no default: not ConnectionAttempts' "1" for ConnectTimeout
        part = part_named(analysis.question.text)
        for doc_id in documents:  # "the default label of console.count": its parameter named in a plain word
            text = self._text_of(doc_id)
            for at in parameters_named(text, analysis.question.text):
                if (part is None or under_the_function(text, at, part)) and (
                        found := self._stated(near[doc_id], default_in_entry(text, at))) is not None:
                    return found
        if function is not None:
            return None  # the function asked has no such parameter in these documents
        for rank, unit in enumerate(analysis.units[:DEFAULT_REACH]):
            entry = opens_with_a_label(unit.text) or opens_a_parameter(unit.text)  # a reference's entry, read to its
            # end; else the best unit alone, or one that says what holds by default ("By default, the Cargo home is
            # located in $HOME/.cargo/.")
            if (entry or rank == 0 or says_by_default(unit.text)) and (found := self._stated(unit, default_in_entry(
                    self._text_of(unit.doc_id), unit.start, None if entry else unit.end))) is not None:
                return found
            text = self._text_of(unit.doc_id)
            named = default_named_by_its_entry(text, unit.start, unit.end, analysis.question.text)  # "This is the
            if named is not None:  # default behavior ..." in "- STRING: Sorts a list of strings ..."
                found = self._stated(unit, named)
                if found is not None and len(_WORD.findall(found[0].unit.text)) >= MIN_QUOTE_WORDS:
                    return found
                entry = from_its_label(unit, named.start, text)  # under "STRING" alone: the label, quoted with what
                return ruled(entry, 0, named.end - named.start), entry  # it says
        first = analysis.units[0]  # "The default type is f64" beside "Rust's floating-point types are f32 and f64"
        return self._stated(first, default_in_paragraph(self._text_of(first.doc_id), first.start, first.end,
                                                        analysis.question.text))

    def _version_added(self, analysis: Analysis, passages: Sequence[Passage]) -> SpanChoice | None:
        """The versions the entry of the name asked says it was added in, in the first of the top passages' documents
        whose reference heads an entry with it, or whose section that first names it opens with a version note
        (retrieval/added_in.py)."""
        name = code_name_asked(analysis.question.text)
        if name is None:
            return None
        near, documents = _near_units_and_documents(analysis, passages)
        for doc_id in documents:
            text = self._text_of(doc_id)
            if (found := added_in(text, name) or section_added_in(text, name)
                    or signature_added_in(text, name)) is not None:
                return self._span_near(near[doc_id], found)
        return None

    def _version_required(self, analysis: Analysis) -> SpanChoice | None:
        """The version the requirement note that ends the section of one of the best units states, for a question that
        asks the version needed (retrieval/required_version.py)."""
        if not asks_the_version_needed(analysis.question.text):
            return None
        for unit in analysis.units[:REQUIRED_REACH]:
            if (found := requirement_note_of_its_section(self._text_of(unit.doc_id), unit.start)) is not None:
                return self._span_near(unit, found)
        return None

    def _writer_of_the_switch_asked(self, analysis: Analysis, first: ScoredUnit, short: SpanChoice | None
                                    ) -> ScoredUnit | None:
        """For "Which option / environment variable ...?" when neither the first quote nor the short answer writes one:
        the first of the SWITCH_REACH best units that writes one and says something the question says it does; None
        otherwise."""
        asked = switch_asked(analysis.question.text)
        if asked is None or any(asked.written.search(text) for text in (first.text, short.text if short else "")):
            return None
        return next((u for u in analysis.units[:SWITCH_REACH] if asked.written.search(u.text)
                     and asked.does.intersection(content_words(u.text))), None)

    def _asks_a_parameter_its_function_lacks(self, analysis: Analysis, passages: Sequence[Passage]) -> bool:
        """Whether the question asks the default of a parameter of a function it names ("What is the default maxBuffer
        of child_process.spawn?") and the top passages' documents list that parameter only in other functions' parts:
        exec's "Default: 1024 * 1024" had answered it, and fs.readFile's of a collection without the fs page."""
        question = analysis.question.text
        if not asks_the_default(question) or (function := function_named(question)) is None:
            return False
        documents = dict.fromkeys(p.doc_id for p in passages[:ANSWER_PASSAGES])
        entries = [(text, at) for _, text, at in self._entries_of_the_keywords(question, documents)]
        return bool(entries) and not any(under_the_function(text, at, function) for text, at in entries)

    def _entries_of_the_keywords(self, question: str, documents: Iterable[str]) -> Iterator[tuple[str, str, int]]:
        """(document, its text, where a line opens with the keyword's label) for each keyword or option the question
        names, in the documents given, in order."""
        documents = list(documents)
        for keyword in keywords_named(question):
            for doc_id in documents:
                text = self._text_of(doc_id)
                for at in label_lines(text, keyword):
                    yield doc_id, text, at

    def _row_of_the_code_asked(self, analysis: Analysis, passages: Sequence[Passage]) -> SpanChoice | None:
        """What the row of the exit code asked says, in the first of the top passages that holds one
        (retrieval/code_rows.py)."""
        code = code_asked(analysis.question.text)
        if code is None:
            return None
        near = _best_of_each_document(analysis.units)
        for passage in passages[:ANSWER_PASSAGES]:
            found = row_of_the_code(self._text_of(passage.doc_id), code, passage.start, passage.end)
            if found is not None and passage.doc_id in near and (row := self._span_near(near[passage.doc_id], found)):
                return row
        return None

    def _cell_of_the_table_asked(self, analysis: Analysis, passages: Sequence[Passage]
                                 ) -> tuple[SpanChoice, ScoredUnit | None] | None:
        """The cell of the row and column the question names, in the first of the top passages with a table that
        has both (retrieval/table_cells.py), and the table's header line to quote after its row. A question how to do
        something or why, or one of yes or no, asks no cell ("How do I write the package ID spec that targets only
        version 1.4.3?" over a table of specs, their names and versions)."""
        if analysis.question.qtype in ("how", "why") or analysis.question.yes_no:
            return None
        near = _best_of_each_document(analysis.units)
        for passage in passages[:ANSWER_PASSAGES]:
            if passage.doc_id not in near:
                continue
            text = self._text_of(passage.doc_id)
            found = cell_asked(analysis.question.text, text, passage.start, passage.end)
            if found is not None and (cell := self._span_near(near[passage.doc_id], (found.start, found.end))):
                header = self._span_near(near[passage.doc_id], (found.header_start, found.header_end))
                return cell, header.unit if header is not None else None
        return None

    def _stated(self, near: ScoredUnit, stated: DefaultStated | None) -> tuple[SpanChoice, ScoredUnit] | None:
        if stated is None:
            return None
        value = self._span_near(near, (stated.start, stated.end))
        opening = self._span_near(near, (stated.entry_start, stated.entry_start + 1))
        return (value, opening.unit) if value is not None and opening is not None else None

    def _names_what_its_documents_never_name(self, question: str, chosen: Sequence[ScoredUnit]) -> bool:
        """A year, a release or a name written as code that none of the quoted documents names: the quotes are of
        another one."""
        documents = [self._text_of(d) for d in dict.fromkeys(u.doc_id for u in chosen)]
        return (a_year_its_documents_never_name(question, documents)
                or a_release_its_documents_never_name(question, documents)
                or a_code_name_its_documents_never_write(question, documents))

    def _only_pages_of_other_programs_found(self, question: str, passages: Sequence[Passage]) -> bool:
        """Whether every document found is a manual page, and none documents the program the question names."""
        return asks_of_another_program(question, [self._text_of(d) for d in dict.fromkeys(p.doc_id for p in passages)])

    # --- composing ----------------------------------------------------------------------------------

    def compose(self, question: str, query: str, query_vector: np.ndarray, passages: Sequence[Passage],
                question_vector: np.ndarray | None = None, shown: frozenset[str] = frozenset()) -> Composition:
        analysis = self.analyse(question, query, query_vector, passages, question_vector, shown)
        if (asked := abbreviation_asked(analysis.question.text)) is not None and not shown:  # "What does EAB stand
            spelled = self.spelled_out_in_full(asked, analysis, passages)  # for?" ("Tell me more": what else they say)
            if not spelled.abstained or re.fullmatch(r"[A-Z]{2,6}", asked):  # with small letters or digits ("vBNS",
                return spelled  # "PGE2") its spelling out may not follow its letters: answered as any question
        about = self.about_the_document(analysis, passages)
        if about is not None:  # "Which countries signed the declaration?", "When was the declaration adopted?"
            return about
        person = person_asked_about(analysis.question.text, query)
        naming = units_naming_the_person_asked(analysis, person, self.quotation_beside, self.quotation_before)
        naming = self._with_more_of_their_words(analysis, person, naming)
        spoken = [] if naming or not analysis.units else self.units_spoken_by_the_speaker_asked(analysis)
        if shown and not spoken and speaker_asked(analysis.question.text) is not None:
            return Composition(NOT_FOUND, True, [], analysis.answerable)  # more of their words: none left
        # "What did Hakobyan say about the elections?": their words that speak of the topic are the evidence.
        their_words = bool(spoken) and person_named_as_source(analysis.question.text) is None
        on_the_topic = their_words and speak_of_the_topic(analysis.question.text, [u.text for u in spoken])
        # "What did Vorobyev say about Kazakhstan?": neither their words nor the lines beside them name the topic
        # (their words on another topic had been quoted); "What did Kent Harstedt say about the meeting?" is
        # answered by his words beside "... Kent Harstedt thanked Aleksandr Lukashenko for the meeting."
        # (not for "What did Baran call his system?": a name someone gives is said of "it" as often as of the thing)
        off_the_topic = (their_words and not on_the_topic and topic_said_about(analysis.question.text) is not None
                         and not speak_of_the_topic(analysis.question.text, self._texts_beside(spoken)))
        # "What does the --title option do?": the line under its own heading says, whatever the threshold (the model
        # weighs "Set process.title on startup." as far from the question)
        entry_described = bool(analysis.units) and described_under_its_label(analysis.units[0], analysis.question.text,
                                                                              self._text_of)
        added = self._version_added(analysis, passages)  # "When was os.availableParallelism() added?": likewise
        required = self._version_required(analysis)  # "What Rust version do I need to ...?": "MSRV: 1.71 ..."
        below = (analysis.answerable < self.threshold and not naming and not on_the_topic
                 and not entry_described and added is None and required is None)
        # "Who heads the Mazhilis?": a unit that names the post as asked, with all the question says it is of,
        # beside a person's name, answers it whatever the threshold (the model weighs the words "heads" and
        # "Chairman" as unlike)
        # "What happened on 20 December?": the best unit that holds the date, whatever the threshold (the question
        # names nothing else); none holds it, nothing can be said
        dated = date_of_what_happened(analysis.question.text)
        on_the_date = [u for u in analysis.units if dated.search(u.text)] if dated is not None else []
        if dated is not None:
            holder = on_the_date[0] if on_the_date else None
        else:
            holder = self._holder_of_the_post_in_full(analysis) if below else None
        # what the question names that no document does is read in the questions it asks: the scene before them is
        # the asker's own ("... in a Docker build", "The header got cut off in my printout."), not the documents'
        asked = as_asked(analysis)
        if (not analysis.units or ((below or dated is not None) and holder is None) or off_the_topic
                or self._the_person_asked_is_named_nowhere(asked)
                or self._a_country_asked_is_named_nowhere(asked)
                or self._how_to_with_what_no_document_names(asked)
                or self._names_an_identifier_no_document_holds(asked)
                or self._asks_a_parameter_its_function_lacks(asked, passages)
                or self._names_what_no_document_knows(asked, passages)
                or not speak_of_the_topic(asked.question.text, [p.text for p in passages[:ANSWER_PASSAGES]])):
            return Composition(NOT_FOUND, True, [], analysis.answerable)
        if naming:
            analysis = replace(analysis, units=naming)  # "Who is X?": what the documents say where they name X
        elif spoken:  # "What did X say about Y?": X's words on Y, not others' words on Y
            words = {u.key for u in spoken if not is_a_name_block(u.text)}  # and a label X uses is in them
            analysis = replace(analysis, units=spoken, best=analysis.best if analysis.best is not None
                               and analysis.best.unit.key in words else None)
        best = the_object_asked(analysis.question.text, analysis.best, analysis.spans, analysis.logits)
        best = made_whole(best, analysis.question) if best is not None else None
        least = self.model.short_answer_min / (2 if opens_after_the_verb(analysis.question.text, best) else 1)
        short = best if (best is not None and analysis.correct >= least
                         and reads_as_an_answer(best, analysis.question) and not self._said_everywhere(best)
                         and not self._a_small_word_at_a_sentence_start(best)) else None
        if short is None and best is not None and analysis.correct >= least and what_it_was_before(
                best, analysis.question) and (now := what_it_is_now(best)) is not None:
            short = now  # 'group "render" (previously group "video")': what it is now, not "video" (a word of the
            # question as often: "render" for the render nodes' group, which the span model's filters refuse)
        if (replacing := the_replacement(analysis.question.text, analysis.units, self._text_of)) is not None:
            short = replacing  # "renamed to --comment": the text names what the question asks ("GREP_COLORS" for
            # GREP_COLOR, which the span model's filters read as the question's own word)
        if entry_described and asks_what_it_is(analysis.question.text):
            short = None  # what the entry says is the answer ("Node.js API" of "An argument of the wrong type was
            # passed to a Node.js API." had been in bold for what ERR_INVALID_ARG_TYPE means)
        headed = _under_its_heading(analysis, self._text_of)
        if short is not None and headed is not None and headed.key != short.unit.key:
            short = None  # "What does pyenv which show?": the line under its heading says it; its example output is
            # no answer
        entry = header = None
        if required is not None:
            short = required  # "1.64+" of "MSRV: Requires 1.64+", the note that ends the section quoted
        elif (cell := self._cell_of_the_table_asked(analysis, passages)) is not None:
            short, header = cell  # "deny" of "cargo::correctness | code that is outright wrong or useless | deny"
            # under "Group | Description | Default level" (the ranker had quoted the header and other groups' rows)
        elif (option := the_code_heading_asked(analysis.question.text, analysis.units, self._text_of, 1,
                                                self._span_near)
                or the_option_asked(analysis.question.text, analysis.units)
                or the_code_heading_asked(analysis.question.text, analysis.units, self._text_of)) is not None:
            short = option  # "-J, --xz" over "Filter the archive through xz(1).": the label is the answer; first the
            # heading over the best unit ("--stop-on-failure" over "Stop running the tests when the first failure
            # happens.", not "-F" of the next entry's unit)
        elif replacing is None and (named := the_name_of_the_kind_asked(analysis.question.text, analysis.units)
                                    or the_name_given(analysis.question.text, analysis.units)
                                    or the_value_returned(analysis.question.text, analysis.units)) is not None \
                and not itself_the_replacement(analysis.question.text, [named.unit]):
            short = named  # "const" of "You declare constants using the const keyword ...", "borrowing" of "We call
            # the action of creating a reference borrowing.", "None" of "..., it returns None without panicking."
            # (not "--berth-file" of "The --berth-file option is being replaced by --berth-path" for what replaced
            # --berth-path: it is refused)
        elif (stated := self._the_default_asked(analysis, passages)) is not None:
            short, entry = stated  # "The default is INFO." in LogLevel's entry, a paragraph below its label
        elif (row := self._row_of_the_code_asked(analysis, passages)) is not None:
            short = row  # "Some files differ" of tar's "1 Some files differ.", not man's "3 A child process ..."
        elif added is not None:
            short = added  # "v19.4.0, v18.14.0" of "Added in: ..." under its heading "os.availableParallelism()"
        elif replacing is None and (in_paragraph := the_name_in_its_paragraph(
                analysis.question.text, analysis.units, self._text_of, self._span_near)) is not None \
                and not itself_the_replacement(analysis.question.text, [in_paragraph.unit]):
            short = in_paragraph  # "EXCLUDE_FROM_ALL" of "If the EXCLUDE_FROM_ALL argument is provided ..." in the
            # paragraph of the best unit, "Users must explicitly build targets in the subdirectory." (not what is
            # replaced, as for the names above)
        if short is None and not _SAYS_NOT.search(analysis.question.text) and (  # ("What was ... never called?")
                called := the_name_called(analysis.question.text, analysis.units)) is not None:
            short = called  # "unit-like structs" of "These are called unit-like structs because ...", when the span
            # model found nothing (its own names of several capitalised words stand: "War of the Two Capitals")
        case_item = None
        if (labelled := labelled_case_asked(analysis.question.text, analysis.units[:CASE_REACH])) is not None and (
                short is None or short.unit.key != labelled.key):
            short = self._span_near(labelled, value_under_the_label(labelled))  # "~/.cache/pip" under "Linux" for
            # "Where does pip store its cache on Linux?" (the span model's pick was "XDG_CACHE_HOME", a line above)
        elif labelled is None and (case_item := case_item_under_a_lead_in(analysis.question.text, [
                *analysis.units[:CASE_REACH], *(u for u in analysis.units[CASE_REACH:] if u.passage.rank == 1)],
                self._text_of)) is not None:  # any lead-in of the top passage: a scene's words ("My tests load a
            # shared library on a Mac.") rank its lines low
            lead_in, value = case_item  # "DYLD_FALLBACK_LIBRARY_PATH" of "- macOS: DYLD_FALLBACK_LIBRARY_PATH" under
            short = self._span_near(lead_in, value)  # "The variable name depends on the platform:", with its list
        instances = instances_asked(analysis)[:INSTANCES_QUOTED] if short is None else []
        chosen = self.quotes(lead_in if case_item is not None and short is not None
                             else short.unit if short is not None else instances[0] if instances
                             else _first_quote(analysis, headed), analysis.units,
                             asks_for_a_list(analysis.question.text))
        if instances:  # the things asked first, then what the ranker quotes beside them
            chosen = instances + [u for u in chosen if u not in instances]
        if short is not None and any(_INSTEAD.match(u.text) and u.doc_id == short.unit.doc_id
                                     and 0 <= u.start - short.unit.end <= INSTEAD_GAP for u in chosen):
            short = None  # "cause panics" of what Rust does not do: the sentence after says what it does instead
        if (entry_described or added is not None) and chosen:  # the entry goes on, not another's
            chosen = _the_entry_on(chosen, self._text_of)  # ("--tls-cipher-list=list" after what --title does,
            # another entry's "Added in: v6.0.0" after NODE_DEBUG's)
        if header is not None and short is not None:  # the row, then the header that says what its cells are
            chosen = _first_of_each([short.unit, header, *chosen])[:max(len(chosen), 2)]
        if entry is not None and short is not None:  # the entry's label and what it does, then its default
            opening = [entry] if len(_WORD.findall(entry.text)) >= MIN_QUOTE_WORDS else []
            chosen = _first_of_each([*opening, short.unit, *chosen])[:max(len(chosen), 2)]
        line = self._line_of_the_version_asked(analysis, short.unit if short is not None else chosen[0]) \
            if chosen and added is None and (ASKS_WHICH_VERSION.search(analysis.question.text)
                                             or ASKS_SINCE_WHICH_VERSION.search(analysis.question.text)) else None
        if line is not None and (versioned := self._its_entrys_version(line, analysis.question.text)) is not None:
            short = versioned  # "apt (2.1.16) unstable; ...": the header of the entry the answer stands in (the span
            # model's own pick was "switch 3.15", "Anaconda3-2025.12-2", a contributor's name)
            chosen = _first_of_each([versioned.unit, line, *chosen])
        elif (chosen and added is None and ASKS_WHEN_CHANGED.search(analysis.question.text) and (
                short is None or not _A_YEAR.search(
                short.text)) and (dated_entry := self._its_entrys_date(chosen[0])) is not None):
            short = dated_entry  # " -- Michael Biebl <...>  Wed, 08 Jun 2022 ...": the date its entry is signed
            chosen = _first_of_each([chosen[0], dated_entry.unit, *chosen[1:]])
        if chosen and (writer := self._writer_of_the_switch_asked(analysis, chosen[0], short)) is not None \
                and writer not in chosen:
            short, chosen = None, self.quotes(writer, analysis.units)  # "The script uses the OUT_DIR environment
            # variable to discover where the output files should be located.", ranked below a sentence that names none
        quoted = [u.text for u in chosen]
        if holder is not None:  # of a date asked, only units that hold it: what else happened then
            short, chosen = None, self.quotes(holder, on_the_date if dated is not None else analysis.units)
        elif (another_in_its_place(asked.question.text, quoted) is not None
              or another_of_its_class(asked.question.text, quoted) is not None):
            return Composition(NOT_FOUND, True, [], analysis.answerable)  # "on Windows" quoted for "on macOS"
        elif (self._names_what_its_documents_never_name(asked.question.text, chosen)
              or self._only_pages_of_other_programs_found(asked.question.text, passages)
              or (short is None and itself_the_replacement(analysis.question.text, chosen))):
            return Composition(NOT_FOUND, True, [], analysis.answerable)
        elif not can_answer(analysis.question, chosen, self.abbreviations_of):
            holder = self._best_unit_that_can_answer(
                analysis, lambda u: u.lexical >= KIND_LEXICAL or names_the_post_in_full(analysis.question, u.text)
                or labelled_by_a_year_asked(analysis.question.text, u.text)
                or heads_a_body_of_the_country_asked(analysis.question, u.text)) \
                or self._holder_of_the_post_in_full(analysis)
            if holder is None:
                return Composition(NOT_FOUND, True, [], analysis.answerable)
            short, chosen = None, self.quotes(holder, analysis.units)
        elif (holder := self._holder_before(chosen[0], analysis)) is not None:
            short, chosen = None, self.quotes(holder, analysis.units)
        elif (counted := self._a_count_before(chosen, analysis)) is not None:
            short, chosen = None, self.quotes(counted, analysis.units)
        if asks_who_said(analysis.question.text):
            chosen, short = self.with_the_speaker(chosen, short)
        elif (asks_for_several_holders(analysis.question) or asks_for_items(analysis.question.text)
              or asks_how_to(analysis.question.text) or thing_it_does(as_what_it_does(analysis.question.text)
                                                                   or analysis.question.text)):
            short = None  # "Who are the members of ...?", "What are the principles ...?", "How do I ...?", "What is
            # the x-content type for?": no one name or phrase ("x-content type has been introduced for this purpose")
        elif asks_for_a_post_holder(analysis.question):
            short = name_over_the_post(chosen[0], analysis.question) or short or name_after_the_post(chosen[0],
                                                                                                   analysis.question)
        elif short is None:
            short = the_path_asked(chosen[0], analysis.question)
        if (asks_how_to(analysis.question.text) or _ASKS_A_COMMAND.search(analysis.question.text)) and (
                typed := self._command_typed_after(chosen[0])) is not None and typed.unit not in chosen:
            chosen = [chosen[0], typed.unit, *chosen[1:]]  # "Python comes with an ensurepip module, which can install
            if _ASKS_A_COMMAND.search(analysis.question.text) and (  # pip ..." / "$ python -m ensurepip --upgrade":
                    short is None or not _WRITTEN_AS_CODE.search(short.text)):  # the command typed at a prompt under
                short = typed  # the sentence that says what it does, not a word of that sentence ("Python")
        if short is not None:
            short = spelled_out(short, chosen)
            short = with_its_day_and_month(short, analysis.question)
        if analysis.question.yes_no:  # "Did the coordinator report any serious issues?": what they said settles it
            chosen = self.with_the_quotation_before(chosen)
        if shown:  # "Tell me more": a unit added for context (a lead-in, where an abbreviation is spelled out) was read
            chosen = [u for u in chosen if one_line(u.text) not in shown] or chosen
        # (not for "Don't observers monitor the elections?", "Was it the first?": yes or no, the quote settles it)
        # (a FAQ's question over the quotes says it too: "Why isn't there a switch or case statement in Python?"; read
        # only when the question asks with a negation)
        def quoted_and_asked_over() -> Iterator[str]:
            yield from (u.text for u in chosen)
            yield from question_posed_over(chosen[0], self._text_of)

        negated = None if analysis.question.yes_no else negation_asked(analysis.question.text)
        if negated is not None and not negated.search(chosen[0].text) and (
                denying := next((u for u in analysis.units if negated.search(u.text)), None)) is not None:
            short, chosen = None, self.quotes(denying, analysis.units)  # "126 if the command cannot be run", ranked
            # below the rows before it, writes the negation asked with what it negates
        if not analysis.question.yes_no and asks_with_a_negation_no_quote_holds(analysis.question.text,
                                                                                  quoted_and_asked_over()):
            return Composition(NOT_FOUND, True, [], analysis.answerable)  # "Which country was not hit by the
            # embargo?" of lines that say which were: the question added "not", the text does not say it
        if not analysis.question.yes_no and says_the_opposite(analysis.question.text,
                                                              (short.unit if short is not None else chosen[0]).text):
            return Composition(NOT_FOUND, True, [], analysis.answerable)  # "... the lowest quotient ...?" of "The party
            # with the highest quotient is awarded the seat": the question changed the relation, the text does not say
        if (asks_when_it_went_no_quote_says(analysis.question.text, (u.text for u in chosen))
                or (names_no_switch_asked(analysis.question.text, [u.text for u in chosen])
                    and not code_heading_over(self._text_of(chosen[0].doc_id), chosen[0].start)
                    and (short is None or not is_keyword_label(short.text)))):
            return Composition(NOT_FOUND, True, [], analysis.answerable)  # "In which version was the truststore option
            # removed?" of "New in version 22.2: Experimental support, behind --use-feature=truststore."; "Which option
            # limits the size of pip's cache?" of a line that writes none (unless an entry's label over it names one,
            # too short to be quoted: "Syntax check the script without executing." under "-c, --check")
        citations = cited(chosen)
        short_answer = None
        if short is not None:
            n = next(c.n for c in citations if (c.doc_id, c.start) == short.unit.key)
            short_answer = ShortAnswer(short.text, short.unit.doc_id, short.start, short.end, n)
        explained = abbreviation_explained(analysis.question.text)
        if explained and not shown and not entry_described and not any(says_what_it_is(c.quote, explained)
                                                                         for c in citations):
            # "What is the CSTO?" had quoted a line that uses "CSTO" four times and says nothing of what it is
            spelled = self.spelled_out_in_full(explained, analysis, passages)
            if not spelled.abstained:
                return spelled
        named = name_explained(analysis.question.text)
        if named and not shown and not entry_described and not (
                citations and says_what_the_name_is(citations[0].quote, named)):
            # "What is the Permanent Council?" had quoted the one line that names it, which says nothing of what it is;
            # "What is the CSTO Parliamentary Assembly?" had its definition second, under "THE MAIN TASK OF ..."
            saying = self._best_unit_that_can_answer(analysis, lambda u: says_what_the_name_is(u.text, named),
                                                     reach=len(analysis.units))  # any unit of the top passages
            if saying is None:
                return Composition(NOT_FOUND, True, [], analysis.answerable)
            citations, short_answer = cited(self.quotes(saying, analysis.units)), None
        return Composition(format_answer(citations, short_answer), False, citations, analysis.answerable,
                           short_answer)

    def _how_to_with_what_no_document_names(self, analysis: Analysis) -> bool:
        """Whether the question asks how to do something ("How do I install pyenv with apt?", "How do I configure
        pyenv's GPU support?") with a word no passage of the collection holds: instructions for it are not there, and
        the instructions for something else (pyenv's git clone) had been quoted."""
        if not asks_how_to(analysis.question.text):
            return False
        words = [w for w in set(_WORD.findall(analysis.question.text.lower()))
                 if len(w) > 2 and content_words(w) and w not in _NAMES_NOTHING and not w.endswith("ly")]
        frequencies = self.content_word_frequencies(" ".join(words))
        return any(frequencies.get(w) == 0 for w in words)

    def _names_an_identifier_no_document_holds(self, analysis: Analysis) -> bool:
        """Whether the question names a program, file, path or code ("bzip2", "/usr/bin/ruby", "debian_defaults",
        "X.75") that no passage of the collection holds, or a path or type in code ("thread::scope", "Rc<T>") that no
        document found writes: such a name is written as it is, never paraphrased, so nothing in the documents speaks
        of it ("Which function compresses data with bzip2?" had quoted zlib's, "What is the return type of
        thread::scope?" thread::spawn's)."""
        names = identifiers(analysis.question.text)
        if not names:
            return False
        frequencies = self.reader.term_document_frequencies(names)
        unheld = [name for name in names if frequencies.get(name, 0) == 0]
        if unheld:  # a code held only inside a longer one ("thumbv7em-none-eabihf" in
            # "target/thumbv7em-none-eabihf/release/") is indexed as that one's code: its parts must be held
            parts = {name: re.findall(r"[^\W_]+", name) for name in unheld}
            held_parts = self.reader.term_document_frequencies(sorted({w for ws in parts.values() for w in ws}))
            if any(len(parts[name]) < 2 or not all(held_parts.get(w, 0) for w in parts[name]) for name in unheld):
                return True
        joined = [name for name in names if _JOINED_IN_CODE.search(name)] + unheld  # its parts are words of any text
        documents = {u.doc_id for u in analysis.units}  # ("thread::scope", "Rc<T>"): the documents found must
        return any(not any(name.removesuffix("()") in self._text_of(doc_id) for doc_id in documents)  # write it (a
                   for name in joined)  # call's name without its brackets: "wharf_skip()" of a page titled wharf_skip)

    def _the_person_asked_is_named_nowhere(self, analysis: Analysis) -> bool:
        """Whether the question asks what a person said or who they are ("What did Putin say about the
        elections?", "..., according to Tokayev?") and no passage of the collection holds any word of their name:
        their words cannot be quoted, and another speaker's on the same topic answer another question."""
        text = analysis.question.text
        asked = person_asked_about(text)
        name = speaker_asked(text) or person_named_as_source(text) or (asked.name if asked is not None else None)
        if name is None:
            return False
        frequencies = self.content_word_frequencies(name)
        return bool(frequencies) and not any(frequencies.values())

    def _a_country_asked_is_named_nowhere(self, analysis: Analysis) -> bool:
        """Whether the question names a country that no passage of the collection names by any of its names or its
        people's word ("Is Uzbekistan a member of the CSTO?" of documents that never name it had quoted the
        Kazakh Senate's chairman): nothing in them can say anything of it."""
        for key in countries_named(analysis.question.text):
            names = [[w for w in _WORD.findall(name.lower()) if w not in STOP_WORDS]
                     for name in with_peoples_words(names_of(key))]
            frequencies = self.reader.term_document_frequencies(sorted({w for words in names for w in words}))
            if not any(words and all(frequencies.get(w, 0) for w in words) for words in names):
                return True
        return False

    def about_the_document(self, analysis: Analysis, passages: Sequence[Passage]) -> Composition | None:
        """For a question about the one document it is asked of (every passage is of the document the question
        names, retrieval/named_document.py): "Who signed it?" is answered by its signature block
        (`signatures.signature_block`, one quote), "When was it adopted?" by the date its opening lines state
        (`document_date.own_date`, in bold, in the unit that holds it), "What is it about?" by its opening lines
        (`document_lead.lead`). None for any other question, or when the document has no such block or date."""
        q = analysis.question.text
        signed, about = asks_who_signed(q), asks_what_it_is_about(q)
        if not analysis.units or not (signed or about or asks_when_made(q)):
            return None
        near = analysis.units[0]
        if any(p.doc_id != near.doc_id for p in passages):
            return None
        text, units = self._text_of(near.doc_id), [span for _, span in self.reader.sentences_of(near.doc_id)]
        short = None
        if about:  # "What is the declaration about?": its opening lines (retrieval/document_lead.py)
            citations = cited([unranked(near, span, text) for span in lead(units, text)])
            return Composition(format_answer(citations), False, citations, analysis.answerable) if citations else None
        if signed:
            block = signature_block(units, text)
            if not block:
                return None
            end = block[0].start + len(text[block[0].start : block[-1].end].rstrip(" \t|:"))  # a table's last bar
            quote = unranked(near, Span(block[0].start, end), text)  # one quote, line by line
        else:
            stated = own_date(text)
            span = next((s for s in units if stated and s.start <= stated.start and stated.end <= s.end), None)
            if span is None:
                return None
            quote = unranked(near, span, text)
            short = ShortAnswer(text[stated.start : stated.end], near.doc_id, stated.start, stated.end, 1)
        citations = [Citation(1, quote.doc_id, quote.title, quote.start, quote.end, quote.text)]
        return Composition(format_answer(citations, short), False, citations, analysis.answerable, short)

    def spelled_out_in_full(self, asked: str, analysis: Analysis, passages: Sequence[Passage]) -> Composition:
        """For "What does EAB stand for?": what it stands for in bold ("Expert Advisory Board"), in the unit of the
        passages' documents that defines it ("... (EAB)"), or else the first that writes a name of those initials
        ("Collective Security Treaty Organization" for CSTO). Nothing else answers it: where the documents do
        neither, they do not say (a line that uses "OSCE" had been quoted)."""
        first_of_each = list({p.doc_id: p for p in reversed(passages)}.values())[::-1]
        for where_in in (where_defined, where_written_in_full):
            for passage in first_of_each:
                text = self._text_of(passage.doc_id)
                where = where_in(text, asked)
                unit = where and next((span for _, span in self.reader.sentences_of(passage.doc_id)
                                       if span.start <= where[0] and where[1] <= span.end), None)
                if unit is None:
                    continue
                quote = Citation(1, passage.doc_id, passage.title, unit.start, unit.end, text[unit.start : unit.end])
                short = ShortAnswer(text[where[0] : where[1]], passage.doc_id, where[0], where[1], 1)
                return Composition(format_answer([quote], short), False, [quote], analysis.answerable, short)
        return Composition(NOT_FOUND, True, [], analysis.answerable)

    def _holder_of_the_post_in_full(self, analysis: Analysis) -> ScoredUnit | None:
        """Among the best units, one that names the post the question asks the holder of in full
        (`kinds.names_the_post_in_full`) and can answer it (a person's name beside it, of the country asked). Any
        ranked unit may: a post named in full beside a name says who holds it whatever its words' rank ("Chairman
        of the Senate" for "Who leads the upper chamber ...?" ranks sixth, below lines that name "Kazakhstan")."""
        q = analysis.question
        if not asks_for_a_post_holder(q):
            return None
        return self._best_unit_that_can_answer(analysis, lambda u: names_the_post_in_full(q, u.text),
                                               reach=len(analysis.units))

    def _holder_before(self, first: ScoredUnit, analysis: Analysis) -> ScoredUnit | None:
        """For a post's holder, a unit among the best that names the post as asked (`kinds.the_post_as_asked`)
        beside a name, when the first quote names its title only for another post ("Who heads the lower house
        of the Belarusian parliament?" had opened with the Swedish delegation's Head, the chairman of Belarus's
        House of Representatives fourth); or when the first quote names no one at all, a unit that names the post in
        full beside a name ("Who will chair the CSTO Parliamentary Assembly?" had opened with the Assembly's main
        task, a heading); None otherwise."""
        q = analysis.question
        if not asks_for_a_post_holder(q):
            return None
        if not can_answer(q, [first], self.abbreviations_of) and (holder := self._best_unit_that_can_answer(
                analysis, lambda u: u is not first and names_the_post_in_full(q, u.text),
                reach=len(analysis.units))) is not None:
            return holder
        if not names_the_post_only_as_another(q, [first.text]):
            return None  # the first quote names the post as asked, or not at all ("Louis XIV ... in 1643")
        return self._best_unit_that_can_answer(
            analysis, lambda u: u is not first and the_post_as_asked(q, u.text) is not None)

    def _a_count_before(self, chosen: list[ScoredUnit], analysis: Analysis) -> ScoredUnit | None:
        """For "How many CIS observers are in Kazakhstan?", when no quote says an exact count ("in many cities of
        almost all CIS countries"), the first of the KIND_REACH best units that says one and holds enough of the
        question ("A total of 61 international observers from the CIS ..."); None otherwise."""
        if not asks_how_many(analysis.question) or any(says_an_exact_count(u.text) for u in chosen):
            return None
        return self._best_unit_that_can_answer(
            analysis, lambda u: u.lexical >= KIND_LEXICAL and says_an_exact_count(u.text))

    def _best_unit_that_can_answer(self, analysis: Analysis, fits: Callable[[ScoredUnit], bool],
                                   reach: int = KIND_REACH) -> ScoredUnit | None:
        """The first of the `reach` best units that `fits` and could answer the question alone (`can_answer`)."""
        return next((u for u in analysis.units[:reach]
                     if fits(u) and can_answer(analysis.question, [u], self.abbreviations_of)), None)

    def units_spoken_by_the_speaker_asked(self, analysis: Analysis) -> list[ScoredUnit]:
        """For "What did Lukashenko say about the OSCE?", the ranked units in which the person speaks, best first:
        the unit names them beside a verb of saying ("..., Belarus President Aleksandr Lukashenko said as he met
        ..."), or stands in a quotation the text gives to them (`speakers.speaker_of`) or that their name block
        among the KIND_REACH best stands beside (`quotation_beside`; after the ranked ones when the ranker saw
        none of it); the quotes are then drawn from these only. The ranker, weighing the topic's words, had put
        first a line about the OSCE's Vice President, Kent Harstedt, and quoted another speaker's words beside
        the person's. For "What did the Chairman of the Mazhilis say?", the quotation of the post's holder
        (`_quotation_of_the_post_asked`). The same for the person a question names as its source ("How are the
        elections organised, according to Hakobyan?"), whose units count wherever they rank: the ranking leaves the
        named source out. None for any other question, or when no unit among the KIND_REACH best is the person's."""
        source = person_named_as_source(analysis.question.text)  # "..., according to Hakobyan?"
        person = speaker_asked(analysis.question.text) or source
        if person is None:
            return self._quotation_of_the_post_asked(analysis)
        name = name_pattern(person)
        spoken = self._spoken_by(name)

        # The quotation a name block of theirs stands beside (a quote card) is theirs too.
        cards = [q for u in analysis.units[:KIND_REACH] if name.search(u.text) for q in self.quotation_beside(u)]
        card_keys = {q.key for q in cards}
        found = [u for u in analysis.units if u.key in card_keys or spoken(u)]
        best = {u.key for u in analysis.units[:KIND_REACH]} | card_keys
        found += [q for q in cards if all(q.key != u.key for u in found)]
        if not source and not any(u.key in best for u in found):
            return []
        return self._on_the_topic_first(found, analysis.question.text)

    def _spoken_by(self, name: re.Pattern) -> Callable[[ScoredUnit], bool]:
        """Whether a unit is the person's words: it names them beside a verb of saying, or stands in a quotation the
        text gives to them (`speakers.speaker_of`: "..., the President said" after "Belarus President Aleksandr
        Lukashenko")."""
        def spoken(unit: ScoredUnit) -> bool:
            if name.search(unit.text) and _SAYING.search(unit.text):
                return True
            text = self._text_of(unit.doc_id)
            speaker = speaker_of(text, unit.start + 1)
            return speaker is not None and bool(name.search(text[speaker.start : speaker.end]))
        return spoken

    def _with_more_of_their_words(self, analysis: Analysis, person: PersonAsked | None,
                                  naming: list[ScoredUnit]) -> list[ScoredUnit]:
        """For "What did Lukashenko say?", the units that name him as he speaks, and the ranked units of his other
        quotations, which the text gives to "the President" ("What did Lukashenko say?" had quoted one sentence of
        his four quotations): after the first, the more likely first. A first unit the ranker did not score (a quote
        card's, a quotation's opening sentences) keeps the order it reads in."""
        if not naming or person is None or not person.words:
            return naming
        spoken, keys = self._spoken_by(name_pattern(person.name)), {u.key for u in naming}
        more = [u for u in analysis.units if u.key not in keys and spoken(u)]
        if not more or naming[0].probability == 0:
            return naming + more
        return naming[:1] + sorted(naming[1:] + more, key=lambda u: -u.probability)

    def _on_the_topic_first(self, spoken: list[ScoredUnit], question: str) -> list[ScoredUnit]:
        """The speaker's units, those that hold more of the topic asked about first ("What did Aleksandr Markevich
        say about the organization of the elections?" is "The high level of organization of the elections ...
        made a very positive impression on us.", not his line the ranker put first for holding his rare name);
        the ranker's order otherwise."""
        topic = topic_said_about(question)
        if not topic:
            return spoken
        match = _lexical_matcher(topic, self.idf_weights(topic))
        share = [match(set(stems(u.text))) for u in spoken]
        order = sorted(range(len(spoken)), key=lambda i: -share[i])
        return [spoken[i] for i in order]

    def _quotation_of_the_post_asked(self, analysis: Analysis) -> list[ScoredUnit]:
        """For "What did the Chairman of the Mazhilis say?", the quotation beside the first name block among the
        KIND_REACH best units that holds every word of the post ("Erlan Koshanov / Member of the CSTO PA Council /
        Chairman of the Mazhilis of the Parliament of the Republic of Kazakhstan"), then the block: the block alone
        says who holds the post, not what they said. None when no such block has a quotation."""
        post = post_speaker_asked(analysis.question.text)
        if post is None:
            return []
        words = set(content_words(post))
        for unit in analysis.units[:KIND_REACH]:
            if words <= set(stems(unit.text)) and (said := self.quotation_beside(unit)):
                return said + [unit]
        return []

    def quotation_beside(self, unit: ScoredUnit) -> list[ScoredUnit]:
        """The quotation a name block stands beside, the layout of a brochure's quote cards: the units from one that
        opens a quotation right after the block to the one that closes it ("Vyacheslav Volodin / Chairman of ..."
        then "\"The parliamentary dimension of the CSTO develops ..."), or the same right before it (a quotation
        signed by the name under it) when no other name block stands right before that quotation. None for a unit
        that is no name block, or with no quotation beside it."""
        if not is_a_name_block(unit.text):
            return []
        text = self._text_of(unit.doc_id)
        (before, after), = self._spans_around([unit])
        # A unit may leave out the mark that closes a quotation ("... support for their decisions." then '"').
        opens = lambda span: text[max(0, span.start - 1) : span.end].lstrip()[:1] in _OPENING_MARKS  # noqa: E731
        closes = lambda span: text[span.start : span.end + 1].rstrip()[-1:] in _CLOSING_MARKS  # noqa: E731
        spans = _quotation(after, opens, closes)
        if not spans:
            spans = _quotation(before, closes, opens)
            # ... unless another name block stands right before that quotation, or before the quotations that
            # precede it: they follow that block (Ashimbayev's block, his two quotations, then Erlan Koshanov's
            # block, which has none)
            further = len(spans)
            while spans and (more := _quotation(before[further:], closes, opens)):
                further += len(more)
            if spans and further < len(before) and is_a_name_block(text[before[further].start : before[further].end]):
                spans = []
        return [unranked(unit, span, text) for span in sorted(spans, key=lambda s: s.start)]

    def _spans_around(self, units: Sequence[ScoredUnit]) -> list[tuple[list[Span], list[Span]]]:
        """For each of `units`, the units of its document within QUOTATION_REACH characters before it (the nearest
        first) and after it (the nearest first), read in one round trip."""
        windows = [(u.doc_id, max(0, u.start - QUOTATION_REACH), u.start) for u in units]
        windows += [(u.doc_id, u.end, u.end + QUOTATION_REACH) for u in units]
        found = self.reader.sentences_within_spans(windows)
        return [([span for _, span in before if span.end <= unit.start][::-1],
                 [span for _, span in after if span.start >= unit.end])
                for unit, before, after in zip(units, found[: len(units)], found[len(units) :])]

    def _texts_beside(self, units: Sequence[ScoredUnit]) -> list[str]:
        """The text of the unit right before and right after each of `units`: the line that says who speaks and of
        what ("... thanked Aleksandr Lukashenko for the meeting.")."""
        return [self._text_of(unit.doc_id)[s.start : s.end]
                for unit, (before, after) in zip(units, self._spans_around(units)) for s in before[:1] + after[:1]]

    def quotation_before(self, unit: ScoredUnit) -> list[ScoredUnit]:
        """The units of the quotation `unit` goes on or closes, before it, in order: the nearest, as many as are
        quoted beside it (a reader sees the speaker's name with them); none when it stands in no quotation."""
        text = self._text_of(unit.doc_id)
        opened = quotation_opened(text, unit.start + 1)
        if opened is None or opened >= unit.start:
            return []
        spans = self.reader.sentences_within_spans([(unit.doc_id, opened, unit.start)])[0]
        spans = sorted((span for _, span in spans if span.end <= unit.start), key=lambda s: s.start)
        return [unranked(unit, span, text) for span in spans[len(spans) - (self.max_sentences - 1) :]]

    def with_the_speaker(self, chosen: list[ScoredUnit], short: SpanChoice | None
                         ) -> tuple[list[ScoredUnit], SpanChoice | None]:
        """For "Who said ...?": the name the text gives as the speaker of the quotation the first quote stands in
        (`speakers.speaker_of`) is the short answer, and the unit that names it is quoted right after the first.
        "Who said the elections comply with international standards?" had "Constitutional Law" in bold, from the
        quoted sentence; the speaker is named three sentences later. Unchanged when the text names no speaker."""
        first = chosen[0]
        text = self._text_of(first.doc_id)
        name = speaker_of(text, first.start + 1)
        if name is None:
            return chosen, short
        found = self.reader.sentences_within_spans([(first.doc_id, name.start, name.end)])[0]
        span = next((s for _, s in found if s.start <= name.start and name.end <= s.end), None)
        if span is None:
            return chosen, short
        said = next((u for u in chosen if u.key == (first.doc_id, span.start)), None) or unranked(first, span, text)
        if said not in chosen:
            chosen = [first, said] + chosen[1:]
        return chosen, SpanChoice(said, name.start, name.end, text[name.start : name.end], 0.0, 1.0)

    def quotes(self, first: ScoredUnit, ranked: Sequence[ScoredUnit], whole_list: bool = False) -> list[ScoredUnit]:
        """The units quoted, `first` leading: the close runners-up of the ranking after it, each with what it
        needs to be understood (what continues it, what it refers back to, the list under a heading)."""
        others = [u for u in ranked if u.key != first.key]
        chosen = [first] + select_units(others, self.max_sentences - 1, QUOTE_SHARE * ranked[0].probability,
                                        {first.text})
        chosen = with_continuations(chosen, ranked, self._text_of)
        chosen = self.with_what_completes_them(chosen)
        chosen = self.with_context_before(chosen)
        chosen = self.with_section_of_heading(chosen, ranked)
        return _not_twice(self.with_the_whole_list(chosen) if whole_list else chosen)

    def with_what_completes_them(self, chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """Each quoted unit with the unit that completes it, however short (units of fewer than MIN_QUOTE_WORDS
        words are never ranked): what a colon announces ("Run the development server on localhost with reload:" /
        "fastapi dev"), the command that ends a sentence left open (`_RUNS_ON`), the rest of a list item whose
        short lead alone was quoted ("- Disable it at build time." / "Pass --no_telemetry to build.py or build.sh."),
        and what is done in place of what a sentence says is not ("Instead, ...")."""
        out: list[ScoredUnit] = []
        keys = {u.key for u in chosen}
        for unit in self._with_what_captions_show(chosen):
            out.append(unit)
            colon = unit.text.rstrip().endswith(":")
            lead = (is_list_item(unit.text) and len(_WORD.findall(unit.text)) <= LIST_LEAD_WORDS
                    and ends_sentence(unit.text))
            runs_on = bool(_RUNS_ON.search(unit.text))
            denied = bool(_SAYS_NOT.search(unit.text))
            following = self._unit_after(unit) if colon or lead or runs_on or denied else None  # (the index is asked
            # only then)
            if following is None or following.key in keys:
                continue
            between = self._text_of(unit.doc_id)[unit.end : following.start]
            if denied and not (colon or lead or runs_on):
                if _INSTEAD.match(following.text) and "\n\n" not in between:  # "Rust does not include checks ..." /
                    out.append(following)  # "Instead, if overflow occurs, Rust performs two's complement wrapping."
                    keys.add(following.key)
                continue
            # (a longer unit a colon announces is ranked, and `with_continuations` quotes it; SQuAD's paragraphs that
            # end in a colon lost what followed, and the next paragraph says something else)
            adjacent, words = not _BETWEEN_UNITS.sub("", between), len(_WORD.findall(following.text))
            announced = (colon and adjacent and (words < MIN_QUOTE_WORDS or bool(_CAPTION.match(following.text)))
                         and not _A_LIST_MARK_ALONE.fullmatch(following.text))
            completed = runs_on and adjacent and words <= RUN_ON_WORDS
            if announced or completed or (lead and "\n" not in between):
                out.append(following)
                keys.add(following.key)
            if announced and is_list_item(following.text):
                for item in self._short_items_after(following, keys):  # "It is used through URL prefixes:" / "- Git
                    out.append(item)  # -- git+" / "- Mercurial -- hg+" / ...: the list, not its first item alone
                    keys.add(item.key)
        return out

    def _short_items_after(self, item: ScoredUnit, keys: set) -> list[ScoredUnit]:
        """The list items right after `item` as long as each is too short to be quoted alone (fewer than
        MIN_QUOTE_WORDS words, never ranked), up to LIST_ITEMS in all: a list of such items is read whole, for the
        question may ask of any of them ("Which URL prefix does pip use for Mercurial?")."""
        items: list[ScoredUnit] = []
        while (len(items) < LIST_ITEMS - 1 and (after := self._unit_right_after(item)) is not None
               and after.key not in keys):
            if not is_list_item(after.text) or len(_WORD.findall(after.text)) >= MIN_QUOTE_WORDS:
                break
            items.append(after)
            item = after
        return items

    def _with_what_captions_show(self, chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """A caption ("Filename: Cargo.toml") with the example it names, which had been left out of "here are the
        default values for the opt-level setting:" / "Filename: Cargo.toml"."""
        out, keys = [], {u.key for u in chosen}
        for unit in chosen:
            out.append(unit)
            if _CAPTION.match(unit.text) and (shown := self._unit_right_after(unit)) is not None \
                    and shown.key not in keys:
                out.append(shown)
                keys.add(shown.key)
        return out

    def _command_typed_after(self, unit: ScoredUnit) -> SpanChoice | None:
        """The command typed at a prompt right after `unit` ("$ python -m ensurepip --upgrade"), without the prompt, as
        a span of its unit; None when what follows is no such line (or `unit` is one itself)."""
        if PROMPT.match(unit.text) or (following := self._unit_right_after(unit)) is None:
            return None
        if (typed := PROMPT.match(following.text)) is None:
            return None
        line_end = following.text.find("\n")
        command = following.text[typed.end() : line_end if line_end >= 0 else len(following.text)].rstrip()
        start = following.start + typed.end()
        return SpanChoice(following, start, start + len(command), command, 0.0, 1.0) if command else None

    def _unit_right_after(self, unit: ScoredUnit) -> ScoredUnit | None:
        """The unit after `unit` when only space or a list item's mark stands between them (`_BETWEEN_UNITS`): what
        goes on from it (the example under a caption, the next short item, the command typed under a sentence)."""
        following = self._unit_after(unit)
        if following is None or _BETWEEN_UNITS.sub("", self._text_of(unit.doc_id)[unit.end : following.start]):
            return None
        return following

    def _unit_after(self, unit: ScoredUnit) -> ScoredUnit | None:
        """The quote unit right after `unit` in its document (within UNIT_AFTER_REACH characters), ranked or not."""
        found = self.reader.sentences_within_spans([(unit.doc_id, unit.end, unit.end + UNIT_AFTER_REACH)])[0]
        span = next((span for _, span in found if span.start >= unit.end), None)
        return unranked(unit, span, self._text_of(unit.doc_id)) if span is not None else None

    def with_the_whole_list(self, chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """For a question that asks for a whole list (`question.asks_for_a_list`), the list the first quote opens
        or quotes from, whole: its lead-in (a heading, a sentence ending in a colon), then its items, up to
        LIST_ITEMS, then the other quotes. "What does the defence commission do?" had the heading and one of three
        items. A list only a later quote opens is left as it is: it answers less surely than the first quote."""
        if not chosen:
            return chosen
        first = chosen[0]
        lead, items = first, self._list_under(first)
        if not items and is_list_item(first.text):
            before = self._context_before(first)
            if before is None:
                return chosen
            lead, items = before, self._list_under(before)
        if not items:
            return chosen
        text = self._text_of(first.doc_id)
        whole = [lead] + [next((u for u in chosen if u.key == (first.doc_id, span.start)), None)
                          or unranked(first, span, text) for span in items[:LIST_ITEMS]]
        keys = {u.key for u in whole}
        return whole + [u for u in chosen if u.key not in keys]

    def abbreviations_of(self, unit: ScoredUnit) -> frozenset[str]:
        """The abbreviations the unit uses (bodies.py), and the unit's it refers back to; its document's words in
        small letters read once."""
        words = self._small_words_of(unit.doc_id)
        found = abbreviations(unit.text, words)
        if _NEEDS_ANTECEDENT.match(unit.text):  # "They are monitoring over 10,000 ...": who they are, too
            before = self._context_before(unit)
            if before is not None:
                found |= abbreviations(before.text, words)
        return found

    def _said_everywhere(self, choice: SpanChoice) -> bool:
        """Whether every word of the span stands in a fifth or more of the collection's passages ("CSTO
        Parliamentary Assembly", "Collective Security Treaty Organization" in a collection about them):
        what the whole collection is about, like a document's title (`only_the_title`), so in bold it
        reads as an answer and answers nothing. A number keeps its place; a collection of fewer than
        COMMON_MIN_CHUNKS passages has too few for the share to tell."""
        n = self.reader.manifest.n_chunks
        if n < COMMON_MIN_CHUNKS or holds_number(choice.text):
            return False
        frequencies = self.content_word_frequencies(choice.text)
        return bool(frequencies) and all(df >= COMMON_SHARE * n for df in frequencies.values())

    def _a_small_word_at_a_sentence_start(self, choice: SpanChoice) -> bool:
        """Whether the span is one word capitalised only because a sentence starts with it ("According", "Soon",
        "Along"; `short_answer.word_opening_a_sentence`), which its document also writes in small letters, or which
        "that" follows ("Note that ...", in bold for which company owns pyenv): the span model reads capitals as a
        name's."""
        word = word_opening_a_sentence(choice)
        after = choice.unit.text[choice.end - choice.unit.start :]
        return word is not None and (word.lower() in self._small_words_of(choice.unit.doc_id)
                                     or re.match(r"\s+that\b", after) is not None)  # "Note that ...": a verb

    def with_context_before(self, chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """Each quoted unit that cannot be understood alone is preceded by the unit that says what it is
        about (once): a list item by the heading or sentence that introduces its list ("- develops
        recommendations on ... human trafficking ..." says what is done, "CSTO PA STANDING COMMISSION ON
        SOCIOECONOMIC AND LEGAL ISSUES" who does it); a unit that refers back ("They are monitoring over
        10,000 polling stations", "We consider such anti-democratic practice as a direct threat ...") by
        the unit just before it, which says who "they" are and what "such practice" is. A context unit the
        ranker chose too comes before the unit it explains, not after it."""
        out: list[ScoredUnit] = []
        for unit in chosen:
            if any(u.key == unit.key for u in out):
                continue  # already quoted, as the context of a unit before it
            before = self._context_before(unit)
            if before is not None and all(u.key != before.key for u in out):
                out.append(next((u for u in chosen if u.key == before.key), before))  # moved up when chosen later
            out.append(unit)
        return out

    def with_the_quotation_before(self, chosen: list[ScoredUnit]) -> list[ScoredUnit]:
        """Each quoted unit that ends someone's quotation opened in an earlier sentence of its paragraph
        ("Everything is going strictly according to the law,” noted Vagharshak Hakobyan, ...") is preceded by
        the sentence just before it, their words too ("There are no significant problems."): the attribution
        alone quotes the end of what they said. For yes/no questions, which the quotation settles (for others
        the sentence before was mostly noise: "This will allow us to make objective conclusions." before who
        coordinates the mission). Added once every choice is made: it is context, not evidence."""
        out: list[ScoredUnit] = []
        for unit in chosen:
            before = self._quotation_before(unit) if _closes_a_quotation_opened_before(unit.text) else None
            if before is not None and all(u.key != before.key for u in out + chosen):
                out.append(before)
            out.append(unit)
        return out

    def _quotation_before(self, unit: ScoredUnit) -> ScoredUnit | None:
        """The unit just before `unit` in its paragraph, when the quotation `unit` closes opened there or earlier."""
        text = self._text_of(unit.doc_id)
        paragraph = max(text.rfind("\n\n", 0, unit.start), 0)
        if not any(text.rfind(mark, paragraph, unit.start) >= 0 for mark in _QUOTATION_OPENS):
            return None
        spans = [span for _, span in self.reader.sentences_within_spans([(unit.doc_id, paragraph, unit.start)])[0]
                 if span.end <= unit.start]
        if not spans or len(_WORD.findall(text[spans[-1].start : spans[-1].end])) < MIN_QUOTE_WORDS:
            return None
        return unranked(unit, spans[-1], text)

    def with_section_of_heading(self, chosen: list[ScoredUnit], ranked: Sequence[ScoredUnit]) -> list[ScoredUnit]:
        """An answer of headings alone ("CSTO PA STANDING COMMISSION ON SOCIOECONOMIC AND LEGAL ISSUES" for
        "What does the socioeconomic and legal issues commission evaluate ...?") names where the answer is and
        says nothing. When the first heading opens a list, the answer goes on with the item of that list the
        ranker rates best ("- evaluates draft regulatory documents ..."), or its first item when the ranker
        saw none: the converse of quoting a list item under its heading. Over no list, a command that opens the
        heading's section follows it ("Install a package from GitHub" / "$ pip install git+https://...")."""
        if not chosen or not all(_names_a_section(u.text) for u in chosen):
            return chosen
        heading = chosen[0]
        items = self._list_under(heading)
        if not items:  # no list: the command that opens the section ("Install a package from GitHub" / "$ pip
            opening = self._unit_right_after(heading)  # install git+https://...")
            if (opening is None or in_capitals(heading.text) or not _WRITTEN_AS_CODE.search(opening.text)
                    or opening in chosen):
                return chosen
            return [heading, opening] + chosen[1:]
        starts = {span.start for span in items}
        best = next((u for u in ranked if u.doc_id == heading.doc_id and u.start in starts), None)
        if best is None:
            best = unranked(heading, items[0], self._text_of(heading.doc_id))
        return [heading, best] + chosen[1:]

    def _list_under(self, heading: ScoredUnit) -> list[Span]:
        """The items of the list that follows a heading (within SECTION_REACH characters), if one does, perhaps past
        a sentence that leads into it ("The Rules of References" / "Let’s recap what we’ve discussed about
        references:" / "- At any given time, ...")."""
        text = self._text_of(heading.doc_id)
        found = self.reader.sentences_within_spans([(heading.doc_id, heading.end, heading.end + SECTION_REACH)])[0]
        items: list[Span] = []
        for n, (_, span) in enumerate(s for s in found if s[1].start >= heading.end):
            unit = text[span.start : span.end]
            if n == 0 and not is_list_item(unit) and unit.rstrip().endswith(":"):
                continue
            if not is_list_item(unit):
                break
            if len(_WORD.findall(unit)) >= MIN_QUOTE_WORDS:
                items.append(span)
        return items

    def _context_before(self, unit: ScoredUnit) -> ScoredUnit | None:
        """The quote unit that says what `unit` is about, if it needs one: the last unit over its list's
        lead-in, or over the stretch before it when it refers back."""
        text = self._text_of(unit.doc_id)
        found = list_lead_in(text, unit.start)
        if found is None and _NEEDS_ANTECEDENT.match(unit.text):
            found = (max(0, unit.start - ANTECEDENT_REACH), unit.start)
        if found is None:
            return self._definition_before(unit, text)
        spans = [span for _, span in self.reader.sentences_within_spans([(unit.doc_id, *found)])[0]
                 if span.end <= unit.start]
        if not spans:
            return None
        span = spans[-1]
        quote = text[span.start : span.end]
        if len(_WORD.findall(quote)) < MIN_QUOTE_WORDS or (is_list_item(quote) and not is_list_item(unit.text)):
            return None
        return unranked(unit, span, text)

    def _definition_before(self, unit: ScoredUnit, text: str) -> ScoredUnit | None:
        """The unit that spells out an abbreviation `unit` uses, when it stands just before ("Expert Advisory
        Board (EAB) under the Council ... is a standing advisory body ..." before "... the EAB reviews and
        examines draft model acts ..."): "the EAB" alone names nothing a reader knows."""
        reach = max(0, unit.start - ANTECEDENT_REACH)
        for abbreviation in dict.fromkeys(_ABBREVIATION.findall(unit.text)):
            marker = f"({abbreviation})"
            at = text.rfind(marker, reach, unit.start)
            if at < 0 or marker in unit.text:
                continue
            for _, span in self.reader.sentences_within_spans([(unit.doc_id, at, at + len(marker))])[0]:
                if span.start <= at and at + len(marker) <= span.end <= unit.start:
                    return unranked(unit, span, text)
        return None


def _closes_a_quotation_opened_before(text: str) -> bool:
    """Whether the unit ends someone's quotation that opened in an earlier unit ("Everything is going strictly
    according to the law,” noted Vagharshak Hakobyan ...": the sentences before it are their words too)."""
    close = _CLOSES_QUOTATION.search(text)
    return close is not None and not any(mark in text[: close.start()] for mark in _QUOTATION_OPENS)


def _quotation(spans: Sequence[Span], first: Callable[[Span], bool], last: Callable[[Span], bool]) -> list[Span]:
    """The units of a quotation, read from the nearest (`spans`, in reading order away from the name block): the
    first must open it (`first`: it opens with a quotation mark, reading forward) and it ends with the unit that
    closes it, within QUOTATION_UNITS; none when it does not end there, or another quotation begins first (a
    quotation whose opening the text lost is no one's)."""
    if not spans or not first(spans[0]):
        return []
    for n, span in enumerate(spans[:QUOTATION_UNITS]):
        if last(span):
            return list(spans[: n + 1])
        if n > 0 and first(span):
            break
    return []


_OPENING_MARKS = frozenset('"“«„')
_CLOSING_MARKS = frozenset('"”»')
QUOTATION_REACH = 1500  # characters looked at either side of a name block for its quotation
QUOTATION_UNITS = 6  # units a quote card's quotation holds at most


def spelled_out(short: SpanChoice, quoted: Sequence[ScoredUnit]) -> SpanChoice:
    """An abbreviation as the short answer ("EAB") becomes its spelled-out form where a quote defines it
    ("Expert Advisory Board (EAB)"): the words before the bracket whose initials make the abbreviation,
    and the bracket. Unchanged when no quote defines it so."""
    if not _ABBREVIATION.fullmatch(short.text):
        return short
    marker = f"({short.text})"
    for unit in quoted:
        at = unit.text.find(marker)
        start = None if at < 0 else initials_start(unit.text[:at], short.text)
        if start is not None:
            end = at + len(marker)
            return SpanChoice(unit, unit.start + start, unit.start + end, unit.text[start:end], short.logit,
                              short.probability)
    return short


def _the_entry_on(chosen: Sequence[ScoredUnit], text_of: Callable[[str], str]) -> list[ScoredUnit]:
    """The first quote, and those of the others that go on its entry: in its document, after it and before the next
    entry's heading (a name written as code on a line of its own), at most ENTRY_QUOTED_REACH characters on, and no
    history line."""
    first = chosen[0]
    text = text_of(first.doc_id)
    end = min(len(text), first.start + ENTRY_QUOTED_REACH)
    following = next((m.start(1) for m in _LINE_ALONE.finditer(text, first.end, end) if is_code_heading(m.group(1))),
                     end)
    return [first] + [u for u in chosen[1:] if u.doc_id == first.doc_id and not only_history(u.text)
                      and first.start < u.start < following]


def _the_history_row_asked(question: str, units: Sequence[ScoredUnit]) -> ScoredUnit | None:
    """Of the units that are history rows, the first of those whose change shares the most content words with the
    question (its "version" and "release" aside); None when none shares one."""
    asked = set(content_words(question)) - {"version", "release"}
    rows = [(len(asked.intersection(content_words(u.text[m.start("change"):]))), -rank, u)
            for rank, u in enumerate(units) if (m := HISTORY_ROW.match(u.text)) is not None]
    best = max(rows, key=lambda row: row[:2], default=None)
    return best[2] if best is not None and best[0] > 0 else None


def _near_units_and_documents(analysis: Analysis, passages: Sequence[Passage]
                              ) -> tuple[dict[str, ScoredUnit], list[str]]:
    """Each document's best unit, and the top passages' documents that have one, in the passages' order: where an
    entry asked of is looked for, and near what its span is quoted."""
    near = _best_of_each_document(analysis.units)
    return near, list(dict.fromkeys(p.doc_id for p in passages[:ANSWER_PASSAGES] if p.doc_id in near))


def _best_of_each_document(units: Sequence[ScoredUnit]) -> dict[str, ScoredUnit]:
    """Each document's best unit (`units` ranked best first): what a span found elsewhere in it is quoted near."""
    return {u.doc_id: u for u in reversed(units)}


def _first_of_each(units: Sequence[ScoredUnit]) -> list[ScoredUnit]:
    """The units in order, each unit once."""
    seen: set[tuple[str, int]] = set()
    return [u for u in units if not (u.key in seen or seen.add(u.key))]


def unranked(near: ScoredUnit, span: Span, text: str) -> ScoredUnit:
    """The unit at `span` of the document of `near` (its passage), quoted for what it adds to a ranked unit;
    the ranker did not score it."""
    return replace(near, start=span.start, end=span.end, text=text[span.start : span.end], semantic=0.0, lexical=0.0,
                   score=0.0, probability=0.0)


def can_answer(q: QuestionInfo, quotes: Sequence[ScoredUnit],
               abbreviations_of: Callable[[ScoredUnit], frozenset[str]] | None = None) -> bool:
    """Whether the quotes could answer `q` at all: they hold something of the kind it asks for
    (retrieval/kinds.py: a year for "In what year ...?", a sum for a budget, a person's name for a post's
    holder, a country for "Which country ...?"), and a count, a date or a person asked about one country is
    not found only on lines about other countries ("... OF ARMENIA ... CONSISTS OF 14 DEPUTIES" for the
    Belarusian delegation) or only on lines about another body than the one it names by abbreviation ("61
    international observers from the CIS Interparliamentary Assembly" for the CSTO PA's; `abbreviations_of`,
    bodies.py), and a post's holder is not asked of quotes that name its title only for another post
    ("Vice President of the OSCE Parliamentary Assembly ... Kent Harstedt", "Belarus President Aleksandr
    Lukashenko" for the President of the OSCE Parliamentary Assembly)."""
    texts = [u.text for u in quotes]
    holders = of_the_kind_asked(q, texts)
    fact = (q.wants_number or q.wants_time or q.wants_person) and not ALONGSIDE.search(q.text)
    # the lines that count what is asked tell whom a count is about: "many other countries" beside the Armenian
    # delegation's "14 DEPUTIES" says nothing of how many deputies the Russian one has
    counts = the_counts(q, holders)
    # a quote that continues the one before it ("They are monitoring ...") is about what that one is about
    continuing = {b.text for a, b in zip(quotes, quotes[1:]) if _CONTINUES.match(b.text)}
    elsewhere = (only_other_years(q.text, holders, texts, counted=asks_for_a_number(q))
                 or (fact and only_other_countries(q.text, [h for h in counts if h not in continuing])))
    if fact and not elsewhere and abbreviations_of is not None:
        held = set(counts)
        elsewhere = only_other_bodies(q.text, [abbreviations_of(u) for u in quotes if u.text in held])
    return (bool(holders) and not elsewhere and not names_the_post_only_as_another(q, texts)
            and not holds_no_one_in_the_post(q, holders))


def defines_in_subject(unit: ScoredUnit, term: str) -> bool:
    """Whether the unit opens by saying what `term` is: the term, perhaps its abbreviation in brackets and where
    it stands, then a copula ("Expert Advisory Board (EAB) under the Council of the CSTO Parliamentary Assembly is
    a standing advisory body ...")."""
    return bool(re.match(rf"^\W*(?:the\s+|an?\s+)?{either_number(term)}(?:\s*\([^)]*\))?"
                         rf"(?:\s+(?:under|of|in|for|at|within)\s[^.;:]{{0,60}}?)?\s+(?:is|are|was|were)\s",
                         unit.text, re.I))


def speak_of_the_topic(question: str, texts: Sequence[str]) -> bool:
    """For "What does the CSTO say about sanctions?" (`question.topic_said_about`), whether the texts (the top
    passages, or a speaker's units) hold a word of the topic, or a word that begins as one does ("terrorist" for
    "terrorism"); True for any other question. Passages about the CSTO that never say "sanctions" say nothing
    about them, however close their meaning: the answer had quoted three lines of the declaration on foreign
    policy."""
    topic = topic_said_about(question) or what_is_called(question)
    words = set(content_words(topic)) if topic else set()
    if not words:
        return True
    held = {w for text in texts for w in stems(text)}

    def is_held(w: str) -> bool:
        return w in held or (len(w) >= _SHARED_START and any(h.startswith(w[:_SHARED_START]) for h in held))

    # "climate change": of a topic of two words in a row, the first says which one is meant ("Global security system
    # is changing radically" is no word on climate change); in a longer topic it may be said in other words
    # ("man-made" disasters, "technogenic")
    pair = compounds(topic)
    modifier = pair[0][0] if len(pair) == 1 and len(pair[0]) == 2 and len(words) == 2 else None
    return any(is_held(w) for w in words) and (modifier is None or is_held(modifier))


_SHARED_START = 6  # letters two words share at their start to count as one ("terror-ism", "terror-ist")


def compounds(phrase: str) -> list[list[str]]:
    """The runs of two or more content words one after another (stems), no small word between ("climate change",
    "social networks"; not "weapons in space"), of words in small letters (a name in capitals is no compound)."""
    runs: list[list[str]] = [[]]
    for word in re.findall(r"[\w'’-]+", phrase):
        stem = content_words(word) if word.islower() else []
        if stem:
            runs[-1].append(stem[0])
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= 2]


def _not_twice(chosen: list[ScoredUnit]) -> list[ScoredUnit]:
    """The quotes without one that overlaps a quote before it: a label quoted with the unit under it ("ALL / Indicate
    that this target ...") holds that unit, which the ranker may choose again."""
    kept: list[ScoredUnit] = []
    for unit in chosen:
        if not any(u.doc_id == unit.doc_id and u.start < unit.end and unit.start < u.end for u in kept):
            kept.append(unit)
    return kept


def cited(units: Sequence[ScoredUnit]) -> list[Citation]:
    """The units quoted, numbered from 1 in the order they are shown."""
    return [Citation(n, u.doc_id, u.title, u.start, u.end, u.text) for n, u in enumerate(units, start=1)]


def name_pattern(person: str) -> re.Pattern:
    """A person's name as a question writes it, found in a text as whole words (`term_pattern`)."""
    return re.compile(rf"(?<!\w){term_pattern(person)}(?!\w)", re.I)


def _first_quote(analysis: Analysis, headed: ScoredUnit | None) -> ScoredUnit:
    """The unit the quotes open with when there is no short answer: the ranker's best, unless the question asks
    what a thing is or does and another unit of the top passages opens by saying what it is ("What is the Expert
    Advisory Board?", "What does the Expert Advisory Board do?": "Expert Advisory Board (EAB) ... is a standing
    advisory body that develops ...", not a heading that names it), or stands under a heading that names it
    (`headed`, `_under_its_heading`)."""
    term = defined_term(analysis.question.text) or thing_it_does(analysis.question.text)
    defining = next((u for u in analysis.units if defines_in_subject(u, term)), None) if term is not None else None
    return defining or headed or analysis.units[0]


def _under_its_heading(analysis: Analysis, text_of: Callable[[str], str]) -> ScoredUnit | None:
    """For "What is X?", "What does X do?" or "What does X show?", the best unit that says it on X's own page
    (`described_on_its_page`), else under a heading that is X alone (`described_under_its_heading`); None when the
    question asks none of these or no unit does."""
    text = analysis.question.text
    term = defined_term(text) or thing_it_does(text) or thing_it_shows(text)
    if term is None:
        return None
    returning = (next((u for u in analysis.units if says_what_it_returns(u, term, text_of(u.doc_id))), None)
                 if _ASKS_WHAT_IT_RETURNS.search(text) else None)
    return (returning or next((u for u in analysis.units if described_on_its_page(u, term)), None)
            or next((u for u in analysis.units if described_under_its_heading(u, term)), None))


_ASKS_WHAT_IT_RETURNS = re.compile(r"\breturns?\s*\??\s*$", re.I)
_RETURNS = re.compile(r"^\W*(?:returns?\b|return value)", re.I | re.M)
ENTRY_REACH = 1500  # characters of a reference entry looked back from its "Returns" line for the name of what it is


def says_what_it_returns(unit: ScoredUnit, term: str, document: str) -> bool:
    """Whether the unit is the "Returns ..." line of the term's entry in reference documentation: it opens with
    "Returns" (or "Return value"), and `document` names the term at most ENTRY_REACH characters before it with no
    other "Returns" line, nor another entry's heading, between ("What does asn1_strerror return?" had "libtasn1
    function" in bold, from its signature's line "error: is an error returned by a libtasn1 function."; the entry
    goes on, past a page break, "Returns a string with a description of an error.")."""
    if not _RETURNS.match(unit.text):
        return False
    before = document[max(0, unit.start - ENTRY_REACH) : unit.start]
    name = r"[\s_-]+".join(re.escape(w) for w in _bare(term).split())  # "asn1_strerror", "asn1 strerror"
    named = [m.end() for m in re.finditer(rf"(?<!\w){name}(?!\w)", before, re.I)]
    if not named or _RETURNS.search(before, named[-1]):
        return False
    first = re.escape(_bare(term).split()[0])  # and no other entry's heading since: a line that is a name of the
    headings = re.finditer(rf"^[ \t]*{first}(?:[ \t_-]+\w+){{1,4}}[ \t]*$", before[named[-1]:], re.I | re.M)  # family
    return all(_bare(h.group()) == _bare(term) for h in headings)  # ("asn1 strerror" after asn1_perror's entry)


def described_under_its_heading(unit: ScoredUnit, term: str) -> bool:
    """Whether the unit opens the text under a heading that is the term alone: reference documentation names a
    command or a setting in a heading and says what it does in the line under it, without its name ("pyenv whence"
    / "Lists all Python versions with the given command installed."; its example "$ pyenv whence 2to3" had been
    quoted for what it does)."""
    name = _bare(term)
    lines = [line for line in unit.text.split("\n") if line.strip()]
    if ENTRY_FURNITURE.match(unit.text):  # "Added in: v0.3.3" under "os.freemem()" says nothing of what it does
        return False
    return ((len(lines) > 1 and _bare(lines[0]) == name) or _heading_over(unit) == name
            or _bare(heading_above(unit.passage.text, unit.start - unit.passage.start)) == name)  # past its history


def described_on_its_page(unit: ScoredUnit, term: str) -> bool:
    """Whether the unit says what the term is or does on the term's own page (its document's title is the term:
    npm's "npm-prune"): the page's opening line, or the line under its "Description" heading ("This command removes
    "extraneous" packages."; "If the --json flag is used, then the changes npm prune made ... are printed" had been
    quoted, and the synopsis "npm ci" / "aliases: clean-install, ..." read as a heading and its line). Looked for
    before `described_under_its_heading`."""
    if _bare(unit.title) != _bare(term):
        return False
    heading = _heading_over(unit)
    return heading in _DESCRIBING_HEADINGS or (heading is None and unit.passage.start == 0)


def _heading_over(unit: ScoredUnit) -> str | None:
    """The line just before the unit in its passage (`_bare`), or None at the passage's start."""
    before = unit.passage.text[: max(0, unit.start - unit.passage.start)].rstrip()
    return _bare(before.rsplit("\n", 1)[-1]) if before else None


# The headings under which a page says what its subject is or does
_DESCRIBING_HEADINGS = frozenset("description overview summary purpose introduction".split())


def _bare(text: str) -> str:
    """Lower case, code marks, quotes, hyphens and a closing colon gone: "`pyenv whence`:", "pyenv whence" and the
    page "npm-prune" name the same thing as "npm prune"; "$ pyenv whence 2to3", a command line, is none of them."""
    return " ".join(re.sub(r"[`'\"“”‘’*_-]", " ", text.lower()).rstrip(" :.").split())


def instances_asked(analysis: Analysis) -> list[ScoredUnit]:
    """For "Which statements has the CSTO PA adopted?" (a plural head), the units that are each one of the things
    asked, labelled by the head ("STATEMENT of the CSTO PA on the Prevention of Arms Race in Outer Space"), best first:
    the ranker had preferred "CSTO PA adopts an Action Plan ..." and "- prepares ... political statements", which
    share more of the question's words and name no statement."""
    q = analysis.question
    if q.qtype not in ("which", "what", "name", "other"):  # "List the standing commissions ...": no question word
        return []
    plural = _PLURAL_ASKED.match(q.text)
    asked = stems(plural.group(1))[:1] if plural else []
    if not asked or asked[0] not in q.content[:2]:
        return []
    return [u for u in analysis.units if _labelled_by(u.text, asked[0])]


def _labelled_by(text: str, head: str) -> bool:
    """Whether a line is labelled by the head asked: it opens with it ("STATEMENT of the CSTO PA on ..."), or with a
    name in capitals that ends with it ("CSTO PA STANDING COMMISSION ON DEFENCE AND SECURITY")."""
    label = _LABEL.match(text)
    if label is None:
        return False
    words = label.group(1).split()
    return stems(words[-1]) == [head] and (len(words) == 1 or label.group(1).isupper())


# "Which *statements* ...?", "What are the standing *commissions* ...?", "List the standing *commissions* ...": the
# plural a question asks for, right after its question word (and "are the", and one word before it) or the verb
# asking for a list
_PLURAL_ASKED = re.compile(r"^\W*(?:(?:what|which)\s+(?:(?:are|were)\s+(?:the\s+)?)?"
                           r"|(?:please\s+)?(?:list|name)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?)(?:[A-Za-z-]+\s+)?"
                           r"([A-Za-z]{3,}s)\b", re.I)
# A line labelled by what it is, its name's words before "of/on ...": "STATEMENT of the CSTO PA on ...", "CSTO PA
# STANDING COMMISSION ON DEFENCE AND SECURITY"
_LABEL = re.compile(r"^\W*((?:[\w'’-]+\s+){0,4}?[A-Za-z]+)\s+(?:of|on|by|for|regarding|concerning)\s", re.I)
INSTANCES_QUOTED = 3


def units_naming_the_person_asked(analysis: Analysis, person: PersonAsked | None,
                                  quotation_beside: Callable[[ScoredUnit], list[ScoredUnit]] = lambda unit: [],
                                  quotation_before: Callable[[ScoredUnit], list[ScoredUnit]] = lambda unit: []
                                  ) -> list[ScoredUnit]:
    """For "Who is Kent Harstedt?", the ranked units that name the person in full (none for any other question):
    where the documents speak of them, which says who they are as far as the documents know ("... Head of the
    Swedish parliamentary delegation in the OSCE PA Kent Harstedt"), and only there; for "What did Kent Harstedt
    say?", those that name the person beside a verb of saying ("“It is a very important signal ...,” Kent Harstedt
    said."). The answerability model, trained on questions that ask for a fact about a topic, reads a question of
    a few words and its far-off vector as unanswerable; a name the documents hold word for word is the evidence
    it lacks. A name they do not hold ("Kent Harstad") is in no unit, and is refused as before. `person` is read from
    the question resolved with the ones it follows (`question.person_asked_about`): "What did he say?" after "Who is
    Kent Harstedt?" asks about him.
    What a person said is also the quotation their name block stands beside (`quotation_beside`: a brochure's
    quote card, "Vyacheslav Volodin / Chairman of ..." over "\"The parliamentary dimension ...\""), and the sentences of
    the quotation a unit that names them as its speaker closes (`quotation_before`: "“In addition to Kazakhstan, our
    observer mission ... The mission is paying attention ...,” said Dmitry Kobitsky": all three sentences)."""
    if person is None:
        return []
    name = name_pattern(person.name)
    best = {u.key for u in analysis.units[:KIND_REACH]}
    about: list[ScoredUnit] = []
    found = False  # one of the units found (or the name block of a quotation found) is among the best
    for unit in (u for u in analysis.units if name.search(u.text)):
        if not person.words:
            said = [unit]
        elif _SAYING.search(unit.text):
            said = quotation_before(unit) + [unit]
        else:
            said = quotation_beside(unit)
        new = [u for u in said if all(u.key != a.key for a in about)]
        about += new
        found = found or (bool(new) and unit.key in best)
    return about if found else []


_SAYING = re.compile(r"\b(?:said|says|say|noted|notes|stated|states|stressed|stresses|told|tells|added|adds|"
                     r"emphasi[sz]ed|underlined|declared|pointed out|according to)\b", re.I)


# The end of a quotation and its attribution ("...,” noted Vagharshak Hakobyan", "..." he said"), and the marks
# that open one.
_CLOSES_QUOTATION = re.compile(r"[”\"],?\s+(?:\w+\s+){0,3}?" + _SAYING.pattern, re.I)
_QUOTATION_OPENS = "“\""


def _lexical_matcher(query: str, weights: dict[str, float]) -> Callable[[set[str]], float]:
    """IDF-weighted share of the query's content words (`weights`: their IDF) found in a unit's word stems."""
    terms = set(content_words(query))
    total = sum(weights.get(t, 0.0) for t in terms) or 1.0
    return lambda words: sum(weights.get(t, 0.0) for t in terms if t in words) / total


def probability(model, evidence: np.ndarray) -> float:
    """The model's logit for one row of evidence, as a probability."""
    return float(1 / (1 + math.exp(-float(model.logits(evidence[None, :])[0]))))


def _expected_kind_found(info: QuestionInfo, text: str) -> bool:
    """For a question that asks for a date, a number or a person: does the unit hold one?"""
    if info.wants_time:
        return bool(TIME.search(text))
    if info.wants_number:  # "How often ...?": a frequency ("twice every day"), as the refusal reads it
        return says_how_often(text) if info.qtype == "how often" else bool(_NUMBER.search(text))
    if info.wants_person:
        return bool(_NAME.search(text))
    return True


_NUMBER = re.compile(rf"\d|\b({SPELLED_NUMBERS}|several|many|few)\b", re.I)
_A_YEAR = re.compile(rf"\b{MODERN_YEAR}\b")
ENTRY_QUOTED_REACH = 1500  # characters after an entry's description where more of it may be quoted
_LINE_ALONE = re.compile(r"\n\n+([^\n]+)\n(?=\n)")  # a line between blank lines: perhaps the next entry's heading
_NAME = re.compile(r"\b[A-Z][\w'-]+\s+[A-Z][\w'-]+")


# A name written as code: with an underscore ("debian_defaults"), a path ("/usr/bin/ruby"), a call ("deflate()"), a
# file or module in small letters ("mysql.conf", "sys.path"), or letters then digits ("bzip2", "X.75", "R-2626"),
# digits, letters and digits ("5T33", a cell line), four capitals or more ("HMGCR", a gene; "NSFUS"), a parameter's name
# in camel case ("keepAliveTimeout"), a long option ("--strip-debug"); not a date or a count written so ("1100s",
# "3rd", "pre-1875", "1pm").
_IDENTIFIER = re.compile(r"^(?:\w*_\w+|/\w[\w/.-]*|\w[\w.]*\(\)|[a-z][\w-]*\.[a-z][a-z0-9]{1,9}|--[A-Za-z][\w-]*"
                         r"|\w+(?:::\w+)+|[A-Za-z_]\w*<[^<>\s]+>"  # a path in code, a type with its parameters
                         r"|(?!(?:pre|post|mid|early|late|non)-\d)[A-Za-z][\w.+-]*\d[\w.+-]*|\d+[A-Za-z]+\d[\w.+-]*"
                         r"|[A-Z]{4,}[\w-]*|[a-z]+(?:[A-Z][a-z0-9]*)+)$")


# Words that name no thing to give instructions for ("... and leave the rest of the build alone?")
_NAMES_NOTHING = frozenset("alone anyway instead together else again already otherwise altogether somehow anymore "
                           "meanwhile rest".split())
_JOINED_IN_CODE = re.compile(r"::|<|^--|[A-Za-z0-9]_[A-Za-z0-9]")  # a path in code, a type with its parameters:
# "thread::scope", "Rc<T>"; a long option, "--strip-debug"; a name joined by "_", "CMAKE_C_STANDARD" (the lexical
# index reads its parts as words, each in some text)


def identifiers(question: str) -> list[str]:
    """The names written as code in a question ("bzip2" of "Which function compresses data with bzip2?")."""
    words = (w.strip("\"'“”‘’,;:?!").rstrip(".") for w in question.split())
    return [w for w in words if _IDENTIFIER.match(w)]


def ranked_for(question: str) -> str:
    """What the units are ranked for: the question without the source it names or the verb asking for words, and
    a question of a body's role as what it does."""
    return as_what_it_does(without_the_verb_of_saying(without_named_source(question)))


def select_units(ranked: Sequence[ScoredUnit], limit: int, floor: float, seen_texts: set[str]) -> list[ScoredUnit]:
    """Up to `limit` close runners-up (probability at least `floor`), no text twice, best first."""
    chosen: list[ScoredUnit] = []
    seen = {" ".join(t.lower().split()) for t in seen_texts}
    for u in ranked:
        if len(chosen) >= limit or u.probability < floor:
            break
        key = " ".join(u.text.lower().split())
        if key in seen:
            continue
        seen.add(key)
        chosen.append(u)
    return chosen


_REFERS_BACK = r"its|they|their|them|this|these|those|he|his|she|her|such"
# The unit ranker's feature (the model was trained with this list).
_ANAPHORIC_START = re.compile(rf"^[\"“'‘(]?({_REFERS_BACK})\b", re.I)
# A unit that opens by referring back, or speaks of "such" a thing within its first words ("We consider
# such anti-democratic practice ..."), needs the unit before it. Not "It": mostly "It is ... to", which
# refers to nothing before it.
# "This manual is for GNU Libtasn1 ...", "This document describes ...": the text itself, named by no unit before
_THE_TEXT_ITSELF = r"(?:document|manual|guide|specification|spec|chapter|section|page|book|report|paper|appendix)\b"
_NEEDS_ANTECEDENT = re.compile(rf"^[\"“'‘(]?(?!(?:this|these)\s+{_THE_TEXT_ITSELF})({_REFERS_BACK})\b"
                               rf"|^\W*(?:\w+\s+){{0,3}}such\b"
                               r"|^[\s\S]*?\b(?:for|to)\s+(?:this|that)\s+(?:purpose|reason|end)\b", re.I)  # "... was
# introduced for this purpose.": the purpose the unit before says
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")  # "EAB", "UDP", "NSFNET"
ANTECEDENT_REACH = 600  # characters looked back for the unit a unit refers back to
LIST_ITEMS = 8  # items of a list quoted whole; the brochure's longest has 6
LIST_LEAD_WORDS = 8  # a list item's lead sentence ("- Disable it at build time.") is this short
UNIT_AFTER_REACH = 400  # characters looked ahead for the unit that completes a quoted one
# A sentence that says what is not done, and the next that says what is done in its place
_SAYS_NOT = re.compile(r"\b(?:not|never)\b|n[’']t\b", re.I)
_INSTEAD = re.compile(r"^(?:instead|rather)\b", re.I)
INSTEAD_GAP = 3  # characters between a sentence and the "Instead, ..." that follows it
# A caption between a sentence's colon and the example it announces ("Filename: src/main.rs")
_CAPTION = re.compile(r"^(?:file\s?name|file)\s*:", re.I)
# A sentence the text completes with a command set apart ("With apt, you can set a package to hold using" /
# "apt-mark hold package_name"; "..., use the" / "lsb_release -a"): it ends in a word that leaves it open, with no full
# stop or colon.
_RUNS_ON = re.compile(r"[a-z,]\s+(?:using|with|run|running|type|typing|enter|execute|executing|via|by|like"
                      r"|the|a|an)\s*$")
RUN_ON_WORDS = 12  # the command that completes it is this short
SECTION_REACH = 2000  # characters looked ahead for the list under a heading
# What continues a quoted unit: also "It" (“It is a very important signal,” after "... thanked the President
# for the meeting."), which opens many sentences without referring back ("It is known that ...") and so
# is no evidence that a unit answers, but after a chosen unit in its own paragraph it nearly always does.
_CONTINUES = re.compile(rf"^[\"“'‘(]?(it|{_REFERS_BACK})\b", re.I)


# What may stand between a unit and the next one in the text: space, and the mark or number of a list item ("1.").
_BETWEEN_UNITS = re.compile(r"[\s\d.)*•-]")
# "Which command ...?"
_ASKS_A_COMMAND = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+)?commands?\b", re.I)
# A line written as code: a command at a prompt, a path, a setting, an option
_WRITTEN_AS_CODE = re.compile(r"^\s*[$>#%]\s|[/=<>]|(?:^|\s)--?[A-Za-z]|[A-Za-z_]\.[A-Za-z_]")
_A_LIST_MARK_ALONE = re.compile(r"\s*(?:[-*•·]|\d{1,3}[.)])\s*")


def with_continuations(chosen: list[ScoredUnit], ranked: Sequence[ScoredUnit],
                       text_of: Callable[[str], str]) -> list[ScoredUnit]:
    """A unit that opens by referring back ("Its decisions serve as guidelines.", "It is ...") continues the
    unit before it in the same paragraph, or the heading it stands under ("PARLIAMENTARIANS VISIT
    BORDER REGIONS ..." / "This allows studying the real state of affairs."): quoted after a chosen
    unit, it completes the statement. So does whatever follows a unit that ends in a colon, which announces it
    ("If you've installed Pyenv using Homebrew, upgrade using:" / "brew upgrade pyenv")."""
    ordered = sorted(ranked, key=lambda s: s.key)
    following = {a.key: b for a, b in zip(ordered, ordered[1:]) if a.doc_id == b.doc_id}
    out: list[ScoredUnit] = []
    for s in chosen:
        out.append(s)
        nxt = following.get(s.key)
        if nxt is None or nxt in chosen or nxt in out:
            continue
        between = text_of(s.doc_id)[s.end : nxt.start]
        if ((_CONTINUES.match(nxt.text) and ("\n\n" not in between or is_heading(s.text)))
                or (s.text.rstrip().endswith(":") and not _BETWEEN_UNITS.sub("", between))):
            out.append(nxt)
    return out


def is_heading(text: str) -> bool:
    """A heading: set in capitals, or a line that does not end a sentence."""
    return in_capitals(text) or ("\n" not in text.strip() and not ends_sentence(text) and any(c.isalpha() for c in text))


def _names_a_section(text: str) -> bool:
    """A heading that is no list item (an item that ends without a full stop reads as a heading)."""
    return is_heading(text) and not is_list_item(text)


def as_asked(analysis: Analysis) -> Analysis:
    """The analysis with its question read without the sentences that set the scene (`questions_asked`), when it has
    any."""
    asked = questions_asked(analysis.question.text)
    return analysis if asked == analysis.question.text else replace(analysis, question=analyse(asked))


def without_what_was_shown(analysis: Analysis, shown: frozenset[str]) -> Analysis:
    """The analysis of a question asked again ("Tell me more") without the units its answers quoted (`shown`, as
    `one_line` writes them), and without a short answer or its candidate spans (it was given); only units the ranker
    rated at least MORE_SHARE as likely as the best one are left, so that more is not anything at all. Whether the
    documents answer the question is still judged on all its units: the best ones were quoted, the next ones are
    what it asks for."""
    floor = MORE_SHARE * analysis.units[0].probability if analysis.units else 0.0
    kept = [i for i, u in enumerate(analysis.units) if one_line(u.text) not in shown and u.probability >= floor]
    return replace(analysis, units=[analysis.units[i] for i in kept], unit_features=analysis.unit_features[kept],
                   spans=[], logits=np.zeros(0, np.float32), best=None, correct=0.0)


def quotes_in(answer: str) -> frozenset[str]:
    """The quotes an answer's plain text (`format_answer`) gives, as `one_line` writes them."""
    return frozenset(m.group("quote") for m in _QUOTE_LINE.finditer(answer))


_QUOTE_LINE = re.compile(r"^“(?P<quote>.*)” \[\d+\]$", re.M)


def short_answer_in(answer: str) -> str | None:
    """The short answer an answer's plain text (`format_answer`) opens with, or None: how an earlier turn of a
    conversation, which holds that text only, said what it found."""
    match = _SHORT_ANSWER_LINE.match(answer)
    return match.group("text") if match else None


_SHORT_ANSWER_LINE = re.compile(r"(?P<text>[^\n“]+?) \[\d+\]\n\n“")


def format_answer(citations: Sequence[Citation], short_answer: ShortAnswer | None = None) -> str:
    """The answer as plain text: the short answer first, then each quote on one line with its number."""
    quotes = "\n".join(quoted(c.quote, c.n) for c in citations)
    if short_answer is None:
        return quotes
    return f"{one_line(short_answer.text)} [{short_answer.citation}]\n\n{quotes}"
