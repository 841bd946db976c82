"""The chat's API end to end: a real app on a free 127.0.0.1 port, the real model and index, gradio_client.

The app starts once for this module, on a copy of the shipped corpus and of its index (the session's
`shipped` build, so no re-embedding); tests that upload change that copy and say so in their names.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from citeqa.layout import one_line
from citeqa.settings import Settings
from citeqa.types import Document
from ui.render import VIEWER_WINDOW_CHARS, Highlight, answer_steps, chat_text, document_html, highlighted
from ui.uploads import safe_upload_name

KAZAKHSTAN = "kazakhstan-elections-international-observers.txt"
DECLARATION = "csto-declaration-2006-efficiency.txt"
BROCHURE = "csto-pa-brochure.txt"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pandas 3 warnings inside gradio's queue
QUESTIONS = [  # (question, the document its first citation must come from)
    ("Who coordinated the CSTO PA observer group in Kazakhstan?", KAZAKHSTAN),
    ("How many international observers from the CIS Interparliamentary Assembly monitored the elections?", KAZAKHSTAN),
    ("When was the CSTO declaration on further enhancement and increase in efficiency adopted?", DECLARATION),
    ("Who met with the heads of the OSCE mission to observe Belarus' parliamentary elections?",
     "belarus-osce-election-observers-meeting.txt"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_shipped(shipped: Settings, root: Path, **overrides) -> Settings:
    """A private copy of the shipped corpus and its index (the `current` link is relative)."""
    shutil.copytree(shipped.corpus, root / "corpus")
    shutil.copytree(shipped.index, root / "index", symlinks=True)
    return Settings.load(env={}, corpus=root / "corpus", index=root / "index", port=free_port(), **overrides)


def start_app(settings: Settings):
    """The app launched in this process; returns (blocks, url)."""
    from ui.app import create_app, launch

    blocks = create_app(settings)
    launch(blocks, settings, prevent_thread_lock=True)
    return blocks, f"http://{settings.host}:{settings.port}/"


@pytest.fixture(scope="module")
def ui_settings(shipped, tmp_path_factory) -> Settings:
    return copy_shipped(shipped, tmp_path_factory.mktemp("ui_api"), max_upload_mb=1)


@pytest.fixture(scope="module")
def app_url(ui_settings):
    blocks, url = start_app(ui_settings)
    yield url
    blocks.close()


@pytest.fixture(scope="module")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


def ask(client, question: str, **kwargs) -> dict:
    return client.predict(question, api_name="/ask", **kwargs)


def corpus_files(settings: Settings) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in settings.corpus.iterdir() if p.is_file()}


def upload(client, *paths: Path) -> tuple[str, str]:
    from gradio_client import handle_file

    return client.predict([handle_file(str(p)) for p in paths], api_name="/upload")


# --- rendering: document text is data, never markup (no server needed) ------------------------------------


def test_chat_text_escapes_html_and_markdown():
    text = 'x <img src=x onerror="alert(1)"> **b** [l](javascript:alert(1)) `c` # h & 1. z'
    out = chat_text(text)
    assert "<" not in out and ">" not in out
    assert re.search(r"(?<!\\)[*\[\]`#()]", out) is None  # every Markdown character backslash-escaped
    assert "&lt;img" in out and "&amp;" in out


def test_highlight_escapes_text_and_marks_the_span():
    text = "before <b>bold</b> after"
    out = highlighted(text, 100, [Highlight(107, 118, "1")], "a\"b.txt")
    assert out.startswith("before <mark ")
    assert '>&lt;b&gt;bold&lt;/b&gt;</mark><sup class="citeqa-label">[1]</sup> after' in out
    assert 'data-doc="a&quot;b.txt" data-start="107" data-end="118"' in out


def test_document_html_marks_the_target_and_shows_markup_as_text():
    text = 'Notes <script>alert(1)</script> and <img src=x onerror="alert(2)"> end.'
    doc = Document("x<y>.txt", "A <b>title</b>", text, "x.txt", "0" * 64, len(text), "txt")
    out = document_html(doc, 6, 31)
    assert out.count('id="citeqa-target"') == 1
    assert re.search(r'id="citeqa-target"[^>]*>&lt;script&gt;alert\(1\)&lt;/script&gt;</mark>', out)
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in out and "A &lt;b&gt;title&lt;/b&gt;" in out
    assert "<script" not in out and "<img" not in out and "<b>title" not in out


def test_the_viewer_gets_a_window_of_a_long_document_and_can_read_on():
    """One click sends the span and its surroundings, not the whole document; following the buttons to
    later text walks through all of it."""
    text = "".join(f"Line {i} of a long report about harbour dues.\n" for i in range(20_000))  # ~900,000 chars
    doc = Document("long.txt", "Long report", text, "long.txt", "0" * 64, len(text), "txt")
    start = text.index("Line 12345 ")
    out = document_html(doc, start, start + 10)
    assert len(out) < 2 * VIEWER_WINDOW_CHARS and re.search(r'id="citeqa-target"[^>]*>Line 12345</mark>', out)
    assert 'data-at="' in out and "Earlier text" in out and "Later text" in out
    def walk(window, direction):
        """The text of each window reached by following one button, `direction` "Later" or "Earlier"."""
        while window is not None:
            page = document_html(doc, start, start + 10, window)
            body = re.search(r'<div class="citeqa-doc"[^>]*>(.*)</div>$', page, re.S).group(1)
            yield html.unescape(re.sub(r"<button[^>]*>.*?</button>|<[^>]+>", "", body))
            found = re.search(rf'data-at="(\d+)" data-until="(\d+)">. {direction}', page)
            window = (int(found[1]), int(found[2])) if found else None

    assert "".join(walk((0, VIEWER_WINDOW_CHARS), "Later")) == text
    assert "".join(reversed(list(walk((len(text) - 100, len(text)), "Earlier")))) == text
    assert len(document_html(doc, 0, 0, (0, len(text)))) < 2 * VIEWER_WINDOW_CHARS  # a window never grows past one


def test_the_chat_says_how_a_misspelt_question_was_read(service, client):
    """The answer opens with the question as read, in italics, before the quotes; `/ask` gives it as `read_as`."""
    answer = service.ask("What did Lukashenko say about secruity?")
    steps = answer_steps(answer)
    assert answer.read_as == "What did Lukashenko say about security?" and not answer.abstained
    assert steps[0] == "*" + chat_text("Read as: What did Lukashenko say about security?") + "*"
    assert all(step.startswith(steps[0]) for step in steps)
    assert ask(client, "What did Lukashenko say about secruity?")["read_as"] == answer.read_as
    assert ask(client, "What did Lukashenko say about security?")["read_as"] is None


def test_a_follow_up_says_how_it_was_read(service, client):
    """"What about the Mazhilis?" is answered as "Who chairs the Mazhilis?", and the answer says so: a reading
    the user did not mean shows at once. A question read as typed says nothing."""
    first = ask(client, "Who chairs the Senate of Kazakhstan?")
    assert first["read_as"] is None
    history = [["Who chairs the Senate of Kazakhstan?", first["answer"]]]
    second = ask(client, "What about the Mazhilis?", history=history)
    assert second["read_as"] == "Who chairs the Mazhilis?" and "Erlan Koshanov" in second["answer"], second
    assert service.ask("who chairs the senate of kazakhstan?").read_as is None  # only capitals read differently


def test_keywords_that_name_a_post_are_answered_as_who_holds_it(client):
    """"csto pa chairman", typed as into a search box, is read as "Who is the Chairman of the CSTO PA?" through the
    Gradio API too: the holder in bold, and the reading shown."""
    answer = ask(client, "csto pa chairman")
    assert answer["read_as"] == "Who is the Chairman of the CSTO PA?", answer
    assert answer["short_answer"]["text"] == "Vyacheslav Volodin", answer["answer"]


def test_answer_streams_one_quote_at_a_time(service):
    answer = service.ask(QUESTIONS[0][0])
    steps = answer_steps(answer)
    head = 1 if answer.short_answer is not None else 0  # the short answer in bold comes first, alone
    assert len(steps) == len(answer.citations) + head and len(answer.citations) > 1
    if head:
        assert steps[0].startswith("**") and "\\[1\\]" in steps[0]
    for shorter, longer in zip(steps, steps[1:]):
        assert longer.startswith(shorter + "\n")
    assert steps[-1].endswith(f"\\[{len(answer.citations)}\\]")


@pytest.mark.parametrize("given, safe", [
    ("../../escape.txt", "escape.txt"),
    ("/etc/passwd.txt", "passwd.txt"),
    ("..\\..\\win.md", "win.md"),
    (".hidden.txt", "hidden.txt"),
    ("..", "upload"),
    ("a/b/../Report 2024.PDF", "Report 2024.pdf"),
    ("doc<script>.html", "doc_script_.html"),
    ("Доклад.txt", "Доклад.txt"),
])
def test_upload_names_are_flat_and_safe(given, safe):
    assert safe_upload_name(given) == safe


# --- questions ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_ask_returns_quotes_cited_to_exact_characters(client):
    result = ask(client, QUESTIONS[0][0])
    assert result["question"] == QUESTIONS[0][0]
    assert not result["abstained"] and result["citations"]
    for c in result["citations"]:
        text = client.predict(c["doc_id"], api_name="/document")["text"]
        assert text[c["start"]:c["end"]] == c["quote"]
        assert f"{one_line(c['quote'])}” [{c['n']}]" in result["answer"]
    assert {"rank", "doc_id", "chunk_id", "title", "text", "start", "end", "score"} <= set(result["passages"][0])
    short = result["short_answer"]  # the span that answers, inside its citation's quote
    if short is not None:
        cited = result["citations"][short["citation"] - 1]
        assert cited["start"] <= short["start"] < short["end"] <= cited["end"]
        assert cited["quote"][short["start"] - cited["start"] : short["end"] - cited["start"]] == short["text"]


def test_a_question_naming_two_documents_quotes_both_through_the_api(client):
    """"What do the statement and the brochure say about foreign interference?" is asked of each document: the
    answer cites both, numbered on, and every citation opens its document at the quoted characters."""
    result = ask(client, "What do the statement and the brochure say about foreign interference?")
    assert not result["abstained"], result["answer"]
    docs = [c["doc_id"] for c in result["citations"]]
    assert docs[0] == "csto-pa-statement-foreign-election-interference.txt" and BROCHURE in docs, result["answer"]
    assert [c["n"] for c in result["citations"]] == list(range(1, len(docs) + 1))
    for c in result["citations"]:
        assert client.predict(c["doc_id"], api_name="/document")["text"][c["start"]:c["end"]] == c["quote"]
        assert f"{one_line(c['quote'])}” [{c['n']}]" in result["answer"]


@pytest.mark.slow
def test_document_restriction_returns_only_that_document(client):
    result = ask(client, QUESTIONS[0][0], doc_ids=[BROCHURE])
    assert result["passages"]
    assert {p["doc_id"] for p in result["passages"]} == {BROCHURE}
    assert {c["doc_id"] for c in result["citations"]} <= {BROCHURE}


@pytest.mark.slow
def test_date_range_filters_documents(client):
    inside = ask(client, "What did the member states declare?", date_from="2006-01-01", date_to="2006-12-31")
    assert inside["passages"] and {p["doc_id"] for p in inside["passages"]} == {DECLARATION}
    outside = ask(client, "What did the member states declare?", date_from="2020-01-01")
    assert outside["abstained"] and outside["passages"] == []
    assert outside["answer"].startswith("No document is dated from 2020-01-01 on")


@pytest.mark.slow
def test_bad_input_gets_a_message(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="YYYY-MM-DD"):
        ask(client, QUESTIONS[0][0], date_from="23/06/2006")
    with pytest.raises(AppError, match="unknown document"):
        ask(client, QUESTIONS[0][0], doc_ids=["no-such-file.txt"])
    with pytest.raises(AppError, match="empty"):
        ask(client, "   ")


@pytest.mark.slow
def test_unanswerable_question_abstains_with_related_passages(client):
    result = ask(client, "What is the boiling point of water at sea level?")
    assert result["abstained"]
    assert result["answer"] == "The documents do not say."
    assert result["citations"] == [] and result["passages"]


@pytest.mark.slow
def test_follow_up_uses_the_conversation(client):
    earlier = ["How many observers monitored the elections in Kazakhstan?", "“…” [1]"]
    alone = ask(client, "Who coordinated it?")
    followed = ask(client, "Who coordinated it?", history=[earlier])
    # what retrieval finds (the passages; a refused answer still shows them as related)
    assert followed["passages"][0]["doc_id"] == KAZAKHSTAN
    assert alone["passages"][0]["doc_id"] != KAZAKHSTAN


@pytest.mark.slow
def test_he_in_a_follow_up_is_the_person_the_last_answer_named(client):
    """The earlier turn as a script sends it, the answer's own text: its first line is the short answer."""
    first = ask(client, "Who is the Chairman of the CSTO Parliamentary Assembly?")
    assert first["short_answer"]["text"] == "Vyacheslav Volodin"
    said = ask(client, "What did he say?", history=[[first["question"], first["answer"]]])
    assert not said["abstained"], said["answer"]
    assert "parliamentary dimension of the CSTO" in said["citations"][0]["quote"], said["answer"]


