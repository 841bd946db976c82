"""SQuAD 2.0 files (the common JSON format of extractive QA data sets) read as a corpus and questions.

Open-book use: each article becomes one document (its title, then its paragraphs separated by blank
lines, cleaned by the same rules as any corpus file) and every question is asked against all of
them. An answerable question's relevant document is its article and its answers are every
annotator's answer; an unanswerable one (`is_impossible`) has none, so the right response is to
abstain. Like a BEIR folder, the file gets an index of its own beside the user's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from citeqa.errors import CiteqaError, InputNotFound
from citeqa.settings import Settings
from citeqa.types import Document
from eval.own_index import own_index_path
from eval.questions import Question
from ingest.clean import clean_text
from ingest.load import LoadedCorpus


@dataclass(frozen=True)
class SquadSet:
    path: Path
    corpus: LoadedCorpus
    questions: list[Question]


def squad_settings(settings: Settings, path: Path) -> Settings:
    """The settings of a SQuAD file's own index, beside the user's (built once, then reused)."""
    return settings.replace(index=own_index_path(settings.index, path, "squad"), corpus=path.resolve().parent)


def load_squad(path: Path) -> SquadSet:
    if not path.is_file():
        raise InputNotFound(f"SQuAD file {path} does not exist{' (it is a folder)' if path.exists() else ''}: "
                            "check the --squad path.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        articles = data["data"]
        if not isinstance(articles, list):
            raise TypeError("'data' is not a list")
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise CiteqaError(f"{path} is not a SQuAD JSON file ({type(exc).__name__}: {exc}): expected "
                          '{"data": [{"title", "paragraphs": [{"context", "qas": [...]}]}]}.') from None
    documents: list[Document] = []
    questions: list[Question] = []
    seen: set[str] = set()
    for number, article in enumerate(articles, start=1):
        doc_id, paragraphs = _article(path, number, article, seen)
        seen.add(doc_id)
        title = str(article.get("title") or doc_id)
        text = clean_text("\n\n".join([title.replace("_", " "), *(p["context"] for p in paragraphs)]))
        raw = json.dumps(article, ensure_ascii=False, sort_keys=True).encode("utf-8")
        documents.append(Document(doc_id=doc_id, title=title.replace("_", " "), text=text,
                                  source_path=f"{path.resolve()}#{doc_id}", content_hash=hashlib.sha256(raw).hexdigest(),
                                  size=len(raw), format="squad"))
        for paragraph in paragraphs:
            questions += [_question(path, doc_id, qa) for qa in paragraph.get("qas") or ()]
    if not questions:
        raise CiteqaError(f"{path}: no questions found.")
    return SquadSet(path, LoadedCorpus(documents, []), questions)


def _article(path: Path, number: int, article, seen: set[str]) -> tuple[str, list[dict]]:
    if not isinstance(article, dict) or not isinstance(article.get("paragraphs"), list):
        raise CiteqaError(f"{path}: article {number} has no 'paragraphs' list.")
    doc_id = str(article.get("title") or f"article-{number}")
    if doc_id in seen:
        doc_id = f"{doc_id}-{number}"
    paragraphs = article["paragraphs"]
    for p in paragraphs:
        if not isinstance(p, dict) or not isinstance(p.get("context"), str):
            raise CiteqaError(f"{path}: article {doc_id!r} has a paragraph without a 'context' string.")
    return doc_id, paragraphs


def _question(path: Path, doc_id: str, qa) -> Question:
    try:
        qid, text = str(qa["id"]), str(qa["question"]).strip()
        answers = tuple(str(a["text"]) for a in qa.get("answers") or ())
    except (KeyError, TypeError):
        raise CiteqaError(f"{path}: a question of article {doc_id!r} lacks 'id', 'question' or answer 'text'.") from None
    if qa.get("is_impossible") or not answers:
        return Question(qid, text)
    return Question(qid, text, {doc_id: 1}, answers[0], answers)
