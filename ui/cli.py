"""The `citeqa` command line: index, ask, serve, eval. Thin: it parses flags and prints results.

Errors a user can act on are printed as one line on stderr with the exit code they carry
(2 for a wrong setting or a missing corpus, 1 otherwise); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from citeqa.errors import CiteqaError
from citeqa.settings import MODES, Settings


def _settings(args: argparse.Namespace, *names: str) -> Settings:
    return Settings.load(**{n: getattr(args, n, None) for n in names})


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", type=Path, help="corpus folder (env CITEQA_CORPUS, default ./corpus)")
    p.add_argument("--index", type=Path, help="index folder (env CITEQA_INDEX, default ./.citeqa/index)")
    p.add_argument("--model", help="sentence-transformers model name or path (env CITEQA_MODEL)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="citeqa", description="Answers questions by quoting your documents.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="build or update the index of the corpus")
    _add_common(p)
    p.add_argument("--full", action="store_true", help="re-embed everything instead of updating")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("ask", help="answer one question")
    _add_common(p)
    p.add_argument("question")
    p.add_argument("--k", type=int, help="passages to retrieve (default 5)")
    p.add_argument("--mode", choices=MODES, help="retrieval mode (default hybrid)")
    p.add_argument("--doc", action="append", default=[], metavar="ID", help="restrict to this document (repeatable)")
    p.add_argument("--date-from", help="only documents dated on or after YYYY-MM-DD")
    p.add_argument("--date-to", help="only documents dated on or before YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print one JSON object")

    p = sub.add_parser("serve", help="start the chat")
    _add_common(p)
    p.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 7860)")
    p.add_argument("--auth", metavar="USER:PASS",
                   help="login the page and its API ask for (env CITEQA_AUTH, which `ps` does not show); "
                        "required to listen beyond this machine")
    p.add_argument("--insecure", action="store_true", default=None,
                   help="serve beyond this machine without a login (env CITEQA_INSECURE=1)")

    p = sub.add_parser("eval", help="evaluate on labeled questions, a BEIR folder or a SQuAD 2.0 file")
    _add_common(p)
    src = p.add_mutually_exclusive_group()
    src.add_argument("--questions", type=Path, help="JSON Lines question set (default eval/questions.jsonl)")
    src.add_argument("--beir", type=Path, help="a BEIR folder: corpus.jsonl, queries.jsonl, qrels/test.tsv")
    src.add_argument("--squad", type=Path, help="a SQuAD 2.0 JSON file: each article a document, adds exact/F1")
    p.add_argument("--split", default="test", help="with --beir: the qrels split to evaluate (default test; "
                   "train or dev to compare settings without the test queries)")
    p.add_argument("--mode", choices=[*MODES, "all"], default="hybrid")
    p.add_argument("--k", type=int, help="passages per question (default 5)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.add_argument("--out", type=Path, help="folder for result JSON, Markdown report and chart")
    p.add_argument("--limit", type=int, help="evaluate only the first N questions")
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="citeqa: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CiteqaError as exc:
        print(f"citeqa: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("citeqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader stopped reading (`citeqa ask ... | head -1`): not an error to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the flush at exit fails no more
        return 141  # as a process killed by SIGPIPE, what the shell expects of `yes | head`


def cmd_index(args: argparse.Namespace) -> int:
    from citeqa.progress import TqdmProgress
    from ingest.pipeline import build_index

    settings = _settings(args, "corpus", "index", "model")
    with TqdmProgress() as progress:
        summary = build_index(settings, full=args.full, progress=progress)
    if args.json:
        print(json.dumps(summary.to_json(), indent=2))
    else:
        print(summary.format())
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from citeqa.types import Filters
    from retrieval.service import build_service, validate_question

    validate_question(args.question)  # refuse an empty question before loading anything
    settings = _settings(args, "corpus", "index", "model", "k", "mode")
    answer = build_service(settings).ask(
        args.question, filters=Filters(tuple(args.doc), args.date_from, args.date_to)
    )
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return 0
    if answer.read_as:
        print(f"Read as: {answer.read_as}\n")
    print(answer.answer)  # the short answer first, then the quotes
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            print(f"  [{c.n}] {c.title} ({c.doc_id}, characters {c.start}-{c.end})")
    elif answer.passages:
        print("\nRelated passages:")
        for p in answer.passages[:3]:
            print(f"  - {p.title} ({p.doc_id}, characters {p.start}-{p.end}): {_snippet(p.text)}")
    return 0


def _snippet(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import serve

    serve(_settings(args, "corpus", "index", "model", "host", "port", "auth", "insecure"))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from eval.cli import EvalRequest, run_eval_command

    request = EvalRequest(questions=args.questions, beir=args.beir, split=args.split, squad=args.squad, mode=args.mode,
                          json=args.json, out=args.out, limit=args.limit)
    return run_eval_command(request, _settings(args, "corpus", "index", "model", "k"))


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "serve": cmd_serve, "eval": cmd_eval}

if __name__ == "__main__":
    sys.exit(main())
