"""Whether a span, in bold, reads as the answer to the question, and the few ways a chosen span is completed.

The span model scores candidates one by one and knows nothing of what a reader sees: a span cut from a heading
in capitals, half a name, a clause, a year for "Where ...?", the question's own words. Each rule here withholds
such a span (the quotes then answer alone) or completes one (a year with its day and month, a name block's
name for a post's holder). Each was measured on the shipped eval, the dev set and the SQuAD dev half (README,
The short answer).
"""

from __future__ import annotations

import re
from dataclasses import replace

from citeqa.layout import in_capitals
from retrieval.bodies import initials_of_names
from retrieval.countries import countries_named, without_countries
from retrieval.kinds import (LINK, VERSION_HEADS, asks_for_a_number, asks_for_a_post_holder, names_a_maker,
                             says_a_persons_name, says_a_place, says_a_sum, the_post_as_asked)
from retrieval.question import (NUMBER_TYPES, QuestionInfo, defined_term, head_phrase, person_asked_about,
                                topic_said_about)
from retrieval.scored import ScoredUnit, SpanChoice, ruled
from retrieval.spans import MODERN_YEAR, MONTH_NAMES, NAME_PARTICLES, NOT_NAME_WORDS, PERSON_TITLE_WORDS, YEAR
from retrieval.text import ASKS_HOW_OFTEN, STOP_WORDS, content_words, stem_words, stems

_WORD = re.compile(r"\w+")
SPELLED_NUMBERS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                   "hundred|thousand|million|billion|dozen")
_NUMBER_WORD = re.compile(rf"\b({SPELLED_NUMBERS})\b", re.I)


def reads_as_an_answer(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span, in bold, would read as the answer to `q`: the checks that need only the span and
    the question (`ExtractiveAnswerer._said_everywhere` also asks the index). A yes/no question has no
    span that says yes, and "What does the CSTO say about terrorism?" asks for statements, not a phrase of one
    ("extremism" had been in bold)."""
    return (not q.yes_no and not topic_said_about(q.text) and not _ASKS_WHAT_IS_DONE.search(q.text)
            and edges_can_be_trusted(choice)
            and not only_the_title(choice) and not a_clause_for_a_fact(choice, q) and not of_another_kind(choice, q)
            and not of_another_country(choice, q) and not of_another_year(choice, q)
            and not a_description_for_a_definition(choice, q)
            and not only_the_questions_words(choice, q) and not the_questions_words_run_together(choice, q)
            and not only_a_link_word(choice) and not a_string_in_code(choice)
            and not _A_LOWER_CASE_LETTER.fullmatch(choice.text)
            and not what_the_question_sets_aside(choice, q) and not _QUOTATION_END_INSIDE.search(choice.text)
            and not ends_an_idiom(choice) and not listed_beside_what_is_asked(choice, q)
            and not _WHAT_THE_TEXT_SETS_ASIDE.match(choice.text) and not what_it_was_before(choice, q)
            and not cuts_a_bracket(choice.text) and not _AN_ATTRIBUTION.search(choice.text)
            and not cuts_its_subject(choice) and not inside_a_link(choice) and not a_manual_section(choice)
            and not a_verb_before_its_clause(choice))


def a_verb_before_its_clause(choice: SpanChoice) -> bool:
    """One capitalised word that opens a sentence or a table's cell before "that": a verb, not an answer ("Indicates"
    of "ECONNREFUSED | Indicates that the network connection has been refused." had been in bold for what the code
    means)."""
    before = choice.unit.text[: choice.start - choice.unit.start]
    after = choice.unit.text[choice.end - choice.unit.start:]
    return (bool(_ONE_CAPITALISED_WORD.fullmatch(choice.text)) and after.startswith(" that ")
            and (opens_a_sentence(choice) or before.rstrip().endswith("|")))


# One lower-case letter is a symbol of the text, not an answer ("p" of "(p = 0.01)" had answered ICU mortality).
_A_LOWER_CASE_LETTER = re.compile(r"[a-z]")


# A manual's section is no answer: "8" of "sshd(8)" had been in bold for how many variable names a line may hold.
_MANUAL_SECTION = re.compile(r"[A-Za-z_][\w.-]*\(\d[a-z]?\)")


def a_manual_section(choice: SpanChoice) -> bool:
    """Whether the span is the section number of a manual page's name ("sshd(8)", "apt_preferences(5)")."""
    start, end = choice.start - choice.unit.start, choice.end - choice.unit.start
    return any(m.start() < start and end < m.end() for m in _MANUAL_SECTION.finditer(choice.unit.text))


# A number of a web address is no answer ("2579" of ".../pull/2579" had been in bold for how much memory pyenv needs).
def inside_a_link(choice: SpanChoice) -> bool:
    """Whether the span lies inside a web or e-mail address of its unit."""
    start, end = choice.start - choice.unit.start, choice.end - choice.unit.start
    return any(m.start() <= start and end <= m.end() for m in LINK.finditer(choice.unit.text))


# "What does the declaration ask the Secretary General to do?", "What did the MSPs do?": an action, which a clause of
# the quote says; a phrase of it in bold had been a body ("CSTO, to the Permanent Council") or a place (SQuAD's
# short answers to such questions: 3 of 9, F1 0.25 in all)
_ASKS_WHAT_IS_DONE = re.compile(r"^\W*what\b.*\b(?:do|did|does|doing)\W*$", re.I)


# Who said a quotation, not what it says: "Aleksandr Lukashenko said" had been in bold for why he wants his region
# safe ("Who said ...?" finds its speaker otherwise: `ExtractiveAnswerer.with_the_speaker`)
_AN_ATTRIBUTION = re.compile(r"\b(?:said|says|noted|notes|stated|remarked|added|stressed|emphasi[sz]ed)\W*$"
                             r"|^\W*(?:said|noted|stated|remarked|added|stressed|emphasi[sz]ed)\b", re.I)


def a_count_of_things(choice: SpanChoice) -> bool:
    """Whether the span is a number under 1000 alone that counts the words after it ("61" of "61 international
    observers"): no time. A year under 1000 is followed by a small word or nothing ("911 as a fiefdom")."""
    if not _A_SMALL_NUMBER.fullmatch(choice.text.strip()):
        return False
    after = _WORD_AFTER.match(choice.unit.text, choice.end - choice.unit.start)
    return after is not None and after.group(1).lower() not in STOP_WORDS and after.group(1).lower() not in _ERAS


def cuts_a_bracket(text: str) -> bool:
    """Whether the span opens a bracket it does not close or closes one it did not open ("Ford Courier), and the
    Isuzu-built Chevrolet LUV"): it cuts a phrase in two (`with_its_brackets_closed` mends those it can)."""
    depth = 0
    for char in text:
        depth += char in "(["
        depth -= char in ")]"
        if depth < 0:
            return True
    return depth != 0


def word_opening_a_sentence(choice: SpanChoice) -> str | None:
    """The span's one word when it is capitalised and opens a sentence (nothing, or a sentence's end, before it on
    its unit: "Soon" of "Soon the Normans ..."), where a capital says nothing of a name; None otherwise."""
    return choice.text if _ONE_CAPITALISED_WORD.fullmatch(choice.text) and opens_a_sentence(choice) else None


def opens_a_sentence(choice: SpanChoice) -> bool:
    """Whether nothing, or a sentence's end, stands before the span on its unit."""
    return bool(_SENTENCE_START.search(choice.unit.text[: choice.start - choice.unit.start]))


_ONE_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")
_A_SMALL_NUMBER = re.compile(r"\d{1,3}")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_ERAS = frozenset("ad bc bce ce".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)[\"“'‘(]?\s*$")


_SIGNS = "<>≤≥~≈"


def with_its_sign(choice: SpanChoice) -> SpanChoice:
    """A number with the sign written against it before it (">90" of ">90 MODEL ACTS"): "90" alone says another
    count than the text."""
    at = choice.start - choice.unit.start
    if at == 0 or not choice.text[:1].isdigit() or choice.unit.text[at - 1] not in _SIGNS:
        return choice
    return _widened(choice, at - 1, choice.end - choice.unit.start)


# An option's dashes: "-O" of "using the -O flag" (the span model's words start after them: "O" had been in bold).
_DASHES_BEFORE = re.compile(r"(?:^|(?<=[\s\"'“‘(\[,=]))-{1,2}$")


def with_its_dashes(choice: SpanChoice) -> SpanChoice:
    """An option with the dashes written against it before it ("-O", "--comment")."""
    at = choice.start - choice.unit.start
    dashes = _DASHES_BEFORE.search(choice.unit.text, 0, at)
    if dashes is None or not choice.text[:1].isalnum():
        return choice
    return _widened(choice, dashes.start(), choice.end - choice.unit.start)


