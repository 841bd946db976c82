"""From a corpus folder to cleaned `Document`s plus the files skipped and why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from citeqa.errors import CorpusNotFound
from citeqa.types import Document, Skipped
from ingest.clean import clean_text, page_headers_and_footers, title_in_running_header
from ingest.discover import discover, doc_id_for
from ingest.metadata import find_date, find_title
from ingest.readers import RawText, Unreadable, read_file


@dataclass(frozen=True)
class LoadedCorpus:
    documents: list[Document]
    skipped: list[Skipped]


def load_corpus(corpus: Path, on_file: Callable[[str], None] | None = None) -> LoadedCorpus:
    if not corpus.is_dir():
        raise CorpusNotFound(
            f"corpus folder {corpus} does not exist{' (it is a file)' if corpus.exists() else ''}: "
            "create it, or point --corpus / CITEQA_CORPUS at your documents."
        )
    documents, skipped = [], []
    for path in discover(corpus):
        doc_id = doc_id_for(path, corpus)
        if on_file:
            on_file(doc_id)
        try:
            documents.append(read_document(path, doc_id))
        except Unreadable as exc:
            skipped.append(Skipped(doc_id, str(exc)))
    return LoadedCorpus(documents, sorted(skipped, key=lambda s: s.path))


def read_document(path: Path, doc_id: str) -> Document:
    """One file as a cleaned Document; `Unreadable` when it cannot be read or nothing is left after
    cleaning. It depends on this file alone, so what an upload check accepts is what indexing reads."""
    document = document_from_raw(doc_id, path, read_file(path))
    if not document.text.strip():
        raise Unreadable("no text left after cleaning")
    return document


def document_from_raw(doc_id: str, path: Path, raw: RawText) -> Document:
    headers = page_headers_and_footers(raw.pages)
    text = clean_text(raw.text, headers)
    return Document(
        doc_id=doc_id,
        title=find_title(text, raw.title or title_in_running_header(raw.pages, headers), fallback=path.name),
        text=text,
        source_path=str(path),
        content_hash=raw.content_hash,
        size=raw.size,
        format=raw.format,
        date=raw.date or find_date(text if raw.prose is None else raw.prose)  # not a date in a code example; a page's
        # "Last updated on May 12, 2026", which cleaning drops with the footer, dates it
        or find_date("\n".join(sorted(headers))),  # a running header's date
    )
