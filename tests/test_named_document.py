"""A question that names its source document is asked of that document, without the words that name it."""

import pytest

from citeqa.types import Document, Filters, Turn
from retrieval.named_document import DocumentNames, document_named

DECLARATION = "csto-declaration-2006-efficiency.txt"
BROCHURE = "csto-pa-brochure.txt"


def doc(doc_id: str, title: str, date: str | None = None) -> Document:
    return Document(doc_id, title, "text", doc_id, "0" * 64, 4, "txt", date)


LIBRARY = [
    doc("treaty-2019-review.txt", "Review of the arms treaty", "2019-03-01"),
    doc("council-statement-water.txt", "Statement by the River Council on water rights"),
    doc("annual-report-2021.txt", "Annual report of the River Council", "2021-12-31"),
    doc("annual-report-2022.txt", "Annual report of the River Council", "2022-12-31"),
    doc("visitor-brochure.txt", "Welcome to the valley"),
]


def named(question: str):
    names = DocumentNames(lambda: LIBRARY, lambda: len(LIBRARY))
    return document_named(question, names)


@pytest.mark.parametrize("question, doc_id, rewritten", [
    ("What did the 2021 report say about floods?", "annual-report-2021.txt", "What did it say about floods?"),
    ("Who owns the wells, according to the River Council statement?", "council-statement-water.txt",
     "Who owns the wells?"),
    ("According to the brochure, where does the trail start?", "visitor-brochure.txt", "Where does the trail start?"),
    ("Which dams are listed in the 2022 annual report?", "annual-report-2022.txt", "Which dams are listed?"),
    ("How does the statement on water rights define a well?", "council-statement-water.txt",
     "How does it define a well?"),
    ("What did the 2019 article say about missiles?", "treaty-2019-review.txt", "What did it say about missiles?"),
    # a naming inside another form's words ("did the ministers adopt ...")
    ("When did the ministers adopt the 2022 annual report?", "annual-report-2022.txt",
     "When did the ministers adopt it?"),
    # a naming that opens the sentence that asks, after one that sets the scene (it had read "... floods., which ...",
    # one sentence, so the scene's words were read as asked)
    ("I study river towns. In the 2021 report, which dams are listed?", "annual-report-2021.txt",
     "I study river towns. Which dams are listed?"),
    # a possessive in the words that name it ("the statement on the council's water rights": its "s" had fitted none)
    ("When was the statement on the council's water rights adopted?", "council-statement-water.txt",
     "When was it adopted?"),
])
def test_a_document_named_as_the_source_is_found_and_its_name_left_out(question, doc_id, rewritten):
    found = named(question)
    assert found is not None and (found.doc_id, found.question) == (doc_id, rewritten)


@pytest.mark.parametrize("question", [
    "What did the annual report say about floods?",  # two annual reports: which one is not said
    "Who wrote the 2021 report?",  # about the document, not asked of it
    "What did the report on fisheries say?",  # its last words are in no document's title
    "What do the council statements in the brochure say?",  # several statements: a list the brochure holds
    "How do the 2021 report and the brochure differ?",  # two documents
    "What did the 2030 report say about floods?",  # no report of that year
    "What did the delegates say about floods?",  # no kind of document
])
def test_no_document_is_chosen_where_the_question_does_not_name_exactly_one_as_its_source(question):
    assert named(question) is None


def test_titles_are_read_only_for_a_question_that_names_a_document():
    reads = []
    names = DocumentNames(lambda: reads.append(1) or LIBRARY, lambda: len(LIBRARY))
    assert document_named("Where does the trail start?", names) is None and not reads
    document_named("What does the brochure say?", names)
    document_named("What does the 2021 report say?", names)
    assert reads == [1]  # once per index version


def test_a_question_naming_a_document_is_answered_from_it_and_not_from_its_title(service):
    """The declaration's words ("the 2006 declaration") are in its title line, which outranked the sentence that
    answers, and the answer was refused."""
    answer = service.ask("What did the 2006 declaration say about illegal migration?")
    assert answer.named_document == DECLARATION
    assert not answer.abstained and "illegal migration" in answer.citations[0].quote, answer.answer
    assert {p.doc_id for p in answer.passages} == {DECLARATION}
    ties = service.ask("Which organizations does the declaration want stronger ties with?")
    assert [c.quote for c in ties.citations if "Declaration of state members" in c.quote] == [], ties.answer
    assert ties.short_answer is not None and ties.short_answer.text == "UN"


