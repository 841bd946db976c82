"""The Gradio chat: questions answered with cited quotes, their sources, a document viewer, corpus uploads.

Thin by design: answers come from `QAService.ask` (built by `build_service`), indexing from `build_index`, uploads are
checked by `ui.uploads`, and every piece of HTML is built (and escaped) by `ui.render`. The same
functions are named API endpoints (`/ask`, `/document`, `/status`, `/upload`, `/rebuild`) for
scripts using gradio_client.

Many people at once: one `QAService` serves every session (it is thread-safe and follows index
swaps); questions run `QUESTION_WORKERS` at a time (the work is CPU-bound: more workers than cores
only add contention); index changes (uploads, rebuilds) run one at a time in their own queue, so
questions keep being answered from the current index while a build runs.
"""

import ipaddress
import os
import sys
import threading
import time
from functools import wraps
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterator

import gradio as gr

from citeqa.errors import CiteqaError, SettingsError
from citeqa.progress import Progress
from citeqa.settings import MODES, Settings
from citeqa.types import Answer, Document, Filters, Turn
from ingest.discover import READABLE_SUFFIXES
from ingest.pipeline import build_index
from retrieval.service import MAX_ANSWER_CHARS, MAX_HISTORY_TURNS, build_service
from retrieval.store import open_store
from ui import render
from ui.uploads import add_uploads, recover_interrupted_uploads

EXAMPLE_QUESTIONS = (
    "Who coordinated the CSTO PA observer group in Kazakhstan?",
    "How many international observers from the CIS Interparliamentary Assembly monitored the elections?",
    "When was the CSTO declaration on enhancing efficiency adopted?",
    "Summarize the CSTO PA Council statement",
)
QUESTION_WORKERS = max(2, os.cpu_count() or 1)
QUEUE_MAX_SIZE = 200  # waiting requests beyond this are told the server is busy
STREAM_PAUSE_S = 0.04  # between quotes, so the answer visibly builds up
INDEX_QUEUE = "index"  # concurrency group of everything that writes the corpus or the index

SOURCES_JS = """
const open = (event) => {
  const target = event.target.closest('[data-doc]');
  if (!target || !element.contains(target)) return;
  event.stopPropagation();
  const data = {doc_id: target.dataset.doc, start: Number(target.dataset.start), end: Number(target.dataset.end)};
  if (target.dataset.shortStart) {
    data.short_start = Number(target.dataset.shortStart);
    data.short_end = Number(target.dataset.shortEnd);
  }
  trigger('click', data);
};
element.addEventListener('click', open);
element.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(event); });
"""

VIEWER_JS = """
const reveal = () => {
  const mark = element.querySelector('#citeqa-target');
  const box = element.querySelector('.citeqa-doc');
  if (!box) return;
  if (!mark) {  // reading on: text before the span is read upwards, text after it downwards
    box.scrollTop = box.dataset.scroll === 'end' ? box.scrollHeight : 0;
    return;
  }
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  const shown = mark.getBoundingClientRect();
  if (shown.top < 0 || shown.bottom > window.innerHeight) mark.scrollIntoView({block: 'center'});
};
element.addEventListener('click', (event) => {
  const more = event.target.closest('[data-at]');
  if (!more || !element.contains(more)) return;
  const data = {doc_id: more.dataset.doc, start: Number(more.dataset.start), end: Number(more.dataset.end),
                at: Number(more.dataset.at), until: Number(more.dataset.until)};
  if (more.dataset.shortStart) {
    data.short_start = Number(more.dataset.shortStart);
    data.short_end = Number(more.dataset.shortEnd);
  }
  trigger('click', data);
});
watch('value', reveal);
reveal();
"""