# What a thing was changed to: "ED25519" of "changes the first-preference signature algorithm from ECDSA to ED25519"
# ("ECDSA to ED25519" had been in bold for the algorithm that is first now).
_A_CHANGE_FROM = re.compile(r"\b(?:chang|switch|mov|renam|convert|upgrad|migrat|rais|lower|increas|decreas|reduc)\w*"
                            r"\b[^.;:!?]*\bfrom\s+$", re.I)
_FROM_TO = re.compile(r"\S.*?\s+to\s+(?=\S)")


def what_it_became(choice: SpanChoice, q: QuestionInfo) -> SpanChoice:
    """For a question that does not ask what it was changed from, "A to B" after "changed ... from" is B."""
    at = choice.start - choice.unit.start
    change = _A_CHANGE_FROM.search(choice.unit.text, 0, at)
    to = _FROM_TO.match(choice.text)
    if change is None or to is None or re.search(r"\bfrom\b", q.text, re.I):
        return choice
    return _widened(choice, at + to.end(), choice.end - choice.unit.start)


# Units a quantity is counted in: a span that ends on the number cuts the quantity ("6 to 18" of "every 6 to 18 months
# since 1991" for how stable Python is).
_UNIT_AFTER_A_NUMBER = re.compile(
    r"[ \t]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|per[ \t]?cent|percent"
    r"|kilomet(?:re|er)s?|km|met(?:re|er)s?|miles?|feet|foot|inch(?:es)?|kilograms?|kg|grams?|tons?|tonnes?|acres?"
    r"|hectares?|dollars?|euros?|pounds?|bytes?|kilobytes?|megabytes?|gigabytes?|[KMGT]B"
    r"|[mµμn]?g(?:/(?:[dm]?[lL]|kg|day))?|[mµμ]?[lL]|mmol(?:/[lL])?|[cmnµμ]m|mo|h|min|ms|[kMG]?Hz|°[CF])(?!\w)")
_ENDS_ON_A_NUMBER = re.compile(rf"(?:\d|\b(?:{SPELLED_NUMBERS}))$", re.I)


# The rest of a range of numbers that is not one of years ("1000" of "an additional 1000-2000 transplants", "24%" of
# "12 to 24%"): one end alone says another amount than the text. Years keep their own rule (`with_its_whole_range`).
_NUMBER = r"\d+(?:[.,]\d+)*%?"
_NUMBER_RANGE_AFTER = re.compile(rf"(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+){_NUMBER}(?![\w.,-]*\d)")
_NUMBER_RANGE_BEFORE = re.compile(rf"(?<![\w.,-]){_NUMBER}(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+)$")
_ENDS_ON_A_DIGIT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)$")
_STARTS_ON_A_DIGIT = re.compile(r"\d+(?:[.,]\d+)*%?(?![\w.,])")


def with_its_number_range(choice: SpanChoice, q: QuestionInfo) -> SpanChoice:
    """A number the span ends or starts on, with the rest of the range of numbers it is written in; a range of years
    ("1249–1314", a life) only for a question that asks how many or how much."""
    text, at, end = choice.unit.text, choice.start - choice.unit.start, choice.end - choice.unit.start
    counts = q.qtype in NUMBER_TYPES
    last = _ENDS_ON_A_DIGIT.search(choice.text)
    if last is not None:
        rest = _NUMBER_RANGE_AFTER.match(text, end)
        if (rest is not None and not _a_change(text, at + last.start(), rest.group())
                and (counts or not _all_years(last.group(1), rest.group()))):
            end = rest.end()
    first = _STARTS_ON_A_DIGIT.match(choice.text)
    if first is not None:
        before = _NUMBER_RANGE_BEFORE.search(text, 0, at)
        if (before is not None and not _a_change(text, before.start(), before.group())
                and (counts or not _all_years(first.group(), before.group()))):
            at = before.start()
    return _widened(choice, at, end)


def _widened(choice: SpanChoice, at: int, end: int) -> SpanChoice:
    """The span over its unit's text from `at` to `end` (offsets in the unit); itself when they are its own."""
    if (at, end) == (choice.start - choice.unit.start, choice.end - choice.unit.start):
        return choice
    return replace(choice, start=choice.unit.start + at, end=choice.unit.start + end, text=choice.unit.text[at:end])


def _all_years(*parts: str) -> bool:
    """Whether the numbers written in `parts` are all years, the second perhaps by its last two digits ("1759-60")."""
    numbers = re.findall(r"\d+(?:[.,]\d+)*", " ".join(parts))
    return bool(numbers) and all(re.fullmatch(YEAR, n) or (i and re.fullmatch(r"\d\d", n))
                                 for i, n in enumerate(numbers))


_FROM_BEFORE = re.compile(r"\bfrom[ \t]+$", re.I)


def _a_change(text: str, first_number: int, joined: str) -> bool:
    """Whether two numbers joined by "to" say a change ("decreased from 48.6% to 46.1%"), not a range."""
    joined_by_to = " to " in f" {joined.strip(' ')} ".replace("\t", " ")
    return joined_by_to and bool(_FROM_BEFORE.search(text, 0, first_number))


# A word that describes the noun after it ("Krüppel-like factor 2", "FBW7-mediated degradation"): a span that ends on
# it stops before what it names.
_DESCRIBING_END = re.compile(r"\w-(?:like|mediated|dependent|independent|based|induced|related|specific|associated|"
                             r"derived|positive|negative|type|binding|containing|producing)$", re.I)
_NOUN_AFTER = re.compile(r"(?:[ \t]+(?!(?:and|or|of|in|on|at|to|is|are|was|were|by|for|with|from|as|that|which)\b)"
                         r"[\w'’-]+){1,3}")


def with_its_noun(choice: SpanChoice) -> SpanChoice:
    """A span that ends on a word describing what follows it, with the words it describes (up to three, to the next
    mark or small word): "Krüppel-like" of "the zinc finger transcription factor Krüppel-like factor 2 (KLF2)" had
    answered which transcription factor is a target."""
    if not _DESCRIBING_END.search(choice.text):
        return choice
    after = _NOUN_AFTER.match(choice.unit.text, choice.end - choice.unit.start)
    return choice if after is None else _widened(choice, choice.start - choice.unit.start, after.end())


def with_its_unit(choice: SpanChoice) -> SpanChoice:
    """A quantity whose number the span ends on, with the unit written right after it ("6 to 18" of "6 to 18
    months"): the number alone does not say how much."""
    if not _ENDS_ON_A_NUMBER.search(choice.text):
        return choice
    unit = _UNIT_AFTER_A_NUMBER.match(choice.unit.text, choice.end - choice.unit.start)
    if unit is None:
        return choice
    return _widened(choice, choice.start - choice.unit.start, unit.end())


def with_its_month(choice: SpanChoice) -> SpanChoice:
    """A date whose day the span starts on, with the month written just before it ("15, 1992" of "May 15, 1992"):
    the day and year alone do not say the date."""
    at = choice.start - choice.unit.start
    if not _DAY_FIRST.match(choice.text):
        return choice
    month = _MONTH_JUST_BEFORE.search(choice.unit.text, 0, at)
    if month is None:
        return choice
    return _widened(choice, month.start(), choice.end - choice.unit.start)


# What a span that ends on one capital letter cuts: a dotted abbreviation ("U" of "U.S.", "X" of "X.25") or a name
# whose initial it ends on ("William E" of "William E. Simon")
_DOTTED_REST = re.compile(r"(?:\.(?:[A-Z]|\d+))+\.?")
_INITIALS_SURNAME = re.compile(r"\.(?:[ \t]+[A-Z]\.)*[ \t]+[A-Z][\w'’-]+")


def with_its_path_whole(choice: SpanChoice) -> SpanChoice:
    """A path or a unit the span cuts at a slash, whole: "bin/sync" of "/bin/sync", "/etc" of "/etc/group", "2.5
    Gbit" of "2.5 Gbit/s"."""
    text, at, end = choice.unit.text, choice.start - choice.unit.start, choice.end - choice.unit.start
    if at > 0 and text[at - 1] == "/":
        at = _PATH_BEFORE.search(text, 0, at).start()
    if end < len(text) and text[end] == "/":
        end += len(_PATH_AFTER.match(text, end).group().rstrip(".:"))
    return _widened(choice, at, end)


_PATH_BEFORE = re.compile(r"[^\s\"'“”‘’(\[<]*$")
_PATH_AFTER = re.compile(r"[^\s\"'“”‘’)\]>,;]*")


