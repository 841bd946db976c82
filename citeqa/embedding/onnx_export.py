"""Export a sentence-transformers model folder to ONNX once per machine, and quantize it to int8.

The exported files live under the settings' cache folder (never inside site-packages), keyed by
the model folder's files, so every later process just opens them. Export needs torch; nothing
else in the ONNX backend does, so a question never imports it.

Steps: the model (attention written out, so ONNX Runtime's BERT optimizer can fuse it) is traced
with `torch.onnx.export` through a wrapper that adds the sentence-transformers pooling and L2
normalisation, so the graph's first output is the sentence vector itself (its second, the token
vectors, is read only by a build, to pool quote units from their chunk's pass); ONNX Runtime's transformer
optimizer fuses attention, GELU and layer norms; `quantize_dynamic(per_channel=True)` makes the
int8 copy (per-tensor scales lose too much: cosine 0.962 to the float model).

Concurrent processes may ask for the same export: one exports under a file lock, writing to a
temporary file renamed into place, and the others wait and reuse its result.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from citeqa.errors import SettingsError

log = logging.getLogger(__name__)

EXPORT_VERSION = 2  # bump when the exported graph changes: old cache entries are then ignored
OPSET = 17
SENTENCE_VECTOR, TOKEN_VECTORS = "sentence_vector", "token_vectors"  # the graph's outputs
MODEL_FILES = ("config.json", "model.safetensors", "pytorch_model.bin", "tokenizer.json", "1_Pooling/config.json")
# Sentences of varied length and topic: what an int8 candidate is compared on with the float model.
PROBE_TEXTS = (
    "The assembly adopted the declaration on collective security at its plenary session.",
    "Who coordinated the international observer group during the elections?",
    "Observers from eleven countries monitored 312 polling stations on 20 March 2022.",
    "The treaty entered into force in 1994 after ratification by all signatory states.",
    "Rain is expected in the north by Thursday, with temperatures falling to 4 degrees.",
    "She opened the parcel carefully and found an old brass compass wrapped in newspaper.",
    "Mitochondrial DNA is inherited from the mother and mutates at a roughly constant rate.",
    "Quarterly revenue rose 12% to $4.1 billion, driven by subscriptions in Asia.",
    "Run `pip install -e .` and then start the server with the --port flag.",
    "Article 4: In case of aggression against one of the member states, the others shall provide assistance.",
    "Yes.",
    "Secretary General",
    "Minutes of the meeting of the standing commission on defence and security, held in Minsk.",
    "The committee noted that the draft law on personal data needs further harmonisation with the model law "
    "adopted earlier, and asked the secretariat to prepare a comparative table before the next session, "
    "taking into account the comments received from the national parliaments and the expert council.",
)


@dataclass(frozen=True)
class QuantRecipe:
    """How the int8 weights are made for this CPU's integer kernels."""

    kernel: str  # "vnni" or "avx2" (also used for CPUs with neither)
    reduce_range: bool  # 7-bit weights: products that cannot saturate 16-bit sums (AVX2's vpmaddubsw)
    cosine_to_float: float  # mean cosine of the int8 vectors to the float model's on PROBE_TEXTS


@dataclass(frozen=True)
class ExportedModel:
    path: Path  # the .onnx file to run
    folder: Path  # the cache entry holding it and export.json


def cpu_flags() -> set[str]:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def int8_kernel(flags: set[str] | None = None) -> str:
    """"vnni" when the CPU has VNNI dot products (u8 x s8 summed straight into 32 bits: nothing
    saturates), else "avx2": ONNX Runtime then multiplies with vpmaddubsw, whose 16-bit pair sums can
    saturate with full-range int8 weights, which is what `reduce_range` avoids at one bit of precision."""
    flags = cpu_flags() if flags is None else flags
    return "vnni" if flags & {"avx512_vnni", "avx_vnni", "amx_int8"} else "avx2"


