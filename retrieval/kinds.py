"""Whether quotes can say the kind of fact a question asks for, read by plain marks.

"In what year ...?" is answered only by a text that holds a year, "How many ...?" by one that holds a
number, "What is the annual budget ...?" only by one that holds a sum, "What percentage ...?" by a share,
"Who is the current Secretary General ...?" by a person's name, "Which country ...?" by a country, "Where is X
based?" by a place, "What is the phone number ...?" by a phone number, "What port ...?" by a number, "What is the
largest file ...?" by a size, "What license ...?" by a licence's name, "Which company ...?" by a name the question
does not hold, "Who maintains X?" by a person or a body.
Quotes about the thing asked that hold no such mark cannot answer, and a reader shown them would look for a
fact that is not there: the answer finder refuses instead (retrieval/answer.py). Every mark is read
generously (a digit counts as a time for "When ...?", any country named anywhere counts), so that only
quotes that plainly cannot answer are refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

from citeqa.layout import LINK as _LINK_PATTERN, ends_with_joiner
from retrieval.bodies import initials_of_names
from retrieval.chambers import houses_meant, names_a_house_meant
from retrieval.countries import countries_named, names_a_country, without_countries
from retrieval.iso_codes import entries
from retrieval.options import ASKS_WHICH_NAME, CODE_QUALIFIER, OF_A_CONFIGURATION
from retrieval.question import COUNT_HEADS, QuestionInfo, owned_head
from retrieval.spans import (MODERN_YEAR, MONEY_WORDS, MONTH_NAMES, NUMBER_WORDS, NAME_PARTICLES, NOT_NAME_WORDS,
                             PERSON_TITLE_WORDS)
from retrieval.text import AFTER_A_CLAUSE, ASKS_HOW_OFTEN, STOP_WORDS, asking_sentence, content_words, stems

Says = Callable[[str], bool]

_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
TIME = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})s?\b|\b\d{1,2}(st|nd|rd|th)\b|\b(century|centuries|" + "|".join(MONTH_NAMES)
                  + r"|today|yesterday|decade|year|years|ago|since|until|during|before|after|when)\b", re.I)
# Any number counts as a time ("at 8", "the 1970s", "20 December"), but a count of thousands ("10,000 polling
# stations") does not.
_SAYS_A_TIME = re.compile(TIME.pattern + r"|(?<![\d,.])(?!\d{1,3}(?:,\d{3})+(?![\d,]))\d|\b(?:" + _WEEKDAYS
                          + r"|beginning|end|start|early|late|morning|evening|night|season|spring|summer|autumn|"
                          r"winter)\b", re.I)
# Neither is a part of a longer number: "10,000 polling stations" holds no year "000" nor day "10".
_SAYS_A_YEAR = re.compile(r"(?<![\d,.])\d{3,4}s?\b(?![,.]\d)|\bcentur(?:y|ies)\b|\b(?:BC|AD|BCE|CE)\b", re.I)
_SAYS_A_DATE = re.compile(_SAYS_A_YEAR.pattern + r"|(?<![\d,.])\d{1,2}(?:st|nd|rd|th)?\b(?![,.]\d)|\b(?:"
                          + "|".join(MONTH_NAMES) + "|" + _WEEKDAYS + r")\b", re.I)
# "When should ORT be built with --no_telemetry?", "When must a package declare it?": a condition answers as a time
# does ("... if your application needs its own curl or mbedTLS copy" had been refused)
_ASKS_WHEN_TO = re.compile(r"^\W*when\s+(?:should|must|can|could|may|might|shall|ought)\b", re.I)
_SAYS_A_CONDITION = re.compile(r"\b(?:if|unless|whenever|once|in\s+case|as\s+long\s+as|provided)\b", re.I)
# "How many ...?" (not "What is the number of ...?", which may be answered in words that are no number) is answered
# by a number in digits or words, or by a word of quantity ("several", "both", "no").
_ASKS_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
_NUMBER_WORDS = "|".join(sorted(NUMBER_WORDS))
_SAYS_A_COUNT = re.compile(r"\d|\b(?:" + _NUMBER_WORDS + r"|several|(?<!how\s)(?:many|few)|numerous|dozens|hundreds|"
                           r"thousands|millions|both|all|none|no|single|couple|pair|each|every|a number)\b", re.I)
# ("Specify how many times to retry a timed-out submission." says no count: it asks one, as the question does)
# A count said exactly, in digits or number words ("61", "seven"), once dates and years are read out of the text
_SAYS_AN_EXACT_COUNT = re.compile(r"\d|\b(?:" + _NUMBER_WORDS + r")\b", re.I)
_MONTHS = "|".join(m.capitalize() for m in MONTH_NAMES)
_A_DAY_OF_A_MONTH = re.compile(
    rf"\b(?:(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b)")
_A_DATE_OR_YEAR = re.compile(rf"\b(?:(?:{_MONTHS})\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{_MONTHS})\b|{MODERN_YEAR}\b)")
_SAYS_A_SHARE = re.compile(r"%|\bper ?cent\b|\bpercentage\b|\bhalf\b|\bthird\b|\bquarter\b|\bmajority\b|\bone-\w+",
                           re.I)
# A number written as one, perhaps with a unit's letters on it ("45", "2.5", "24h", "100ms"), not a digit inside a
# name ("the 1DS SDK", "v2", "10th"): "Other builds with telemetry (... 1DS SDK)" had answered how long data is kept.
_A_NUMBER_ON_ITS_OWN = r"(?<![\w.])\d+(?:[.,]\d+)*(?:ms|s|h|d|m|min|mins|hrs?|yrs?|secs?)?(?!\w)"
# "How long ...?" is answered by a time or a length: a unit of either, a number, or a word that bounds a stretch
# ("five to ten years", "into the nineteenth century", "seconds", "until the end of the war", "45 minutes").
_SAYS_A_LENGTH = re.compile(_A_NUMBER_ON_ITS_OWN + r"|\b(?:" + _NUMBER_WORDS
                            + r"|seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries|"
                            r"millenni\w*|ages|long|until|till|since|through|throughout|miles?|km|kilometres?|"
                            r"kilometers?|metres?|meters?|feet|foot|yards?|inches|briefly|forever|permanently|"
                            r"indefinitely|several|few|many)\b", re.I)
# "How often ...?": a frequency ("annually", "every two years", "twice a year", "regularly").
_SAYS_HOW_OFTEN = re.compile(r"\b(?:annual|annually|yearly|monthly|weekly|daily|hourly|every|each|once|twice|"
                             r"thrice|times|regular|regularly|often|frequently|seldom|rarely|always|never|"
                             r"occasionally|usually|sometimes|per|a\s+(?:year|month|week|day))\b", re.I)
# "Where is the Assembly based?", "Where is X located / headquartered?": a place answers, which a text says by a
# country, a capitalised name after a preposition of place ("in Minsk", "on the Adriatic") or a word for a place
# ("the capital", "the region", "abroad"); "based on the principles of equality" says none.
_ASKS_WHERE_IT_IS = re.compile(r"^\W*where\b.*\b(?:based|located|headquartered|situated|seated|housed)\b", re.I)
_PLACE_NAMED = re.compile(r"\b(?:in|at|near|outside|inside|within|from|on|across|throughout|beyond|around)\s+"
                          r"(?:the\s+)?[A-Z][a-z]")
_PLACE_WORDS = re.compile(r"\b(?:city|cities|capital|town|village|region|province|district|island|coast|shore|"
                          r"building|hall|street|square|headquarters|courtyard|campus|north|south|east|west|abroad|"
                          r"overseas|border|sea|river|valley|mountains?|continent)\b", re.I)
# "What is the website (address) ...?", "... e-mail address ...?": only a web or mail address answers.
_ASKS_AN_ADDRESS = re.compile(r"\b(?:web\s*site|web\s+address|web\s+page|home\s*page|url|e-?mail)\b", re.I)
# A thing the address's word names a part or a property of: "Which URL prefix ...?", "Which Git URL schemes ...?" ask
# for a prefix and schemes, not for an address
_OF_AN_ADDRESS = re.compile(r"[ \t]+(?:prefix|scheme|fragment|path|parameter|pattern|format|syntax|encoding|component|"
                            r"part|query|string|length|field|template|variable|option|setting|handler)(?:e?s)?\b", re.I)
# A clause that holds the address's word: "Which file can pip read credentials from *when the URL has none*?"
_IN_A_CLAUSE = re.compile(r"\b(?:when|whenever|if|unless|because|while|after|before|since|until|once)\b", re.I)
_SAYS_AN_ADDRESS = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:org|com|net|int|gov|edu|info|ru|by|kz|am|kg|tj|uz|eu|"
                              r"uk|de|fr)\b|\w@[\w-]+\.", re.I)
# The span model's money words, and other currencies and amounts that a price or a budget is given in.
_CURRENCY_WORDS = sorted({w for w in MONEY_WORDS if w.isalpha()} | set(
    "rouble roubles ruble rubles franc francs mark marks livre livres cent cents shilling shillings guilder guilders "
    "million billion".split()))
# A currency sign counts beside a number only: "$ pyenv local 2.7.6" is a shell prompt, "$(pyenv root)" and "$HOME"
# shell variables, and had answered "What is the price of pyenv?".
_SIGNS = "[" + "".join(w for w in MONEY_WORDS if not w.isalpha()) + "]"
_CURRENCY = re.compile(rf"{_SIGNS}(?=[ \t]?\d)|(?<=\d)[ \t]?{_SIGNS}|\b(?:" + "|".join(_CURRENCY_WORDS) + r")\b", re.I)

# Heads that ask for an amount of money or for a share ("What is the annual *budget* ...?", "What *percentage* ...?").
# Only nouns that ask for an amount: "What tax ...?" or "What funding ...?" asks which one.
_MONEY_HEADS = frozenset(stems("budget cost price salary wage income revenue spending expenditure"))
_SHARE_HEADS = frozenset(stems("percentage percent proportion turnout"))
_COUNTRY_HEADS = frozenset(stems("country nation"))
_LANGUAGE_HEADS = frozenset(stems("language tongue"))
_PARTY_HEADS = frozenset(stems("party parties"))
# "Who wrote the dpkg triggers specification?", "Who created pyenv?": a person or a body that makes things is named
# ("Mark Adler", "the Debian Python Team", "Bell Northern Research"); lines that name neither had answered
_ASKS_WHO_MADE_IT = re.compile(r"^\s*who\s+(?:(?:first\s+)?(?:wrote|authored|created|invented|designed|developed|"
                               r"coined|composed)\s+(?!that\b|about\b|of\b)|(?:is|was|are|were)\s+the\s+(?:authors?|"
                               r"creators?|inventors?|designers?|developers?|editors?)\s+of\b)", re.I)
# not "Who wrote that imperialism is ...?": whose statement it is ("Lenin"), which one word may name
# "Who maintains pyparsing?", "Who founded the Ming dynasty?", "Who funds ...?": a person, a body that makes things,
# or a people or country ("the French") keeps, founds or pays for it; a list item about PEP8 names none of them. Not
# "Who owns the Postgresql databases?": a user and group on a system do ("owned by this user and group").
_ASKS_WHO_KEEPS_IT = re.compile(r"^\s*who\s+(?:now\s+|currently\s+)?(?:maintains?|maintained|founded|"
                                r"sponsors?|sponsored|funds?|funded|publish(?:es|ed)?)\s+(?!that\b)", re.I)
_NAMES_A_MAKER = re.compile(r"\b[A-Z][\w&.-]*\s+(?:[A-Z][\w&.-]*\s+)*(?:Team|Project|Foundation|Inc|Corporation|Corp|"
                            r"Company|Group|Institute|University|Laborator(?:y|ies)|Labs|Ltd|LLC|GmbH|Society|"
                            r"Committee|Association|Consortium|Research|Organi[sz]ation|Community|Developers)\b")
# "Which option / flag / switch ...?" of a command line, answered by a line that writes one ("--no-cache-dir", "-J")
_ASKS_AN_OPTION = re.compile(r"^\W*(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:option|flag|switch)s?\b", re.I)
_SAYS_AN_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z0-9][\w-]*"  # "--no-cache-dir", "-J", "-4"
                             r"|(?m:^[-*•][ \t]+[\w.$]+[ \t]+<)"  # an options object's item ("- ttl <boolean> ...")
                             r"|\b[a-z]+[A-Z]\w*|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")  # "captureRejections", "BROTLI_..."
# "Which add_custom_target keyword ...?", "Which block() option ...?": a keyword of a command named as code, in
# capitals as CMake writes them ("ALL", "RETRY_DELAY"), or an option
_ASKS_A_COMMANDS_KEYWORD = re.compile(rf"{AFTER_A_CLAUSE}(?:which|what)\s+(?P<command>[\w.]+(?:\(\))?)\s+"
                                      r"(?:option|keyword|argument|mode)s?\b", re.I)
_SAYS_A_KEYWORD = re.compile(rf"{_SAYS_AN_OPTION.pattern}|(?<![\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?<=\w\w)(?![\w-])")
# "Which environment variable ...?", answered by a line that writes one: "PIP_CONFIG_FILE", "http_proxy", "$HOME"
_ASKS_AN_ENVIRONMENT_VARIABLE = re.compile(rf"{AFTER_A_CLAUSE}(?:which|what)\s+(?:[\w.-]+\s+){{0,2}}?"
                                           r"(?:environment|env)\s+var(?:iable)?s?\b", re.I)  # ("In build.rs, which
# environment variable ...?", "which env var ...?")
_SAYS_AN_ENVIRONMENT_VARIABLE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[a-z]+_[a-z_]+\b|[$%][A-Za-z_]\w*"
                                           r"|\b(?:PATH|HOME|TMPDIR|LANG|SHELL|USER|EDITOR|PAGER|TERM|DISPLAY)\b"
                                           r"|\b[A-Z][A-Z0-9]+\s+(?:environment\s+|env\s+)?variable\b")  # "the BROWSER
# environment variable"
VERSION_HEADS = frozenset(stems("version"))
_VERSION_CONTROL = re.compile(r"\bversion[ -]control\b", re.I)
_ASKS_A_VERSION = re.compile(r"\b(?:which|what)\s+(?:[\w.+-]+\s+)?(?:version|release)s?\b", re.I)
# "On which Windows version ...?": a version may go by a name ("Windows Vista", "Debian Bookworm")
_A_PRODUCTS_VERSION_ASKED = re.compile(r"\b(?:which|what)\s+([A-Z][\w+-]*)\s+(?:version|release)s?\b")
# "Which version of dpkg introduced triggers?": a version is written with digits ("1.14.17", "Python 3", "Version:
# 1.0"); "... should Depend on the triggers-supporting version of dpkg" names none and had answered it
_SAYS_A_VERSION = re.compile(r"\d\.\d|[A-Za-z][\w+]*[ -]?\d")  # not an owner "0:0" (debhelper "resets them to 0:0")
# A party is named with the word, or by the family it belongs to ("Following the Conservative victory ...").
_SAYS_A_PARTY = re.compile(r"\b(?i:part(?:y|ies))\b|\b(?:Conservative|Labour|Liberal|Democrat|Democratic|Republican|"
                           r"Socialist|Communist|Green|Tory|Tories|Nationalist|Unionist|Whig|Federalist|Populist)s?\b")
# "What is the phone number of Debian support?": a number of seven digits or more ("+7 (812) 326-69-30")
_ASKS_A_PHONE = re.compile(r"\b(?:tele)?phone\b|\bfax\b", re.I)
_PHONE_DIGITS = re.compile(r"[+(]?\d[\d \t().-]{5,}\d")
_PHONE_LENGTH = 7
# "What port does pyenv listen on?", "the default port", "the port number": a network port is a number ("8000"); not
# "What replaced the s390 port?" (a port of Debian) nor a harbour
_ASKS_A_PORT = re.compile(r"^\W*(?:what|which)\s+(?:(?:tcp|udp|network|default)\s+)?port\b|"
                          r"\b(?:default|tcp|udp|listening)\s+port\b|\bport\s+number\b", re.I)
_SAYS_A_PORT = re.compile(r"(?<![\w.])\d{2,5}(?!\w|\.\d)")
# "What is the largest file update-mime-database accepts?", "the maximum request body size": a size, a number with a
# unit of data ("10 MB", "4,096 bytes") or a word that there is no limit
_ASKS_A_SIZE = re.compile(r"\b(?:largest|biggest|maximum|max|minimum|smallest)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:file|size|upload|payload|message|request)s?\b|\bhow\s+(?:big|large)\s+(?:\w+\s+){0,2}?"
                          r"(?:file|upload|payload|message|request)s?\b", re.I)
_SAYS_A_SIZE = re.compile(r"\d[\d,.]*\s*(?:[KMGTP]i?B|[kKMGT]b?|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|"
                          r"characters?|chars|lines?|entries|records|octets?|bits?)\b|\b(?:unlimited|no\s+(?:size\s+)?"
                          r"limit|any\s+size|arbitrar\w+\s+(?:size|length)|not\s+limited)\b", re.I)
# "What license does Django use?": a licence is named ("the GPL", "MIT License", "licensed under ...")
_LICENCE_HEADS = frozenset(stems("license licence licensing"))
_NAMES_A_LICENCE = re.compile(r"\b(?:A?GPL|LGPL|GFDL|FDL|MIT|BSD|ISC|MPL|EPL|PSF|Apache|Mozilla|Artistic|Zlib|"
                              r"Unlicense|CC0|CC[- ]BY[\w-]*|Creative\s+Commons|public\s+domain|proprietary|"
                              r"copyleft)\b|\b[A-Z][\w.-]*\s+(?:Public\s+)?Licen[cs]e\b|\blicen[cs]ed\s+under\b", re.I)
# "Which company produced the Toy Story movies?": a company is named, with a capital ("Pixar", "IBM") that no word
# of the question has and that opens no sentence
_ASKS_A_COMPANY = re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firm|firms|corporation|"
                             r"corporations|vendor|vendors|manufacturer|manufacturers|publisher|publishers)\b", re.I)
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w&'’-]*")
_SENTENCE_OPENERS = tuple('.!?:;\n"“([') + ("-", "*", "•")  # what a sentence's or a list item's first word follows
_ASKS_BY_HEAD = ("what", "which", "how many", "how much")
_DEGREE_WORDS = frozenset("more less most least".split())  # "Which is *more* costly ...?" compares, asks no amount
# "Who is the current Secretary General ...?", "Who was Kazakhstan's president ...?", "Who chairs ...?": the post's
# holder, a person ("Who will chair ...?" too). Not "Who elects the president?" (a body may) nor "Who leads ...?" (a
# body may lead a mission).
_ASKS_FOR_A_POST_HOLDER = re.compile(
    r"\s*who\s+(?:(?:is|was|are|were|will\s+be|has\s+been|had\s+been|became|becomes)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?P<post>" + "|".join(sorted(PERSON_TITLE_WORDS)) + r")s?\b"
    r"|(?:(?:will|would|shall|does|do|did)\s+)?(?P<verb>heads?|headed|chairs?|chaired|presides?|presided"
    # "Who leads the upper chamber ...?": one who leads a house of parliament chairs it (who leads a mission
    # need hold no title)
    r"|(?:leads?|led)(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:house|chamber|senate|parliament|duma)\b))\b)", re.I)
_CHAIR = r"Chair(?:man|woman|person)?"  # the title of whoever chairs
_PRESIDING = rf"(?:{_CHAIR}|Speaker|Toraga)"  # of whoever presides over a house: its Chairman or Speaker
# The titles of whoever heads or presides over a body: a house's Chairman or Speaker, an assembly's President
_HEAD = rf"(?:{_CHAIR}|Speaker|President|Head|Leader|Director|Toraga)"
_OBJECT_OF_THE_VERB = re.compile(r"[ \t]+(?:over[ \t]+)?([^,.;:\n?]+)")


def asks_for_a_post_holder(q: QuestionInfo) -> bool:
    """Whether `q` asks who holds a post ("Who is the Speaker of ...?", "Who chairs ...?"): a person."""
    return bool(_ASKS_FOR_A_POST_HOLDER.match(q.text))


def asks_for_several_holders(q: QuestionInfo) -> bool:
    """Whether `q` asks who holds a post in the plural ("Who are the members of the CSTO PA Council?"): several
    people, whom one name in bold would misstate."""
    match = _ASKS_FOR_A_POST_HOLDER.match(q.text)
    return bool(match and match.group("post") and match.group(0).rstrip().lower().endswith("s")
                and _WHO_ARE.match(q.text))


_WHO_ARE = re.compile(r"\s*who\s+(?:are|were)\b", re.I)


# A person named by one word as the subject of a post ("Bowman was the director of the American Geographical Society in
# 1914." had been refused for who the director was: one capitalised word reads as no name); not after "the"
_ONE_NAME_HOLDS = re.compile(r"(?<![Tt]he )\b[A-Z][a-z'’-]{2,}\s+(?:was|is|became|remained|served\s+as)\s+(?:the|a|an)\s+"
                             r"(?:first\s+|new\s+|last\s+)?(?:" + "|".join(sorted(PERSON_TITLE_WORDS)) + r")s?\b")


def holds_no_one_in_the_post(q: QuestionInfo, holders: Sequence[str]) -> bool:
    """Whether, for "Who is the Secretary of the CSTO PA Council?", no quote that names a person (`holders`) names the
    post's title ("Secretary"): whoever they name holds another post ("Natalia Kochanova / CSTO PA Council Member /
    Chairwoman of ..." had answered it beside a line that names no one). The titles of one who presides over a house
    are one title (Chairman, Chairwoman, Speaker).
    False for a question that asks by a verb ("Who chairs ...?") or a title whose holder a text may name otherwise."""
    match = _ASKS_FOR_A_POST_HOLDER.match(q.text)
    post = (match.group("post") or "").lower() if match else ""
    if post not in _TITLES_NAMED_AS_ASKED:
        return False
    title = re.compile(rf"\b(?:{_PRESIDING if post in _PRESIDING_TITLES else post + 's?'})\b", re.I)
    return not any(title.search(text) for text in holders)


# Posts whose holder a text names by the same title (a king may be "the monarch", a general "the commander")
_TITLES_NAMED_AS_ASKED = frozenset("chairman chairwoman chair speaker secretary director minister coordinator".split())


def names_the_post_only_as_another(q: QuestionInfo, quotes: Sequence[str]) -> bool:
    """Whether, for "Who is the President of the OSCE Parliamentary Assembly?", every quote that names the post's
    title names another post by it: another rank than the question asks ("Vice President of the OSCE
    Parliamentary Assembly" for the President; the Chairman for the Deputy Chairman, the Speaker for the former
    Speaker), or the post of another body: "Deputy Speaker of the Federation Council" for the
    Deputy Speaker of the State Duma (what follows "of" in both sharing no word), "Belarus President" (the words
    beside the title sharing none of the question's, when the question names no body after "of"). Whoever such
    quotes name holds another post: the question reuses their words with a changed relation. False when no quote
    names the title, or one names it bare ("the President said") or as asked. What the post is of is compared
    without its countries, and another country makes another post ("Chairman of the Senate of the Republic of
    Kazakhstan" for "Who chairs the Senate of Belarus?"); "Who heads ...?" asks for any title of a head ("Head of
    the Swedish parliamentary delegation" for the Norwegian one is another post)."""
    asked = _post_asked(q.text)
    if asked is None:
        return False
    found = [(text, _wrapped_lines_joined(text), m) for text in quotes for m in _titles_in(text, asked)]
    return bool(found) and all(_another_post(text, joined, m, asked) for text, joined, m in found)


def the_post_as_asked(q: QuestionInfo, text: str) -> re.Match | None:
    """Where `text` names the post `q` asks the holder of, as asked (not `names_the_post_only_as_another`)."""
    asked = _post_asked(q.text)
    if asked is None:
        return None
    joined = _wrapped_lines_joined(text)
    return next((m for m in _titles_in(text, asked) if not _another_post(text, joined, m, asked)), None)


def names_the_post_in_full(q: QuestionInfo, text: str) -> bool:
    """Whether `text` names the post `q` asks the holder of as asked, with every word of what the question says it
    is of, its countries aside ("Chairman of the CSTO Parliamentary Assembly" for "Who chairs the CSTO
    Parliamentary Assembly?"; not "Chairwoman of the Council of the Republic ..." for the CSTO Permanent Council,
    which shares "Council" only)."""
    asked = _post_asked(q.text)
    if asked is None or not (asked.body or asked.countries or asked.houses):
        return False
    joined = _wrapped_lines_joined(text)

    def in_full(of_what: str) -> bool:  # "of Armenia", "of the Armenian parliament": of any house of that country
        if asked.houses:  # "the upper chamber of Kazakhstan's parliament": "the Senate of the Republic of Kazakhstan"
            return names_a_house_meant(_body_of(of_what), asked.houses)
        return asked.body <= _named_body(of_what) if asked.body else asked.countries <= countries_named(of_what)

    return any(in_full(_of_what(joined, title.end())) and not _another_post(text, joined, title, asked)
               for title in _titles_in(text, asked))


def heads_a_body_of_the_country_asked(q: QuestionInfo, text: str) -> bool:
    """For "Who heads the lower house of parliament in Belarus?" (any head's title), whether `text` names the head of
    a body of that country that shares a word with the body asked ("Chairman of the House of Representatives of the
    National Assembly of the Republic of Belarus"), though it names the body in other words. Not for a title asked
    ("Who is the Speaker of the Federation Council of Russia?" is not the State Duma's Chairman, both being
    "Federal"), nor for "Who chairs ...?" (the Majlisi Milli is not the Majlisi Namoyandagon)."""
    asked = _post_asked(q.text)
    if asked is None or asked.title != _HEAD or not asked.countries:
        return False
    joined = _wrapped_lines_joined(text)
    return any(asked.countries <= countries_named(_of_what(joined, title.end())) for title in _titles_in(text, asked)
               if not _another_post(text, joined, title, asked))


def _titles_in(text: str, asked: _PostAsked) -> Iterator[re.Match]:
    """Where `text` names the title of the post asked ("President", "Presidents")."""
    return re.finditer(rf"\b{asked.title}s?\b", text, re.I)


@dataclass(frozen=True)
class _PostAsked:
    title: str  # "President" of "Who is the President of the OSCE PA?"
    words: frozenset[str]  # the question's other content words (stems)
    of: frozenset[str]  # the stems of what the post is of, in the question ("osce", "pa"); empty when not said
    rank: str | None  # "vice" of "Who is the Vice President ...?", "former" of "the former Speaker"
    countries: frozenset[str]  # the countries of what the post is of ("the Senate of Belarus")
    body: frozenset[str]  # the stems of what the post is of, its countries left out ("senat")
    houses: tuple[frozenset[str], ...] = ()  # for "the upper house of ...": the stems of each name of one (chambers.py)


@functools.lru_cache(maxsize=256)  # asked of the same question by each rule and each unit a fallback tries
def _post_asked(question: str) -> _PostAsked | None:
    """The post `q` asks the holder of, with the rank it asks it at ("Who is the Vice President ...?": "President"
    at the rank "vice"), or by the verb "chairs" (a Chairman, Chairwoman or Chair), "heads" or "presides" (any
    title of whoever heads a body: a chairman heads a house as much as a speaker or a head does)."""
    match = _ASKS_FOR_A_POST_HOLDER.match(question)
    if match is None:
        return None
    if match.group("post") is None:  # "Who chairs the Senate of Belarus?" asks for its Chairman (or Chairwoman),
        verb = match.group("verb")  # "Who heads the Mazhilis?" for its Chairman, Speaker, President or Head
        of = _OBJECT_OF_THE_VERB.match(question, match.end("verb"))
        title = _CHAIR if verb.lower().startswith("chair") else _HEAD
        return _post(question, title, frozenset(stems(verb)), of.group(1) if of else "", None)
    before = _RANK_BEFORE.search(question[: match.start("post")])
    rank, title, end = before.group(1).lower() if before else None, match.group("post"), match.end("post")
    if before is None and title.lower() in _RANK_TITLES:  # "Vice President": the rank, then the title
        after = _TITLE_AFTER_A_RANK.match(question, end)
        if after is None:
            return None
        rank, title, end = title.lower(), after.group(1), after.end(1)
    title_stems = frozenset(stems(title))
    if title.lower() in _PRESIDING_TITLES and rank is None:  # "Who is the Speaker of the Majlisi Namoyandagon?" of
        # its "Chairman" (a Deputy Speaker's title stays as asked: a Federation Council's is no Deputy Chairman's)
        title = _PRESIDING
    return _post(question, title, title_stems, _of_what(question, end), rank)


_PRESIDING_TITLES = frozenset("chair chairman chairwoman chairperson speaker".split())


def _post(question: str, title: str, title_stems: frozenset[str], of: str, rank: str | None) -> _PostAsked:
    countries, houses = countries_named(of), houses_meant(of)
    # "the Speaker of the Armenian parliament": a country's parliament is whichever of its houses a text names
    # ("Speaker of the National Assembly of the Republic of Armenia"); its "upper house" is one named as upper houses
    # are (the Senate)
    body = frozenset() if houses else _body_of(of) - _A_PARLIAMENT if countries else _body_of(of)
    return _PostAsked(title, frozenset(content_words(question)) - title_stems, frozenset(content_words(of)), rank,
                      countries, body, houses)


_A_PARLIAMENT = frozenset(stems("parliament parliaments legislature"))


def _body_of(of_what: str) -> frozenset[str]:
    """The stems of what a post is of, its countries left out ("senat" of "the Senate of Belarus")."""
    return frozenset(content_words(without_countries(of_what)))


def _named_body(of_what: str) -> frozenset[str]:
    """What a text's post is of (`_body_of`), with the initials of its names: "the CSTO Parliamentary Assembly" is
    also the "CSTO PA" a question names."""
    return _body_of(of_what) | initials_of_names(of_what)


def _of_what(text: str, end: int) -> str:
    """What the title that ends at `end` in `text` is of ("the Senate of the Republic of Kazakhstan"); empty when
    no "of" follows it."""
    of = _OF_AFTER.match(text, end)
    return of.group(1) if of else ""


def _another_post(text: str, joined: str, title: re.Match, asked: _PostAsked) -> bool:
    """Whether the title at `title` in `text` (`joined`: the same, its wrapped lines joined) names another post
    than the one asked."""
    before = text[: title.start()]
    rank = _RANK_BEFORE.search(before)
    if (rank.group(1).lower() if rank else None) != asked.rank:  # "Vice President" for the President, or the
        return True  # President for the Vice President, the Speaker for the former Speaker
    of_what = _of_what(joined, title.end())
    own_body = _named_body(of_what)
    body = set(content_words(of_what)) | own_body
    if asked.houses:  # the Mazhilis, a lower house, for the upper one; the Senate of another country
        countries = countries_named(of_what)
        return bool(countries and asked.countries and not countries & asked.countries) or \
            not names_a_house_meant(own_body, asked.houses)
    if asked.title == _HEAD and asked.body and not own_body & asked.body:
        return True  # "Who heads the lower house ...?": any head's title, so what it heads must be named ("Belarus
        # President" heads no house)
    if asked.countries:
        countries = countries_named(of_what)
        if countries and not countries & asked.countries:  # the Senate of Kazakhstan for the Senate of Belarus
            return True
        if own_body and asked.body:  # the House of Representatives of Belarus for the Senate of Belarus
            return not own_body & asked.body
        if countries and not asked.body:  # a house of Armenia for "the Armenian parliament"
            return False
        body = own_body
    if body and asked.of:
        return not body & asked.of
    whose = _WHOSE_BEFORE.search(before)
    words = set(content_words((whose.group(0) if whose else "") + " " + of_what))
    return bool(words) and not words & asked.words


def _wrapped_lines_joined(text: str) -> str:
    """`text` with each line break inside a phrase ("Chairman of the Senate of the" / "Republic of Kazakhstan", blank
    lines between them or not) made spaces, every offset kept: a title's "of ..." goes on over the wrap, and stops
    at a line that ends a phrase."""
    def joined(gap: re.Match) -> str:
        line = text[text.rfind("\n", 0, gap.start()) + 1 : gap.start()]
        return " " * len(gap.group()) if ends_with_joiner(line) else gap.group()

    return _LINE_BREAKS.sub(joined, text)


_LINE_BREAKS = re.compile(r"\n(?:[ \t]*\n)*")  # a break, with the blank lines after it


# A rank that makes a post another one: "Vice President", "Deputy Chairman", "Vice-Speaker", "former President".
_RANK_BEFORE = re.compile(r"\b(vice|deputy|assistant|acting|former|ex|honorary|co)[\s-]+$", re.I)
_RANK_TITLES = frozenset({"vice", "deputy"})  # rank words among the title words
_TITLE_AFTER_A_RANK = re.compile(r"[\s-]+(" + "|".join(sorted(PERSON_TITLE_WORDS)) + r")s?\b", re.I)
_TITLE = "|".join(sorted(PERSON_TITLE_WORDS))
# Whose post a title is: the capitalised words just before it ("Belarus President", "OSCE PA's Chairman"), or what
# follows "of" (after the rest of the title: "Deputy Speaker of ...") up to the end of the phrase ("President of the
# OSCE Parliamentary Assembly, OSCE Special ...", "Chairman of the CSTO Parliamentary Assembly Chairman of ...").
_WHOSE_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*[ \t]+){1,3}$")
_OF_AFTER = re.compile(rf"(?i:[ \t]+(?:{_TITLE})s?\b)*[ \t]+of[ \t]+([^,.;:\n?]*?)(?=[,.;:\n?]|\s+and\s|\s+who\s|"
                       rf"\s+that\s|\s+(?:{'|'.join(sorted(t.capitalize() for t in PERSON_TITLE_WORDS))})\b|$)")


LINK = re.compile(_LINK_PATTERN, re.I)  # a web or e-mail address as written


def of_the_kind_asked(q: QuestionInfo, quotes: Sequence[str]) -> list[str]:
    """The quotes that hold the kind of fact `q` asks for: all of them when no mark tells the kind. What a link
    holds counts only when an address is asked: a changelog's ".../pull/2579" says no amount of memory."""
    says = says_the_kind_asked(q)
    if says is None:
        return list(quotes)
    if q.wants_time and (own := _own_numbers(q.text)) is not None:
        # the question's own numbers say no time: "2" of "Adventist Health Study 2" for when it was published
        return [text for text in quotes if says(own.sub(" ", LINK.sub(" ", text)))]
    if not asks_an_address(q):
        return [text for text in quotes if says(LINK.sub(" ", text))]
    return [text for text in quotes if says(text)]


_A_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")


def _own_numbers(question: str) -> re.Pattern[str] | None:
    """The numbers the question writes, as a pattern of whole numbers; None when it writes none."""
    numbers = sorted(set(_A_NUMBER.findall(question)), key=len, reverse=True)
    if not numbers:
        return None
    return re.compile(r"(?<![\w.,])(?:" + "|".join(map(re.escape, numbers)) + r")(?![\w]|[.,]\d)")


def names_no_switch_asked(question: str, quotes: Sequence[str]) -> bool:
    """Whether "Which option / flag ...?" or "Which environment variable ...?" is asked and no quote writes one: "Which
    option limits the size of pip's cache?" of "pip cache info provides ... the total size ..." (the caller looks for
    an entry's label over the quotes, which may be too short to quote: "-c, --check")."""
    asked = switch_asked(question)
    return asked is not None and not any(asked.written.search(text) for text in quotes)


@dataclass(frozen=True)
class SwitchAsked:
    """What "Which option / environment variable ...?" asks for: how a text writes one, and the stems of what the
    question says it does."""
    written: re.Pattern[str]
    does: frozenset[str]


def switch_asked(question: str) -> SwitchAsked | None:
    """The option or environment variable the question asks for ("Which flag ...?", "In build.rs, which environment
    variable ...?"); not a configuration's key ("Which config option ...?", written as no option is)."""
    asking = asking_sentence(question)
    if (asked := _ASKS_A_COMMANDS_KEYWORD.search(asking)) is not None and CODE_QUALIFIER.search(
            asked.group("command")):
        return SwitchAsked(_SAYS_A_KEYWORD, frozenset(content_words(asking[asked.end():])))
    if (asked := _ASKS_AN_OPTION.search(asking)) is not None and not OF_A_CONFIGURATION.intersection(
            word.lower().rstrip("s") for word in asked.group().split()):
        return SwitchAsked(_SAYS_AN_OPTION, frozenset(content_words(asking[asked.end():])))
    if (asked := _ASKS_AN_ENVIRONMENT_VARIABLE.search(asking)) is not None:
        return SwitchAsked(_SAYS_AN_ENVIRONMENT_VARIABLE, frozenset(content_words(asking[asked.end():])))
    return None


# A head read off a pronoun or a word of the frame ("What do *I* have to put in front of the index URL ...?") names no
# thing asked
_STOP_STEMS = frozenset(stems(" ".join(STOP_WORDS)))


def asks_an_address(q: QuestionInfo) -> bool:
    """Whether "What ...?" or "Which ...?" asks for a web or e-mail address: the address's word names what is asked,
    not another thing ("Which URL prefix ...?") nor a word of a clause ("... when the URL has none?"), and it is the
    question's head, not what the thing asked gives ("Which environment variable gives it the index URL?": a line
    that writes the variable answers, and one that writes an address had been looked for and none found)."""
    if q.qtype not in ("what", "which"):
        return False
    heads = None  # read once an address word is found: most questions write none
    for found in _ASKS_AN_ADDRESS.finditer(q.text):
        if heads is None:
            heads = (head_and_next(q) | set(owned_head(q.text))) - _STOP_STEMS
        if heads and not heads & set(stems(found.group())):
            continue  # the thing asked is another ("Which environment variable gives it the index URL?")
        if not _OF_AN_ADDRESS.match(q.text, found.end()) and not _IN_A_CLAUSE.search(q.text, 0, found.start()):
            return True
    return False


def head_and_next(q: QuestionInfo) -> set[str]:
    """The stem of the noun a question asks about, and of the word after it when the head opens its content words
    (an adjective may have been read as the head: "the voter *turnout*", "international *observers*")."""
    return set(q.head[:1]) | (set(q.content[1:2]) if q.head and q.content[:1] == q.head[:1] else set())


def says_the_kind_asked(q: QuestionInfo) -> Says | None:
    """Whether a text says the kind of fact `q` asks for, by its plain marks; None when no mark tells it."""
    if q.wants_time:
        if q.qtype in ("what year", "which year", "what century"):
            return _searches(_SAYS_A_YEAR)
        if _ASKS_WHEN_TO.search(q.text):
            return lambda text: bool(_SAYS_A_TIME.search(text) or _SAYS_A_CONDITION.search(text))
        return _searches(_SAYS_A_DATE if q.qtype == "what date" else _SAYS_A_TIME)
    if asks_for_a_post_holder(q):
        return lambda text: says_a_persons_name(text) or bool(_ONE_NAME_HOLDS.search(text))
    # the head, or the noun after it ("the voter *turnout*"; not after "more"), or the noun after an owner's name ("the
    # CSTO PA's *budget*")
    asked = set(q.head[:1]) if q.head[:1] and q.head[0] in _DEGREE_WORDS else head_and_next(q)
    asked |= set(owned_head(q.text))
    if q.qtype in ("what percentage", "what percent") or (asked & _SHARE_HEADS and q.qtype in _ASKS_BY_HEAD):
        return _searches(_SAYS_A_SHARE)
    if asked & _MONEY_HEADS and q.qtype in _ASKS_BY_HEAD:
        return says_a_sum
    if ((_ASKS_HOW_MANY.search(q.text) and not ASKS_WHICH_NAME.search(asking_sentence(q.text)))  # (not "Which
            or (q.qtype == "how many" and q.head[:1] and q.head[0] in COUNT_HEADS)) \
            and not q.wants_time:  # option sets how many seconds ...?", a name); "What is the (maximum) number of
        return says_a_count  # ...?" too
    if q.qtype == "how long":  # a day of a month is no length ("on 20 December" for how long they stayed)
        return lambda text: bool(_SAYS_A_LENGTH.search(_A_DAY_OF_A_MONTH.sub(" ", text)))
    if ASKS_HOW_OFTEN.search(q.text):
        return says_how_often
    if _ASKS_WHERE_IT_IS.search(q.text):
        return says_a_place
    if asks_an_address(q):
        return _searches(_SAYS_AN_ADDRESS)
    if q.head[:1] and q.head[0] in _COUNTRY_HEADS and q.qtype in ("what", "which"):
        return names_a_country  # the head only: "What were European countries doing ...?" asks what they did
    if asked & _PARTY_HEADS and q.qtype in ("what", "which"):
        return _searches(_SAYS_A_PARTY)  # "Which party does Volodin belong to?": only a line about a party answers
    if _ASKS_WHO_MADE_IT.search(q.text):
        return lambda text: says_a_persons_name(_without_its_names(text, q.text)) or names_a_maker(text)
    if _ASKS_WHO_KEEPS_IT.search(q.text):
        return lambda text: (says_a_persons_name(_without_its_names(text, q.text)) or names_a_maker(text)
                             or names_a_country(text))
    if _ASKS_A_PHONE.search(q.text):
        return says_a_phone_number
    if _ASKS_A_PORT.search(q.text):
        return _searches(_SAYS_A_PORT)
    if _ASKS_A_SIZE.search(q.text):
        return _searches(_SAYS_A_SIZE)
    if q.qtype in ("what", "which") and asked & _LICENCE_HEADS:
        return _searches(_NAMES_A_LICENCE)
    if _ASKS_A_COMPANY.search(q.text):
        return lambda text: names_something_else(text, q.text)
    if (asked & VERSION_HEADS or _ASKS_A_VERSION.search(q.text)) and q.qtype in ("what", "which") \
            and not _VERSION_CONTROL.search(q.text):  # ("Which version control systems ...?" asks for none)
        # "Which pyparsing *version* ...?", "Since which pip version ...?" too
        return says_a_version_of(q.text)
    if q.head[:1] and q.head[0] in _LANGUAGE_HEADS and q.qtype in ("what", "which"):
        spoken = _languages()  # "Which languages does the Assembly work in?": a heading had answered it; "Which
        return lambda text: bool(spoken.search(text) or _PROGRAMMING_LANGUAGES.search(text))  # languages does
    return None  # project() enable ...?": "By default C and CXX are enabled ..."


# Programming languages, as a build tool's or a compiler's documentation names them (not "Go" nor "R": words of prose)
_PROGRAMMING_LANGUAGES = re.compile(r"(?<![\w+#-])(?:C|CXX|C\+\+|C#|OBJC|OBJCXX|CUDA|HIP|ISPC|Fortran|Swift|"
                                    r"ASM(?:_\w+)?|Java|JavaScript|TypeScript|Python|Rust|Ruby|Perl|PHP|Kotlin|Scala|"
                                    r"Haskell|Lua)(?![\w+#-])")


@functools.lru_cache(maxsize=1)
def _languages() -> re.Pattern:
    """The names of the languages of ISO 639-1 (pycountry), as written ("Russian", "Afrikaans"; "Gaelic" of
    "Scottish Gaelic", "Greek" of "Modern Greek (1453-)")."""
    names = set()
    for language in entries("languages"):
        if "alpha_2" in language:
            name = re.sub(r"\s*\(.*?\)", "", language["name"])
            names |= {name, name.split()[-1]}
    return re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))})\b")


