"""Candidate answer spans inside a quote unit, and the features a learned linear model scores them by.

Every run of 1..MAX_SPAN_TOKENS words that could be an answer (it neither starts nor ends with a
stop word, pronoun or punctuation, crosses no sentence end, layout mark, blank line or the end of a name line, and is not
made only of the question's own words) is a candidate. Its
features say what kind of span it is (a number, a year, a name in capitals, ...), how that fits the
kind of question (a date for "when"), where it stands relative to the question's words in the unit,
and what surrounds it. Everything is computed with numpy over all candidates at once (prefix sums
of per-word properties), so scoring a few hundred candidates costs well under a millisecond.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from retrieval.question import NUMBER_TYPES, PERSON_TYPES, TIME_TYPES, QuestionInfo
from retrieval.text import STOP_WORDS, stem_words

MAX_SPAN_TOKENS = 10
# A web or e-mail address is one word; a number keeps its sign ("an integer in the range of -1 to 9" had answered
# "1 to 9"; not the dash of "2006-2024"), and a dotted name or a name that opens with digits is one word ("pythonX.Y"
# had answered "Y", "1DS" "DS"; "sys.path"), and so is a language's name that ends in "++" or "#" ("C/C++" had
# answered "C/C").
_TOKEN = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’()]*[\w/]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                    r"|(?:(?<![\w.])-)?\$?\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?%?(?![^\W_])"
                    r"|\w+(?:['’-]\w+)*(?:\.\w+(?:['’-]\w+)*)*(?:\+\+|#(?!\w))?|[^\w\s]")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
_MONTHS = frozenset(MONTH_NAMES) | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})s?"  # "1973", "2006", "1980s"
MODERN_YEAR = r"(?:1[5-9]|20)\d\d"  # 1500-2099: a year in a range ("2006 - 2024") rather than a count ("1000 men")
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "trillion dozen half first second third fourth fifth sixth seventh eighth ninth tenth".split()
)
_TIME_WORDS = frozenset("century centuries year years decade decades day days month months bc ad ce bce era".split())
MONEY_WORDS = frozenset("$ £ € ¥ dollar dollars pound pounds euro euros yen".split())
_UNIT_WORDS = frozenset("percent per cent km kilometres kilometers miles mile metres meters tons tonnes "
                        "barrels barrel people men soldiers troops".split())
_BOUNDARY_STOP = STOP_WORDS | frozenset(
    "from has have had were been being which who whom whose what when where why how also than its his her "
    "our your my was is are be do does did can could would should will may might must shall "
    "we you he she us me him them".split()  # a pronoun is never an answer's edge
)
_MARKUP = frozenset("* | • · # _ ~ `".split())  # layout marks (bold, table bars, bullets): an answer never spans one
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# Words and marks whose presence just before or after a span says much about its edges.
_CONTEXT_WORDS = tuple(dict.fromkeys(
    "the a an this that these those its his her their our my your of in on at by for from to with without into "
    "onto over under between among through during before after since until about against as than like near "
    "within across around per via and or but nor so yet because although while whereas if when where which who "
    "whom whose what that is are was were be been being has have had do does did can could will would shall "
    "should may might must not no also only even then there here it he she they we you i him them us one "
    "called named known became become led made said took gave founded began such more most less many much "
    "some all both each other another first last new , . ; : ( ) \" ' - – — / \n".split(" ")))
# Suffixes that hint at a word's part of speech (a lower-case word ending in -ed or -ing is often a verb).
_SUFFIXES = ("ed", "ing", "ly", "s", "tion", "al", "ic", "ist", "ism", "ian", "ese", "ish", "er", "ment", "ity")
_SHAPES = ("capital", "lower", "digit", "punct")
_EDGES = ("first", "last", "prev", "next")
_CONTEXT_INDEX = {w: i for i, w in enumerate(_CONTEXT_WORDS)}
QTYPE_GROUPS = ("time", "number", "person", "where", "which", "what", "why", "how", "other")
_SPAN_KINDS = ("digit", "year", "month", "time_word", "number_word", "money", "percent", "capitalised",
               "all_capitalised", "short", "long", "line", "person_name")
# Words that make a capitalised run a body, a place or a title rather than a person's name ("PA Council",
# "National Assembly", "Vice President"): a "who" question asks for the name beside them.
# Titles and posts of a person: beside a name, they are not part of it ("General Amherst", "Alen Simonyan
# Member of the CSTO PA Council").
PERSON_TITLE_WORDS = frozenset(
    "chairman chairwoman chair speaker president vice deputy member secretary general head director minister "
    "king queen prince princess duke emperor pope bishop saint lord sir mr mrs ms dr colonel captain coordinator".split())
# Small words inside a person's name ("Marquis de Vaudreuil", "Ludwig van Beethoven").
NAME_PARTICLES = ("de", "da", "di", "du", "van", "von", "der", "den", "del", "la", "le", "bin", "ibn")
NOT_NAME_WORDS = PERSON_TITLE_WORDS | frozenset(
    "council assembly parliament parliamentary committee commission organization organisation union state states "
    "republic federation duma senate house chamber ministry minister government office board bureau agency "
    "centre center court party army forces group mission treaty declaration charter kingdom empire dynasty "
    "church university college institute academy company corporation bank city county province region "
    "river lake mountain island sea ocean north south east west northern southern eastern western new "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split())


def question_group(q: QuestionInfo) -> str:
    if q.qtype in TIME_TYPES:
        return "time"
    if q.qtype in NUMBER_TYPES:
        return "number"
    if q.qtype in PERSON_TYPES:
        return "person"
    if q.qtype in ("where", "why", "how", "which"):
        return q.qtype
    if q.qtype in ("what", "what type", "what kind", "what sort", "name"):
        return "what"
    return "other"


def feature_names() -> list[str]:
    names = [
        "bias", "len1", "len2_3", "len4_6", "len7_plus", "len_norm",
        "overlap_share", "any_overlap", "all_overlap",
        "digit_share", "year", "month", "time_word", "number_word", "money", "percent",
        "cap_share", "all_cap", "starts_cap", "maximal_cap_run", "maximal_number_run",
        "dist_log", "near_left", "near_right", "q_left", "q_right",
        "at_unit_start", "at_unit_end", "whole_line", "line_start", "line_end",
        "head_inside", "head_after", "head_before", "names_inside",
        "unit_rank0", "unit_rank1", "unit_rank2", "unit_score", "unit_semantic", "unit_lexical",
        "comma_inside", "and_inside", "paren_inside", "verb_like_inside", "function_inside", "lower_inside",
    ]
    names += [f"prev={w}" for w in _CONTEXT_WORDS] + [f"next={w}" for w in _CONTEXT_WORDS]
    names += [f"{edge}_{kind}={x}" for edge in _EDGES
              for kind, values in (("suffix", _SUFFIXES), ("shape", _SHAPES)) for x in values]
    names += [f"{g}x{k}" for g in QTYPE_GROUPS for k in _SPAN_KINDS]
    return names


FEATURES = feature_names()
N_FEATURES = len(FEATURES)
_COLUMN = {name: k for k, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Candidates:
    """Candidate spans of one unit: offsets into the document, and their feature rows."""

    starts: np.ndarray  # character offsets into the document
    ends: np.ndarray
    features: np.ndarray  # (n, N_FEATURES) float32


def _is_name_line(text: str, end: int) -> bool:
    """Whether the line ending at `end` is a name of its own (up to four capitalised words, not a heading
    in capitals): in a directory a name stands over its title, and the two are different answers."""
    line = text[text.rfind("\n", 0, end) + 1 : end].split()
    return 1 <= len(line) <= 4 and all(w[0].isupper() for w in line) and not all(w.isupper() for w in line)


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class _UnitWords:
    """What a unit's words are, whatever the question asks: its tokens, their properties and the spans of them that can
    be answers by their edges and breaks. Remembered by text (`_unit_words`): the next question about the same
    documents meets the same units, and reading them word by word in Python was most of the spans' time."""

    tokens: tuple[tuple[int, int, str], ...]
    words: tuple[str, ...]
    lower: tuple[str, ...]
    stems: tuple[str, ...]
    is_punct: np.ndarray  # one flag per token
    is_stop: np.ndarray
    has_digit: np.ndarray
    is_year: np.ndarray
    is_month: np.ndarray
    is_time_word: np.ndarray
    is_number_word: np.ndarray
    is_money: np.ndarray
    is_percent: np.ndarray
    is_cap: np.ndarray
    is_name_word: np.ndarray
    is_all_cap: np.ndarray
    newline_before: np.ndarray
    newline_after: np.ndarray
    is_comma: np.ndarray
    is_and_or: np.ndarray
    is_paren: np.ndarray
    is_lower: np.ndarray
    verb_like: np.ndarray
    word_index: np.ndarray  # each word's column among _CONTEXT_WORDS (-1: none), and -1 past the end
    classes: np.ndarray  # (tokens, suffixes and shapes) float32: each word's class, for a span's edges
    token_starts: np.ndarray
    token_ends: np.ndarray
    i_idx: np.ndarray  # the spans (first token, last token) the question does not decide on
    j_idx: np.ndarray


