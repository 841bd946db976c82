"""A question that looks like the quotes but names another thing in one place: a look-alike, refused.

"Why must Python be a DLL on macOS?" reads like "On Windows, Python must be a DLL to handle ...", "Where must public
Python 4 modules be installed?" like "... public Python 3 modules must be installed to ...", "How many seats are there
in the 231-seat ...?" like "131 seats": the quote answers a question about Windows, Python 3, 131 seats, and the
words around the changed one made it the nearest. The question is read for its slots, a name or a number (in
digits or words) right before a noun ("Python 4 *modules*", "RISC-V *architecture*", "Liberal *victory*", "*five*
transcription factors") or right after "on", "for", "under", "with" ("on *macOS*") or before a number after "in",
"at", "since", "until", "by" ("in *1983*"), or after a noun and "in", "of", "at" or "from" ("boot loader in *Ubuntu*",
where the quote must write the same noun and preposition before its other name: "boot loader in Debian"); the quotes
look-alike when none of them writes the question's word (nor its accented, abbreviated, plural or country form) and
one of them writes the slot with another word of the same kind (a number for a number, a name for a name). Measured
on every eval set and SQuAD's dev half: no answerable question's quotes read so (docs/answers.md).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Sequence

from retrieval.countries import countries_named
from retrieval.spans import MONTH_NAMES
from retrieval.text import STOP_WORDS, stems

# "Who along with Russia supported ...?": the country named is beside what is asked, which may be another one.
ALONGSIDE = re.compile(r"\b(?:along with|together with|besides|apart from|other than|as well as|except)\b", re.I)

_WORD = re.compile(r"\w[\w.+'’-]*[\w+]|\w")
_NUMBER = re.compile(r"\d[\d,.:/–-]*(?:st|nd|rd|th|s)?")  # "231", "21st", "1980s", "2021-2025", "9:15"
_NOT_A_SLOT_WORD = STOP_WORDS | frozenset(
    "what which who whom whose when where why how i we you he she it they me us him her them "
    "do does did will would can could should may might must has have had is are was were be been am shall".split())
_AUXILIARIES = frozenset("do does did can could will would should must may might shall".split())
_BEFORE_A_NAME = frozenset("on for under with".split())  # "on macOS", "for Windows", "under Linux", "with Homebrew"
_BEFORE_A_NUMBER = _BEFORE_A_NAME | frozenset("in at since until by".split())  # "in 1983": a name after "in" may be
# a place inside the one the quote names ("in Holland" / "in Rotterdam")
_AFTER_A_NOUN = frozenset("in of at from".split())  # "boot loader in Ubuntu", "activity of XPF"
# A number written in a word is a number ("five transcription factors" / "the four transcription factors"); "one" is
# as often a pronoun.
_SPELLED = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()) if n > 1}
_SPELLED.update({w: 10 * n for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), start=3)})
_LEAST_PREFIX = 4  # "Apple" of "AppleTalk" is one thing; "and" of "Android" is not
_LIKE_SPELLINGS = 0.8  # "Celeron" and "Céloron", "Frensh" and "French": one thing, spelled twice


def another_in_its_place(question: str, quotes: Sequence[str]) -> str | None:
    """The quotes' words that stand where the question has another ("on Windows" for "on macOS"), or None."""
    if ALONGSIDE.search(question):
        return None
    words = _WORD.findall(" ".join(quotes))
    for before, asked, after in _slots(question) + _slots_after_a_noun(question):
        another = next((i for i in range(1, len(words)) if _stands_where(words, i, before, after)
                        and _kind(other := words[i] if before else words[i - 1]) == _kind(asked)
                        and other.lower() not in _NOT_A_SLOT_WORD and not _one_thing(asked, other)), None)
        if another is not None and not any(_one_thing(asked, w) for w in words):  # (the costly test last)
            return f"{words[another - 1]} {words[another]}"
    return None


def _stands_where(words: list[str], i: int, before: str, after: str) -> bool:
    """Whether words[i] (a slot after `before`) or words[i - 1] (a slot before the noun `after`) stands in the slot;
    `before` may be a noun and its preposition ("loader in"), both to be matched."""
    if not before:
        return _same_noun(words[i], after)
    *noun, preposition = before.split()
    return words[i - 1].lower() == preposition and (not noun or (i > 1 and _same_stem(words[i - 2], noun[0])))


