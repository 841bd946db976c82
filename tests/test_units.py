"""Quote units follow the layout: property tests on generated documents whose structure is known.

A generated document mixes prose wrapped to a width, headings in capitals wrapped over short lines,
phrases broken across a blank line after a joining word, and name/title blocks. Whatever the mix,
every unit is an exact, stripped, ordered span; no unit ends inside a wrapped sentence or phrase;
and every name/title block is one unit.
"""

import re

import pytest

from hypothesis import given, settings, strategies as st

from citeqa.layout import ends_with_joiner, list_lead_in, one_line
from ingest.clean import clean_text
from ingest.units import quote_units

WORDS = ["treaty", "security", "assembly", "parliament", "observers", "members", "cooperation", "legislation",
         "region", "council", "mission", "elections", "delegation", "approximation", "framework"]
NAMES = ["Anna Petrova", "Boris Ivanov", "Chen Wei", "Dilnoza Karimova", "Erik Larsen", "Farida Aliyeva"]
TITLES = ["Member of the Council", "Chairman of the Senate of the Republic", "Speaker of the National Assembly",
          "Deputy Chairwoman of the Committee on Defence and Security", "Head of the Observer Mission"]


def wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=22).map(
    lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def prose(draw):
    sentences = draw(st.lists(sentence, min_size=2, max_size=5))
    width = draw(st.integers(min_value=50, max_value=90))
    return ("prose", sentences, wrap(" ".join(sentences), width))


@st.composite
def heading(draw):
    words = draw(st.lists(st.sampled_from(WORDS), min_size=5, max_size=12))
    text = " ".join(words).upper()
    return ("heading", [text], wrap(text, draw(st.integers(min_value=12, max_value=26))))


@st.composite
def name_block(draw):
    name = draw(st.sampled_from(NAMES))
    titles = draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=2, unique=True))
    return ("block", [name, *titles], "\n\n".join([name, *titles]))


@st.composite
def broken_phrase(draw):
    """A title broken across a blank line after a joining word, as PDF text often is."""
    head = draw(st.sampled_from(["Chairman of the Senate of the", "Head of the delegation of",
                                 "Minister for Foreign Affairs and"]))
    tail = draw(st.sampled_from(["Republic of Kazakhstan", "Kyrgyz Republic", "International Cooperation"]))
    return ("phrase", [f"{head} {tail}"], f"{head}\n\n{tail}")


documents = st.lists(st.one_of(prose(), heading(), name_block(), broken_phrase()), min_size=1, max_size=6)


def flat(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None)
@given(parts=documents)
def test_units_follow_the_layout(parts):
    text = clean_text("\n\n\n".join(p[2] for p in parts))
    units = quote_units(text)
    quoted = [text[u.start : u.end] for u in units]
    end = 0
    for u, q in zip(units, quoted):
        assert q and q == q.strip() and u.start >= end  # exact, stripped, ordered, disjoint
        end = u.end
        assert not ends_with_joiner(q) or u.end == len(text.rstrip()), f"ends inside a phrase: {q!r}"
    flattened = [flat(q) for q in quoted]
    for kind, pieces, _ in parts:
        if kind in ("prose", "heading", "phrase"):
            for piece in pieces:  # each sentence, heading or phrase lies inside one unit
                assert any(flat(piece) in f for f in flattened), (kind, piece, flattened)
        else:  # the name and its titles are one unit
            assert any(all(flat(p) in f for p in pieces) for f in flattened), (pieces, flattened)


def test_a_block_reads_on_one_line_with_its_breaks_marked():
    text = "Vyacheslav Volodin\n\nChairman of the CSTO Parliamentary Assembly\nChairman of the State Duma"
    [unit] = quote_units(text)
    assert one_line(text[unit.start : unit.end]) == (
        "Vyacheslav Volodin / Chairman of the CSTO Parliamentary Assembly Chairman of the State Duma")
    assert one_line("Chairman of the Senate of the\n\nRepublic of Kazakhstan") == (
        "Chairman of the Senate of the Republic of Kazakhstan")


