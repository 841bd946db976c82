"""Uploaded files into the corpus folder, then an incremental index update; a failure undoes both.

Every file is checked before anything in the corpus changes: its name is made safe (no folders,
no `..`, no hidden files), its extension must be one ingest reads, its size within
`settings.max_upload_mb`, and ingest must be able to read it (not empty, not binary, valid
UTF-8, not a corrupt PDF/DOCX, some text left after cleaning). A refused file never enters the
corpus. Accepted files are moved in with `os.replace` from a hidden staging folder inside the
corpus (hidden folders are never indexed); a file whose name already exists *replaces* that
document (an update, and the message says so). If the index update then fails, the corpus is put
back as it was, and the index, written atomically by `build_index`, was never touched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from citeqa.errors import CiteqaError
from citeqa.progress import Progress
from citeqa.settings import Settings
from ingest.discover import READABLE_SUFFIXES
from ingest.load import document_from_raw
from ingest.pipeline import BuildSummary, build_index
from ingest.readers import Unreadable, read_file

MAX_NAME_CHARS = 120


def safe_upload_name(name: str) -> str:
    """A flat file name for the corpus folder from whatever the client called the file: only the
    last path component (of `/` or `\\` paths), letters, digits, `_`, `-`, `.` and spaces, no
    leading dots (so neither `..` nor a hidden file), at most MAX_NAME_CHARS, extension lower case."""
    base = unicodedata.normalize("NFKC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w. -]+", "_", base).strip(". ")
    stem, suffix = os.path.splitext(base)
    stem = stem.strip(". ")[: MAX_NAME_CHARS - len(suffix)] or "upload"
    return stem + suffix.lower()


@dataclass
class UploadReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    summary: BuildSummary | None = None

    def lines(self) -> list[str]:
        return (
            [f"added: {name}" for name in self.added]
            + [f"updated: {name} (replaced the document of the same name)" for name in self.replaced]
            + [f"refused: {name}: {reason}" for name, reason in self.refused]
        )


@dataclass(frozen=True)
class _Staged:
    name: str
    path: Path  # the checked copy in the staging folder


def refusal(path: Path, name: str, max_bytes: int) -> str | None:
    """Why the file at `path`, to be called `name` in the corpus, cannot be added; None if it can.
    The file is read the way indexing reads it, so what passes here will be indexed."""
    suffix = Path(name).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        return f"unsupported file type {suffix or '(no extension)'}; readable: {', '.join(READABLE_SUFFIXES)}"
    size = path.stat().st_size
    if size > max_bytes:
        return f"too big ({size / 2**20:.1f} MB); the limit is {max_bytes / 2**20:.0f} MB (CITEQA_MAX_UPLOAD_MB)"
    try:
        document = document_from_raw(name, path, read_file(path))
    except Unreadable as exc:
        return str(exc)
    if not document.text.strip():
        return "no text left after cleaning"
    return None


class CorpusUpload:
    """One upload: check and stage the files, move them in, update the index, or undo."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.corpus = settings.corpus.resolve()
        self.report = UploadReport()
        self._backups: dict[str, Path] = {}  # name -> the previous file, kept until the index is updated
        self._moved_in: list[str] = []

    def run(self, files: Iterable[tuple[Path, str]], progress: Progress) -> UploadReport:
        """`files`: (uploaded file, the name its sender gave it)."""
        if not self.corpus.is_dir():
            raise CiteqaError(f"corpus folder {self.corpus} does not exist: create it or set CITEQA_CORPUS.")
        staging = Path(tempfile.mkdtemp(prefix=".upload-", dir=self.corpus))
        try:
            staged = self._stage(files, staging)
            if not staged:
                return self.report
            self._move_in(staged, staging)
            self.report.summary = self._index(progress)
            return self.report
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _stage(self, files: Iterable[tuple[Path, str]], staging: Path) -> list[_Staged]:
        max_bytes = self.settings.max_upload_mb * 2**20
        staged: dict[str, _Staged] = {}
        for source, given_name in files:
            name = safe_upload_name(given_name)
            target = self.corpus / name
            reason = None
            if name in staged:
                reason = "another uploaded file has the same name"
            elif target.is_symlink() or (target.exists() and not target.is_file()):
                reason = "a folder or link of that name is in the corpus"
            elif target.resolve().parent != self.corpus:
                reason = "the name points outside the corpus folder"
            else:
                copy = staging / name
                shutil.copyfile(source, copy)
                reason = refusal(copy, name, max_bytes)
            if reason:
                self.report.refused.append((name, reason))
            else:
                staged[name] = _Staged(name, staging / name)
        return list(staged.values())

    def _move_in(self, staged: list[_Staged], staging: Path) -> None:
        backups = staging / "previous"
        backups.mkdir()
        for item in staged:
            target = self.corpus / item.name
            if target.exists():
                self._backups[item.name] = backups / item.name
                os.replace(target, self._backups[item.name])
                self.report.replaced.append(item.name)
            else:
                self.report.added.append(item.name)
            os.replace(item.path, target)
            self._moved_in.append(item.name)

    def _index(self, progress: Progress) -> BuildSummary:
        """Update the index; on failure put the corpus back. A file indexing skipped after all
        (e.g. its text was boilerplate repeated across the corpus) is taken out again and refused."""
        try:
            summary = build_index(self.settings, full=False, progress=progress)
            skipped = {s.path: s.reason for s in summary.skipped if s.path in self._moved_in}
            if skipped:
                self._undo(list(skipped))
                self.report.refused += list(skipped.items())
                summary = build_index(self.settings, full=False, progress=progress)
            return summary
        except Exception as exc:
            self._undo(list(self._moved_in))
            raise CiteqaError(
                f"the index could not be updated ({exc}); the uploaded files were taken out again and "
                "the corpus and the index are as they were."
            ) from None

    def _undo(self, names: list[str]) -> None:
        for name in names:
            target = self.corpus / name
            if name in self._backups:
                os.replace(self._backups.pop(name), target)
            else:
                target.unlink(missing_ok=True)
            self._moved_in.remove(name)
            for kept in (self.report.added, self.report.replaced):
                if name in kept:
                    kept.remove(name)


def add_uploads(settings: Settings, files: Iterable[tuple[Path, str]], progress: Progress) -> UploadReport:
    return CorpusUpload(settings).run(files, progress)
