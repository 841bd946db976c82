"""Candidate answer spans: what may never be an answer, whatever the model scores."""

from retrieval.question import analyse
from retrieval.spans import candidates

UNIT = ("We adopted about 90 **MODEL ACTS** in 2006 - 2024.\n\n"
        "Vyacheslav Volodin\nChairman of the CSTO Parliamentary Assembly | Moscow")


def spans_of(question: str, text: str = UNIT) -> list[str]:
    found = candidates(analyse(question), text, 100, 0, 1.0, 0.5, 0.5)
    assert len(found.starts) == len(found.ends) == len(found.features)
    return [text[s - 100 : e - 100] for s, e in zip(found.starts, found.ends)]


def test_the_fact_is_among_the_candidates_at_its_exact_offsets():
    spans = spans_of("Who chairs the assembly?")
    assert "Vyacheslav Volodin" in spans and "90" in spans and "Moscow" in spans


def test_no_candidate_crosses_a_layout_mark_a_blank_line_or_a_sentence_end():
    for span in spans_of("How many acts were adopted?"):
        assert not any(mark in span for mark in ("*", "|", "\n\n", ".")), span


def test_no_candidate_starts_or_ends_with_a_pronoun():
    for span in spans_of("Who adopted the acts?"):
        words = span.split()
        assert words[0].lower() not in {"we", "he", "she", "you"} and words[-1].lower() not in {"we", "us", "them"}


def test_a_name_line_and_the_title_under_it_are_separate_answers():
    text = "Alen Simonyan\nMember of the CSTO PA Council\nof the Collective Security Treaty\nOrganization"
    spans = spans_of("Who is the Speaker?", text)
    assert "Alen Simonyan" in spans and not any(s.startswith("Simonyan\nMember") or "Simonyan\n" in s for s in spans)
    assert "Collective Security Treaty\nOrganization" in spans  # a wrapped sentence still joins its lines


def test_no_candidate_ends_on_a_possessive():
    text = "We consider such practice a direct threat to the Organization's member states."
    spans = spans_of("What is a direct threat to the member states?", text)
    assert "Organization's member states" in spans
    assert not any(s.endswith("'s") for s in spans), [s for s in spans if s.endswith("'s")]


def test_a_time_adjective_before_the_head_does_not_make_the_question_ask_for_a_time():
    """"What is the monthly salary ...?" asks for a salary: "monthly" stems to "month", and read as the head
    it made the question ask for a date. "What year ...?" still asks for one."""
    salary = analyse("What is the monthly salary of a deputy?")
    assert salary.head == analyse("What is the salary of a deputy?").head and not salary.wants_time
    assert analyse("In what year was it adopted?").wants_time


def test_a_signed_number_a_dotted_name_and_an_address_are_each_one_word():
    """"an integer in the range of -1 to 9" had answered "1 to 9", "called pythonX.Y" answered "Y"; an e-mail or web
    address is one candidate. The dash between two years stays a dash."""
    from retrieval.spans import tokenize

    words = [w for _, _, w in tokenize("range of -1 to 9, pythonX.Y and sys.path, 2006-2024, mail bugs@gnu.org or "
                                       "see <https://www.gnu.org/software/x/>. 1DS in the 1990s, 3rd")]
    assert words == ["range", "of", "-1", "to", "9", ",", "pythonX.Y", "and", "sys.path", ",", "2006", "-", "2024",
                     ",", "mail", "bugs@gnu.org", "or", "see", "<", "https://www.gnu.org/software/x/", ">", ".", "1DS",
                     "in", "the", "1990s", ",", "3rd"]


def test_a_language_name_ending_in_plus_signs_or_a_hash_is_one_word():
    """The Debian FAQ: "... a basic development environment, including a C/C++ compiler" had "C/C" in bold."""
    text = "You need a basic development environment, including a C/C++ compiler and a C# runtime."
    spans = spans_of("Which compiler do I need?", text)
    assert "C/C++ compiler" in spans and "C# runtime" in spans
    assert not any(s.endswith("C/C") or s.startswith("#") for s in spans), spans
