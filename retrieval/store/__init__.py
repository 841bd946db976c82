"""The index store: the typed boundary (`base`) and its backends, chosen by `CITEQA_STORE`.

    local            FAISS + SQLite in the folder CITEQA_INDEX (the default)
"""

from __future__ import annotations

from citeqa.errors import SettingsError
from citeqa.settings import Settings
from retrieval.store.base import (
    FORMAT_VERSION, Hits, IndexContent, IndexReader, IndexRecipe, Manifest, Store, StoredDocument,
    check_compatible, text_hash,
)

__all__ = [
    "FORMAT_VERSION", "Hits", "IndexContent", "IndexReader", "IndexRecipe", "Manifest", "Store", "StoredDocument",
    "check_compatible", "open_store", "recipe_of", "text_hash",
]


def open_store(settings: Settings) -> Store:
    """The store the settings name. Opening is cheap: nothing is read until a reader is opened."""
    spec = settings.store.strip()
    if spec == "local":
        from retrieval.store.local import LocalStore

        return LocalStore(settings.index, settings.exact_index_max)
    raise SettingsError(f"store {spec!r} is not known: set CITEQA_STORE to `local`.")


def recipe_of(settings: Settings) -> IndexRecipe:
    """What an index must have been built with to serve these settings."""
    from citeqa.embedding import TITLE_HEADER_TOKENS

    return IndexRecipe(settings.model, settings.embedder, settings.chunk_tokens, settings.chunk_overlap,
                       TITLE_HEADER_TOKENS)
