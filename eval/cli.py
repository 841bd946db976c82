"""`citeqa eval`: check the input, run the evaluation, print the table or the JSON, write the report.

Input is read and checked before the model and index are loaded, so a wrong path or a malformed
line is refused at once. With --json stdout carries the one JSON object and nothing else:
progress bars and anything a library prints go to stderr.
"""

from __future__ import annotations

import contextlib
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from citeqa.errors import SettingsError
from citeqa.settings import Settings
from eval.beir import SPLIT, BeirSet, load_beir
from eval.questions import DEFAULT_QUESTIONS, QuestionSet, limited, load_questions
from eval.squad import SquadSet, load_squad

ALL_MODES = ("dense", "lexical", "hybrid")
CONTRACT_KEYS = ("modes", "questions")


@dataclass(frozen=True)
class EvalRequest:
    """What `citeqa eval` was asked to do (the command line's flags, without argparse)."""

    questions: Path | None = None  # a JSON Lines question set (default eval/questions.jsonl)
    beir: Path | None = None  # or a BEIR folder
    split: str = SPLIT  # the BEIR folder's qrels split
    squad: Path | None = None  # or a SQuAD 2.0 JSON file
    mode: str = "hybrid"  # a retrieval mode, or "all"
    json: bool = False
    out: Path | None = None
    limit: int | None = None


def run_eval_command(args: EvalRequest, settings: Settings) -> int:
    modes = ALL_MODES if args.mode == "all" else (args.mode,)
    if args.split != SPLIT and args.beir is None:
        raise SettingsError(f"--split {args.split} chooses a BEIR folder's qrels: give the folder with --beir.")
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise SettingsError(f"--out {args.out} is a file: give a folder for result.json, report.md and chart.png.")
    source = load_input(args)

    from citeqa.progress import TqdmProgress
    from eval.report import format_table, write_outputs  # the heavy imports, once the input is known good
    from eval.runner import evaluate

    with TqdmProgress() as progress, contextlib.redirect_stdout(sys.stderr):
        result = evaluate(settings, source, modes, progress)
        written = write_outputs(result, args.out) if args.out is not None else []
    if args.json:  # exactly the DESIGN.md contract; result.json (--out) adds the run's details
        payload = result.to_json()
        print(json.dumps({key: payload[key] for key in CONTRACT_KEYS}, ensure_ascii=False))
    else:
        print(format_table(result))
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def load_input(args: EvalRequest) -> QuestionSet | BeirSet | SquadSet:
    """The question set (default eval/questions.jsonl), BEIR folder or SQuAD file, read, checked and cut
    to --limit."""
    if args.squad is not None:
        squad = load_squad(args.squad)
        return replace(squad, questions=limited(squad.questions, args.limit))
    if args.beir is not None:
        beir = load_beir(args.beir, args.split)
        return replace(beir, questions=limited(beir.questions, args.limit))
    path = args.questions or DEFAULT_QUESTIONS
    return QuestionSet(path, limited(load_questions(path), args.limit))
