"""Uploads in process, on a small corpus of their own: checks before anything is written, a parser
that is stopped when its time runs out, roll-back on failure and after a crash, one lock for it all."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zlib

import pytest

from citeqa.errors import CiteqaError
from citeqa.settings import Settings
from ingest.pipeline import build_index
from retrieval.store.local import BuildLock
from ui.uploads import add_uploads

from conftest import ROOT, cli_env

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
HARBOUR = "harbour.txt"


def no_progress(stage: str, done: int, total: int) -> None:
    pass


@pytest.fixture()
def settings(tmp_path) -> Settings:
    """A one-document corpus with its index built."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / HARBOUR).write_text("Harbour notes\n\nThe harbour master counted forty ships in May.\n",
                                  encoding="utf-8")
    settings = Settings.load(env={}, corpus=corpus, index=tmp_path / "index", upload_parse_seconds=1.5)
    build_index(settings)
    return settings


def corpus_files(settings: Settings) -> dict[str, bytes]:
    """Every file and folder in the corpus, hidden ones included (an upload's staging folder would show)."""
    return {str(p.relative_to(settings.corpus)): p.read_bytes() if p.is_file() else b"<dir>"
            for p in settings.corpus.rglob("*")}


def slow_pdf(operators: int) -> bytes:
    """A small valid PDF whose one page holds `operators` text operators: a few KB that take a text
    extractor many seconds (200,000 take pypdf about 10 s)."""
    content = zlib.compress(b"BT /F1 12 Tf 72 700 Td " + b"(word) Tj 0 -1 Td " * operators + b"ET")
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_size_is_checked_before_anything_is_copied(settings, tmp_path, monkeypatch):
    import ui.uploads

    copied = []
    monkeypatch.setattr(ui.uploads.shutil, "copyfile", lambda src, dst: copied.append(src) or shutil.copyfile(src, dst))
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:  # sparse: 30 MB by its size, nothing on disk
        f.truncate(30 * 2**20)
    before = corpus_files(settings)
    report = add_uploads(settings, [(big, "big.txt")], no_progress)
    assert report.refused == [("big.txt", "too big (30.0 MB); the limit is 20 MB (CITEQA_MAX_UPLOAD_MB)")]
    assert copied == [] and corpus_files(settings) == before


def test_a_file_that_takes_too_long_to_parse_is_stopped_and_the_rest_added(settings, tmp_path):
    stalling = tmp_path / "stalling.pdf"
    stalling.write_bytes(slow_pdf(200_000))
    good = tmp_path / "ferry.txt"
    good.write_text("Ferry notes\n\nThe ferry to the island leaves at seven.\n", encoding="utf-8")
    report = add_uploads(settings, [(stalling, "stalling.pdf"), (good, "ferry.txt")], no_progress)
    [(name, reason)] = report.refused
    assert name == "stalling.pdf" and "took longer than 1.5 s" in reason and "CITEQA_UPLOAD_PARSE_SECONDS" in reason
    assert report.added == ["ferry.txt"] and report.summary.added == ["ferry.txt"]
    assert not (settings.corpus / "stalling.pdf").exists()


def test_an_upload_waits_for_no_build_and_touches_nothing_while_one_runs(settings, tmp_path):
    """The upload takes the build lock before anything moves: while another build holds it (another
    process's `citeqa index`, a rebuild), the upload is refused at once and the corpus is untouched."""
    new = tmp_path / "pier.txt"
    new.write_text("Pier notes\n\nThe pier was painted blue.\n", encoding="utf-8")
    before, changed = corpus_files(settings), settings.corpus.stat().st_mtime_ns
    with BuildLock(settings.index), pytest.raises(CiteqaError, match="another build .* is running") as refused:
        add_uploads(settings, [(new, "pier.txt")], no_progress)
    assert "taken out again" not in str(refused.value)  # nothing was moved in to take out
    assert corpus_files(settings) == before and settings.corpus.stat().st_mtime_ns == changed


def test_a_failed_index_update_takes_the_files_out_again(settings, tmp_path):
    """The build fails (the settings ask for another chunking than the index has): the corpus is put back,
    the replaced document included, and the index is as it was."""
    replacement, new = tmp_path / HARBOUR, tmp_path / "pier.txt"
    replacement.write_text("Harbour notes\n\nThe harbour master counted fifty ships in June.\n", encoding="utf-8")
    new.write_text("Pier notes\n\nThe pier was painted blue.\n", encoding="utf-8")
    before = corpus_files(settings)
    current = (settings.index / "current").resolve()
    with pytest.raises(CiteqaError, match="taken out again"):
        add_uploads(settings.replace(chunk_tokens=120), [(replacement, HARBOUR), (new, "pier.txt")], no_progress)
    assert corpus_files(settings) == before
    assert (settings.index / "current").resolve() == current


CRASHING_UPLOAD = """
import os, signal, sys
from pathlib import Path
from citeqa.settings import Settings
from ui.uploads import add_uploads

def crash(stage, done, total):  # the index update has begun: the files are in the corpus
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    settings = Settings.load(corpus=Path(sys.argv[1]), index=Path(sys.argv[2]))
    add_uploads(settings, [(Path(p), Path(p).name) for p in sys.argv[3:]], crash)
"""


@pytest.mark.slow
def test_an_upload_killed_mid_index_is_rolled_back_when_the_chat_starts(settings, tmp_path):
    from ui.app import ChatApp

    replacement, new = tmp_path / "upload" / HARBOUR, tmp_path / "upload" / "pier.txt"
    replacement.parent.mkdir()
    replacement.write_text("Harbour notes\n\nThe harbour master counted fifty ships in June.\n", encoding="utf-8")
    new.write_text("Pier notes\n\nThe pier was painted blue.\n", encoding="utf-8")
    before = corpus_files(settings)
    script = tmp_path / "crashing_upload.py"
    script.write_text(CRASHING_UPLOAD)
    result = subprocess.run([sys.executable, str(script), str(settings.corpus), str(settings.index),
                             str(replacement), str(new)], env=cli_env(), cwd=ROOT, capture_output=True, timeout=300)
    assert result.returncode == -9, result.stderr.decode()[-2000:]
    assert (settings.corpus / "pier.txt").exists() and list(settings.corpus.glob(".upload-*"))  # the crash's state

    app = ChatApp(settings)  # the chat starting on this corpus
    assert corpus_files(settings) == before
    assert "forty ships" in app.document(HARBOUR).text and "pier.txt" not in app.document_ids()