@pytest.mark.parametrize("text, units", [
    # pysbd cut after "`." of "`.venv`" (a quote "`make run` creates `." and a second one opening "venv`, ...")
    ("`make run` creates `.venv`, installs the model. Then it runs.",
     ["`make run` creates `.venv`, installs the model.", "Then it runs."]),
    ("The .NET runtime and config.yaml load first. Then it runs.",
     ["The .NET runtime and config.yaml load first.", "Then it runs."]),
    ("It was dead.[citation needed] Then it ran.", ["It was dead.", "[citation needed] Then it ran."]),  # as before
    # code: pysbd cut "#!" from "[allow(unused)]" and "println!" from its brackets (a quote "#!" of no word)
    ("#![allow(unused)]\nlet p = pack![1, 2];\nprintln!(\"{p}\");",
     ["#![allow(unused)]\nlet p = pack![1, 2];\nprintln!(\"{p}\");"]),
])
def test_a_sentence_is_not_cut_inside_a_word_after_a_full_stop(text, units):
    assert [text[u.start : u.end] for u in quote_units(text)] == units


def test_a_pdf_pages_prose_goes_on_past_a_line_that_fills_its_width():
    """A PDF page is one paragraph of prose lines, headings and list items; a sentence wrapped before a capital
    ("..., the application" / "MUST run the update-mime-database command ...") had been cut in two. A code example's
    lines (none as long as the longest) stay apart."""
    page = ("2.1. Directory layout\n"
            "Each application that wishes to contribute to the database will install a single XML file, named\n"
            "after the application, into one of the three packages directories (depending on where the user\n"
            "requested the application be installed). After installing or modifying this file, the application\n"
            "MUST run the update command, which is provided by the shared database package of the desktop.\n"
            "• globs (names to types)\n")
    quoted = [page[u.start : u.end] for u in quote_units(page)]
    assert ("After installing or modifying this file, the application\nMUST run the update command, which is provided "
            "by the shared database package of the desktop.") in quoted, quoted
    table = "".join(f"North quay berth {n} | ferries and tugs of the harbour | {n * 5} EUR a day\n" for n in range(4))
    assert len(quote_units(table)) == 4  # a table's rows, as long as each other, stay apart
    code = "$ harbour version\n2.7.6 (set by /home/pilot/.harbour/version)\n$ harbour version --bare\n2.7.6"
    assert [code[u.start : u.end] for u in quote_units(code)][-2:] == ["$ harbour version --bare", "2.7.6"]


def test_list_items_and_signature_lines_stay_apart():
    text = ("We agree on:\n- solidarity of purpose and tasks;\n- coordination of actions, not causing damage\n"
            "to interests of collective security;\n\nFor the Republic of Armenia |\nFor the Kyrgyz Republic |")
    quoted = [text[u.start : u.end] for u in quote_units(text)]
    assert "- coordination of actions, not causing damage\nto interests of collective security;" in quoted
    assert "For the Republic of Armenia |" in quoted and "For the Kyrgyz Republic |" in quoted
    assert not any(re.search(r"\|\s+For", q) for q in quoted)


def test_a_list_item_knows_the_heading_or_colon_sentence_that_introduces_its_list():
    text = ("Members met in May.\n\nSTANDING COMMISSION ON\nLEGAL ISSUES\n\n- develops model laws;\n"
            "- assists the delegations of the parliaments of the\nMember States on platforms;\n\n"
            "- supports cooperation.\nThe Council then met.\n\nWe agree on:\n- solidarity of purpose;\n\n"
            "The report was read.\n- one more point;")

    def lead(probe: str) -> str | None:
        found = list_lead_in(text, text.index(probe))
        return None if found is None else text[found[0] : found[1]]

    # Items apart by a blank line, and an item's wrapped line, belong to the same list.
    assert lead("develops") == lead("Member States on") == lead("supports") == "LEGAL ISSUES"
    assert lead("solidarity") == "We agree on:"
    assert lead("Members met") is None and lead("The Council then met") is None  # not in a list
    assert lead("one more point") is None  # a finished sentence before an item introduces nothing


def test_a_short_label_and_the_short_list_under_it_are_one_unit():
    """"2022" alone could not be quoted (fewer than three words), and its items alone say nothing of when."""
    text = ("MONITORING OF ELECTIONS\n\n2021\n\n- Armenia\n- Kyrgyzstan (3 missions)\n\n2022\n\n- Serbia\n\n"
            "As a result, missions adopt conclusions.\n\nCOMMISSION ON LEGAL ISSUES\n\n- develops model laws;")
    quoted = [text[u.start : u.end] for u in quote_units(text)]
    assert "2021\n\n- Armenia\n- Kyrgyzstan (3 missions)" in quoted
    assert "2022\n\n- Serbia" in quoted  # the sentence after its list is not the label's
    assert "As a result, missions adopt conclusions." in quoted
    assert "- develops model laws;" in quoted  # a heading of more words keeps its items apart


