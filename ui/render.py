"""What the chat shows, as text and HTML built from answers and documents.

Document text is data, never markup: every string that comes from a document, an answer or a
question is escaped here before it reaches the page (`html.escape` for HTML, backslash escapes
plus `html.escape` for the chat's Markdown). Only the tags written in this module are real tags.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Sequence

from citeqa.layout import one_line, quoted
from citeqa.types import Answer, Citation, Document, Passage, ShortAnswer

RELATED_PASSAGES = 3  # closest passages offered as "related" when the documents do not say
CONTEXT_CHARS = 200  # shown around a quote that no retrieved passage contains wholly
# The document viewer receives this much text per click (the cited span and its surroundings), not the
# whole document; buttons at either end fetch the text before or after.
VIEWER_WINDOW_CHARS = 6000
WORD_REACH = 40  # a window's ends move back to the start of a word at most this far
VIEWER_PLACEHOLDER = '<p class="citeqa-empty">Click a citation to read it highlighted in its document.</p>'
SOURCES_PLACEHOLDER = '<p class="citeqa-empty">The passages an answer quotes appear here.</p>'

# Every ASCII punctuation character Markdown could read as syntax; `&`, `<` and `>` are left to
# html.escape, which turns them into entities that Markdown shows as the characters themselves.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:\"'=$^@/])")


def chat_text(text: str) -> str:
    """Text shown literally in the chat, whose messages are rendered as Markdown with HTML allowed:
    neither a `<script>` nor `**bold**` nor `[link](javascript:...)` from a document is interpreted."""
    return html.escape(_MARKDOWN_SYNTAX.sub(r"\\\1", text), quote=False)


def answer_steps(answer: Answer) -> list[str]:
    """The chat message as it grows: the question as read when that is more than typed (a misspelt word corrected,
    a follow-up read as a question of its own), the short answer in bold with its citation, then one quote at a
    time (the last step is the whole answer)."""
    read_as = [f"*{chat_text('Read as: ' + answer.read_as)}*"] if answer.read_as else []
    if answer.abstained or not answer.citations:
        note = " The closest passages are offered as related, beside the chat." if answer.passages else ""
        return ["\n\n".join(read_as + [chat_text(answer.answer + note)])]
    head = list(read_as)
    if answer.short_answer is not None:
        short = answer.short_answer
        head.append(f"**{chat_text(one_line(short.text))}** {chat_text(f'[{short.citation}]')}")
    quotes = [chat_text(quoted(c.quote, c.n)) for c in answer.citations]
    return ["\n\n".join(head + quotes[:i]) for i in range(0 if head else 1, len(quotes) + 1)]


@dataclass(frozen=True)
class Highlight:
    start: int  # character offsets into the document's cleaned text
    end: int
    label: str  # e.g. "1" for citation [1]; empty for a passage shown as related
    short: tuple[int, int] | None = None  # the short answer inside the span, emphasised


def highlighted(text: str, offset: int, highlights: Sequence[Highlight], doc_id: str, mark_id: str = "") -> str:
    """`text` (which starts at character `offset` of document `doc_id`) escaped, with each highlight
    inside it wrapped in a clickable <mark>. Overlapping highlights keep the first."""
    out, pos = [], 0
    id_attr = f' id="{html.escape(mark_id)}"' if mark_id else ""
    label = '<sup class="citeqa-label">[{}]</sup>'
    for h in sorted(highlights, key=lambda h: h.start):
        start, end = max(h.start - offset, 0), min(h.end - offset, len(text))
        if start < pos or start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<mark {_target_attrs(doc_id, h.start, h.end, h.short)}{id_attr}'
            f' class="citeqa-mark">{_marked(text, start, end, h.short, offset)}</mark>'
            + (label.format(html.escape(h.label)) if h.label else "")
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _marked(text: str, start: int, end: int, short: tuple[int, int] | None, offset: int) -> str:
    """text[start:end] escaped, the short answer inside it (document offsets) wrapped in a span."""
    if short is None:
        return html.escape(text[start:end])
    lo, hi = min(max(short[0] - offset, start), end), min(max(short[1] - offset, start), end)
    if lo >= hi:
        return html.escape(text[start:end])
    return (html.escape(text[start:lo]) + f'<span class="citeqa-short">{html.escape(text[lo:hi])}</span>'
            + html.escape(text[hi:end]))


def _target_attrs(doc_id: str, start: int, end: int, short: tuple[int, int] | None = None) -> str:
    """Attributes the page's click handler reads to open a span (and its short answer) in the viewer."""
    attrs = f'data-doc="{html.escape(doc_id, quote=True)}" data-start="{start}" data-end="{end}"'
    if short is not None:
        attrs += f' data-short-start="{short[0]}" data-short-end="{short[1]}"'
    return attrs


