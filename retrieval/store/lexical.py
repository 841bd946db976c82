"""The words BM25 sees, made by citeqa for backends whose own analyzer cannot make them.

The local backend's FTS5 table tokenizes with `porter unicode61 remove_diacritics 2`: letters and
digits (underscore separates), lower case, diacritics removed, Porter stems. Milvus Lite's analyzer
has a standard tokenizer, lower case and a stop filter but no stemmer (a Milvus server has one, but
then a Lite index and a cluster index would rank differently). So the `milvus` backend stores these
words, joined by spaces, in the field its BM25 function reads, and asks with the words of the
question made the same way: Milvus still does the indexing and the BM25 scoring, citeqa only the
analysis. As with FTS5, stop words stay in the indexed text (they count in a chunk's length) and
are left out of the query.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from retrieval.text import STOP_WORDS

_TOKEN = re.compile(r"[^\W_]+")
MAX_WORD_CHARS = 100  # a longer "word" (a hash, a run of digits) is cut: it still matches itself


@functools.lru_cache(maxsize=1)
def _porter():
    import Stemmer

    return Stemmer.Stemmer("porter")  # the original Porter algorithm, as FTS5's porter tokenizer


def _plain_words(text: str) -> list[str]:
    """Lower-cased letter-and-digit runs with diacritics removed (unicode61 remove_diacritics 2)."""
    plain = text.lower()
    if not plain.isascii():
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    return [w[:MAX_WORD_CHARS] for w in _TOKEN.findall(plain)]


def index_words(text: str) -> list[str]:
    """The stemmed words of a text as the index holds them, in order, stop words included."""
    return _porter().stemWords(_plain_words(text))


def query_words(text: str) -> list[str]:
    """The stemmed words to search for: stop words left out, each word once."""
    words = [w for w in _plain_words(text) if w not in STOP_WORDS]
    return list(dict.fromkeys(_porter().stemWords(words)))
