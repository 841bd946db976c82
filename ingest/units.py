"""Quote units: the spans of a cleaned document that an answer may quote, following its layout.

A unit is what a reader would quote as one piece:
- a sentence, even when the source wraps it over several lines (hard-wrapped prose, PDF text, a
  heading set in capitals over several lines) or breaks a phrase across a blank line ("Chairman of
  the Senate of the" / "Republic of Kazakhstan"): a unit never ends inside a phrase;
- a short block that belongs together: a name line and the title lines under it, a label and its
  value, a heading and the short line it introduces, at most one blank line apart (a name line is
  never a unit alone: its titles may follow two blank lines down); a new block starts where a line
  has the shape of the block's first line (the next name, the next row);
- a line of its own where the text is a list of lines (list items, signature lines, clauses).

pysbd finds sentence boundaries inside a run of wrapped lines; a unit longer than LONG_UNIT_CHARS
is cut at the sentence ends inside it that pysbd missed (quoted speech it keeps whole, "... installed). After ..."),
then at its line breaks. A PDF page is one paragraph of prose, headings and list items: a line as long as the
page's prose lines that ends no clause goes on into the next, whatever letter that opens with.
Every unit is a span with `text[start:end]` the unit, stripped of surrounding whitespace.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from citeqa.layout import (ENTRY_FURNITURE, LABEL, continues, ends_sentence, ends_with_joiner, in_capitals,
                           is_code_heading)
from citeqa.types import Span

_LINE = re.compile(r"[^\n]*\S[^\n]*")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,3}[.)])\s")
_OPENS_QUOTE = re.compile(r"^\s*[\"“‘'«]")
_NAME_LIKE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")
_ENDS_CLAUSE = re.compile(r"[.!?…;:][\"”’')\]]*\s*$")
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_SHAPE = re.compile(r"[A-Z]+|[a-z]+|\d+|\s+")
MIN_UNIT_CHARS = 2
LONG_UNIT_CHARS = 400
# Prose wrapped to a width: lines (but the last) of at least this many characters and similar length.
WRAPPED_MIN_WIDTH = 40
# A line at least FULL_LINE of its paragraph's longest was wrapped at the width, unless it ends a clause, when at least
# FULL_LINES lines of the paragraph are as long (a page of PDF text).
FULL_LINE = 0.8
FULL_LINES = 3
# A block: its first unit is a name, label or heading of at most BLOCK_HEAD_WORDS words; the units
# it gathers have at most BLOCK_ITEM_WORDS words each; at most BLOCK_MAX_UNITS units, BLOCK_MAX_CHARS.
BLOCK_HEAD_WORDS = 8
BLOCK_ITEM_WORDS = 25
BLOCK_MAX_UNITS = 5
BLOCK_MAX_CHARS = 300
SHORT_CAPITALS_WORDS = 4
# A short label ("2022", "Members") heads the short list under it as one unit, as a table's column would.
LABEL_WORDS = 3
LABEL_ITEM_WORDS = 6
_INSIDE_A_WORD = re.compile(r"[\w`]")  # what goes on past a full stop with no space: a word, a code span
# A bracket right after a mark, no space between: code ("#![allow(unused)]", "println!(...)", "vec![1, 2]", which
# pysbd had cut after the "!"); a square bracket after a word's full stop is a note that ends its sentence
# (Wikipedia's "... no more.[citation needed]") and stays apart
_BRACKET_AFTER_A_SYMBOL = re.compile(r"(?<=[.!?])[({<]|(?<=[!?])\[|(?<=[^\w\s]\.)\[")
_INNER_END = re.compile(
    r"(?<=[a-z0-9%)][.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\bMrs\.)"
    r"[\"”’]?\s+(?=[“\"‘'(]?[A-Z])"
)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    gap: int  # blank lines between this line and the one before it


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def quote_units(text: str) -> list[Span]:
    """The document's quote units, in order, not overlapping."""
    lines = _lines(text)
    if not lines:
        return []
    runs = _wrapped_runs(lines)
    pieces: list[tuple[Span, bool]] = []  # (span, is a whole run)
    for run in runs:
        spans = _sentences(text, run)
        pieces += [(span, len(spans) == 1) for span in spans]
    units = [span for span in _blocks(text, pieces) if span.end - span.start >= MIN_UNIT_CHARS]
    return _with_short_code_headings_joined(text, _with_short_replies_joined(text, units))