def cited_passages(answer: Answer) -> list[tuple[Passage | None, list[Citation]]]:
    """Citations grouped by the retrieved passage that contains them, in citation order.
    A citation no passage contains wholly gets a group of its own (passage None)."""
    groups: dict[int, tuple[Passage | None, list[Citation]]] = {}
    for c in answer.citations:
        passage = next((p for p in answer.passages
                        if p.doc_id == c.doc_id and p.start <= c.start and c.end <= p.end), None)
        key = passage.chunk_id if passage is not None else -c.n
        groups.setdefault(key, (passage, []))[1].append(c)
    return list(groups.values())


def sources_html(answer: Answer, documents: dict[str, Document]) -> str:
    """The sources panel: each cited passage with its quotes highlighted, or the related passages."""
    if answer.citations:
        cards = [_citation_card(p, cs, documents, answer.short_answer) for p, cs in cited_passages(answer)]
        return '<div class="citeqa-sources">' + "".join(cards) + "</div>"
    if not answer.passages:
        return '<p class="citeqa-empty">No passage matched the question and its filters.</p>'
    cards = [_passage_card(p, [Highlight(p.start, p.end, "")], "related")
             for p in answer.passages[:RELATED_PASSAGES]]
    return ('<div class="citeqa-sources"><p class="citeqa-related-note">The documents do not say. '
            "Related passages, the closest found:</p>" + "".join(cards) + "</div>")


def _short_in(c: Citation, short: ShortAnswer | None) -> tuple[int, int] | None:
    if short is None or short.citation != c.n:
        return None
    return short.start, short.end


def _citation_card(passage: Passage | None, citations: list[Citation], documents: dict[str, Document],
                   short: ShortAnswer | None = None) -> str:
    marks = [Highlight(c.start, c.end, str(c.n), _short_in(c, short)) for c in citations]
    if passage is not None:
        return _passage_card(passage, marks, "cited")
    c = citations[0]
    text = documents[c.doc_id].text
    start, end = max(c.start - CONTEXT_CHARS, 0), min(c.end + CONTEXT_CHARS, len(text))
    window = Passage(0, c.doc_id, -1, c.title, text[start:end], start, end, float("nan"), ())
    return _passage_card(window, marks, "cited")


def _passage_card(p: Passage, marks: list[Highlight], kind: str) -> str:
    first = marks[0]
    labels = " ".join(f"[{html.escape(m.label)}]" for m in marks if m.label)
    score = "" if p.score != p.score else f" · score {p.score:.3f}"  # NaN: not a retrieved passage
    if p.dense_score is not None:
        score += f" · similarity {p.dense_score:.2f}"
    return (
        f'<div class="citeqa-source citeqa-{kind}" role="button" tabindex="0" title="Show in the document" '
        f"{_target_attrs(p.doc_id, first.start, first.end, first.short)}>"
        f'<div class="citeqa-source-head"><span class="citeqa-n">{labels}</span> '
        f"<b>{html.escape(p.title)}</b></div>"
        f'<div class="citeqa-meta">file {html.escape(p.doc_id)}{score} · characters {p.start}–{p.end}</div>'
        f'<div class="citeqa-passage">{highlighted(p.text, p.start, marks, p.doc_id)}</div></div>'
    )


