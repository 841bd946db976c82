"""The bodies a question and a quote name by their abbreviations ("CSTO PA", "CIS", "OSCE/ODIHR").

"How many observers from the CSTO PA are monitoring the elections?" found "A total of 61 international
observers from the CIS Interparliamentary Assembly ...": the count of another body's observers, in bold. An
abbreviation is a word of two to six capitals that its document never writes in small letters, on a line of
ordinary text: the brochure's "**MODEL ACTS**" and "100% WELL DONE" are words set in capitals, "CSTO" and "PA"
are not, nor the words of a line's run of three or more in capitals ("COUNTERACTION TO TERRORISM ...").
What a question asks a body or other named thing to be ("What is the CSTO?", "What is the Permanent Council?")
is answered only where a text says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from citeqa.layout import in_capitals
from retrieval.text import asking_sentence, stems

_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
_SMALL_WORD = re.compile(r"\b[a-z]+\b")
_RUN_OF_CAPITALS = re.compile(r"(?<![\w-])[A-Z][A-Z'’-]*(?:\s+[A-Z][A-Z'’-]*)*(?![\w-])")
_BOLD = re.compile(r"\*\*.*?\*\*", re.S)
_DEFINED = re.compile(r"\(([A-Z][A-Z0-9]{1,6})\)")  # "Expert Advisory Board (EAB)"
_NAME_WORD = re.compile(r"[A-Za-z][\w'-]*")
_SMALL_WORDS_IN_A_NAME = frozenset("of and the for on in to at de".split())  # inside a name, not among its initials
DEFINITION_REACH = 200  # characters looked back from "(EAB)" for the words it abbreviates


def small_words(text: str) -> frozenset[str]:
    """The words a document writes in small letters: what a word in capitals may be besides an abbreviation."""
    return frozenset(_SMALL_WORD.findall(text))


def abbreviations(text: str, document_small_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The abbreviations `text` uses: words of two to six capitals not written in small letters in its document,
    on a line not set in capitals throughout, and not in bold (a banner's words: "**MODEL ACTS**")."""
    found = set()
    for line in _BOLD.sub(" ", text).splitlines():
        if in_capitals(line):
            continue
        for run in _RUN_OF_CAPITALS.finditer(line):
            words = run.group().split()
            if len(words) <= 2:  # "CSTO PA", "IPA CIS"; three or more are words of a heading ("... COOPERATION DURING")
                found.update(w for w in words if _CAPITALS.fullmatch(w) and w.lower() not in document_small_words)
    return frozenset(found)


def initials_of_names(text: str) -> frozenset[str]:
    """The initials (small letters) of every run of two or more capitalised words in `text` and of each part of
    one: "Parliamentary Assembly" gives "pa", so that a question's "CSTO PA" finds "the CSTO Parliamentary
    Assembly"."""
    return frozenset("".join(w[0] for w in run[i:j]).lower()
                     for run in (found.split() for found in _CAPITALISED_WORDS.findall(text))
                     for i in range(len(run)) for j in range(i + 2, len(run) + 1))


_CAPITALISED_WORDS = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+")  # "Parliamentary Assembly"


def only_other_bodies(question: str, quotes: Iterable[frozenset[str]]) -> bool:
    """Whether the question names a body by its abbreviation and every quote (by its abbreviations) names
    another one and never the question's: the quote then answers for another body."""
    asked = abbreviations(question)
    named = list(quotes)
    return bool(asked) and bool(named) and all(n and not asked & n for n in named)


def initials_start(before: str, abbreviation: str) -> int | None:
    """Where the words at the end of `before` whose initials spell `abbreviation` begin ("Expert Advisory
    Board" before "(EAB)"; small words inside a name, "of", "the", are passed over; a hyphenated word may give the
    initial of each part, "all-trans retinoic acid (ATRA)"), or None."""
    letters, start = abbreviation.lower(), None
    for word in reversed(list(_NAME_WORD.finditer(before))):
        if not letters:
            break
        parts = "".join(part[0] for part in word.group().lower().split("-") if part)
        if len(parts) > 1 and letters.endswith(parts):  # "low-density lipoprotein receptor (LDLR)"
            letters, start = letters[: -len(parts)], word.start()
        elif word.group()[0].lower() == letters[-1]:
            letters, start = letters[:-1], word.start()
        elif word.group().lower() not in _SMALL_WORDS_IN_A_NAME:
            break
    return start if not letters else None


