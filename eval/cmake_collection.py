"""A whole command reference in reStructuredText: every page of CMake's commands (127, Debian's cmake-data installs
them in /usr/share/cmake-*/Help/command; BSD-3-Clause) and the cmake-language(7) and cmake-variables(7) manuals, read
from this machine, not copied into this repository. Each command's page sets its keywords alone over what they do
("``ALL``" / "Indicate that this target should be added to the default build ..."), often with a version note
between, and states since which version a form of the command exists under it ("foreach(<loop_var>... IN ZIP_LISTS
<lists>)" / "New in version 3.17."). The Sphinx collection (eval/sphinx_collection.py) holds six of these pages among
others; this one is the reference a developer indexes whole. `eval/cmake_questions.jsonl` asks of it as a developer
would (75 questions, 55 answerable, written on 2026-12-07 by helpers who read only the pages, each batch before it was
first asked: k01-k45, which the rules of that day were written on, then k46-k75 of other pages, held out from the
keyword rules; k56 then led to one more).

    python -m eval.cmake_collection OUT [--source CMAKE_HELP_DIR]

writes the folder; `citeqa eval --corpus OUT --questions eval/cmake_questions.jsonl` measures it.
"""

from __future__ import annotations

from pathlib import Path

from eval.collection_cli import copy_files, write_collection
from eval.sphinx_collection import cmake_help

CMAKE_QUESTIONS = Path(__file__).with_name("cmake_questions.jsonl")
MANUALS = ("cmake-language.7", "cmake-variables.7")
COMMANDS = 127  # the pages of CMake 3.25's command reference


def _files(help_dir: Path) -> dict[str, Path]:
    """Each page of the collection by its name in the collection (its file name: the document id)."""
    commands = {page.name: page for page in sorted((help_dir / "command").glob("*.rst"))}
    return commands | {f"{manual}.rst": help_dir / "manual" / f"{manual}.rst" for manual in MANUALS}


def cmake_commands_available(help_dir: Path | None = None) -> bool:
    files = _files(help_dir or cmake_help())
    return len(files) >= COMMANDS + len(MANUALS) and all(path.is_file() for path in files.values())


def cmake_commands_collection(out: Path, help_dir: Path | None = None) -> Path:
    """The collection's folder `out`: each command's page and the two manuals as CMake ships them."""
    help_dir = help_dir or cmake_help()
    return copy_files(_files(help_dir), out, f"CMake's reference is read from Debian's cmake-data ({help_dir}, or pass "
                      "--source DIR).")


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.cmake_collection", __doc__, cmake_commands_collection, cmake_help(),
                            "the Help folder of CMake's documentation")


if __name__ == "__main__":
    raise SystemExit(main())
