"""The command line of a script that writes an evaluation collection from files outside the repository
(`python -m eval.scifact_collection OUT`, `python -m eval.news_collection OUT`): one folder out, one source folder."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Callable, Mapping, Sequence

from citeqa.errors import InputNotFound


def write_collection(argv: list[str] | None, prog: str, doc: str, write: Callable[[Path, Path], Path],
                     source: Path, source_help: str) -> int:
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to write the collection to")
    parser.add_argument("--source", type=Path, default=source, help=source_help)
    args = parser.parse_args(argv)
    print(write(args.out, args.source))
    return 0


def copy_pages(source: Path, out: Path, pages: Sequence[str], where_from: str) -> Path:
    """The folder `out` with each page `<page>.html` of `source` copied as it is; the pages missing named, with where
    they come from (`where_from`), before anything is written."""
    return copy_files({f"{page}.html": source / f"{page}.html" for page in pages}, out, where_from)


def copy_files(files: Mapping[str, Path], out: Path, where_from: str) -> Path:
    """The folder `out` with each file of `files` (its name in `out` -> where it is) copied as it is; the files missing
    named, with where they come from (`where_from`), before anything is written."""
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        raise InputNotFound(f"no {', '.join(missing)}: {where_from}")
    for name, path in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out / name)
    return out