def says_a_version_of(question: str) -> Says:
    """Whether a text says a version: a number ("3.12", "v2", "Python3"), or the product the question names before
    "version" followed by a name ("Windows Vista" for "On which Windows version ...?")."""
    product = _A_PRODUCTS_VERSION_ASKED.search(question)
    if product is None:
        return _searches(_SAYS_A_VERSION)
    named = re.compile(rf"\b{re.escape(product.group(1))}\s+[A-Z][\w+-]*")
    return lambda text: bool(_SAYS_A_VERSION.search(text) or named.search(text))


def _searches(pattern: re.Pattern) -> Says:
    return lambda text: bool(pattern.search(text))


def says_how_often(text: str) -> bool:
    return bool(_SAYS_HOW_OFTEN.search(text))


def says_a_count(text: str) -> bool:
    """Whether the text holds a number or a word of quantity, a day of a month not counting ("on 20 December" says
    nothing of how many observers the OSCE sent), nor a year of a month or after a word of time ("published before
    September 2001" says nothing of how many cohorts a meta-analysis pooled)."""
    return bool(_SAYS_A_COUNT.search(_A_YEAR_OF_TIME.sub(" ", _A_DAY_OF_A_MONTH.sub(" ", text))))


_A_YEAR_OF_TIME = re.compile(rf"\b(?:{_MONTHS}|in|since|before|after|until|till|by|from|during)\s+{MODERN_YEAR}\b",
                             re.I)