@pytest.mark.slow
def test_a_conversation_reads_fragments_it_and_more(client):
    """Through the chat's API as a script sends it: a fragment, "it" and "Tell me more" read from the turns before."""
    first = ask(client, "Where does the CIS observer mission work apart from Kazakhstan?")
    history = [[first["question"], first["answer"]]]
    count = ask(client, "How many observers does it have?", history=history)
    assert count["read_as"] == "How many observers does the CIS observer mission have?", count
    assert "A total of 61 international observers" in count["citations"][0]["quote"], count["answer"]
    met = ask(client, "Who met Aleksandr Lukashenko in Minsk?")
    when = ask(client, "When?", history=[[met["question"], met["answer"]]])
    assert when["short_answer"]["text"] == "20 December", when["answer"]
    more = ask(client, "Tell me more", history=[[met["question"], met["answer"]]])
    assert more["read_as"] == "Who met Aleksandr Lukashenko in Minsk?"
    assert all(c["quote"] not in met["answer"] for c in more["citations"] if not more["abstained"]), more["answer"]


@pytest.mark.slow
def test_a_scene_before_the_question_and_a_thanks_before_the_next(client):
    """As people type in a chat, through the API as a script sends it: the asker's case told before the question, and
    a thanks or a remark before the next question, which is still read with the turn before."""
    dated = ask(client, "I'm putting together a briefing for my boss and my notes have no date. When was the "
                        "declaration on the CSTO's efficiency adopted?")
    assert dated["short_answer"]["text"] == "June 23, 2006", dated["answer"]
    first = ask(client, "Who is the Chairman of the CSTO Parliamentary Assembly?")
    history = [[first["question"], first["answer"]]]
    elected = ask(client, "Thanks. When was he elected?", history=history)
    assert elected["abstained"] and "Volodin" in elected["read_as"], elected
    senate = ask(client, "Great, that helps. And who chairs the Senate of Kazakhstan?", history=history)
    assert senate["short_answer"]["text"] == "Maulen Ashimbayev", senate["answer"]


