"""The threads a question's searches run on beside the thread that asks: FAISS, numpy's products, SQLite and ONNX
Runtime let go of Python's lock, so on two cores two searches take the time of one. One small pool serves the whole
process, every question alike: a busy chat queues on its threads instead of adding more.

Work handed over from one of the pool's own threads runs there and then: a pool thread that waited for the pool could
wait for ever, once every one of them did. A forked child starts a pool of its own (its parent's threads do not come
with it).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, TypeVar

SEARCH_THREADS = 2
T = TypeVar("T")

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
_here = threading.local()  # `in_pool` is set on the pool's own threads


def in_background(work: Callable[..., T], *args) -> Future:
    """`work(*args)` on one of the pool's threads, while the calling thread does more (on a pool thread: run now)."""
    if getattr(_here, "in_pool", False):
        return done(work, *args)
    return _the_pool().submit(work, *args)


def done(work: Callable[..., T], *args) -> Future:
    """`work(*args)` run here and now, as a finished future (what `in_background` gives)."""
    future: Future = Future()
    try:
        future.set_result(work(*args))
    except Exception as exc:
        future.set_exception(exc)
    return future


def _the_pool() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(SEARCH_THREADS, thread_name_prefix="citeqa-search", initializer=_in_the_pool)
        return _pool


def _in_the_pool() -> None:
    _here.in_pool = True


def _a_pool_of_its_own() -> None:
    """In a forked child: its parent's threads did not come with it, so it starts a pool of its own when it needs one
    (work handed to the parent's would wait for ever)."""
    global _pool, _pool_lock, _here
    _pool, _pool_lock, _here = None, threading.Lock(), threading.local()


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=_a_pool_of_its_own)
