"""A twelfth kind of collection, a programming book saved as HTML: eighteen chapters of "The Rust Programming Language"
as mdBook renders it, which rustup installs with the Rust toolchain's documentation (~/.rustup/toolchains/*/share/doc/
rust/html/book). Each page has mdBook's furniture (a keyboard help pop-up, a menu bar with the book's title, a theme
menu), long explanations in running prose, code examples after a sentence that ends in a colon (often under a
"Filename: src/main.rs" caption), and lists under headings. A book names what it explains beside its kind ("the const
keyword", "a common method called clone") rather than under a heading of its own. Read from this machine (MIT or
Apache-2.0; not copied into this repository). `eval/rustbook_questions.jsonl` asks of it as a programmer learning the
language would (94 questions, 77 answerable, written on 2026-12-07 in three batches, each before it was first asked:
n01-n50 of the first ten chapters, r01-r24 of four more held out from the rules the first led to, t01-t20 of the last
four, held out from all of them).

    python -m eval.rustbook_collection OUT [--source DIR]

writes the folder; `citeqa eval --corpus OUT --questions eval/rustbook_questions.jsonl` measures it.
"""

from __future__ import annotations

from pathlib import Path

from eval.collection_cli import copy_pages, write_collection

RUSTBOOK_QUESTIONS = Path(__file__).with_name("rustbook_questions.jsonl")
RUSTBOOK_SCENE_QUESTIONS = Path(__file__).with_name("rustbook_scene_questions.jsonl")  # the case told first
RUSTBOOK_PAGES = (  # the first batch's ten chapters, then the second's four, then the third's four
    "ch03-01-variables-and-mutability", "ch03-02-data-types", "ch03-05-control-flow", "ch04-01-what-is-ownership",
    "ch04-02-references-and-borrowing", "ch08-01-vectors", "ch08-02-strings", "ch08-03-hash-maps",
    "ch09-02-recoverable-errors-with-result", "ch14-01-release-profiles",
    "ch11-02-running-tests", "ch14-02-publishing-to-crates-io", "ch15-01-box", "ch16-01-threads",
    "ch05-01-defining-structs", "ch06-02-match", "ch07-01-packages-and-crates", "ch13-01-closures")


def rustbook_source(home: Path = Path.home()) -> Path:
    """The book of the first toolchain rustup installed with its documentation, stable first."""
    return toolchain_book("book", home)


def toolchain_book(name: str, home: Path = Path.home()) -> Path:
    """The folder of the book `name` ("book", "cargo") in the first toolchain rustup installed with its documentation,
    stable first."""
    books = sorted(home.glob(f".rustup/toolchains/*/share/doc/rust/html/{name}"),
                   key=lambda book: (not book.parts[-6].startswith("stable"), str(book)))
    return books[0] if books else home / f".rustup/toolchains/stable/share/doc/rust/html/{name}"


def rustbook_available(source: Path | None = None) -> bool:
    source = source or rustbook_source()
    return all((source / f"{page}.html").is_file() for page in RUSTBOOK_PAGES)


def rustbook_collection(out: Path, source: Path | None = None) -> Path:
    """The collection's folder `out`: each chapter as rustup installs it."""
    return copy_pages(source or rustbook_source(), out, RUSTBOOK_PAGES, "the book is read from the Rust toolchain's "
                      "documentation (rustup component add rust-docs, or pass --source DIR).")


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.rustbook_collection", __doc__, rustbook_collection,
                            rustbook_source(), "the folder of the Rust book's HTML pages")


if __name__ == "__main__":
    raise SystemExit(main())
