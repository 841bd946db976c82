"""Uploaded files into the corpus folder, then an incremental index update; a failure undoes both.

The whole upload runs under the index's build lock (the one `citeqa index` and rebuilds take), so no
build runs while files move in, and a second upload or build waits or is refused.

Every file is checked before anything in the corpus changes: its name is made safe (no folders,
no `..`, no hidden files), its extension must be one ingest reads, its size within
`settings.max_upload_mb` (read from the uploaded file, before anything is copied), and ingest must be
able to read it (not empty, not binary, valid UTF-8, not a corrupt PDF/DOCX, some text left after
cleaning), which is tried in a worker process stopped after `settings.upload_parse_seconds`. A
refused file never enters the corpus. Accepted files are moved in with `os.replace` from a hidden
staging folder inside the corpus (hidden folders are never indexed), each move written first to a
journal in that folder; a file whose name already exists *replaces* that document (an update, and
the message says so). If the index update then fails, the journal puts the corpus back as it was,
and the index, written atomically by the build, was never touched. A staging folder left by a crash
is rolled back the same way when the chat starts (`recover_interrupted_uploads`).
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

from citeqa.errors import CiteqaError, IndexBusy
from citeqa.progress import Progress
from citeqa.settings import Settings
from ingest.discover import READABLE_SUFFIXES
from ingest.isolated import IsolatedReader
from ingest.pipeline import BuildSummary, build_index_locked
from ingest.readers import Unreadable
from retrieval.store import open_store

MAX_NAME_CHARS = 120
STAGING_PREFIX = ".upload-"
JOURNAL = "moved-in"  # in the staging folder: one line per file moved into the corpus, "add|replace\tNAME"
PREVIOUS = "previous"  # in the staging folder: the files that uploads replaced, until the index is updated


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


def early_refusal(source: Path, name: str, max_bytes: int) -> str | None:
    """What can be refused from the name and the size alone, before anything is copied or parsed."""
    suffix = Path(name).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        return f"unsupported file type {suffix or '(no extension)'}; readable: {', '.join(READABLE_SUFFIXES)}"
    size = source.stat().st_size
    if size > max_bytes:
        return f"too big ({size / 2**20:.1f} MB); the limit is {max_bytes / 2**20:.0f} MB (CITEQA_MAX_UPLOAD_MB)"
    return None


class CorpusUpload:
    """One upload: check and stage the files, move them in, update the index, or roll back."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.corpus = settings.corpus.resolve()
        self.report = UploadReport()

    def run(self, files: Iterable[tuple[Path, str]], progress: Progress) -> UploadReport:
        """`files`: (uploaded file, the name its sender gave it)."""
        if not self.corpus.is_dir():
            raise CiteqaError(f"corpus folder {self.corpus} does not exist: create it or set CITEQA_CORPUS.")
        with open_store(self.settings).build_lock():
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.corpus))
            try:
                staged = self._stage(files, staging)
                if staged:
                    self.report.summary = self._commit(staged, staging, progress)
                return self.report
            finally:
                shutil.rmtree(staging, ignore_errors=True)

    def _stage(self, files: Iterable[tuple[Path, str]], staging: Path) -> list[_Staged]:
        max_bytes = self.settings.max_upload_mb * 2**20
        checks: dict[str, _Staged] = {}
        for source, given_name in files:
            name = safe_upload_name(given_name)
            target = self.corpus / name
            if name in checks:
                reason = "another uploaded file has the same name"
            elif target.is_symlink() or (target.exists() and not target.is_file()):
                reason = "a folder or link of that name is in the corpus"
            elif target.resolve().parent != self.corpus:
                reason = "the name points outside the corpus folder"
            else:
                reason = early_refusal(Path(source), name, max_bytes)
            if reason:
                self.report.refused.append((name, reason))
            else:
                shutil.copyfile(source, staging / name)
                checks[name] = _Staged(name, staging / name)
        if not checks:
            return []
        staged = []
        limit = f"CITEQA_UPLOAD_PARSE_SECONDS={self.settings.upload_parse_seconds:g}"
        with IsolatedReader(self.settings.upload_parse_seconds, limit) as reader:
            for item in checks.values():
                try:  # read the way indexing reads, so that what passes here is indexed
                    reader.read(item.path, item.name)
                    staged.append(item)
                except Unreadable as exc:
                    self.report.refused.append((item.name, str(exc)))
        return staged

    def _move_in(self, staged: list[_Staged], staging: Path) -> None:
        backups = staging / PREVIOUS
        backups.mkdir()
        with open(staging / JOURNAL, "a", encoding="utf-8") as journal:
            for item in staged:
                target = self.corpus / item.name
                replacing = target.exists()
                journal.write(f"{'replace' if replacing else 'add'}\t{item.name}\n")
                journal.flush()  # before the move: a crash after it must find the line
                if replacing:
                    os.replace(target, backups / item.name)
                    self.report.replaced.append(item.name)
                else:
                    self.report.added.append(item.name)
                os.replace(item.path, target)

    def _commit(self, staged: list[_Staged], staging: Path, progress: Progress) -> BuildSummary:
        """Move the files in and update the index (this upload holds the build lock); on any failure
        roll the corpus back."""
        try:
            self._move_in(staged, staging)
            summary = build_index_locked(self.settings, full=False, progress=progress)
        except BaseException as exc:
            roll_back(staging, self.corpus)
            self.report.added.clear()
            self.report.replaced.clear()
            if not isinstance(exc, Exception):
                raise
            raise CiteqaError(
                f"the upload could not be completed ({exc}); the uploaded files were taken out again and "
                "the corpus and the index are as they were."
            ) from None
        (staging / JOURNAL).unlink()  # committed: nothing to roll back from here on
        return summary


def roll_back(staging: Path, corpus: Path) -> list[str]:
    """Undo the moves a staging folder's journal records (files added are removed, files replaced are
    put back); returns the names restored."""
    journal = staging / JOURNAL
    if not journal.exists():
        return []
    restored = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition("\t")
        if not name or "/" in name or name.startswith("."):
            continue  # not a line this module wrote
        previous, target = staging / PREVIOUS / name, corpus / name
        if kind == "replace" and previous.exists():
            os.replace(previous, target)
        elif kind == "add":
            target.unlink(missing_ok=True)
        restored.append(name)
    journal.unlink()
    return restored


def recover_interrupted_uploads(settings: Settings) -> list[str]:
    """Roll back uploads that a crash interrupted (their staging folders are still in the corpus) and
    remove those folders; returns the names put back. Skipped while another process holds the build
    lock: its upload may be running."""
    corpus = settings.corpus
    leftovers = sorted(corpus.glob(STAGING_PREFIX + "*")) if corpus.is_dir() else []
    if not leftovers:
        return []
    restored = []
    try:
        with open_store(settings).build_lock():
            for staging in leftovers:
                if staging.is_dir() and not staging.is_symlink():
                    restored += roll_back(staging, corpus)
                    shutil.rmtree(staging, ignore_errors=True)
    except IndexBusy:
        pass
    return restored


def add_uploads(settings: Settings, files: Iterable[tuple[Path, str]], progress: Progress) -> UploadReport:
    return CorpusUpload(settings).run(files, progress)
