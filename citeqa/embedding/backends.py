"""The embedder backends by name: each is imported only when chosen (torch is slow to import)."""

from __future__ import annotations

from pathlib import Path

from citeqa.errors import SettingsError

from citeqa.settings import EMBEDDERS as BACKENDS


def load_backend(model: str, backend: str, cache_dir: Path | None):
    if backend == "torch":
        from citeqa.embedding.torch_backend import TorchEmbedder

        return TorchEmbedder(model)
    raise SettingsError(f"embedder {backend!r} is not one of {', '.join(BACKENDS)}: set CITEQA_EMBEDDER.")
