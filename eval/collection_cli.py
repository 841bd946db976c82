"""The command line of a script that writes an evaluation collection from files outside the repository
(`python -m eval.scifact_collection OUT`, `python -m eval.news_collection OUT`): one folder out, one source folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable


def write_collection(argv: list[str] | None, prog: str, doc: str, write: Callable[[Path, Path], Path],
                     source: Path, source_help: str) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write the collection to")
    parser.add_argument("--source", type=Path, default=source, help=source_help)
    args = parser.parse_args(argv)
    print(write(args.out, args.source))
    return 0