def document_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a document the viewer shows first, [lo, hi): VIEWER_WINDOW_CHARS around the span
    [start, end) (the whole span even if longer), both ends between words."""
    size = VIEWER_WINDOW_CHARS
    lo = max(0, start - max(size - (end - start), 0) // 2)
    hi = min(len(text), max(lo + size, end))
    lo = max(0, min(lo, hi - size))  # near the end the window starts earlier to keep its size
    return _word_start(text, lo), max(end, _word_start(text, hi))


def _word_start(text: str, pos: int, reach: int = WORD_REACH) -> int:
    """`pos`, moved back to the start of the word it falls in (unless the word is longer than `reach`)."""
    if pos <= 0 or pos >= len(text) or text[pos - 1].isspace():
        return pos
    for i in range(pos - 1, max(0, pos - reach) - 1, -1):
        if text[i].isspace():
            return i + 1
    return pos


def document_html(document: Document, start: int, end: int, window: tuple[int, int] | None = None,
                  short: tuple[int, int] | None = None) -> str:
    """A part of the document, the span [start, end) highlighted with <mark id="citeqa-target"> when it is
    in view (the short answer inside it, if any, emphasised), and buttons to the text before and after it
    (their data-at and data-until give that part).
    `window`: the part to show (a reader moving through the document), else `document_window`'s."""
    text = document.text
    if window is None:
        lo, hi = document_window(text, start, end)
    else:  # from the page: clamped to the document and to one window's size
        lo = min(max(window[0], 0), len(text))
        hi = min(max(window[1], lo), len(text), lo + VIEWER_WINDOW_CHARS + WORD_REACH)
    meta = [f"file {document.doc_id}", *([f"dated {document.date}"] if document.date else []),
            f"characters {start}–{end} of {len(text)}"]
    if (lo, hi) != (0, len(text)):
        meta.append(f"showing {lo}–{hi}")
    # No highlight in view: the text before the span is read upwards (show its end), the text after downwards.
    scroll = "end" if hi <= start else "start"
    earlier = (_word_start(text, max(0, lo - VIEWER_WINDOW_CHARS)), lo)
    later = (hi, _word_start(text, min(len(text), hi + VIEWER_WINDOW_CHARS)))
    before = _read_on_button(document.doc_id, start, end, short, earlier, "▲ Earlier text") if lo > 0 else ""
    after = _read_on_button(document.doc_id, start, end, short, later, "▼ Later text") if hi < len(text) else ""
    body = highlighted(text[lo:hi], lo, [Highlight(start, end, "", short)], document.doc_id, "citeqa-target")
    return (
        f'<div class="citeqa-doc-head"><b>{html.escape(document.title)}</b>'
        f'<div class="citeqa-meta">{html.escape(" · ".join(meta))}</div></div>'
        f'<div class="citeqa-doc" data-scroll="{scroll}">{before}{body}{after}</div>'
    )


def _read_on_button(doc_id: str, start: int, end: int, short: tuple[int, int] | None, window: tuple[int, int],
                    label: str) -> str:
    return (f'<button type="button" class="citeqa-more" {_target_attrs(doc_id, start, end, short)} '
            f'data-at="{window[0]}" data-until="{window[1]}">{label} (characters {window[0]}–{window[1]})</button>')


def escaped_line(text: str, kind: str = "status") -> str:
    """One line of plain text as HTML (status lines, messages)."""
    return f'<p class="citeqa-{kind}">{html.escape(text)}</p>'


_COMMON_CSS = """
.citeqa-meta { font-size: 0.8em; color: var(--body-text-color-subdued); margin: 2px 0 4px; }
.citeqa-empty, .citeqa-related-note { color: var(--body-text-color-subdued); font-size: 0.9em; }
mark.citeqa-mark { background: #ffe27a; color: #1f1f1f; padding: 0 1px; border-radius: 2px; cursor: pointer; }
span.citeqa-short { font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; }
sup.citeqa-label { font-weight: 600; margin-left: 1px; }
"""

SOURCES_CSS = _COMMON_CSS + """
.citeqa-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px;
  margin-bottom: 8px; cursor: pointer; background: var(--background-fill-secondary); }
.citeqa-source:hover { border-color: var(--color-accent); }
.citeqa-source-head { font-size: 0.95em; }
.citeqa-n { font-weight: 600; color: var(--color-accent); }
.citeqa-passage { white-space: pre-wrap; font-size: 0.88em; line-height: 1.4; }
.citeqa-related mark.citeqa-mark { background: #e8eefc; }
"""

VIEWER_CSS = _COMMON_CSS + """
.citeqa-doc-head { margin-bottom: 6px; }
.citeqa-doc { position: relative; white-space: pre-wrap; font-size: 0.9em; line-height: 1.45;
  max-height: 420px; overflow-y: auto;
  border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; }
.citeqa-more { display: block; margin: 4px 0; font-size: 0.85em; color: var(--color-accent); cursor: pointer;
  background: none; border: none; padding: 0; }
"""
