"""A thirteenth kind of collection, Sphinx documentation in reStructuredText as its projects write it: thirteen pages of
CMake's reference (commands, ctest(1) and cmake(1), the generator expressions, four variables; BSD-3-Clause), which
Debian's cmake-data installs in /usr/share/cmake-*/Help, and the Python-domain references of six and crcmod (MIT), which
the Google Cloud SDK ships with gsutil. Each describes its options, functions, classes and variables in Sphinx
directives (`.. option::`, `.. function::`, `.. genex::`, `.. variable::`) with version notes inside (`..
versionadded:: 3.21`) and names things with Sphinx's roles (:variable:`CMAKE_INSTALL_PREFIX`); read from this machine,
not copied into this repository. `eval/sphinx_questions.jsonl` asks of it as a developer reading the reference would
(88 questions, 72 answerable, written on 2026-12-07 in two batches, each before it was first asked: c01-c55 of the CMake
pages, h01-h33 of six's and crcmod's, held out from every rule the first batch led to).

    python -m eval.sphinx_collection OUT [--source CMAKE_HELP_DIR]

writes the folder; `citeqa eval --corpus OUT --questions eval/sphinx_questions.jsonl` measures it.
"""

from __future__ import annotations

from pathlib import Path

from eval.collection_cli import copy_files, write_collection

SPHINX_QUESTIONS = Path(__file__).with_name("sphinx_questions.jsonl")
SPHINX_SCENE_QUESTIONS = Path(__file__).with_name("sphinx_scene_questions.jsonl")  # the case told first
PYTHON_REFERENCES = Path("/usr/lib/google-cloud-sdk/platform/gsutil/third_party")  # six's and crcmod's documentation
CMAKE_PAGES = ("command/install", "command/find_package", "command/add_library", "command/target_link_libraries",
               "command/add_custom_command", "command/cmake_minimum_required", "manual/ctest.1", "manual/cmake.1",
               "manual/cmake-generator-expressions.7", "variable/CMAKE_BUILD_TYPE", "variable/CMAKE_INSTALL_PREFIX",
               "variable/CMAKE_EXPORT_COMPILE_COMMANDS", "variable/CMAKE_CXX_STANDARD")
PYTHON_PAGES = {"six.rst": "six/documentation/index.rst", "crcmod.rst": "crcmod/docs/source/crcmod.rst",
                "crcmod.predefined.rst": "crcmod/docs/source/crcmod.predefined.rst"}


def cmake_help(root: Path = Path("/usr/share")) -> Path:
    """The Help folder of the newest CMake whose documentation is installed."""
    helps = sorted(root.glob("cmake-*/Help"), key=lambda help_dir: [int(p) for p in help_dir.parent.name[6:].split(".")
                                                                     if p.isdigit()])
    return helps[-1] if helps else root / "cmake/Help"


def _files(cmake: Path, python: Path) -> dict[str, Path]:
    """Each page of the collection by its name in the collection (its file name: the document id)."""
    pages = {f"{Path(page).name}.rst": cmake / f"{page}.rst" for page in CMAKE_PAGES}
    return pages | {name: python / page for name, page in PYTHON_PAGES.items()}


def sphinx_available(cmake: Path | None = None, python: Path = PYTHON_REFERENCES) -> bool:
    return all(path.is_file() for path in _files(cmake or cmake_help(), python).values())


def sphinx_collection(out: Path, cmake: Path | None = None, python: Path = PYTHON_REFERENCES) -> Path:
    """The collection's folder `out`: each page as its project ships it."""
    return copy_files(_files(cmake or cmake_help(), python), out, "CMake's reference is read from Debian's cmake-data "
                      "(/usr/share/cmake-*/Help, or pass --source DIR), six's and crcmod's from the Google Cloud SDK's "
                      f"gsutil ({PYTHON_REFERENCES}).")


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.sphinx_collection", __doc__, sphinx_collection, cmake_help(),
                            "the Help folder of CMake's documentation")


if __name__ == "__main__":
    raise SystemExit(main())