def test_a_document_the_user_chose_is_not_overridden_by_the_one_the_question_names(service):
    answer = service.ask("What did the 2006 declaration say about illegal migration?",
                         filters=Filters(doc_ids=(BROCHURE,)))
    assert answer.named_document is None and {p.doc_id for p in answer.passages} == {BROCHURE}
    about = service.ask("Who issued the 2006 declaration?")  # asks about the document, not from it
    assert about.named_document is None


def test_a_follow_up_keeps_to_the_document_its_conversation_named(service):
    """"What does it say about migration?" after a question on the 2006 declaration is asked of the declaration,
    without its name in either question: it had quoted the brochure's commission on migration."""
    from citeqa.types import Turn

    first = service.ask("What did the 2006 declaration say about terrorism?")
    follow_up = service.ask("What does it say about migration?", history=[Turn(first.question, first.answer)])
    assert follow_up.named_document == DECLARATION and "declaration" not in follow_up.retrieval_query.lower()
    assert not follow_up.abstained and "illegal migration" in follow_up.citations[0].quote, follow_up.answer


@pytest.mark.parametrize("question, asks", [
    ("Which states have signed the treaty?", True),
    ("Who signed it?", True),
    ("Which member states signed the charter?", True),
    ("Who signed the treaty on behalf of Kazakhstan?", False),  # a person, whom the block does not name
    ("Who signed the treaty for Kazakhstan?", False),
    ("When was the treaty signed?", False),
    ("Who designed the treaty?", False),
    ("How many states signed the treaty?", True),  # the block lists them to count
    ("Did Norway sign the treaty?", True),  # whether one did: the block says who did
    ("Has Japan signed it?", True),
    ("Was the charter signed by Peru?", True),
    ("Did the minister sign it on behalf of Peru?", False),
    ("Did the assembly design the treaty?", False),
])
def test_a_question_that_asks_who_signed(question, asks):
    from retrieval.signatures import asks_who_signed

    assert asks_who_signed(question) == asks


def test_the_signature_block_is_the_last_run_of_lines_naming_parties():
    from citeqa.types import Span
    from retrieval.signatures import signature_block

    lines = ["For the purpose of peace, the parties agree.", "For the Republic of Armenia |",
             "For the Kyrgyz Republic |", "Disclaimer: translated.", "For the Government of Canada:", "For Japan:",
             "For the United Mexican States:"]
    text, units, at = "", [], 0
    for line in lines:
        units.append(Span(at, at + len(line)))
        text += line + "\n"
        at = len(text)
    block = signature_block(units, text)
    assert [text[s.start : s.end] for s in block] == lines[4:]
    assert signature_block(units[:3], text) == units[1:3]
    assert signature_block(units[:2], text) == []  # one line is a sentence, not a block


def test_who_signed_a_document_is_its_signature_block(service):
    """The block's lines ("For the Republic of Armenia |" ...) share no word with "signed": the question had been
    refused."""
    answer = service.ask("Which states have signed the 2006 declaration?")
    assert answer.named_document == DECLARATION and not answer.abstained, answer.answer
    quote = answer.citations[0].quote
    assert quote.startswith("For the Republic of Armenia") and quote.rstrip(" |").endswith("Republic of Tajikistan")
    assert service.ask("Who signed the 2006 declaration on behalf of Kazakhstan?").short_answer is None
    # Whether one country signed it: the block says who did (Tajikistan did; Uzbekistan, which it does not name, not)
    for country in ("Tajikistan", "Uzbekistan"):
        did = service.ask(f"Did {country} sign the 2006 declaration?")
        assert did.named_document == DECLARATION and did.citations[0].quote.startswith("For the Republic of Armenia")


@pytest.mark.parametrize("question, asks", [
    ("When was it adopted?", True),
    ("On what date was it signed?", True),
    ("When was it first published?", True),
    ("When was it ratified by the parliament?", False),  # another event than the document's own date
    ("When was it founded?", False),
    ("When did it say the forces would meet?", False),
    ("When did the heads of state sign it?", True),  # said actively
    ("What date did the parties adopt it?", True),
    ("When did it sign the treaty?", False),  # what it signed is another document
])
def test_a_question_that_asks_when_its_document_was_made(question, asks):
    from retrieval.document_date import asks_when_made

    assert asks_when_made(question) == asks