def says_a_place(text: str) -> bool:
    return names_a_country(text) or bool(_PLACE_NAMED.search(text) or _PLACE_WORDS.search(text)
                                         or _PATH_NAMED.search(text))


# A folder or file a preposition of place names: "in $HOME/.cargo/", "under ~/.cache/pip", "at /etc/pip.conf"
_PATH_NAMED = re.compile(r"\b(?:in|at|under|inside|within|into)\s+(?:[~$%.]\S*|/\S*)[/\\]")


def says_a_sum(text: str) -> bool:
    """Whether `text` holds an amount of money: a currency sign or word, "million", or any ISO 4217 currency by
    its name or code ("Tenge", "KZT", "Russian Ruble")."""
    return bool(_CURRENCY.search(text) or _iso_currencies().search(text))


# Last words of currency names that are mostly something else in English text.
_NOT_MONEY = frozenset("account gold silver platinum palladium sum sol real won rand mark colon sucre oro kina tala "
                       "omani fomento previsional involved purposes".split())


@functools.lru_cache(maxsize=1)
def _iso_currencies() -> re.Pattern:
    currencies = entries("currencies")
    last_words = {c["name"].split()[-1] for c in currencies}  # "Tenge" of "Tenge", "Ruble" of "Russian Ruble"
    names = {c["name"] for c in currencies} | {w for w in last_words if w.isalpha()}
    codes = {c["alpha_3"] for c in currencies}
    kept = [n for n in sorted(names, key=len, reverse=True) if len(n) > 2 and n.lower() not in _NOT_MONEY]
    words = "|".join(re.escape(n) for n in kept)
    return re.compile(rf"\b(?:(?i:(?:{words})s?)|{'|'.join(sorted(codes))})\b")