def _slots(question: str) -> list[tuple[str, str, str]]:
    """(preposition, word, "") or ("", word, noun): each name or number of the question with what it stands beside.
    Not a name before a verb (a noun read so would be another slot: "Toyota rebranded"), nor the question's first
    word."""
    words = _WORD.findall(question)
    slots = []
    for i in range(1, len(words) - 1):
        word, noun = words[i], words[i + 1]
        if (_kind(word) != "word" and word.lower() not in _NOT_A_SLOT_WORD and _kind(noun) == "word"
                and noun.lower() not in _NOT_A_SLOT_WORD and not noun.endswith("ed")
                and not _ends_the_subject(words, i)):
            slots.append(("", word, noun))
    for preposition, word in zip(words, words[1:]):
        p = preposition.lower()
        if (_kind(word) == "number" and p in _BEFORE_A_NUMBER) or (_kind(word) == "name" and p in _BEFORE_A_NAME):
            slots.append((p, word, ""))
    return slots


def _slots_after_a_noun(question: str) -> list[tuple[str, str, str]]:
    """("noun preposition", name, ""): a name after "in", "of", "at" or "from" and the noun before them ("the default
    boot loader in Ubuntu", "the junction cutting activity of XPF"). Such a name may be a place inside the quote's or
    a part of it ("in Holland" / "in Rotterdam"), so the quote must write the same noun and preposition before its
    other name ("boot loader in Debian")."""
    words = _WORD.findall(question)
    return [(f"{noun} {preposition.lower()}", word, "")
            for noun, preposition, word in zip(words, words[1:], words[2:])
            if preposition.lower() in _AFTER_A_NOUN and _kind(word) == "name" and _kind(noun) == "word"
            and noun.lower() not in _NOT_A_SLOT_WORD]


def _ends_the_subject(words: list[str], i: int) -> bool:
    """Whether words[i] ends the subject an auxiliary opens, so that the next word is its verb: "did the Department
    of Energy *end* ...", "did the CSTO PA Action Plan for 2021-2025 *contain*" (names, numbers and small words
    since the auxiliary; "must public Python 4 *modules* be installed" has "public" in it, a word of a noun phrase)."""
    for j in range(i - 1, -1, -1):
        if words[j].lower() in _AUXILIARIES:
            return all(_kind(w) != "word" or w.lower() in STOP_WORDS for w in words[j + 1 : i])
    return False


def _kind(word: str) -> str:
    if _NUMBER.fullmatch(word) or word.lower() in _SPELLED:
        return "number"
    if any(c.isupper() or c.isdigit() for c in word):
        return "name"  # "Windows", "macOS", "RISC-V", "m68k"
    return "word"


def _same_noun(text_word: str, noun: str) -> bool:
    """The same noun, one perhaps the other's plural, written in small letters ("architecture", "seats")."""
    a, b = _plain(text_word), _plain(noun)
    return _kind(text_word) == "word" and (a == b or a in (b + "s", b + "es") or b in (a + "s", a + "es"))


def _same_stem(a: str, b: str) -> bool:
    """The same word, whatever its case and ending ("Hospital", "hospital"; "activities", "activity")."""
    return stems(_plain(a))[:1] == stems(_plain(b))[:1] != []


def _one_thing(a: str, b: str) -> bool:
    """Whether two words name one thing: the same word accented or not, stemmed, or spelled nearly alike; one part
    of the other ("Arab", "Norman-Arab"; "Apple", "AppleTalk"); one country ("US", "American"); or an abbreviation
    and a word of what it stands for ("SP", "Parliament's")."""
    a, b = re.sub(r"['’]s$", "", a), re.sub(r"['’]s$", "", b)
    pa, pb = _plain(a), _plain(b)
    if pa == pb or _same_stem(a, b):
        return True
    if pa in _SPELLED or pb in _SPELLED:  # "four" and "4"
        return str(_SPELLED.get(pa, pa)) == str(_SPELLED.get(pb, pb))
    if pa in re.split(r"[-/]", pb) or pb in re.split(r"[-/]", pa) or (
            min(len(pa), len(pb)) >= _LEAST_PREFIX and (pa.startswith(pb) or pb.startswith(pa))):
        return True
    if difflib.SequenceMatcher(None, pa, pb).ratio() >= _LIKE_SPELLINGS:
        return True
    if countries_named(a) & countries_named(b):
        return True
    return a.isupper() and len(a) <= 5 and b[:1].upper() in a


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


