"""A fourteenth kind of collection, Sphinx documentation written in MyST Markdown: pip's documentation as Debian's
python3-pip installs it (/usr/share/doc/python3-pip/html: 74 pages, its topic guides and references in MyST Markdown,
its user guide and command pages in reStructuredText; Debian gzips the longer ones). A MyST page writes Sphinx's
directives as fences ("```{versionadded} 22.2", "````{tab} Linux", "```{note}") and its roles in braces ("{ref}`pip
cache`", "{file}`$HOME/.config/pip/pip.conf`"); read as plain Markdown, a version note lost its version, a tab its label
and a role showed its markup. Read from this machine (MIT; not copied into this repository).
`eval/pip_questions.jsonl` asks of it as a pip user would (98 questions, 77 answerable, written on 2026-12-07 in two
batches, each before it was first asked: p01-p62 of the MyST topic guides and references, q01-q36 of the user guide,
the getting-started page and four more references, held out from the rules the first batch led to).

    python -m eval.pip_collection OUT [--source DIR]

writes the folder (each page under its path in the documentation, decompressed); `citeqa eval --corpus OUT --questions
eval/pip_questions.jsonl` measures it.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from citeqa.errors import InputNotFound
from eval.collection_cli import write_collection

PIP_QUESTIONS = Path(__file__).with_name("pip_questions.jsonl")
PIP_SCENE_QUESTIONS = Path(__file__).with_name("pip_scene_questions.jsonl")  # the case told first
PIP_SOURCE = Path("/usr/share/doc/python3-pip/html")
PAGE_SUFFIXES = (".md", ".rst")


def pip_pages(source: Path = PIP_SOURCE) -> dict[str, Path]:
    """Each page of the documentation by its path in it ("topics/caching.md"), read from the file or its gzip."""
    pages = {}
    for path in sorted(source.rglob("*")):
        name = path.relative_to(source).as_posix().removesuffix(".gz")
        if path.is_file() and name.endswith(PAGE_SUFFIXES):
            pages[name] = path
    return pages


def asked_pages(questions: Path = PIP_QUESTIONS) -> set[str]:
    """The pages the questions cite as their answers' sources."""
    return {doc for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()
            for doc in json.loads(line)["relevant"]}


def pip_available(source: Path = PIP_SOURCE) -> bool:
    return asked_pages() <= set(pip_pages(source))


def pip_collection(out: Path, source: Path = PIP_SOURCE) -> Path:
    """The collection's folder `out`: every page of the documentation, decompressed, under its path; the pages the
    questions cite that are missing named before anything is written."""
    pages = pip_pages(source)
    missing = sorted(asked_pages() - set(pages))
    if missing:
        raise InputNotFound(f"no {', '.join(missing)} in {source}: pip's documentation is read from Debian's "
                            "python3-pip (/usr/share/doc/python3-pip/html, or pass --source DIR).")
    for name, path in pages.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes())
    return out


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.pip_collection", __doc__, pip_collection, PIP_SOURCE,
                            "the folder of pip's documentation pages")


if __name__ == "__main__":
    raise SystemExit(main())
