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
from citeqa.layout import ends_sentence
from citeqa.types import Chunk

# A fragment under chunk_tokens / SMALL_CHUNK_SHARE tokens that ends no sentence joins a neighbouring chunk.
SMALL_CHUNK_SHARE = 4
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
        spans = self._fragments_joined([(start, start + len(piece)) for start, piece in
                                        self._spans(text, self._splitter, 0, len(text))], text)
        return [Chunk(doc_id, i, start, end, text[start:end], self._count_tokens(text[start:end]))
                for i, (start, end) in enumerate(spans)]

    def _fragments_joined(self, spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
        """A fragment the splitter leaves alone (far under the chunk size and ending no sentence: a changelog's
        "Release 2.3.13" heading, the last item of a list) joins the chunk after it, or else the one before, where
        the two fit what the model reads. Alone, a few words match too many questions by their meaning and by BM25's
        length normalisation ("- README: clarify behavior of pyenv latest ..." came first for most questions over
        pyenv's changelog). A short paragraph that ends a sentence stays a chunk: it says something whole."""
        small = max(1, self.config.chunk_tokens // SMALL_CHUNK_SHARE)
        out = list(spans)
        i = 0
        while i < len(out) and len(out) > 1:
            start, end = out[i]
            if ends_sentence(text[start:end]) or self._count_plain(text[start:end]) >= small:
                i += 1
                continue
            for j in (i + 1, i - 1):
                if 0 <= j < len(out):
                    lo, hi = min(start, out[j][0]), max(end, out[j][1])
                    if self._count_tokens(text[lo:hi]) <= self.config.budget + 2:
                        out[min(i, j)] = (lo, hi)
                        del out[max(i, j)]
                        i = min(i, j)
                        break
            else:
                i += 1
        return out

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
