"""A few words typed as into a search box and naming a post ("csto pa chairman", "chairman of the CSTO PA", "Kazakh
senate speaker") ask who holds it: they are read as "Who is the chairman of the CSTO PA?", so that the answer finder
looks for the post's holder (retrieval/kinds.py) instead of quoting whichever lines share the most words (the
chairmen of three other houses had been quoted for "csto pa chairman")."""

from __future__ import annotations

import re

from retrieval.countries import without_countries

# The posts a few words may name: a rank, then a title ("deputy speaker", "secretary general")
_POST = (r"(?:(?:deputy|vice)[\s-]+)?(?:chairman|chairwoman|chairperson|chair|speaker|president|"
         r"secretary[\s-]+general|secretary|director|head|leader|coordinator)")
_POST_OF = re.compile(rf"^\s*(?:the\s+)?(?P<post>{_POST})\s+of\s+(?P<of>.+?)\s*[?.]?\s*$", re.I)
_POST_LAST = re.compile(rf"^\s*(?:the\s+)?(?P<of>.+?)(?:['’]s?)?\s+(?P<post>{_POST})\s*[?.]?\s*$", re.I)
# Words that make the query a sentence or a request of its own ("list the chairmen", "is Volodin the chairman")
_NOT_KEYWORDS = re.compile(
    r"\b(?:who|whom|whose|what|which|when|where|why|how|is|are|was|were|be|been|do|does|did|has|have|had|will|would|"
    r"can|could|should|may|might|must|shall|list|name|tell|show|give|find|summarize|summarise|explain|describe|"
    r"said|says|say|and|or)\b", re.I)
MAX_KEYWORDS = 8
_A_NAME_OR_THE = re.compile(r"\b[A-Z]|^\s*(?i:the)\b")  # what a post is of: a name, or "the ..."


def as_a_question(query: str) -> str | None:
    """"Who is the chairman of the CSTO PA?" for "csto pa chairman" (or "chairman of the csto pa", "CSTO PA's
    chairman"): a post named by a few words with no question word or verb; None for anything else."""
    if len(query.split()) > MAX_KEYWORDS or "?" in query:
        return None
    match = _POST_OF.match(query) or _POST_LAST.match(query)
    if match is None or _NOT_KEYWORDS.search(match.group("of")) or match.group("of").lower() in ("the", "a", "an"):
        return None
    if not _A_NAME_OR_THE.search(match.group("of")):  # "head of state" is a term: a post of nothing named
        return None
    post = " ".join(match.group("post").split())
    of = match.group("of").strip()
    article = "" if of[:4].lower() == "the " or without_countries(of).strip() == "" else "the "  # "of Russia"
    return f"Who is the {post} of {article}{of}?"
