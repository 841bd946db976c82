"""Question sets as users type them: in small letters only, or with one misspelt word each.

Measures how an answer holds up when a question is not written with care ("who chairs the senate of
kazakhstan?", "How many deputeis make up Armenia's delegation?"). Deterministic: the same question and seed
give the same typo, whatever else the set holds, so a figure can be measured again and gated.

    python -m eval.perturb typos eval/questions.jsonl > /tmp/questions-typos.jsonl
    python -m eval.perturb lower ../shared/bench/squad2-dev/squad2-dev-half.json > /tmp/squad-lower.json
    citeqa eval --questions /tmp/questions-typos.jsonl

A JSON Lines question set comes out as JSON Lines, a SQuAD file as a SQuAD file; only the questions (and a
follow-up's earlier questions) change.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable

from eval.questions import Question
from retrieval.text import QUESTION_WORDS, STOP_WORDS

SEED = 20261205
TYPO_MIN_LENGTH = 5  # a misspelt word has at least this many letters, as the words people misspell mostly do
_WORD = re.compile(rf"[A-Za-z]{{{TYPO_MIN_LENGTH},}}")
_EDITS = ("swap", "drop", "insert", "replace")


def in_small_letters(question: str, rng: random.Random | None = None) -> str:
    return question.lower()


def with_a_typo(question: str, rng: random.Random) -> str:
    """One word of the question that carries meaning, misspelt by one edit inside it (two letters swapped, one
    dropped, one inserted or one replaced: the first and last letters stay); unchanged without such a word."""
    words = [m for m in _WORD.finditer(question) if m.group().lower() not in STOP_WORDS | QUESTION_WORDS]
    if not words:
        return question
    match = rng.choice(words)
    word, at = match.group(), rng.randrange(1, len(match.group()) - 1)
    edit = rng.choice(_EDITS)
    if edit == "swap":
        typo = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif edit == "drop":
        typo = word[:at] + word[at + 1 :]
    elif edit == "insert":
        typo = word[:at] + rng.choice("aeiou") + word[at:]
    else:
        typo = word[:at] + rng.choice("aeioustrn".replace(word[at].lower(), "")) + word[at + 1 :]
    return question[: match.start()] + typo + question[match.end() :]


PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {"lower": in_small_letters, "typos": with_a_typo}


def _rng(seed: int, question: str) -> random.Random:
    """Each question's own generator: its typo does not depend on which questions come before it."""
    return random.Random(f"{seed}:{question}")


def perturbed(question: str, how: Callable[[str, random.Random], str], seed: int = SEED) -> str:
    return how(question, _rng(seed, question))


def perturbed_lines(lines: list[dict], how: Callable[[str, random.Random], str], seed: int = SEED) -> list[dict]:
    """A JSON Lines question set's objects with each question (and each of its `after`) perturbed."""
    out = []
    for obj in lines:
        obj = dict(obj, question=perturbed(obj["question"], how, seed))
        if "after" in obj:
            obj["after"] = [perturbed(q, how, seed) for q in obj["after"]]
        out.append(obj)
    return out


def perturbed_questions(questions: list[Question], how: Callable[[str, random.Random], str],
                        seed: int = SEED) -> list[Question]:
    """Loaded questions (`eval.questions`) with each question (and each of its `after`) perturbed."""
    return [replace(q, question=perturbed(q.question, how, seed), after=tuple(perturbed(a, how, seed) for a in q.after))
            for q in questions]


def perturbed_squad(data: dict, how: Callable[[str, random.Random], str], seed: int = SEED) -> dict:
    """A SQuAD file's data with each question perturbed."""
    data = json.loads(json.dumps(data))
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                qa["question"] = perturbed(qa["question"], how, seed)
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.perturb", description=__doc__.split("\n\n")[0])
    parser.add_argument("how", choices=sorted(PERTURBATIONS))
    parser.add_argument("path", type=Path, help="a JSON Lines question set or a SQuAD 2.0 JSON file")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    how = PERTURBATIONS[args.how]
    text = args.path.read_text(encoding="utf-8")
    if args.path.suffix == ".json":
        json.dump(perturbed_squad(json.loads(text), how, args.seed), sys.stdout)
        return 0
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    for obj in perturbed_lines(lines, how, args.seed):
        print(json.dumps(obj, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
