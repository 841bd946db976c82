"""A progress bar per indexing stage on stderr, shown only when a stage takes more than a moment."""

from __future__ import annotations

import sys

from tqdm import tqdm


class TqdmProgress:
    """One bar at a time: a new stage closes the bar of the stage before it."""

    def __init__(self, delay: float = 0.5):
        self.delay = delay
        self._stage: str | None = None
        self._bar: tqdm | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self._stage:
            self.close()
            self._stage = stage
            self._bar = tqdm(total=total, desc=stage, unit="item", delay=self.delay, file=sys.stderr, leave=False)
        self._bar.total = total
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "TqdmProgress":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