UNITS_READ_CACHED = 256  # unit texts whose words are remembered (a question reads two or three; 50 KB for a long one)


@functools.lru_cache(maxsize=UNITS_READ_CACHED)
def _unit_words(unit_text: str) -> _UnitWords | None:
    """The unit's words (None when it has none); its arrays are shared, so they are read-only."""
    tokens = tokenize(unit_text)
    n = len(tokens)
    if n == 0:
        return None
    words = [t[2] for t in tokens]
    lower = [w.lower() for w in words]
    is_punct = np.array([not w[0].isalnum() and w[0] not in "$" for w in words])
    is_stop = np.array([w in _BOUNDARY_STOP for w in lower])
    newline_before = np.array([i == 0 or "\n" in unit_text[tokens[i - 1][1]:tokens[i][0]] for i in range(n)])
    newline_after = np.array([i == n - 1 or "\n" in unit_text[tokens[i][1]:tokens[i + 1][0]] for i in range(n)])

    # candidate (i, j) pairs, j - i < MAX_SPAN_TOKENS
    i_idx, j_idx = np.triu_indices(n)
    keep = (j_idx - i_idx) < MAX_SPAN_TOKENS
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    bad_edge = is_punct | is_stop
    # A possessive ("the Organization's") modifies what follows it: a span never ends on one.
    possessive = np.array([w.endswith(("'s", "’s", "s'", "s’")) for w in lower])
    keep = ~bad_edge[i_idx] & ~bad_edge[j_idx] & ~possessive[j_idx]
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    # A span crosses no sentence end or layout mark, nor a break: a blank line (a new paragraph), or the end of a name
    # line (a name and the title under it are different answers).
    hard_stop = np.array([w in (".", ";", "!", "?", ":") or w in _MARKUP for w in words])
    is_cap, is_lower = np.array([w[0].isupper() for w in words]), np.array([w[0].islower() for w in words])
    has_digit = np.array([any(c.isdigit() for c in w) for w in words])
    break_after = np.array([i < n - 1 and newline_after[i] and (
        bool(_BLANK_LINE.search(unit_text, tokens[i][1], tokens[i + 1][0])) or _is_name_line(unit_text, tokens[i][1]))
        for i in range(n)])
    stops, breaks = _prefix_sum(hard_stop), _prefix_sum(break_after)
    keep = ((stops[j_idx + 1] - stops[i_idx]) == 0) & ((breaks[j_idx + 1] - breaks[i_idx] - break_after[j_idx]) == 0)
    i_idx, j_idx = i_idx[keep], j_idx[keep]
    read = _UnitWords(
        tokens=tuple(tokens), words=tuple(words), lower=tuple(lower), stems=tuple(stem_words(words)), is_punct=is_punct,
        is_stop=is_stop,
        has_digit=has_digit,
        is_year=np.array([bool(re.fullmatch(YEAR, w)) for w in words]),
        is_month=np.array([w in _MONTHS for w in lower]),
        is_time_word=np.array([w in _TIME_WORDS for w in lower]),
        is_number_word=np.array([w in NUMBER_WORDS for w in lower]),
        is_money=np.array([w in MONEY_WORDS or w.startswith("$") for w in lower]),
        is_percent=np.array([w.endswith("%") or w in ("percent", "%") for w in lower]),
        is_cap=is_cap,
        # A word of a person's name: capitalised letters, not in capitals throughout (an acronym, a heading), not
        # a word of bodies, places or titles.
        is_name_word=np.array([w[0].isupper() and w.replace("-", "").replace("'", "").isalpha() and not w.isupper()
                               and w.lower() not in NOT_NAME_WORDS for w in words]),
        is_all_cap=np.array([w.isupper() and len(w) > 1 for w in words]),
        newline_before=newline_before, newline_after=newline_after,
        is_comma=np.array([w == "," for w in words]), is_and_or=np.array([w in ("and", "or") for w in lower]),
        is_paren=np.array([w in ("(", ")") for w in words]), is_lower=is_lower,
        verb_like=is_lower & np.array([w.endswith(("ed", "ing")) and len(w) > 4 for w in lower]),
        word_index=np.array([_CONTEXT_INDEX.get(w, -1) for w in lower] + [-1], np.int64),
        classes=np.column_stack([np.array([w.endswith(x) and len(w) > len(x) + 2 for w in lower]) for x in _SUFFIXES]
                                + [is_cap, is_lower, has_digit, is_punct]).astype(np.float32),
        token_starts=np.array([t[0] for t in tokens], np.int64), token_ends=np.array([t[1] for t in tokens], np.int64),
        i_idx=i_idx, j_idx=j_idx)
    for value in vars(read).values():
        if isinstance(value, np.ndarray):
            value.flags.writeable = False
    return read


