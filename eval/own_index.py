"""Where a data set's own index lives: beside the user's index, never inside the data set's folder."""

from __future__ import annotations

import hashlib
from pathlib import Path


def own_index_path(settings_index: Path, data_file: Path, kind: str) -> Path:
    """An index for a data set beside the user's, keyed by the data file's path, size and mtime (an
    edited file gets a fresh index; a second run over the same file reuses its index)."""
    data_file = data_file.resolve()
    stat = data_file.stat()
    key = hashlib.sha256(f"{data_file}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    return settings_index.resolve().parent / f"{kind}-{data_file.parent.name}-{key}"
