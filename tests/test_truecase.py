"""A question typed in small letters read with the capitals its documents write its words with."""

from __future__ import annotations

import pytest

from retrieval.truecase import casing_of, truecased

TEXT = """Meeting with the heads of the OSCE mission

Belarus President Aleksandr Lukashenko met Kent Harstedt in Minsk. The president said that security matters.
Harstedt thanked him. "Security and cooperation go together," the OSCE coordinator said.
Natalia Kochanova
COUNTERACTION TO TERRORISM AND EXTREMISM **CORRUPTION CONTROL** adopted in 2006
"""


def test_words_written_with_capitals_inside_sentences_are_cased():
    casing = casing_of([TEXT])
    assert casing["harstedt"] == "Harstedt" and casing["lukashenko"] == "Lukashenko" and casing["osce"] == "OSCE"
    assert casing["natalia"] == "Natalia"  # first of its line, but a capitalised name goes on


def test_sentence_openers_headings_and_mixed_words_are_not():
    casing = casing_of([TEXT])
    assert "meeting" not in casing  # only ever the first word of a line
    assert "security" not in casing  # "Security" opens a quotation, "security" inside a sentence
    assert "president" not in casing  # "President" once, "president" once: under the share
    assert "corruption" not in casing and "control" not in casing  # a run of capitals is a heading's
    assert "the" not in casing and "may" not in casing


@pytest.mark.parametrize("question, read", [
    ("who is harstedt", "who is Harstedt"),
    ("what did lukashenko say about the osce?", "what did Lukashenko say about the OSCE?"),
    ("who is natalia kochanova?", "who is Natalia Kochanova?"),
    ("Who is the patron saint of minsk?", "Who is the patron saint of minsk?"),  # capitals typed: as typed
    ("what is the capital of atlantis?", "what is the capital of atlantis?"),  # words the documents never write
])
def test_only_a_question_typed_without_capitals_is_cased(question, read):
    assert truecased(question, casing_of([TEXT])) == read


def test_a_question_in_small_letters_is_answered_as_if_typed_with_capitals(service):
    """"who is harstedt" was refused while "Who is Harstedt?" quoted his titles: the rules read a name by its
    capitals. The answer keeps the question as typed."""
    answer = service.ask("who is harstedt")
    assert not answer.abstained and answer.question == "who is harstedt", answer.answer
    assert "Kent Harstedt" in answer.answer or "Vice President of the OSCE" in answer.answer, answer.answer


def test_a_country_the_documents_never_name_is_still_a_country(service):
    """"when did uzbekistan withdraw from the csto?" was answered; typed with capitals it was refused (the
    documents name no Uzbekistan)."""
    assert service.ask("when did uzbekistan withdraw from the csto?").abstained


def test_a_follow_up_on_a_person_asked_by_surname_is_read(service):
    """"what did he say?" after "who is harstedt" was refused: "Harstedt", one word, did not read as a person's
    name; a person asked who they are is one, by surname too."""
    from citeqa.types import Turn

    first = service.ask("who is harstedt")
    answer = service.ask("what did he say?", history=[Turn(first.question, first.answer)])
    assert not answer.abstained and "It is a very important signal" in answer.citations[0].quote, answer.answer
    assert answer.read_as == "What did Harstedt say?"
