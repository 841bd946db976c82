"""Reading untrusted files in a worker process with a time limit and a memory cap.

A hostile or pathological PDF or DOCX (a decompression bomb, a page with millions of text operators)
can keep a parser busy for minutes or fill the memory. Read in the server's own process it would
hold a request thread, the index lock and the memory the model needs; read here, it costs one worker
process that is stopped when its time runs out (and a fresh one reads the next file).
"""

from __future__ import annotations

import multiprocessing
import resource
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from citeqa.types import Document
from ingest.load import read_document
from ingest.readers import Unreadable

# What one file's parsing may use (address space; the worker holds no model, a few hundred MB at most).
WORKER_MEMORY_BYTES = 4 * 2**30


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class IsolatedReader:
    """`read(path, doc_id)` as `ingest.load.read_document` does, in a worker process: `Unreadable` with the
    reason when the file cannot be read, takes longer than `seconds`, or exhausts the worker's memory.
    Use it as a context manager (the worker stops at the end)."""

    def __init__(self, seconds: float, setting: str = "the time limit", memory_bytes: int = WORKER_MEMORY_BYTES):
        from pebble import ProcessPool

        self.seconds = seconds
        self.setting = setting  # named in the refusal, so that the reader knows what to change
        # spawn, not fork: the server has threads (a forked child could inherit a held lock) and a loaded model.
        self._pool = ProcessPool(max_workers=1, initializer=_limit_memory, initargs=(memory_bytes,),
                                 context=multiprocessing.get_context("spawn"))

    def read(self, path: Path, doc_id: str) -> Document:
        from pebble import ProcessExpired

        future = self._pool.schedule(read_document, args=(path, doc_id), timeout=self.seconds)
        try:
            return future.result()
        except FutureTimeout:
            raise Unreadable(f"reading it took longer than {self.seconds:g} s and was stopped ({self.setting}); "
                             "a file this slow to parse is likely damaged or built to stall parsers") from None
        except MemoryError:
            raise Unreadable("reading it needed more memory than a document may use; the file is likely "
                             "damaged or a decompression bomb") from None
        except ProcessExpired as exc:
            raise Unreadable(f"the reader stopped on it (exit code {exc.exitcode}); the file is likely damaged") from None

    def close(self) -> None:
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> "IsolatedReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
