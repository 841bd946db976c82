"""One build at a time per index: an fcntl lock on a file in the index folder."""

from __future__ import annotations

import fcntl
from pathlib import Path

from citeqa.errors import IndexBusy


class BuildLock:
    """Held while a build runs; a second build of the same index (another process or thread) is refused.
    The kernel releases the lock if the process dies, so a killed build never blocks the next one."""

    def __init__(self, root: Path):
        self.root = root
        self._file = None

    def __enter__(self) -> "BuildLock":
        self.root.mkdir(parents=True, exist_ok=True)
        self._file = open(self.root / ".build.lock", "w")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            raise IndexBusy(f"another build of the index at {self.root} is running (an index update, rebuild or "
                            "upload); wait for it to finish.") from None
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