def with_its_last_letter_whole(choice: SpanChoice) -> SpanChoice:
    """The span made whole where it ends on one capital letter that goes on after a dot: "threats to U" ->
    "threats to U.S.", "Frederick W" -> "Frederick W. Mote"; unchanged otherwise ("Francis I")."""
    if not re.search(r"(?<![\w.])[A-Z]$", choice.text):
        return choice
    after = choice.end - choice.unit.start
    rest = _DOTTED_REST.match(choice.unit.text, after) or _INITIALS_SURNAME.match(choice.unit.text, after)
    if rest is None or rest.group().split()[-1].lower() in STOP_WORDS:  # "Plan B. Then ...": a sentence ends
        return choice
    return _widened(choice, choice.start - choice.unit.start, after + len(rest.group()))


BRACKET_REACH = 40  # characters looked ahead for the bracket a span opens
_BRACKET_CLOSE = re.compile(r"[^()\[\]\n]{0,%d}?[)\]]" % BRACKET_REACH)  # its close, on the same line


# A type's parameters opened right after its name and not closed: "JoinHandle<T" of "JoinHandle<T>"
_OPENS_A_TYPE_PARAMETER = re.compile(r"\w<[^<>]*$")
_TYPE_PARAMETER_CLOSE = re.compile(r"[^<>\s]{0,20}>")


def with_its_brackets_closed(choice: SpanChoice) -> SpanChoice:
    """The span with the bracket it opens closed, when the close is near on the same line ("Annam (Dai Viet" ->
    "Annam (Dai Viet)", "JoinHandle<T" -> "JoinHandle<T>"), or else cut before it ("Dutch (Calvinist" -> "Dutch",
    "Taizu (Chinese" -> "Taizu"); unchanged when it opens none."""
    text = choice.text
    unit_text, end = choice.unit.text, choice.end - choice.unit.start
    if _OPENS_A_TYPE_PARAMETER.search(text) and (close := _TYPE_PARAMETER_CLOSE.match(unit_text, end)) is not None:
        return _widened(choice, choice.start - choice.unit.start, end + len(close.group()))  # "JoinHandle<T>"
    opened = max(text.rfind("("), text.rfind("["))
    if opened < 0 or ")" in text[opened:] or "]" in text[opened:]:
        return choice
    close = _BRACKET_CLOSE.match(unit_text, end)
    if close is not None:
        return _widened(choice, choice.start - choice.unit.start, end + len(close.group()))
    kept = text[:opened].rstrip(" ,;:-")
    if not kept or cuts_a_bracket(kept):
        return choice
    return replace(choice, end=choice.start + len(kept), text=kept)


