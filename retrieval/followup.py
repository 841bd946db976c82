"""Resolving follow-up questions with the earlier turns of a conversation.

"and who coordinated it?" says little on its own. A question that leans on what came before
(it opens with a connective, or refers back with a pronoun, and has few words of its own) is
searched together with the resolved question before it, which is what a person would assume.
"""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable, Sequence

from citeqa.types import Turn
from retrieval.countries import country_spans, names_a_country
from retrieval.kinds import says_a_persons_name
from retrieval.question import (
    AUXILIARIES, LEADING_CONNECTIVE, OPENING_QUESTION_WORD, SAYING, asks_who_is, is_a_fragment, person_asked_about,
    speaker_asked, topic_said_about,
)
from retrieval.spans import MONTH_NAMES, NOT_NAME_WORDS
from retrieval.text import content_words

_CONNECTIVE = re.compile(r"^\s*(and|but|also|so|then|what about|how about|and what|what else|which one)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(it|its|they|them|their|theirs|he|him|his|she|her|hers|this|that|these|those|there|the same|the latter|"
    r"the former|such)\b", re.I,
)
MAX_OWN_WORDS = 4
MAX_CHAIN = 20  # turns a run of follow-ups is read back over (the service keeps at most 20)


class DocumentPhrases:
    """Whether the documents hold a phrase, case and spacing aside (`thing_asked_about`). `texts`: none when too
    many to read (service.py); it then cannot tell, and holds every phrase (the grammar alone decides). Read on the
    first follow-up that needs it, kept while the index version is."""

    def __init__(self, texts: Callable[[], Iterable[str]]):
        self._texts = texts
        self._joined: str | None = None

    def says(self, phrase: str) -> bool:
        if self._joined is None:
            self._joined = "\n".join(" ".join(text.split()).lower() for text in self._texts())
        return not self._joined or " ".join(phrase.split()).lower() in self._joined


def is_follow_up(question: str) -> bool:
    if is_a_fragment(question):  # "Over which years?" after "How many model acts has the CSTO PA adopted?"
        return True
    own_words = content_words(_BACK_REFERENCE.sub(" ", question))
    if _CONNECTIVE.search(question):
        return len(own_words) <= MAX_OWN_WORDS + 2
    return bool(_BACK_REFERENCE.search(question)) and len(own_words) <= MAX_OWN_WORDS


