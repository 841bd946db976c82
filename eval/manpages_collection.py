"""A tenth kind of collection, manual pages saved as text: thirteen pages as `man` writes them to a file (ssh(1),
ssh_config(5), tar(1), useradd(8), xargs(1), apt-get(8), man(1), grep(1), sort(1), ssh-keygen(1), gzip(1),
journalctl(1), login.defs(5); 80 columns, groff's U+2010 hyphen where it breaks a word), and man-db's own manual as Debian ships it (nroff's output with its terminal escapes, pages set apart by blank
lines under a running header, footnotes). Each page's options and keywords stand over what they do
("-C, --directory=DIR" / "Change to DIR ..."; "LogLevel" / "Gives the verbosity level ..." / "The default is INFO."),
and exit codes stand in rows. Read from this machine's manual (each under its package's licence; not copied into this repository).
`eval/manpages_questions.jsonl` asks of them as an administrator would (115 questions, 89 answerable, written on
2026-12-06 in three batches, each before it was first asked: m01-m58, then p01-p30 after the rules the first led to,
then q01-q27 of the last six pages, held out from all of them).

    python -m eval.manpages_collection OUT [--source /usr/share/doc]

writes the folder; `citeqa eval --corpus OUT --questions eval/manpages_questions.jsonl` measures it.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
from pathlib import Path

from citeqa.errors import InputNotFound
from eval.collection_cli import write_collection

MANPAGES_SOURCE = Path("/usr/share/doc")
MANPAGES_QUESTIONS = Path(__file__).with_name("manpages_questions.jsonl")
MANPAGES_SCENE_QUESTIONS = Path(__file__).with_name("manpages_scene_questions.jsonl")  # the case told first
MANUAL_PAGES = ("ssh", "ssh_config", "tar", "useradd", "xargs", "apt-get", "man",  # the first two batches'
                "grep", "sort", "ssh-keygen", "gzip", "journalctl", "login.defs")  # the third's
MAN_DB_MANUAL = Path("man-db") / "man-db-manual.txt.gz"
COLUMNS = "80"


def manpages_available(source: Path = MANPAGES_SOURCE) -> bool:
    return shutil.which("man") is not None and (source / MAN_DB_MANUAL).is_file() and all(
        _rendered(page) for page in MANUAL_PAGES)


def manpages_collection(out: Path, source: Path = MANPAGES_SOURCE) -> Path:
    """The collection's folder `out`: each page as `man` writes it to a file, and man-db's manual as shipped."""
    if not (source / MAN_DB_MANUAL).is_file():
        raise InputNotFound(f"{source / MAN_DB_MANUAL} is missing: man-db's manual is read from the installed package "
                            "(pass --source DIR).")
    pages = {page: _rendered(page) for page in MANUAL_PAGES}
    missing = [page for page, text in pages.items() if not text]
    if missing:
        raise InputNotFound(f"`man` gives no page for {', '.join(missing)}: the pages are read from this machine's "
                            "manual (install man-db and the packages' manual pages).")
    out.mkdir(parents=True, exist_ok=True)
    for page, text in pages.items():
        (out / f"{page}.txt").write_text(text, encoding="utf-8")
    (out / "man-db-manual.txt").write_bytes(gzip.decompress((source / MAN_DB_MANUAL).read_bytes()))
    return out


def _rendered(page: str) -> str:
    """The page as `man` writes it to a file (no terminal: no escapes), 80 columns wide; "" when there is none."""
    if shutil.which("man") is None:
        return ""
    env = {**os.environ, "MANWIDTH": COLUMNS, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for setting in ("MAN_KEEP_FORMATTING", "MANPAGER", "PAGER", "MANOPT"):
        env.pop(setting, None)
    done = subprocess.run(["man", page], capture_output=True, text=True, env=env, check=False)
    return done.stdout if done.returncode == 0 else ""


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.manpages_collection", __doc__, manpages_collection,
                            MANPAGES_SOURCE, "the folder of the packages' documentation (man-db's manual)")


if __name__ == "__main__":
    raise SystemExit(main())
