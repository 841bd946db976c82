"""A deterministic synthetic corpus for benchmarks: thousands of prose documents, no downloads.

    write_synthetic_corpus(folder, n_docs, seed=0) -> list[SyntheticQuestion]

Benchmarks need a corpus far larger than the shipped one, with the texture of real reports
(names, organisations, places, numbers, dates, varied vocabulary) so that tokenising, sentence
splitting, chunking and BM25 do realistic work. Each document is built from seeded random choices
of sentence templates and word lists, and document i depends only on (seed, i): the same
(n_docs, seed) always writes the same bytes, and a small corpus is a prefix of a larger one.

Every document carries one planted sentence with a unique registry code and the person who led
it, so each document comes with a question whose answer (and source) is known.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

FIRST = ("Amara Boris Chen Dalia Emil Farida Gustav Hana Ivan Jonas Kemal Lena Marek Nadia Oskar Priya Quentin "
         "Rosa Samir Tamara Umar Vera Wilhelm Ximena Yusuf Zofia Anton Beatriz Dmitri Elif Fatima Goran Ingrid "
         "Kofi Leila Mateo Noor Olga Pavel Rania Sven Talia Viktor Yara").split()
LAST = ("Abenov Brandt Castillo Demir Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lindqvist Moreau "
        "Nakamura Okafor Petrov Quispe Rahimov Schmidt Tanaka Usmanov Varga Weber Xu Yilmaz Zeller Almeida "
        "Bakirov Costa Dubois Engel Horvat Karimova Novak Orlova Popescu Sato Tkachenko Volkov").split()
CITIES = ("Almaty Bishkek Dushanbe Minsk Yerevan Tashkent Vienna Geneva Tallinn Riga Vilnius Warsaw Prague Sofia "
          "Tbilisi Baku Astana Kazan Novosibirsk Lyon Porto Ghent Utrecht Aarhus Bergen Tampere Krakow Brno "
          "Graz Salzburg Leipzig Dresden Turin Bologna Seville Valencia Gdansk Cluj Plovdiv Osh").split()
ORGS = ("Regional Water Authority|Council of Deputies|Institute of Public Health|Border Cooperation Office|"
        "Chamber of Commerce|Electoral Commission|National Statistics Bureau|Agency for Rural Development|"
        "Parliamentary Assembly|Transport Ministry|Energy Regulatory Board|Academy of Sciences|"
        "Observer Mission|Municipal Planning Department|Civil Defence Directorate|Trade Union Federation|"
        "Committee on Education|Heritage Foundation|Digital Services Agency|Coast Guard").split("|")
TOPICS = ("water supply|election monitoring|railway modernisation|grain exports|flood protection|"
          "vocational training|public procurement|rural broadband|air quality|pension reform|"
          "customs procedures|cultural heritage|hospital capacity|migration statistics|renewable energy|"
          "road safety|archive digitisation|tax administration|forest management|youth employment|"
          "cross-border trade|emergency response|housing construction|court reform|fisheries quotas").split("|")
ADJECTIVES = ("annual preliminary comprehensive regional joint independent revised interim detailed strategic "
              "bilateral technical quarterly national extended provisional comparative consolidated").split()
NOUNS = ("report assessment review survey programme agreement plan study audit framework memorandum "
         "proposal inquiry evaluation roadmap protocol initiative declaration").split()
VERBS = ("approved adopted reviewed published endorsed criticised postponed expanded funded audited "
         "presented amended launched suspended examined").split()
GROUPS = ("delegates experts observers inspectors engineers auditors analysts volunteers officials deputies "
          "researchers teachers physicians farmers contractors").split()
CODE_WORDS = ("KESTREL HERON LYNX ORCHID CEDAR FALCON MARLIN ASPEN BEACON COBALT DELTA EMBER GLACIER HARBOR "
              "IRIS JUNIPER KITE LANTERN MERIDIAN NIMBUS").split()
MONTHS = ("January February March April May June July August September October November December").split()
KINDS = ("Report", "Briefing", "Press release", "Minutes", "Review", "Statement", "Bulletin")

SENTENCES = [
    "The {org} in {city} {verb} the {adj} {noun} on {topic} on {date}.",
    "According to {person}, the {noun} covers {number} {groups} across {count} districts.",
    "Spending on {topic} rose by {percent} compared with the previous year, reaching {money}.",
    "{person} of the {org} said the {noun} would be {verb} before the end of {year}.",
    "A delegation of {number} {groups} from {city} visited {city} to discuss {topic}.",
    "The {adj} {noun} was signed in {city} on {date} by {person} and {person}.",
    "Critics argued that the {noun} on {topic} left {percent} of households without support.",
    "In {year}, the {org} counted {number} applications related to {topic}.",
    "The meeting in {city} ended with a {adj} {noun} that {count} member states {verb}.",
    "Officials from the {org} stressed that {topic} remains a priority for {year}.",
    "{person} chaired the session, which {verb} {count} amendments on {topic}.",
    "Funding of {money} was allocated to {topic} under the {adj} {noun}.",
    "The {org} {verb} its {adj} {noun} after consultations with {number} {groups}.",
    "Between {year} and {year}, participation in {topic} projects grew from {number} to {number} {groups}.",
    "A working group led by {person} will present findings on {topic} in {city} on {date}.",
    "Local {groups} in {city} reported delays of up to {count} weeks in {topic}.",
    "The {noun} sets a target of {percent} for {topic} by {year}.",
    "Representatives of the {org} and the {org} met in {city} to coordinate work on {topic}.",
    "The figures published on {date} show that {number} {groups} took part in the {adj} {noun}.",
    "{person} noted that the {org} had {verb} a similar {noun} in {year}.",
    "Observers described the {adj} {noun} as a step forward for {topic} in the region.",
    "The budget line for {topic} was cut by {percent} after the {noun} was {verb}.",
    "Under the {noun}, each of the {count} regions must report on {topic} every quarter.",
    "The {org} in {city} employs {number} {groups}, most of them working on {topic}.",
]
PLANTED = "The {topic} programme registered under code {code} was led by {leader} of the {org}."
QUESTION = "Who led the programme registered under code {code}?"
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class SyntheticQuestion:
    question: str
    doc_id: str
    answer: str


def write_synthetic_corpus(folder: Path, n_docs: int, seed: int = 0) -> list[SyntheticQuestion]:
    """Write `n_docs` documents `doc-00000.txt`... into `folder`; return one question per document."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    questions = []
    for i in range(n_docs):
        text, question = synthetic_document(i, seed)
        doc_id = f"doc-{i:05d}.txt"
        (folder / doc_id).write_bytes(text.encode("utf-8"))
        questions.append(SyntheticQuestion(question[0], doc_id, question[1]))
    return questions


