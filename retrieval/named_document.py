"""A question that names the document it asks about as its source ("What did the 2006 declaration say about
migration?", "..., according to the brochure?") is asked of that document alone, without the words that name it.

The words that name a document are no evidence of the answer: every line of the declaration is "the 2006
declaration's", and its title line ("Declaration of ... of June 23, 2006") holds both words, so it outranked the
sentence that answers. A user who names the document expects it to be searched, as `--doc` searches it.

Conservative by design: only where the phrase stands as the source (after "according to", "in", "from", or as the
subject of "does/did ..."), or as what was signed or adopted ("Which countries signed the declaration?", "When was
the declaration adopted?": the document's signature block and date answer), only when every word of the phrase is
in one document's id, title or year, and only when exactly one document fits. "Who issued the 2006 declaration?"
asks about the document, not from it, and "the CSTO PA statement concerning outer space" names a statement the
brochure lists, not the statement in the corpus (its last words are in no document's title): both are asked of
the whole collection. Two documents named together ("What do the 2006 declaration and the brochure say about
terrorism?") are each asked alone (`documents_compared`), when each phrase alone names one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Mapping, Sequence

from citeqa.types import Document, Turn
from retrieval.document_lead import SUMMARY_REQUEST
from retrieval.followup import is_follow_up
from retrieval.text import stems

# Nouns that name a kind of document. The generic ones ("article", "document") fit any document; the others must
# be in the document's id or title ("the declaration" is the declaration, not the brochure).
GENERIC_KINDS = frozenset("article document text report story item piece page file news".split())
SPECIFIC_KINDS = frozenset("declaration statement brochure leaflet booklet letter resolution speech interview memo "
                           "memorandum release transcript minutes manual handbook guide paper".split())
_KIND = "|".join(sorted(GENERIC_KINDS | SPECIFIC_KINDS))
# "according to the 2006 declaration", "in the brochure", "does the CSTO PA Council statement ...", "did the
# Kazakhstan news item ...", "signed the declaration?", "Did Kyrgyzstan sign the declaration?" (its signature block
# answers: retrieval/signatures.py), "was the declaration adopted?", "When did the leaders adopt the declaration?" (its
# date: retrieval/document_date.py): up to four words before the kind; what follows it is read by `document_named`.
_NAMING = re.compile(
    r"(?:(?P<source>(?:,\s*|\b)according\s+to\s+|\b(?:in|from)\s+)|(?P<signed>\b(?:sign|adopt)(?:ed)?\s+)"
    r"|(?P<made>\b(?:was|were)\s+)|(?P<aux>\b(?:does|did|do|will|would|can|could|should|might|may)\s+)"
    rf"|(?P<about>\bis\s+)|(?P<summary>^\W*{SUMMARY_REQUEST}\s+))"
    rf"(?P<the>the)\s+(?P<words>(?:[\w'’.-]+\s+){{0,4}}?)(?P<kind>(?:{_KIND})(?:\s+(?:item|release|story))?)\b",
    re.I)
# "the declaration *on* CSTO efficiency": a qualifier whose words must be in the document's title too
_QUALIFIER = re.compile(r"\s+(?:on|about|of|concerning|regarding)\s+", re.I)
QUALIFIER_WORDS = 6
_QUALIFIER_WORD = re.compile(r"\s*[\w'’.-]+")
_AFTER_SOURCE = re.compile(r"\s*(?:[,?.]|$)")  # "according to the brochure" ends the question or a clause
_AFTER_SUBJECT = re.compile(r"\s+(?!and\b|or\b|on\b|about\b|of\b|concerning\b|regarding\b)[a-z]")  # its verb
_MADE = re.compile(r"\s+(?:first\s+)?(?:adopted|signed|issued|published|dated|written|released|approved|concluded|"
                   r"made|drafted)\s*(?:[?.]|$)", re.I)  # "When was the declaration adopted?"
_ABOUT = re.compile(r"\s+(?:all\s+)?about\s*[?.!]?\s*$", re.I)  # "What is the declaration about?"
_MADE_OR_ABOUT = re.compile(rf"(?:{_MADE.pattern})|(?:{_ABOUT.pattern})", re.I)  # "What was the report about?"
_ENDS = re.compile(r"(?:,?\s+please)?\s*[?.!]?\s*$", re.I)  # "Summarize the statement", "... of the brochure, please"
_NOT_NAMES = frozenset("the a an s".split())  # ("s": a possessive's, "the declaration on the CSTO's efficiency")


@dataclass(frozen=True)
class NamedDocument:
    doc_id: str
    question: str  # the question with the words that name the document left out ("did it say")


def name_words(document: Document) -> frozenset[str]:
    """The stems a question may name a document by: its id's words, its title's words and its year."""
    words = set(stems(re.sub(r"[-_.]", " ", document.doc_id))) | set(stems(document.title or ""))
    if document.date:
        words.add(document.date[:4])
    return frozenset(words)


NAMED_DOCUMENTS_MAX = 2000  # past this many documents, a few words name several of them, and reading every
# title for a question costs more than it finds


class DocumentNames:
    """The words each document of one index version may be named by, read on the first question that names a
    document (not before: most questions name none) and kept while the version is."""

    def __init__(self, documents: Callable[[], Iterable[Document]], count: Callable[[], int]):
        self._documents, self._count = documents, count
        self._names: dict[str, frozenset[str]] | None = None

    def __call__(self) -> Mapping[str, frozenset[str]]:
        if self._names is None:
            self._names = ({} if self._count() > NAMED_DOCUMENTS_MAX
                           else {d.doc_id: name_words(d) for d in self._documents()})
        return self._names


def _fits(words: list[str], kind: str, names: frozenset[str]) -> bool:
    """Whether a document named by `names` (`name_words`) has every word of the phrase and is of its kind (the
    kind's first word, lower case: a generic one, or one its id or title holds)."""
    return all(w in names for w in words) and (kind in GENERIC_KINDS or stems(kind)[0] in names)


def document_named(question: str, names: Callable[[], Mapping[str, frozenset[str]]]) -> NamedDocument | None:
    """The one document the question names as its source, and the question without the naming words; None when
    it names none, or when its words fit no document or more than one. `names`: each document's `name_words`,
    read only when the question has the form of naming one."""
    for match in _namings(question):
        form = (_AFTER_SUBJECT if match.group("aux") else _MADE_OR_ABOUT if match.group("made")
                else _ABOUT if match.group("about") else _ENDS if match.group("summary")
                else _AFTER_SOURCE)  # "signed the declaration" ends a clause
        words = [w for w in stems(match.group("words")) if w not in _NOT_NAMES]
        kind = match.group("kind").split()[0].lower()
        for end, qualifier in _phrase_ends(question, match.end()):  # the longest qualifier first
            if not form.match(question, end):
                continue
            fitting = [doc_id for doc_id, name in names().items() if _fits(words + qualifier, kind, name)]
            if len(fitting) == 1:
                return _without(question, match, end, fitting[0])
            if not match.group("aux"):
                break  # the phrase ends where the clause does: no shorter reading
    return None


def _namings(question: str) -> Iterable[re.Match]:
    """Every match of _NAMING, overlapping ones too: "did the leaders adopt the 2006 declaration" holds "adopt the
    2006 declaration", which names it."""
    at = 0
    while (match := _NAMING.search(question, at)) is not None:
        yield match
        at = match.start() + 1


def _phrase_ends(question: str, kind_end: int) -> list[tuple[int, list[str]]]:
    """Where the phrase naming a document may end after its kind, with the qualifier's stems: after each word of an
    "on/about/of ..." qualifier (longest first), or right after the kind."""
    ends = []
    qualifier = _QUALIFIER.match(question, kind_end)
    if qualifier is not None:
        at, words = qualifier.end(), []
        for _ in range(QUALIFIER_WORDS):
            word = _QUALIFIER_WORD.match(question, at)
            if word is None:
                break
            at = word.end()
            words.append(word.group().strip())
            ends.append((at, [w for w in stems(" ".join(words)) if w not in _NOT_NAMES]))
    return ends[::-1] + [(kind_end, [])]


def _without(question: str, match: re.Match, end: int, doc_id: str) -> NamedDocument:
    """"did the 2006 declaration say" -> "did it say", "signed the declaration" -> "signed it"; ", according to the
    brochure?" and "in the brochure" -> left out."""
    if not match.group("source"):
        start = match.start("the")
        rewritten = f"{question[:start]}it{question[end:]}"
    else:
        start = match.start()
        rewritten = question[:start] + question[end:]
    rewritten = re.sub(r"\s+(?=[,?.])", "", " ".join(rewritten.split())).lstrip(" ,")
    # a sentence it opened opens with what followed ("I study arms control. In the 2006 declaration, what ...?")
    rewritten = _OPENED_A_SENTENCE.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", rewritten)
    return NamedDocument(doc_id, rewritten[:1].upper() + rewritten[1:])


_OPENED_A_SENTENCE = re.compile(r"([.!?]),\s*(\w)")


# "the 2006 declaration and the brochure": two phrases of the form `_NAMING` reads, joined by "and"
_PHRASE = rf"the\s+(?:[\w'’.-]+\s+){{0,4}}?(?:{_KIND})(?:\s+(?:item|release|story))?"
_TWO_NAMED = re.compile(rf"\b(?P<first>{_PHRASE})\s+(?:and|or)\s+(?:also\s+)?(?P<second>{_PHRASE})\b", re.I)


def documents_compared(question: str, names: Callable[[], Mapping[str, frozenset[str]]]
                       ) -> tuple[NamedDocument, NamedDocument] | None:
    """"What do the 2006 declaration and the brochure say about terrorism?": the two documents a question names as its
    sources, each with the question as asked of it alone ("What does it say about terrorism?"), when each phrase, put in
    the place of both, names one document as `document_named` reads it, and they are two; else None. Asked of the
    whole collection, such a question had quoted the brochure's heading, the declaration's title and a third
    document."""
    match = _TWO_NAMED.search(question)
    if match is None:
        return None
    parts = []
    for phrase in (match.group("first"), match.group("second")):
        named = document_named(question[: match.start()] + phrase + question[match.end() :], names)
        if named is None:
            return None
        parts.append(replace(named, question=_DO_IT.sub(lambda m: m.group(1) + "es it", named.question)))
    first, second = parts
    return (first, second) if first.doc_id != second.doc_id else None


_DO_IT = re.compile(r"\b([Dd]o) it\b")  # "What do it say ...?" asked of one of the two: "What does it say ...?"


def without_naming(text: str, doc_id: str, names: Callable[[], Mapping[str, frozenset[str]]]) -> str:
    """`text` without any of the phrases that name `doc_id` as a source (a follow-up resolved with the question
    before it names the document in both: "What did the 2006 declaration say about terrorism? What does the 2006
    declaration say about migration?")."""
    for _ in range(text.count("?") + 1):
        found = document_named(text, names)
        if found is None or found.doc_id != doc_id:
            break
        text = found.question
    return text


def document_asked(asked: str, question: str, history: Sequence[Turn],
                   names: Callable[[], Mapping[str, frozenset[str]]]) -> NamedDocument | None:
    """The document a question is asked of: the one `asked` (the question standing alone) names as its source
    (`document_named`), else, for a follow-up, the one its "it" stands for (`named_before`), `asked` kept whole."""
    named = document_named(asked, names)
    if named is not None or not history or not is_follow_up(question):
        return named
    before = named_before(question, [turn.question for turn in history], names)
    return NamedDocument(before, asked) if before is not None else None


_IT = re.compile(r"\b(?:it|its)\b", re.I)


def named_before(question: str, earlier: Sequence[str],
                 names: Callable[[], Mapping[str, frozenset[str]]]) -> str | None:
    """The document a follow-up's "it" stands for: the one the nearest earlier question named as its source ("When
    was it adopted?" after "Which countries signed the declaration?"), walking back past questions that are
    follow-ups themselves (`followup.is_follow_up`; "What does it say about migration?" between),
    NAMED_BEFORE_TURNS at most; None when the follow-up says no "it", or no such question named a document."""
    if not _IT.search(question):
        return None
    for text in list(earlier)[::-1][:NAMED_BEFORE_TURNS]:
        found = document_named(text, names)
        if found is not None:
            return found.doc_id
        if not is_follow_up(text):
            return None
    return None


NAMED_BEFORE_TURNS = 3
