"""Labeled question sets (JSON Lines) read into typed `Question`s, refusing malformed input by file and line.

One line: {"id": "q01", "question": "...", "relevant": ["doc-id", ...], "answer": "short span" or null}, and
optionally "answers": [other wordings a quote may hold instead].
`relevant: []` marks a question the corpus does not answer: the right response is to abstain. A follow-up
adds "after": ["earlier question", ...], the conversation before it: those are asked first, in order, and
their answers are its history (`eval/conversations.jsonl`).
Input is checked before any model or index is loaded, so a typo costs a second, not a minute.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping

from citeqa.errors import CiteqaError, InputNotFound, SettingsError

DEFAULT_QUESTIONS = Path(__file__).with_name("questions.jsonl")
CONVERSATIONS = Path(__file__).with_name("conversations.jsonl")
# The questions a new user asks first of the shipped corpus (what it is, what its letters stand for, who holds a post)
FIRST_QUESTIONS = Path(__file__).with_name("first_questions.jsonl")
# Questions that tell the asker's case before they ask ("I'm citing the declaration in my thesis. What date ...?")
SCENE_QUESTIONS = Path(__file__).with_name("scene_questions.jsonl")
# Follow-ups typed as people chat: a thanks or a remark before they ask on ("Great, that helps. And who chairs ...?")
CHATTY_CONVERSATIONS = Path(__file__).with_name("chatty_conversations.jsonl")
# Another kind of collection: pyenv's documentation (MIT), Markdown with a command reference and a long changelog,
# and questions a pyenv user asks of it (a collection the answer rules were not written on)
DOCS_CORPUS = Path(__file__).with_name("corpora") / "pyenv"
DOCS_QUESTIONS = Path(__file__).with_name("docs_questions.jsonl")
# A third: two PDF manuals (the Shared MIME-info Database specification, GPL-2; libtasn1's manual, GFDL-1.3; licences
# in corpora/licenses), with running headers, tables of contents and prose wrapped to the page
MANUALS_CORPUS = Path(__file__).with_name("corpora") / "manuals"
MANUALS_QUESTIONS = Path(__file__).with_name("manuals_questions.jsonl")
# A fourth: developer guides in Markdown (FastAPI's, Typer's, pyparsing's best practices and ONNX Runtime's privacy
# notes, all MIT), with commands in code blocks after a colon and list items that open with a bold lead sentence
GUIDES_CORPUS = Path(__file__).with_name("corpora") / "guides"
GUIDES_QUESTIONS = Path(__file__).with_name("guides_questions.jsonl")
# A fifth: three software licences as plain text (GPL-3, Apache-2.0, MPL-2.0, from Debian's common-licenses), long
# legal sentences hard-wrapped at 70 columns, numbered sections, a disclaimer boxed in asterisks
LEGAL_CORPUS = Path(__file__).with_name("corpora") / "legal"
LEGAL_QUESTIONS = Path(__file__).with_name("legal_questions.jsonl")
# A sixth: Debian's Python policy (Sphinx HTML), dpkg's triggers and rootless-builds specs (plain text with underlined
# headings) and zlib's usage example (HTML), with paths on lines of their own inside sentences
DEBIAN_CORPUS = Path(__file__).with_name("corpora") / "debian"
DEBIAN_QUESTIONS = Path(__file__).with_name("debian_questions.jsonl")
DEBIAN_SCENE_QUESTIONS = Path(__file__).with_name("debian_scene_questions.jsonl")  # the case told first
# A seventh: two FAQs, questions as headings. Debian's FAQ (DocBook HTML, 17 pages, each opening with a table of
# contents of its questions, the whole FAQ's on index.en.html) and Python's FAQ (Sphinx HTML, 7 pages)
FAQ_CORPUS = Path(__file__).with_name("corpora") / "faq"
FAQ_QUESTIONS = Path(__file__).with_name("faq_questions.jsonl")
PYTHON_FAQ_CORPUS = Path(__file__).with_name("corpora") / "pyfaq"
PYTHON_FAQ_QUESTIONS = Path(__file__).with_name("pyfaq_questions.jsonl")
# A ninth: libffi's manual (texinfo HTML, 20 pages from Debian's libffi8, MIT), a C library's reference: functions and
# constants named in code, their parameters described one by one, a page per section with its navigation line
LIBFFI_CORPUS = Path(__file__).with_name("corpora") / "libffi"
LIBFFI_QUESTIONS = Path(__file__).with_name("libffi_questions.jsonl")
MAX_AFTER = 20  # the turns of history the service reads


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    # Relevant document id -> graded gain (1 for a plain list; BEIR qrels may grade 2, 3, ...).
    relevance: Mapping[str, int] = field(default_factory=dict)
    answer: str | None = None  # a span a passage that answers it contains (case-insensitive)
    # Every accepted wording of the answer (SQuAD's annotators); empty: just `answer`.
    answers: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # a follow-up's conversation: the questions asked before it, in order

    @property
    def answerable(self) -> bool:
        return bool(self.relevance)

    @property
    def answer_variants(self) -> tuple[str, ...]:
        return self.answers or ((self.answer,) if self.answer is not None else ())

    @property
    def relevant(self) -> list[str]:
        return list(self.relevance)


def jsonl_objects(path: Path) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line number, line without its newline, object) for each non-blank line; a line that is not a
    JSON object is refused with the file and line number."""
    if not path.is_file():
        raise InputNotFound(f"{path} does not exist{' (it is a folder)' if path.exists() else ''}: check the path.")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CiteqaError(f"{path}:{number}: not valid JSON ({exc.msg} at column {exc.colno}).") from None
            if not isinstance(obj, dict):
                raise CiteqaError(f"{path}:{number}: expected a JSON object, found {type(obj).__name__}.")
            yield number, line.rstrip("\r\n"), obj


