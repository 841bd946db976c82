"""Finding the files of a corpus folder."""

from __future__ import annotations

from pathlib import Path

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".pdf", ".docx")


def discover(corpus: Path) -> list[Path]:
    """Every regular file below `corpus`, recursively, in a stable order; hidden files and folders excluded."""
    files = []
    for path in corpus.rglob("*"):
        rel = path.relative_to(corpus)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(corpus).as_posix())


def doc_id_for(path: Path, corpus: Path) -> str:
    """A document's id is its path relative to the corpus folder, with forward slashes."""
    return path.relative_to(corpus).as_posix()
