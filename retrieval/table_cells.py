"""For "What default level does the cargo::correctness lint group have?": the cell of the row the question names,
under the column it names.

A table reaches the index as rows of cells parted by "|", one row a line (an HTML table's rows, each a paragraph; a
Markdown table's lines, its dashed separator aside), its header first: "Group | Description | Default level" over
"cargo::correctness | code that is outright wrong or useless | deny". The rows read alike and the one asked shares a
single word with the question, so the unit ranker had quoted the header and other groups' rows. A question that names
one row by its first cell, written whole, and a column by every word of its header cell is answered by the cell where
they meet; the row is the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.text import content_words

MIN_ROWS = 3  # a header and two rows: fewer is a line that happens to hold a bar
MAX_LINES = 5000  # how far a table is followed beyond the passage, each way; a longer one's header is not looked for
_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")  # Markdown's |---|:--:|


@dataclass(frozen=True)
class Cell:
    start: int  # the cell's text, stripped, as offsets into the document
    end: int
    row_start: int  # its row's line
    row_end: int
    header_start: int  # the table's header line
    header_end: int


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the line text[start:end] as stripped offsets; [] when it holds no bar. A Markdown row's outer
    bars open and close no cell."""
    line = text[start:end]
    if "|" not in line:
        return []
    bounds, at = [], 0
    for bar in re.finditer(r"\|", line):
        bounds.append((at, bar.start()))
        at = bar.end()
    bounds.append((at, len(line)))
    if line.lstrip().startswith("|"):
        bounds = bounds[1:]
    if line.rstrip().endswith("|") and bounds:
        bounds = bounds[:-1]
    cells = []
    for a, b in bounds:
        piece = line[a:b]
        lead = len(piece) - len(piece.lstrip())
        cells.append((start + a + lead, start + a + len(piece.rstrip())))
    return cells


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of text[start:end] and of the rows and blank lines right around it (MAX_LINES at most each way), as
    (start, end) offsets: a table may begin above the passage and end below it."""
    lo = text.rfind("\n", 0, start) + 1
    for _ in range(MAX_LINES):
        above = text.rfind("\n", 0, lo - 1) + 1 if lo > 0 else -1
        if above < 0 or (text[above:lo - 1].strip() and "|" not in text[above:lo - 1]):
            break
        lo = above
    else:
        return []  # the table's header is too far above to be read
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    for _ in range(MAX_LINES):
        if hi >= len(text):
            break
        below = text.find("\n", hi + 1)
        below = len(text) if below < 0 else below
        if text[hi + 1:below].strip() and "|" not in text[hi + 1:below]:
            break
        hi = below
    lines, at = [], lo
    for line in text[lo:hi].split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    return lines


def tables(text: str, start: int, end: int) -> list[list[tuple[tuple[int, int], list[tuple[int, int]]]]]:
    """The tables with a row in text[start:end]: runs of lines with the same number of cells (two or more), only blank
    lines and Markdown's separator between them, the header first; each row its line and its cells."""
    found, run = [], []
    if "|" not in text[start:end]:
        return found

    def close():
        if len(run) >= MIN_ROWS and any(start <= line[0] < end or start < line[1] <= end for line, _ in run):
            found.append(list(run))
        run.clear()

    for line in _lines(text, start, end):
        body = text[line[0]:line[1]].strip()
        if not body or _SEPARATOR.fullmatch(body):
            continue
        cells = _cells(text, *line)
        if len(cells) < 2 or (run and len(cells) != len(run[0][1])):
            close()
        if len(cells) >= 2:
            run.append((line, cells))
    close()
    return found


def _stems(text: str) -> set[str]:
    return set(content_words(text))


def cell_asked(question: str, text: str, start: int, end: int) -> Cell | None:
    """The cell where the row the question names (its first cell, written whole in the question) meets the column it
    names (a header cell whose every word the question holds, more of them than any other's), in a table with a row
    in text[start:end]; None when no table there is asked so."""
    asked = _stems(question)
    for table in tables(text, start, end):
        (header_line, header), rows = table[0], table[1:]
        named = [row for row in rows if _names_the_key(question, text[row[1][0][0]:row[1][0][1]])]
        if len(named) != 1:
            continue
        columns = [(len(words), j) for j, (a, b) in enumerate(header) if j > 0
                   and (words := _stems(text[a:b])) and words <= asked]
        if not columns:
            continue
        columns.sort(reverse=True)
        if len(columns) > 1 and columns[0][0] == columns[1][0]:
            continue
        (row_line, cells), column = named[0], columns[0][1]
        a, b = cells[column]
        if a < b:
            return Cell(a, b, row_line[0], row_line[1], header_line[0], header_line[1])
    return None


def _names_the_key(question: str, key: str) -> bool:
    """The question writes the row's first cell whole: "cargo::correctness", not "correctness" alone, and no cell of
    only small words ("Yes", "All")."""
    if len(key) < 3 or not content_words(key) or len(key) > 60:
        return False
    return re.search(rf"(?<![\w:./-]){re.escape(key)}(?![\w:/-])", question, re.I) is not None
