"""The words BM25 sees, made by citeqa for every backend alike.

Letters and digits (underscore separates), lower case, diacritics removed (as SQLite's unicode61
tokenizer with remove_diacritics 2), Porter stems; and each code ("KITE-10017", "COVID-19") once
more as one word. The `local` backend indexes these words with bm25s (retrieval/store/bm25.py).
Milvus Lite's analyzer has a standard tokenizer, lower case and a stop filter but no stemmer (a
Milvus server has one, but then a Lite index and a cluster index would rank differently), so the
`milvus` backend stores these words, joined by spaces, in the field its BM25 function reads, and
asks with the words of the question made the same way: Milvus still does the indexing and the BM25
scoring, citeqa only the analysis. Stop words stay in the indexed text (they count in a chunk's
length) and are left out of the query.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from retrieval.text import STOP_WORDS

if TYPE_CHECKING:
    from retrieval.store.base import IndexContent

_TOKEN = re.compile(r"[^\W_]+")
MAX_WORD_CHARS = 100  # a longer "word" (a hash, a run of digits) is cut: it still matches itself


@functools.lru_cache(maxsize=1)
def _porter():
    import Stemmer

    return Stemmer.Stemmer("porter")  # the original Porter algorithm


def _plain_words(text: str) -> list[str]:
    """Lower-cased letter-and-digit runs with diacritics removed (unicode61 remove_diacritics 2)."""
    plain = text.lower()
    if not plain.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    return [w[:MAX_WORD_CHARS] for w in _TOKEN.findall(plain)]


def index_words(text: str) -> list[str]:
    """The stemmed words of a text as the index holds them, in order, stop words included, then its codes."""
    return _porter().stemWords(_plain_words(text)) + codes(text)


def chunk_words(content: "IndexContent", frequencies: Counter) -> Iterator[list[str]]:
    """Each chunk's words as BM25 indexes them, in chunk order: its document's title, then its text. Counts
    in `frequencies` how many chunks' text holds each word (the IDF that sentence ranking asks for)."""
    title_words = {d.document.doc_id: index_words(d.document.title) for d in content.documents}
    for chunk in content.chunks:
        words = index_words(chunk.text)
        frequencies.update(set(words))
        yield title_words[chunk.doc_id] + words


def query_words(text: str) -> list[str]:
    """The stemmed words to search for: stop words left out, each word once, then the codes."""
    words = [w for w in _plain_words(text) if w not in STOP_WORDS]
    return list(dict.fromkeys(_porter().stemWords(words) + codes(text)))


# A code: letters and digits joined by hyphens, dots or slashes ("KITE-10017", "COVID-19", "ISO/IEC 27001"
# is two). Its parts are words like any other ("kite", "10017"), shared with other codes; the code itself
# is also indexed whole, as one rare word, so that a question naming it finds the one chunk that does.
_CODE = re.compile(r"(?<![\w.\-/])[^\W_]+(?:[-./][^\W_]+)+")


def codes(text: str) -> list[str]:
    """The codes of a text, each as one word: its parts lower-cased and joined ("kite10017")."""
    out = []
    for match in _CODE.finditer(text):
        parts = _plain_words(match.group())
        joined = "".join(parts)
        if len(parts) > 1 and any(c.isdigit() for c in joined) and any(c.isalpha() for c in joined):
            out.append(joined[:MAX_WORD_CHARS])
    return out
