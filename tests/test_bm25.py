"""The local store's BM25 index: built by bm25s, scored from its saved arrays without bm25s."""

import numpy as np
import pytest

from retrieval.store.bm25 import Bm25Index, write_bm25
from retrieval.store.lexical import index_words, query_words

CHUNKS = [
    "The ferry to Vela Island leaves the harbour at six o'clock.",
    "The fish market opens on Tuesdays and Fridays.",
    "Ferries and ferry timetables: the island ferry runs twice a day.",
    "Nothing about boats here, only the market square and the town hall.",
    "",
]


@pytest.fixture()
def index(tmp_path):
    write_bm25(tmp_path / "bm25", (index_words(c) for c in CHUNKS))
    return Bm25Index(tmp_path / "bm25", len(CHUNKS))


def test_scores_are_bm25s_own(index, tmp_path):
    """Reading the saved arrays gives exactly the scores bm25s computes (a change of its format would fail here)."""
    import bm25s

    model = bm25s.BM25.load(str(tmp_path / "bm25"))
    for query in ("ferry island", "market", "ferry market harbour town"):
        words = query_words(query)
        expected = model.get_scores([w for w in words if w in model.vocab_dict])
        found = dict(index.search(words, len(CHUNKS)))
        assert {i: pytest.approx(float(s), rel=1e-6) for i, s in enumerate(expected) if s > 0} == found


def test_best_first_with_k_and_filters(index):
    hits = index.search(query_words("ferry island"), 2)
    assert [i for i, _ in hits] == [2, 0] and hits[0][1] > hits[1][1] > 0
    assert [i for i, _ in index.search(query_words("ferry island"), 5, np.array([0, 1]))] == [0]
    assert index.search(query_words("ferry"), 5, np.array([1, 3])) == []  # no allowed chunk holds it
    assert index.search(query_words("submarine"), 5) == [] and index.search([], 5) == []