@pytest.mark.slow
def test_status_and_documents(client):
    status = client.predict(api_name="/status")
    assert status["documents"] == 5 and status["chunks"] > 0
    assert status["model"] in status["line"] and status["built_at"] in status["line"]
    assert client.predict(BROCHURE, api_name="/document")["doc_id"] == BROCHURE


@pytest.mark.slow
def test_many_people_at_once(app_url):
    """24 simultaneous sessions, each checking that the answer it got is the answer to its own question."""
    from gradio_client import Client

    def one(i: int) -> tuple[str, str, dict]:
        question, expected = QUESTIONS[i % len(QUESTIONS)]
        return question, expected, ask(Client(app_url, verbose=False), question)

    barrier = threading.Barrier(24)

    def together(i: int):
        barrier.wait()
        return one(i)

    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(together, range(24)))
    for question, expected, result in results:
        assert result["question"] == question
        assert result["citations"] and result["citations"][0]["doc_id"] == expected


# --- uploads and the index: these change the module's corpus copy ---------------------------------------


@pytest.mark.slow
def test_upload_adds_a_document_that_becomes_answerable(client, ui_settings, tmp_path):
    new = tmp_path / "zephyr-accord.txt"
    new.write_text("The Zephyr Accord\n\nThe Zephyr Accord on river shipping was signed in Tallinn "
                   "by fourteen delegations of river ports.\n", encoding="utf-8")
    message, status = upload(client, new)
    assert "added: zephyr-accord.txt" in message and "1 added" in message
    assert status.startswith("6 documents")
    result = ask(client, "Where was the Zephyr Accord on river shipping signed?")
    assert result["citations"][0]["doc_id"] == "zephyr-accord.txt"
    assert "Tallinn" in result["answer"]

    new.write_text("The Zephyr Accord\n\nThe Zephyr Accord on river shipping was signed in Riga "
                   "by fifteen delegations of river ports.\n", encoding="utf-8")
    message, _ = upload(client, new)
    assert "updated: zephyr-accord.txt (replaced" in message and "1 changed" in message
    assert "Riga" in ask(client, "Where was the Zephyr Accord on river shipping signed?")["answer"]
    assert (ui_settings.corpus / "zephyr-accord.txt").read_text(encoding="utf-8").count("Riga") == 1


