"""From a corpus folder to cleaned `Document`s plus the files skipped and why."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from citeqa.errors import CorpusNotFound
from citeqa.types import Document, Skipped
from ingest.clean import clean_text, drop_repeated_lines, page_headers_and_footers
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
            documents.append(document_from_raw(doc_id, path, read_file(path)))
        except Unreadable as exc:
            skipped.append(Skipped(doc_id, str(exc)))
    cleaned = drop_repeated_lines({d.doc_id: d.text for d in documents})
    kept = []
    for doc in documents:
        text = cleaned[doc.doc_id]
        if not text.strip():
            skipped.append(Skipped(doc.doc_id, "no text left after cleaning"))
            continue
        kept.append(replace(doc, text=text) if text != doc.text else doc)
    return LoadedCorpus(kept, sorted(skipped, key=lambda s: s.path))


def document_from_raw(doc_id: str, path: Path, raw: RawText) -> Document:
    text = clean_text(raw.text, page_headers_and_footers(raw.pages))
    return Document(
        doc_id=doc_id,
        title=find_title(text, raw.title, fallback=path.name),
        text=text,
        source_path=str(path),
        content_hash=raw.content_hash,
        size=raw.size,
        format=raw.format,
        date=find_date(text),
    )
