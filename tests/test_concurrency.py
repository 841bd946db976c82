"""Questions answered while the index is rebuilt in the same process, as in the chat (uploads and rebuilds
run beside questions): the model's tokenizer and encoder are shared by the chunker, the build's encoder
and the questions' encoder, and the service swaps readers under running questions."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from citeqa.settings import Settings
from ingest.pipeline import build_index
from retrieval.service import build_service
from retrieval.store.local import current_build

# question -> the document its first citation comes from, whatever the build. Questions whose best quote
# stands well above the next: a full rebuild embeds every text again in other batches, and int8 vectors
# vary a little with their batch, which may reorder two quotes the answer finder rates alike.
QUESTIONS = {
    "Who is the Vice President of the OSCE Parliamentary Assembly?": "belarus-osce-election-observers-meeting.txt",
    "How many deputies make up the delegation of Armenia to the CSTO PA?": "csto-pa-brochure.txt",
}


def test_questions_are_answered_while_the_index_is_rebuilt(corpus_copy, tmp_path):
    settings = Settings.load(env={}, corpus=corpus_copy, index=tmp_path / "index")
    build_index(settings)
    service = build_service(settings)
    expected = {q: service.ask(q).citations[0].quote for q in QUESTIONS}
    first_build = current_build(settings.index)

    stop, failures, answered = threading.Event(), [], []

    def ask_until_stopped() -> None:
        while not stop.is_set():
            for question, doc_id in QUESTIONS.items():
                try:
                    answer = service.ask(question)
                    cited = answer.citations[0]
                    assert (cited.doc_id, cited.quote) == (doc_id, expected[question]), answer.answer
                    answered.append(answer.retrieval_query)
                except Exception as exc:  # noqa: BLE001 - every failure is reported below
                    failures.append(f"{type(exc).__name__}: {exc}")

    askers = [threading.Thread(target=ask_until_stopped) for _ in range(2)]
    for thread in askers:
        thread.start()
    try:
        with service.components() as first:  # a question that lasts across three rebuilds
            # A full build first (every document chunked and embedded beside the questions), then two
            # incremental ones with a new document.
            assert build_index(settings, full=True).chunks_embedded > 0
            for n in range(2):
                (corpus_copy / "note.txt").write_text(f"Archive note {n}\n\nThe archive received {n + 3} boxes.\n")
                assert build_index(settings).wrote_index
            with ThreadPoolExecutor(1) as fresh_thread:  # a new SQLite connection to the first build
                late = fresh_thread.submit(first.retriever.search, next(iter(QUESTIONS)), 3).result()
            assert first.version == first_build.name and late[0].doc_id == next(iter(QUESTIONS.values()))
    finally:
        stop.set()
        for thread in askers:
            thread.join()
    assert failures == [], failures[:3]
    assert len(answered) >= len(QUESTIONS)

    # The service closes each reader it replaced once no question uses it, so a build removes every build
    # but the current one and the one the service is reading (until its next question moves it on).
    service.ask(next(iter(QUESTIONS)))
    with service.components() as components:
        held = components.version
    (corpus_copy / "note.txt").write_text("Archive note 9\n\nThe archive received twelve boxes.\n")
    build_index(settings)
    builds = {p.name for p in (settings.index / "builds").iterdir()}
    assert builds == {held, current_build(settings.index).name} and first_build.name not in builds
    service.close()
