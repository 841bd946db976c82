"""The ONNX backends: the model exported once (`onnx_export`), run by ONNX Runtime; torch is never imported.

    onnx-int8   int8 weights (dynamic quantization, per-channel scales): the default
    onnx        float32 weights: the same numbers as the torch backend, faster

The exported graph ends in the sentence-transformers pooling and L2 normalisation, so a run gives
the unit vectors directly (and, for a build, the token vectors that quote units are pooled from). Each session runs its operators on one thread; a long `encode` spreads
its batches over one worker thread per CPU instead (ONNX Runtime releases the GIL while it runs),
which measured faster than two intra-op threads and does not stall when another process holds a
core (eval/bench_encoder.py).

`onnx-int8` runs every text on its own, whatever batch size it is asked for: dynamic quantization
scales a run's activations by the largest value in the whole input tensor, so in a batch one text's
vector depended on its neighbours (and their padding): the same chunk got another vector in an
update than in a full build, and two builds of one corpus ranked differently (SciFact nDCG@10 0.7265
and 0.7313). Alone, a text's vector is a function of the text, as a question's always was. On this
machine it costs no speed and less memory (1,500 SciFact abstracts, `citeqa index --full` twice each,
alternated: batches of 8 took 91.8 s and 76.1 s at 514 and 501 MB peak, one text a run 86.7 s and
80.1 s at 343 and 351 MB).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Sequence

import numpy as np

from citeqa.embedding import EncodeProgress, resolve_model_path
from citeqa.embedding.onnx_export import SENTENCE_VECTOR, TOKEN_VECTORS
from citeqa.embedding.pooling import SpanPools, Spans, pool_spans
from citeqa.errors import SettingsError
from citeqa.embedding.tokens import ModelTokens, TokenCounting, longest_first, padded


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class OnnxRunner:
    """One ONNX Runtime session and the model's tokenizer: a batch of texts in, unit vectors out.
    Thread-safe: a session may run from several threads at once and the tokenizer is only read."""

    def __init__(self, onnx_file: Path, tokens: ModelTokens, intra_op_threads: int = 1):
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = intra_op_threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.log_severity_level = 3  # warnings about unused initializers are not the user's business
        self.session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        self._token_types = any(i.name == "token_type_ids" for i in self.session.get_inputs())
        self.tokens = tokens

    def run(self, ids: Sequence[np.ndarray]) -> np.ndarray:
        """Vectors for token id sequences (special tokens included), padded to the longest."""
        return self.session.run([SENTENCE_VECTOR], self._feed(ids))[0].astype(np.float32, copy=False)

    def run_with_tokens(self, ids: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """`run`, and every token's vector (batch, tokens, dimension) before pooling."""
        vectors, tokens = self.session.run([SENTENCE_VECTOR, TOKEN_VECTORS], self._feed(ids))
        return vectors.astype(np.float32, copy=False), tokens.astype(np.float32, copy=False)

    def _feed(self, ids: Sequence[np.ndarray]) -> dict[str, np.ndarray]:
        input_ids, mask = padded(ids)
        feed = {"input_ids": input_ids, "attention_mask": mask}
        if self._token_types:
            feed["token_type_ids"] = np.zeros_like(input_ids)
        return feed

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One batch of texts, as they are (no sorting, no threads)."""
        return self.run(self.tokens.ids_batch(texts))


class OnnxEmbedder(TokenCounting):
    """The `Embedder` of the ONNX backends (see the module docstring)."""

    def __init__(self, model: str, quantized: bool, cache_dir: Path, workers: int | None = None):
        from citeqa.embedding.onnx_export import exported_model

        self.model = model
        self.backend = "onnx-int8" if quantized else "onnx"
        self._one_text_a_run = quantized  # see the module docstring
        path = resolve_model_path(model)
        try:
            self._tokens = ModelTokens(path)
            self.exported = exported_model(model, path, cache_dir, quantized)
            self._runner = OnnxRunner(self.exported.path, self._tokens)
        except SettingsError:
            raise
        except Exception as exc:  # missing or unreadable model files, a model the exporter cannot trace
            raise SettingsError(
                f"cannot load embedding model {model!r} with the {self.backend} embedder ({type(exc).__name__}: "
                f"{' '.join(str(exc).split())[:200]}). Set CITEQA_MODEL (or --model) to a sentence-transformers model folder on this "
                "machine, or CITEQA_EMBEDDER=torch; models are never downloaded."
            ) from None
        self.max_tokens = self._tokens.max_tokens
        self.dimension = int(self._runner.encode(["a"]).shape[1])
        self.workers = workers or available_cpus()

    def encode(self, texts: Sequence[str], batch_size: int = 32, progress: EncodeProgress | None = None) -> np.ndarray:
        return self._encode(texts, None, batch_size, progress)[0]

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Spans], batch_size: int = 32,
                          progress: EncodeProgress | None = None) -> tuple[np.ndarray, SpanPools]:
        return self._encode(texts, spans, batch_size, progress)

    def _encode(self, texts: Sequence[str], spans: Sequence[Spans] | None, batch_size: int,
                progress: EncodeProgress | None) -> tuple[np.ndarray, SpanPools]:
        """Batches of similar token length (little padding; one text each with int8), run on `workers`
        threads at once; with `spans`, each text's token vectors pooled over its spans in the same pass."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        pools = SpanPools.for_spans(spans or [], self.dimension)
        if not texts:
            return out, pools
        if self._one_text_a_run:
            batch_size = 1
        tokens = self._tokens.ids_and_offsets_batch(texts)
        ids = [i for i, _ in tokens]
        batches = longest_first([len(i) for i in ids], batch_size)
        done = 0

        def run(batch: list[int]) -> list[int]:
            if spans is None:
                out[batch] = self._runner.run([ids[i] for i in batch])
                return batch
            vectors, token_vectors = self._runner.run_with_tokens([ids[i] for i in batch])
            out[batch] = vectors
            for row, i in enumerate(batch):
                pools.put(i, pool_spans(token_vectors[row, : len(ids[i])], tokens[i][1], spans[i]))
            return batch

        if self.workers == 1 or len(batches) == 1:
            results = map(run, batches)
            for batch in results:
                done += len(batch)
                if progress:
                    progress(done, len(texts))
            return out, pools
        with ThreadPoolExecutor(self.workers, thread_name_prefix="citeqa-encode") as pool:
            for future in as_completed([pool.submit(run, b) for b in batches]):
                done += len(future.result())
                if progress:
                    progress(done, len(texts))
        return out, pools

    def encode_query(self, text: str) -> np.ndarray:
        """One question on the calling thread: no pool, no hand-over."""
        return self._runner.encode([text])[0]
