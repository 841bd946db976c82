"""BEIR folders (corpus.jsonl, queries.jsonl, qrels/test.tsv) read into citeqa documents and questions.

A BEIR corpus gets an index of its own beside the user's (`<index>/../beir-<name>-<hash>`), never
the user's index and never inside the (possibly read-only) BEIR folder. The hash covers the
corpus file's path, size and modification time, so an edited corpus gets a fresh index while a
second run over the same corpus finds its index current and embeds nothing.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from citeqa.errors import CiteqaError
from citeqa.settings import Settings
from citeqa.types import Document, Skipped
from citeqa.errors import InputNotFound
from eval.own_index import own_index_path
from eval.questions import Question, jsonl_objects
from ingest.clean import clean_text
from ingest.load import LoadedCorpus

SPLIT = "test"  # the qrels split evaluated by default; "train" or "dev" judge other queries of the same corpus


@dataclass(frozen=True)
class BeirSet:
    folder: Path
    corpus: LoadedCorpus
    questions: list[Question]  # only queries judged in the split's qrels file, in queries.jsonl order


def beir_files(folder: Path, split: str = SPLIT) -> tuple[Path, Path, Path]:
    """The three files of a BEIR folder, refused with a clear message when any is missing."""
    if not folder.is_dir():
        raise InputNotFound(f"BEIR folder {folder} does not exist: check the --beir path.")
    if not split or "/" in split or split.startswith("."):
        raise InputNotFound(f"--split {split!r} is not a split name: give the name of a file in {folder}/qrels "
                            "without .tsv (test, train, dev).")
    files = folder / "corpus.jsonl", folder / "queries.jsonl", folder / "qrels" / f"{split}.tsv"
    missing = [str(f.relative_to(folder)) for f in files if not f.is_file()]
    if missing:
        raise InputNotFound(f"{folder} is not a BEIR folder: {', '.join(missing)} missing.")
    return files


def beir_index_path(settings: Settings, folder: Path) -> Path:
    return own_index_path(settings.index, folder / "corpus.jsonl", "beir")


def load_beir(folder: Path, split: str = SPLIT) -> BeirSet:
    """The corpus and the queries judged in qrels/<split>.tsv (the test split by default; another split,
    such as train, is where settings can be compared without looking at the test queries)."""
    corpus_file, queries_file, qrels_file = beir_files(folder, split)
    qrels = read_qrels(qrels_file)
    texts = {str(obj.get("_id")): obj.get("text") for _, _, obj in jsonl_objects(queries_file)}
    unknown = [qid for qid in qrels if qid not in texts]
    if unknown:
        raise CiteqaError(f"{qrels_file}: query ids not in {queries_file.name}: {', '.join(unknown[:10])}.")
    questions = [Question(qid, str(text or "").strip(), qrels[qid]) for qid, text in texts.items() if qid in qrels]
    empty = [q.id for q in questions if not q.question]
    if empty:
        raise CiteqaError(f"{queries_file}: queries without text: {', '.join(empty[:10])}.")
    if not questions:
        raise CiteqaError(f"{folder}: no query of {queries_file.name} is judged in {qrels_file.name}.")
    return BeirSet(folder, load_beir_corpus(corpus_file), questions)


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    """query id -> {document id: grade}; grades of 0 or less are judged non-relevant and left out."""
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for number, row in enumerate(csv.reader(f, delimiter="\t"), start=1):
            if not row or (number == 1 and row[0] == "query-id"):
                continue
            try:
                qid, doc_id, grade = row[0], row[1], int(row[2])
            except (IndexError, ValueError):
                raise CiteqaError(f"{path}:{number}: expected 'query-id<TAB>corpus-id<TAB>score'.") from None
            if grade > 0:
                qrels.setdefault(qid, {})[doc_id] = grade
    return qrels


def load_beir_corpus(path: Path) -> LoadedCorpus:
    """Each line a `Document`: title then text, cleaned by the same rules as any corpus file."""
    documents: dict[str, Document] = {}
    skipped: list[Skipped] = []
    path = path.resolve()  # source paths stay valid whatever the working folder
    for number, line, obj in jsonl_objects(path):
        doc_id = obj.get("_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise CiteqaError(f"{path}:{number}: '_id' must be a non-empty string.")
        title, body = str(obj.get("title") or ""), str(obj.get("text") or "")
        text = clean_text(f"{title}\n\n{body}")
        if doc_id in documents:
            skipped.append(Skipped(f"{path}#{doc_id}", f"line {number}: _id already used"))
        elif not text.strip():
            skipped.append(Skipped(f"{path}#{doc_id}", "no text"))
        else:
            raw = line.encode("utf-8")
            documents[doc_id] = Document(
                doc_id=doc_id, title=title, text=text, source_path=f"{path}#{doc_id}",
                content_hash=hashlib.sha256(raw).hexdigest(), size=len(raw), format="beir",
            )
    return LoadedCorpus(list(documents.values()), skipped)

