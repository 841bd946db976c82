"""A question's misspelt words read as the words of its documents they were meant to be."""

from __future__ import annotations

import pytest

from retrieval.spelling import corrected, is_english, word_counts

TEXT = """Vyacheslav Volodin spoke on security. Security of the region, security of the people.
The ARPANET coordinator visited the city. Hallo and hullo are greetings."""


def _corrected(question: str) -> str:
    counts, capitals = word_counts([TEXT])
    vocabulary = sorted(w for w in counts if len(w) >= 3)
    return corrected(question, counts, vocabulary, [w for w in vocabulary if w in capitals])


@pytest.mark.parametrize("question, read", [
    ("What did Volodin say about secruity?", "What did Volodin say about security?"),  # two letters swapped
    ("Who is Vyacheslav Volodn?", "Who is Vyacheslav Volodin?"),  # a letter dropped; the capital kept
    ("Who founded ARPNET?", "Who founded ARPANET?"),  # in capitals: an abbreviation of the documents
    ("Who founded CITA?", "Who founded CITA?"),  # "city" is no abbreviation
    ("How many troops were there?", "How many troops were there?"),  # an English word, whatever the documents say
    ("Who wasn't at the meeting?", "Who wasn't at the meeting?"),  # "wasn" is no misspelt "was"
    ("What is Volodn's post?", "What is Volodin's post?"),  # a possessive's word is read, its "'s" kept
    ("What did hxllo mean?", "What did hxllo mean?"),  # "hallo" and "hullo" as near, as frequent: no guess
    ("What is Uzbekistan?", "What is Uzbekistan?"),  # no document word near it
    ("What does os.secruity() return?", "What does os.secruity() return?"),  # a name in code is copied, not misspelt
    ("What does secruity() return?", "What does secruity() return?"),  # a call's name, as typed
])
def test_a_misspelt_word_is_read_as_the_document_word_it_was_meant_as(question, read):
    assert _corrected(question) == read


@pytest.mark.parametrize("word, english", [
    ("troops", True), ("monitoring", True), ("deputies", True), ("planned", True), ("smallest", True),
    ("secruity", False), ("cordinator", False),  # its Porter stem is a word's, but it is not one
])
def test_english_words_are_known_with_their_endings(word, english):
    assert is_english(word) == english


def test_a_misspelt_name_is_answered_as_if_spelt_right(service):
    """"Who is Vyacheslav Volodn?" was refused: BM25 found no "volodn" and no name block named him so."""
    answer = service.ask("Who is Vyacheslav Volodn?")
    assert not answer.abstained and answer.question == "Who is Vyacheslav Volodn?", answer.answer
    assert "Volodin" in answer.retrieval_query and "Chairman of the CSTO Parliamentary Assembly" in answer.answer
