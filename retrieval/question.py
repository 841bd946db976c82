"""What a question asks for, read by rules: its type (who, when, how many, ...), the noun it asks
about ("which *country*", "how many *deputies*"), its content words, names, numbers and negation.

The answer finder and abstention use this to prefer spans of the expected kind (a date for "when",
a number for "how many") and to notice a question that names something the passage never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.text import QUESTION_WORDS, STOP_WORDS, asking_sentence, content_words, split_sentences, stems

# Longest first: "how many" before "how", "what year" before "what".
QUESTION_TYPES = (
    "how many", "how much", "how long", "how old", "how far", "how big", "how large", "how often",
    "what year", "which year", "what percentage", "what percent", "what century", "what date", "what time",
    "what type", "what kind", "what sort", "whom", "whose", "who", "when", "where", "why", "which", "how",
    "what", "name", "other",
)
TIME_TYPES = frozenset({"when", "what year", "which year", "what century", "what date", "what time"})
NUMBER_TYPES = frozenset({"how many", "how much", "how old", "how far", "how big", "how large", "how often",
                          "what percentage", "what percent", "how long"})
PERSON_TYPES = frozenset({"who", "whom", "whose"})
_TYPE = re.compile(r"\b(" + "|".join(t.replace(" ", r"\s+") for t in QUESTION_TYPES if t != "other") + r")\b", re.I)
_HEAD = re.compile(r"\b(?:what|which|whose|how\s+many|how\s+much)\s+(.*)", re.I)
_HEAD_SKIP = frozenset("is are was were does do did has have had can could will would should the a an of kind kinds "
                       "type types sort sorts exact exactly approximate approximately".split())
# "What is the CSTO PA's annual budget?": after a copula, an owner's name (up to four words, no preposition among
# them) before the noun asked about. Not "Which country's parliament ...?", which asks for the owner.
_NOT_IN_A_NAME = r"(?!(?:of|in|for|on|to|by|at|from|with|and|or)\b)"
_OWNER = re.compile(rf"^(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?:{_NOT_IN_A_NAME}[\w-]+\s+){{0,3}}"
                    rf"{_NOT_IN_A_NAME}[\w-]+['’]s?\s+(?=\w)", re.I)
# Words that stem to a time head ("monthly" -> "month") but only qualify the head after them.
_TIME_ADJECTIVES = frozenset("hourly daily weekly monthly yearly annual timely".split())
_EXTREMES = frozenset("maximum minimum total average exact approximate estimated overall largest smallest highest "
                      "lowest greatest least typical".split())
# A head that names the kind of answer ("What is the date of ...", "What is the number of ..."): the question
# asks for a date or a number, and the text that answers need not say "date" or "number".
TIME_HEADS = frozenset(stems("date day year month time century decade"))
COUNT_HEADS = frozenset(stems("number amount count total"))
# A head that names a measure asks for a number too, but it is what the question is about ("What was the
# population of ..."): the text that answers says it, so it stays a content word.
MEASURE_HEADS = frozenset(stems("population size length distance height area budget cost price percentage"))
# After another noun, these measure it ("sample size", "file size"); "area" does not ("policy areas"), and "count" is
# as often a verb ("Which licenses count as ...?").
_MEASURES_AFTER_A_NOUN = frozenset(stems("size length distance height"))
_HYPHENATED_HEAD = re.compile(r"^\W*(?:what|which)\s+(?:\w+\s+){0,3}?\w+-\w+", re.I)  # "Which full-sized cars ...?"
_NEGATION = re.compile(r"\b(not|never|no|none|nobody|nothing|neither|nor|without|n't|cannot|fail(?:ed|s)?)\b|n't\b",
                       re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def says_number(text: str, number: str) -> bool:
    """Whether the text says the number itself ("Python 4" is not said by "python3.4", nor "1940" by "40", which a
    substring test had let pass), in digits or, up to twelve, in words ("3" by "three" or "third")."""
    if number in _NUMBER.findall(text):
        return True
    words = _NUMBER_NAMES.get(number)
    return words is not None and re.search(rf"\b(?:{words})\b", text, re.I) is not None


_NUMBER_NAMES = {str(n): f"{cardinal}|{ordinal}" for n, (cardinal, ordinal) in enumerate(zip(
    "zero one two three four five six seven eight nine ten eleven twelve".split(),
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()))}
AUXILIARIES = frozenset("do does did is are was were be been has have had can could will would shall should may might "
                         "must am isn't aren't wasn't weren't doesn't don't didn't hasn't haven't hadn't can't won't"
                         .split())
_WORD = re.compile(r"\w+")
# A question that opens with a clause of time ("When the election produced a majority government, what was it the
# first occurrence of?"): "when" without an auxiliary after it sets the scene, and the question word after the
# clause says what is asked.
_OPENING_CLAUSE = re.compile(r"(?i:when)\s+(?!(?:" + "|".join(sorted(AUXILIARIES)) + r")\b)[^,?]+,\s*")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:of|de|the|and|van|von|du|da|al)?\s*[A-Z][\w'-]*)*")


@dataclass(frozen=True)
class QuestionInfo:
    text: str
    qtype: str  # one of QUESTION_TYPES
    head: tuple[str, ...]  # stems of the noun the question asks about ("country" of "which country")
    content: tuple[str, ...]  # stems of the words that carry topic, in order, unique
    names: tuple[str, ...]  # capitalised words past the first word (names, places), lower-cased
    numbers: tuple[str, ...]  # numbers written in the question
    negated: bool

    @property
    def wants_time(self) -> bool:
        return self.qtype in TIME_TYPES

    @property
    def wants_number(self) -> bool:
        return self.qtype in NUMBER_TYPES

    @property
    def wants_person(self) -> bool:
        return self.qtype in PERSON_TYPES

    @property
    def yes_no(self) -> bool:
        """Asked with a verb first ("Does the Assembly send observers ...?"): the answer is yes or no, which
        no span of the text says on its own; the quote that settles it is the answer."""
        words = asking_sentence(self.text).split(maxsplit=1)
        return bool(words) and words[0].lower() in AUXILIARIES


# A question word as a question opens with it, after a preposition or not: "Since when", "Over which", "How many".
OPENING_QUESTION_WORD = (
    r"(?:(?:in|on|at|by|for|from|since|until|till|over|during|with|to|of|about|after|before)\s+)?"
    r"(?P<word>who|whom|whose|what|which|when|where|why|how(?:\s+(?:many|much|long|often|far|old))?)")
_FRAGMENT = re.compile(
    rf"^\s*(?:(?:and|but|so)\s+)?{OPENING_QUESTION_WORD}(?P<rest>(?:\s+[\w'’-]+){{0,2}})\s*\??\s*$", re.I)
# After "who" or "what", a word is mostly a verb ("Who led them?" asks a question of its own); these are not.
# "What else?" asks for more, not the same again: no fragment.
_AFTER_WHO_OR_WHAT = frozenset("exactly then for".split())
_REFERS_BACK = frozenset("it its they them their he him his she her this that these those".split())


def is_a_fragment(question: str) -> bool:
    """A question word and at most two words, with no verb among them: "Over which years?", "Since when?", "How
    many?", "Why?", "What for?". It asks again what the question before it asked, of another side of the same
    thing."""
    match = _FRAGMENT.match(question)
    if match is None:
        return False
    rest = [w.lower() for w in match.group("rest").split()]
    if match.group("word").lower() in ("who", "whom", "what") and not set(rest) <= _AFTER_WHO_OR_WHAT:
        return False
    return not any(w in AUXILIARIES or w in _REFERS_BACK for w in rest)


def analyse(question: str) -> QuestionInfo:
    """What the question asks is read from its asking sentence (`asking_sentence`: "My benchmarks print nothing when
    run. How do I get their output shown?" asks how, not when, and holds no negation asked); its topic, names and
    numbers from every sentence, the scene's too."""
    text = " ".join(question.split())
    asking = asking_sentence(text)
    match = _TYPE.search(asking)
    clause = _OPENING_CLAUSE.match(asking)
    if clause and match and match.start() == 0:
        match = _TYPE.search(asking, clause.end()) or match  # "When the election produced ..., *what* was it ...?"
    qtype = " ".join(match.group(1).lower().split()) if match else "other"
    head = _head(asking)
    plain = without_the_asker(text)  # "How do I add ...?": the asker, no name and no topic ("David I" is a name)
    content = tuple(dict.fromkeys(content_words(plain)))
    if head and qtype in ("what", "which"):
        # "What was the sample *size* ...?": a measure right after the head word names the kind as the head would
        asked = tuple(dict.fromkeys(content_words(without_the_asker(asking))))
        after = asked[1] if len(asked) > 1 and asked[0] == head[0] and not _HYPHENATED_HEAD.search(asking) else None
        if head[0] in TIME_HEADS:
            qtype = "what date"
        elif head[0] in COUNT_HEADS | MEASURE_HEADS or after in _MEASURES_AFTER_A_NOUN:
            qtype = "how many"
    if head and head[0] in TIME_HEADS | COUNT_HEADS:
        content = tuple(w for w in content if w != head[0])
    return QuestionInfo(
        text=text, qtype=qtype, head=head, content=content,
        names=tuple(dict.fromkeys(name for sentence in split_sentences(plain) for name in _names(sentence))),
        numbers=tuple(_NUMBER.findall(text)), negated=bool(_NEGATION.search(asking)),
    )


_ASKER = re.compile(r"\b(do|does|did|can|could|should|would|will|shall|may|might|must|am|have|had)\s+I\b|^\s*I\b",
                    re.I)
# The asker in a sentence that sets the scene ("..., but I'm never shown it", "I am on Windows"), where it opens a
# clause; not after a name ("Henry I").
_ASKER_IN_THE_SCENE = re.compile(r"(?P<lead>^|[.!?,;:]\s+|\b(?:and|but|so|if|as|when|because|since|though|that|then|"
                                 r"now|where)\s+)I(?:['’](?:m|ve|d|ll)\b|\b)(?:\s+am\b)?")


def without_the_asker(text: str) -> str:
    """The text without the asker's "I" ("How do I ...?", "I'm on Windows."), which names no one and no topic."""
    return _ASKER.sub(r"\1", _ASKER_IN_THE_SCENE.sub(r"\g<lead>", text))


def _head(text: str) -> tuple[str, ...]:
    """The stem of the noun the question asks about: the first word after the question word that is not a
    verb of asking, an article or "kind of" ("What kind of *help*", "What is the *date* of")."""
    match = _HEAD.search(text)
    if not match:
        return ()
    return _first_noun(match.group(1))


def _first_noun(phrase: str) -> tuple[str, ...]:
    words = [w for w in _WORD.findall(phrase.lower()) if w not in _HEAD_SKIP]
    while len(words) > 1 and words[0] in _TIME_ADJECTIVES:
        words = words[1:]  # "the *monthly* salary" asks for a salary, not a month
    if len(words) > 1 and words[0] in _EXTREMES and set(stems(words[1])) & (COUNT_HEADS | MEASURE_HEADS):
        words = words[1:]  # "the *maximum* number of triggers" asks for a number, as "the number of" does
    return tuple(stems(words[0])) if words else ()


def owned_head(text: str) -> tuple[str, ...]:
    """The stem of the noun asked about after an owner's name ("What is the CSTO PA's annual *budget*?", whose head
    reads as "CSTO"), or ()."""
    match = _HEAD.search(text)
    owner = _OWNER.match(match.group(1)) if match else None
    return _first_noun(match.group(1)[owner.end() :]) if owner else ()


def _names(text: str) -> tuple[str, ...]:
    """Capitalised words other than the first word of the question and question words."""
    words = _WORD.findall(text)
    out = [w.lower() for before, w in zip(words, words[1:]) if w[:1].isupper() and w.lower() not in QUESTION_WORDS
           and (w != "I" or before[:1].isupper())]  # the asker, not "David I"
    return tuple(dict.fromkeys(out))


# A question that names its source ("According to Lukashenko, which elections ...?", "..., according to the 2006
# declaration?") says where the answer stands, not what it says; only "according to" set off by a comma ("vote
# according to the party line" is what is asked about).
_SOURCE_FIRST = re.compile(r"^according to (?P<source>[^,?]+),\s*", re.I)
_SOURCE_AFTER = re.compile(r",\s*according to (?P<source>[^,?]+)(?=[,?]|$)", re.I)


def person_named_as_source(question: str) -> str | None:
    """The person a question names as its source ("Hakobyan" of "How are the elections organised, according to
    Hakobyan?"); None for a document or a body ("according to the brochure", "according to the CSTO PA Council")."""
    text = " ".join(question.split())
    match = _SOURCE_FIRST.match(text) or _SOURCE_AFTER.search(text)
    if match is None:
        return None
    return _persons_name(_NAME_ONLY.fullmatch(match.group("source").strip()))


def without_named_source(question: str) -> str:
    """The question without the source it names, or the question itself when it names none."""
    text = _SOURCE_AFTER.sub("", _SOURCE_FIRST.sub("", question.strip()))
    if text == question.strip():
        return question
    return text[:1].upper() + text[1:]


# "What is the CSTO?", "What was Tymnet?": the question asks what a thing is, and names nothing else.
_DEFINITION = re.compile(r"^what\s+(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?P<term>[^?,]+?)\s*\??$", re.I)
# A term with a preposition, a possessive or a verb of naming in it asks about a relation ("What is the capital of
# Australia?", "What is Kyrgyzstan's parliament called?"), not for a definition.
_RELATION = re.compile(r"\b(?:of|in|for|to|on|by|from|with|at|about|as|called|named|known|made|used|located|based)\b"
                       r"|'s?\b|s'|\b(?:do|does|did)\b", re.I)
DEFINED_TERM_WORDS = 4  # a longer "term" is a clause ("What is latency between nodes?" is one, and rare)


def defined_term(question: str) -> str | None:
    """The term a question asks to define ("CSTO PA" of "What is the CSTO PA?"), or None when it asks for
    anything else."""
    match = _DEFINITION.match(" ".join(asking_sentence(question).split()))
    if not match:
        return None
    term = match.group("term")
    if _RELATION.search(term) or len(term.split()) > DEFINED_TERM_WORDS:
        return None
    return term


# "Who is Kent Harstedt?": the question asks who a person it names is, and names nothing else; "What did Kent
# Harstedt say?": what the person said, nothing else.
_NAME = r"(?P<name>[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|di|du|van|von|der|al|bin|ibn)\s+)?[A-Z][\w'’.-]*)*)"
_NAME_ONLY = re.compile(_NAME)
# "Who is Kent Harstedt?", and the ways users ask the same: "Who's Harstedt?", "Tell me about Kent Harstedt",
# "What about Harstedt?" (with no conversation before it), the name alone, "Kent Harstedt"
_WHO_IS = r"(?i:who\s+(?:is|was)|who['’]s)"
_IDENTITY = re.compile(r"^(?:(?:" + _WHO_IS + r"|(?i:tell\s+me\s+about|what\s+about))\s+)?" + _NAME
                       + r"\s*[?.!]?$")
# and what post the person holds, which their name block says: "What is Volodin's role?", "Volodin position"
_POST_WORD = r"(?i:role|position|post|title|job|office)s?"
_POST_OF = re.compile(r"^(?i:what\s+(?:is|was|are|were)\s+)" + _NAME + r"['’]s?\s+" + _POST_WORD + r"\s*\??$")
_NAME_AND_POST = re.compile(r"^" + _NAME + r"\s+" + _POST_WORD + r"\s*\??$")
# "What did X *say*?": the verbs a question asks what someone said by (after "did", "does", "has": base forms, and
# the past forms a question also writes).
_SAY = (r"(?i:say|said|tell|told|state|stated|note|noted|stress|stressed|declare|declared|think|thought|"
        r"mention|mentioned|emphasi[sz]e|emphasi[sz]ed|underline|underlined|highlight|highlighted|point\s+out|"
        r"pointed\s+out|single\s+out|singled\s+out|warn|warned|praise|praised|add|added|remark|remarked)")
_WHAT_DID = r"^(?i:what\s+(?:did|does|do|has|had|have))\s+"
# "What did Kent Harstedt say after the meeting?": when or where, not what about; their words answer it.
_WORDS_OF = re.compile(_WHAT_DID + _NAME + r"\s+" + _SAY
                       + r"(?:\s+(?i:after|at|during|before|in|to|when|while)\b[^?]*)?\s*\??$")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")


@dataclass(frozen=True)
class PersonAsked:
    name: str  # as the question writes it
    words: bool  # what the person said ("What did ... say?"), not who the person is


def person_asked_about(question: str, context: str = "") -> PersonAsked | None:
    """The person a question asks about, by name, when it asks who they are ("Kent Harstedt" of "Who is Kent
    Harstedt?") or what they said ("What did Kent Harstedt say?"); None when it asks anything else ("Who is the
    Speaker ...?", "Who was Robert's son?", "Who is Secretary General?", "What did Volodin say about ...?").
    A follow-up that asks so of "he" or "she" ("What did he say?") asks it of the person the nearest earlier
    question of `context` (the follow-up resolved, retrieval/followup.py) asked about."""
    text = _plain(question)
    person = _person_named_in(text)
    pronoun = _PRONOUN_ASKED.match(text) if person is None and context else None
    if pronoun is None:
        return person
    for earlier in reversed(_QUESTION.findall(context)):
        named = _person_named_in(_plain(earlier))
        if named is not None:
            return _person_named_in(text[: pronoun.start("pronoun")] + named.name + text[pronoun.end("pronoun") :])
    return None


def asks_who_is(question: str) -> bool:
    """Whether the question opens by asking who someone is ("Who is ...?", "And who's ...?"): a person, by any
    name, even one word."""
    return bool(_ASKS_WHO_IS.match(asking_sentence(question)))


def _plain(question: str) -> str:
    """The question's asking sentence on one line, without a connective that opens it ("And what did he say?")."""
    return LEADING_CONNECTIVE.sub("", " ".join(asking_sentence(question).split()))


LEADING_CONNECTIVE = re.compile(r"^(?:and|but|so|also|then)\s+", re.I)
_ASKS_WHO_IS = re.compile(r"\s*(?:(?i:and|but|so)\s+)?" + _WHO_IS + r"\s")
_CLOSING_STOP = re.compile(r"(?<!\b[A-Z])[.!]\s*$")
_PRONOUN_ASKED = re.compile(r"^(?i:who\s+(?:is|was)|what\s+(?:did|does|do|has|had))\s+(?P<pronoun>(?i:he|she))\b")
_QUESTION = re.compile(r"[^?]+\?")


def _person_named_in(text: str) -> PersonAsked | None:
    text = _CLOSING_STOP.sub("", text)  # "Tell me about Kent Harstedt." (a name's dot may end an initial: "John F.")
    match, words = _IDENTITY.match(text) or _POST_OF.match(text) or _NAME_AND_POST.match(text), False
    if match is None:
        match, words = _WORDS_OF.match(text), True
    name = _persons_name(match)
    return PersonAsked(name, words) if name is not None else None


def _persons_name(match: re.Match | None) -> str | None:
    """The name a question's pattern matched (group "name"), unless it is a possessive ("Robert's") or made only of
    words of posts and bodies ("Secretary General")."""
    if match is None or _POSSESSIVE.search(match.group("name")):
        return None
    from retrieval.spans import NOT_NAME_WORDS

    name = match.group("name")
    return None if all(word.lower() in NOT_NAME_WORDS for word in name.split()) else name


def topic_said_about(question: str) -> str | None:
    """The topic a question asks what is said about ("sanctions" of "What does the CSTO say about sanctions?",
    "weapons in space" of "Has the assembly said anything about weapons in space?", "corruption control" of "What
    about corruption control?" standing alone); None for any other
    question ("What did some buyers not like about Acuras?" asks what, not what is said)."""
    text = " ".join(question.split())
    match = _SAID_ABOUT.search(text) or _WHAT_ABOUT.match(text)
    return (match.group("topic") or match.groupdict().get("told")) if match else None


def what_is_called(question: str) -> str | None:
    """The thing a question asks what someone calls or how they describe it ("the CSTO PA" of "What does Kochanova
    call the CSTO PA?"): their words on it answer, as for `topic_said_about`, but a label may be the short
    answer; None for any other question."""
    match = _CALLED.match(" ".join(question.split()))
    return match.group("topic") if match else None


# "What does Kochanova *call* the CSTO PA?", "What did the report describe the reforms as?": what words someone uses
# for a thing is what they say of it ("What did Wilson call for ...?" asks what he demanded, a fact).
_NAMING_VERB = r"(?i:call|calls|called|describe|describes|described)(?!\s+(?i:for|on|upon)\b)"  # not "call for"
_CALLED = re.compile(rf"^(?i:what\s+(?:did|does|do))\s+.+?\s+{_NAMING_VERB}\s+(?P<topic>[^?]+?)(?:\s+as)?\s*\??$")


# The verbs a question asks what is said by ("What does the statement *say* about ...?").
SAYING = (r"(?:say|says|said|saying|state|states|stated|think|thinks|thought|write|writes|wrote|tell|tells|told|"
          r"mention|mentions|mentioned)")
# "What about corruption control?", "Tell me about the observers" (standing alone: a follow-up's "What about X?" is
# read as the question before it about X, retrieval/followup.py)
_WHAT_ABOUT = re.compile(r"^(?:and\s+)?(?:what|how)\s+about\s+(?P<topic>[^?]+?)\s*\??$|^tell\s+me\s+about\s+"
                         r"(?P<told>[^?]+?)\s*[?.!]?$", re.I)
# "What did Markevich *think of* the organization of the elections?" asks the same as "... say about ...", and so
# does "What is the CSTO PA's *position on* sanctions?" (a position is what one says of a thing).
_SAID_ABOUT = re.compile(rf"\b(?:(?:{SAYING}|anything|something)\s+(?:\w+\s+){{0,3}}?about"
                         rf"|(?:think|thinks|thought)\s+of"
                         rf"|(?:['’]s?|\bits|\btheir|\bhis|\bher|\bthe)\s+(?:position|stance|views?|opinion|attitude)"
                         rf"\s+(?:of\s+(?:[\w'’-]+\s+){{1,5}}?)?(?:on|about|regarding|towards?))"
                         rf"\s+(?P<topic>[^?]+?)\s*\??$", re.I)


def speaker_asked(question: str) -> str | None:
    """The person a question asks what they said about something ("Lukashenko" of "What did Lukashenko say about
    the OSCE?"); None for any other question, and for "What did X say?", which `person_asked_about` reads."""
    text = _plain(question)
    return _persons_name(_SAID_ABOUT_BY.match(text) or _CALLED_BY.match(text))


def without_the_verb_of_saying(question: str) -> str:
    """"What did Markevich think about the organization of the elections?" without "think": the verb asks for
    their words and is no topic ("I think that ..." in another speaker's line is no match). Unchanged when the
    question asks no one what they said about something."""
    match = _SAID_ABOUT_BY.match(_plain(question))
    if match is None or _persons_name(match) is None:
        match = _IT_SAYS_ABOUT.match(_plain(question))
    if match is None:
        return question
    text = _plain(question)
    return text[: match.start("verb")].rstrip() + text[match.end("verb") :]


_SAID_ABOUT_BY = re.compile(_WHAT_DID + _NAME + r"\s+(?P<verb>" + _SAY + r")\b(?:.*\b(?i:about|on|regarding)|"
                            r"(?:(?<=[Tt]hink)|(?<=[Tt]hought))\s+(?i:of))\s")
# "What does it say about social networks?": a question of what a named document says, asked of it alone
_IT_SAYS_ABOUT = re.compile(_WHAT_DID + r"(?i:it)\s+(?P<verb>" + _SAY + r")\b.*\b(?i:about|on|regarding)\s")
_CALLED_BY = re.compile(_WHAT_DID + _NAME + r"\s+" + _NAMING_VERB + r"\s+\S")


def post_speaker_asked(question: str) -> str | None:
    """The post whose holder a question asks what they said ("Chairman of the Mazhilis" of "What did the Chairman
    of the Mazhilis say?", with or without "about ..."); None when it names no post title, or names a person."""
    match = _SAID_BY_THE_POST.match(_plain(question))
    if match is None:
        return None
    from retrieval.spans import PERSON_TITLE_WORDS

    post = match.group("post")
    return post if any(word.lower() in PERSON_TITLE_WORDS for word in re.findall(r"\w+", post)) else None


_SAID_BY_THE_POST = re.compile(_WHAT_DID + r"(?i:the)\s+(?P<post>.+?)\s+" + _SAY + r"\b")


def head_phrase(question: str) -> str:
    """The words naming what a "Which/What ...?" question asks for, up to its first small word ("polling
    station" of "Which polling station was the team at?"); empty for other questions."""
    match = _WHICH_PHRASE.search(question)
    if match is None:
        return ""
    words = _WORD_WITH_HYPHENS.findall(match.group(1))
    kept = []
    for word in words:
        if word.lower() in STOP_WORDS or word.lower() in AUXILIARIES:
            break
        kept.append(word)
    return " ".join(kept)


_WORD_WITH_HYPHENS = re.compile(r"\w+(?:['’-]\w+)*")
_WHICH_PHRASE = re.compile(r"^\s*(?:which|what)\s+(?:kinds?\s+of\s+|types?\s+of\s+)?(.*)", re.I)


def asks_for_a_list(question: str) -> bool:
    """Whether the question asks for a whole list: what a body does ("What does the defence commission do?", "What
    is the role of the Coordination Council?"), or its tasks, principles, members, ... in the plural ("What are the
    tasks of ...?", "What principles did the leaders confirm?"). One of them ("Which principle ...", "Which
    obligations are given priority?") is one item."""
    return bool(_WHAT_DOES_IT_DO.match(question) or _ROLE_OF.match(question)) or asks_for_items(question)


def asks_for_items(question: str) -> bool:
    """Whether the question asks for the items of a list in the plural ("What are the tasks of ...?", "What principles
    did the leaders confirm?"): no one phrase of the list answers it, as one deed can answer what a body did."""
    match = _WHAT_ARE_THE.match(question)
    words = match.group(1).split() if match else head_phrase(question).split()
    return any(word.lower().endswith("s") and stems(word)[:1] and stems(word)[0] in _LIST_NOUNS for word in words)


def asks_how_to(question: str) -> bool:
    """Whether the question asks how to do something ("How do I rebuild the index?", "How can we add documents?"): the
    answer is an instruction, which no one phrase of it gives ("take" had been in bold)."""
    return bool(_HOW_TO.match(asking_sentence(question)))


_HOW_TO = re.compile(r"^\s*how\s+(?:do|can|could|should|would|may|might|must|shall)\s+(?:i|we|you)\b", re.I)
_WHAT_DOES_IT_DO = re.compile(r"^\s*what\s+(?:does|do|did)\s+.+\s+do\s*\??\s*$", re.I)
# "What is the role of the Coordination Council?": what it does, in other words
# ("purpose" is not read so: "Its purpose was to extend networking benefits ..." says it in that word)
_ROLE_OF = re.compile(r"^\s*what\s+(?:is|was|are|were)\s+the\s+(?:main\s+)?(?:role|function|mission|mandate|job|remit)"
                      r"\s+of\s+(?P<thing>.+?)\s*\??\s*$", re.I)
# "What is npm link for?", "What is the daemon user used for?": up to four words, in the present ("What was Tugh Temur
# known for?" asks something else)
_USED_FOR = re.compile(r"^\s*what\s+(?:is|are)\s+(?P<thing>(?:the\s+)?(?:[\w'’.-]+\s+){0,3}?[\w'’.-]+?)\s+(?:used\s+)?for"
                       r"\s*\??\s*$", re.I)


def as_what_it_does(question: str) -> str:
    """"What is the role of the Coordination Council?" as "What does the Coordination Council do?": its word
    "role" is no topic (Shakiev's "... increase its role ..." was quoted first); so is "What is npm link (used)
    for?". Unchanged for any other question."""
    match = _ROLE_OF.match(question) or _USED_FOR.match(question)
    return f"What does {match.group('thing')} do?" if match else question


def thing_it_does(question: str) -> str | None:
    """The thing "What does the Expert Advisory Board do?" asks what it does ("Expert Advisory Board"), or None."""
    match = _DOES_WHAT.match(" ".join(as_what_it_does(question).split()))
    return match.group("thing") if match else None


_DOES_WHAT = re.compile(r"^\s*what\s+(?:does|do|did)\s+(?:the\s+)?(?P<thing>.+?)\s+do\s*\??\s*$", re.I)


def thing_it_shows(question: str) -> str | None:
    """The command "What does pyenv which show?" asks what it shows, prints or returns ("pyenv which"), or None:
    reference documentation says that under the command's heading, as it says what the command does."""
    match = _SHOWS_WHAT.match(" ".join(question.split()))
    return match.group("thing") if match else None


_SHOWS_WHAT = re.compile(r"^\s*what\s+(?:does|do)\s+(?:the\s+)?(?P<thing>.+?)\s+(?:show|display|print|return|output)"
                         r"s?\s*\??\s*$", re.I)
_WHAT_ARE_THE = re.compile(r"^\s*(?:what|which)\s+(?:are|were)\s+(?:the\s+)?((?:[\w'-]+\s+){0,2}[\w'-]+)", re.I)
_LIST_NOUNS = frozenset(stems("tasks functions duties principles responsibilities powers aims goals objectives "
                              "priorities activities areas directions approaches measures steps components members "
                              "partners observers"))