def test_a_documents_own_date_is_the_first_its_opening_lines_state():
    from citeqa.dates import first_date
    from retrieval.document_date import DATELINE_CHARS, own_date

    text = "Declaration of the parties\nof June 23, 2006\nWe recall the Agreement of May 15, 1992."
    stated = own_date(text)
    assert stated is not None and stated.iso == "2006-06-23" and text[stated.start : stated.end] == "June 23, 2006"
    late = "x" * DATELINE_CHARS + " It was signed on 23 June 2006."
    assert own_date(late) is None and first_date(late).iso == "2006-06-23"  # too far in to be the document's own


def test_when_a_named_document_was_adopted_is_the_date_of_its_opening_lines(service):
    """"When was the declaration adopted?" had been refused: the brochure's banner "MODEL ACTS adopted in 2006 -
    2024" outranked the declaration's title line, which states its date but not the word "adopted"."""
    answer = service.ask("When was the declaration adopted?")
    assert answer.named_document == DECLARATION and answer.short_answer is not None, answer.answer
    assert answer.short_answer.text == "June 23, 2006" and answer.short_answer.citation == 1
    text = service.documents([DECLARATION])[DECLARATION].text
    assert text[answer.short_answer.start : answer.short_answer.end] == "June 23, 2006"
    assert service.ask("When was the brochure published?").abstained  # it states no date
    # said actively: a line without a date had been quoted
    active = service.ask("When did the CSTO heads of state sign the declaration?")
    assert active.short_answer is not None and active.short_answer.text == "June 23, 2006", active.answer
    adopted = service.ask("When did the leaders adopt the 2006 declaration?")
    assert adopted.short_answer is not None and adopted.short_answer.text == "June 23, 2006", adopted.answer


def test_it_in_a_follow_up_is_the_document_the_conversation_named(service):
    from citeqa.types import Turn

    history = [Turn("Which states have signed the 2006 declaration?", "")]
    history.append(Turn("What does it say about migration?", ""))  # refers back itself: walked past
    when = service.ask("When was it signed?", history=history)
    assert when.named_document == DECLARATION and when.short_answer is not None, when.answer
    assert when.short_answer.text == "June 23, 2006"
    other = service.ask("When was it signed?", history=[Turn("Who is Maulen Ashimbayev?", "")])
    assert other.named_document is None


def compared(question: str):
    from retrieval.named_document import documents_compared

    names = DocumentNames(lambda: LIBRARY, lambda: len(LIBRARY))
    found = documents_compared(question, names)
    return None if found is None else [(n.doc_id, n.question) for n in found]


@pytest.mark.parametrize("question, each", [
    ("What do the 2021 report and the brochure say about floods?",
     [("annual-report-2021.txt", "What does it say about floods?"), ("visitor-brochure.txt", "What does it say about floods?")]),
    ("According to the River Council statement and the 2019 article, who owns the wells?",
     [("council-statement-water.txt", "Who owns the wells?"), ("treaty-2019-review.txt", "Who owns the wells?")]),
    ("What does the brochure or the 2022 report say about dams?",
     [("visitor-brochure.txt", "What does it say about dams?"), ("annual-report-2022.txt", "What does it say about dams?")]),
])
def test_two_documents_named_as_sources_are_each_asked(question, each):
    assert compared(question) == each


@pytest.mark.parametrize("question", [
    "What do the annual report and the brochure say about floods?",  # two annual reports: one phrase names none
    "What do the 2021 report and the 2021 annual report say?",  # one document twice
    "What did the delegates and the brochure say?",  # the delegates are no document
    "What did the 2021 report say about floods?",  # one document: `document_named`
])
def test_no_two_documents_are_compared_unless_each_phrase_names_one(question):
    assert compared(question) is None


def test_a_question_naming_two_documents_quotes_each(service):
    """"What do the 2006 declaration and the brochure say about terrorism?" was asked of the whole collection: it
    quoted the brochure's heading, the declaration's title line and the election statement, named by neither. Each
    document is asked alone now, and the answer quotes both, the first named first, the citations numbered on."""
    answer = service.ask("What do the 2006 declaration and the brochure say about terrorism?")
    assert not answer.abstained, answer.answer
    docs = [c.doc_id for c in answer.citations]
    assert docs[0] == DECLARATION and BROCHURE in docs and set(docs) == {DECLARATION, BROCHURE}, answer.answer
    assert [c.n for c in answer.citations] == list(range(1, len(docs) + 1))
    assert "terrorism" in answer.citations[0].quote and answer.short_answer is None
    assert {"embed", "retrieve", "answer"} <= set(answer.timings_ms) and answer.timings_ms["total"] > 0
    texts = service.documents([DECLARATION, BROCHURE])
    assert all(texts[c.doc_id].text[c.start : c.end] == c.quote for c in answer.citations)
    # one says nothing: the other's words are the answer; neither: refused
    assert service.ask("What do the declaration and the brochure say about football?").abstained