@dataclass(frozen=True)
class QuestionSet:
    path: Path
    questions: list[Question]


def load_questions(path: Path = DEFAULT_QUESTIONS) -> list[Question]:
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, _, obj in jsonl_objects(path):
        where = f"{path}:{number}"
        question = _parse(obj, where)
        if question.id in seen:
            raise CiteqaError(f"{where}: id {question.id!r} is already used on line {seen[question.id]}.")
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise CiteqaError(f"{path} holds no questions: add one JSON object a line.")
    return questions


def _parse(obj: dict[str, Any], where: str) -> Question:
    missing = [key for key in ("id", "question", "relevant") if key not in obj]
    if missing:
        raise CiteqaError(f"{where}: missing {', '.join(repr(m) for m in missing)} "
                          '(a line is {"id", "question", "relevant": [doc ids], "answer": span or null}).')
    qid, text, relevant, answer = obj["id"], obj["question"], obj["relevant"], obj.get("answer")
    if not isinstance(qid, str) or not qid.strip():
        raise CiteqaError(f"{where}: 'id' must be a non-empty string.")
    if not isinstance(text, str) or not text.strip():
        raise CiteqaError(f"{where}: 'question' must be a non-empty string.")
    if not isinstance(relevant, list) or not all(isinstance(d, str) and d for d in relevant):
        raise CiteqaError(f"{where}: 'relevant' must be a list of document ids (strings); [] for unanswerable.")
    if answer is not None and (not isinstance(answer, str) or not answer.strip()):
        raise CiteqaError(f"{where}: 'answer' must be a non-empty string or null.")
    if answer is not None and not relevant:
        raise CiteqaError(f"{where}: an unanswerable question (relevant: []) cannot have an answer span.")
    after = obj.get("after", [])
    if not isinstance(after, list) or not all(isinstance(q, str) and q.strip() for q in after):
        raise CiteqaError(f"{where}: 'after' must be a list of the questions asked before it (non-empty strings).")
    if len(after) > MAX_AFTER:
        raise CiteqaError(f"{where}: 'after' holds {len(after)} questions; a conversation keeps at most {MAX_AFTER}.")
    answers = obj.get("answers", [])  # other wordings a quote may hold instead ("switch between ..." or "change ...")
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        raise CiteqaError(f"{where}: 'answers' must be a list of the answer's accepted wordings (non-empty strings).")
    if answers and answer is None:
        raise CiteqaError(f"{where}: 'answers' lists other wordings of 'answer': give 'answer' too.")
    return Question(qid, text.strip(), {doc_id: 1 for doc_id in relevant}, answer,
                    tuple(dict.fromkeys([answer, *answers])) if answers else (), after=tuple(q.strip() for q in after))


def limited(questions: list[Question], limit: int | None) -> list[Question]:
    """The first `limit` questions (all when None): a quick look before a full run."""
    if limit is not None and limit < 1:
        raise SettingsError(f"--limit {limit}: evaluate at least 1 question.")
    return questions[:limit]
