"""The index store: the typed boundary (`base`) and its backends, chosen by `CITEQA_STORE`.

    local               FAISS + SQLite in the folder CITEQA_INDEX (the default)
    milvus:PATH.db      Milvus Lite, embedded in this process, its data in PATH.db
    milvus://HOST:PORT  a Milvus server or cluster (token: CITEQA_MILVUS_TOKEN, or milvus://TOKEN@HOST:PORT)

With Milvus, CITEQA_INDEX still names the index: its path picks the index's collections (so several
indexes share one Milvus) and holds the build lock.
"""

from __future__ import annotations

from citeqa.errors import SettingsError
from citeqa.settings import Settings, store_target
from retrieval.store.base import (
    FORMAT_VERSION, UNIT_VECTORS, Hits, IndexContent, IndexReader, IndexRecipe, Manifest, Store, StoredDocument,
    check_compatible, text_hash,
)

__all__ = [
    "FORMAT_VERSION", "UNIT_VECTORS", "Hits", "IndexContent", "IndexReader", "IndexRecipe", "Manifest", "Store", "StoredDocument",
    "check_compatible", "open_store", "recipe_of", "text_hash",
]


def open_store(settings: Settings) -> Store:
    """The store the settings name. Opening is cheap: nothing is read until a reader is opened."""
    target = store_target(settings.store, settings.milvus_token)
    if target.backend == "milvus":
        try:
            from retrieval.store.milvus import MilvusStore
        except ImportError as exc:
            raise SettingsError(
                f"CITEQA_STORE={settings.store} needs the Milvus client ({exc.name} is not installed): run "
                "`make install-milvus` (or pip install 'citeqa[milvus]'), or set CITEQA_STORE=local.") from None
        return MilvusStore(target, settings.index, settings.exact_index_max)
    from retrieval.store.local import LocalStore

    return LocalStore(settings.index, settings.exact_index_max)


def recipe_of(settings: Settings) -> IndexRecipe:
    """What an index must have been built with to serve these settings."""
    from citeqa.embedding import TITLE_HEADER_TOKENS

    return IndexRecipe(settings.model, settings.embedder, settings.chunk_tokens, settings.chunk_overlap,
                       TITLE_HEADER_TOKENS)