def _prefix_sum(flags: np.ndarray) -> np.ndarray:
    """0, then the running count of the flags: a span (i, j) holds `c[j + 1] - c[i]` of them."""
    return np.concatenate([[0], np.cumsum(flags.astype(np.int32))])


def candidates(q: QuestionInfo, unit_text: str, unit_start: int, unit_rank: int, unit_score: float,
               unit_semantic: float, unit_lexical: float) -> Candidates:
    empty = Candidates(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros((0, N_FEATURES), np.float32))
    read = _unit_words(unit_text)
    if read is None or len(read.i_idx) == 0:
        return empty
    tokens, words, lower, token_stems = read.tokens, read.words, read.lower, read.stems
    n = len(tokens)
    is_punct, is_stop, has_digit, is_year = read.is_punct, read.is_stop, read.has_digit, read.is_year
    is_month, is_time_word, is_number_word = read.is_month, read.is_time_word, read.is_number_word
    is_money, is_percent, is_cap, is_name_word = read.is_money, read.is_percent, read.is_cap, read.is_name_word
    is_all_cap, newline_before, newline_after = read.is_all_cap, read.newline_before, read.newline_after
    i_idx, j_idx = read.i_idx, read.j_idx
    question_words = set(q.content) | set(q.names)
    in_question = np.array([s in question_words or lw in question_words
                            for s, lw in zip(token_stems, lower)]) & ~is_stop & ~is_punct
    is_head = np.array([s in q.head for s in token_stems]) if q.head else np.zeros(n, bool)
    is_name = np.array([lw in q.names for lw in lower]) if q.names else np.zeros(n, bool)

    def span_sum(flags: np.ndarray) -> np.ndarray:
        c = _prefix_sum(flags)
        return (c[j_idx + 1] - c[i_idx]).astype(np.float32)

    length = (j_idx - i_idx + 1).astype(np.float32)
    content = span_sum(~is_stop & ~is_punct)
    overlap = span_sum(in_question)
    keep = overlap < np.maximum(content, 1)  # not only the question's own words
    i_idx, j_idx, length, content, overlap = i_idx[keep], j_idx[keep], length[keep], content[keep], overlap[keep]
    if len(i_idx) == 0:
        return empty

    q_positions = np.flatnonzero(in_question)
    if len(q_positions):
        left_gap = np.where(q_positions[None, :] < i_idx[:, None], i_idx[:, None] - q_positions[None, :], 10**6)
        right_gap = np.where(q_positions[None, :] > j_idx[:, None], q_positions[None, :] - j_idx[:, None], 10**6)
        dist = np.minimum(left_gap.min(axis=1), right_gap.min(axis=1)).astype(np.float32)
        near_left = ((left_gap <= 5).sum(axis=1)).astype(np.float32)
        near_right = ((right_gap <= 5).sum(axis=1)).astype(np.float32)
        q_left = (left_gap < 10**6).sum(axis=1).astype(np.float32)
        q_right = (right_gap < 10**6).sum(axis=1).astype(np.float32)
    else:
        dist = np.full(len(i_idx), 50.0, np.float32)
        near_left = near_right = q_left = q_right = np.zeros(len(i_idx), np.float32)
    total_q = max(len(q_positions), 1)

    caps = span_sum(is_cap)
    digits = span_sum(has_digit)
    prev_cap = np.concatenate([[False], is_cap[:-1]])[i_idx] & ~newline_before[i_idx]  # a run ends with its line
    next_cap = np.concatenate([is_cap[1:], [False]])[j_idx] & ~newline_after[j_idx]
    prev_name = np.concatenate([[False], is_name_word[:-1]])[i_idx] & ~newline_before[i_idx]
    next_name = np.concatenate([is_name_word[1:], [False]])[j_idx] & ~newline_after[j_idx]
    prev_num = np.concatenate([[False], has_digit[:-1] | is_number_word[:-1]])[i_idx]
    next_num = np.concatenate([has_digit[1:] | is_number_word[1:], [False]])[j_idx]
    head_after = np.concatenate([is_head[1:], [False]])[j_idx] | np.concatenate([is_head[2:], [False, False]])[j_idx]
    head_before = np.concatenate([[False], is_head[:-1]])[i_idx]
    line = newline_before[i_idx] & newline_after[j_idx]

    kinds = {
        "digit": digits > 0, "year": span_sum(is_year) > 0, "month": span_sum(is_month) > 0,
        "time_word": span_sum(is_time_word) > 0, "number_word": span_sum(is_number_word) > 0,
        "money": span_sum(is_money) > 0, "percent": span_sum(is_percent) > 0,
        "capitalised": caps >= np.maximum(content, 1), "all_capitalised": span_sum(is_all_cap) >= np.maximum(content, 1),
        "short": length <= 2, "long": length >= 5, "line": line,
        # two to four name words, the whole run of them ("Maulen Ashimbayev", "Alen Simonyan" of "Alen Simonyan
        # Member of the CSTO PA Council"; not "PA Council")
        "person_name": (span_sum(is_name_word) == length) & (length >= 2) & (length <= 4) & ~prev_name & ~next_name,
    }
    group = question_group(q)
    rows = len(i_idx)
    f = np.zeros((rows, N_FEATURES), np.float32)

    def put(name: str, values) -> None:
        f[:, _COLUMN[name]] = values

    put("bias", 1.0)
    put("len1", length == 1)
    put("len2_3", (length >= 2) & (length <= 3))
    put("len4_6", (length >= 4) & (length <= 6))
    put("len7_plus", length >= 7)
    put("len_norm", length / MAX_SPAN_TOKENS)
    put("overlap_share", overlap / np.maximum(content, 1))
    put("any_overlap", overlap > 0)
    put("all_overlap", overlap >= content)
    put("digit_share", digits / length)
    for name in ("year", "month", "time_word", "number_word", "money", "percent"):
        put(name, kinds[name])
    put("cap_share", caps / np.maximum(content, 1))
    put("all_cap", kinds["all_capitalised"])
    put("starts_cap", is_cap[i_idx])
    put("maximal_cap_run", kinds["capitalised"] & ~prev_cap & ~next_cap)
    put("maximal_number_run", (digits > 0) & ~prev_num & ~next_num)
    put("dist_log", np.log1p(dist) / 4.0)
    put("near_left", near_left / total_q)
    put("near_right", near_right / total_q)
    put("q_left", q_left / total_q)
    put("q_right", q_right / total_q)
    put("at_unit_start", i_idx == 0)
    put("at_unit_end", j_idx == n - 1)
    put("whole_line", line)
    put("line_start", newline_before[i_idx])
    put("line_end", newline_after[j_idx])
    put("head_inside", span_sum(is_head) > 0)
    put("head_after", head_after)
    put("head_before", head_before)
    put("names_inside", span_sum(is_name) > 0)
    put(f"unit_rank{min(unit_rank, 2)}", 1.0)
    put("unit_score", unit_score)
    put("unit_semantic", unit_semantic)
    put("unit_lexical", unit_lexical)
    put("comma_inside", span_sum(read.is_comma) > 0)
    put("and_inside", span_sum(read.is_and_or) > 0)
    put("paren_inside", span_sum(read.is_paren) > 0)
    is_lower, verb_like = read.is_lower, read.verb_like
    interior = np.maximum(length - 2, 1)
    put("verb_like_inside", (span_sum(verb_like) - verb_like[i_idx] - verb_like[j_idx]) > 0)
    put("function_inside", span_sum(is_stop) / interior)
    put("lower_inside", span_sum(is_lower & ~is_stop) / length)
    # One-hot context words and per-edge word classes, written as blocks (hundreds of columns).
    word_index = read.word_index
    newline = _CONTEXT_INDEX["\n"]
    row = np.arange(rows)
    for side, neighbour, broken in (("prev", i_idx - 1, newline_before[i_idx]), ("next", j_idx + 1,
                                                                                 newline_after[j_idx])):
        base = _COLUMN[f"{side}={_CONTEXT_WORDS[0]}"]
        found = word_index[neighbour]  # index -1 (no previous word) reads the sentinel: -1
        hit = found >= 0
        f[row[hit], base + found[hit]] = 1.0
        f[:, base + newline] = broken
    classes = read.classes
    width = len(_SUFFIXES) + len(_SHAPES)
    for edge, idx in zip(_EDGES, (i_idx, j_idx, i_idx - 1, j_idx + 1)):
        inside = ((idx >= 0) & (idx < n)).astype(np.float32)[:, None]
        base = _COLUMN[f"{edge}_suffix={_SUFFIXES[0]}"]
        f[:, base : base + width] = classes[np.clip(idx, 0, n - 1)] * inside
    for kind in _SPAN_KINDS:
        put(f"{group}x{kind}", kinds[kind])
    return Candidates(unit_start + read.token_starts[i_idx], unit_start + read.token_ends[j_idx], f)
