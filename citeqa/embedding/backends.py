"""The embedder backends by name: each is imported only when chosen (torch is slow to import)."""

from __future__ import annotations

from pathlib import Path

from citeqa.errors import SettingsError

from citeqa.settings import EMBEDDERS as BACKENDS, Settings


def load_backend(model: str, backend: str, cache_dir: Path | None):
    if backend == "torch":
        from citeqa.embedding.torch_backend import TorchEmbedder

        return TorchEmbedder(model)
    if backend in ("onnx-int8", "onnx"):
        from citeqa.embedding.onnx_backend import OnnxEmbedder

        return OnnxEmbedder(model, quantized=backend == "onnx-int8", cache_dir=cache_dir or Settings().cache)
    raise SettingsError(f"embedder {backend!r} is not one of {', '.join(BACKENDS)}: set CITEQA_EMBEDDER.")