@pytest.mark.slow
def test_bad_uploads_are_refused_and_change_nothing(client, ui_settings, tmp_path):
    bad = {
        "empty.txt": b"   \n",
        "binary.txt": b"text\x00\x01\x02 more",
        "latin1.txt": "caf\xe9 cr\xe8me".encode("latin-1"),
        "program.exe": b"MZ\x90\x00",
        "broken.pdf": b"%PDF-1.4 this is not really a pdf",
        "broken.docx": b"PK\x03\x04 not a zip",
        "huge.txt": b"word " * (300 * 1024),  # 1.5 MB, over the 1 MB limit of this app
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    before, status_before = corpus_files(ui_settings), client.predict(api_name="/status")
    message, _ = upload(client, *(tmp_path / name for name in bad))
    for name in bad:
        assert f"refused: {name}: " in message
    for reason in ("empty file", "binary", "UTF-8", "unsupported file type .exe", "PDF", "DOCX", "too big"):
        assert reason in message
    assert "Nothing was added" in message
    assert corpus_files(ui_settings) == before
    assert client.predict(api_name="/status") == status_before
    assert not [p for p in ui_settings.corpus.iterdir() if p.name.startswith(".upload-")]


@pytest.mark.slow
def test_upload_name_with_path_traversal_stays_in_the_corpus(client, app_url, ui_settings, tmp_path):
    response = httpx.post(f"{app_url}gradio_api/upload",
                          files={"files": ("../../escape-attempt.txt", b"The Quokka Charter was agreed in Perth.\n")})
    response.raise_for_status()
    server_path = response.json()[0]
    message, _ = client.predict([{"path": server_path, "meta": {"_type": "gradio.FileData"},
                                  "orig_name": "../../escape-attempt.txt"}], api_name="/upload")
    assert "added: escape-attempt.txt" in message
    assert (ui_settings.corpus / "escape-attempt.txt").is_file()
    for outside in (ui_settings.corpus.parent, ui_settings.corpus.parent.parent):
        assert not (outside / "escape-attempt.txt").exists()


@pytest.mark.slow
def test_upload_while_another_build_runs_is_refused_and_changes_nothing(client, ui_settings, tmp_path):
    """Another build holding the index lock (e.g. `citeqa index` running): the upload is refused before
    any file moves, and the old index keeps answering."""
    from gradio_client.exceptions import AppError
    from retrieval.store.local import BuildLock

    new = tmp_path / "blocked.txt"
    new.write_text("The Walrus Protocol was signed in Oslo.\n", encoding="utf-8")
    before, status_before = corpus_files(ui_settings), client.predict(api_name="/status")
    with BuildLock(ui_settings.index), pytest.raises(AppError, match="another build .* is running"):
        upload(client, new)
    assert corpus_files(ui_settings) == before
    assert client.predict(api_name="/status") == status_before
    assert not ask(client, QUESTIONS[0][0])["abstained"]


@pytest.mark.slow
def test_rebuild_reembeds_everything(client):
    before = client.predict(api_name="/status")
    message, status = client.predict(api_name="/rebuild")
    assert "written" in message and f"{before['documents']} added" in message
    assert status.startswith(f"{before['documents']} documents")
    assert ask(client, QUESTIONS[2][0])["citations"][0]["doc_id"] == DECLARATION


def test_the_chat_keeps_a_bounded_number_of_turns(shipped):
    """However long a conversation grows, the turns it keeps for follow-ups stay within the service's bound."""
    from retrieval.service import MAX_HISTORY_TURNS
    from ui.app import ChatApp

    app = ChatApp(shipped)
    turns = [[f"Earlier question {i}?", "“…” [1]"] for i in range(MAX_HISTORY_TURNS)]
    *_, last = app.chat(QUESTIONS[0][0], [], turns, "hybrid", 5, [], "", "")
    kept = last[2]
    assert len(kept) == MAX_HISTORY_TURNS and kept[-1][0] == QUESTIONS[0][0] and kept[0] == turns[1]
    assert "Markevich" in kept[-1][1]
