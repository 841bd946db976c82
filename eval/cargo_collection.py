"""A fifteenth kind of collection, a tool's whole manual saved as HTML: "The Cargo Book" as mdBook renders it, which
rustup installs with the Rust toolchain's documentation (~/.rustup/toolchains/*/share/doc/rust/html/cargo: 102 pages,
its guide, its reference of manifest keys, configuration keys, profiles and environment variables, one page per command
and its change log). A user saves the folder as it is; only mdBook's two pages of the whole book over again (print.html,
the book on one page, and toc.html, its menu) are left out. The reference writes a setting as a heading in code
("build.jobs") over "Type:", "Default:" and "Environment:" lines; a command page lists its options as definition terms
("--release") over what they do. Read from this machine (MIT or Apache-2.0; not copied into this repository).
`eval/cargo_questions.jsonl` asks of it as a Rust developer would (208 questions, 156 answerable, written on 2026-12-07
in five batches, each before it was first asked: c01-c44 of ten reference and guide pages, the batch the first rules
were written on; d01-d44 of fourteen other reference and command pages, held out from the rules of c and e, then
opened; e01-e40 of eighteen more, written after the first rules; f01-f40 and g01-g40 of twenty more each, held out
from all of them).

    python -m eval.cargo_collection OUT [--source DIR]

writes the folder (each page under its path in the book); `citeqa eval --corpus OUT --questions
eval/cargo_questions.jsonl` measures it.
"""

from __future__ import annotations

from pathlib import Path

from eval.collection_cli import copy_files, write_collection
from eval.pip_collection import asked_pages
from eval.rustbook_collection import toolchain_book

CARGO_QUESTIONS = Path(__file__).with_name("cargo_questions.jsonl")
CARGO_SCENE_QUESTIONS = Path(__file__).with_name("cargo_scene_questions.jsonl")  # the case told first
WHOLE_BOOK_AGAIN = {"print.html", "toc.html"}


def cargo_source(home: Path = Path.home()) -> Path:
    return toolchain_book("cargo", home)


def cargo_pages(source: Path) -> dict[str, Path]:
    """Each page of the book by its path in it ("reference/profiles.html")."""
    return {path.relative_to(source).as_posix(): path for path in sorted(source.rglob("*.html"))
            if path.relative_to(source).as_posix() not in WHOLE_BOOK_AGAIN}


def cargo_available(source: Path | None = None) -> bool:
    return asked_pages(CARGO_QUESTIONS) <= set(cargo_pages(source or cargo_source()))


def cargo_collection(out: Path, source: Path | None = None) -> Path:
    """The collection's folder `out`: every page of the book under its path; the pages the questions cite that are
    missing named before anything is written."""
    source = source or cargo_source()
    pages = cargo_pages(source)
    where_from = ("the Cargo Book is read from the Rust toolchain's documentation (rustup component add rust-docs, or "
                  "pass --source DIR).")
    return copy_files({**pages, **{page: source / page for page in asked_pages(CARGO_QUESTIONS) - set(pages)}}, out,
                      where_from)


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.cargo_collection", __doc__, cargo_collection, cargo_source(),
                            "the folder of the Cargo Book's HTML pages")


if __name__ == "__main__":
    raise SystemExit(main())
