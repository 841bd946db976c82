"""For "What Rust version do I need to write debug = "line-tables-only"?", "What minimum Rust version is needed to
inherit keys from workspace.package?": the version the note that ends the feature's section says it requires.

A tool's reference ends a section with the version its feature needs ("MSRV: Requires 1.64+", "MSRV: 1.71 is required
for none, limited, full, ...", "MSRV: Respected as of 1.74"), below the paragraphs and examples that say what the
feature does. Those hold the question's words and never the version; the note holds the version and few of the
question's words, so the ranker had quoted what the feature does and the answer had no version in it. For a question
that asks the version needed, the note that ends the section of one of the best units is quoted first and its version
is the short answer.
"""

from __future__ import annotations

import re

from retrieval.entry_version import is_a_heading

# "What Rust version do I need to ...?", "What minimum Rust version is needed ...?", "Which is the oldest release that
# supports ...?"
ASKS_THE_VERSION_NEEDED = re.compile(r"\b(?:minimum|minimal|oldest|lowest|earliest)\b[^?]*\b(?:version|release)\b"
                                     r"|\b(?:version|release)\b[^?]*\b(?:needs?|needed|requires?|required)\b", re.I)
# A section's requirement note: "MSRV: Requires 1.64+", "MSRV: 1.71 is required for ...", "MSRV: Respected as of
# 1.74", "Minimum supported Rust version: 1.60"
_REQUIREMENT_NOTE = re.compile(r"(?:MSRV|minimum\s+supported\s+(?:[\w.-]+\s+)?version)\s*:\s*"
                               r"(?:requires\s+|respected\s+as\s+of\s+)?(?:[A-Za-z][\w.-]*\s+)?"
                               r"(?P<version>v?\d+(?:\.\d+)+\+?)", re.I)
SECTION_BLOCKS = 24  # blocks of a section looked down for its requirement note (a table's rows are blocks of their own)


def asks_the_version_needed(question: str) -> bool:
    return ASKS_THE_VERSION_NEEDED.search(question) is not None


def requirement_note_of_its_section(text: str, at: int) -> tuple[int, int] | None:
    """The offsets of the version of the requirement note in the block at `at` or in one below it before the next
    heading (within SECTION_BLOCKS blocks); None when the section has none."""
    start = text.rfind("\n\n", 0, at)
    start = start + 2 if start >= 0 else 0
    for _ in range(SECTION_BLOCKS):
        while start < len(text) and text[start] == "\n":
            start += 1
        end = text.find("\n\n", start)
        end = end if end >= 0 else len(text)
        block = text[start:end]
        if (note := _REQUIREMENT_NOTE.match(block.strip())) is not None:
            opens = start + len(block) - len(block.lstrip())
            return opens + note.start("version"), opens + note.end("version")
        if start > at and is_a_heading(block.strip()) and "|" not in block or end == len(text):  # (a table's row
            # is no heading: "authors | categories")
            return None
        start = end
    return None
