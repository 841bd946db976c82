"""Whether a text names a country: the countries of ISO 3166 (pycountry) by their names, short names and
former names, the common names they go by ("Russia", "Britain", "the U.S."), and the words for their
people ("Kazakh", "Belarusian", "French"), which name the country as plainly ("the Kazakh delegation").

"Which country hosted the summit?" is answered only by a text that names one: quotes about the summit
that name no country cannot say which, and the answer finder refuses rather than show them.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Sequence

from retrieval.iso_codes import entries

# Names in use that ISO 3166 words otherwise, and former states history still names.
_COMMON_NAMES = (
    "Russia", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland", "Holland", "America",
    "USA", "U.S.A.", "U.S.", "US", "UK", "U.K.", "Soviet Union", "USSR", "Prussia", "Persia", "Burma", "Siam",
    "Ceylon", "Ottoman Empire", "Byzantine Empire", "Roman Empire", "Holy Roman Empire", "Korea", "North Korea",
    "South Korea", "Taiwan", "Czech Republic", "Macedonia", "Swaziland", "Zaire", "Yugoslavia", "Czechoslovakia",
    "East Germany", "West Germany", "Vatican", "Moldova", "Laos", "Syria", "Iran", "Venezuela", "Bolivia",
    "Tanzania", "Vietnam", "Brunei", "Micronesia", "Palestine", "Kosovo", "Ivory Coast", "Cape Verde",
    "Congo", "Mongol Empire", "Abyssinia", "Rhodesia", "Bohemia", "Castile", "Aragon", "Sardinia", "Savoy",
    "Bavaria", "Saxony", "Muscovy", "Carthage",
)
# The words for a country's people that do not begin with the country's name ("French" is not "France...").
_PEOPLE = (
    "French", "British", "English", "Scottish", "Scots", "Welsh", "Irish", "Dutch", "Spanish", "Danish", "Polish",
    "Swiss", "Portuguese", "Norwegian", "Finnish", "Belgian", "Icelandic", "Chinese", "Japanese", "Vietnamese",
    "Thai", "Filipino", "Philippine", "Burmese", "Lao", "Kyrgyz", "Tajik", "Uzbek", "Turkmen", "Azerbaijani",
    "Azeri", "Georgian", "Armenian", "Belarusian", "Byelorussian", "Ukrainian", "Moldovan", "Lithuanian", "Latvian",
    "Estonian", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Serbian", "Croatian", "Slovenian",
    "Bosnian", "Albanian", "Macedonian", "Greek", "Cypriot", "Maltese", "Turkish", "Israeli", "Lebanese",
    "Iraqi", "Kuwaiti", "Saudi", "Emirati", "Qatari", "Omani", "Yemeni", "Egyptian", "Libyan", "Moroccan",
    "Algerian", "Tunisian", "Sudanese", "Ethiopian", "Somali", "Kenyan", "Nigerian", "Ghanaian", "Congolese",
    "Malagasy", "Afghan", "Pakistani", "Bangladeshi", "Nepalese", "Sri Lankan", "Mexican", "Cuban", "Peruvian",
    "Chilean", "Argentine", "Argentinian", "Brazilian", "Colombian", "Venezuelan", "Canadian", "American",
    "Australian", "New Zealand", "Soviet", "Prussian", "Persian", "Ottoman", "Byzantine", "Roman", "Flemish",
    "Frankish", "Saxon", "Bavarian", "Castilian", "Kazakh", "Russian", "German", "Italian", "Indian",
    "Korean", "Swedish", "Iranian", "Syrian", "Austrian", "Mongolian", "Mongol", "Tibetan", "Manchu",
)


# One key per country for the names that do not begin as the country's name does (the key of the rest is its
# first five letters: "Kazakh" and "Kazakhstan" -> "kazak", "Belarusian" and "Belarus" -> "belar").
_SAME_COUNTRY = {
    "french": "franc", "british": "unite", "english": "unite", "england": "unite", "britain": "unite",
    "great britain": "unite", "scotland": "unite", "scottish": "unite", "scots": "unite", "wales": "unite",
    "welsh": "unite", "uk": "unite", "u.k.": "unite", "dutch": "nethe", "holland": "nethe", "spanish": "spain",
    "danish": "denma", "polish": "polan", "swiss": "switz", "chinese": "china", "irish": "irela", "norwegian": "norwa",
    "finnish": "finla", "icelandic": "icela", "philippine": "phili", "filipino": "phili", "burmese": "burma",
    "lao": "laos", "azeri": "azerb", "greek": "greec", "cypriot": "cypru", "turkish": "turke", "emirati": "unite arab",
    "united arab emirates": "unite arab", "yemeni": "yemen", "somali": "somal", "malagasy": "madag",
    "afghan": "afgha", "nepalese": "nepal", "argentine": "argen", "american": "unite states", "america": "unite states",
    "us": "unite states", "u.s.": "unite states", "usa": "unite states", "u.s.a.": "unite states",
    "united states": "unite states", "united states of america": "unite states", "soviet": "sovie", "ussr": "sovie",
    "soviet union": "sovie", "byelorussian": "belar", "russian federation": "russi", "kyrgyz republic": "kyrgy",
    "united kingdom": "unite", "east germany": "germa", "west germany": "germa",
}


@functools.lru_cache(maxsize=1024)  # the question's, and each quote's, are asked for more than once per answer
def countries_named(text: str) -> frozenset[str]:
    """The countries `text` names, one key each whatever the name or the people's word ("Kazakhstan's", "the
    Kazakh delegation" and "KAZAKHSTAN" name one country; "Belarus" and "Armenia" two)."""
    keys = set()
    for found in _country_pattern().finditer(text):
        name = " ".join(found.group().lower().split())
        for article in ("the ", "republic of ", "islamic republic of "):
            name = name.removeprefix(article)
        keys.add(_SAME_COUNTRY.get(name, name[:5]))
    return frozenset(keys)


