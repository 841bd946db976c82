"""A ninth kind of collection, release notes: the NEWS.Debian files of fifteen Debian packages (apt, adduser,
coreutils, findutils, git, grep, libc6, libpam0g, locales, login, make, openssh-client, postgresql-common, systemd,
tmux), read from this machine's `/usr/share/doc` (each under its package's licence; not copied into this repository)
and written as `<package>-NEWS.Debian.txt`. Each entry opens with a header in small letters ("pam (1.1.0-1) unstable;
urgency=low") and ends with a signature line ("-- Steve Langasek <vorlon@debian.org>  Wed, 02 Sep 2009 ..."); the
entries say what was renamed, replaced, split off or changed in which release. `eval/news_questions.jsonl` asks of
them as an administrator upgrading would (93 questions, 65 answerable, written on 2026-12-06 in three batches, each
before it was first asked: n01-n50, then o01-o28 and v01-v15 after the rules the first led to).

    python -m eval.news_collection OUT [--source /usr/share/doc]

writes the folder; `citeqa eval --corpus OUT --questions eval/news_questions.jsonl` measures it.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from citeqa.errors import InputNotFound
from eval.collection_cli import write_collection

NEWS_SOURCE = Path("/usr/share/doc")
NEWS_QUESTIONS = Path(__file__).with_name("news_questions.jsonl")
NEWS_PACKAGES = ("apt", "make", "openssh-client", "systemd", "libc6", "adduser", "libpam0g", "grep", "findutils",
                 "git", "postgresql-common", "tmux", "locales", "coreutils", "login")


def news_collection(out: Path, source: Path = NEWS_SOURCE) -> Path:
    """The collection's folder `out`, each package's NEWS.Debian written as text."""
    missing = [p for p in NEWS_PACKAGES if not (source / p / "NEWS.Debian.gz").is_file()]
    if missing:
        raise InputNotFound(f"{source} lacks the NEWS.Debian.gz of {', '.join(missing)}: the release notes are read "
                            "from installed Debian packages (pass --source DIR).")
    out.mkdir(parents=True, exist_ok=True)
    for package in NEWS_PACKAGES:
        text = gzip.decompress((source / package / "NEWS.Debian.gz").read_bytes()).decode("utf-8")
        (out / f"{package}-NEWS.Debian.txt").write_text(text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.news_collection", __doc__, news_collection, NEWS_SOURCE,
                            "the folder of the packages' documentation")


if __name__ == "__main__":
    raise SystemExit(main())
