"""The PyTorch backend: sentence-transformers running the model in float32 on the CPU."""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np

from citeqa.embedding import EncodeProgress, resolve_model_path
from citeqa.embedding.tokens import ModelTokens, TokenCounting
from citeqa.errors import SettingsError


class TorchEmbedder(TokenCounting):
    backend = "torch"

    def __init__(self, model: str):
        from sentence_transformers import SentenceTransformer

        self.model = model
        path = resolve_model_path(model)
        try:
            self._model = SentenceTransformer(str(path), device="cpu")
        except Exception as exc:  # missing files, bad config
            raise SettingsError(
                f"cannot load embedding model {model!r} ({type(exc).__name__}: {str(exc)[:200]}). "
                "Set CITEQA_MODEL (or --model) to a sentence-transformers model folder on this machine; "
                "models are never downloaded."
            ) from None
        self._tokens = ModelTokens(path)
        self.dimension = int(self._model.get_embedding_dimension())
        self.max_tokens = int(self._model.max_seq_length)
        self._lock = threading.Lock()  # the model's own tokenizer mutates shared state per call

    def encode(self, texts: Sequence[str], batch_size: int = 32, progress: EncodeProgress | None = None) -> np.ndarray:
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
        """One thread for one short text: a second only adds synchronisation, and on a busy 2-core
        machine it waits for the other core (measured: 472 ms vs 10 ms)."""
        import torch

        with self._lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                return self._encode_unit([text], 1)[0]
            finally:
                torch.set_num_threads(threads)

    def _encode_unit(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        return self._model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False).astype(np.float32, copy=False)