@functools.lru_cache(maxsize=256)
def names_of(key: str) -> tuple[str, ...]:
    """Every name and people's word of the country `countries_named` keys as `key` ("kazak": "Kazakhstan",
    "Kazakh"; "unite": "United Kingdom", "Britain", "British", "English", ...)."""
    return tuple(sorted(n for n in _country_names() if countries_named(n) == frozenset({key})))


def with_peoples_words(names: Iterable[str]) -> set[str]:
    """The names and, for each one-word name, the words its people may go by that the list of peoples lacks
    ("Palestinian" of "Palestine", "Kenyan", "Sudanese", "Israeli"): a text that names a country only by them
    still speaks of it."""
    out = set(names)
    for name in names:
        if " " not in name:
            stem = name[:-1] if name[-1:] in "ae" else name
            out |= {name + "n", name + "ns", stem + "an", stem + "ian", stem + "ians", name + "ese", name + "i"}
    return out


def country_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a country or its people, (start, end) each."""
    return [found.span() for found in _country_pattern().finditer(text)]


def without_countries(text: str) -> str:
    """The text with the countries it names left out ("the Senate of the Republic of Kazakhstan" -> "the Senate of
    the "): what is left names the body."""
    return _country_pattern().sub(" ", text)


def only_other_countries(question: str, quotes: Sequence[str]) -> bool:
    """Whether the question names a country and every quote names another one, never the question's (the
    Belarusian delegation asked, only "... OF ARMENIA TO THE CSTO PA CONSISTS OF 14 DEPUTIES" found)."""
    asked = countries_named(question)
    return bool(asked) and bool(quotes) and all((named := countries_named(q)) and not asked & named for q in quotes)


def names_a_country(text: str) -> bool:
    """Whether `text` names a country or its people (whole words, as written: "Kazakhstan", "the Kazakh
    side", "the U.S.")."""
    return bool(_country_pattern().search(text))


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The one-word names of countries and their peoples, as written ("Uzbekistan", "Belarusian", "USA"), but those
    that are also common English words in small letters ("Turkey", "Chad", "Guinea")."""
    return frozenset(n for n in _country_names() if " " not in n and "." not in n and n.lower() not in _COMMON_WORDS)


_COMMON_WORDS = frozenset("us turkey chad guinea jersey china".split())


@functools.lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = set(_COMMON_NAMES) | set(_PEOPLE)
    for country in entries("countries") + entries("historic_countries"):
        for attribute in ("name", "common_name", "official_name"):
            name = country.get(attribute)
            if name:
                names.add(name)
                names.add(name.split(",")[0])  # "Iran, Islamic Republic of" -> "Iran"
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    names = _country_names()
    # Longest first, so that "United States of America" is tried before "United States". Any case ("KYRGYZ
    # REPUBLIC" in a heading), but an abbreviation only in capitals ("US", not "us").
    ordered = sorted(names, key=len, reverse=True)
    words = "|".join(re.escape(n) for n in ordered if len(n) > 3 and "." not in n)
    abbreviations = "|".join(re.escape(n) for n in ordered if len(n) > 1 and (len(n) <= 3 or "." in n))
    return re.compile(rf"(?<![\w.])(?:(?i:{words})|{abbreviations})(?![\w])")
