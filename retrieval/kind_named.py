"""The name a "Which keyword / method / macro ...?" question asks, where prose names it beside its kind.

A programming book or guide names what it explains in running text, not under a heading of its own: "You declare
constants using the const keyword", "Rust conveniently provides the vec! macro", "we can use a common method called
clone", "This function is called drop". The span model had no candidate there, or took a word of the sentence ("special"
of "a special function", "Listing 8-15" of a listing's caption); the name is the word the text sets before its kind or
after "called". An adjective in that place ("a common method", "the convenient ... function") names nothing.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from citeqa.layout import is_list_item
from retrieval.options import SAYS_LITTLE, paragraph_start
from retrieval.scored import ScoredUnit, SpanChoice, ruled
from retrieval.text import asking_sentence, content_words, writes

# "Which keyword declares a constant?", "Which methods return None ...?", "What macro ...?", "Which hashing function
# ...?": the kind asked, perhaps after a word or two that narrow it, not "What do integer types default to?" (an
# auxiliary verb stands there) nor "Which type of ...?" (a sort, not a name)
_AUXILIARY = r"(?:do|does|did|is|are|was|were|can|could|should|must|will|would|has|have|had|may|might)"
KINDS = ("keyword", "method", "function", "macro", "trait", "operator", "variant", "enum", "struct", "module",
         "crate", "command", "attribute", "field", "variable", "constant", "class", "property", "parameter", "flag",
         "option", "setting", "directive", "argument")
ASKS_WHICH_KIND = re.compile(rf"^\W*(?:which|what)\s+(?:(?!{_AUXILIARY}\b)[\w.-]+\s+){{0,2}}?"
                             rf"(?P<kind>{'|'.join(KINDS)})s?\b(?!\s+of\b)", re.I)
_NAME = r"(?P<name>(?:[^\s,;:()“”\"‘’']|::|(?<=\w)['’](?=\w))+?)"  # "fs::read_to_string", "d'Hondt"
# Words that stand before a kind without naming one ("the same method", "a special function", "the main ones")
_NOT_A_NAME = frozenset("""a an the this that these those its their our your my his her which what whose one two three
    and or of to in on for with by from as same following previous next other another new old common special standard
    built-in builtin given certain particular specific such each every any some first last second simple single useful
    convenient generic custom default private public associated anonymous separate whole entire corresponding
    appropriate above below helper underlying original primary similar different various several many few more most
    own only""".split())
_DESCRIBING = re.compile(r"(?:ing|ed|al|ful|ous|ive|able|ible|less|ly|est)$")
_WRITTEN_AS_CODE = re.compile(r"[_!:*#\[\]<>&.(/]|[a-z][A-Z]|^-{1,2}\w")
# The names listed before the last one of a plural kind: "panic, lto, or " of "the panic, lto, or rpath settings",
# "--offline or " of "The --offline or --frozen flags"
_LISTED_BEFORE = re.compile(r"(?<![^\s(“\"‘'])(?:[^\s,;:()“”\"‘’']+,\s+)*[^\s,;:()“”\"‘’']+,?\s+(?:or|and)\s+$")
_A_FAMILY = re.compile(r"\b(?:these|those|all|both|the\s+(?:two|three|four))\s+$", re.I)
_CODE_BEFORE = re.compile(r"(?<![^\s(“\"‘'])(?P<name>-{1,2}\w[\w-]*|[^\s“”\"‘’']*[_:][^\s“”\"‘’']*)[”\"’']?\s+$")
REACH = 3  # the best units looked at
NEXT_REACH = 3  # characters between a sentence and the next one that names what it spoke of


def the_name_of_the_kind_asked(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """For "Which <kind> ...?": the name that the first of the best units saying what the question says of it (two
    thirds of its words or more) sets beside that kind ("const" of "using the const keyword", "clone" of "a common
    method called clone"); None when the question asks no kind or none of them names one."""
    asked = ASKS_WHICH_KIND.search(question)
    if asked is None:
        return None
    kind = asked.group("kind").lower()
    wanted = set(content_words(question[asked.end():]))
    question_words = {w.lower() for w in re.findall(r"[\w'’-]+", question)}
    in_code = [w for w in question[asked.end():].split() if _WRITTEN_AS_CODE.search(w.strip("?.,;:!\"'“”‘’"))]
    for unit in units[:REACH]:
        if not covers_the_question(wanted, unit.text):
            continue  # what the unit says is not what is asked ("the break keyword ... to tell the program when to stop
            # executing the loop" for the keyword that skips the rest of an iteration, "the --show-output flag" for
            # the one that runs the tests in release mode)
        if any(name.strip("?.,;:!\"'“”‘’") not in unit.text for name in in_code):
            continue  # of another thing written as code: HashMap's hashing function for HashSet's
        found = _name_beside(unit.text, kind, question_words)
        if found is not None:
            return ruled(unit, *found)
        if re.search(rf"\b{kind}s?\b", unit.text, re.I) and (named := _named_next(unit, units, kind)) is not None:
            return named  # "Rust calls a special function for us." / "This function is called drop, ..."
    return None


def the_name_in_its_paragraph(question: str, units: Sequence[ScoredUnit], text_of: Callable[[str], str],
                              span_at: Callable[[ScoredUnit, tuple[int, int]], SpanChoice | None]
                              ) -> SpanChoice | None:
    """For "Which option / argument / keyword ...?" when the best unit says what the thing does without naming it: the
    name written as code beside that kind in another sentence of the best unit's paragraph ("If the EXCLUDE_FROM_ALL
    argument is provided ..." before the ranked "Users must explicitly build targets in the subdirectory."; "The
    NAMES_PER_DIR option tells this command ..." after "... will consider one name at a time ..."); None otherwise."""
    asking = asking_sentence(question)
    asked = ASKS_WHICH_KIND.search(asking)
    if asked is None or not units:
        return None
    best, kind = units[0], asked.group("kind").lower()
    text = text_of(best.doc_id)
    start, end = paragraph_start(text, best.start), text.find("\n\n", best.end)
    if is_list_item(best.text):  # an item of a list (a change log's) is a paragraph of its own
        start, end = best.start, best.end
    paragraph = text[start : end if end >= 0 else len(text)]
    wanted = set(content_words(asking[asked.end():])) - _PRONOUNS
    if len(wanted) >= SAYS_LITTLE and not covers_the_question(wanted, paragraph):
        return None  # the paragraph speaks of another thing of the kind ("--show-output" for release mode)
    scene = set(content_words(question[: len(question) - len(asking)])) - _PRONOUNS
    if len(wanted) < SAYS_LITTLE and len(scene.intersection(content_words(paragraph))) < SCENE_SHARED:
        return None  # "Which argument should we pass?": what it does is in the scene before it
    found = _name_beside(paragraph, kind, {w.lower() for w in re.findall(r"[\w'’-]+", question)})
    if found is None or not _IN_CAPITALS_AS_CODE.fullmatch(paragraph[found[0] : found[1]]) or writes(
            question, paragraph[found[0] : found[1]]):
        return None
    return span_at(best, (start + found[0], start + found[1]))


_PRONOUNS = frozenset("i we you it they me us them my our your its their".split())  # no topic ("Which argument
# should we pass?", "... without it touching Cargo.toml")
SCENE_SHARED = 2  # words of the scene the paragraph holds, when the asking sentence says little of what is asked


# A keyword written as code in capitals joined by "_" ("EXCLUDE_FROM_ALL", "NAMES_PER_DIR"), or an option ("--dry-run")
_IN_CAPITALS_AS_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|--?[A-Za-z][\w-]*")


# "What is the action of creating a reference called?"
_ASKS_WHAT_IT_IS_CALLED = re.compile(r"^\W*what\s+(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?"
                                     r"(?P<thing>.+?)\s+called\W*$", re.I)


def the_name_given(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """For "What is X called?": the words after "call X" that end the sentence in the first of the best units that
    says it ("borrowing" of "We call the action of creating a reference borrowing."), or None."""
    asked = _ASKS_WHAT_IT_IS_CALLED.match(question)
    if asked is None:
        return None
    thing = r"\s+".join(re.escape(word) for word in asked.group("thing").split())
    calling = re.compile(rf"\bcall(?:s|ed)?\s+(?:(?:the|a|an)\s+)?{thing}\s+"
                         r"(?P<name>[^\s,;:.]+(?:\s+[^\s,;:.]+){0,2})(?=[.;]?$|[.;]\s)", re.I)
    for unit in units[:REACH]:
        said = calling.search(unit.text)
        if said is not None:
            return ruled(unit, *said.span("name"))
    return None


def the_name_called(question: str, units: Sequence[ScoredUnit]) -> SpanChoice | None:
    """For "What is X called?" when nothing better answers: the name after "called" in the first of the best units
    that says what X is (two thirds of its words), or in the sentence after it that refers back to it ("This is
    called a virtual manifest."); None otherwise. A name of several capitalised words ("the War of the Two Capitals")
    is the span model's to find: this one stops at three words."""
    asked = _ASKS_WHAT_IT_IS_CALLED.match(question)
    if asked is None:
        return None
    wanted = set(content_words(asked.group("thing")))
    for unit in units[:REACH]:  # "... a value called Nil without a next item.", "... section." / "This is called a
        if not covers_the_question(wanted, unit.text):  # virtual manifest."
            continue
        for holder in (unit, _the_unit_after(unit, units)):
            said = _CALLED.search(holder.text) if holder is not None else None
            if said is not None and (holder is unit or _REFERS_BACK.match(holder.text)):
                return ruled(holder, *said.span("name"))
    return None


# "called Nil", "are called unit-like structs", "is called a virtual manifest": the name, up to a word that goes on
# with the sentence ("without", "because") or its end (not "known as": "known as the Huguenot rebellions broke out")
_CALLED = re.compile(r"\b(?:called|named)\s+(?:(?:an?|the)\s+)?"
                     r"(?P<name>(?!(?:an?|the|by|for|on|in|to|with|from)\b)[^\s,;:.()]+"
                     r"(?:\s+(?!(?:without|because|since|which|that|and|or|but|when|if|as|for|in|to|by|with|from)\b)"
                     r"[^\s,;:.()]+){0,2})(?=[\s,;:.()]|$)", re.I)
_REFERS_BACK = re.compile(r"^(?:this|these|it|they|such\s+\w+)\s+(?:is|are)\s+(?:also\s+)?(?:called|named)\b",
                          re.I)


def _the_unit_after(unit: ScoredUnit, units: Sequence[ScoredUnit]) -> ScoredUnit | None:
    """The unit of the same document that starts right after `unit` (NEXT_REACH characters at most), if ranked."""
    after = [u for u in units if u.doc_id == unit.doc_id and unit.end <= u.start <= unit.end + NEXT_REACH]
    return min(after, key=lambda u: u.start) if after else None


def covers_the_question(wanted: set[str], text: str) -> bool:
    """Whether the text holds two thirds or more of the question's content words (stems) `wanted`."""
    return len(wanted.intersection(content_words(text))) * 3 >= len(wanted) * 2


def written_as_code(name: str) -> bool:
    """A name written as code: "vec!", "fs::read_to_string", "checked_*", "Option<&V>", "-v", "HashSet"."""
    return bool(_WRITTEN_AS_CODE.search(name))


def _named_next(unit: ScoredUnit, units: Sequence[ScoredUnit], kind: str) -> SpanChoice | None:
    """The name the sentence right after `unit` gives the thing of that kind `unit` spoke of ("This function is
    called drop")."""
    following = _the_unit_after(unit, units)
    if following is None:
        return None
    found = re.match(rf"(?:this|that|the|such\s+an?)\s+{kind}\s+(?:is|was)\s+(?:called|named)\s+{_NAME}"
                     rf"(?=[\s,;:()“”\"‘’']|\.?$|\.\s)", following.text, re.I)
    return ruled(following, *found.span("name")) if found is not None else None


def _name_beside(text: str, kind: str, question_words: set[str]) -> tuple[int, int] | None:
    """Where the text names a thing of the kind: after "<kind> called", else a name written as code right after the
    kind ("setting PREVENT_NO_AUTH"), else the word before it ("the const keyword"; "-v" of "the -v command-line
    option", past a word that only says what sort it is)."""
    called = re.compile(rf"\b{kind}s?\s+(?:(?:is|are|was)\s+)?(?:called|named)\s+{_NAME}(?=[\s,;:()“”\"‘’']|\.?$|\.\s)",
                        re.I)
    for match in called.finditer(text):
        if _names_something(match.group("name"), question_words, kind):
            return match.start("name"), match.end("name")
    for match in re.finditer(rf"\b{kind}s?\s+{_NAME}(?=[\s,;:()“”\"‘’']|\.?$|\.\s)", text, re.I):
        name = match.group("name")
        if _WRITTEN_AS_CODE.search(name) and _names_something(name, question_words, kind):
            return match.start("name"), match.end("name")
    for match in re.finditer(rf"(?<![^\s(“\"‘']){_NAME}\s+{kind}(?P<plural>s?)\b", text, re.I):
        name, start = match.group("name"), match.start("name")
        if match.group("plural") and _A_FAMILY.search(text, 0, start):
            continue  # "these Fn traits": a family of them, not the one asked
        code = _CODE_BEFORE.search(text, 0, start) if not _WRITTEN_AS_CODE.search(name) else None
        if code is not None:  # "-v" of "the -v command-line option"
            if _names_something(code.group("name"), question_words, kind):
                return code.start("name"), code.end("name")
            continue
        if _names_something(name, question_words, kind):
            listed = _LISTED_BEFORE.search(text, 0, start) if match.group("plural") else None
            return (listed.start() if listed else start), match.end("name")  # "panic, lto, or rpath settings"
    return None


def _names_something(name: str, question_words: set[str], kind: str) -> bool:
    """Whether the word beside a kind is a name: written as code ("vec!", "fs::read_to_string", "checked_*"), an
    operator ("?" of "the ? operator"), or a word that neither describes ("common", "hashing") nor is the question's
    own (but a keyword's: "struct")."""
    word = name.lower()
    if word in question_words and not (kind == "keyword" and word.isalpha()):
        return False  # (a language's keyword is a word the question may use: "struct" of "the definition of a struct")
    if not re.search(r"\w", name):
        return len(name) <= 3
    if _WRITTEN_AS_CODE.search(name):
        return True
    return word not in _NOT_A_NAME and not (word.isalpha() and word.islower() and _DESCRIBING.search(word))
