"""An eleventh kind of collection, a documentation site's pages saved as HTML: fourteen pages of the Node.js API
reference as nodejs.org serves them (path, os, timers, events, child_process, zlib, dns, the command line, errors,
deprecations, readline, tty, querystring, console), which Debian's nodejs package ships in /usr/share/doc/nodejs/api.
Each page has the site's furniture (a "Skip to content" link, a "copy" button under every code example, the module
list), a "History" table of versions and changes under each function ("v15.0.0 | Changed default mode to throw."),
parameter lists with their defaults ("- maxBuffer <number> Largest amount of data ... Default: 1024 * 1024."), and codes
that stand over what they mean ("ERR_INVALID_ARG_TYPE", "DEP0005: Buffer() constructor"). Read from this machine (MIT
licence; not copied into this repository). `eval/nodejs_questions.jsonl` asks of them as a developer would (96
questions, 78 answerable, written on 2026-12-07 in three batches, each before it was first asked: n01-n50 of the first
ten pages, o01-o26 of the same pages after the rules the first led to, r01-r20 of the last four pages, held out from all
of them).

    python -m eval.nodejs_collection OUT [--source /usr/share/doc/nodejs/api]

writes the folder; `citeqa eval --corpus OUT --questions eval/nodejs_questions.jsonl` measures it.
"""

from __future__ import annotations

from pathlib import Path

from eval.collection_cli import copy_pages, write_collection

NODEJS_SOURCE = Path("/usr/share/doc/nodejs/api")
NODEJS_QUESTIONS = Path(__file__).with_name("nodejs_questions.jsonl")
NODEJS_SCENE_QUESTIONS = Path(__file__).with_name("nodejs_scene_questions.jsonl")  # the case told first
NODEJS_PAGES = ("path", "os", "timers", "events", "child_process", "zlib", "dns", "cli", "errors",  # the first two
                "deprecations", "readline", "tty", "querystring", "console")  # batches', then the third's four


def nodejs_available(source: Path = NODEJS_SOURCE) -> bool:
    return all((source / f"{page}.html").is_file() for page in NODEJS_PAGES)


def nodejs_collection(out: Path, source: Path = NODEJS_SOURCE) -> Path:
    """The collection's folder `out`: each page as the package ships it."""
    return copy_pages(source, out, NODEJS_PAGES,
                      "the pages are read from Debian's nodejs package (install it, or pass --source DIR).")


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.nodejs_collection", __doc__, nodejs_collection, NODEJS_SOURCE,
                            "the folder of the Node.js API reference's HTML pages")


if __name__ == "__main__":
    raise SystemExit(main())