def cache_entry(model: str, model_path: Path, cache_dir: Path) -> Path:
    """The cache folder for this model folder's files and this export code (and ONNX Runtime version)."""
    import onnxruntime

    h = hashlib.sha256(f"{EXPORT_VERSION}\x1f{onnxruntime.__version__}\x1f{model_path.resolve()}".encode())
    for name in MODEL_FILES:
        file = model_path / name
        if file.exists():
            stat = file.stat()
            h.update(f"\x1f{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return cache_dir / "onnx" / f"{_slug(Path(model).name)}-{h.hexdigest()[:12]}"


def exported_model(model: str, model_path: Path, cache_dir: Path, quantized: bool) -> ExportedModel:
    """The ONNX file for the model (named `model` in the settings, files in `model_path`; int8 when
    `quantized`), exported now if no process did it before."""
    _refuse_unsupported_modules(model_path)
    folder = cache_entry(model, model_path, cache_dir)
    kernel = int8_kernel()
    target = folder / (f"model-int8-{kernel}.onnx" if quantized else "model-fp32.onnx")
    if target.exists():
        return ExportedModel(target, folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"cannot create the model cache {folder} ({exc.strerror}): set CITEQA_CACHE "
                            "to a writable folder.") from None
    with _locked(folder / ".export.lock"):
        if not target.exists():  # another process may have exported while this one waited
            _remove_partial_files(folder)
            _export(model_path, folder, kernel, quantized)
    return ExportedModel(target, folder)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock across processes (released by the kernel if the holder dies)."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _export(model_path: Path, folder: Path, kernel: str, quantized: bool) -> None:
    started = time.perf_counter()
    print(f"citeqa: exporting {folder.name.rsplit('-', 1)[0]} to ONNX{' int8' if quantized else ''} in {folder} "
          "(once; later runs reuse it)", file=sys.stderr, flush=True)
    fp32 = folder / "model-fp32.onnx"
    if not fp32.exists():
        _export_float(model_path, fp32)
    details = _read_details(folder)
    if quantized:
        recipe = _quantize_for_cpu(fp32, folder / f"model-int8-{kernel}.onnx", kernel, model_path)
        details[f"int8-{kernel}"] = asdict(recipe)
    details["export_seconds"] = round(time.perf_counter() - started, 1)
    _atomic_write(folder / "export.json", json.dumps(details, indent=2, sort_keys=True).encode())


def _export_float(model_path: Path, target: Path) -> None:
    """Trace the model with its pooling and normalisation; fuse it with ONNX Runtime's optimizer."""
    import warnings

    import torch

    pooling = _pooling_mode(model_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = _load_transformer(model_path)
        wrapper = _sentence_vector_model(model, pooling, _takes_token_types(model))
        names = ["input_ids", "attention_mask"] + (["token_type_ids"] if wrapper.token_types else [])
        example = torch.ones(2, 8, dtype=torch.long)
        traced = folder_tmp(target)
        with torch.no_grad():
            torch.onnx.export(
                wrapper, tuple(example if n != "token_type_ids" else torch.zeros_like(example) for n in names),
                str(traced), dynamo=False, opset_version=OPSET, input_names=names,
                output_names=[SENTENCE_VECTOR, TOKEN_VECTORS],
                dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, SENTENCE_VECTOR: {0: "batch"},
                              TOKEN_VECTORS: {0: "batch", 1: "tokens"}},
            )
    fused = folder_tmp(target)
    try:
        _fuse(traced, fused, model.config)
        os.replace(fused, target)
    except Exception as exc:  # a model the BERT optimizer does not know: keep the traced graph
        log.warning("ONNX Runtime's optimizer could not fuse %s (%s): using the unfused graph", model_path.name, exc)
        os.replace(traced, target)
    finally:
        for tmp in (traced, fused):
            tmp.unlink(missing_ok=True)


def _load_transformer(model_path: Path):
    from transformers import AutoModel

    try:  # written-out attention, which the optimizer fuses into one Attention op per layer
        return AutoModel.from_pretrained(str(model_path), attn_implementation="eager").eval()
    except (TypeError, ValueError):
        return AutoModel.from_pretrained(str(model_path)).eval()


def _takes_token_types(model) -> bool:
    import inspect

    return "token_type_ids" in inspect.signature(model.forward).parameters


def _fuse(source: Path, target: Path, config) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    heads, hidden = getattr(config, "num_attention_heads", 0), getattr(config, "hidden_size", 0)
    optimized = optimize_model(str(source), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=1)
    optimized.save_model_to_file(str(target))


def _quantize_for_cpu(fp32: Path, target: Path, kernel: str, model_path: Path) -> QuantRecipe:
    """int8 weights with per-channel scales, reduced to 7 bits where the CPU's kernel can saturate
    (see `int8_kernel`). Measured on this project's AVX2 EPYC (no VNNI), against the float model:
    reduced range 0.9898 mean cosine on PROBE_TEXTS, full range 0.9882 (0.9912 both on the shipped
    corpus against torch), at the same speed. The fidelity is recorded in export.json."""
    reduce_range = kernel != "vnni"
    tmp = folder_tmp(target)
    _quantize(fp32, tmp, reduce_range)
    reference = _probe_vectors(fp32, model_path)
    cosine = float((_probe_vectors(tmp, model_path) * reference).sum(axis=1).mean())
    if cosine < 0.98:
        log.warning("the int8 model's vectors are far from the float model's (mean cosine %.3f): "
                    "consider CITEQA_EMBEDDER=onnx", cosine)
    os.replace(tmp, target)
    return QuantRecipe(kernel, reduce_range, round(cosine, 5))


def _quantize(source: Path, target: Path, reduce_range: bool) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic logs advice about static pre-processing to the root logger
    try:
        quantize_dynamic(str(source), str(target), per_channel=True, reduce_range=reduce_range,
                         weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # types the fused ops' outputs
    finally:
        root.setLevel(level)


def _probe_vectors(onnx_file: Path, model_path: Path):
    from citeqa.embedding.onnx_backend import OnnxRunner
    from citeqa.embedding.tokens import ModelTokens

    return OnnxRunner(onnx_file, ModelTokens(model_path)).encode(list(PROBE_TEXTS))


SUPPORTED_MODULES = ("Transformer", "Pooling", "Normalize")  # what the exported graph computes


def _refuse_unsupported_modules(model_path: Path) -> None:
    """The graph is the transformer, its pooling and the normalisation: a model with more modules (a
    Dense projection after pooling) would silently give its pre-projection vectors, so it is refused."""
    listing = model_path / "modules.json"
    if not listing.exists():
        return
    try:
        kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in json.loads(listing.read_text(encoding="utf-8"))]
    except (ValueError, AttributeError, OSError) as exc:
        raise SettingsError(f"cannot read {listing} ({exc}): check the model folder (CITEQA_MODEL).") from None
    others = [k for k in kinds if k not in SUPPORTED_MODULES]
    if others:
        raise SettingsError(f"the ONNX embedders run a model's transformer, pooling and normalisation only; "
                            f"{model_path.name} also has {', '.join(others)}: set CITEQA_EMBEDDER=torch.")


def _pooling_mode(model_path: Path) -> str:
    config = model_path / "1_Pooling" / "config.json"
    if not config.exists():
        return "mean"
    values = json.loads(config.read_text())
    if values.get("pooling_mode_mean_tokens"):
        return "mean"
    if values.get("pooling_mode_cls_token"):
        return "cls"
    raise SettingsError(f"the ONNX embedders support mean or CLS pooling; {model_path} pools otherwise: "
                        "set CITEQA_EMBEDDER=torch.")


def _sentence_vector_model(model, pooling: str, token_types: bool):
    """The transformer, then pooling and L2 normalisation: the exported graph outputs sentence vectors,
    and the token vectors they are pooled from (for the vectors of spans, citeqa/embedding/pooling.py)."""
    import torch

    class SentenceVectors(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model, self.token_types = model, token_types

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            kwargs = {"input_ids": input_ids, "attention_mask": attention_mask}
            if self.token_types:
                kwargs["token_type_ids"] = token_type_ids
            hidden = self.model(**kwargs).last_hidden_state
            if pooling == "cls":
                vector = hidden[:, 0]
            else:
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                vector = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(vector, p=2.0, dim=1), hidden

    return SentenceVectors()


def folder_tmp(target: Path) -> Path:
    """A temporary file beside `target` (same file system: renamed into place atomically)."""
    return target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(3).hex()}.tmp")


def _remove_partial_files(folder: Path) -> None:
    """What an export killed half-way left behind (only called under the export lock)."""
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _read_details(folder: Path) -> dict:
    try:
        return json.loads((folder / "export.json").read_text())
    except (OSError, ValueError):
        return {}


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = folder_tmp(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in name)[:60] or "model"