def resolve(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """The question as retrieval should see it: alone, or after the resolved question it follows (which
    may itself follow an earlier one), with "he" or "she" read as the person the answer before it named
    (`named_by_the_last_answer`). The nearest questions are kept first; the result is at most `max_chars`
    long (the question alone always fits: callers bound it)."""
    return resolve_standalone(standalone(question.strip(), history, max_chars), question, history, max_chars)


def resolve_standalone(asked: str, question: str, history: Sequence[Turn], max_chars: int) -> str:
    """`resolve` for a question whose `standalone` form (`asked`) is known already. "What about X?" read as the
    last question asked of another name X is searched alone: the question it varies would pull its own answer up
    again (Armenia's deputies for "And what about Kyrgyzstan?"). Of another topic ("What about social
    networks?"), it is searched with the conversation, which says whose words on it are asked for."""
    other = asked_instead(question)
    if asked != question.strip() and other is not None and _a_name(other):
        return asked
    they = _THEY.search(question) and not _PRONOUN_SAYS.match(question)
    if ((_reads_it(question) and not _IT.search(asked)) or (they and not _THEY.search(asked))
            or (is_a_fragment(question) and asked != question.strip())):
        return asked  # "it" or "they" read as what they stand for, a fragment completed: it holds its context
    parts = [asked]
    length = len(parts[0])
    current, earlier = question, len(history)
    while earlier > 0 and is_follow_up(current):
        earlier -= 1
        current = history[earlier].question
        part = current.strip()
        if length + 1 + len(part) > max_chars:
            break
        parts.append(part)
        length += 1 + len(part)
    return " ".join(reversed(parts))


def standalone(question: str, history: Sequence[Turn], max_chars: int,
               says: Callable[[str], bool] | None = None) -> str:
    """The follow-up as a question of its own, its pronoun read as what it stands for: the person the last answer
    named (`named_by_the_last_answer`), else what the last question asked about (`said_by_the_last_subject`).
    It is what the answer finder reads: "What does it say about social networks?" says nothing of whose words
    are asked for, and was refused. `says` tells whether the documents hold a phrase (`thing_asked_about`)."""
    readers = (named_by_the_last_answer, they_named_by_the_last_answer, said_by_the_last_subject, asked_of_another,
               functools.partial(completed_fragment, says=says),
               functools.partial(it_read_as_the_last_subject, says=says))
    # "Tell me more" asked the question before it again: "When was he elected?" after it is read from that question
    history = [turn for turn in history if not asks_for_more(turn.question)]
    for read in readers:
        resolved = read(question, history, max_chars)
        if resolved != question:
            return without_a_leading_connective(resolved)
    return without_a_leading_connective(question)


def asks_for_more(question: str) -> bool:
    """"Tell me more", "What else?", "Anything else?", "Go on": the last question again, for what was not quoted."""
    return bool(_MORE.match(question))


def asked_again(history: Sequence[Turn], max_chars: int,
                says: Callable[[str], bool] | None = None) -> tuple[str, frozenset[str]] | None:
    """For "Tell me more": the question the conversation asked before it (past earlier "more"s), as read
    (`standalone`), and every quote the answers since gave (as `one_line` writes them), which are not quoted again.
    None when the conversation asked nothing else. "Tell me more." had been asked as a question of its own, and
    refused."""
    from retrieval.answer import quotes_in

    shown: set[str] = set()
    at = len(history) - 1
    while at >= 0 and asks_for_more(history[at].question):
        shown |= quotes_in(history[at].answer or "")
        at -= 1
    if at < 0:
        return None
    shown |= quotes_in(history[at].answer or "")
    return standalone(history[at].question, history[:at], max_chars, says), frozenset(shown)


def they_named_by_the_last_answer(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """"What did they discuss?" after "Who met Aleksandr Lukashenko in Minsk?", answered "OSCE Parliamentary
    Assembly", as "What did the OSCE Parliamentary Assembly discuss?": "they" (and "them", "their") read as the body
    the last answer gave for a "Who ...?" question. Alone, "they" named no one and the question was refused.
    Unchanged when the last question asked no "Who", its answer gave no short answer or a person's name (`he` and
    `she` follow those), or past `max_chars`."""
    if not history or not is_follow_up(question) or not _THEY.search(question):
        return question
    from retrieval.answer import short_answer_in

    last = history[-1]
    body = short_answer_in(last.answer or "")
    if body is None or not _ASKS_WHO.match(last.question) or says_a_persons_name(body):
        return question
    named = body if body.lower().startswith("the ") else f"the {body}"
    read = _THEY.sub(lambda m: named + ("'s" if m.group(0).lower() == "their" else ""), question)
    return read if len(read) <= max_chars else question


def asked_of_another(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """"What about X?" as the last question asked of X instead of what X stands in for (`_in_place_of`): "How many
    deputies does Armenia send?" / "And what about Belarus?", "What does the statement say about foreign
    interference?" / "What about social networks?", "Who chairs the Senate of Kazakhstan?" / "What about the
    Mazhilis?". Unchanged when nothing fits, or past `max_chars`. "What about X?" alone says nothing the answer
    finder can read: such follow-ups were refused."""
    other = asked_instead(question)
    if not history or other is None:
        return question
    asked = _instead(other, _last_asked(history, max_chars))
    return asked if asked is not None and len(asked) <= max_chars else question


def completed_fragment(question: str, history: Sequence[Turn], max_chars: int,
                       says: Callable[[str], bool] | None = None) -> str:
    """"Over which years?" after "How many model acts has the CSTO PA adopted?" as "Over which years has the CSTO PA
    adopted model acts?": the fragment (`question.is_a_fragment`) in place of the question word of the last
    question as read (`_last_read`: "When?" / "Why?" completes "Why" from the "When ..." before it). Alone it names
    nothing the answer finder can match (the unit that says "2006 - 2024" says no "years": refused). Unchanged when
    the last question opens with no question word, or past `max_chars`."""
    if not history or not is_a_fragment(question):
        return question
    completed = _fragment_of(question, _last_read(history, max_chars, says))
    return completed if completed is not None and len(completed) <= max_chars else question


def it_read_as_the_last_subject(question: str, history: Sequence[Turn], max_chars: int,
                                says: Callable[[str], bool] | None = None) -> str:
    """"How many observers does it have?" after "Where is the CIS observer mission operating besides Kazakhstan?" as
    "How many observers does the CIS observer mission have?": "it" (and "its") read as what the last question as
    read (`_last_read`) asked about (`thing_asked_about`). Searched beside the question before it, "it" matched that
    question's own answer again ("... operating in many cities ...") and the count was refused. Unchanged when the
    last question names nothing that fits, asked what a document or body said (whose words "it" may be: the rules
    for sayings read those), or past `max_chars`."""
    if not history or not _reads_it(question):
        return question
    read = _it_of(question, _last_read(history, max_chars, says), says)
    return read if read is not None and len(read) <= max_chars else question


def _reads_it(question: str) -> bool:
    """A follow-up that refers to "it", but not "What about it?" (its own rule). "What does it say about the UN?" is
    read so after a question that asked of no one's words ("Who signed the 2006 declaration?"); after one that did,
    `said_by_the_last_subject` has read it first."""
    saying = _PRONOUN_SAYS.match(question)
    return (is_follow_up(question) and bool(_IT.search(question)) and asked_instead(question) is None
            and (saying is None or saying.group("pronoun").lower() == "it"))


def _fragment_of(fragment: str, last: str) -> str | None:
    opening = _OPENING_QUESTION_WORD.match(last)
    if opening is None or is_a_fragment(last):
        return None
    words = LEADING_CONNECTIVE.sub("", fragment.strip()).rstrip("?").rstrip()
    words = words[:1].upper() + words[1:]
    done = None if _A_COUNT.match(words) else _WHO_DID.match(last)  # not "How many polling stations was ... observed?"
    if done is not None:  # "Who signed the 2006 declaration?" / "When?": "When was the 2006 declaration signed?"
        what = done.group("what").split()  # the verb before where or when it was done ("... met in Minsk?")
        at = next((j for j in range(1, len(what)) if what[j].lower() in _PREPOSITIONS), len(what))
        return " ".join([words, "was", *what[:at], done.group("verb"), *what[at:]]) + "?"
    rest = last[opening.end():].strip().rstrip("?").split()
    auxiliary = next((i for i, w in enumerate(rest[:4]) if w.lower() in AUXILIARIES), 0)
    # "How many model acts has the CSTO PA adopted?" / "Over which years?": what the question word counted goes
    # after the verb, "Over which years has the CSTO PA adopted model acts?" (not "... years model acts has ..."),
    # before what the verb is done to or in ("Why did the CIS send observers to Kazakhstan?")
    after = next((j for j in range(auxiliary + 3, len(rest)) if rest[j].lower() in _PREPOSITIONS), len(rest))
    return " ".join([words, *rest[auxiliary:after], *rest[:auxiliary], *rest[after:]]) + "?"



def _it_of(question: str, last: str, says: Callable[[str], bool] | None) -> str | None:
    thing = thing_asked_about(last, says)
    if thing is None:
        return None
    return _IT.sub(lambda m: thing + ("'s" if m.group(0).lower() == "its" else ""), question)


def _last_read(history: Sequence[Turn], max_chars: int, says: Callable[[str], bool] | None) -> str:
    """The last question as the answer finder read it: a run of fragments and "it" follow-ups ("When was it
    established?" / "Who heads it?") read forward from the question that opened it (at most MAX_CHAIN turns back;
    a loop, not recursion: a history may be long), itself read as a question of its own ("What did they discuss?"
    as "What did the OSCE Parliamentary Assembly discuss?", so that "When?" after it asks when they did)."""
    turns = history[-MAX_CHAIN:]
    start = len(turns) - 1
    while start > 0 and (is_a_fragment(turns[start].question) or _reads_it(turns[start].question)):
        start -= 1
    read = standalone(turns[start].question, turns[:start], max_chars, says)  # neither: no loop back here
    for turn in turns[start + 1 :]:
        question = turn.question
        read = (_fragment_of(question, read) if is_a_fragment(question) else _it_of(question, read, says)) or question
    return read


def thing_asked_about(question: str, says: Callable[[str], bool] | None = None) -> str | None:
    """The noun phrase a question asks about: after its auxiliary ("When is *the final press conference of the CIS
    Observer Mission*?", "What does *the Expert Advisory Board* do?", "Where is *the CIS observer mission* operating
    ...?") or after the verb of "Who/What/Which <thing> <verb> ..." ("Who chairs *the Senate of Kazakhstan*?").
    The phrase opens with an article or a capital and ends before a word that cannot continue it (a verb form in
    -ing or -ed, an auxiliary, a preposition other than "of", a new article); where `says` can tell whether the
    documents hold a phrase, it is the longest start of that run the documents hold ("the CSTO PA Council", not
    "the CSTO PA Council consider"). For what a person said about a topic, the topic ("the meeting" of "What did
    he say about the meeting?"); None for what a document or body said (it may be "it" itself), or when nothing
    fits."""
    text = " ".join(question.split())
    if re.search(rf"\b{SAYING}\b", text, re.I):  # a person's words on a topic: "it" is the topic
        person = speaker_asked(text) is not None or _PERSON_SAYS.match(text) is not None
        return topic_said_about(text) if person else None
    opening = _OPENING_QUESTION_WORD.match(text)
    if opening is None:
        return None
    words = text[opening.end():].rstrip(" ?").split()
    auxiliary = next((i for i, w in enumerate(words[:4]) if w.lower() in AUXILIARIES), None)
    rest = words[auxiliary + 1:] if auxiliary is not None else words[1:] if words and words[0].islower() else []
    if not rest or not (rest[0].lower() in _ARTICLES or rest[0][:1].isupper()):
        return None
    phrase = [rest[0]]
    for word in rest[1:]:
        plain = word.lower()
        if plain in AUXILIARIES or plain in _NOT_IN_A_PHRASE or (word.islower() and _VERB_FORM.search(plain)):
            break
        if word.islower() and plain != "of" and phrase[0][:1].isupper():
            break  # "Armenia send ...": a name without an article ends where its capitals do
        if plain in _ARTICLES and phrase[-1].lower() != "of":
            phrase = phrase[:-1]  # "the CSTO PA Council consider a ...": a verb stood before the new article
            break
        phrase.append(word)
    if says is not None:  # the longest start of the run that the documents hold
        first = 1 if phrase[0].lower() in _ARTICLES else 0
        held = next((n for n in range(len(phrase), first, -1) if says(" ".join(phrase[first:n]))), 0)
        if 0 < held < len(phrase) and phrase[held - 1].isdigit():
            held = len(phrase)  # "the 2006 declaration", not "the 2006": a year or number names no thing
        phrase = phrase[:held]
    while phrase and phrase[-1].lower() in ("of", *_ARTICLES):
        phrase.pop()
    content = [w for w in phrase if w.lower() not in ("of", *_ARTICLES)]
    return " ".join(phrase) if content else None


def asked_instead(question: str) -> str | None:
    """What "What about X?", "And about X?" or "And X?" asks of instead of what the last question asked of (X);
    None for any other question ("And who chairs it?" asks a question of its own)."""
    match = _WHAT_ABOUT.match(question) or _AND_X.match(question)
    if match is None or len(match.group("other").split()) > ELLIPSIS_WORDS:
        return None
    return match.group("other").strip()


def _a_name(words: str) -> bool:
    return bool(_NAMED.fullmatch(words)) or names_a_country(words)


def _instead(other: str, last: str) -> str | None:
    found = _in_place_of(other, last)
    if found is None:
        return None
    start, end, words = found
    return last[:start] + words + last[end:]


def _last_asked(history: Sequence[Turn], max_chars: int) -> str:
    """The last question as a question of its own: a run of "What about X?" read from the question it varies
    ("Who chairs the Senate of Kazakhstan?" / "What about the Mazhilis?" / "What about Belarus?"), that question as
    read (`standalone`: "And about terrorism?" after "What does it say about the UN?" asks what the declaration, that
    question's "it", says about terrorism; "it" had stayed, and the question was refused)."""
    first = len(history) - 1
    while first > 0 and asked_instead(history[first].question) is not None:
        first -= 1
    asked = " ".join(standalone(history[first].question, history[:first], max_chars).split())
    for turn in history[first + 1 :]:
        asked = _instead(asked_instead(turn.question) or "", asked) or asked
    return asked


def _in_place_of(other: str, last: str) -> tuple[int, int, str] | None:
    """What in the last question "What about <other>?" asks of instead, as (start, end, the words put there): its
    person; its country (the other's country word in its place: "the Norwegian one" -> "Norwegian"); what it asked
    "about"; or, for a name that is no country, the last name it asked of (past a post's title: "the Speaker of
    *the National Assembly of Armenia*"; a country for "the Mazhilis" would ask who chairs Belarus). None when
    nothing fits."""
    names = sorted((found for pattern in (_NAMED, _INNER_CAPITAL) for found in pattern.finditer(last)
                    if found.start() > 0 and found.group() not in _PRONOUNS), key=lambda found: found.start())
    if says_a_persons_name(other):
        people = [found.span() for found in names if says_a_persons_name(found.group())]
        if people:
            return (*people[-1], other)
    countries, asked = country_spans(other), country_spans(last)
    if countries and asked:
        return (*asked[-1], other[slice(*countries[0])])
    about = _ABOUT_WHAT.search(last)
    if about is not None:
        return (*about.span("what"), other)
    placed = _PLACED.fullmatch(other)  # "And on Windows?" after "How do I install pyenv on Linux?"
    if placed is not None and _NAMED.fullmatch(placed.group("name")):
        same = [found for found in names if re.search(rf"\b{placed.group('preposition')}\s+(?:the\s+)?$",
                                                      last[: found.start()], re.I)]
        if same:
            return (*same[-1].span(), placed.group("name"))
    if countries or not _NAMED.fullmatch(other) or not names:
        return None
    name = names[-1]
    post = _POST_OF.match(name.group())
    return (name.start() + (post.end() if post else 0), name.end(), other)


def without_a_leading_connective(question: str) -> str:
    """"And who chairs the Mazhilis?" as "Who chairs the Mazhilis?": the "and" ties it to the conversation (for
    retrieval, `resolve`), but the question the answer finder reads starts with its question word, as its rules
    expect (after "Who chairs the Senate of Kazakhstan?" it was refused)."""
    match = _CONNECTIVE_BEFORE_A_QUESTION.match(question)
    if match is None:
        return question
    rest = question[match.end() :]
    return rest[:1].upper() + rest[1:]


def said_by_the_last_subject(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """"What does it say about social networks?" after "What does the CSTO PA statement say about foreign
    interference?" as "What does the CSTO PA statement say about social networks?": a question of what "it" (or
    "they", "he", "she") says, after one of what something says. Unchanged otherwise, or past `max_chars`."""
    if not history or not is_follow_up(question):
        return question
    pronoun = _PRONOUN_SAYS.match(question)
    subject = _SUBJECT_SAYS.match(" ".join(history[-1].question.split()))
    if pronoun is None or subject is None or _BACK_REFERENCE.fullmatch(subject.group("subject")):
        return question
    said = question[: pronoun.start("pronoun")] + subject.group("subject") + question[pronoun.end("pronoun"):]
    return said if len(said) <= max_chars else question


def named_by_the_last_answer(question: str, history: Sequence[Turn], max_chars: int) -> str:
    """The follow-up with "he", "him", "she" or "his" replaced by the person the last answer gave as its short
    answer ("What did he say?" after "Who is the chairman ...?" answered "Vyacheslav Volodin" asks what Volodin
    said: the chairman's block names no one's words, and the question before it names no person to follow), or
    else the person the last question asked about by name ("What does she say about the CSTO PA?" after "Who is
    Natalia Kochanova?", whose answer has no short answer: her name block was quoted, not her words). An
    answer that named no person is passed over when its question referred back ("How many deputies does his
    country send?" between "Who is the Speaker ...?" and "What did he say?"). Unchanged when no such
    answer gave a person's name, or the result would pass `max_chars`."""
    if not history or not is_follow_up(question):
        return question
    from retrieval.answer import short_answer_in

    name, person = None, False
    for turn in reversed(history):
        name = short_answer_in(turn.answer or "")
        person = name is not None and says_a_persons_name(name)
        if not person:  # "Who is Natalia Kochanova?": the person it asked about
            asked = person_asked_about(turn.question)
            name = asked.name if asked is not None else speaker_asked(turn.question)
            # a surname alone is a person's name when the question asked who it is ("who is harstedt")
            person = name is not None and (says_a_persons_name(name) or asks_who_is(turn.question))
        if not person:  # "When did Lukashenko meet the OSCE mission?": the one person it names
            name = the_person_named_in(turn.question)
            person = name is not None
        if person or not _BACK_REFERENCE.search(turn.question):
            break
    if name is None or not person:
        return question
    named = _PERSONAL_PRONOUN.sub(lambda m: name + ("'s" if m.group("whose") else ""), question)
    return named if len(named) <= max_chars else question


def the_person_named_in(question: str) -> str | None:
    """The one person a question names ("Lukashenko" of "When did Lukashenko meet the OSCE mission?"): a name in
    capitals after its first word that reads as a person's, or a lone word in capitals that is the subject of the
    question's verb and no country, title, body or month ("When did Lukashenko meet ...?"; not "... in Minsk?");
    None when it names none, or more than one."""
    found = []
    for match in _CAPITALISED_NAME.finditer(question):
        name = match.group()
        if match.start() == 0 or names_a_country(name):
            continue
        lone = (" " not in name and name.lower() not in NOT_NAME_WORDS and name.lower() not in MONTH_NAMES
                and _AUXILIARY_BEFORE.search(question[: match.start()]) is not None
                and _VERB_AFTER.match(question, match.end()) is not None)
        if says_a_persons_name(name) or lone:
            found.append(name)
    return found[0] if len(set(found)) == 1 else None


_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)*")
_AUXILIARY_BEFORE = re.compile(r"\b(?:did|does|do|has|had|have|will|would|can|could|should|is|was)\s+$", re.I)
_VERB_AFTER = re.compile(r"\s+[a-z]+\b")  # "Lukashenko *meet*": the name is the verb's subject


_WHAT_ABOUT = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(?:(?:what|how)\s+)?about\s+(?P<other>[^?]+?)\s*\??\s*$", re.I)
# The words a question of its own opens with: "And who chairs it?" asks anew, "And Kyrgyzstan?" does not.
_OWN_QUESTION = (r"(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|does|do|did|has|have|had|can|could|"
                 r"will|would)\b")
_AND_X = re.compile(rf"^\s*(?:and|but)\s+(?!{_OWN_QUESTION}|about\b)(?P<other>[^?]+?)\s*\??\s*$", re.I)
ELLIPSIS_WORDS = 6  # "And the Norwegian one?": a name, not a sentence ("And the elections were fair?")
_ABOUT_WHAT = re.compile(r"\babout\s+(?P<what>[^?]+?)\s*(?=\?|$)", re.I)
# A name the question asks of, with its article: "the Senate of Kazakhstan", "the Mazhilis", "Belarus", "the Standing
# Commission on Defence and Security" (its words in capitals joined by "of", "on", "for", "and")
_NAMED = re.compile(r"(?:\bthe\s+)?\b[A-Z][\w'’-]*(?:\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?[A-Z][\w'’-]*)*")
# A name written with a capital inside ("macOS", "iPhone"): "What about Linux?" after "How do I install pyenv on macOS?"
# asks of Linux instead; "I", the asker, is no name to replace (it had read "How do Linux install pyenv on macOS?").
_INNER_CAPITAL = re.compile(r"\b[a-z]+[A-Z][\w'’-]*")
_PLACED = re.compile(r"(?P<preposition>in|on|for|at|from|with|under|over|by)\s+(?:the\s+)?(?P<name>.+)", re.I)
_PRONOUNS = frozenset({"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll"})
_POST_OF = re.compile(r"(?:the\s+)?(?:Deputy\s+|Vice\s+)?(?:Speaker|Chairman|Chairwoman|Chair|President|Head|"
                      r"Secretary General|Minister|Director|Leader)\s+of\s+", re.I)
_OPENING_QUESTION_WORD = re.compile(rf"^\s*{OPENING_QUESTION_WORD}\b\s*", re.I)
_A_COUNT = re.compile(r"\s*how\s+(?:many|much)\b", re.I)
_ARTICLES = ("the", "a", "an")
_IT = re.compile(r"\b(?:it|its)\b", re.I)
_MORE = re.compile(r"^\s*(?:(?:and|ok|okay|so|please),?\s+)?(?:tell\s+me\s+more|more|what\s+else|anything\s+else|"
                   r"who\s+else|go\s+on|continue|say\s+more|more\s+please|and\s+more)\W*$", re.I)
_THEY = re.compile(r"\b(?:they|them|their)\b", re.I)
_ASKS_WHO = re.compile(r"^\s*(?:(?:and|but|so)\s+)?who\b", re.I)
_NOT_IN_A_PHRASE = frozenset("in at on to for with from by about besides between into during after before since over "
                             "under against among without within across through than as and or who which that".split())
_VERB_FORM = re.compile(r"(?:ing|ed)$")
# "Who signed the 2006 declaration?": a question of who did a thing, in a regular past tense (a fragment after it asks
# of the thing done: "When was the 2006 declaration signed?")
_PREPOSITIONS = frozenset("to in at on for from with by about into during over under against through across within "
                          "between among after before since until".split())
# "Who signed the declaration?", "Which country hosted the summit?": the question word (and its noun) did it
# (what it was done to: not a place or time, "Which elections happened in 2022?")
# Past forms that are their own participles, as "-ed" forms are ("Who met Lukashenko?": "When was Lukashenko met?")
_DONE_IRREGULAR = ("met|led|sent|held|made|built|said|told|found|paid|won|brought|bought|taught|kept|left|lost|spent|"
                   "heard|sold|fought|caught|read|set|put|cut|hit|struck|hung|laid|lent|meant|fed|shot|spun|sat|"
                   "stood|understood|dealt|sought|thought|felt")
_WHO_DID = re.compile(rf"^\s*(?:who|(?:which|what)\s+[a-z]+)\s+(?P<verb>[a-z]+ed|{_DONE_IRREGULAR})\s+"
                      rf"(?!(?:{'|'.join(sorted(_PREPOSITIONS))})\b)(?P<what>[^?]+?)\s*\??\s*$", re.I)
_CONNECTIVE_BEFORE_A_QUESTION = re.compile(rf"^\s*(?:and|but|so|also|then),?\s+(?={_OWN_QUESTION})", re.I)
# "his", and "her" before a word of what is hers ("her country"; "What did Lukashenko tell her?" names her)
_PERSONAL_PRONOUN = re.compile(
    r"\b(?:he|him|she|(?P<whose>his|her(?=[ \t]+(?!(?:to|in|at|on|for|from|with|by|about|and|or|that|if)\b)[a-z])))\b"
    r"|\bher\b", re.I)
_PRONOUN_SAYS = re.compile(rf"^\s*(?:(?:and|but|so|also)\s+)?what\s+(?:does|did|do|has|have|had)\s+"
                           rf"(?P<pronoun>it|they|he|she)\s+{SAYING}\b", re.I)
_PERSON_SAYS = re.compile(r"^\s*what\s+(?:does|did|do|has|have|had)\s+(?:he|she)\b", re.I)
_SUBJECT_SAYS = re.compile(rf"^\s*what\s+(?:does|did|do|has|have|had)\s+(?P<subject>.+?)\s+{SAYING}\b", re.I)