def letters_start(before: str, abbreviation: str) -> int | None:
    """Where the words at the end of `before` begin whose letters hold the abbreviation's in order, its first letter
    opening the first word, within a few words (Schwartz and Hearst's rule, PSB 2003): "tumor microenvironment (TME)",
    whose E is inside a word; None when they do not, or take one word only."""
    words = list(_NAME_WORD.finditer(before))[-min(len(abbreviation) + 5, 2 * len(abbreviation)):]
    if not words:
        return None
    window = before[words[0].start():]
    offset, at = words[0].start(), len(window) - 1
    for i, letter in enumerate(reversed(abbreviation.lower())):
        if not letter.isalnum():
            continue
        first = i == len(abbreviation) - 1
        while at >= 0 and (window[at].lower() != letter or (first and at > 0 and window[at - 1].isalnum())):
            at -= 1
        if at < 0:
            return None
        at -= 1 if not first else 0
    start = at if at >= 0 else 0
    return offset + start if len(window[start:].split()) >= 2 else None


def spelled_out_forms(text: str) -> dict[str, str]:
    """What each abbreviation a text defines stands for ("EAB" -> "Expert Advisory Board"), from the first
    "words (ABBREVIATION)" whose words' initials spell it (`where_defined`)."""
    found: dict[str, str] = {}
    for abbreviation in dict.fromkeys(marker.group(1) for marker in _DEFINED.finditer(text)):
        where = where_defined(text, abbreviation)
        if where is not None:
            found[abbreviation] = " ".join(text[where[0] : where[1]].split())
    return found


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation its document spells out ("Expert Advisory Board (EAB)") and may use alone elsewhere."""
    used: re.Pattern  # the abbreviation as a word
    words: frozenset[str]  # the stems of what it stands for


def abbreviations_defined(text: str) -> tuple[Abbreviation, ...]:
    return tuple(Abbreviation(re.compile(rf"\b{re.escape(short)}\b"), frozenset(stems(long)))
                 for short, long in spelled_out_forms(text).items())


def words_it_abbreviates(unit: str, defined: Sequence[Abbreviation]) -> set[str]:
    """The words a unit stands for besides its own: what an abbreviation it uses spells out ("the EAB reviews
    ..." holds "expert", "advisory", "board"). A question may name a body either way."""
    found: set[str] = set()
    for abbreviation in defined:
        if abbreviation.used.search(unit):
            found |= abbreviation.words
    return found


# "What does EAB stand for?", "What do the letters CSTO stand for?", "What is CIS short for?", "What is the full name
# of the EAB?", "What is OSCE an abbreviation of?": the question asks for what the abbreviation spells out.
_ABBREVIATION_ASKED = re.compile(
    r"^\s*(?:what\s+(?:does|do|did)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+|letters\s+)?(?P<a>\S+)\s+stand\s+for"
    r"|what\s+(?:is|was)\s+(?:the\s+)?(?P<b>\S+)\s+(?:short\s+for|an\s+(?:abbreviation|acronym)\s+(?:of|for))"
    r"|what\s+(?:is|was)\s+the\s+full\s+(?:name|form)\s+of\s+(?:the\s+)?(?P<c>\S+?))\s*\??\s*$", re.I)
# Capitalised words on one line, small words of a name between them; not words set in capitals (a heading's)
_CAPITALISED_RUN = re.compile(
    r"[A-Z][a-z][\w'-]*(?:[ \t]+(?:(?:of|and|the|for|on|in|to|at|de)[ \t]+)*[A-Z][a-z][\w'-]*)+")


# "What is the CSTO?", "What was NSFNET?": what the abbreviation is, which its letters say first
_WHAT_IS_THE = r"^\s*(?i:what\s+(?:is|was|are|were)\s+(?:the\s+|an?\s+)?)"
_WHAT_IS = re.compile(_WHAT_IS_THE + r"(?P<a>[A-Z][A-Z0-9]{1,6})\s*\??\s*$")


def abbreviation_explained(question: str) -> str | None:
    """The abbreviation "What is the CSTO?" asks about, or None."""
    match = _WHAT_IS.match(asking_sentence(question))
    return match.group("a") if match and _CAPITALS.fullmatch(match.group("a")) else None


def says_what_it_is(text: str, abbreviation: str) -> bool:
    """Whether the text spells the abbreviation out or says what it is ("NSFNET was a program ...", "The Computer
    Science Network (CSNET) was a computer network ...")."""
    return bool(where_defined(text, abbreviation) or where_written_in_full(text, abbreviation)
                or re.search(rf"\b{re.escape(abbreviation)}\)?\s+(?:is|was|are|were)\b", text))


# "What is the Permanent Council?", "What was Tymnet?", "What is the Jogorku Kenesh?": what a named thing is
_NAME_EXPLAINED = re.compile(_WHAT_IS_THE + r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for|on|in|to|at|de)\s+)*"
                             r"[A-Z][\w'’-]*)*)\s*\??\s*$")