def synthetic_document(i: int, seed: int = 0) -> tuple[str, tuple[str, str]]:
    """Document i of a corpus: (text, (question, answer)). ~150-600 words in 2-7 paragraphs."""
    rng = random.Random(f"citeqa-synthetic:{seed}:{i}")
    topic = rng.choice(TOPICS)
    code = f"{rng.choice(CODE_WORDS)}-{10000 + i}"
    leader = _person(rng)
    planted = PLANTED.format(topic=topic, code=code, leader=leader, org=rng.choice(ORGS))

    target_words = rng.randint(150, 600)
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < target_words:
        sentences.append(_fill(rng.choice(SENTENCES), rng, topic))
    sentences.insert(rng.randrange(len(sentences) + 1), planted)

    paragraphs = []
    while sentences:
        size = rng.randint(3, 7)
        paragraphs.append(" ".join(sentences[:size]))
        sentences = sentences[size:]
    title = f"{rng.choice(KINDS)}: {rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS)} on {topic} in {rng.choice(CITIES)}"
    header = f"{title}\n\nPublished {_date(rng)}"
    return "\n\n".join([header, *paragraphs]) + "\n", (QUESTION.format(code=code), leader)


def _fill(template: str, rng: random.Random, topic: str) -> str:
    """One sentence: every {slot} gets its own seeded choice; {topic} mostly stays on the document's topic."""
    def value(match: re.Match) -> str:
        slot = match.group(1)
        if slot == "topic":
            return topic if rng.random() < 0.7 else rng.choice(TOPICS)
        return _SLOT_VALUES[slot](rng)

    sentence = re.sub(r"\b([Aa]) ([aeiou])", r"\1n \2", _SLOT.sub(value, template))
    return sentence[0].upper() + sentence[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _date(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1995, 2024)}"


_SLOT_VALUES = {
    "person": _person,
    "date": _date,
    "org": lambda rng: rng.choice(ORGS),
    "city": lambda rng: rng.choice(CITIES),
    "adj": lambda rng: rng.choice(ADJECTIVES),
    "noun": lambda rng: rng.choice(NOUNS),
    "verb": lambda rng: rng.choice(VERBS),
    "groups": lambda rng: rng.choice(GROUPS),
    "year": lambda rng: str(rng.randint(1995, 2024)),
    "count": lambda rng: str(rng.randint(2, 40)),
    "number": lambda rng: f"{rng.randint(12, 48000):,}",
    "percent": lambda rng: f"{rng.randint(2, 85)} percent",
    "money": lambda rng: f"{rng.randint(1, 900)}.{rng.randint(0, 9)} million euros",
}
