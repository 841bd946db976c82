"""One measured benchmark step, run by eval.bench as its own process so its peak memory is its own.

    python -m eval.bench_step {build,update,ask,follow_ups,langchain,langchain_query} --corpus DIR --index DIR
                              [--questions FILE]

Prints the step's figures as one JSON object on its last line of output. Settings other than
the corpus and index come from the usual `CITEQA_*` variables and defaults, as for `citeqa`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from citeqa.settings import Settings
from eval.bench_common import latency_summary, percentile


def step_build(settings: Settings, questions: list[dict]) -> dict:
    """`citeqa index --full`: everything embedded again (chunks, and sentences for quoting)."""
    from ingest.pipeline import build_index

    s = build_index(settings, full=True)
    return {
        "seconds": s.seconds, "n_documents": len(s.added) + len(s.changed) + len(s.unchanged),
        "n_chunks": s.n_chunks, "chunks_embedded": s.chunks_embedded,
        "sentences_embedded": s.sentences_embedded, "tokens_embedded": s.tokens_embedded,
        "chunks_per_second": s.chunks_embedded / s.seconds, "tokens_per_second": s.tokens_embedded / s.seconds,
    }


def step_update(settings: Settings, questions: list[dict]) -> dict:
    """`citeqa index` when nothing changed: the cost of checking that the index is up to date."""
    from ingest.pipeline import build_index

    s = build_index(settings)
    return {"seconds": s.seconds, "wrote_index": s.wrote_index, "chunks_embedded": s.chunks_embedded}


def step_ask(settings: Settings, questions: list[dict]) -> dict:
    """QAService.ask (retrieval and answer composition) per question, after one warm-up question."""
    return _timed_asks(settings, questions)


def step_follow_ups(settings: Settings, questions: list[dict]) -> dict:
    """QAService.ask of follow-ups (each row's "after": the questions asked before it, in order, answered first and
    not timed; then the row's question with them as its history), after one warm-up question. A follow-up is read with
    the question it leans on: two texts to encode, a longer query to search."""
    return _timed_asks(settings, questions, with_history=True)


def _timed_asks(settings: Settings, questions: list[dict], with_history: bool = False) -> dict:
    from citeqa.types import Turn
    from retrieval.service import build_service

    service = build_service(settings)
    started = time.perf_counter()
    service.ask(questions[0]["question"])
    warmup_ms = (time.perf_counter() - started) * 1000
    latencies, cited, abstained, stages = [], 0, 0, {}
    for q in questions:
        history = []
        for earlier in q.get("after", []) if with_history else []:
            history.append(Turn(earlier, service.ask(earlier, history=history).answer))
        started = time.perf_counter()
        answer = service.ask(q["question"], history=history)
        latencies.append((time.perf_counter() - started) * 1000)
        for stage, ms in answer.timings_ms.items():
            stages.setdefault(stage, []).append(ms)
        cited += bool({c.doc_id for c in answer.citations} & set(q["doc_ids"]))
        abstained += answer.abstained
    with_source = sum(bool(q["doc_ids"]) for q in questions)
    return latency_summary(latencies) | {
        "warmup_ms": warmup_ms, "abstained": abstained / len(questions),
        "stages_p50_ms": " · ".join(f"{stage} {percentile(ms, 50):.1f}" for stage, ms in stages.items()
                                    if stage not in ("load", "total")),
        "cited_the_source": cited / with_source if with_source else None,
    }


def step_langchain(settings: Settings, questions: list[dict]) -> dict:
    """The stock LangChain recipe over the same files and the same local model, for comparison.

    The build time covers loading, splitting, loading the model, embedding and the FAISS index,
    as citeqa's does. The store is saved in the --index folder for `langchain_query`."""
    from citeqa.embedding import resolve_model_path  # sets HF_HUB_OFFLINE before the model loads

    started = time.perf_counter()
    from langchain_community.document_loaders import DirectoryLoader, TextLoader
    from langchain_community.vectorstores import FAISS
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    docs = DirectoryLoader(str(settings.corpus), glob="**/*.txt", loader_cls=TextLoader).load()
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    embeddings = HuggingFaceEmbeddings(model_name=str(resolve_model_path(settings.model)), model_kwargs={"device": "cpu"})
    store = FAISS.from_documents(chunks, embeddings)
    seconds = time.perf_counter() - started
    store.save_local(str(settings.index))

    store.similarity_search(questions[0]["question"], k=5)  # warm-up
    latencies = []
    for q in questions:
        started = time.perf_counter()
        store.similarity_search(q["question"], k=5)
        latencies.append((time.perf_counter() - started) * 1000)
    return latency_summary(latencies) | {
        "seconds": seconds, "n_documents": len(docs), "n_chunks": len(chunks),
        "chunks_per_second": len(chunks) / seconds,
    }


def step_langchain_query(settings: Settings, questions: list[dict]) -> dict:
    """LangChain's cold query: load the saved store and the model, answer one similarity_search."""
    from citeqa.embedding import resolve_model_path
    from langchain_community.vectorstores import FAISS
    from langchain_huggingface import HuggingFaceEmbeddings

    embeddings = HuggingFaceEmbeddings(model_name=str(resolve_model_path(settings.model)), model_kwargs={"device": "cpu"})
    store = FAISS.load_local(str(settings.index), embeddings, allow_dangerous_deserialization=True)  # our own file
    return {"n_results": len(store.similarity_search(questions[0]["question"], k=5))}


STEPS = {"build": step_build, "update": step_update, "ask": step_ask, "follow_ups": step_follow_ups,
         "langchain": step_langchain, "langchain_query": step_langchain_query}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=STEPS)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--questions", type=Path, help='JSON list of {question, doc_ids} (and "after" for follow-ups)')
    args = parser.parse_args(argv)
    questions = json.loads(args.questions.read_text()) if args.questions else []
    settings = Settings.load(corpus=args.corpus, index=args.index)
    print(json.dumps(STEPS[args.step](settings, questions)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
