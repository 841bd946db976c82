"""A question that asks what takes a thing's place ("What option replaces --gecos?", "Which locale replaced no_NO?",
"What should I use instead of tzconfig?", "What is the new name of the min option?") asks for what the text names
after "renamed to", "replaced by ... called", "use ... instead", "moved to", "switch to" or "in favor of", as release
notes and migration guides write it: "The --gecos option is being renamed to *--comment*". The span model weighs where
a span stands beside the question's words, not which side of "renamed to" it is on, and had put "now obsolescent" in
bold for which variable replaces GREP_COLOR. Among the best units, the first that writes such a phrase, and the old
thing in it or just before it, gives the short answer: the thing named after the phrase.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from retrieval.scored import ScoredUnit, SpanChoice, ruled
from retrieval.text import STOP_WORDS, writes

_ASKS = (
    re.compile(r"^\s*(?:what|which)\b(?:.*?\s)?(?:replace[sd]?|supersede[sd]?|succeed(?:s|ed)?)\s+"
               r"(?P<old>.+?)\s*\?*\s*$", re.I),
    re.compile(r"^\s*(?:what|which)\b(?:.*?\s)?(?:instead\s+of|in\s+place\s+of)\s+(?P<old>.+?)\s*\?*\s*$", re.I),
    re.compile(r"^\s*(?:what|which)\s+(?:\w+\s+)?(?:is|was|are|were|has|have|had)\s+(?P<old>.+?)\s+(?:been\s+)?"
               r"(?:replaced|renamed|superseded)\s+(?:by|with|to|as)\s*\?*\s*$", re.I),
    re.compile(r"^\s*what\s+(?:is|was|are|were)\s+the\s+new\s+names?\s+(?:of|for)\s+(?P<old>.+?)\s*\?*\s*$", re.I),
)
# Words that say what kind of thing the old one is, not which ("the pam_unix min *option*").
_KIND_WORDS = frozenset("option options command commands package packages variable variables module modules setting "
                        "settings syntax environment function functions method methods file files name names field "
                        "fields flag flags parameter parameters key keys utility utilities tool tools program "
                        "programs script scripts library libraries new old default now".split())
_MARKER = re.compile(r"\b(?:renamed\s+(?:to|as)|replaced\s+(?:by|with)|superseded\s+by|in\s+favou?r\s+of|"
                     r"switch(?:ed)?\s+(?:over\s+)?to|migrated?\s+to|moved\s+to|called|named|"
                     r"(?<!to\s)us(?:e|ing)(?=\s[^.;]*\binstead\b)|(?<=,\s)use)\s+", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w.+-]*")  # the question's names (its first word aside)
_LEAD_WORDS = re.compile(r"(?:(?:the|a|an|new)\s+)*", re.I)
_QUOTED = re.compile(r"[\"'`‘“](?P<thing>[^\"'`’”\n]{1,60})[\"'`’”]")
# "--comment", "nb_NO", "Typer()", "GREP_COLORS=" (of "GREP_COLORS='mt=xxx'")
_THING_WORD = re.compile(r"[^\s;()'\"`<>]+(?:\(\))?")
_ENDS_A_THING = STOP_WORDS | frozenset("instead should must can could will would may might shall is are was were be "
                                       "has have had does do did".split())
_LIST_REST = re.compile(r"(?:\s+[^\s,;()]+,)*\s+[^\s,;()]+,?\s+(?:and|or)\s+[^\s,;().]+")
_INSTEAD_OF = re.compile(r"\s+instead\s+of\s+(?P<other>[^,.;:]*)", re.I)
_WORD = re.compile(r"[^\s,;()?'\"`]+")
MARKER_REACH = 40  # characters: a marker this close after another names what the first one leads to ("replaced by a
# new upstream option called 'minlen=n'")
_NEAR_BEFORE = 300  # characters before the unit where the old thing may be named (the sentence before)


def old_thing(question: str) -> list[str] | None:
    """The words that name what the question asks the replacement of (lower case), or None when it asks no such
    thing: "--gecos" and "adduser" of "What option replaces --gecos in adduser?"."""
    for pattern in _ASKS:
        m = pattern.search(question)
        if m is not None:
            words = [w.strip(".:").lower() for w in _WORD.findall(m.group("old"))]
            names = [w for w in words if w and w not in STOP_WORDS and w not in _KIND_WORDS]
            if names:  # ("replaced by?" names nothing after the verb: the next reading may)
                return names
    return None


def the_replacement(question: str, units: Sequence[ScoredUnit], text_of: Callable[[str], str],
                    reach: int = 4) -> SpanChoice | None:
    """The thing named after "renamed to", "replaced by", "use ... instead" in the first of the best `reach` units
    that names the old thing (or follows right after a sentence that does), when the question asks what replaces
    it; None otherwise."""
    old = old_thing(question)
    if old is None:
        return None
    names = old + [w.lower() for w in _CAPITALISED.findall(question)[1:]]  # "OpenSSL" of "Which crypto backend does
    # OpenSSL use instead of libgcrypt?": GnuTLS's notes that say "using nettle instead of libgcrypt" are of another
    for unit in units[:reach]:
        document = text_of(unit.doc_id).lower()
        before = document[max(0, unit.start - _NEAR_BEFORE) : unit.start]
        own = [w for w in old if w not in unit.doc_id.lower()] or old  # not the tool the notes are of ("adduser")
        if not any(writes(unit.text.lower(), w) or writes(before, w) for w in own) \
                or not all(writes(document, w) or w in unit.doc_id.lower() for w in names):
            continue  # "--gecos in useradd": adduser's notes rename its --gecos, not useradd's
        found = _named_after_a_marker(unit, old)
        if found is not None:
            return found
    return None


def itself_the_replacement(question: str, units: Sequence[ScoredUnit]) -> bool:
    """Whether the question asks what replaced a thing that the best unit names as the replacement of another ("What
    replaced sntrup761x25519-sha512@openssh.com?" of "The previous sntrup4591761x25519-sha512@tinyssh.org method is
    replaced with sntrup761x25519-sha512@openssh.com"): the text says what it replaced, not what replaced it."""
    old = old_thing(question)
    if old is None or not units:
        return False
    unit = units[0]
    own = [w for w in old if w not in unit.doc_id.lower()] or old
    for marker in _MARKER.finditer(unit.text):
        span = _thing_at(unit.text, _LEAD_WORDS.match(unit.text, marker.end()).end())
        if span is not None and any(writes(unit.text[span[0] : span[1]].lower(), w) for w in own):
            return True
    return False


def _named_after_a_marker(unit: ScoredUnit, old: list[str]) -> SpanChoice | None:
    markers = list(_MARKER.finditer(unit.text))
    for i, marker in enumerate(markers):
        if i + 1 < len(markers) and markers[i + 1].start() - marker.end() <= MARKER_REACH:
            continue  # "replaced by a new upstream option called 'minlen=n'": the later one names it
        at = _LEAD_WORDS.match(unit.text, marker.end()).end()
        span = _thing_at(unit.text, at)
        if span is None:
            continue
        start, end = span
        text = unit.text[start:end]
        if any(writes(text.lower(), w) for w in old):
            continue  # "renamed to --gecos-like": still the old thing
        instead = _INSTEAD_OF.match(unit.text, end)
        if instead is not None and not any(writes(instead.group("other").lower(), w) for w in old):
            continue  # "Use numerical instead of symbolic notation": in place of another thing
        return ruled(unit, start, end)
    return None


def _thing_at(text: str, at: int) -> tuple[int, int] | None:
    """The thing named from `at`: a quoted name's inside, or up to four words and identifiers ("--comment", "nb_NO
    locale", "find -perm /xyz") before a small word, a mark or "instead"; a trailing "=" or full stop left out."""
    m = _QUOTED.match(text, at)
    if m is not None:
        return m.start("thing"), m.end("thing")
    kept: list[re.Match] = []
    for word in _THING_WORD.finditer(text, at):
        if word.start() != (kept[-1].end() + 1 if kept else at) or word.group().lower().rstrip(".,:") in _ENDS_A_THING \
                or len(kept) == 4:
            break
        kept.append(word)
        if word.group()[-1] in ".,:":
            break
    if not kept:
        return None
    start, end = at, kept[-1].end()
    if text[end - 1] == "," and (listed := _LIST_REST.match(text, end)) is not None:
        end = listed.end()  # "the chfn, chsh and gpasswd utilities instead": every one of them
    while end > start and text[end - 1] in ".=:,":
        end -= 1
    return (start, end) if end > start else None