HEADING_MAX_WORDS = 2  # a heading of fewer words than a quote may have (answer.MIN_QUOTE_WORDS) cannot be quoted alone


def _with_short_code_headings_joined(text: str, units: list[Span]) -> list[Span]:
    """A name written as code that heads its entry alone, too short to be quoted ("ERR_UNHANDLED_ERROR",
    "UV_THREADPOOL_SIZE=size", "os.availableParallelism()"; an API reference's page), opens the unit under it: alone
    it was never quoted, so "Which error code ...?" had no answer to put in bold, and what the unit under it said
    stood without its name. Not over its history or version lines ("Added in: v0.3.3"): with the name's words, they
    outranked what the entry says, and the unit ranker, its features moved, ranked the entry's lines otherwise. So does
    a short label over the value it names (`_labels_a_value`)."""
    out: list[Span] = []
    i = 0
    while i < len(units):
        span = units[i]
        heading = text[span.start : span.end]
        under = text[units[i + 1].start : units[i + 1].end] if i + 1 < len(units) else ""
        if (i + 1 < len(units) and "\n" not in heading.strip() and len(_WORD.findall(heading)) <= HEADING_MAX_WORDS
                and not text[span.end : units[i + 1].start].strip()
                and "\n\n" in text[span.end : units[i + 1].start + 1]
                and ((is_code_heading(heading) and not is_code_heading(under) and not ENTRY_FURNITURE.match(under))
                     or _labels_a_value(heading, under))):
            out.append(Span(span.start, units[i + 1].end))
            i += 2
            continue
        out.append(span)
        i += 1
    return out


# A value written as code: a path, a variable, a setting, a command ("~/.cache/pip", "%LocalAppData%\\pip\\Cache",
# "$HOME/.pip", "py -m pip <pip arguments>")
_CODE_VALUE = re.compile(r"[/\\~%$=_<>|]|[a-z][A-Z]|\w\.\w|(?:^|\s)--?[A-Za-z]")  # or a command with an option
VALUE_MAX_WORDS = 6


def _labels_a_value(label: str, value: str) -> bool:
    """A word or two that name a case ("Linux", "Windows": a tab's label) over one line of the value for it
    ("~/.cache/pip"): apart, neither says where pip's cache is on Linux, and the label is too short to be quoted. Not
    over a name that heads an entry of its own ("Expressions" / "$<UPPER_CASE:string>" / "Content of string ...")."""
    return (not ends_sentence(label) and not label.rstrip().endswith(":") and not _LIST_ITEM.match(label)
            and _LETTER.search(label) is not None and not is_code_heading(label) and not is_code_heading(value)
            and not ENTRY_FURNITURE.match(value)
            and "\n" not in value.strip() and not ends_sentence(value)
            and len(_WORD.findall(value)) <= VALUE_MAX_WORDS and _CODE_VALUE.search(value) is not None)


SHORT_REPLY_WORDS = 2  # "Yes.", "Very stable.": fewer words than a quote may have (answer.MIN_QUOTE_WORDS)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
_OPENS_PROSE = re.compile(r"[\"“‘'(]?[A-Z][a-z]")


def _with_short_replies_joined(text: str, units: list[Span]) -> list[Span]:
    """A sentence too short to be quoted alone that answers before the text explains ("Is Python a good language for
    beginning programmers?" / "Yes." / "It is still common to start students with ..."; "Very stable. New, stable
    releases have been coming out ...") opens the unit after it: alone it would never be quoted, and the unit after
    it would be quoted without its yes or no. Not before a heading, a question or a list item, nor when it goes on a
    list item."""
    out: list[Span] = []
    pending: Span | None = None
    for span in units:
        unit = text[span.start : span.end]
        if pending is not None:
            if (_OPENS_PROSE.match(unit) and ends_sentence(unit) and not unit.rstrip().endswith("?")
                    and not _LIST_ITEM.match(unit) and "\n\n" not in unit):
                span = Span(pending.start, span.end)
            else:
                out.append(pending)
            pending = None
            unit = text[span.start : span.end]
        if (len(_WORD.findall(unit)) <= SHORT_REPLY_WORDS and _SENTENCE_END.search(unit) and _LETTER.search(unit)
                and not _ends_a_list_item(text, span.start, unit)):
            pending = span
        else:
            out.append(span)
    if pending is not None:
        out.append(pending)
    return out


