"""Whether a text names a country: the countries of ISO 3166 (pycountry) by their names, short names and
former names, the common names they go by ("Russia", "Britain", "the U.S."), and the words for their
people ("Kazakh", "Belarusian", "French"), which name the country as plainly ("the Kazakh delegation").

"Which country hosted the summit?" is answered only by a text that names one: quotes about the summit
that name no country cannot say which, and the answer finder refuses rather than show them.
"""

from __future__ import annotations

import functools
import re

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


def names_a_country(text: str) -> bool:
    """Whether `text` names a country or its people (whole words, as written: "Kazakhstan", "the Kazakh
    side", "the U.S.")."""
    return bool(_country_pattern().search(text))


@functools.lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    import pycountry

    names = set(_COMMON_NAMES) | set(_PEOPLE)
    for country in list(pycountry.countries) + list(pycountry.historic_countries):
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name:
                names.add(name)
                names.add(name.split(",")[0])  # "Iran, Islamic Republic of" -> "Iran"
    # Longest first, so that "United States of America" is tried before "United States". Any case ("KYRGYZ
    # REPUBLIC" in a heading), but an abbreviation only in capitals ("US", not "us").
    ordered = sorted(names, key=len, reverse=True)
    words = "|".join(re.escape(n) for n in ordered if len(n) > 3 and "." not in n)
    abbreviations = "|".join(re.escape(n) for n in ordered if len(n) > 1 and (len(n) <= 3 or "." in n))
    return re.compile(rf"(?<![\w.])(?:(?i:{words})|{abbreviations})(?![\w])")
