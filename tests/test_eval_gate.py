"""The quality gate: hybrid retrieval on eval/questions.jsonl (as written, typed in small letters, and with a
misspelt word each), on the follow-ups of eval/conversations.jsonl and on eval/first_questions.jsonl through the
real stack (real model, a fresh index of the shipped corpus) must not fall below the floors.

The floors sit a little under the figures measured when they were set, so noise passes and a real
regression fails. Run with `-s` to see today's figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.perturb import in_small_letters, perturbed_questions, with_a_typo
from eval.cargo_collection import CARGO_QUESTIONS, CARGO_SCENE_QUESTIONS, cargo_available, cargo_collection
from eval.cmake_collection import CMAKE_QUESTIONS, cmake_commands_available, cmake_commands_collection
from eval.manpages_collection import (MANPAGES_QUESTIONS, MANPAGES_SCENE_QUESTIONS, manpages_available,
                                     manpages_collection)
from eval.news_collection import NEWS_PACKAGES, NEWS_QUESTIONS, NEWS_SOURCE, news_collection
from eval.nodejs_collection import NODEJS_QUESTIONS, NODEJS_SCENE_QUESTIONS, nodejs_available, nodejs_collection
from eval.pip_collection import PIP_QUESTIONS, PIP_SCENE_QUESTIONS, pip_available, pip_collection
from eval.rustbook_collection import (RUSTBOOK_QUESTIONS, RUSTBOOK_SCENE_QUESTIONS, rustbook_available,
                                     rustbook_collection)
from eval.sphinx_collection import SPHINX_QUESTIONS, SPHINX_SCENE_QUESTIONS, sphinx_available, sphinx_collection
from eval.scifact_collection import SCIFACT_QUESTIONS, SCIFACT_SOURCE, scifact_collection
from eval.questions import (CONVERSATIONS, DEBIAN_CORPUS, DEBIAN_QUESTIONS, DEBIAN_SCENE_QUESTIONS,
                            DEFAULT_QUESTIONS, DOCS_CORPUS,
                            FAQ_CORPUS, FAQ_QUESTIONS, PYTHON_FAQ_CORPUS, PYTHON_FAQ_QUESTIONS,
                            DOCS_QUESTIONS, FIRST_QUESTIONS,
                            GUIDES_CORPUS, GUIDES_QUESTIONS, LEGAL_CORPUS, LEGAL_QUESTIONS, LIBFFI_CORPUS,
                            LIBFFI_QUESTIONS, MANUALS_CORPUS, SCENE_QUESTIONS, CHATTY_CONVERSATIONS,
                            MANUALS_QUESTIONS, QuestionSet,
                            load_questions)

# Measured 2026-11-29 06:05 UTC (89 questions, 76 answerable, 13 unanswerable): quote units pooled from
# the chunk pass, every int8 text encoded on its own (so a build's vectors no longer depend on batches:
# these figures repeat on every fresh build with the same int8 kernel), the answer models trained on those vectors:
# answer@3 0.9211, mrr@10 0.9781, answer_quoted 0.7237, false_abstention_rate 0.0395,
# abstention_accuracy 0.5385. The answer_quoted floor allows about two answerable questions to slip,
# abstention one unanswerable question, answer@3 one. Moves against the floors of the 03:20 UTC models
# (batched int8 vectors: answer@3 0.9342, false abstention 0.0263, abstention 0.4615): abstention floor
# up (0.38 to 0.46), answer@3 floor down (0.91 to 0.90: one question's answer fell from third place to
# fourth); README, Evaluation, has the figures. 2026-11-29 from 10:20 UTC, the same models: quotes continued
# by a sentence opening "It", list items quoted under their list's heading, a unit that refers back after the
# unit before it: answer_quoted 0.7237 -> 0.7632 (q47, q16, q50), the rest unchanged; its floor moves up as
# much (0.69 to 0.73). 2026-11-29 13:15 UTC, the same models, the threshold calibrated on a dev set of 177
# answerable questions instead of 60 (0.126 -> 0.0776): answer_quoted 0.7632 -> 0.7895, false abstention
# 0.0395 -> 0.0132, abstention 0.5385 -> 0.4615 (at its floor); the answer_quoted floor moves up (0.73 to 0.78).
# 2026-11-29 15:08 UTC: an abbreviation quoted after the unit that spells it out, answer_quoted 0.7895 -> 0.8026
# (q14); the floor moves up (0.78 to 0.80). 2026-12-05: a question asking for a time, a share or an
# amount of money whose quotes hold none is refused (q78 budget, q79 turnout, q86 percentage): abstention
# 0.4615 -> 0.6923 (measured 06:20); then also the holder of a post whose quotes name no person (q77, q84)
# and a country whose quotes name none (q83; q36, answerable but not quoted, is refused too): abstention
# 0.9231, false abstention 0.0263 (06:32); the floor moves up (0.46 to 0.84, one question below).
# 2026-12-05 08:49 UTC: units ranked without the source a question names ("..., according to Lukashenko?"):
# answer_quoted 0.8026 -> 0.8289 (q49, q76); the floor moves up (0.80 to 0.81, one question below).
# 2026-12-05 14:36 UTC: a question that names its source document asked of it alone (q29, q38; answer@3
# 0.9211 -> 0.9605) and who signed a document answered by its signature block (q36): answer_quoted 0.8289 ->
# 0.8684, false abstention 0; the floors move up (answer@3 0.90 to 0.94, answer_quoted 0.81 to 0.85, each one
# question below). 2026-12-05 16:10 UTC: a yes/no question's quote that ends a quotation after the sentence before
# it (q70): answer_quoted 0.8684 -> 0.8816; the floor moves up (0.85 to 0.86, one question below).
# 2026-12-05 19:54 UTC: the brochure's years kept (a year alone on its line had been dropped as a page number) and a
# year with the list under it one quote unit: answer_quoted 0.8816 -> 0.8684 (q04 refused: its answerability, 0.0768,
# now just under the threshold 0.0776), abstention 0.9231 -> 0.8462 (q83 answered by the 2022 list); 20:06 UTC, a
# year asked not answered from other years' lines: abstention back to 0.9231. The answer_quoted floor moves down to
# one question below again (0.86 to 0.85). 2026-12-06 00:29 UTC: the brochure's title read whole ("... TREATY
# ORGANIZATION", it had been cut at its first line) moved every brochure chunk's vector and title words: q04 (0.0008
# under the threshold before) and q21 answered, answer_quoted 0.8684 -> 0.8947, false abstention 0.0132 -> 0 (the dev
# set lost two at the same time: threshold-level moves both ways, README); the floors move up (answer_quoted 0.85 to
# 0.88, one question below; false abstention 0.05 to 0.03, which the small-letters and typo gates share: the typo
# set's 0.0263 is two questions). 00:45 UTC, a filtered search's lexical results read as exhaustive: answer@3 0.9605
# -> 0.9474 (q36's signature chunk left the top three passages; its answer, from the signature block, is the same);
# the answer@3 floor moves to one question below it (0.94 to 0.93). 2026-12-06 04:17 UTC: upper and lower houses
# by their names (retrieval/chambers.py; q06, in-sample) answer_quoted 0.8947 -> 0.9079; the floor moves up (0.88 to
# 0.89, one question below).
FLOOR_ANSWER_AT_3 = 0.93
FLOOR_MRR_AT_10 = 0.95
FLOOR_ANSWER_QUOTED = 0.89
CEILING_FALSE_ABSTENTION = 0.03
FLOOR_ABSTENTION_ACCURACY = 0.84


# Follow-ups (eval/conversations.jsonl, then 32 questions, 25 answerable with 24 answer spans, 7 unanswerable), measured
# 2026-12-05 16:29 UTC: answer_quoted 0.7083, false abstention 0.24, abstention 1.0 (the code of 8f65a9e, before
# the follow-up work of that day: 0.5417, 0.36, 0.8571); 16:31 UTC, "And X?" and "What did X say after ...?"
# read (f02, f14): 0.7917, 0.16, 1.0; 16:33 UTC, a follow-up of another topic searched with its conversation again
# (f24): 0.8333, 0.12, 1.0; 16:39 UTC, a speaker's words on the topic asked first (f19): 0.8750, 0.12, 1.0.
# 2026-12-05 19:55 UTC, ten follow-ups more (h01-h10, written before they were run: 42 questions, 32 answerable with
# 31 answer spans, 10 unanswerable), "it" read as what the last question asked about and a fragment ("Over which
# years?") completed from it: answer_quoted 0.9355, false abstention 0.0625, abstention 0.9 (the code of 87aeb98 on
# the same 42: 0.7742, 0.1875, 0.9); 20:25 UTC, "they" after "Who ...?" read as the body answered (f12): 0.9677,
# 0.0312, 0.9. 20:50 UTC, ten more written at 20:47 before they were run (g01-g10; 52 questions, 39 answerable with
# 38 answer spans, 13 unanswerable): 0.9211, 0.0513, 0.9231 (87aeb98 on the same 52: 0.7632, 0.2051, 0.9231); 20:57
# UTC, a fragment after "Who <did> X?" asks of X done ("When was the 2006 declaration signed?", g05): 0.9474, 0.0256,
# 0.9231. 2026-12-06 00:29 UTC, the brochure's title read whole: 0.9737, 0.0256, 0.9231. 2026-12-06 01:59 UTC,
# fourteen more written before they were run (k01-k14; 66 questions, 49 answerable with 48 answer spans, 17
# unanswerable), asked once by the code of 19fb9a4 (their 10 answerable 0.8000, false abstention 0.1000, 3 of 4
# others refused; k06's bold "Aleksandr Lukashenko" for who thanked him), then one fix made looking at them (k06,
# "him" read as the last question's person): all 66 at 02:21 UTC: 0.9375, 0.0408, 0.8824. 2026-12-06 04:39 UTC,
# sixteen more written before they were run (k15-k30; 82 questions, 59 answerable with 58 answer spans, 23
# unanswerable): the code of dad7b01 answers their 10 answerable 0.8000 and refuses their 6 others, the code of
# 6fc8619 0.9000 (k22 "What about the Commission on Political Issues?" refused), then one fix made looking at them
# (a name joined by "on" and "and" read whole): all 82 at 04:41 UTC: 0.9483, 0.0339, 0.9130. Each floor one
# question below.
FLOOR_FOLLOW_UP_ANSWER_QUOTED = 0.93
CEILING_FOLLOW_UP_FALSE_ABSTENTION = 0.06
FLOOR_FOLLOW_UP_ABSTENTION_ACCURACY = 0.86


# The shipped questions typed in small letters only ("who chairs the senate of kazakhstan?"), as users type them:
# 2026-12-05 17:41 UTC, with the question read with the documents' capitals (retrieval/truecase.py), answer@3
# 0.9605, answer_quoted 0.8816, false abstention 0, abstention 0.8462 (before it, 17:33: 0.8553, 0, 0.6923; the
# same questions as written: 0.8816, 0, 0.9231). 20:07 UTC, the years kept (above): 0.8684, 0.0132, 0.8462 (q04).
# 2026-12-06 00:33 UTC, the brochure's title read whole (above): 0.8816, 0.0132, 0.9231; 04:37 UTC, the houses by
# their names (above): 0.8947, 0.0132, 0.9231. Floors one question below.
FLOOR_SMALL_LETTERS_ANSWER_QUOTED = 0.88
FLOOR_SMALL_LETTERS_ABSTENTION_ACCURACY = 0.84
# The shipped questions with one word each misspelt (`eval.perturb.with_a_typo`: "How big is the Kyrgyz parlament's
# delegation ...?"): 2026-12-05 18:41 UTC, with misspelt words read as the documents' words (retrieval/spelling.py),
# answer@3 0.9474, answer_quoted 0.8289, false abstention 0.0263, abstention 0.7692 (the code of 238fced, before
# it, the same questions at 18:33: 0.8816, 0.7368, 0.1184, 0.7692); 2026-12-06 00:33 UTC, the brochure's title read
# whole: 0.9474, 0.8421, 0.0263, 0.7692; 04:37 UTC, the houses by their names: 0.9474, 0.8553, 0.0263, 0.7692.
# Floors one question below.
FLOOR_TYPOS_ANSWER_AT_3 = 0.93
FLOOR_TYPOS_ANSWER_QUOTED = 0.84
FLOOR_TYPOS_ABSTENTION_ACCURACY = 0.69


# The first questions a new user asks (eval/first_questions.jsonl). n01-n40 were written on 2026-12-05 between 21:43
# and 22:05 UTC while trying the chat as a new user would, most before any code of that evening ran on them, and the
# fixes of that evening were made looking at them (in-sample for those fixes, a guard against losing them); 22:44 UTC:
# answer_quoted 0.92, false abstention 0.04, abstention 0.8667 (the code of 7ac2fb0, the same day 21:33: 0.84, 0.04,
# 0.5333). n41-n60 were written at 22:58 UTC, after those fixes, and asked once before any change (both 7ac2fb0 and
# that evening's code: 0.8824, 0.0588, 0.3333); one fix was then made looking at them (n48, a share asked of years
# whose line gives none). All 60 (42 answerable, 18 not) at 23:05 UTC: 0.9048, 0.0476, 0.8333 (7ac2fb0: 0.8571,
# 0.0476, 0.5000). n61-n85 were written on 2026-12-05/06 at 23:51 and 00:19 UTC, asked once before any change to
# them, and the fixes of that night were made looking at them (in-sample, as n01-n40 were for theirs): the code of
# 321ec28 (the night's start) answers their 18 answerable 0.6667 and abstains on 4 of their 7 others, the night's
# code 0.8333 and 7 of 7. All 85 (60 answerable, 25 not) at 00:29 UTC: 0.8833, 0.0333, 0.9600 (321ec28: 0.8333,
# 0.0500, 0.7600); 00:55 UTC, n54 answered (a filtered search's lexical results read as exhaustive): 0.9000, 0.0167,
# 0.9600. n86-n113 were written on 2026-12-06 at 01:40 UTC and asked once before any change (the code of 19fb9a4:
# their 20 answerable 0.8500, false abstention 0.0500, 4 of 8 others refused); the fixes of that session were made
# looking at them and at the dev set's answered look-alikes (in-sample for those fixes): 0.9000, 0, 6 of 8. All 113
# (80 answerable, 33 not) at 02:21 UTC: 0.9000, 0.0125, 0.9091 (19fb9a4: 0.8875, 0.0250, 0.8485); 02:56 UTC, a
# two-word topic's first word required (n111): 0.9000, 0.0125, 0.9394. n114-n145 were written on 2026-12-06 at
# 03:56 UTC and asked once before any change (their 23 answerable 0.8696, false abstention 0.0435, 7 of 9 others
# refused), n146-n168 (typed as users type: small letters, no question mark, a few keywords) at 04:26 UTC and asked
# once at the code of 5f6f85c (14 answerable 0.7143, 0.0714, 5 of 9); the fixes of that session were made looking
# at them (in-sample). The 55 on the code of dad7b01 (that session's start): 0.8108, 0.0541, 12 of 18; at 04:37 UTC:
# 0.8919, 0.0270, 13 of 18. All 168 (117 answerable, 51 not) at 04:37 UTC: 0.8974, 0.0171, 0.8627 (dad7b01: 0.8718,
# 0.0256, 0.8431). n169-n190 (yes/no, why, how, what a person said) were written at 04:49 UTC and asked once before
# any change (their 14 answerable 0.7857, false abstention 0.0714, 5 of 8 others refused; dad7b01 the same, with one
# more wrong phrase in bold); two fixes were then made looking at them (n185, what a person said about a topic none of
# their words names; n171's bold "Aleksandr Lukashenko said"): 0.7857, 0.0714, 6 of 8. All 190 (131 answerable, 59
# not) at 05:00 UTC: 0.8855, 0.0229, 0.8475 (dad7b01: 0.8626, 0.0305, 0.8136). Floors one question below (the
# abstention floor moved down from 0.90 as the set took in 26 more questions the documents do not answer).
FLOOR_FIRST_ANSWER_QUOTED = 0.87
CEILING_FIRST_FALSE_ABSTENTION = 0.031
FLOOR_FIRST_ABSTENTION_ACCURACY = 0.83
# Questions that tell the asker's case before they ask (eval/scene_questions.jsonl: 79 questions, 59 answerable, written
# by two helpers who read only the documents, 2026-12-07 12:55 and 13:05 UTC): answer_quoted 0.7966, abstention 0.30,
# false abstention 0.1017 with the code of 9ef2e04; 0.8983, 0.40, 0.0508 at 13:30 UTC, the question read for its asking
# sentence (retrieval.text.asking_sentence, questions_asked); 0.9153, 0.40, 0.0339 at 13:50 UTC, a document named at
# the opening of the asking sentence (74a46c2). Floors one question below. (One more question, how the declaration's
# English text was made, is left out: its answer is in the trailing disclaimer ingest drops.)
FLOOR_SCENE_ANSWER_QUOTED = 0.89
# Follow-ups typed as people chat (eval/chatty_conversations.jsonl: 30, 20 answerable; a thanks or a remark before the
# question, "Great, that helps. And who chairs ...?"), written 2026-12-07 13:55 UTC by a helper who read only the
# documents, after the change they test and held out from it: 0.75 / 0.40 / 0.15 (answer_quoted / abstention / false
# abstention) with the code of 9ef2e04, 0.90 / 0.30 / 0 with the scene rules (74a46c2), 1.0 / 0.40 / 0 with courtesy
# left out and a follow-up read on its questions (353b3e8). Floors one question below.
FLOOR_CHATTY_ANSWER_QUOTED = 0.95
CEILING_CHATTY_FALSE_ABSTENTION = 0.05
FLOOR_CHATTY_ABSTENTION_ACCURACY = 0.30
CEILING_SCENE_FALSE_ABSTENTION = 0.06
FLOOR_SCENE_ABSTENTION_ACCURACY = 0.35


@pytest.mark.parametrize("path, typed, gate, floors, ceilings", [
    (DEFAULT_QUESTIONS, None, "eval gate",
     {"answer@3": FLOOR_ANSWER_AT_3, "mrr@10": FLOOR_MRR_AT_10, "answer_quoted": FLOOR_ANSWER_QUOTED,
      "abstention_accuracy": FLOOR_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_FALSE_ABSTENTION}),
    (CONVERSATIONS, None, "follow-up gate",
     {"answer_quoted": FLOOR_FOLLOW_UP_ANSWER_QUOTED, "abstention_accuracy": FLOOR_FOLLOW_UP_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_FOLLOW_UP_FALSE_ABSTENTION}),
    (FIRST_QUESTIONS, None, "first-questions gate",
     {"answer_quoted": FLOOR_FIRST_ANSWER_QUOTED, "abstention_accuracy": FLOOR_FIRST_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_FIRST_FALSE_ABSTENTION}),
    (CHATTY_CONVERSATIONS, None, "chatty follow-up gate",
     {"answer_quoted": FLOOR_CHATTY_ANSWER_QUOTED, "abstention_accuracy": FLOOR_CHATTY_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_CHATTY_FALSE_ABSTENTION}),
    (SCENE_QUESTIONS, None, "scene gate",
     {"answer_quoted": FLOOR_SCENE_ANSWER_QUOTED, "abstention_accuracy": FLOOR_SCENE_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_SCENE_FALSE_ABSTENTION}),
    (DEFAULT_QUESTIONS, in_small_letters, "small-letters gate",
     {"answer@3": FLOOR_ANSWER_AT_3, "answer_quoted": FLOOR_SMALL_LETTERS_ANSWER_QUOTED,
      "abstention_accuracy": FLOOR_SMALL_LETTERS_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_FALSE_ABSTENTION}),
    (DEFAULT_QUESTIONS, with_a_typo, "typo gate",
     {"answer@3": FLOOR_TYPOS_ANSWER_AT_3, "answer_quoted": FLOOR_TYPOS_ANSWER_QUOTED,
      "abstention_accuracy": FLOOR_TYPOS_ABSTENTION_ACCURACY},
     {"false_abstention_rate": CEILING_FALSE_ABSTENTION}),
], ids=["questions", "conversations", "first-questions", "chatty-follow-ups", "scenes", "questions-in-small-letters",
        "questions-with-a-typo"])
def test_hybrid_meets_the_floors(shipped, path, typed, gate, floors, ceilings):
    questions = load_questions(path)
    questions = perturbed_questions(questions, typed) if typed else questions
    measured, figures = _measured(shipped, QuestionSet(path, questions), gate)
    for key, floor in floors.items():
        assert measured[key] >= floor, f"{key} under {floor}: {figures}"
    for key, ceiling in ceilings.items():
        assert measured[key] <= ceiling, f"{key} over {ceiling}: {figures}"


# Another kind of collection (eval/corpora/pyenv: pyenv's README, command reference, contributing guide and changelog;
# eval/docs_questions.jsonl, 38 questions a pyenv user asks, 29 answerable), written on 2026-12-06 at 06:15 UTC and
# asked once before any change: answer_quoted 0.4138, false abstention 0.0690, abstention 0.1111 (the code of 2da3335).
# The fixes of that session were made looking at them (in-sample): tables of contents left out, a shell prompt's "$"
# no sum, a number inside a link no answer, what a command does read under its heading, a colon's announcement quoted
# after it: 0.5862, 0.0690, 0.2222 (06:27 UTC); a change log's entries quoted only for questions about versions,
# changes or times (retrieval/change_log.py): 0.6207, 0.0690, 0.4444 (07:09 UTC); passed over by the search itself, so
# that other passages take their places: 0.6897, 0.0690, 0.3333 (07:20 UTC); the passage that says what a thing is
# retrieved for "What is X?" (retrieval/definition.py): 0.7241 (2026-12-06 08:25 UTC); "How do I ... with apt?" refused
# when no document names apt: abstention 0.5556 (09:48 UTC); a loose list's items read with their numbers, their
# paragraphs apart, and a quote going on with the short command its colon announces: 0.7586, false abstention 0
# (2026-12-06 11:00 UTC). Eight questions of which release added or fixed a thing in the changelog (d46-d53, written
# 2026-12-06 20:15 UTC after the release-notes rules, asked once with them): the set 0.7949, 0, 0.6429 (20:23 UTC);
# with dad7753 the eight quoted the same but put "switch 3.15" or a contributor's name in bold. Floors one question
# below. The
# gap to the shipped corpus's figures is what the answer models and rules, written on the CSTO documents and
# Wikipedia, do not yet carry to software documentation (README, docs/answers.md).
#
# A third kind (eval/corpora/manuals: two PDF manuals, the Shared MIME-info Database specification and libtasn1's
# manual; eval/manuals_questions.jsonl, 38 questions, 31 answerable), written on 2026-12-06 at 08:36 UTC and asked once
# before any change: answer_quoted 0.7742, false abstention 0.0323, abstention 0.2857 (the code of 473ccd4). PDF pages
# read as prose past a line that fills their width, headers carrying the page number, tables of contents and
# indexes dropped (in-sample): 0.8065, 0.0323, 0.2857; what a name is read anywhere in the top passages and "This
# manual is for ..." said of the text itself, not of the line before it: 0.8387, 0, 0.2857 (08:48 UTC); what a function
# returns read in its entry's "Returns" line: 0.8710 (08:54 UTC); "... introduced for this purpose." quoted after the
# purpose: 0.9032 (09:01 UTC); a question asking with the opposite word of its answer's line refused: abstention
# 0.4286 (09:05 UTC); a question with a negation no quote holds refused: false abstention 0.0323 (t03, "Which ASN.1
# type does the parser not handle?", was not quoted before either) (09:18 UTC). Floors one question below.
#
# A fourth kind (eval/corpora/guides: developer guides in Markdown, FastAPI's, Typer's, pyparsing's and ONNX Runtime's
# privacy notes; eval/guides_questions.jsonl, 27 questions, 20 answerable), written on 2026-12-06 at 10:59 UTC and
# asked once before any change: answer_quoted 0.75, false abstention 0.05, abstention 0.2857 (the code of 37622dc).
# The short command a colon announces ("... with reload:" / "fastapi dev") and the rest of a list item whose lead
# sentence alone was quoted ("- Disable it at build time." / "Pass --no_telemetry ...") (in-sample): 0.90, 0.05,
# 0.2857 (11:03 UTC). Floors one question below.
#
# A fifth (eval/corpora/legal: GPL-3, Apache-2.0 and MPL-2.0 as plain text; eval/legal_questions.jsonl, 19 questions,
# 13 answerable), written on 2026-12-06 at 11:19 UTC and asked once before any change: answer_quoted 0.7692, false
# abstention 0, abstention 1.0 (the code of 0b2b760). A wrapped sentence too long for one unit cut after a clause,
# not at every line, and a disclaimer boxed in asterisks read without its box: the same figures, the quotes whole
# (11:27 UTC). Floors one question below.
#
# A sixth (eval/corpora/debian: Debian's Python policy, dpkg's triggers and rootless-builds specs, zlib's usage example;
# eval/debian_questions.jsonl, 40 questions, 31 answerable), written on 2026-12-06 at 10:45 UTC and asked once before
# any change: answer_quoted 0.8710, false abstention 0.0323, abstention 0.3333 (the code of 10c4697). Paths kept,
# anchors and rules dropped, numbers read whole, a version asked needing one, a maker asked needing one, a program or
# file no document names refused (in-sample): abstention 0.5556 (11:27 UTC). Floors one question below.
#
# A seventh (eval/corpora/faq: Debian's FAQ, DocBook HTML; eval/faq_questions.jsonl, 42 questions, 32 answerable),
# written on 2026-12-06 at 12:52 UTC and asked once before any change: answer_quoted 0.6250, false abstention 0.0625,
# abstention 0.50 (the code of 12c1d8b): the FAQ's own question lines had been quoted. Questions the documents pose
# never quoted, the section under them risen with them, a sentence left open going on with its command, a negation
# in a relative clause read as what it describes, DocBook's navigation bars dropped (in-sample): 0.75, 0.0312, 0.50
# (13:15 UTC). Floors one question below. And Python's FAQ (eval/corpora/pyfaq, Sphinx HTML;
# eval/pyfaq_questions.jsonl, 23 questions, 17 answerable), written at 13:10 UTC after most of those rules, held out:
# 0.4706, 0, 0.50 with the code of 12c1d8b, 0.7647 with the rules then, 0.8824, 0, 0.6667 with all (13:18 UTC). Floors
# one question below.
#
# On 2026-12-06 at 15:35 UTC the kinds of fact a phone number, a network port, a size, a licence, a company and whoever
# maintains, founds or funds a thing ask for (retrieval/kinds.py) raised abstention accuracy (in-sample): documentation
# 0.5556 -> 0.6667, guides 0.2857 -> 0.7143, debian 0.5556 -> 0.6667, manuals 0.4286 -> 0.5714, faq 0.50 -> 0.60; no
# other figure moved. 22 questions written before the change, held out, all the sets': 8 right before, 18 after.
# Then the quotes of a look-alike question refused (retrieval/look_alikes.py): debian 0.7778, faq 0.70, python faq
# 0.8333. At 15:54 UTC the questions written this session joined the sets (44 of them, asked as a new user would,
# 37 right at the end: k*, n*, p* ids): documentation 45 questions (33 answerable), 0.7576 / 0.6667 / 0; guides 32
# (23), 0.8696 / 0.6667 / 0.0870; legal 22 (16), 0.8125 / 1.0 / 0; debian 44 (32), 0.8438 / 0.8333 / 0.0312; manuals
# 42 (34), 0.9118 / 0.50 / 0.0588; faq 53 (38), 0.7895 / 0.80 / 0.0263; python faq 33 (22), 0.9091 / 0.8182 / 0.
# Floors one question below. (16:33 UTC: an option's own line quoted for what the option does: documentation 0.7879.)
# libffi's manual (33 questions, 21 answerable, written 2026-12-06 18:15 UTC before they were asked; held out from
# every rule but one short answer, "instead of ffi_prep_cif", withheld at 18:20): 0.8095 / 0.5833 / 0.0476.
# Debian's questions that tell the asker's case first (eval/debian_scene_questions.jsonl: 32, 24 answerable, written
# 2026-12-07 12:55 UTC by a helper who read only the documents, held out from every change of that stop until its end):
# 0.5417 / 0.50 / 0.1667 with the code of 9ef2e04, 0.7083 / 0.375 / 0.0833 at 13:34 UTC, asked once. Floors one question
# below.
OTHER_COLLECTIONS = {  # name: (folder, questions, (floor answer_quoted, floor abstention accuracy, ceiling false
    # abstention), and its questions that set the scene with theirs)
    "documentation": (DOCS_CORPUS, DOCS_QUESTIONS, (0.76, 0.57, 0.04), None),
    "manuals": (MANUALS_CORPUS, MANUALS_QUESTIONS, (0.88, 0.37, 0.09), None),
    "guides": (GUIDES_CORPUS, GUIDES_QUESTIONS, (0.82, 0.55, 0.14), None),
    "legal": (LEGAL_CORPUS, LEGAL_QUESTIONS, (0.75, 0.83, 0.07), None),
    "debian": (DEBIAN_CORPUS, DEBIAN_QUESTIONS, (0.81, 0.75, 0.07), (DEBIAN_SCENE_QUESTIONS, (0.66, 0.25, 0.13))),
    "faq": (FAQ_CORPUS, FAQ_QUESTIONS, (0.76, 0.73, 0.06), None),
    "python faq": (PYTHON_FAQ_CORPUS, PYTHON_FAQ_QUESTIONS, (0.86, 0.72, 0.05), None),
    "libffi": (LIBFFI_CORPUS, LIBFFI_QUESTIONS, (0.76, 0.49, 0.10), None),
}


@pytest.mark.parametrize("name", OTHER_COLLECTIONS)
def test_hybrid_meets_the_floors_on_other_kinds_of_collection(name, tmp_path_factory):
    folder, questions, floors, scenes = OTHER_COLLECTIONS[name]
    _meets_the_floors(folder, questions, floors, f"{name} gate", scenes, index=tmp_path_factory.mktemp(name) / "index")


# Scientific abstracts (eval/scifact_collection.py: 34 BEIR SciFact abstracts read from ../shared/bench/scifact, 116
# questions, 72 answerable, 44 not), measured 2026-12-06 17:58 UTC: answer_quoted 0.8611, abstention 0.6136, false
# abstention 0.0694 (the code of cb4067d, before that day's rules for papers: 0.8056, 0.4318, 0.0972). Floors one
# question below. Skipped where the SciFact copy is absent (it is not part of this repository). 18:45 UTC, an organism,
# an organ or a weekday of a closed class no quote names where one names another refused (retrieval/look_alikes.py):
# abstention 0.6136 -> 0.7045, nothing else on any set moved; the floor moves up (0.59 to 0.68, one question below).
# 2026-12-07 04:59 UTC, a name after a noun and "in" where a quote writes the same noun and "in" before another name
# refused ("Which hospital in Beijing ...?" of Lanzhou's): abstention 0.7273; the floor 0.70.
SCIFACT_FLOORS = (0.84, 0.70, 0.09)


@pytest.mark.skipif(not (SCIFACT_SOURCE / "corpus.jsonl").is_file(), reason=f"no BEIR SciFact at {SCIFACT_SOURCE}")
def test_hybrid_meets_the_floors_on_scientific_abstracts(tmp_path_factory):
    _meets_the_floors(scifact_collection(tmp_path_factory.mktemp("scifact") / "abstracts"), SCIFACT_QUESTIONS,
                      SCIFACT_FLOORS, "scientific abstracts gate")


# Release notes (eval/news_collection.py: the NEWS.Debian files of 15 packages read from /usr/share/doc, 93 questions,
# 65 answerable, 28 not, in three batches each written before it was first asked: n, then o and v after the first
# rules), measured 2026-12-06 20:10 UTC: answer_quoted 0.9077, abstention 0.5000, false abstention 0.0154 (the code of
# dad7753, before that evening's rules for release notes: 0.7692, 0.1786, 0.0769). Floors one question below. Skipped
# where a package's notes are absent. 2026-12-07 04:59 UTC, "the default boot loader in Ubuntu" of Debian's line
# refused: abstention 0.5357; 06:00 UTC, a name joined by "_" that no document found writes whole refused ("de_DE"):
# 0.5714; 09:20 UTC, "Which option ...?" of lines that write none refused ("Which flag makes sftp use the legacy
# protocol?"): 0.6071; the floor 0.57.
NEWS_FLOORS = (0.89, 0.57, 0.04)


@pytest.mark.skipif(any(not (NEWS_SOURCE / p / "NEWS.Debian.gz").is_file() for p in NEWS_PACKAGES),
                    reason=f"the release notes are not all in {NEWS_SOURCE}")
def test_hybrid_meets_the_floors_on_release_notes(tmp_path_factory):
    _meets_the_floors(news_collection(tmp_path_factory.mktemp("news") / "notes"), NEWS_QUESTIONS, NEWS_FLOORS,
                      "release notes gate")


# Manual pages saved as text (eval/manpages_collection.py: thirteen pages as `man` writes them and man-db's manual as
# shipped; 115 questions, 89 answerable, in three batches each written before it was first asked: m01-m58, p01-p30
# after the first rules, q01-q27 of six more pages held out from all of them), measured 2026-12-06 22:49 UTC:
# answer_quoted 0.9551, abstention 0.4615, false abstention 0.0112 (the code of 4742ae6, before that night's rules for
# manual pages: 0.6067, 0.2308, 0.0337); the same at 23:10 UTC, when a word one edit from an English word became no
# unknown name (the shipped questions with a typo had been refused). Floors one question below. Skipped where `man`
# or the pages are absent. 2026-12-07 05:13 UTC, a program none of the pages found documents refused (scp, usermod;
# retrieval/manual_page.py): abstention 0.5385; 09:20 UTC, "Which option ...?" of lines that write none refused:
# 0.6154; the floor 0.53.
MANPAGES_FLOORS = (0.94, 0.53, 0.03)
# Its questions that tell the asker's case first (eval/manpages_scene_questions.jsonl: 40, 30 answerable, written
# 2026-12-07 13:05 UTC by a helper who read only the pages): 0.5333 / 0.50 / 0.2667 with the code of 9ef2e04, 0.6333 /
# 0.60 / 0.10 at 13:30 UTC; 0.6667 / 0.60 / 0.10 at 16:05 UTC, a number set as a label over its indented text kept
# (useradd's exit values); 0.6667 / 0.50 / 0.10 at 16:17 UTC, the sections after GNU's COPYRIGHT and the paths of
# FILES kept (grep's text on PCRE now answers a look-alike). Floors one question below.
MANPAGES_SCENE_FLOORS = (0.63, 0.40, 0.14)


@pytest.mark.skipif(not manpages_available(), reason="`man` or the manual pages are not on this machine")
def test_hybrid_meets_the_floors_on_manual_pages(tmp_path_factory):
    _meets_the_floors(manpages_collection(tmp_path_factory.mktemp("manpages") / "pages"), MANPAGES_QUESTIONS,
                      MANPAGES_FLOORS, "manual pages gate",
                      (MANPAGES_SCENE_QUESTIONS, MANPAGES_SCENE_FLOORS))


# A documentation site's pages saved as HTML (eval/nodejs_collection.py: fourteen pages of the Node.js API reference as
# Debian's nodejs package ships them; 96 questions, 78 answerable, in three batches each written before it was first
# asked: n01-n50, o01-o26 after the first rules, r01-r20 of four more pages held out from all of them), measured
# 2026-12-07 00:59 UTC: answer_quoted 0.7949, abstention 0.5556, false abstention 0.0385 (the code of ad2c44a, before
# the rules for API references: 0.4615, 0.3889, 0.1282); 01:20 UTC, a parameter of a function whose part lists none
# refused: 0.7949, 0.7222, 0.0385; 01:27 UTC, a version asked of a history row: 0.8077, 0.7222, 0.0256; 02:00 UTC, a
# parameter named in plain words read in the function's part: 0.8333, 0.7222, 0.0256. Floors one question below.
# Skipped where the pages are absent. 2026-12-07 05:27 UTC, a long option no document found writes refused
# ("--readline-history"): abstention 0.7778; 06:10 UTC, the code heading over an entry's first paragraph answers "Which
# method ...?" ("events.setMaxListeners"): answer_quoted 0.8462; the floors 0.83 and 0.72.
NODEJS_FLOORS = (0.83, 0.72, 0.04)
# Its questions that tell the asker's case first (eval/nodejs_scene_questions.jsonl: 40, 30 answerable, written
# 2026-12-07 13:05 UTC by a helper who read only the pages): 0.50 / 0.40 / 0.20 with the code of 9ef2e04, 0.7333 / 0.30
# / 0.0667 at 13:30 UTC. Floors one question below.
NODEJS_SCENE_FLOORS = (0.70, 0.20, 0.10)


@pytest.mark.skipif(not nodejs_available(), reason="the Node.js API reference is not in /usr/share/doc/nodejs/api")
def test_hybrid_meets_the_floors_on_an_api_reference(tmp_path_factory):
    _meets_the_floors(nodejs_collection(tmp_path_factory.mktemp("nodejs") / "pages"), NODEJS_QUESTIONS,
                      NODEJS_FLOORS, "API reference gate",
                      (NODEJS_SCENE_QUESTIONS, NODEJS_SCENE_FLOORS))


# A programming book saved as HTML (eval/rustbook_collection.py: eighteen chapters of "The Rust Programming Language" as
# rustup installs it; 94 questions, 77 answerable, in three batches each written before it was first asked: n01-n50,
# r01-r24 of four more chapters held out from the rules the first led to, t01-t20 of the last four held out from all of
# them), measured 2026-12-07 03:27 UTC: answer_quoted 0.9091, abstention 0.5882, false abstention 0.0260 (the code of
# 5325303, before the rules for a programming book: 0.8701, 0.4706, 0.0260). Floors one question below. Skipped where
# the book is absent.
RUSTBOOK_FLOORS = (0.89, 0.52, 0.04)
# Its questions that tell the asker's case first (eval/rustbook_scene_questions.jsonl: 40, 30 answerable, written
# 2026-12-07 12:55 UTC by a helper who read only the chapters, held out from every change of that stop until its end):
# 0.70 / 0.10 / 0.1333 with the code of 9ef2e04, 0.8667 / 0.10 / 0.0667 at 13:34 UTC, asked once. Floors one question
# below.
RUSTBOOK_SCENE_FLOORS = (0.83, 0.0, 0.10)


@pytest.mark.skipif(not rustbook_available(), reason="the Rust book is not in ~/.rustup/toolchains/*/share/doc")
def test_hybrid_meets_the_floors_on_a_programming_book(tmp_path_factory):
    _meets_the_floors(rustbook_collection(tmp_path_factory.mktemp("rustbook") / "pages"), RUSTBOOK_QUESTIONS,
                      RUSTBOOK_FLOORS, "programming book gate",
                      (RUSTBOOK_SCENE_QUESTIONS, RUSTBOOK_SCENE_FLOORS))


# Sphinx documentation in reStructuredText (eval/sphinx_collection.py: thirteen pages of CMake's reference and the
# Python-domain references of six and crcmod; 88 questions, 72 answerable, in two batches each written before it was
# first asked: c01-c55 of the CMake pages, h01-h33 of six's and crcmod's held out from the rules the first led to),
# measured 2026-12-07 05:39 UTC: answer_quoted 0.8750, abstention 0.4375, false abstention 0.0139 (the code of c1e755d,
# before Sphinx's markup was read: 0.1944, 0.3125, 0.3194); 06:00 UTC, "CMAKE_C_STANDARD" (no document writes it
# whole) refused: abstention 0.50; 06:10 UTC, the code heading over an entry's first paragraph: answer_quoted 0.8889;
# 06:55 UTC, the default of a parameter a function's entry lists: 0.9028. 2026-12-07 08:00 UTC, "removed" refused when
# no quote says anything went ("Which Python version removed six.callable?"): abstention 0.5625; 09:20 UTC, "Which
# ctest option ...?" of lines that write none refused: 0.6250. Floors one question below. Skipped where the pages are
# absent.
SPHINX_FLOORS = (0.88, 0.56, 0.03)
# Its questions that tell the asker's case first (eval/sphinx_scene_questions.jsonl: 40, 30 answerable, written
# 2026-12-07 12:55 UTC by a helper who read only the pages): 0.7333 / 0.30 / 0.0667 with the code of 9ef2e04, 0.7333 /
# 0.30 / 0.0333 at 13:30 UTC; 0.80 / 0.30 / 0.0333 on 2026-12-07 15:25 UTC, the cell of a table's row and column asked
# (retrieval/table_cells.py). Floors one question below.
SPHINX_SCENE_FLOORS = (0.76, 0.20, 0.07)


@pytest.mark.skipif(not sphinx_available(), reason="CMake's Help pages or gsutil's six and crcmod docs are absent")
def test_hybrid_meets_the_floors_on_sphinx_documentation(tmp_path_factory):
    _meets_the_floors(sphinx_collection(tmp_path_factory.mktemp("sphinx") / "pages"), SPHINX_QUESTIONS,
                      SPHINX_FLOORS, "Sphinx documentation gate",
                      (SPHINX_SCENE_QUESTIONS, SPHINX_SCENE_FLOORS))


# Sphinx documentation in MyST Markdown (eval/pip_collection.py: pip's 74 pages as Debian's python3-pip installs them;
# 98 questions, 77 answerable, in two batches each written before it was first asked: p01-p62, then q01-q36 of other
# pages held out from the rules the first led to), measured 2026-12-07 08:05 UTC: answer_quoted 0.8571, abstention
# 0.5714, false abstention 0.0130 (the code of 1c01091, before MyST was read: 0.6104, 0.5714, 0.2208); then a
# command under a heading quoted alone: answer_quoted 0.8701 (08:25 UTC); the command typed at a prompt under the
# sentence that says what it does: 0.8831 (09:05 UTC); "Which option ...?" of lines that write none refused: abstention
# 0.6190, false abstention 0.0260 (09:20 UTC). Floors one question below. Skipped where the pages are absent.
PIP_FLOORS = (0.87, 0.57, 0.04)
# Its questions that tell the asker's case first (eval/pip_scene_questions.jsonl: 40, 30 answerable, written 2026-12-07
# 12:55 UTC by a helper who read only the pages): 0.70 / 0.50 / 0.1667 with the code of 9ef2e04, 0.6333 / 0.30 / 0.1333
# at 13:30 UTC; 0.70 / 0.30 / 0.0667 on 2026-12-07 15:40 UTC, MyST links to other pages read with their text (the
# pip set's figures unchanged). Floors one question below.
PIP_SCENE_FLOORS = (0.66, 0.20, 0.10)


@pytest.mark.skipif(not pip_available(), reason="pip's documentation is not in /usr/share/doc/python3-pip/html")
def test_hybrid_meets_the_floors_on_myst_documentation(tmp_path_factory):
    _meets_the_floors(pip_collection(tmp_path_factory.mktemp("pip") / "pages"), PIP_QUESTIONS, PIP_FLOORS,
                      "MyST documentation gate", (PIP_SCENE_QUESTIONS, PIP_SCENE_FLOORS))


# A tool's whole manual saved as HTML (eval/cargo_collection.py: the Cargo Book, 102 pages as rustup installs it; 208
# questions, 156 answerable, in five batches each written before it was first asked: c01-c44 and e01-e40 the rules were
# written on, d01-d44 held out from them and then opened, f01-f40 and g01-g40 held out from all of them), measured
# 2026-12-07 11:57 UTC: answer_quoted 0.6474, abstention 0.3846, false abstention 0.1026 (the code of ab5ad27, the
# stop's start: 0.5256, 0.3654, 0.1795); 0.6603 / 0.3846 / 0.0897 on 2026-12-07 15:25 UTC, the cell of a table's row
# and column asked. Floors one question below. Skipped where the book is absent.
CARGO_FLOORS = (0.65, 0.36, 0.10)
# Its questions that tell the asker's case first (eval/cargo_scene_questions.jsonl: 40, 30 answerable, written
# 2026-12-07 13:05 UTC by a helper who read only the pages): 0.5667 / 0.10 / 0.1667 with the code of 9ef2e04, 0.7333 /
# 0.20 / 0.0667 at 13:30 UTC; 0.7667 / 0.20 / 0.0667 at 15:25 UTC, the cell of a table's row and column asked; 0.80 /
# 0.20 / 0.0667 at 16:00 UTC, a case item under any lead-in of the top passage. Floors one question below.
CARGO_SCENE_FLOORS = (0.76, 0.10, 0.10)


@pytest.mark.skipif(not cargo_available(), reason="the Cargo Book is not in ~/.rustup/toolchains/*/share/doc")
def test_hybrid_meets_the_floors_on_a_tools_whole_manual(tmp_path_factory):
    _meets_the_floors(cargo_collection(tmp_path_factory.mktemp("cargo") / "pages"), CARGO_QUESTIONS, CARGO_FLOORS,
                      "tool manual gate", (CARGO_SCENE_QUESTIONS, CARGO_SCENE_FLOORS))


# A whole command reference in reStructuredText (eval/cmake_collection.py: CMake's 127 command pages and two manuals as
# Debian's cmake-data installs them; 75 questions, 55 answerable, in two batches each written by a helper before it was
# first asked: k01-k45, which the rules of that day were written on, then k46-k75 of other pages, held out from them),
# measured 2026-12-07 17:50 UTC: answer_quoted 0.6727, abstention 0.60, false abstention 0.0364 (the code of 41bc25e,
# before a command's keyword set over what it does was read as the answer: 0.4545, 0.55, 0.1636; the held-out batch
# 0.3636 / 0.375 / 0.2273 -> 0.50 / 0.25 / 0.0909); 0.7091 / 0.60 / 0.0182 at 18:10 UTC, a default an entry says it is
# and a call's name written with brackets (the second batch 0.5455 / 0.25 / 0.0455); 0.7455 / 0.60 / 0.0182 at 19:16
# UTC, the name the best unit's paragraph sets beside the kind asked (read off the second batch's k49 and k59). Floors
# one question below. Skipped where the pages are absent.
CMAKE_FLOORS = (0.72, 0.55, 0.04)


@pytest.mark.skipif(not cmake_commands_available(), reason="CMake's command reference is not in /usr/share/cmake-*/Help")
def test_hybrid_meets_the_floors_on_a_whole_command_reference(tmp_path_factory):
    _meets_the_floors(cmake_commands_collection(tmp_path_factory.mktemp("cmake") / "pages"), CMAKE_QUESTIONS,
                      CMAKE_FLOORS, "command reference gate")


def test_the_cargo_collection_is_the_book_without_its_whole_book_pages_and_names_the_pages_it_lacks(tmp_path):
    """The Cargo Book as rustup installs it, each page under its path in the book; not print.html (the whole book on
    one page) nor toc.html (its menu); the pages the questions cite named when missing, before anything is written."""
    from citeqa.errors import InputNotFound
    from eval.cargo_collection import cargo_source
    from eval.pip_collection import asked_pages

    source = tmp_path / ".rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/cargo"
    (source / "reference").mkdir(parents=True)
    (source / "reference" / "profiles.html").write_text("<h1>Profiles</h1>", encoding="utf-8")
    for whole_book in ("print.html", "toc.html"):
        (source / whole_book).write_text("<h1>The Cargo Book</h1>", encoding="utf-8")
    assert cargo_source(tmp_path) == source
    with pytest.raises(InputNotFound, match=r"reference/config\.html.*rust-docs"):
        cargo_collection(tmp_path / "out", source)
    assert not (tmp_path / "out").exists()
    for page in asked_pages(CARGO_QUESTIONS) - {"reference/profiles.html"}:
        (source / page).parent.mkdir(parents=True, exist_ok=True)
        (source / page).write_text("<h1>A page</h1>", encoding="utf-8")
    out = cargo_collection(tmp_path / "out", source)
    assert (out / "reference" / "profiles.html").read_text(encoding="utf-8") == "<h1>Profiles</h1>"
    assert not (out / "print.html").exists() and not (out / "toc.html").exists()
    assert {p.relative_to(out).as_posix() for p in out.rglob("*.html")} >= asked_pages(CARGO_QUESTIONS)


def test_the_pip_collection_names_the_pages_it_lacks_and_decompresses_the_rest(tmp_path):
    from citeqa.errors import InputNotFound
    from eval.pip_collection import asked_pages

    source = tmp_path / "html"
    (source / "topics").mkdir(parents=True)
    (source / "topics" / "caching.md.gz").write_bytes(__import__("gzip").compress(b"# Caching\n"))
    (source / "index.md").write_text("# pip\n", encoding="utf-8")
    with pytest.raises(InputNotFound, match=r"topics/python-option\.md.*python3-pip"):
        pip_collection(tmp_path / "out", source)
    assert not (tmp_path / "out").exists()
    for page in asked_pages():
        if not (source / page).exists() and not (source / f"{page}.gz").exists():
            (source / page).parent.mkdir(parents=True, exist_ok=True)
            (source / page).write_text("# A page\n", encoding="utf-8")
    out = pip_collection(tmp_path / "out", source)
    assert (out / "topics" / "caching.md").read_text(encoding="utf-8") == "# Caching\n"
    assert (out / "index.md").is_file() and not list(out.rglob("*.gz"))


def test_the_sphinx_collection_names_the_pages_it_lacks_and_reads_the_newest_cmake(tmp_path):
    from citeqa.errors import InputNotFound
    from eval.sphinx_collection import cmake_help

    for version in ("3.9", "3.25", "3.10"):
        (tmp_path / f"cmake-{version}" / "Help").mkdir(parents=True)
    assert cmake_help(tmp_path).parent.name == "cmake-3.25"
    with pytest.raises(InputNotFound, match=r"install\.rst.*cmake-data"):
        sphinx_collection(tmp_path / "out", cmake_help(tmp_path), tmp_path)
    assert not (tmp_path / "out").exists()


def test_the_cmake_collection_is_every_command_page_and_names_what_it_lacks(tmp_path):
    from citeqa.errors import InputNotFound

    help_dir = tmp_path / "Help"
    (help_dir / "command").mkdir(parents=True)
    (help_dir / "command" / "add_test.rst").write_text("add_test\n--------\n", encoding="utf-8")
    (help_dir / "command" / "FIND_XXX.txt").write_text("included by the find_* pages\n", encoding="utf-8")
    assert not cmake_commands_available(help_dir)
    with pytest.raises(InputNotFound, match=r"cmake-language\.7\.rst.*cmake-data"):
        cmake_commands_collection(tmp_path / "out", help_dir)
    (help_dir / "manual").mkdir()
    for manual in ("cmake-language.7", "cmake-variables.7"):
        (help_dir / "manual" / f"{manual}.rst").write_text(f"{manual}\n", encoding="utf-8")
    out = cmake_commands_collection(tmp_path / "out", help_dir)
    assert sorted(p.name for p in out.iterdir()) == ["add_test.rst", "cmake-language.7.rst", "cmake-variables.7.rst"]


def _meets_the_floors(folder, questions, floors: tuple[float, float, float], gate: str,
                      scenes: tuple[Path, tuple[float, float, float]] | None = None, index: Path | None = None) -> None:
    """A collection indexed at `index` (beside its folder, for one written from outside the repository) and measured
    against its floors (answer_quoted, abstention accuracy, and the ceiling of false abstention); and its questions
    that set the scene before they ask against theirs, over the same index."""
    from citeqa.settings import Settings
    from ingest.pipeline import build_index

    settings = Settings.load(env={}, corpus=folder, index=index or folder.parent / "index")
    build_index(settings)
    failed = [failure for path, its_floors, its_gate in [(questions, floors, gate)] + (
        [(scenes[0], scenes[1], f"{gate}, questions that set the scene")] if scenes else [])
        if (failure := _below_the_floors(settings, path, its_floors, its_gate)) is not None]
    assert not failed, failed


def _below_the_floors(settings, questions: Path, floors: tuple[float, float, float], gate: str) -> str | None:
    """The set's figures when one is below its floor (or above its ceiling), else None."""
    measured, figures = _measured(settings, QuestionSet(questions, load_questions(questions)), gate)
    floor_quoted, floor_abstention, ceiling_false = floors
    if (measured["answer_quoted"] < floor_quoted or measured["abstention_accuracy"] < floor_abstention
            or measured["false_abstention_rate"] > ceiling_false):
        return f"{gate}: {figures}"
    return None


