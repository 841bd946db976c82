"""The PyTorch backend: sentence-transformers running the model in float32 on the CPU."""

from __future__ import annotations

import threading
from typing import Sequence

import numpy as np

from citeqa.embedding import EncodeProgress, resolve_model_path
from citeqa.embedding.pooling import SpanPools, Spans, pool_spans
from citeqa.embedding.tokens import ModelTokens, TokenCounting, longest_first, padded
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
        done = 0
        for ids in longest_first([len(t) for t in texts], batch_size):
            with self._lock:
                out[ids] = self._encode_unit([texts[i] for i in ids], batch_size)
            done += len(ids)
            if progress:
                progress(done, len(texts))
        return out

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Spans], batch_size: int = 32,
                          progress: EncodeProgress | None = None) -> tuple[np.ndarray, SpanPools]:
        """The model run on our own token ids (so each token's characters are known), pooled as
        sentence-transformers pools, and each text's token vectors pooled over its spans."""
        import torch

        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        pools = SpanPools.for_spans(spans, self.dimension)
        tokens = self._tokens.ids_and_offsets_batch(texts)
        done = 0
        for batch in longest_first([len(ids) for ids, _ in tokens], batch_size):
            ids, mask = (torch.from_numpy(a) for a in padded([tokens[i][0] for i in batch]))
            features = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._model.tokenizer.model_input_names:
                features["token_type_ids"] = torch.zeros_like(ids)
            with self._lock, torch.no_grad():
                result = self._model(features)
            vectors = torch.nn.functional.normalize(result["sentence_embedding"], p=2.0, dim=1).numpy()
            token_vectors = result["token_embeddings"].numpy()
            if token_vectors.shape[-1] != pools.sums.shape[1]:  # a projection after pooling: token vectors are wider
                pools = SpanPools.for_spans(spans, token_vectors.shape[-1])
            out[batch] = vectors
            for row, i in enumerate(batch):
                pools.put(i, pool_spans(token_vectors[row, : len(tokens[i][0])], tokens[i][1], spans[i]))
            done += len(batch)
            if progress:
                progress(done, len(texts))
        return out, pools

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