# Gradio's theme draws weight 600 (and bold, the nearest face to 700) from a SourceSansPro-SemiBold.woff2 that holds
# only a few glyphs ("A", "B"): every other letter of a bold word fell back to another font, so the short answer read
# as two typefaces ("Aleksandr" with a thin "A"). The package's full Bold face serves both weights instead.
BOLD_FACE = "static/fonts/SourceSansPro/SourceSansPro-Bold.woff2"
APP_CSS = "".join(f"""
@font-face {{ font-family: "Source Sans Pro"; src: url("{BOLD_FACE}") format("woff2"); font-weight: {weight};
  font-style: normal; }}""" for weight in (600, 700)) + """
#citeqa-status textarea { font-size: 0.85em; }
"""


def user_errors(fn: Callable) -> Callable:
    """Errors a user can act on shown as Gradio errors (a toast in the page, an exception with the
    message in gradio_client) instead of a generic 'Error'."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except CiteqaError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
    return wrapper


def gradio_progress(progress: gr.Progress) -> Progress:
    """build_index's progress(stage, done, total) shown as Gradio's progress bar."""
    return lambda stage, done, total: progress((done, max(total, 1)), desc=stage)


class ChatApp:
    """The handlers behind the page and the API, sharing one service and one index lock."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.service = build_service(settings)
        self._index_lock = threading.Lock()  # queues this process's uploads and rebuilds for the build lock
        restored = recover_interrupted_uploads(settings)
        if restored:
            print(f"citeqa: rolled back an upload interrupted by a crash: {', '.join(restored)}", file=sys.stderr)
            if self.service.store.current_version() is not None:
                build_index(settings)  # the index may already hold what was rolled back

    # --- questions ----------------------------------------------------------------------------------

    def ask(self, question: str, k: int | None = None, mode: str | None = None, doc_ids: list[str] | None = None,
            date_from: str | None = None, date_to: str | None = None,
            history: list[list[str]] | None = None) -> Answer:
        filters = Filters(tuple(doc_ids or ()), date_from, date_to)
        return self.service.ask(question, k=int(k) if k else None, mode=mode or None, filters=filters,
                                history=_turns(history or ()))

    def api_ask(self, question: str, k: int = 0, mode: str = "", doc_ids: list[str] | None = None,
                date_from: str = "", date_to: str = "", history: list[list[str]] | None = None) -> dict:
        """Answer a question with quotes from the documents. k: passages (0: the default);
        mode: hybrid, dense or lexical (empty: the default); doc_ids: only these documents; date_from,
        date_to: YYYY-MM-DD; history: earlier [question, answer] pairs, for follow-up questions.
        Returns the Answer as JSON: question, answer, abstained, citations, passages, short_answer, read_as
        (the question as read: misspelt words corrected, a follow-up as a question of its own; or null),
        timings_ms."""
        return self.ask(question, k, mode, doc_ids, date_from, date_to, history).to_json()

    def chat(self, question: str, messages: list, turns: list, mode: str, k: float, doc_ids: list[str],
             date_from: str, date_to: str) -> Iterator[tuple]:
        """The chat turn: the answer streamed quote by quote, then the sources panel."""
        messages = [*messages, {"role": "user", "content": render.chat_text(question or "")}]
        try:
            answer = self.ask(question, k, mode, doc_ids, date_from, date_to, turns)
        except CiteqaError as exc:
            yield "", [*messages, {"role": "assistant", "content": render.chat_text(f"⚠ {exc}")}], turns, gr.skip()
            return
        sources = render.sources_html(answer, self.service.documents(c.doc_id for c in answer.citations))
        for step in render.answer_steps(answer):
            yield "", [*messages, {"role": "assistant", "content": step}], turns, sources
            time.sleep(STREAM_PAUSE_S)
        turn = [answer.question, answer.answer[:MAX_ANSWER_CHARS]]
        yield gr.skip(), gr.skip(), [*turns, turn][-MAX_HISTORY_TURNS:], gr.skip()

    # --- documents ----------------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        found = self.service.documents([doc_id]).get(doc_id)
        if found is None:
            raise CiteqaError(f"unknown document {doc_id!r}: it may have been removed; ask again.")
        return found

    def api_document(self, doc_id: str) -> dict:
        """A document's cleaned text (citation offsets index into it) and metadata."""
        d = self.document(doc_id)
        return {"doc_id": d.doc_id, "title": d.title, "date": d.date, "format": d.format, "text": d.text}

    def open_source(self, evt: gr.EventData) -> str:
        """The document viewer for a clicked citation or passage (the text around the span, the span
        highlighted, the short answer inside it emphasised), or for a click on its buttons to the text
        before or after (`at`, `until`)."""
        document = self.document(str(getattr(evt, "doc_id", "")))

        def offset(name: str, low: int) -> int:
            return min(max(int(getattr(evt, name, 0) or 0), low), len(document.text))

        start = offset("start", 0)
        end = offset("end", start)
        short = None
        if getattr(evt, "short_start", None) is not None:
            short_start = offset("short_start", start)
            short = (short_start, min(offset("short_end", short_start), end))
        at, until = getattr(evt, "at", None), getattr(evt, "until", None)
        window = None if at is None or until is None else (int(at), int(until))
        return render.document_html(document, start, end, window, short)

    def document_ids(self) -> list[str]:
        try:
            return self.service.document_ids()
        except CiteqaError:
            return []

    # --- the index ----------------------------------------------------------------------------------

    def status_line(self) -> str:
        try:
            return self.service.status().line()
        except CiteqaError as exc:
            return f"No usable index: {exc}"

    def api_status(self) -> dict:
        """The index: documents, chunks, model, built_at, and the same as one line."""
        status = self.service.status()
        return {"documents": status.documents, "chunks": status.chunks, "model": status.model,
                "built_at": status.built_at, "line": status.line()}

    def upload(self, files: list[str] | None, progress=gr.Progress()) -> tuple[str, str]:
        """Add files to the corpus and update the index; returns (message, index status line)."""
        if not files:
            raise CiteqaError("no files were uploaded: choose one or more documents first.")
        uploaded = [(Path(f), Path(f).name) for f in files]
        with self._index_lock:
            report = add_uploads(self.settings, uploaded, gradio_progress(progress))
        lines = report.lines()
        if report.summary is not None:
            lines += ["", report.summary.format()]
        elif report.refused:
            lines += ["", "Nothing was added; the corpus and the index are unchanged."]
        return "\n".join(lines), self.status_line()

    def rebuild(self, progress=gr.Progress()) -> tuple[str, str]:
        """Re-embed the whole corpus (e.g. after changing the model); the old index serves until it is done."""
        with self._index_lock:
            summary = build_index(self.settings, full=True, progress=gradio_progress(progress))
        return summary.format(), self.status_line()

    def refresh(self) -> tuple[str, Any]:
        """The status line and the document choices, at page load and after the index changes."""
        return self.status_line(), gr.update(choices=self.document_ids())


