"""Splitting a cleaned document into overlapping chunks, sized in the embedding model's tokens.

langchain-text-splitters does the splitting; this module adds what the index needs: every chunk's
character span (`text[start:end] == chunk.text`) and a guarantee that no chunk is longer than the
model reads (a chunk the splitter leaves too long is split again, never truncated).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from citeqa.embedding import TITLE_HEADER_TOKENS
from citeqa.errors import SettingsError
from citeqa.types import Chunk

SEPARATORS = ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " ", ""]


@dataclass(frozen=True)
class ChunkingConfig:
    chunk_tokens: int
    chunk_overlap: int
    max_model_tokens: int  # what the model reads, special tokens included

    @property
    def budget(self) -> int:
        """Tokens a chunk may hold so that header + chunk + special tokens fit the model."""
        return self.max_model_tokens - TITLE_HEADER_TOKENS - 3


class Chunker:
    """Needs only the model's token counter: `count_tokens(text)` with the model's special tokens."""

    def __init__(self, config: ChunkingConfig, count_tokens: Callable[[str], int]) -> None:
        if config.chunk_tokens > config.budget:
            raise SettingsError(
                f"chunk_tokens={config.chunk_tokens} is more than the model reads with a title header "
                f"({config.budget} tokens): set CITEQA_CHUNK_TOKENS to {config.budget} or less."
            )
        self.config = config
        self._count_tokens = count_tokens  # includes special tokens
        specials = count_tokens("")
        self._count_plain = lambda text: count_tokens(text) - specials  # what the splitter sizes pieces by
        self._splitter = self._make_splitter(config.chunk_tokens, config.chunk_overlap)

    def _make_splitter(self, size: int, overlap: int) -> RecursiveCharacterTextSplitter:
        return RecursiveCharacterTextSplitter(
            chunk_size=size, chunk_overlap=min(overlap, size // 2), length_function=self._count_plain,
            separators=SEPARATORS, keep_separator="end", strip_whitespace=True,
        )

    def split(self, doc_id: str, text: str) -> list[Chunk]:
        chunks: list[Chunk] = []
        for start, piece in self._spans(text, self._splitter, 0, len(text)):
            n_tokens = self._count_tokens(piece)
            chunks.append(Chunk(doc_id, len(chunks), start, start + len(piece), piece, n_tokens))
        return chunks

    def _spans(self, text: str, splitter, lo: int, hi: int):
        """(start, chunk text) for text[lo:hi], in order; splits again any piece the model could not read whole."""
        cursor, covered_to = lo, lo
        for piece in splitter.split_text(text[lo:hi]):
            start = _locate(text, piece, cursor, covered_to, hi)
            cursor, covered_to = start + 1, start + len(piece)
            if self._count_tokens(piece) <= self.config.budget + 2:
                yield start, piece
            else:
                smaller = self._make_splitter(max(8, self.config.chunk_tokens // 2), self.config.chunk_overlap // 2)
                yield from self._spans(text, smaller, start, start + len(piece))


def _locate(text: str, piece: str, cursor: int, covered_to: int, hi: int) -> int:
    """Where the splitter's next chunk lies. It starts after the previous chunk's start and no later
    than the next non-space character after the previous chunk's end (the splitter drops only
    whitespace). With repeated text several places qualify: the last one covers the most new text."""
    reach = covered_to
    while reach < hi and text[reach].isspace():
        reach += 1
    best = -1
    start = text.find(piece, cursor, hi)
    while 0 <= start <= reach:
        best = start
        start = text.find(piece, start + 1, hi)
    if best < 0:
        best = text.find(piece, cursor, hi)
    if best < 0:
        raise AssertionError(f"splitter returned text that is not in the document: {piece[:60]!r}")
    return best