def name_explained(question: str) -> str | None:
    """The name "What is the Permanent Council?" asks about ("Permanent Council"), or None (an abbreviation alone is
    `abbreviation_explained`'s)."""
    match = _NAME_EXPLAINED.match(asking_sentence(question))
    if match is None or abbreviation_explained(question) is not None:
        return None
    return match.group("name")


# "the Libtasn1 library that provides ...": the kind of thing a name is, said before what it does
_KIND_OF_THING = r"(?:library|program|tool|package|application|module|service|format|protocol|language|framework)"
# What follows a name to say what it is: an apposition ("Tymnet, a data network") or a verb ("Tymnet was ...")
_APPOSITION = r"\s*,\s*(?:a|an|the)\b"
_SAYS_IT_IS = r"\s+(?:is|was|are|were|refers|means)\b"


def says_what_the_name_is(text: str, name: str) -> bool:
    """Whether the text says what the named thing is or whose it is: the name (its words run together or apart,
    "AppleTalk" for "Apple Talk"; perhaps a possessive, a bracket after it) then a verb that says it ("Tymnet was
    ...", "The Computer Science Network (CSNET) was ...", "Expert Advisory Board (EAB) under the Council ... is"), an
    apposition ("Warner Sinback, a data network ...", "GNU Libtasn1 (version 4.19.0), which is a library for ...",
    "the Libtasn1 library that provides ...") or what it belongs to ("the Jogorku Kenesh of the Kyrgyz
    Republic"), or a table row or label it opens ("PYENV_ROOT | ~/.pyenv | Defines the directory under which ...",
    "PYENV_ROOT: the directory ..."). A line that only uses it ("... charge to the Permanent Council under the CSTO to
    prepare ...") says none of it."""
    words = r"[\s'’-]*".join(re.escape(w) for w in name.split())
    qualified = r"(?:\s+(?:under|of|in|for|at|within)\s[^.;:]{0,60}?)?"  # "Board (EAB) under the Council ... is"
    return bool(re.search(rf"\b{words}(?:['’]s?)?(?:\s*\([^)]{{0,40}}\))?\)?(?:{_APPOSITION}"
                          rf"|\s*,\s*(?:which|that|who)\s+(?:is|was|are|were)\b|\s+{_KIND_OF_THING}\s+(?:that|which)\b"
                          rf"|{qualified}{_SAYS_IT_IS}|\s+of\s+(?:the\s+)?[A-Z])", text, re.I)
                or re.search(rf"(?:^|\n)[ \t`*]*{words}[ \t`*]*(?:\||:[ \t])", text, re.I)
                or _says_what_it_is_after_its_owner(text, name))


# An apposition or a verb that says what the name just before is: "..., a", "... is", "... (CSTO PA) was"
_SAID_OF_IT = re.compile(rf"(?:\s*\([^)]{{0,40}}\))?(?:{_APPOSITION}|{_SAYS_IT_IS})", re.I)
OWNER_IN_FULL_CHARS = 120  # how far an owner's name written in full may reach