def test_a_sentence_too_long_for_one_unit_is_cut_after_a_clause_not_at_every_line():
    """GPL-3's sentences run to 900 characters over lines of 70: each line had been a unit, and "written offer, valid
    for at least three years and valid for as" was a quote. A sentence too long for one unit is cut after a line
    that ends a clause, and a line that opens with a label ("der len: ...") stays a unit of its own."""
    sentence = ("b) Convey the object code in, or embodied in, a physical product\n"
                "(including a physical distribution medium), accompanied by a\n"
                "written offer, valid for at least three years and valid for as\n"
                "long as you offer spare parts or customer support for that product\n"
                "model, to give anyone who possesses the object code either (1) a\n"
                "copy of the Corresponding Source for all the software in the\n"
                "product that is covered by this License, on a durable physical\n"
                "medium customarily used for software interchange, for a price no\n"
                "more than your reasonable cost of physically performing this\n"
                "conveying of source, or (2) access to copy the\n"
                "Corresponding Source from a network server at no charge.\n")
    units = [sentence[s.start:s.end] for s in quote_units(sentence)]
    assert [u.split()[-1] for u in units] == ["model,", "source,", "charge."], units
    labels = "".join(f"param{n} len: the number of bytes of the encoded string number {n}\n" for n in range(8))
    assert [labels[s.start:s.end] for s in quote_units(labels)] == labels.strip().split("\n")


def test_a_reply_too_short_to_quote_opens_the_unit_after_it():
    """Python's FAQ: "Is Python a good language for beginning programmers?" / "Yes." / "It is still common ...": a
    unit of two words is never quoted, so the yes was lost; "Very stable. New, stable releases ..." likewise. Not
    before a heading or a question ("Details here." / "Why is it called Python?")."""
    text = ("Is Python a good language for beginners?\n\n\nYes.\n\n\nIt is still common to start students with "
            "Pascal.\n\n\nHow stable is Python?\n\n\nVery stable.  New releases come out every 12 months.\n\n\n"
            "Details here.\n\n\nWhy is it called Python?\n")
    units = [text[s.start : s.end] for s in quote_units(text)]
    assert "Yes.\n\n\nIt is still common to start students with Pascal." in units
    assert "Very stable.  New releases come out every 12 months." in units
    assert "Details here." in units and "Why is it called Python?" in units
    item = ("- maxKeys <number> Specifies the maximum number of keys to parse.\nSpecify 0 to remove limits. "
            "Default: 1000.\n\n\nThe querystring.parse() method parses a URL query string.\n")
    assert "Default: 1000." in [item[s.start : s.end] for s in quote_units(item)]  # a list item's end, no reply


def test_a_signature_or_a_path_does_not_run_into_the_next_paragraph():
    """Release notes (Debian's NEWS files): an entry's signature line ends in a time zone, and the next entry's header
    opens in small letters; a phrase goes on across a blank line only after a word ("... of the" / "Republic of
    Kazakhstan"), so the signature had been one quote with the next header, and a command ending in "/" one with
    the signature under it."""
    text = ("harbourctl (2.5-1) unstable; urgency=low\n\n  * Commands passed to harbourctl must be quoted, as in:\n"
            "        harbourctl -c \"ls -l /\"\n    The following commands won't work anymore:\n"
            "        harbourctl -c ls -l /\n\n -- Ada Lovelace <ada@example.org>  Sun, 25 Dec 2022 17:11:31 +0100\n\n"
            "harbourctl (2.4-1) unstable; urgency=low\n\n  * The tide tables are read from /var/lib/harbour now, "
            "which every berth shares with the harbour office.\n")
    units = [one_line(text[u.start : u.end]) for u in quote_units(text)]
    assert "harbourctl (2.4-1) unstable; urgency=low" in units, units
    assert not any("+0100 harbourctl" in u or "ls -l / -- Ada" in u for u in units), units
    phrase = "Chairman of the Senate of the\n\nRepublic of Kazakhstan\n"
    assert [one_line(phrase[u.start : u.end]) for u in quote_units(phrase)] == [
        "Chairman of the Senate of the Republic of Kazakhstan"]
    assert one_line("signed at 17:11:31 +0100\n\nharbourctl (2.4-1)") == "signed at 17:11:31 +0100 / harbourctl (2.4-1)"


