"""Word-level text helpers shared by follow-up resolution and sentence ranking."""

from __future__ import annotations

import functools
import re
from typing import Sequence

# The Lucene/Elasticsearch English stop words: left out of lexical queries, as BM25 baselines do.
STOP_WORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there "
    "these they this to was will with".split()
)
# Question words and the words that frame a question ("what kind of", "roughly how many", "according
# to", "Which ministries are mentioned ...?") carry no topic: a passage that answers never needs them, so they
# are not matched against it. Nor does the asker's "my" ("How do I add my own documents?"; "I" is
# retrieval.question's to read, as "David I" is a name; "we", "our", "you" may quote the text: "our priority").
QUESTION_WORDS = frozenset(
    "what who whom whose which when where why how does do did is are was were has have had can could would "
    "should may might many much tell me about please name list give kind kinds type types sort sorts roughly "
    "approximately exactly according mentioned my mine myself".split()
)
_WORD = re.compile(r"\w+")
ASKS_HOW_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b", re.I)  # "how often" asks as "how many" does
_PERCENT_WORDS = " percent percentage "
# Texts whose stems are remembered: an answer stems every unit of its top passages (about 80 texts), and the next
# question about the same documents meets most of them again.
STEMMED_TEXTS_CACHED = 2048


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def stems(text: str) -> list[str]:
    """Lower-cased Snowball stems of the words of `text`, in order; a per cent sign is read as the words a question
    asks it with ("What percentage of the plan was done?" of "100% WELL DONE")."""
    return list(_stems(text))


@functools.lru_cache(maxsize=STEMMED_TEXTS_CACHED)
def _stems(text: str) -> tuple[str, ...]:
    if "%" in text:
        text = text.replace("%", _PERCENT_WORDS)
    return tuple(_stemmer().stemWords(_WORD.findall(text.lower())))


def stem_words(words: list[str]) -> list[str]:
    """Snowball stems of already tokenized words (lower-cased), one per word."""
    return _stemmer().stemWords([w.lower() for w in words])


def content_words(text: str) -> list[str]:
    """Stems of the words that carry topic: no stop words, no question words ("how often" asks as "how many" does;
    "often" alone may be a topic: "Imperialism often divides countries by which technique?")."""
    text = ASKS_HOW_OFTEN.sub(" ", text.lower())
    words = [w for w in _WORD.findall(text) if w not in STOP_WORDS and w not in QUESTION_WORDS]
    return _stemmer().stemWords(words)


def writes(text: str, name: str) -> bool:
    """Whether the text writes `name` whole: no letter, digit, "_" or "-" right before or after it ("--berth-path", not
    inside "--berth-path-file"; "ALL", not inside "CALL")."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def end_of_text_before(text: str, at: int) -> int:
    """Where the text before `at` ends, its trailing whitespace left out (as `text[:at].rstrip()` would end), read in
    place: a document's prefix is not copied."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


# The opening of a question that asks "Which ...?" at once or after a clause that sets the case ("In build.rs, which
# environment variable ...?")
AFTER_A_CLAUSE = r"^\W*(?:[^,?]{1,60},\s+)?"


def asking_sentence(question: str) -> str:
    """The sentence of a question that asks, beside those that set the scene ("cargo vendor ignores the [source]
    settings when downloading. Which flag makes it use them?"): the last one that ends with a question mark (a
    sentence after it adds to the scene: "Where does pip keep its cache? I'm on Windows."), else the last one."""
    sentences = _sentences(question)
    return sentences[_the_asking_one(sentences)]


def _the_asking_one(sentences: Sequence[str]) -> int:
    """Where the asking sentence is among a question's sentences: the last that ends with "?", else the last."""
    return max((i for i, s in enumerate(sentences) if s.rstrip().endswith("?")), default=len(sentences) - 1)


def questions_asked(question: str) -> str:
    """The asking sentence with the questions right before it ("Is there a plugin that pre-downloads crates? What's it
    called?"): what the documents must answer, the scene set before it left out."""
    sentences = _sentences(question)
    last = _the_asking_one(sentences)
    first = last
    while first > 0 and sentences[first - 1].rstrip().endswith("?"):
        first -= 1
    return " ".join(sentences[first : last + 1])


def without_pleasantries(question: str) -> str:
    """The question without its sentences of courtesy alone ("Thanks.", "Great, that helps.", "ok."), which say nothing
    to search for and had hidden a follow-up ("Thanks. When was he elected?") and its answer's passage; the question
    itself when it is nothing else."""
    sentences = split_sentences(question)
    kept = [s for s in sentences if not set(_WORD.findall(s.lower())) <= _COURTESY]
    return " ".join(kept) if kept and len(kept) < len(sentences) else question


_COURTESY = frozenset("thanks thank you very much so great ok okay cool nice perfect hi hello hey that helps helped "
                      "got it i see understood sure alright all right awesome good excellent wonderful brilliant fine "
                      "well hmm oh ah wow interesting makes sense appreciated cheers there".split())


def split_sentences(question: str) -> list[str]:
    """A question's sentences: each ends before a capital (not "i.e. flip the tree"), and not after a title or an
    abbreviation ("Who did Mr. Smith meet?")."""
    return list(_sentences(question))


@functools.lru_cache(maxsize=256)  # an answer's rules ask for the sentence that asks some 40 times
def _sentences(question: str) -> tuple[str, ...]:
    sentences, start = [], 0
    for end in _SENTENCE_END.finditer(question):
        before = question[start : end.start()].rsplit(maxsplit=1)
        if before and before[-1].rstrip(".").lower() in _ABBREVIATIONS:
            continue
        sentences.append(question[start : end.start()])
        start = end.end()
    return (*sentences, question[start:])


# (after a capital, only a word in capitals ends a sentence with a stop: not "U.S." nor "John F. Kennedy")
_SENTENCE_END = re.compile(r"(?:(?<=[a-z0-9)\]\"'’][.!?])|(?<=[A-Z]{2}\.)|(?<=[A-Z][?!]))\s+(?=[A-Z])")
_ABBREVIATIONS = frozenset("mr mrs ms dr st mt ft jr sr prof gen gov sen rep rev capt col lt sgt vs etc inc ltd co corp "
                           "no nos vol fig approx cf al e.g i.e".split())