def _says_what_it_is_after_its_owner(text: str, name: str) -> bool:
    """Whether the text says what "CSTO Parliamentary Assembly" is with its owner after it, the abbreviation or its
    words in full: "THE PARLIAMENTARY ASSEMBLY OF THE COLLECTIVE SECURITY TREATY ORGANIZATION IS THE STATUTORY BODY
    ..." (the brochure's own definition had been passed over and "What is the CSTO Parliamentary Assembly?"
    refused)."""
    owner, *rest = name.split()
    if not rest or not _CAPITALS.fullmatch(owner):
        return False
    head = r"[\s'’-]*".join(re.escape(w) for w in rest)
    for found in re.finditer(rf"\b{head}\s+of\s+(?:the\s+)?", text, re.I):
        after = re.sub(r"\s+", " ", text[found.end() : found.end() + OWNER_IN_FULL_CHARS])  # a name wrapped over
        # lines reads as one
        if re.match(rf"{re.escape(owner)}\b", after):
            end = len(owner)
        elif (full := where_written_in_full(_in_title_case(after), owner)) is not None and full[0] == 0:
            end = full[1]
        else:
            continue
        if _SAID_OF_IT.match(after, end):
            return True
    return False


def _in_title_case(text: str) -> str:
    """A heading in capitals with each word's first letter kept up ("COLLECTIVE SECURITY" -> "Collective Security"),
    so that its words read as a name's (the same length: offsets hold)."""
    return re.sub(r"[A-Z][A-Z'’-]+", lambda m: m.group()[0] + m.group()[1:].lower(), text)


def abbreviation_asked(question: str) -> str | None:
    """The abbreviation a question asks to be spelled out ("EAB" of "What does EAB stand for?"), or None."""
    match = _ABBREVIATION_ASKED.match(asking_sentence(question))
    if match is None:
        return None
    word = (match.group("a") or match.group("b") or match.group("c")).strip("'\"“”‘’")
    return word if _CAPITALS.fullmatch(word) or _MIXED_CASE_ABBREVIATION.fullmatch(word) else None


# An abbreviation in small and capital letters: "ImmTAC", "iPS", "mRNA" (two capitals at least)
_MIXED_CASE_ABBREVIATION = re.compile(r"(?=(?:[a-z0-9-]*[A-Z]){2})[A-Za-z][A-Za-z0-9-]{1,9}")


def where_defined(text: str, abbreviation: str) -> tuple[int, int] | None:
    """Where `text` spells out `abbreviation` as it defines it: the words before its first "(EAB)" whose initials
    make it ("Expert Advisory Board"), or None."""
    for marker in re.finditer(rf"\({re.escape(abbreviation)}\)", text):
        reach = max(0, marker.start() - DEFINITION_REACH)
        before = text[reach : marker.start()].rstrip()
        start = initials_start(before, abbreviation)
        if start is None:
            start = letters_start(before, abbreviation)
        if start is not None:
            return reach + start, reach + len(before)
    # or the other way round, the abbreviation (perhaps plural) and then what it stands for in brackets, which opens
    # with its first letter: "ImmTACs (immune-mobilising monoclonal TCRs against cancer)"
    after = rf"(?<![\w-]){re.escape(abbreviation)}s?[ \t]*\((?P<long>[^()\n]{{5,{DEFINITION_REACH}}})\)"
    for marker in re.finditer(after, text):
        long = marker.group("long")
        if len(long.split()) >= 2 and long[0].lower() == abbreviation[0].lower() and any(c.islower() for c in long):
            return marker.start("long"), marker.end("long")
    return None


def where_written_in_full(text: str, abbreviation: str) -> tuple[int, int] | None:
    """Where `text` first writes a name of capitalised words whose initials make `abbreviation` ("Collective Security
    Treaty Organization" for CSTO, in documents that never write "(CSTO)"; small words inside it as `initials_start`
    reads them), or None."""
    for run in _CAPITALISED_RUN.finditer(text):
        for last in re.finditer(r"\S+", run.group()):
            before = run.group()[: last.end()]
            start = initials_start(before, abbreviation) if last.group()[0].isupper() else None
            if start is not None and before[start].isupper():
                return run.start() + start, run.start() + last.end()
    return None
