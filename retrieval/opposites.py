"""A question that asks with the opposite of what the passage says: "The party with the lowest quotient is awarded
what?" of "The party with the highest quotient is awarded the seat."; "Which country was not hit by the embargo?" of
lines that say which were.

SQuAD 2.0 writes many of its unanswerable questions so, and users ask so of what a text does not say ("When was the
first version published?" of "... last updated 2 October 2018"): every other word matches, and the answer finder had
put the passage's answer in bold. The pairs are words whose opposite changes what is asked and that rarely stand in a
text for something else (not "most", of "at least"; not "start", which "came to an end" answers). A question with a
negation is answered by a line that denies, forbids, excludes or lacks something, in whatever words; when no quote
says anything of the kind, the text does not say what the question asks.
"""

from __future__ import annotations

import re
from typing import Iterable

from retrieval.defaults import UNLESS_SET
from retrieval.options import OPTION
from retrieval.text import asking_sentence

OPPOSITES = (("first", "last"), ("earliest", "latest"), ("largest", "smallest"), ("biggest", "smallest"),
             ("highest", "lowest"), ("maximum", "minimum"), ("oldest", "newest"), ("longest", "shortest"),
             ("before", "after"), ("began", "ended"),
             # chosen among more pairs on SQuAD's dev half, where each refused only unanswerable questions (north and
             # south, more and less, early and late refused answerable ones: "South Africa" beside "North America")
             ("public", "private"), ("majority", "minority"), ("increase", "decrease"), ("increased", "decreased"),
             ("inside", "outside"), ("upper", "lower"), ("first", "second"), ("eastern", "western"))
_WORD = re.compile(r"\w+")


def says_the_opposite(question: str, text: str) -> bool:
    """Whether the question asks with one word of an opposed pair (and not the other) and the text says only the
    other ("... applied to western countries, and which eastern country?" asks of both)."""
    asked, said = set(_WORD.findall(question.lower())), set(_WORD.findall(text.lower()))
    return any((a in asked and b not in asked and b in said and a not in said)
               or (b in asked and a not in asked and a in said and b not in said) for a, b in OPPOSITES)


# "In which version was the --use-feature=truststore option removed?" of "New in version 22.2: Experimental support,
# behind --use-feature=truststore.": a note of when a thing came, or changed, is no answer to when it went
_ASKS_WHEN_IT_WENT = re.compile(r"^\W*(?:when|(?:in|since|with)\s+(?:which|what)|(?:which|what)\s+(?:[\w.+-]+\s+)?"
                                r"(?:version|release))\b.*\b(?:removed|dropped|deleted|deprecated|retired|"
                                r"discontinued)\b", re.I)
_SAYS_IT_WENT = re.compile(r"\b(?:remov\w*|drop\w*|delet\w*|deprecat\w*|retir\w*|discontinu\w*|replac\w*|obsolete\w*|"
                           r"eliminat\w*|withdr[ae]wn?|gone|no\s+longer)\b", re.I)


def asks_when_it_went_no_quote_says(question: str, quotes: Iterable[str]) -> bool:
    """Whether the question asks when a thing was removed or deprecated and no quote says anything went ("New in
    version 22.2", "Changed in version 23.0: version has been bumped to 1")."""
    return bool(_ASKS_WHEN_IT_WENT.search(question)) and not any(_SAYS_IT_WENT.search(text) for text in quotes)


_NEGATION_WORDS = r"not|never|no|none|nobody|nothing|neither|nor|without|cannot"
_NEGATION = re.compile(rf"\b(?:{_NEGATION_WORDS})\b|n['’]t\b", re.I)  # "isn't", "isn’t"
# What a line that answers a negated question says, in some words: a negation, a ban, an exception, a lack, a failure,
# an end, or an un-word ("left unresolved"). Widened once from the answerable questions this refused at first (SQuAD's
# dev half, the shipped dev set): refrain, inadmissible, insignificant, the un-words, escaped, spared, exempt.
_NEGATIVE = re.compile(
    rf"\b(?:{_NEGATION_WORDS}|forb[ai]d\w*|prohibit\w*|bann?ed|bans?"
    r"|except\w*|exclud\w*|refus\w*|fail\w*|lack\w*|unable|only|non-?\w+|absen\w*|instead|rather|unless|nominal\w*"
    r"|rarely|seldom|hardly|avoid\w*|den(?:y|ied|ies)|unwilling|unsuccessful\w*|opposed|against|reject\w*|stopp?\w*"
    r"|ceased?|halt\w*|refrain\w*|inadmissib\w*|insignifican\w*|unresolved|unsettled|unaffected|unanswered"
    r"|unaddressed|untouched|unchanged|unpopular|escaped?|spared|exempt\w*|immune)\b|n['’]t\b", re.I)


# A negation inside a relative clause says what the thing asked about is ("... a program that is not packaged for
# Debian?"), which a text says in its own words ("a non-Debian program", in a heading the quote stands under): it is
# not what the question asks.
_DESCRIBED_BY_A_NEGATION = re.compile(r"(?<=[\w,]\s)(?:that|which|who)\s+(?:is|are|was|were|has|have|had)"
                                      r"(?:\s+(?:not|never)\b|n['’]t\b)", re.I)
# (not "... ensuring that party members don't vote ...", "... argued that imperialism wasn't ...": a clause that
# "that" opens after a verb says what is asked, and SQuAD writes unanswerable questions so)


def _as_negations_are_read(question: str) -> str:
    """The question without what only looks like a negation: a negation that describes the thing asked about, a
    condition that a setting is not given, an option's name ("--no-deprecation" had been read as "no" and the question
    refused), an aside in brackets, and the sentences that set the scene before the one that asks ("My package has two
    binaries and cargo run won't pick one. Which field ...?")."""
    asking = _ASIDE.sub(" ", OPTION.sub(" ", asking_sentence(question)))
    return UNLESS_SET.sub(" ", _DESCRIBED_BY_A_NEGATION.sub(" ", asking))


# An aside in brackets ("When nothing else is configured (no --root, no env vars, no config), ...?"): a negation there
# says when, not what is asked. (Not any clause of condition: SQuAD writes unanswerable questions so, "If there is no
# shared physical medium, how are the packets delivered?")
_ASIDE = re.compile(r"\([^()]*\)")


def asks_with_a_negation_no_quote_holds(question: str, quotes: Iterable[str]) -> bool:
    """Whether the question asks with a negation ("not", "never", "n't", ...) and no quote says anything negative
    (the quotes are read only when it does)."""
    return bool(_NEGATION.search(_as_negations_are_read(question))) and not any(_NEGATIVE.search(q) for q in quotes)


# A question's negation and the words it negates: "cannot be run" of "... if the command cannot be run?"
_NEGATED = re.compile(rf"(?:\b(?:{_NEGATION_WORDS})\b|\w+n['’]t\b)(?:\s+\w+){{1,2}}", re.I)


def negation_asked(question: str) -> re.Pattern[str] | None:
    """The question's negation with the words it negates, as a pattern a text writes it by: "126 if the command cannot
    be run" for "What exit status does xargs return if the command cannot be run?", ranked below a list of other rows
    (any negation, with the words anywhere, had answered SQuAD's "What wasn't the French population in North
    America?"). None when the question asks with no negation."""
    negated = _NEGATED.search(_as_negations_are_read(question))
    if negated is None:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in negated.group().split()) + r"(?!\w)", re.I)