def says_a_phone_number(text: str) -> bool:
    return any(sum(c.isdigit() for c in m.group()) >= _PHONE_LENGTH for m in _PHONE_DIGITS.finditer(text))


def names_something_else(text: str, question: str) -> bool:
    """Whether `text` names something the question does not: a capitalised word, not a sentence's first, that no
    word of the question is ("Pixar" for "Which company produced the Toy Story movies?"; "Debian" names only what
    "Which company sponsors Debian's servers?" names)."""
    asked = {_without_possessive(w) for w in re.findall(r"[\w&'’-]+", question)}
    for m in _CAPITALISED.finditer(text):
        word = _without_possessive(m.group())
        before = text[max(0, m.start() - 8):m.start()].rstrip(" \t")
        if word in asked or word in STOP_WORDS or not before or before.endswith(_SENTENCE_OPENERS):
            continue
        return True
    return False


def _without_possessive(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()


def names_a_maker(text: str) -> bool:
    """Whether the text names a body that makes things ("the Debian Python Team", "Bell Northern Research")."""
    return bool(_NAMES_A_MAKER.search(text))


def _without_its_names(text: str, question: str) -> str:
    """The text without the capitalised words the question writes: the title asked about ("Advanced Human
    Nutrition") is not who wrote it."""
    own = {w for w in _WORD.findall(question) if w[:1].isupper()}
    return " ".join(" , " if w in own else w for w in _WORD.findall(text)) if own else text


def says_a_persons_name(text: str) -> bool:
    """Whether `text` holds what reads as a person's name: two capitalised words in a row (in any script),
    neither a word of an organisation, a post, a place or a date, nor an acronym, nor a word of a heading (three
    or more words in capitals: "... LEGISLATION WITHIN ITS MANDATE" had read as a name), nor opened by "the"
    ("Vyacheslav Volodin", "Émile Zola", "William the Conqueror", "the Marquis de Vaudreuil"; not "Permanent
    Council", "Secretary General", "CSTO PA", nor "the Majlisi Milli" or "the Jogorku Kenesh": what "the" names is
    a thing, unless a title of nobility opens it)."""
    together, previous, opened_by_the = 0, "", False
    for word in _WORD.findall(_INITIAL.sub(" ", _HEADING_IN_CAPITALS.sub(" , ", text))):
        if word.lower() in _NAME_PARTICLES and together:
            continue  # "de", "the" inside a name keep it going
        acronym = word.isupper() and len(word) <= 5
        if word[0].isupper() and not acronym and word.strip("'’").lower() not in _NOT_A_PERSONS_NAME:
            if not together and not opened_by_the:
                opened_by_the = previous.lower() == "the" and word.lower() not in _TITLES_OF_NOBILITY
            if not opened_by_the:
                together += 1
                if together >= 2:
                    return True
        else:
            together, opened_by_the = 0, False
        previous = word
    return False


_TITLES_OF_NOBILITY = frozenset("marquis marquess earl baron baroness count countess viscount duchess archduke tsar "
                                "czar khan sultan shah emir caliph".split())
_HEADING_IN_CAPITALS = re.compile(r"\b[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]*){2,}\b")  # "THE MAIN TASK OF ..."
_INITIAL = re.compile(r"(?<=\s)[^\W\d_]\.(?=\s)")  # the "F." of "John F. Kennedy"
# words, each mark on its own (a comma ends a name), and a blank line ("Concepts" / "Each trigger is named" is no name)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|[^\w\s]|\n[^\S\n]*\n")
_NAME_PARTICLES = frozenset(NAME_PARTICLES) | {"al", "the"}  # "William the Conqueror"
_NOT_A_PERSONS_NAME = NOT_NAME_WORDS | frozenset(
    "security collective national international central election elections electoral observer observers "
    "programme program statement session summit conference society association league alliance general "
    "permanent standing supreme federal parliamentary advisory expert executive legislative the a an for of in on "
    "see also "  # a reference's heading ("See Also") had read as a person who created npm
    "first second third fourth fifth sixth seventh eighth ninth tenth edition volume chapter section "  # "Advanced
    # Human Nutrition, Second Edition" had read as its author
    .split())


def says_an_exact_count(text: str) -> bool:
    """Whether the text says a count in digits or number words ("61", "seven"), not only "many" or "all", nor
    only a date ("scheduled for March 20", "in 2024")."""
    return bool(_SAYS_AN_EXACT_COUNT.search(_A_DATE_OR_YEAR.sub(" ", text)))


def the_counts(q: QuestionInfo, holders: Sequence[str]) -> list[str]:
    """For "How many ...?", the holders that count the thing asked ("61 international observers" for how many
    observers, not "over 10,000 polling stations"), else those that say any count exactly (not only "many other
    countries"), else all: the lines whose country or body tells whom the count is about."""
    if not asks_how_many(q):
        return list(holders)
    exact = [h for h in holders if says_an_exact_count(h)]
    asked = head_and_next(q)
    counting = [h for h in exact if any(asked & set(stems(m.group("counted")))
                                        for m in _A_COUNT_OF.finditer(_A_DATE_OR_YEAR.sub(" ", h)))]
    return counting or exact or list(holders)


# A number and the words after it: what it counts ("61 international observers", "CONSISTS OF 14 DEPUTIES").
_A_COUNT_OF = re.compile(r"(?:\d[\d,.]*|\b(?:" + _NUMBER_WORDS + r"))\s+(?P<counted>(?:[\w'’-]+\s+){0,2}[\w'’-]+)",
                         re.I)


def asks_for_a_number(q: QuestionInfo) -> bool:
    """Whether `q` asks for a count, a share or a sum ("How many ...?", "What share of ...?", "What is the budget
    ...?"): what the quotes that hold it say in digits or number words."""
    head = set(q.head[:1])
    return (q.wants_number and not q.wants_time) or bool(head & (_SHARE_HEADS | _MONEY_HEADS)) or asks_how_many(q)


def asks_how_many(q: QuestionInfo) -> bool:
    return bool(_ASKS_HOW_MANY.search(q.text)) and not q.wants_time


# A year, a range of years ("2006 - 2024") or a decade ("1970s", "1960's")
_YEAR_OR_RANGE = re.compile(
    rf"(?<!\d)({MODERN_YEAR})(?:(?P<decade>['’]?s\b)|(?:[ \t]*[-–—][ \t]*|[ \t]+(?:to|until|through)[ \t]+)"
    rf"({MODERN_YEAR}))?(?!\d)")


def only_other_years(question: str, holders: Sequence[str], quotes: Sequence[str], counted: bool = False) -> bool:
    """Whether the question names a year, no quote names it (nor a range that holds it), and every quote that holds
    the kind asked (`holders`) names other years: which country hosted a summit "in 2023", only the brochure's "2022
    / - Kazakhstan ... / - Serbia" found; "Who led the reinforcements in 1765?" where the text says 1756. As
    `countries.only_other_countries` is for countries. For a number asked (`counted`: a count, a share, a sum),
    every holder naming other years is enough, whatever the other quotes name: the holders are found by their
    numbers, which tells them surely (a person's name is told less surely: "Louis XIV" reads as none)."""
    if not holders or not _years(question):
        return False
    if counted and all(_years(h) and not names_a_year_asked(question, h) for h in holders):
        return True  # "What percentage of the 2016-2020 plan ...?": the shares quoted are 2011-2015's and 2021-2025's
    return not any(names_a_year_asked(question, q) for q in quotes) and all(_years(h) for h in holders)


def a_year_its_documents_never_name(question: str, documents: Sequence[str]) -> bool:
    """Whether the question names a year that none of the quoted documents names (nor a range or decade that holds
    it): "What was ICU mortality in the closed format group in 2010?" of a study that writes 1996-1998, 2000 and
    2003-2005 asks what it does not say, and "How long has the cell line been in culture in 2015?" of one that
    names no year at all."""
    return (bool(documents) and bool(_years(question))
            and not any(names_a_year_asked(question, d) for d in documents))


def names_a_year_asked(question: str, text: str) -> bool:
    """Whether the text names a year the question names, or a range or decade that overlaps it."""
    return any(lo <= high and low <= hi for low, high in _years(question) for lo, hi in _years(text))


def labelled_by_a_year_asked(question: str, text: str) -> bool:
    """Whether the text opens with a line that is only a year (or range) the question names: "2022" over "-
    Kazakhstan (2 missions)" / "- Serbia" for the countries where elections were monitored in 2022."""
    first = text.split("\n", 1)[0].strip()
    return _YEAR_OR_RANGE.fullmatch(first) is not None and names_a_year_asked(question, first)


def _years(text: str) -> list[tuple[int, int]]:
    """The years a text names, each as (first, last): "1970s" is (1970, 1979), "2006 - 2024" and "1996 to 1998" from
    the first to the last."""
    spans = []
    for m in _YEAR_OR_RANGE.finditer(text):
        first = int(m.group(1))
        last = first + 9 if m.group("decade") else int(m.group(3) or first)
        spans.append((first, last))
    return spans