def test_an_options_label_and_what_it_does_are_one_unit_and_a_numbered_heading_stands_alone():
    """A manual page sets an option's label (or a keyword) over what it does: alone, "-C, --directory=DIR" was a unit
    too short to quote and "Change to DIR ..." said nothing of which option; pysbd, given both, cut no sentence at all.
    A numbered heading ("1.1.1. The concept") had run into the paragraph under it across the blank line."""
    text = ("-C, --directory=DIR\nChange to DIR before performing any operations. This option is\n"
            "order-sensitive, i.e. it affects all options that follow.\n\nLogLevel\nGives the verbosity level.\n\n"
            "1.1.1. The concept\n\nman-db originally started out life as program suite man-1.1B.\n")
    units = [text[u.start : u.end] for u in quote_units(text)]
    assert units[:2] == ["-C, --directory=DIR\nChange to DIR before performing any operations.",
                         "This option is\norder-sensitive, i.e. it affects all options that follow."], units
    assert "LogLevel\nGives the verbosity level." in units
    assert units[-2].endswith("The concept") and units[-1].startswith("man-db originally"), units


def test_each_option_of_a_list_of_short_descriptions_is_a_unit_of_its_own():
    """sort(1) describes its options in a few words in small letters: they had been gathered as one block
    ("-i, --ignore-nonprinting consider only printable characters / -M, --month-sort ... / -h, ..."), so "Which sort
    option compares human readable numbers?" had "-i, --ignore-nonprinting" in bold. A label with alternatives
    ("-R hostname | [hostname]:port") is a label too."""
    text = ("-i, --ignore-nonprinting\nconsider only printable characters\n\n-M, --month-sort\ncompare (unknown) < 'JAN'"
            "\n\n-h, --human-numeric-sort\ncompare human readable numbers (e.g., 2K 1G)\n\n"
            "-R hostname | [hostname]:port\nRemoves all keys belonging to the specified hostname.\n")
    units = [text[u.start : u.end] for u in quote_units(text)]
    assert units == ["-i, --ignore-nonprinting\nconsider only printable characters",
                     "-M, --month-sort\ncompare (unknown) < 'JAN'", "-h, --human-numeric-sort\ncompare human readable numbers (e.g., 2K 1G)",
                     "-R hostname | [hostname]:port\nRemoves all keys belonging to the specified hostname."], units


def test_a_name_written_as_code_that_heads_its_entry_alone_opens_the_unit_under_it():
    """An API reference heads each entry with its name ("ERR_UNHANDLED_ERROR", "UV_THREADPOOL_SIZE=size"): alone, too
    short to quote, it was never quoted, so "Which error code ...?" had no answer to put in bold. Not over the entry's
    history ("Added in: v0.3.3" had outranked what the entry says), nor a heading in words, nor one quotable alone."""
    text = ("ERR_TIDE_CLOSED\n\n\nA tide table was read after the harbour closed.\n\n\n"
            "tide.loadavg()\n\n\nAdded in: v0.3.3\n\n\nReturns the tide's load averages.\n\n\n"
            "Usage\n\n\nRun the client from a harbour's shell.\n\n\n"
            "emitter.setMaxTides(n)\n\n\nBy default at most ten tides are kept.\n")
    units = [text[u.start : u.end] for u in quote_units(text)]
    assert units[0] == "ERR_TIDE_CLOSED\n\n\nA tide table was read after the harbour closed.", units
    assert "tide.loadavg()" in units and "Added in: v0.3.3" in units  # not joined over its history
    assert "Usage" in units and "emitter.setMaxTides(n)" in units, units  # words; three words, quotable alone


def test_a_short_label_over_the_value_it_names_is_one_unit():
    """Documentation sets what differs by system under a tab's label ("Linux" / "~/.cache/pip"): apart, the label is
    too short to be quoted and the path says nowhere which system it is for. A heading over a label, a label over a
    sentence or over a line of words stay apart."""
    text = ("Default paths\n\n\nLinux\n\n\n~/.cache/harbour\n\n\nThe harbour also respects XDG_CACHE_HOME.\n\n\n"
            "Windows\n\n\npy -m harbour <arguments>\n\n\nUsage\n\n\nRun it from a shell.\n\n\n"
            "Status\n\n\nStill in beta\n")
    units = [text[u.start : u.end] for u in quote_units(text)]
    assert "Linux\n\n\n~/.cache/harbour" in units and "Default paths" in units, units
    assert "Windows\n\n\npy -m harbour <arguments>" in units  # a command with an option is a value too
    assert "Usage" in units and "Run it from a shell." in units  # a sentence is no value
    assert "Status" in units and "Still in beta" in units  # words are no value written as code
    text = "Expressions\n\n\n$<UPPER_CASE:string>\n\n\nContent of string converted to upper case.\n"
    assert [text[u.start : u.end] for u in quote_units(text)] == [  # a name heading its own entry is no value
        "Expressions", "$<UPPER_CASE:string>\n\n\nContent of string converted to upper case."]