# Closed classes whose members a question may swap for one another ("rats" for the quote's mice, "in the liver" for
# its brain, SQuAD's "in July 1755" for June's): a member no quote names, where a quote names another of the class, is
# a look-alike as a name in a slot is. Words in small letters, so the slots above do not read them.
_CLASSES = {
    "organism": "mouse mice murine rat rats human humans people patient patients zebrafish yeast dog dogs cat cats "
                "monkey monkeys macaque macaques pig pigs cow cows cattle sheep chicken chickens rabbit rabbits "
                "hamster hamsters fly flies drosophila worm worms nematode nematodes bacterium bacteria plant plants "
                "frog frogs fish",
    "organ": "liver brain heart kidney kidneys lung lungs skin muscle muscles bone bones blood spleen intestine "
             "intestines stomach pancreas thyroid prostate breast colon bladder retina eye eyes ovary ovaries testis "
             "testes placenta",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday",
    "month": " ".join(m for m in MONTH_NAMES if m != "may"),  # "may" is as often a verb
    "colour": "red orange yellow green blue purple violet pink brown black white grey gray",
}
_MEMBER_OF = {word: name for name, words in _CLASSES.items() for word in words.split()}
_SAME_MEMBER = {"mice": "mouse", "murine": "mouse", "rats": "rat", "humans": "human", "people": "human",
                "patients": "patient", "flies": "fly", "drosophila": "fly"}


def another_of_its_class(question: str, quotes: Sequence[str]) -> str | None:
    """A member of a closed class the question names (an organism, an organ, a weekday, a month, a colour) that no
    quote names, where a quote names another member of the class: that quote's word, or None."""
    if ALONGSIDE.search(question):
        return None
    quoted = list(dict.fromkeys(_member(w) for quote in quotes for w in _WORD.findall(quote.lower())
                                if w in _MEMBER_OF))
    for word in _WORD.findall(question.lower()):
        if word not in _MEMBER_OF or _member(word) in quoted:
            continue
        others = [m for m in quoted if _MEMBER_OF.get(m) == _MEMBER_OF[word] and m != _member(word)]
        if others:
            return others[0]
    return None


def _member(word: str) -> str:
    base = _SAME_MEMBER.get(word, word)
    return base[:-1] if base.endswith("s") and base[:-1] in _MEMBER_OF else base


# A number with a point in it, as a question writes a release ("glibc 2.40", "adduser 3.140", "tmux 3.4").
_RELEASE = re.compile(r"(?<![\w.])\d+(?:\.\d+)+(?![\w.]*\d)")


def a_release_its_documents_never_name(question: str, documents: Sequence[str]) -> bool:
    """Whether the question names a release (or any number with a point) that none of the quoted documents writes:
    "Which kernel does glibc 2.40 require?" of release notes that name 2.26 and 2.31 asks what they do not say. A
    document writes 2.26 as "2.26", "2.26-1" or "2.26.1", never as "2.260"."""
    asked = _RELEASE.findall(question)
    return bool(documents) and bool(asked) and not any(
        _writes(document, number) for number in asked for document in documents)


def writes_the_releases_asked(question: str, text: str) -> bool:
    """Whether the question names a release and the text writes every one it names ("GraalPy 25.0.2", not 25.0.1)."""
    asked = _RELEASE.findall(question)
    return bool(asked) and all(_writes(text, number) for number in asked)


def _writes(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", text) is not None


def a_code_name_its_documents_never_write(question: str, documents: Sequence[str]) -> bool:
    """Whether the question writes a name as code that none of the quoted documents writes: a key with a dot or an
    underscore ("net.retry-delay", "non_kebab_case_dependencies"), or a name in kebab case it calls a setting, option,
    key, lint, profile or flag ("the frame-pointers setting"). "What is the default value of net.retry-delay?" of
    a reference that lists net.retry and its "Added delays to network retries" asks of a key it does not have."""
    names = {name for name in _CODE_NAME.findall(question) if len(name) >= MIN_CODE_NAME}
    names |= set(_KEBAB_NAMED.findall(question))
    return bool(documents) and any(not any(_writes_the_name(document, name) for document in documents)
                                   for name in names)


def _writes_the_name(text: str, name: str) -> bool:
    """Whether the text writes the name, or a dotted name's last part: a module's reference names its members without
    the module ("MAXSIZE" on the page of six, for "six.MAXSIZE")."""
    return any(re.search(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text, re.I) is not None
               for written in {name, name.rsplit(".", 1)[-1]})


_CODE_NAME = re.compile(r"(?<![\w./-])[A-Za-z][\w-]*(?:[._][\w-]+)+(?![\w/-])")
# (not an English compound before a noun: "In which weapons-related field ...?")
_KEBAB_NAMED = re.compile(r"(?<![\w./-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s+(?:setting|option|key|lint|profile|flag)s?\b")
MIN_CODE_NAME = 4  # characters of a name written as code ("e.g" is none)
