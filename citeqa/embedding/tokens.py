"""Counting and cutting text in a model's tokens, with a tokenizer of our own that nothing mutates.

The Hugging Face tokenizer wrapper changes the shared Rust tokenizer's truncation and padding state
on every call, so two threads using it at once can fail ("Already borrowed") or read each other's
settings. This copy is configured once (no truncation, no padding) and only read afterwards, which
is safe from any number of threads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np


class ModelTokens:
    def __init__(self, model_path: Path):
        from tokenizers import Tokenizer

        file = model_path / "tokenizer.json"
        if file.exists():
            tokenizer = Tokenizer.from_file(str(file))
        else:  # a model folder with only a slow tokenizer's files: take the fast one transformers derives
            from transformers import AutoTokenizer

            tokenizer = Tokenizer.from_str(AutoTokenizer.from_pretrained(str(model_path)).backend_tokenizer.to_str())
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self.tokenizer = tokenizer
        self.max_tokens = max_seq_length(model_path)

    def count(self, text: str) -> int:
        """Tokens the model reads for `text`, special tokens included."""
        return len(self.tokenizer.encode(text, add_special_tokens=True).ids)

    def count_plain(self, text: str) -> int:
        """Tokens of `text` alone, no special tokens (what a text splitter measures pieces by)."""
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def ids_batch(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Token ids the model reads for each text, special tokens included, cut to `max_tokens` as
        sentence-transformers cuts them (the first tokens, then the closing special token)."""
        return [ids for ids, _ in self.ids_and_offsets_batch(texts)]

    def ids_and_offsets_batch(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """`ids_batch`, with each token's character range in its text ((0, 0) for special tokens)."""
        out = []
        for encoding in self.tokenizer.encode_batch(list(texts), add_special_tokens=True):
            ids = np.asarray(encoding.ids, dtype=np.int64)
            offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
            if len(ids) > self.max_tokens:
                keep = np.r_[0 : self.max_tokens - 1, len(ids) - 1]
                ids, offsets = ids[keep], offsets[keep]
            out.append((ids, offsets))
        return out

    def truncate(self, text: str, max_tokens: int) -> str:
        offsets = self.tokenizer.encode(text, add_special_tokens=False).offsets
        if len(offsets) <= max_tokens:
            return text
        return text[: offsets[max_tokens - 1][1]] if max_tokens > 0 else ""


def longest_first(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Positions of the texts in batches of `batch_size`, longest first: a batch holds texts of similar
    length (little padding), and the costly batches start early."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[lo : lo + batch_size] for lo in range(0, len(order), batch_size)]


def padded(ids: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Token id sequences as one batch: padded with 0 to the longest, and the attention mask of the real
    tokens (int64, as the models take them)."""
    width = max(len(x) for x in ids)
    input_ids = np.zeros((len(ids), width), dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.int64)
    for row, seq in enumerate(ids):
        input_ids[row, : len(seq)] = seq
        mask[row, : len(seq)] = 1
    return input_ids, mask


class TokenCounting:
    """`count_tokens` and `truncate` of the Embedder protocol, for a backend holding its ModelTokens."""

    _tokens: ModelTokens

    def count_tokens(self, text: str) -> int:
        return self._tokens.count(text)

    def truncate(self, text: str, max_tokens: int) -> str:
        return self._tokens.truncate(text, max_tokens)


def max_seq_length(model_path: Path, default: int = 256) -> int:
    """The sequence length sentence-transformers reads the model with (sentence_bert_config.json)."""
    config = model_path / "sentence_bert_config.json"
    if config.exists():
        value = json.loads(config.read_text()).get("max_seq_length")
        if value:
            return int(value)
    return default