def _measured(shipped, questions: QuestionSet, gate: str) -> tuple[dict[str, float], str]:
    """The gated hybrid figures of the question set, and them as a line; printed with the failures."""
    from eval.runner import evaluate

    result = evaluate(shipped, questions, ("hybrid",))
    metrics = result.metrics["hybrid"]
    measured = {key: metrics[key] for key in GATED if metrics[key] is not None}
    figures = ", ".join(f"{key} {value:.4f}" for key, value in measured.items())
    print(f"\n{gate} (hybrid, {metrics['n_questions']} questions): {figures}")
    for entry in result.failures("hybrid"):
        print(f"  {entry['id']}: {entry['failure']}")
    return measured, figures


GATED = ("answer@3", "mrr@10", "answer_quoted", "false_abstention_rate", "abstention_accuracy")


def test_the_programming_book_is_read_from_the_stable_toolchain_and_a_missing_page_is_named(tmp_path):
    """rustup installs a book with each toolchain's documentation: the stable one is read; without the book, the
    error names the pages missing and how to install them."""
    from citeqa.errors import InputNotFound
    from eval.rustbook_collection import rustbook_source

    for toolchain in ("nightly-x86_64-unknown-linux-gnu", "stable-x86_64-unknown-linux-gnu"):
        (tmp_path / ".rustup/toolchains" / toolchain / "share/doc/rust/html/book").mkdir(parents=True)
    assert rustbook_source(tmp_path).parts[-6] == "stable-x86_64-unknown-linux-gnu"
    with pytest.raises(InputNotFound, match="ch03-01-variables-and-mutability.html.*rust-docs"):
        rustbook_collection(tmp_path / "out", rustbook_source(tmp_path))
