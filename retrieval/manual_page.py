"""A question about another program than the manual pages quoted: "Which scp option enables compression?" had been
answered by ssh_config(5)'s ClearAllForwardings, "In what format is the usermod expiry date given?" by useradd(8)'s
expiry date, "Which zgrep option searches compressed files?" by grep(1)'s --label: the collection has no page for
scp, usermod or zgrep, but names them in passing, so they are no unknown words.

A manual page says which programs it documents in its NAME section ("gzip, gunzip, zcat - compress or expand files").
A question that names a program in small letters (no English word: "scp", "usermod") that is none of the quoted pages'
programs nor a part of one ("ssh" of ssh_config), and names none of those programs, asks what they do not document.
Only when every document found is such a page: a guide or a manual without a NAME section may document any program
("What does zsoelim do?" is answered by man-db's manual, found below man(1), which names zsoelim in passing).
"""

from __future__ import annotations

import re
from typing import Sequence

from retrieval.unknown_words import names_in_small_letters

_NAME_SECTION = re.compile(r"^NAME[ \t]*\n[ \t]*(\S[^\n]*?)[ \t]+[-—–][ \t]", re.M)
_HEAD = 2_000  # the NAME section opens a page, after its header line


def programs_of_the_page(text: str) -> frozenset[str] | None:
    """The programs a manual page's NAME section lists ("gzip, gunzip, zcat - ..."), or None for another document."""
    found = _NAME_SECTION.search(text[:_HEAD])
    return frozenset(n.lower() for n in re.split(r"[,\s]+", found.group(1)) if n) if found else None


def asks_of_another_program(question: str, documents: Sequence[str]) -> bool:
    """Whether `question` names a program that none of the manual pages found (`documents`, their texts) documents,
    and none of theirs."""
    pages = [programs_of_the_page(text) for text in documents]
    if not pages or any(page is None for page in pages):
        return False
    documented = frozenset().union(*pages)
    if any(re.search(rf"(?<![\w-]){re.escape(program)}(?![\w-])", question, re.I) for program in documented):
        return False
    parts = {part for program in documented for part in re.split(r"[-_.]", program)}
    return any(word not in parts for word in names_in_small_letters(question))
