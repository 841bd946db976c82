"""Progress of long work: the callback type the pipeline reports through, and a terminal progress bar.

`progress(stage, done, total)`: stages such as "chunk", "embed chunks", "write". The bar is drawn
only when stderr is a terminal: in a CI log or a pipe a repainting bar is hundreds of lines of noise,
so there each stage is announced by one line instead.
"""

from __future__ import annotations

import sys
from typing import Callable

Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    """A Progress that reports nothing."""


class TqdmProgress:
    """One bar at a time on a terminal (a new stage closes the bar of the stage before it); elsewhere
    one line per stage."""

    def __init__(self, delay: float = 0.5, enabled: bool | None = None):
        self.delay = delay
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._stage: str | None = None
        self._bar = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            if stage != self._stage:
                self._stage = stage
                print(f"citeqa: {stage} ({total} items)", file=sys.stderr, flush=True)
            return
        if stage != self._stage:
            from tqdm import tqdm

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