@pytest.mark.parametrize("question, doc_id, rewritten", [
    ("What is the 2021 report about?", "annual-report-2021.txt", "What is it about?"),
    ("What was the 2022 annual report about?", "annual-report-2022.txt", "What was it about?"),
    ("When was the 2022 annual report published?", "annual-report-2022.txt", "When was it published?"),
    ("Summarize the River Council statement", "council-statement-water.txt", "Summarize it"),
    ("Give me a short summary of the brochure, please", "visitor-brochure.txt", "Give me a short summary of it, please"),
    ("Tell me about the 2019 article", "treaty-2019-review.txt", "Tell me about it"),
    # the same request forms as "... of it" (document_lead.SUMMARY_REQUEST): this one had named no document
    ("Can you give me a summary of the brochure?", "visitor-brochure.txt", "Can you give me a summary of it?"),
])
def test_a_document_asked_what_it_is_about_is_named(question, doc_id, rewritten):
    found = named(question)
    assert found is not None and (found.doc_id, found.question) == (doc_id, rewritten)


@pytest.mark.parametrize("question", [
    "What is the 2021 report's budget?",  # is the report ... but not "about"
    "Which dam is the brochure about to close?",  # "about to": no summary asked
    "What does the report say about floods?",  # two annual reports: which is not said
])
def test_no_summary_naming_without_its_form(question):
    from retrieval.document_lead import asks_what_it_is_about

    found = named(question)
    assert found is None or not asks_what_it_is_about(found.question)


def test_what_a_document_is_about_is_its_opening_lines(service):
    """"Summarize the statement" was refused and "What is the declaration about?" quoted the declaration's closing
    paragraph; the title and first sentences of the document named say what it is about, each quote exact."""
    summary = service.ask("Summarize the statement")
    statement = "csto-pa-statement-foreign-election-interference.txt"
    assert not summary.abstained and summary.named_document == statement, summary.answer
    assert summary.citations[0].quote.startswith("Statement by the CSTO PA Council on inadmissibility"), summary.answer
    assert "demonstrate the maturity and sustainability of electoral systems" in summary.citations[1].quote
    about = service.ask("What is the declaration about?")
    assert about.citations[0].quote.startswith("Declaration of state members of the Collective Security Treaty")
    assert [c.start for c in about.citations] == sorted(c.start for c in about.citations) and len(about.citations) == 3
    texts = service.documents([statement, DECLARATION])
    assert all(texts[c.doc_id].text[c.start : c.end] == c.quote for a in (summary, about) for c in a.citations)
    # a news item's title repeated as its first line is quoted once
    news = service.ask("What is the Kazakhstan news item about?")
    assert len({c.quote for c in news.citations}) == len(news.citations) == 3, news.answer
    # asked of "it" after a question that named the document
    history = [Turn("Who signed the declaration?", "")]
    assert service.ask("What is it about?", history=history).citations[0].quote == about.citations[0].quote
    # in every search mode, and of a document chosen by the user: a word search for "summarize" finds nothing
    lexical = service.ask("Summarize the statement", mode="lexical")
    assert not lexical.abstained and lexical.citations[0].quote == summary.citations[0].quote, lexical.answer
    chosen = service.ask("Summarize it", mode="lexical", filters=Filters(doc_ids=(DECLARATION,)))
    assert not chosen.abstained and chosen.citations[0].quote == about.citations[0].quote, chosen.answer


@pytest.mark.parametrize("texts, kept", [
    (["Title of the item", "• 1", "Title of the item", "First sentence of the lead.", "Second one here.",
      "Third one here.", "Fourth one here."], [0, 3, 4]),
    (["A short note only."], [0]),
])
def test_the_lead_is_the_first_units_once_each(texts, kept):
    from citeqa.types import Span
    from retrieval.document_lead import lead

    text, spans = "", []
    for t in texts:
        spans.append(Span(len(text), len(text) + len(t)))
        text += t + "\n\n"
    assert lead(spans, text) == [spans[i] for i in kept]
