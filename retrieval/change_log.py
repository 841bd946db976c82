"""A change log (CHANGELOG.md, NEWS, release notes) says what changed in which version, not what a thing is or does.

Its entries name every command and feature ("- README: clarify behavior of pyenv latest by @mrienstra in ..."), so
they match most questions about a tool by their words and by their meaning, and over pyenv's documentation they were
quoted for what pyenv does, what pyenv-win is, who created pyenv and which port it listens on, taking the places
of the passages that answer. A question that asks about versions, releases, changes or when something happened may be
answered from one; for any other the search (`Retriever.search`) passes change logs over when it finds anything else.
"""

from __future__ import annotations

import re

# A version label standing alone between blank lines, as a heading does: "Release v2.6.30", "Release 2.3.14",
# "1.2.15", "0.4.0-20140110", "0.1.0 (August 31, 2012)", "[1.2.0] - 2020-01-01", "Version 3.1" (not the lines of
# "pyenv versions" printed in an example, one under another).
_VERSION_LABEL = re.compile(r"(?:\A|\n[ \t]*\n)[ \t#*\[]*(?:release|version|v)?[ \t]*v?\d+\.\d+(?:\.\d+)*[-.\w]*\]?"
                            r"(?:[ \t]*[-–(][^\n]{0,40})?[ \t]*(?=\n[ \t]*\n|\Z)", re.I)
MIN_VERSION_LINES = 5  # a change log labels at least this many versions
_ASKS_ABOUT_CHANGES = re.compile(
    r"\b(?:when|version|versions|release|releases|released|changelog|change|changes|changed|add|added|remove|removed|"
    r"fix|fixed|deprecated|new|since|history|first|latest|last)\b", re.I)


def is_a_change_log(text: str) -> bool:
    """Whether the document labels its parts by versions, as a change log does."""
    return len(_VERSION_LABEL.findall(text)) >= MIN_VERSION_LINES


def asks_about_changes(question: str) -> bool:
    """Whether a change log may answer the question: it asks about versions, releases, changes or a time."""
    return bool(_ASKS_ABOUT_CHANGES.search(question))
