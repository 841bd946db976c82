"""Made-up directory pages for training the answer finder on layouts that SQuAD's prose lacks.

Brochures, reports and member lists set a person's name on a line of its own with their titles on the
lines below ("Anna Petrova" / "Chairwoman of the Committee on Defence"), or a label above its value.
SQuAD's Wikipedia paragraphs never do, so a span model trained on them alone prefers a capitalised
title ("State Duma") to the name a "Who chairs ..." question asks for. These pages, generated from a
seed with invented names and bodies, teach the layout, not any real fact: questions ask for a name
given a title, for a title given a name, and, unanswerably, for a title that no block holds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from citeqa.types import Document
from eval.questions import Question
from ingest.clean import clean_text
from ingest.load import LoadedCorpus

FIRST = ("Anna", "Boris", "Chen", "Dilnoza", "Erik", "Farida", "Gustav", "Hana", "Ivo", "Jelena", "Karim", "Lena",
         "Marek", "Nadia", "Oskar", "Petra", "Rustam", "Sofia", "Tomas", "Ulla", "Viktor", "Zarina")
LAST = ("Petrova", "Ivanov", "Wei", "Karimova", "Larsen", "Aliyeva", "Brandt", "Novak", "Horvat", "Kovac",
        "Saidov", "Lindqvist", "Dvorak", "Haddad", "Berg", "Marin", "Tursunov", "Ferreira", "Kral", "Nyberg")
ROLES = ("Chairman", "Chairwoman", "Speaker", "Deputy Speaker", "Secretary", "Head", "Vice President", "Director")
BODIES = ("Senate", "Committee on Defence and Security", "National Assembly", "Council of Elders",
          "Standing Commission on Legal Issues", "Chamber of Regions", "Audit Office", "Observer Mission",
          "Committee on Foreign Affairs", "Board of Trustees", "Electoral Commission", "Academy of Sciences")
PLACES = ("Arden", "Belmora", "Corvia", "Dunmark", "Estria", "Fenland", "Galdor", "Hesperia")
FILLER = ("The {body} met twice in the spring session and adopted its work plan.",
          "Members of the {body} reviewed the draft law on public procurement.",
          "The delegation of {place} presented a report on regional cooperation.")


@dataclass(frozen=True)
class Directory:
    corpus: LoadedCorpus
    questions: list[Question]


def directory(seed: int = 0, pages: int = len(PLACES), people: int = 6) -> Directory:
    rng = random.Random(seed)
    documents, questions = [], []
    for page in range(pages):
        place = PLACES[page % len(PLACES)]
        doc_id = f"directory-{seed}-{page}.txt"
        blocks, used = [f"Who is who in {place}"], set()
        for n in range(people):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            titles = []
            for _ in range(rng.choice((1, 2, 2))):
                role, body = rng.choice(ROLES), rng.choice(BODIES)
                if (role, body) in used:
                    continue
                used.add((role, body))
                titles.append(f"{role} of the {body} of {place}")
            if not titles:
                continue
            gap = "\n\n" if rng.random() < 0.7 else "\n\n\n"
            lines = [_wrap(t, rng) for t in titles]
            blocks.append(name + gap + "\n".join(lines) if rng.random() < 0.5 else name + gap + "\n\n".join(lines))
            if rng.random() < 0.6:
                blocks.append(rng.choice(FILLER).format(body=rng.choice(BODIES), place=place))
            qid = f"dir{seed}-{page}-{n}"
            role_body = titles[0].rsplit(" of ", 1)[0]
            role, body = role_body.split(" of the ", 1)
            questions.append(Question(f"{qid}-who", rng.choice((
                f"Who is the {role} of the {body} of {place}?", f"Who is {role.lower()} of the {body} in {place}?",
                f"Who serves as {role} of the {body} of {place}?")), {doc_id: 1}, name, (name,)))
            questions.append(Question(f"{qid}-what", rng.choice((
                f"What position does {name} hold?", f"What is {name}'s role?")), {doc_id: 1}, titles[0],
                (titles[0], role_body)))
            missing = next(b for b in BODIES if (role, b) not in used)
            questions.append(Question(f"{qid}-none", f"Who is the {role} of the {missing} of {place}?"))
        text = clean_text("\n\n\n".join(blocks))
        documents.append(Document(doc_id, f"Who is who in {place}", text, doc_id, f"{seed}-{page}", len(text),
                                  "txt"))
    return Directory(LoadedCorpus(documents, []), questions)


def _wrap(title: str, rng: random.Random) -> str:
    """Sometimes broken over two lines, as narrow columns do (after a joining word, or anywhere)."""
    words = title.split()
    if len(words) < 6 or rng.random() < 0.5:
        return title
    cut = rng.randrange(3, len(words) - 1)
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])
