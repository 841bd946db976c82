"""Who said a quoted sentence: the name the text attributes its quotation to.

News items and statements quote people, and a quotation of several sentences names its speaker once,
after it ("... will be reflected in the election results,” said Aleksandr Markevich, CSTO PA
International Observer Group coordinator."). For "Who said the elections comply with international
standards?" the sentence that matches is inside the quotation, and the name stands sentences later:
the answer finder asks here where that quotation ends and whom the text names right after it.
"""

from __future__ import annotations

import re

from citeqa.types import Span

# "Who said ...?", "Who noted that ...?": the question asks for the speaker of words it quotes or paraphrases.
_ASKS_WHO_SAID = re.compile(r"^\s*who\s+(?:said|says|stated|states|noted|notes|declared|stressed|told|remarked|added|"
                            r"emphasi[sz]ed)\b", re.I)
_OPENING, _CLOSING = "“«", "”»"
_VERB = r"(?:said|says|noted|notes|stated|states|stressed|added|emphasi[sz]ed|declared|told|remarked|underlined)"
# Capitalised words, small particles between them ("Jean de la Fontaine"), an initial with its point ("John F.
# Kennedy").
_WORD = r"[A-Z](?:\.|[\w'’-]*)"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|da|di|du|la|le|van|von|der|al|bin|ibn)\s+)*{_WORD})*"
# What follows the closing mark: "..., said NAME" or "..., NAME said", or a post for a name ("..., the President
# said", "..., the head of state said").
_ATTRIBUTION = re.compile(rf"[,.!?]?\s*(?:{_VERB}\s+(?P<after>{_NAME})|(?P<before>{_NAME})\s+{_VERB}\b"
                          rf"|the\s+(?P<post>(?i:head\s+of\s+state|[a-z]+(?:\s+[a-z]+)?))\s+(?:{_VERB}|remarked)\b)")
# The titles a post of that kind gives a name earlier in the text ("Belarus President Aleksandr Lukashenko").
_HEAD_OF_STATE = "President|King|Queen|Emperor|Empress|Monarch|Sultan|Emir"


def asks_who_said(question: str) -> bool:
    return bool(_ASKS_WHO_SAID.match(question))


def speaker_of(text: str, position: int) -> Span | None:
    """The span of the name the text gives as the speaker of the quotation around `position`, or None when
    `position` is in no quotation of its paragraph (curly quotation marks) or the text names no one right after it
    ("... ,” the minister said." with no minister named before). A post for a name ("... ,” the head of state
    said.") stands for the name the text last set after that title (`_named_with_the_post`)."""
    paragraph_start = text.rfind("\n\n", 0, position) + 1
    paragraph_end = text.find("\n\n", position)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    opened = quotation_opened(text, position)
    if opened is None:
        return None
    closing = [at for at in (text.find(mark, position, paragraph_end) for mark in _CLOSING) if at >= 0]
    if not closing:
        return None
    after = min(closing) + 1
    match = _ATTRIBUTION.match(text, after, paragraph_end) or _attribution_before(text, paragraph_start, opened)
    if match is None:
        return None
    if match.group("post"):
        return _named_with_the_post(text, match.group("post"), opened)
    group = "after" if match.group("after") else "before"
    return Span(match.start(group), match.end(group))


def quotation_opened(text: str, position: int) -> int | None:
    """Where the quotation around `position` opens (its curly opening mark) in its paragraph, or None when `position`
    is in no quotation."""
    paragraph_start = text.rfind("\n\n", 0, position) + 1
    opened = max(text.rfind(mark, paragraph_start, position) for mark in _OPENING)
    closed_before = max(text.rfind(mark, paragraph_start, position) for mark in _CLOSING)
    return None if opened < 0 or closed_before > opened else opened


def _attribution_before(text: str, paragraph_start: int, opened: int) -> re.Match | None:
    """The attribution that stands between the quotation before and the one opened at `opened`, when nothing else
    does: "“We must do our best ...,” Aleksandr Lukashenko said. “You see what is going on ...”" gives the second
    quotation, which names no one after it, to the speaker of the first."""
    closed = max(text.rfind(mark, paragraph_start, opened) for mark in _CLOSING)
    if closed < 0:
        return None
    match = _ATTRIBUTION.match(text, closed + 1, opened)
    return match if match is not None and _ONLY_A_STOP.fullmatch(text, match.end(), opened) else None


_ONLY_A_STOP = re.compile(r"[.:;,]?\s*")


def _named_with_the_post(text: str, post: str, before: int) -> Span | None:
    """The name the text last gave, before `before`, right after the title of `post` ("Belarus President *Aleksandr
    Lukashenko*" for "the President said"; "the head of state" is a president's, a monarch's, ...)."""
    titles = _HEAD_OF_STATE if " of state" in post else re.escape(post.split()[-1])
    start = max(0, before - POST_NAME_REACH)
    found = None
    for found in re.finditer(rf"\b(?i:{titles})\s+(?P<name>{_NAME})", text[start:before]):
        pass
    return Span(start + found.start("name"), start + found.end("name")) if found else None


POST_NAME_REACH = 20_000  # characters looked back for the name a post stands for (a news item's length, and more)