def create_app(settings: Settings) -> gr.Blocks:
    """The page and its API. Launch it with `launch(app, settings)` (theme, CSS and limits)."""
    app = ChatApp(settings)
    with gr.Blocks(title="citeqa", analytics_enabled=False, delete_cache=(3600, 3600)) as blocks:
        ui = _layout(app, settings)
        _wire(app, ui)
        blocks.load(**_refreshing(app, ui))
        gr.api(user_errors(app.api_ask), api_name="ask")
        gr.api(user_errors(app.api_document), api_name="document")
        gr.api(user_errors(app.api_status), api_name="status")
    blocks.queue(default_concurrency_limit=QUESTION_WORKERS, max_size=QUEUE_MAX_SIZE)
    return blocks


def _layout(app: ChatApp, settings: Settings) -> SimpleNamespace:
    """The components: header and status; chat, settings; sources and document viewer; corpus."""
    ui = SimpleNamespace(turns=gr.State([]))
    with gr.Row(equal_height=True):
        gr.Markdown("## citeqa\nAnswers made of quotes from your documents, every quote cited to its exact "
                    "characters.", elem_id="citeqa-title")
        ui.status = gr.Textbox(app.status_line(), label="Index", interactive=False, max_lines=1,
                               elem_id="citeqa-status")
    with gr.Row(equal_height=False):
        with gr.Column(scale=5):
            _chat_column(ui, app, settings)
        with gr.Column(scale=4):
            ui.sources = gr.HTML(render.SOURCES_PLACEHOLDER, label="Sources", show_label=True,
                                 elem_id="citeqa-sources", css_template=render.SOURCES_CSS, js_on_load=SOURCES_JS,
                                 max_height=430, container=True, padding=True)
            ui.viewer = gr.HTML(render.VIEWER_PLACEHOLDER, label="Document", show_label=True,
                                elem_id="citeqa-viewer", css_template=render.VIEWER_CSS, js_on_load=VIEWER_JS,
                                container=True, padding=True)
    with gr.Accordion("Documents: upload, rebuild the index", open=False):
        ui.files = gr.File(label=f"Add documents ({', '.join(READABLE_SUFFIXES)}; at most "
                                 f"{settings.max_upload_mb} MB each; a file named like a document replaces it)",
                           file_count="multiple", type="filepath", elem_id="citeqa-files")
        with gr.Row():
            ui.upload = gr.Button("Add to the corpus and update the index", variant="primary",
                                  elem_id="citeqa-upload")
            ui.rebuild = gr.Button("Rebuild the index", elem_id="citeqa-rebuild")
        ui.message = gr.Textbox(label="Result", lines=6, interactive=False, elem_id="citeqa-message")
    return ui