def listed_beside_what_is_asked(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span is listed beside the very thing the question asks for, not as one of it ("foreign-controlled
    information resources" of "... resources, social networks and video-sharing platforms" for "Which social
    networks ...?"): a list's members are siblings; "France, Spain and other countries" names countries. The thing
    asked for is the longest start of the question's head phrase the unit holds (the phrase runs on into a verb
    in "Which social networks censor ...?")."""
    words = head_phrase(q.text).split()
    if not words:
        return False
    text, start, end = choice.unit.text, choice.start - choice.unit.start, choice.end - choice.unit.start
    for n in range(len(words), min(len(words), 2) - 1, -1):  # one word of several may be a modifier ("London")
        found = list(re.finditer(rf"\b{re.escape(' '.join(words[:n]))}(?:s|es)?\b", text, re.I))
        if found:
            return any(_listed_beside(text, start, end, m) for m in found)
    return False


def _listed_beside(text: str, start: int, end: int, head: re.Match) -> bool:
    if head.start() >= end:
        between = text[end : head.start()]
    elif head.end() <= start:
        between = text[head.end() : start]
    else:
        return False
    return bool(_LIST_SEPARATOR.fullmatch(between)) and not _HYPONYM_LEAD.search(text[: head.start()])


_LIST_SEPARATOR = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")  # "resources, social networks", "X and Y"
_HYPONYM_LEAD = re.compile(r"\b(?:other|such|similar|all|these|those|the)\s+$", re.I)  # "and other countries"


def ends_an_idiom(choice: SpanChoice) -> bool:
    """Whether the span is the last word of a set phrase that only links or qualifies ("general" of "... security
    cooperation in general", "example" of "for example"): the span model sees a word near the question's words."""
    before = choice.unit.text[: choice.start - choice.unit.start].lower()
    match = _IDIOM.search(before + choice.text.lower())
    return match is not None and match.group("last") == choice.text.lower()


def what_the_question_sets_aside(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span names what the question sets aside ("Development of Artificial Intelligence Technologies"
    for "Besides outer space and artificial intelligence, what other topic ...?", "National Anthem" for "Besides
    hearing the anthem, what did the team see ...?"): half its words or more are those the question asks past
    ("anti-terrorist and counter-narcotics activities" for "Apart from anti-terrorist work, which activities
    ...?" holds more than what is set aside, and stays)."""
    aside = _SET_ASIDE.search(q.text)
    words = set(content_words(choice.text))
    return aside is not None and bool(words) and 2 * len(words & set(content_words(aside.group("aside")))) >= len(words)


# What the text sets aside is no answer: "instead of ffi_prep_cif" for which function must be used (libffi's manual:
# "ffi_prep_cif_var must be used instead of ffi_prep_cif").
_WHAT_THE_TEXT_SETS_ASIDE = re.compile(r"(?:instead\s+of|rather\s+than|other\s+than|apart\s+from|except|besides|unlike)\b",
                                       re.I)


# What a thing was before, as the text marks it: "(previously group "video")" of the group that owns render nodes now.
_BEFORE_IT = re.compile(r"(?:(?:\(|,\s*)(?:previously|formerly)|\b(?:previously|formerly)\s+(?:known\s+as|called|named)"
                        r"|\binstead\s+of|\brather\s+than)\b[^.;:()\n]{0,30}$"  # not "We have previously found"
                        r"|^\W*(?:previous\s+versions?|previously|formerly|historically|in\s+the\s+past)\b[^.;!?]*$",
                        re.I)  # "Previous versions of pam_unix had a built-in minimum password length of 1 character"
_ASKS_WHAT_IT_WAS = re.compile(r"\b(?:previous(?:ly)?|formerly|former|old|older|originally|original|before|used\s+to|"
                               r"earlier|prior|until|was|were)\b", re.I)


def what_it_was_before(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the text writes the span as what was so before ("previously group "video"", "instead of '%t '"),
    and the question does not ask what was."""
    before = choice.unit.text[: choice.start - choice.unit.start]
    return _BEFORE_IT.search(before) is not None and not _ASKS_WHAT_IT_WAS.search(q.text)


# What it is now, written just before the bracket that says what it was: "render" of 'group "render" (previously group
# "video")'.
_NOW_BEFORE_THEN = re.compile(r"(?:[\"“'‘](?P<quoted>[^\"”'’\n]{1,40})[\"”'’]|(?P<word>[^\s()\"“”'‘’]{1,40}))\s*"
                              r"\((?:previously|formerly)\b[^()]*$", re.I)


def what_it_is_now(choice: SpanChoice) -> SpanChoice | None:
    """For a span the text writes as what was before inside a bracket ("(previously group "video")"), the thing
    written just before that bracket, what it is now; None when there is none."""
    m = _NOW_BEFORE_THEN.search(choice.unit.text, 0, choice.start - choice.unit.start)
    if m is None:
        return None
    group = "quoted" if m.group("quoted") is not None else "word"
    return _widened(choice, m.start(group), m.end(group))


# Set phrases that link or qualify, ending in a word that alone looks like content ("in general", "for example").
_IDIOM = re.compile(r"\b(?:in|for|of|at)\s+(?P<last>general|particular|addition|total|fact|example|instance|course|"
                    r"short|brief|practice|theory|principle|turn|part|effect|contrast|comparison|return|response|"
                    r"common|least|detail|sum|summary|conclusion|essence)$")
_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")
# A quotation's end and what follows it ("place,” Aleksandr Lukashenko"): a span over it joins the words said to
# the words about the saying, no phrase of either.
_QUOTATION_END_INSIDE = re.compile(r"[,.!?;:][”\"]\s+\S")
_SET_ASIDE = re.compile(r"\b(?:besides|apart\s+from|aside\s+from|other\s+than|in\s+addition\s+to|except(?:\s+for)?)"
                        r"\s+(?P<aside>[^,?]+)", re.I)


def only_a_link_word(choice: SpanChoice) -> bool:
    """Whether the span is nothing but words that link a sentence to the one before ("Besides", "Nevertheless"),
    open a clause ("Although"), or pair its parts ("Neither" of "Neither states nor their representatives have the
    right ..."): capitalised at a sentence's start, they look like a name to the span model and say nothing."""
    words = _WORD.findall(choice.text.lower())
    return bool(words) and all(w in _LINK_WORDS for w in words)


_LINK_WORDS = frozenset("besides however thus therefore moreover furthermore also nevertheless meanwhile then "
                        "still yet hence instead otherwise indeed finally firstly secondly thirdly first second "
                        "third neither either nor both none similarly likewise additionally consequently accordingly "
                        "conversely alternatively lastly here hereby herein thereby overall together notably "
                        "importantly interestingly surprisingly specifically mechanistically "
                        # and the conjunctions that open a clause: "Although" of "Although variables are immutable
                        # by default, you can make them mutable by adding mut ..."
                        "although though because whereas unless whether".split())


def only_the_questions_words(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether every word of the span that carries meaning is one the question uses ("anti-democratic" for "What
    practices does the Council consider anti-democratic?", "Aix-la-Chapelle" for what its treaty addressed): in bold
    it reads as an answer and says back what was asked; so is a name the question abbreviates ("OSCE Parliamentary
    Assembly" for "What should the OSCE PA session be ...?"). A number keeps its place."""
    words = set(content_words(choice.text))
    asked = set(q.content) | _abbreviated_in(choice.text, q.text) | _abbreviating(choice.text, q.text)
    return bool(words) and words <= asked and not holds_number(choice.text)


def _abbreviating(span: str, question: str) -> set[str]:
    """The content words of the span's abbreviations that write a run of the question's words by their initials:
    "BTS" of "bug tracking system (BTS)" for "What does the bug tracking system file?"."""
    initials = "".join(w[0] for w in _SPAN_WORD.findall(question)).upper()
    return {w for a in _ABBREVIATION.findall(span) if a in initials for w in content_words(a)}


# A string written in code: an argument of a call or a value given ("print(f"Hello World")", 'name = "x"'), on a
# line with code's marks (a call, a definition, an import)
_CODE = re.compile(r"\w\(|\bdef\s+\w|^\s*(?:import|from)\s+\w|\w\s*=\s*[\w\[{(\"']")
_STRING_OPENS = re.compile(r"(?:[(\[=,]\s*|\(\s*[frb])[\"']$")


def a_string_in_code(choice: SpanChoice) -> bool:
    """Whether the span is a string written in a line of code ("Hello World" of `print(f"Hello World")` had answered
    what to use instead of typer.run): an example's data, no answer."""
    unit, start, end = choice.unit.text, choice.start - choice.unit.start, choice.end - choice.unit.start
    quoted = bool(_STRING_OPENS.search(unit[:start])) and unit[end : end + 1] in ("\"", "'")
    return quoted and bool(_CODE.search(unit))


def the_questions_words_run_together(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span writes two or three of the question's words as one ("Python3" for "Which package provides
    /usr/bin/python pointing to Python 3?"): it says back what was asked, whatever digits it holds."""
    span = _SEPARATORS.sub("", choice.text.lower())
    words = [w for w in _SEPARATORS.split(q.text.lower()) if w]
    return bool(span) and any(span == "".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1))


_SEPARATORS = re.compile(r"[\W_]+")


def _abbreviated_in(span: str, question: str) -> set[str]:
    """The content words of the span's runs of capitalised words whose initials the question writes as an
    abbreviation: "Parliamentary Assembly" when the question says "PA", "United States" when it says "US"."""
    abbreviations = set(_ABBREVIATION.findall(question))
    words = _SPAN_WORD.findall(span)
    out: set[str] = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 6) + 1):
            run = words[i:j]
            if not all(w[:1].isupper() for w in run):
                break
            if "".join(w[0] for w in run).upper() in abbreviations:
                out |= set(content_words(" ".join(run)))
    return out


def a_description_for_a_definition(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether `q` asks what a thing is ("What is the CSTO?") or who a person is, and the span does not say it:
    only a span that the text sets beside the term as what it is (`defines`) answers, not another name that
    stands near it ("Permanent Council", bold for "What is the CSTO?", was a body the CSTO has)."""
    person = person_asked_about(q.text)
    term = defined_term(q.text) or (person.name if person is not None and not person.words else None)
    return term is not None and not defines(choice, term)


def defines(choice: SpanChoice, term: str) -> bool:
    """Whether the span says what `term` is: it follows the term and a copula, a comma, "or" or a line break
    ("Telenet was *the first FCC-licensed public data network*", "labeled as huihui or *Muslim medicine*",
    "Vyacheslav Volodin / *Chairman of the CSTO Parliamentary Assembly*" in a name block), it is all of a bracket
    after the term ("CSNET (*Computer Science Network*)"; not the "Chinese" of "The Yuan dynasty (Chinese: 元朝;
    ...)", a gloss), or it is what the term abbreviates, before it in brackets ("*The Computer Science Network*
    (CSNET)")."""
    text, term = choice.unit.text, term_pattern(term)
    before, after = text[: choice.start - choice.unit.start], text[choice.end - choice.unit.start :]
    follows = re.search(rf"\b{term}\s*(?:\([^)]*\)\s*)?(?:,|\n|\s(?:is|are|was|were)(?:\s+to)?\b|\sor\b)\s*"
                        rf"(?:(?:a|an|the)\s+)?$", before, re.I)
    bracketed = re.search(rf"\b{term}\s*\(\s*$", before, re.I) and re.match(r"\s*\)", after)
    abbreviated = re.match(rf"\s*\(\s*(?:the\s+)?{term}\s*\)", after, re.I)
    return bool(follows or bracketed or abbreviated)


def term_pattern(term: str) -> str:
    return r"\s+".join(re.escape(word) for word in term.split())


def only_the_title(choice: SpanChoice) -> bool:
    """Whether the span says nothing but words of its document's title ("Declaration", "Collective
    Security", "Scottish" in "Scottish Parliament"): what the whole document is about, which a question
    asked of it rarely asks for, so in bold it reads as an answer while it answers nothing. A number keeps
    its place ("1973" of "1973 oil crisis")."""
    words = stems(choice.text)
    title = set(stems(choice.unit.title))
    return bool(words) and all(w in title for w in words) and not holds_digit(choice.text)


def edges_can_be_trusted(choice: SpanChoice) -> bool:
    """Whether the span's edges can be where a phrase starts and ends. Not inside a unit set in capitals
    (a heading, a banner), unless the span holds a number: capitals hide where a phrase ends, every word
    looking like a name, and the span model, trained on ordinary text, then cuts phrases anywhere ("…
    THE CSTO / MEMBER STATES' NATIONAL" for the Assembly's main task, "COMMISSIONS) ON DEFENCE AND …").
    The quote, the whole heading, is then the answer; a count or a date in it ("14 DEPUTIES") keeps its
    short answer, its edges marked by the digits. Nor an edge inside a name (`cuts_a_name`)."""
    return (not in_capitals(choice.unit.text) or holds_digit(choice.text)) and not cuts_a_name(choice)


_COPULA = re.compile(r"\b(?:is|are|was|were)\b")


# What a clause's subject may not open on: it goes on from the word before ("The idea was borrowed from Modula-3" had
# answered "idea was borrowed from Modula-3"; "using indentation for grouping is extremely elegant ..." had given
# "grouping is extremely elegant and contributes").
_SUBJECT_WORDS_BEFORE_ITS_VERB = 3
_WORD_JUST_BEFORE = re.compile(r"([^\W\d_]+)[ \t\n]+$")
# Words after which a clause starts whole ("... because the value is ...")
_OPENS_A_CLAUSE = frozenset("that because and but or so since when while if as although though which who whereas "
                            "where after before until unless".split())


def cuts_its_subject(choice: SpanChoice) -> bool:
    """Whether a clause in bold ("... is ...") lacks the start of its subject: the span opens within the three words
    before its verb, after a word of small letters, or the verb follows a comma inside it ("many respects, are
    generally used ..." of "Lists and tuples, while similar in many respects, are ...")."""
    verb = _COPULA.search(choice.text)
    return verb is not None and (_after_a_comma(choice, verb) or _opens_inside_its_subject(choice, verb))


def _after_a_comma(choice: SpanChoice, verb: re.Match) -> bool:
    """The clause's verb follows a comma of the span: its subject stands before the span."""
    return re.search(r",\s*$", choice.text[: verb.start()]) is not None


def _opens_inside_its_subject(choice: SpanChoice, verb: re.Match) -> bool:
    """The span opens within `_SUBJECT_WORDS_BEFORE_ITS_VERB` words of its verb, after a word that opens no clause."""
    word = _WORD_JUST_BEFORE.search(choice.unit.text[: choice.start - choice.unit.start])
    return (len(choice.text[: verb.start()].split()) <= _SUBJECT_WORDS_BEFORE_ITS_VERB and word is not None
            and word.group(1).lower() not in _OPENS_A_CLAUSE)


SUBJECT_REACH = 4  # words looked back for the start of a clause's subject
_CLAUSE_EDGE = re.compile(r"[.!?;:,(\"“]|\b(?:" + "|".join(sorted(_OPENS_A_CLAUSE)) + r")\b", re.I)


def with_its_subject(choice: SpanChoice) -> SpanChoice:
    """A clause in bold whose subject the span cuts (`cuts_its_subject`), from where the subject starts: after the
    word or mark that opens its clause, at most SUBJECT_REACH words back ("idea was borrowed from Modula-3" of "The
    idea was borrowed from Modula-3."; "medical ethics were compatible with Confucian virtues" of "... a high income and
    medical ethics were ..."). Left as it is when the subject starts further back, or before a comma of the span."""
    verb = _COPULA.search(choice.text)
    if verb is None or _after_a_comma(choice, verb) or not _opens_inside_its_subject(choice, verb):
        return choice
    at = choice.start - choice.unit.start
    before = choice.unit.text[:at]
    edges = list(_CLAUSE_EDGE.finditer(before))
    start = edges[-1].end() if edges else 0
    start += len(before[start:]) - len(before[start:].lstrip())
    if len(before[start:].split()) > SUBJECT_REACH:
        return choice
    return _widened(choice, start, choice.end - choice.unit.start)


def a_clause_for_a_fact(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span says that something is something ("Information and Analysis is a CSTO PA" for
    "Where is the Legal Centre?"): an answer to "why" or "how" may be a clause, a fact is a phrase."""
    return q.qtype not in ("why", "how") and bool(_COPULA.search(choice.text))


# Heads that ask for something with a proper name ("Which *body* issued the statement?"): an answer in small letters
# only is no name ("democratic character into question" had been given in bold).
_NAMED_HEADS = frozenset(stems("body organisation organization institution agency party company firm city town "
                                "university church newspaper dynasty empire kingdom tribe country nation language"))
# Bodies a "Which/What ...?" question names right after its question word ("Which CSTO PA *commission* works on
# ...?"; not "What does the Council call ...?", where the Council is who speaks): their answer is a name too.
_BODY_HEADS = frozenset(stems("commission committee council board court ministry department"))
# Heads that ask for a post ("What *post* does Harstedt hold?"): a person's name is no post ("Aleksandr Lukashenko"
# had been the answer), unless it holds a title word or the head itself ("Presiding Officer" for "what officers").
_POST_HEADS = frozenset(stems("post position job office role rank"))
_PLACE_IN_A_COUNTRY_HEADS = frozenset(stems("city town village capital port province"))
# Heads that ask for a text or rule ("Which Kazakh *law* ...?"): a person's name is none ("Aleksandr Markevich" had been
# the answer), unless the span holds the head itself ("Constitutional Law on Elections" reads as a name too).
_TEXT_HEADS = frozenset(stems("law act statute treaty agreement convention declaration statement document report plan "
                              "programme program principle standard rule regulation policy code charter constitution "
                              "resolution"))
# Heads that ask for a company ("Which *company* funds the X Desktop Group?"): a person's name is none ("Thomas
# Leonard", the specification's author, had been the answer)
_MAKER_HEADS = frozenset(stems("company firm corporation business employer manufacturer vendor publisher sponsor"))
_TITLE_STEMS = frozenset(stems(" ".join(PERSON_TITLE_WORDS)))
# "Which file ...?", "What directory ...?": a path answers (".python-version", "$PYENV_ROOT/version"), or a name of the
# file with the word ("the Debian control file")
_FILE_HEADS = frozenset(stems("file directory folder path"))
_PATH_MARK = re.compile(r"[./~$\\]\w")
# What a "What/Which <noun> ...?" asks when a time alone answers it ("What period ...?"); a year, date, day, month,
# century or decade is read as a time question already (`question.TIME_HEADS`).
_TIME_LIKE_HEADS = frozenset(stems("period era age season week hour term night morning evening moment stage point "
                                   "phase occasion anniversary holiday deadline duration span time"))
_YEAR = re.compile(rf"\b{YEAR}\b")
_MONTHS = "|".join(m.capitalize() for m in MONTH_NAMES)
_MONTH_NAME = re.compile(rf"\b(?:{_MONTHS})\b")
_ASKS_MONEY = re.compile(r"\b(?:salary|salaries|budget|cost|costs|price|prices|fee|fees|funding|wages?|revenue|"
                         r"income)\b|\bhow much money\b", re.I)


_OPENS_WITH_A_PREPOSITION = re.compile(r"(?:without|with|within|in|into|on|onto|at|by|for|from|to|of|through|"
                                       r"after|before|during|under|over|between|among|against|since|until)\b", re.I)


_NUMBER_ALONE = re.compile(rf"\d+|(?i:{SPELLED_NUMBERS})")
_SHARE_OF = re.compile(r"[ \t]+of\b")


def of_another_kind(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span is plainly not what the question asks for: no year for "In what year ...?" ("20
    December"), a count for "What is the name of ...?" ("3 missions"), a date for "How many ...?" (the
    "20" of "20 December" read as a count), words in small letters for a name of a body or a city ("Which body
    ...?"), a number that is no sum (`kinds.says_a_sum`, as the refusal reads it) for a salary, a budget or a
    price ("14 DEPUTIES" for a deputy's monthly salary), a time alone for "Where ...?", "Who ...?" ("December"
    for where a network was first demonstrated) or "Which <thing> ...?" that is no time, a person's name for
    "What post ...?" (`_POST_HEADS`), "Which law ...?" (`_TEXT_HEADS`) or "Which company ...?" (`_MAKER_HEADS`), words
    in small letters for "Which commission ...?" (`_BODY_HEADS`), a person's name or a time for "Why ...?", no digit
    for "Which version ...?", no path for "Which file ...?", no place for "Where ...?", a share ("one" of "one of
    two forms") for what does not ask a number."""
    if q.qtype in ("what year", "which year") and not _YEAR.search(choice.text):
        return True
    if q.qtype == "when" and a_count_of_things(choice):
        return True  # "61" of "61 international observers" for "Until when ...?"
    if (_NUMBER_ALONE.fullmatch(choice.text) and _SHARE_OF.match(choice.unit.text, choice.end - choice.unit.start)
            and not asks_for_a_number(q)):
        return True  # "one" of "one of two forms" for "What two forms can a crate come in?": a share, no thing
    if q.head[:1] == ("name",) and holds_digit(choice.text) and not any(w[:1].isupper() for w in choice.text.split()):
        return True
    if (q.qtype in ("what", "which") and not any(w[:1].isupper() for w in choice.text.split())
            and ((q.head[:1] and q.head[0] in _NAMED_HEADS) or set(stems(head_phrase(q.text))) & _BODY_HEADS)):
        return True
    if (not q.wants_time and _ASKS_MONEY.search(q.text) and holds_digit(choice.text)
            and not says_a_sum(choice.text)):
        return True
    if q.qtype in ("where", "who", "whom", "whose") and only_a_time(choice.text):
        return True
    if q.qtype in ("what", "which") and q.head[:1] and q.head[0] not in _TIME_LIKE_HEADS and only_a_time(choice.text):
        return True  # "December" for "Which elections ...?", "late 16th" for "What house ...?"
    if q.qtype == "which" and q.head[:1] and _OPENS_WITH_A_PREPOSITION.match(choice.text):
        return True  # "without a court or other authorities order" for "Which platforms censor ...?": no thing
    if q.qtype == "where" and (_AFTER_A_TIME_WORD.search(choice.unit.text[: choice.start - choice.unit.start])
                               or _OPENS_WITH_A_TIME_WORD.match(choice.text)):
        return True
    if q.qtype == "where" and says_no_place(choice.text, opens_a_sentence(choice)) and not placed(choice):
        return True  # "submit a patch" for where to report a bug in Python, "Architecture-independent" for where
        # modules are installed
    if q.qtype == "where" and _AN_ABBREVIATION_ALONE.fullmatch(choice.text) and not countries_named(choice.text):
        return True  # "FAISS" for where the index is stored: a name of a thing, no place
    if (q.qtype in ("what", "which") and q.head[:1] and q.head[0] in _POST_HEADS and says_a_persons_name(choice.text)
            and not set(stems(choice.text)) & (_TITLE_STEMS | {q.head[0]})):
        return True
    if asks_for_a_post_holder(q) and a_post(choice.text):
        return True
    head = set(stems(head_phrase(q.text))) if q.qtype in ("what", "which") else set()
    asked_text = head & _TEXT_HEADS
    if asked_text and a_persons_name(choice.text) and not set(stems(choice.text)) & asked_text:
        return True
    if head & _MAKER_HEADS and says_a_persons_name(choice.text) and not names_a_maker(choice.text):
        return True
    file_heads = _file_heads_asked(q)
    if file_heads and not (_PATH_MARK.search(choice.text) or set(stems(choice.text)) & file_heads):
        return True  # "Sets" for "Which file does pyenv local write the version name to?": a path or the file's name
    if head & VERSION_HEADS and not holds_digit(choice.text):
        return True  # "C Runtime" for "Which Python versions can fail ...?": a version is written with digits
    if (q.qtype in ("what", "which") and q.head[:1] and q.head[0] in _PLACE_IN_A_COUNTRY_HEADS
            and countries_named(choice.text) and not without_countries(choice.text).strip(" ,.'’s")):
        return True  # "China" for "What city ...?": a country is no city
    if q.qtype == "why" and (a_persons_name(choice.text) or only_a_time(choice.text)):
        return True  # "Guido van Rossum" for "Why is it called Python?": a reason is no one's name, nor a time
    if q.qtype in ("how many", "how much") and _only_the_questions_numbers(choice.text, q.text):
        return True  # "5T33 myeloma" for "How many 5T33 cells can induce paralysis?": its number is the question's
    return q.qtype in ("how many", "how much") and bool(_MONTH_NAME.search(choice.text))


def _only_the_questions_numbers(span: str, question: str) -> bool:
    """Whether the span writes digits, and without the question's words it says no number ("two kinds of X.25" does)."""
    own = {w.lower() for w in _SPAN_WORD.findall(question)}
    return holds_digit(span) and not holds_number(" ".join(w for w in _SPAN_WORD.findall(span) if w.lower() not in own))


_AN_ABBREVIATION_ALONE = re.compile(r"[A-Z][A-Z0-9&.-]+")
_A_PLACE_OPENS = re.compile(r"(?:in|at|on|near|into|inside|outside|within|from|to|across|throughout|beyond|around|"
                            r"under|over|between|among|along|behind|by)\b", re.I)
_A_DIRECTION = re.compile(r"\b(?:(?:north|south)?(?:east|west)|north|south|up|down)(?:ern|wards?|stream|stairs)?\b|"
                          r"\b(?:abroad|overseas|home|here|there|everywhere|nowhere|elsewhere|locally|online|"
                          r"upstream|downstream)\b", re.I)
# where a computer keeps things ("the project folder", "a separate file", "the cache")
_A_PLACE_IN_A_COMPUTER = re.compile(r"\b(?:folders?|director(?:y|ies)|dirs?|files?|disks?|drives?|servers?|"
                                    r"repositor(?:y|ies)|repos?|cache|databases?|paths?|machines?|hosts?|cloud|"
                                    r"buckets?|memory|file\s?systems?|partitions?|archives?|pool|tree|registry|"
                                    r"environment|containers?|site-packages)\b", re.I)


def placed(choice: SpanChoice) -> bool:
    """Whether the text around the span makes it a place: a preposition of place before it ("done in *committee*") or
    a place's word after it ("the *"incoming"* directory")."""
    at, end = choice.start - choice.unit.start, choice.end - choice.unit.start
    before = choice.unit.text[max(0, at - 12):at]
    after = choice.unit.text[end:end + 24]
    return bool(_PLACE_BEFORE.search(before) or _A_PLACE_IN_A_COMPUTER.match(after.lstrip(" \t\"'”’")))


_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|near|into|inside|within|from|to|under|over|behind|by)[ \t]+[\"“'‘]?$",
                           re.I)


def says_no_place(text: str, at_a_sentence_start: bool = False) -> bool:
    """Whether a span for "Where ...?" names no place by any mark: no capital (but a sentence's first), digit or path,
    no word of a place, of a place in a computer or of a direction, and no preposition of place to open it (1 of SQuAD
    dev half's 71 answerable "Where ...?" questions has only such answers: "northeast", a direction)."""
    capitals = text[1:] if at_a_sentence_start else text
    return not (re.search(r"[A-Z]", capitals) or re.search(r"\d", text) or _PATH_MARK.search(text)
                or _A_PLACE_OPENS.match(text) or says_a_place(text) or _A_DIRECTION.search(text)
                or _A_PLACE_IN_A_COMPUTER.search(text))


def a_persons_name(text: str) -> bool:
    """Whether the text reads as a person's name and holds a capitalised word that is neither English nor a country's
    ("Aleksandr Markevich"; not "Development of Artificial Intelligence Technologies", which reads as a name too)."""
    from retrieval.spelling import is_english

    return says_a_persons_name(text) and any(
        not is_english(w.lower()) for w in _CAPITALISED.findall(without_countries(text)))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def a_post(text: str) -> bool:
    """Whether the text ends with the word of a post ("Special Coordinator", "Head"): what a person holds, not who."""
    words = _WORD.findall(text.lower())
    return bool(words) and words[-1] in _POST_WORDS


_POST_WORDS = (PERSON_TITLE_WORDS - {"mr", "mrs", "ms", "dr", "sir", "saint", "lord"}) | frozenset(
    "coordinator chief officer ambassador envoy representative commissioner governor mayor leader chancellor "
    "premier spokesman spokeswoman spokesperson chairperson rapporteur commander ombudsman".split())


def name_after_the_post(unit: ScoredUnit, q: QuestionInfo) -> SpanChoice | None:
    """For "Who is the Vice President of the OSCE PA?" answered by "Vice President of the OSCE Parliamentary
    Assembly, OSCE Special Coordinator for ... and Head of the Swedish parliamentary delegation in the OSCE PA Kent
    Harstedt thanked ...": the first person's name after the post, in the same sentence (the news style of naming
    a person after the posts they hold), where a verb follows it ("thanked"; not "Battle of ...", "Kara-Khanid ruler").
    The span model gave "Special Coordinator", a post in the chain."""
    post = the_post_as_asked(q, unit.text)
    if post is None:
        return None
    sentence = re.match(r"[^.!?]*", unit.text[post.end() :]).group(0)
    for run in _capitalised_runs(sentence):
        while run and (run[0].group().isupper() or run[0].group().lower() in _NOT_A_NAME):
            run = run[1:]  # "OSCE PA Kent Harstedt": the body before the name
        name = sentence[run[0].start() : run[-1].end()] if run else ""
        after = _NAME_WORD.match(sentence, run[-1].end() + 1) if run else None
        if (len(run) >= 2 and not any(w.group().lower() in _NOT_A_NAME for w in run) and says_a_persons_name(name)
                and after is not None and after.group().islower() and after.group() not in _NOT_A_VERB):
            start = post.end() + run[0].start()
            return ruled(unit, start, start + len(name))
    return None


# A path or a file's name as a word of the text: it holds a dot or a slash and ends on a letter or digit
# (".python-version", "$PYENV_ROOT/version", "/usr/share/doc/PACKAGE/copyright"); not an abbreviation ("e.g.", "i.e").
_PATH_CHAR = r"[^\s\"'“”‘’(),;:`]"
_A_PATH = re.compile(rf"(?<![^\s(\"'“‘`]){_PATH_CHAR}*[./]{_PATH_CHAR}*[\w$]/?(?=[\s\"'”’),;:.`]|$)")  # a folder's "/"
_AN_ABBREVIATION_WITH_DOTS = re.compile(r"(?:\w\.)+\w?")
_SMALL_WORDS = frozenset(stems("must should can could would will may might shall it its i my me you your we our they "
                                "their them"))
_FROM_A_ROOT = re.compile(r"[/~$]|\w+://")  # "/usr/share/python-wheels", "~/.pyenv", "$PYENV_ROOT/versions", a URL
_A_URL = re.compile(r"\b[a-z]+://[^\s\"'<>()]*[\w/]")


def _file_heads_asked(q: QuestionInfo) -> set[str]:
    """"file", "directory", "folder" or "path" when a "Which/What ...?" asks for one: its head phrase, or the head
    read in its asking sentence ("In which directory does apt-get store ...?", "My CI caches debs. Which directory
    ...?", which have no head phrase)."""
    if q.qtype not in ("what", "which"):
        return set()
    return (set(stems(head_phrase(q.text))) | set(q.head[:1])) & _FILE_HEADS


def the_path_asked(unit: ScoredUnit, q: QuestionInfo) -> SpanChoice | None:
    """For "Which file ...?" ("Which file does pyenv local write the version name to?"), the one path the unit writes
    that the question does not (".python-version"); for "Where ...?", the one path from a root ("Where must public
    Python 3 modules be installed?": "/usr/lib/python3/dist-packages"). None when it writes none or several. The span
    model had given "Sets", the line's first word, and "Architecture-independent"."""
    where = q.qtype == "where"
    if not where and not _file_heads_asked(q):
        return None
    if where and len(set(q.content) - set(stems(unit.text)) - _SMALL_WORDS) > 1:
        return None  # a line that does not say what the question does ("can be viewed at https://..." for where to
        # send comments) names a place for something else
    urls = list(_A_URL.finditer(unit.text)) if where else []
    found = urls + [m for m in _A_PATH.finditer(unit.text) if not any(u.start() <= m.start() < u.end() for u in urls)]
    paths = [m for m in found
             if m.group() not in q.text and not _AN_ABBREVIATION_WITH_DOTS.fullmatch(m.group()) and len(m.group()) > 2
             and (not where or _FROM_A_ROOT.match(m.group()))]
    if len(paths) != 1:
        return None
    return ruled(unit, *paths[0].span())


def _capitalised_runs(text: str) -> list[list[re.Match]]:
    """The runs of capitalised words in a row (space between them only), each a list of its words."""
    runs: list[list[re.Match]] = []
    previous = None
    for word in _NAME_WORD.finditer(text):
        if not word.group()[0].isupper():
            previous = None
            continue
        if previous is not None and text[previous.end() : word.start()].strip(" \t") == "":
            runs[-1].append(word)
        else:
            runs.append([word])
        previous = word
    return runs


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_NOT_A_VERB = _POST_WORDS | frozenset("of and or in on at for to from with by the a an ruler".split())
_NOT_A_NAME = _POST_WORDS | NOT_NAME_WORDS


def is_a_name_block(text: str) -> bool:
    """Whether the unit is a person's name over their posts ("Vyacheslav Volodin / Chairman of the CSTO ...")."""
    return _name_block(text) is not None


def _name_block(text: str) -> re.Match | None:
    """The match of a name block's name (`_NAME_BLOCK`), when the text is one and the name reads as a person's."""
    match = _NAME_BLOCK.match(text)
    return match if match is not None and says_a_persons_name(match.group("name")) else None


def name_over_the_post(unit: ScoredUnit, q: QuestionInfo) -> SpanChoice | None:
    """For "Who chairs the Mazhilis?" answered by a name block ("Erlan Koshanov / Member of the CSTO PA Council /
    Chairman of the Mazhilis ...", "Zokirzoda Mahmadtoir Zoir Member of the CSTO PA Council Chairman of ..."), the
    name it opens with: what such a block says is that this person holds these posts. The span model, which
    weighs candidates one by one, gave "Majlisi Oli" or "Jogorku Kenesh" (a body in the title) or nothing. Only
    when the block names what the question names (its names, and its country in any of its forms): another
    member's block is no answer."""
    match = _name_block(unit.text)
    if match is None:
        return None
    posts = unit.text[match.end("name") :]
    asked = countries_named(q.text)
    if asked and not asked & countries_named(posts):
        return None
    said = set(stems(posts)) | initials_of_names(posts)  # "CSTO PA" of "Chairman of the CSTO Parliamentary Assembly"
    if not all(n in said for n in stem_words(list(q.names)) if not countries_named(n)):
        return None
    return ruled(unit, *match.span("name"))


# A name of two to four words at a unit's start, then a post ("Member", "Chairman", "CSTO PA Council Member", ...).
_NAME_BLOCK = re.compile(r"\W*(?P<name>(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*)\s*(?:/\s*)?"
                         r"(?=(?:" + "|".join(sorted(t.capitalize() for t in PERSON_TITLE_WORDS)) + r"|CSTO)\b)")


# "until the end of the vote counting": what follows says when, not where.
_AFTER_A_TIME_WORD = re.compile(r"\b(?:until|till|since|before|after|during)\s+(?:the\s+)?$", re.I)
_OPENS_WITH_A_TIME_WORD = re.compile(r"(?:until|till|since|before|after|during)\b", re.I)  # "until the end of ..."


def only_a_time(text: str) -> bool:
    """Whether the text says nothing but a time ("December", "late 16th", "May 18, 1756"): no place, no person."""
    rest = _TIME_WORDS.sub(" ", _MONTH_NAME.sub(" ", _YEAR.sub(" ", text)))
    return not rest.strip() and bool(text.strip())


_TIME_WORDS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\b(?:in|on|of|the|early|late|mid|century|centuries|AD|BC|s)\b"
                         r"|[,.\-–]")


def of_another_country(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span is a count or a date on a line about another country than the question asks about
    ("14" of "... OF ARMENIA TO THE CSTO PA CONSISTS OF 14 DEPUTIES" for the Belarusian delegation): the
    number is that country's. Only numbers: a name or a phrase may well stand beside a country the question
    does not name."""
    if not holds_digit(choice.text):
        return False
    asked = countries_named(q.text)
    named = countries_named(choice.unit.text) if asked else frozenset()
    return bool(named) and not asked & named


def of_another_year(choice: SpanChoice, q: QuestionInfo) -> bool:
    """Whether the span stands on a line that names years, none of them a year the question names ("24" of
    "2011-2015 / 24 recommendations" for the 2016-2020 plan): what it says is another year's. Not for a
    question that asks for a time, whose answer may well be another year than one it names."""
    if q.wants_time:
        return False
    asked = set(_A_YEAR.findall(q.text))
    named = set(_A_YEAR.findall(choice.unit.text)) if asked else set()
    return bool(named) and not asked & named


_A_YEAR = re.compile(r"(?<!\d)(?<!\d[,.])(?:1[0-9]{3}|20[0-9]{2})(?!\d|[,.]\d)")  # not of "1,500" or "2.1000"
# "Marquis de Vaudreuil"; a particle goes on past a line break the text is wrapped at ("Guido van" / "Rossum:" had
# answered "Guido"), which no name line ends on
_NEXT_WORD = re.compile(r" (?:(?:" + "|".join(NAME_PARTICLES) + r")[ \t]*\n?[ \t]*)?([A-Z][a-z]+)")
_WORD_BEFORE = re.compile(r"[a-z,;] ([A-Z][a-z]+) $")


def cuts_a_name(choice: SpanChoice) -> bool:
    """Whether the span cuts a name: it ends on a capitalised word that the next one, after a space on
    the same line, goes on ("Aleksandr" of "Aleksandr Lukashenko", "... the Federal" of "the Federal
    Assembly"), or starts on one that goes on a capitalised word before it, not at a sentence's start
    ("Paltz" of "New Paltz"). A person's title beside a name is no part of it: "General Amherst",
    "Alen Simonyan Member of ..." keep "Amherst" and "Alen Simonyan"."""
    text, offset = choice.unit.text, choice.start - choice.unit.start
    words = choice.text.split()
    if not words:
        return False
    after = _NEXT_WORD.match(text, offset + len(choice.text))
    before = _WORD_BEFORE.search(text, 0, offset)
    cut_end = (words[-1][:1].isupper() and not words[-1].isupper() and after is not None
               and after.group(1).lower() not in PERSON_TITLE_WORDS)
    cut_start = (words[0][:1].isupper() and before is not None and before.group(1).lower() not in PERSON_TITLE_WORDS)
    return cut_end or cut_start


def holds_digit(text: str) -> bool:
    """A count, a date or a year: what keeps a short answer that the rules above would drop."""
    return any(c.isdigit() for c in text)


def holds_number(text: str) -> bool:
    """A number in digits or words ("one", "twelve", "hundred"): what keeps a short answer of common words."""
    return holds_digit(text) or bool(_NUMBER_WORD.search(text))


def with_its_day_and_month(short: SpanChoice, q: QuestionInfo) -> SpanChoice:
    """A year as the short answer to "When ...?" or "What date ...?" takes the month (and day) the text writes just
    before it: "May 15, 1992", not "1992", for when the Agreement on collective security was signed. "In what year
    ...?" keeps the year alone."""
    if q.qtype not in ("when", "what date") or not _YEAR_ONLY.fullmatch(short.text):
        return short
    before = _DAY_AND_MONTH_BEFORE.search(short.unit.text[: short.start - short.unit.start])
    if before is None:
        return short
    start = short.unit.start + before.start()
    return SpanChoice(short.unit, start, short.end, short.unit.text[before.start() : short.end - short.unit.start],
                      short.logit, short.probability)


_YEAR_ONLY = re.compile(r"1[0-9]{3}|20[0-9]{2}")
_DAY_FIRST = re.compile(r"(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\b(?![.:]\d)")  # "15, 1992", "3rd", not "15.5"
_MONTH_JUST_BEFORE = re.compile(rf"\b(?:{_MONTHS})[ \t]+$")
_ASKS_FOR_YEARS = re.compile(r"\b(?:years|period|periods)\b", re.I)
_YEAR_AT_END = re.compile(rf"(?<!\d){MODERN_YEAR}$")
_YEAR_AT_START = re.compile(rf"{MODERN_YEAR}(?!\d)")
_RANGE_AFTER = re.compile(rf"[ \t]*[-–—][ \t]*{MODERN_YEAR}(?!\d)")
_RANGE_BEFORE = re.compile(rf"(?<!\d){MODERN_YEAR}[ \t]*[-–—][ \t]*$")
# "May 15, " / "15 May " / "May " right before the year.
_DAY_AND_MONTH_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*"
                                   rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\s+|\b(?:{_MONTHS})\s+)$")


def made_whole(choice: SpanChoice, q: QuestionInfo) -> SpanChoice | None:
    """The span with every edge that cuts a phrase mended: the question's phrase (`without_the_questions_phrase`,
    None when nothing is left), a capital letter that goes on after a dot, a bracket, a number's sign, a date's
    month, a range of numbers, a quantity's unit, a clause's subject; or the name it announces."""
    choice = without_the_questions_phrase(choice, q)
    if choice is None:
        return None
    choice = with_its_month(with_its_sign(with_its_brackets_closed(with_its_last_letter_whole(with_its_path_whole(
        with_its_complement(without_its_condition(with_its_dashes(choice))))))))
    choice = what_it_became(with_the_name_it_announces(choice), q)
    if q.qtype in ("what", "which", "who"):  # a thing asked ("Where ...?" is a place: "Architecture-independent" no)
        choice = with_its_noun(choice)
    choice = with_its_subject(with_its_unit(with_its_number_range(choice, q)))
    if ASKS_HOW_OFTEN.search(q.text):
        choice = with_its_frequency(choice)
    return with_its_whole_range(choice) if _ASKS_FOR_YEARS.search(q.text) else choice


_ANNOUNCES_A_NAME = re.compile(r"\b(?:name|term|title)$", re.I)
_THE_NAME_AFTER = re.compile(r"(?:,|:)[ \t]+(?P<name>[^\s,;:.]+(?:[ \t]+[^\s,;:.]+){0,3})(?=[.;]?$|[.;]\s)")


def with_the_name_it_announces(choice: SpanChoice) -> SpanChoice:
    """The name a span that ends on "name" announces after a comma or colon, as the sentence's last words ("unit"
    of "The tuple without any values has a special name, unit."); the span itself otherwise."""
    if not _ANNOUNCES_A_NAME.search(choice.text):
        return choice
    offset = choice.end - choice.unit.start
    found = _THE_NAME_AFTER.match(choice.unit.text, offset)
    if found is None:
        return choice
    start, end = choice.unit.start + found.start("name"), choice.unit.start + found.end("name")
    return replace(choice, start=start, end=end, text=found.group("name"))


# The words that say how often before what they count: "*twice every* day", "*every* 12 months", "*three times* a year".
_FREQUENCY_BEFORE = re.compile(rf"(?:(?:\d+|{SPELLED_NUMBERS})[ \t]+times|once|twice|thrice|every|each)[ \t]+$", re.I)


def with_its_frequency(choice: SpanChoice) -> SpanChoice:
    """For "How often ...?", a span that starts after the words saying how often with them: "12 months" of "every 12
    months" had answered how often Python has a major release, "every day" of "twice every day" how often Debian's
    archives are updated."""
    at = choice.start - choice.unit.start
    while (before := _FREQUENCY_BEFORE.search(choice.unit.text, 0, at)) is not None:
        at = before.start()
    return _widened(choice, at, choice.end - choice.unit.start)


# The end of an if-clause a span opens inside: "used then" of "If the --dry-run flag is used then no changes ...".
_CONDITION_END = re.compile(r"^(?:[\w-]+[ \t]+){0,3}?then[ \t]+(?=\w)", re.I)
_IF_BEFORE = re.compile(r"\bif\b[^.;:!?]*$", re.I)


def without_its_condition(choice: SpanChoice) -> SpanChoice:
    """A span that opens inside an if-clause and goes on past its "then" starts after it: "used then no changes will
    actually be made" is "no changes will actually be made" (npm's "What does the --dry-run flag do?")."""
    end_of_condition = _CONDITION_END.match(choice.text)
    if end_of_condition is None or not _IF_BEFORE.search(choice.unit.text[: choice.start - choice.unit.start]):
        return choice
    cut = end_of_condition.end()
    return replace(choice, start=choice.start + cut, text=choice.text[cut:])


# A copula and a reflexive word leave what they say unsaid: "modules that are themselves" / "DLL’s".
_OPEN_ON_A_REFLEXIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)[ \t]+(?:itself|themselves|himself|herself)$",
                                  re.I)
_NEXT_WORD_ON_THE_LINE = re.compile(r"[ \t]+\w+(?:['’-]\w+)*")


def with_its_complement(choice: SpanChoice) -> SpanChoice:
    """A span that ends on "are themselves" goes on with the word they are ("handle importing modules that are
    themselves" had answered why Python must be a DLL on Windows: "... themselves DLL’s")."""
    if not _OPEN_ON_A_REFLEXIVE.search(choice.text):
        return choice
    after = _NEXT_WORD_ON_THE_LINE.match(choice.unit.text, choice.end - choice.unit.start)
    return choice if after is None else _widened(choice, choice.start - choice.unit.start, after.end())


def with_its_whole_range(choice: SpanChoice) -> SpanChoice:
    """For a question that asks for years ("Over which years?", "In which period ..."), a year the span ends or
    starts on with the rest of the range it is written in: "2006" of "2006 - 2024" is "2006 - 2024"."""
    at, end = choice.start - choice.unit.start, choice.end - choice.unit.start
    if _YEAR_AT_END.search(choice.text):
        rest = _RANGE_AFTER.match(choice.unit.text, end)
        if rest is not None:
            end = rest.end()
    if _YEAR_AT_START.match(choice.text):
        first = _RANGE_BEFORE.search(choice.unit.text, 0, at)
        if first is not None:
            at = first.start()
    return _widened(choice, at, end)


def without_the_questions_phrase(choice: SpanChoice, q: QuestionInfo) -> SpanChoice | None:
    """The span made whole where an edge cuts a phrase of the question. At its start the question's words
    go, and the small words they leave: "price to encourage investment" of "at a higher price to encourage
    investment" for "Why is ... sold at a higher price?" is "encourage investment" (what precedes the answer
    is what the question already says). At its end the phrase is completed: "third polling" of "the third
    polling station" for "Which polling station ...?" is "third polling station" (what is asked for names the
    thing with the question's noun). A capitalised word at the start stays ("Saint Nicolas" beside "patron"):
    it starts a name. None when nothing is left."""
    pairs = _phrase_pairs(q.text)
    words = list(_SPAN_WORD.finditer(choice.text))
    if not pairs or not words:
        return choice
    unit_text, offset = choice.unit.text, choice.start - choice.unit.start
    start, end = 0, len(choice.text)
    before = _WORD_BEFORE_ON_THE_LINE.search(unit_text, 0, offset)
    if before is not None and words[0].group()[0].islower() and _joined(before.group(1), words[0].group(), pairs):
        kept = words[1:]
        while kept and kept[0].group().lower() in STOP_WORDS:
            kept = kept[1:]
        if not kept:
            return None
        start = kept[0].start()
    last, head_pairs = words[-1].group(), _phrase_pairs(head_phrase(q.text))
    while True:
        after = _WORD_AFTER_ON_THE_LINE.match(unit_text, offset + end)
        if after is None or not _joined(last, after.group(1), head_pairs):
            break
        end, last = after.end() - offset, after.group(1)
    if (start, end) == (0, len(choice.text)):
        return choice
    text = unit_text[offset + start: offset + end]
    return replace(choice, start=choice.start + start, end=choice.start + end, text=text)


def _joined(left: str, right: str, pairs: frozenset[tuple[str, str]]) -> bool:
    """Whether two neighbouring words of the text are two neighbouring words of the question, the one inside the
    span in small letters."""
    return (stem_words([left.lower()])[0], stem_words([right.lower()])[0]) in pairs


def _phrase_pairs(question: str) -> frozenset[tuple[str, str]]:
    """Each two neighbouring words of the question that carry meaning, stemmed ("polling station")."""
    words = [w.lower() for w in _SPAN_WORD.findall(question)]
    stemmed = stem_words(words)
    return frozenset((a, b) for a, b, x, y in zip(stemmed, stemmed[1:], words, words[1:])
                     if x not in STOP_WORDS and y not in STOP_WORDS)


_SPAN_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_WORD_BEFORE_ON_THE_LINE = re.compile(r"(\w+)[ \t]+$")
_WORD_AFTER_ON_THE_LINE = re.compile(r"[ \t]+(\w+)")