def _ends_a_list_item(text: str, at: int, unit: str) -> bool:
    """Whether the unit at `at` goes on a list item of its paragraph, not opening one ("- maxKeys <number> ...
    limitations. Default: 1000.", "- groupIndentation <number> Set group indentation." / "Default: 2."): a parameter's
    default is no reply, and had joined the paragraph after the list."""
    if _LIST_ITEM.match(unit):
        return False
    return any(_LIST_ITEM.match(line) for line in text[_paragraph_start(text, at) : at].split("\n"))


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding `at` starts: after the last blank line before it, looked for back from `at` (not by
    splitting the document's whole prefix, once for each short unit)."""
    end = at
    while (line_break := text.rfind("\n", 0, end)) >= 0:
        before = text.rfind("\n", 0, line_break)
        if before >= 0 and not text[before + 1 : line_break].strip(" \t"):
            return line_break + 1
        end = line_break
    return 0


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    last_end = 0
    for m in _LINE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        gap = max(text.count("\n", last_end, m.start()) - 1, 0) if lines else 0
        lines.append(_Line(start, end, text[start:end], gap))
        last_end = m.end()
    return lines


def _is_wrapped_prose(paragraph: list[_Line]) -> bool:
    """Lines of similar length (all but the last) of WRAPPED_MIN_WIDTH or more: prose wrapped to a width."""
    widths = [len(line.text) for line in paragraph[:-1]]
    return bool(widths) and min(widths) >= WRAPPED_MIN_WIDTH and min(widths) >= 0.6 * max(widths) \
        and max(widths) <= 160


# A line that is only an option's label (its names, each perhaps with its argument: "-C, --directory=DIR",
# "-n max-args, --max-args=max-args") or a keyword ("ServerAliveCountMax", "LogLevel")
_OPTION_LABEL = re.compile(LABEL)


def is_option_label(line: str) -> bool:
    return bool(_OPTION_LABEL.fullmatch(line.strip()))


def _wraps(previous: _Line, line: _Line, in_prose: bool, in_item: bool, width: int = 0) -> bool:
    """Whether `line` continues the run of `previous` (one piece of text wrapped over lines). `width`: the width the
    paragraph's prose is wrapped at (`_prose_width`); a line that fills it and ends no clause was wrapped there, as PDF
    text mixes such prose with headings and list items in one paragraph ("..., the application" / "MUST run the
    update-mime-database command ...")."""
    if line.gap == 0 and _LIST_ITEM.match(line.text):
        return False
    if line.gap == 0 and is_option_label(previous.text):
        return True  # an option's label and what it does, as a manual page sets them ("-C, --directory=DIR" / "Change
        # to DIR before performing any operations."): the label alone had been a unit too short to quote
    if "|" in previous.text and "|" in line.text:  # two rows of a table, however alike their lengths
        return False
    if line.gap <= 1 and continues(previous.text, line.text, across_a_blank_line=line.gap == 1):
        return True
    if line.gap > 0:
        return False
    if in_prose:
        return True  # pysbd finds the sentence ends inside the run
    if in_item:  # a list item wrapped over lines: what follows an unfinished item goes on with it
        return not _ENDS_CLAUSE.search(previous.text)
    if width and len(previous.text) >= max(WRAPPED_MIN_WIDTH, FULL_LINE * width) \
            and not _ENDS_CLAUSE.search(previous.text):
        return True
    return not ends_sentence(previous.text) and in_capitals(previous.text) and in_capitals(line.text)


def _prose_width(paragraph: list[_Line]) -> int:
    """The width the paragraph's prose is wrapped at: its longest line, when FULL_LINES lines or more come near it
    (a page of PDF text); 0 when none is (a code example's lines, a short paragraph)."""
    width = max(len(line.text) for line in paragraph)
    full = sum(len(line.text) >= FULL_LINE * width for line in paragraph)
    return width if full >= FULL_LINES else 0


def _wrapped_runs(lines: list[_Line]) -> list[list[_Line]]:
    paragraphs: list[list[_Line]] = []
    for line in lines:
        if line.gap == 0 and paragraphs:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    prose = {id(line): _is_wrapped_prose(p) for p in paragraphs for line in p}
    width = {id(line): _prose_width(p) for p in paragraphs for line in p}
    runs: list[list[_Line]] = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        in_item = bool(_LIST_ITEM.match(runs[-1][0].text))
        if _wraps(previous, line, prose[id(line)] and line.gap == 0, in_item, width[id(line)]):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _sentences(text: str, run: list[_Line]) -> list[Span]:
    """Sentences of one run of wrapped lines; one too long is cut at the sentence ends inside it that pysbd
    missed ("... be installed). After installing ..."), and a piece still too long at its line breaks."""
    lo, hi = run[0].start, run[-1].end
    if len(run) > 1 and is_option_label(run[0].text):  # the label opens the first sentence (pysbd, given "-c,
        spans = _segment(text, run[1].start, hi)  # --create Create a new archive. Arguments ...", cut no sentence)
        spans[:1] = [Span(lo, spans[0].end)] if spans else []
    else:
        spans = _segment(text, lo, hi)
    out: list[Span] = []
    for span in spans:
        for piece in _split_long(text, span) if span.end - span.start > LONG_UNIT_CHARS else [span]:
            if piece.end - piece.start <= LONG_UNIT_CHARS:
                out.append(piece)
                continue
            inside = [line for line in run if line.start < piece.end and line.end > piece.start]
            if _is_wrapped_prose(inside):  # prose wrapped to a width: its line breaks are no clause ends
                out += _cut_long(text, piece, inside)
            else:  # lines of their own ("considering ...," / "noting ...,"): a unit each
                out += [Span(max(line.start, piece.start), min(line.end, piece.end)) for line in inside]
    return out


_CLAUSE_END = re.compile(r"[,;:](?=\s)")
_CLAUSE_MARK = re.compile(r"[,;:]$")
_LABEL_LINE = re.compile(r"^[A-Za-z][\w .-]{0,30}:\s")
MIN_PIECE_CHARS = 100  # a piece of a long sentence cut at a clause is at least this long


def _cut_long(text: str, piece: Span, lines: list[_Line]) -> list[Span]:
    """A sentence too long for one unit, cut after each line that ends a clause ("considering ...," / "noting ...,") and
    before each line that opens with a label ("der len: the bytes of ..."); a piece still longer than LONG_UNIT_CHARS
    after its last clause mark (a comma, a semicolon) that leaves MIN_PIECE_CHARS or more, else at a line break after
    a line that ends no phrase. A licence's sentence of 900 characters had been a unit per line ("written offer, valid
    for at least three years and valid for as")."""
    starts = [piece.start] + [line.start for before, line in zip(lines, lines[1:])  # a line that ends a clause ends a
              if _LABEL_LINE.match(line.text) or _CLAUSE_MARK.search(before.text)] + [piece.end]  # unit ("noting ...,")
    out: list[Span] = []
    for lo, hi in zip(starts, starts[1:]):
        pos = lo
        while hi - pos > LONG_UNIT_CHARS:
            window = text[pos : pos + LONG_UNIT_CHARS]
            marks = [m.end() for m in _CLAUSE_END.finditer(window) if m.end() >= MIN_PIECE_CHARS]
            ends = [line.end - pos for line in lines if pos + MIN_PIECE_CHARS <= line.end < pos + LONG_UNIT_CHARS]
            whole = [e for e in ends if not ends_with_joiner(text[pos : pos + e])]
            cut = pos + (marks[-1] if marks else (whole or ends or [len(window)])[-1])
            out.append(Span(pos, cut))
            pos = cut + len(text[cut:hi]) - len(text[cut:hi].lstrip())
        out.append(Span(pos, pos + len(text[pos:hi].rstrip())))
    return [s for s in out if s.end > s.start]


def _segment(text: str, lo: int, hi: int) -> list[Span]:
    # Line breaks inside a run are wrapping: segment them as spaces (same length, so offsets hold).
    flat = text[lo:hi].replace("\n", " ")
    spans, cursor = [], 0
    for piece in _segmenter().segment(flat):
        stripped = piece.strip()
        if not stripped:
            continue
        start = flat.find(stripped, cursor)
        if start < 0:
            continue
        if spans and lo + start == spans[-1].end and (_INSIDE_A_WORD.match(flat, start)  # pysbd cut "`.venv`"
                                                      or _BRACKET_AFTER_A_SYMBOL.match(flat, start)):
            spans[-1] = Span(spans[-1].start, lo + start + len(stripped))
        else:
            spans.append(Span(lo + start, lo + start + len(stripped)))
        cursor = start + len(stripped)
    return spans


def _split_long(text: str, span: Span) -> list[Span]:
    """A long piece cut at sentence ends inside it ("“A. B. C,” said X." that pysbd keeps whole)."""
    out, start = [], span.start
    for m in _INNER_END.finditer(text, span.start, span.end):
        closing = len(m.group()) - len(m.group().lstrip("\"”’"))  # a closing quotation mark ends the sentence
        out.append(Span(start, m.start() + closing))
        start = m.end()
    out.append(Span(start, span.end))
    return [s for s in out if s.end > s.start]


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _shape(text: str) -> str:
    return _SHAPE.sub(lambda m: "A" if m.group()[0].isupper() else "a" if m.group()[0].islower()
                      else "9" if m.group()[0].isdigit() else " ", text)


def _starts_next_block(line: str, block_lines: list[str]) -> bool:
    """The next name of a list of names, the next row, the next signature line: a line shaped like
    the block's head, a name shaped like a name already in the block, or a line that opens with the
    same two words as a line already in it."""
    shape = _shape(line)
    return (shape == _shape(block_lines[0])
            or (_NAME_LIKE.fullmatch(line) is not None and any(shape == _shape(b) for b in block_lines))
            or any(line.lower().split()[:2] == b.lower().split()[:2] for b in block_lines))


def _blocks(text: str, pieces: list[tuple[Span, bool]]) -> list[Span]:
    """Pieces gathered into blocks: a short head (a name, a label, a heading) with the short lines
    under it, at most one blank line apart. Only whole runs join a block: a sentence cut out of a
    longer run is a unit of its own."""
    out: list[Span] = []
    block: list[Span] = []

    def flush() -> None:
        if block:
            out.append(Span(block[0].start, block[-1].end))
            block.clear()

    for span, whole in pieces:
        piece = text[span.start : span.end]
        if block and whole and _joins_block(text, block, span, piece):
            block.append(span)
            continue
        flush()
        if (whole and not ends_sentence(piece) and _words(piece) <= BLOCK_HEAD_WORDS and not ends_with_joiner(piece)
                and not _LIST_ITEM.match(piece)):
            block.append(span)  # may head a block
        else:
            out.append(span)
    flush()
    return out


def _labels_its_list(text: str, block: list[Span], item: str) -> bool:
    """A list item joins a block headed by a short label whose other lines are such items: "2022" / "- Kazakhstan
    (2 missions)" / "- Serbia" is one unit (the year alone, fewer than three words, could not be quoted, and the
    items without it say nothing of when)."""
    head = text[block[0].start : block[0].end]
    return (_words(head) <= LABEL_WORDS and "\n" not in head and _words(item) <= LABEL_ITEM_WORDS
            and all(_LIST_ITEM.match(text[b.start : b.end]) for b in block[1:]))


def _holds_a_list(text: str, block: list[Span]) -> bool:
    return len(block) > 1 and _LIST_ITEM.match(text[block[1].start : block[1].end]) is not None


def _joins_block(text: str, block: list[Span], span: Span, piece: str) -> bool:
    last = text[block[-1].start : block[-1].end]
    between = text[block[-1].end : span.start]
    head = text[block[0].start : block[0].end]
    first_line = piece.split("\n", 1)[0]
    return (
        "\n" in between and between.count("\n") <= (3 if len(block) == 1 and _NAME_LIKE.fullmatch(head) else 2)
        and not ends_sentence(last)
        and len(block) < BLOCK_MAX_UNITS and span.end - block[0].start <= BLOCK_MAX_CHARS
        and _words(piece) <= BLOCK_ITEM_WORDS
        and not _OPENS_QUOTE.match(piece)
        and not (_LETTER.search(head) and not _LETTER.search(piece))  # "2021" heads what follows it
        and (_labels_its_list(text, block, piece) if _LIST_ITEM.match(piece) else not _holds_a_list(text, block))
        and not _starts_next_block(first_line, [text[b.start : b.end].split("\n", 1)[0] for b in block])
        and not is_option_label(first_line)  # the next option of a manual page's list ("-M, --month-sort")
        # a long heading in capitals opens a section of its own
        and not (in_capitals(piece) and _words(piece) > SHORT_CAPITALS_WORDS and not in_capitals(last))
    )