def _chat_column(ui: SimpleNamespace, app: ChatApp, settings: Settings) -> None:
    ui.chatbot = gr.Chatbot(
        label="Chat", elem_id="citeqa-chat", height=520, sanitize_html=True, render_markdown=True,
        allow_tags=False, latex_delimiters=[], feedback_options=None,
        examples=[{"text": q} for q in EXAMPLE_QUESTIONS], placeholder="Ask about the documents, or pick an example.",
    )
    with gr.Row():
        ui.question = gr.Textbox(placeholder="Ask a question about the documents…", show_label=False, scale=6,
                                 elem_id="citeqa-question", autofocus=True)
        ui.send = gr.Button("Ask", variant="primary", scale=1, elem_id="citeqa-send")
    ui.clear = gr.Button("Clear conversation", size="sm", elem_id="citeqa-clear")
    with gr.Accordion("Retrieval settings", open=False):
        ui.mode = gr.Radio(list(MODES), value=settings.mode, label="Retrieval mode")
        ui.k = gr.Slider(1, 20, value=settings.k, step=1, label="Passages to retrieve")
        ui.doc_ids = gr.Dropdown(app.document_ids(), multiselect=True, value=[],
                                 label="Only these documents (none: all)")
        with gr.Row():
            ui.date_from = gr.Textbox(label="Dated from (YYYY-MM-DD)", placeholder="e.g. 2006-01-01")
            ui.date_to = gr.Textbox(label="Dated to (YYYY-MM-DD)", placeholder="e.g. 2006-12-31")


def _wire(app: ChatApp, ui: SimpleNamespace) -> None:
    """The events. Page-only ones are private; /upload and /rebuild are named API endpoints too."""
    chat_io = dict(fn=app.chat, inputs=[ui.question, ui.chatbot, ui.turns, ui.mode, ui.k, ui.doc_ids, ui.date_from,
                                        ui.date_to],
                   outputs=[ui.question, ui.chatbot, ui.turns, ui.sources], api_visibility="private")
    ui.question.submit(**chat_io)
    ui.send.click(**chat_io)
    ui.chatbot.example_select(_example_text, None, ui.question, queue=False, api_visibility="private").then(**chat_io)
    cleared = dict(fn=_cleared, inputs=None, outputs=[ui.chatbot, ui.turns, ui.sources, ui.viewer], queue=False,
                   api_visibility="private")
    ui.clear.click(**cleared)
    ui.chatbot.clear(**cleared)  # the chat's own delete button forgets the conversation too
    ui.sources.click(user_errors(app.open_source), None, ui.viewer, api_visibility="private")
    ui.viewer.click(user_errors(app.open_source), None, ui.viewer, api_visibility="private")

    index_io = dict(outputs=[ui.message, ui.status], concurrency_limit=1, concurrency_id=INDEX_QUEUE)
    ui.upload.click(user_errors(app.upload), ui.files, api_name="upload", **index_io).then(**_refreshing(app, ui))
    ui.rebuild.click(user_errors(app.rebuild), None, api_name="rebuild", **index_io).then(**_refreshing(app, ui))


def _refreshing(app: ChatApp, ui: SimpleNamespace) -> dict:
    return dict(fn=app.refresh, inputs=None, outputs=[ui.status, ui.doc_ids], api_visibility="private")


def _cleared() -> tuple:
    """A new conversation: no messages, no earlier turns for follow-ups, empty panels."""
    return [], [], render.SOURCES_PLACEHOLDER, render.VIEWER_PLACEHOLDER


def _turns(history: Any) -> list[Turn]:
    """The API's history ([[question, answer], ...]) as turns; the service checks their number and size."""
    if not isinstance(history, (list, tuple)) or not all(
            isinstance(pair, (list, tuple)) and 1 <= len(pair) <= 2 for pair in history):
        raise CiteqaError("history must be a list of [question, answer] pairs.")
    return [Turn(*pair) for pair in history]


def _example_text(evt: gr.SelectData) -> str:
    value = evt.value
    return value.get("text", "") if isinstance(value, dict) else str(value)


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (a loopback address or `localhost`)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[] ")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to an outside address


def check_exposure(settings: Settings) -> None:
    """Refuse to serve beyond this machine without a login: anyone who reaches the port could read the
    documents, add files to the corpus and force full re-embeds."""
    if settings.login is None and not settings.insecure and not is_loopback(settings.host):
        raise SettingsError(
            f"the chat would listen on {settings.host}, reachable from other machines, without a login: set "
            "--auth USER:PASS (or CITEQA_AUTH) so that the page and its API ask for it, or give --insecure "
            "(CITEQA_INSECURE=1) to serve it open anyway, or listen on 127.0.0.1."
        )


def launch(blocks: gr.Blocks, settings: Settings, **kwargs: Any):
    """Start the server on settings.host:settings.port (blocking unless prevent_thread_lock=True), behind
    the login of settings.auth when one is set (Gradio's own: the page and every API endpoint ask for it).
    Gradio itself refuses uploads over twice the limit; ui.uploads explains anything over the limit."""
    check_exposure(settings)
    options = dict(server_name=settings.host, server_port=settings.port, show_error=True, quiet=True,
                   max_file_size=f"{2 * settings.max_upload_mb}mb", css=APP_CSS, theme=gr.themes.Default(),
                   auth=settings.login)
    return blocks.launch(**{**options, **kwargs})


def serve(settings: Settings) -> None:
    """`citeqa serve`: build the index first if there is none yet, then start the chat."""
    check_exposure(settings)  # before minutes of indexing
    if open_store(settings).current_version() is None:
        from citeqa.progress import TqdmProgress

        print(f"citeqa: no index at {settings.index} yet; building it from {settings.corpus}", file=sys.stderr)
        with TqdmProgress() as progress:
            build_index(settings, progress=progress)
    blocks = create_app(settings)
    print(f"citeqa: chat at http://{settings.host}:{settings.port}", file=sys.stderr)
    launch(blocks, settings)
