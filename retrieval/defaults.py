"""For "What is the default LogLevel?", "What does TCPKeepAlive default to?", "How many connection attempts does ssh
make by default?": the value its entry gives as the default.

A reference manual (a manual page, a configuration file's documentation) sets each keyword or option over what it does,
and says its default in a sentence of its own, often a paragraph below: "LogLevel" / "Gives the verbosity level ..." /
"The possible values are: QUIET, ... The default is INFO."; "Run up to max-procs processes at a time; the default is
1."; "... or /home by default."; "no (the default)"; "If not specified, the mask will be initialized to 022.". That
sentence holds none of the question's words but "default", so the unit ranker had quoted "Specify one or more overrides
to LogLevel." and "It is important to note that ... TCPKeepAlive". The entry is the keyword's label line when the
question names one (a word run together from two, "SyslogFacility", a variable in capitals, "UMASK", or an option),
else the entry one of the best units opens with its label; it runs until the next entry's label or a section heading.
Its first sentence that states a default gives the value. Without an entry, only the best unit is read ("... or /home
by default."): a release note's next item states the default of another thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citeqa.layout import KEYWORD, LIST_MARK, OPTION_NAME, PARAMETER_ITEM, is_code_heading
from retrieval.options import KEYWORD_LABEL, label_over_the_paragraph, paragraph_start
from retrieval.text import STOP_WORDS, content_words, writes

# A condition that a setting is not given asks what holds by default ("Where is the cargo home if CARGO_HOME isn't
# set?" of "By default, the Cargo home is located in $HOME/.cargo/.", "When I run cargo tree without passing -e,
# ...?"), which a text says without a negation
UNLESS_SET = re.compile(r"\b(?:if|when|where)\s+[^,?]*?(?:\bnot\s+|n['’]t\s+)(?:been\s+|be\s+)?(?:set|specif(?:y|ied)"
                        r"|give|given|provided?|configured?|defined?|pass(?:ed)?)\b"
                        r"|\bnothing\s+(?:else\s+)?(?:is\s+)?(?:set|specified|given|configured|passed)\b"
                        r"|\bwithout\s+(?:passing|setting|giving|specifying|providing|configuring)\b", re.I)
ASKS_THE_DEFAULT = re.compile(rf"\bdefaults?\b|{UNLESS_SET.pattern}", re.I)
_NOT_A_VALUE_ASKED = re.compile(
    r"^\W*(?:which|what)\s+(?:[\w.-]+\s+){0,2}?(?:option|flag|switch|keyword|command)s?\b"
    r"|^\W*(?:who|whom|whose|why|how\s+(?:do|does|can|could|should|to)|is|are|does|do|can)\b", re.I)
# a keyword ("SyslogFacility"), a variable in capitals ("ENCRYPT_METHOD", "UMASK") or an option ("--max-procs")
_KEYWORD = re.compile(rf"(?<![\w-])(?:{KEYWORD}|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{{4,}}|--?[A-Za-z][\w-]*"
                      r"|[a-z]+(?:[A-Z][a-z0-9]+)+)(?![\w-])"  # and a parameter's name in camel case ("maxBuffer")
                      r"|(?<![\w.-])[a-z][a-z0-9]*(?:\.[a-z][a-z0-9-]*)+(?![\w(-])")  # a configuration key after its
# table's name ("net.retry", "build.jobs"; not a call, "os.cpus()")
_VALUE = r"[‘'\"“]?[^\s,;()‘’'\"“”]+(?:,[^\s,;()‘’'\"“”]+)*[’'\"”]?"  # a list without spaces is one: "normal,build,dev"
_PRODUCT = r"\d[\d.]*(?:[ \t]*[*×][ \t]*\d[\d.]*)+"  # "Default: 1024 * 1024."
_DEFAULT_SAID = re.compile(
    rf"\b(?i:(?:the\s+)?default(?:\s+value)?|the\s+default(?:\s+[a-z][\w-]*){{1,2}}?)\s+(?i:is|was|will\s+be)\s+"
    rf"(?P<is>{_VALUE})"  # "The default is INFO.", "The default compression level is -6" (not "Default mode man is")
    rf"|\b(?i:defaults?\s+to|the\s+default\s+of)\s+(?P<to>{_VALUE})"  # "rather than the default of ~/.manpath"
    rf"|\((?i:default):?\s+(?P<bracket>{_VALUE})\)"
    rf"|(?<![(\w])(?i:default):[ \t]+(?P<colon>{_PRODUCT}|{_VALUE})"  # an API reference's "Default: 'SIGTERM'"
    rf"|(?m:^{LIST_MARK}(?P<item>[\w-]+):[^\n]*(?:\n(?![-*•\n])[^\n]*)*?\b(?i:this\s+is\s+the\s+default)\b)"
    rf"|(?P<before>{_VALUE})\s+\((?i:(?:the\s+)?default)\)"
    rf"|(?P<by>[/~]\S*|\d[\d.]*|[A-Z][A-Z0-9_]+|yes|no|none|on|off|true|false)\s+(?i:by\s+default)\b"
    r"(?!\s+(?:is|are|was|were)\b)"  # (not "The use of SSL by default is (pre-)configurable ...")
    rf"|\b(?i:by\s+default),?\s+[^.]{{0,60}}?\b(?i:is|are)\s+(?:[a-z]+\s+)?(?i:in|under|at)\s+"
    r"(?P<place>[/~$%][^\s,;()]*)"
    # "By default, the Cargo home is located in $HOME/.cargo/.", "By default these are stored under $HOME/.cargo"
    rf"|\b(?i:if\s+not\s+(?:specified|set|given|defined)),\s+(?P<assumed>{_VALUE})\s+(?i:will\s+be\s+assumed)"
    rf"|\b(?i:if\s+not\s+(?:specified|set|given|defined)),[^.\n]*?\b(?i:initiali[sz]ed|set)\s+to\s+(?P<unset>{_VALUE})")
# The label of the next entry, or a section heading, ends an entry: a keyword or option alone on its line (or before
# its description), or a heading in capitals.
_NEXT_ENTRY = re.compile(rf"(?m)^(?:--?[A-Za-z0-9][\w-]*[^\n]{{0,60}}$|{KEYWORD}(?:[ \t]+[A-Z]|$)"
                         rf"|[A-Z][A-Z ]{{2,40}}$|(?:{KEYWORD_LABEL.pattern})[ \t]*$)")  # (a command's keyword alone,
# "RETRY_PAUSE <seconds>")
# A list item's entry (an API reference's parameter) ends at the next item or a blank line
_LIST_ITEM = re.compile(LIST_MARK)
_NEXT_ITEM = re.compile(rf"(?m)^(?:{LIST_MARK}|[ \t]*$)")
ENTRY_REACH = 2500  # characters an entry is read for its default
SECTION_REACH = 8000  # characters looked back from a parameter for the heading of the function it belongs to
# "of child_process.spawn", "for fs.readFile()": a function or method written as code, after "of", "for" or "in"
_FUNCTION = re.compile(r"\b(?:of|for|in)\s+(?:the\s+)?(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(?P<call>\(\))?")
_CODE_MARKS = re.compile(r"_|[a-z][A-Z]")
# The words a default is asked of: one or two after "default" ("the default result order"), or before "defaults to"
_DEFAULT_OF = re.compile(r"\bdefault\s+(?:value\s+(?:of|for)\s+)?(?:the\s+)?([A-Za-z_$][\w$]*)"
                         r"(?:\s+([A-Za-z_$][\w$]*))?|([A-Za-z_$][\w$]*)\s+defaults?\s+to\b", re.I)
# A parameter named as one: "the rev parameter", "the encoding argument"
_NAMED_PARAMETER = re.compile(r"\b([A-Za-z_$][\w$]*)\s+(?:parameter|argument)\b", re.I)
# the part asked of: a dotted name, or a name in camel case ("of execFileSync")
_PART = re.compile(r"\b(?:of|for|in)\s+(?:the\s+)?"
                   r"(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[a-z]+(?:[A-Z][a-z0-9]*)+)")
_NOT_A_METHOD = frozenset("js ts io net org com ai py rs".split())  # "Node.js", "ASP.NET", a site: a product's name
_HEADING_LINE = re.compile(r"(?:\A|\n\n)(?P<heading>[^\n]+)\n(?=\n)")  # a line alone between blank lines
_EDGE = "‘'\"“’”."
_SETTINGS = frozenset("yes no none on off true false".split())
_ADVERBS = frozenset("now also still always usually normally currently often typically generally".split())


@dataclass(frozen=True)
class DefaultStated:
    """Where a document states the default asked: the value's span, and the start of its entry's label (or of the unit
    the entry was found from)."""
    start: int
    end: int
    entry_start: int


def asks_the_default(question: str) -> bool:
    return bool(ASKS_THE_DEFAULT.search(question)) and not _NOT_A_VALUE_ASKED.search(question)


def says_by_default(text: str) -> bool:
    return _BY_DEFAULT.search(text) is not None


_BY_DEFAULT = re.compile(r"\bby\s+default\b", re.I)


def opens_a_parameter(text: str) -> bool:
    """Whether the text opens an API reference's parameter item ("- serialization <string> Specify the kind ..."),
    whose default its item states ("Default: 'json'.")."""
    return PARAMETER_ITEM.match(text) is not None


def function_named(question: str) -> str | None:
    """The function or method the question asks a parameter's default of, written as code ("child_process.spawn" of
    "What is the default maxBuffer of child_process.spawn?"), without a call's brackets; None when it names none: a
    dotted name without brackets, "_" or capitals inside is as likely a file ("in login.defs")."""
    for found in _FUNCTION.finditer(question):
        name = found.group("name")
        if name.rsplit(".", 1)[-1].lower() not in _NOT_A_METHOD and (found.group("call") or _CODE_MARKS.search(name)):
            return name
    return None


def part_named(question: str) -> str | None:
    """The function the question asks of, dotted or in camel case ("console.count" of "What is the default label of
    console.count?", "execFileSync"): the part of an API reference whose parameters are read; None when it names none.
    """
    return next((m.group("name") for m in _PART.finditer(question)
                 if m.group("name").rsplit(".", 1)[-1].lower() not in _NOT_A_METHOD), None)


def parameters_named(text: str, question: str) -> list[int]:
    """Where `text` lists a parameter whose name the question asks the default of ("- label <string> ..." for "What is
    the default label of console.count?", "default result order"), in order: a name in plain words is no keyword, but a
    parameter's item is its entry (not the timeout's "0" for "Which signal is sent ... by exec's timeout by default?").
    """
    words = {w.lower() for m in _DEFAULT_OF.finditer(question) for w in m.groups() if w}
    words |= {m.group(1).lower() for m in _NAMED_PARAMETER.finditer(question)}  # "the rev parameter of mkCrcFun"
    return [m.start() for m in PARAMETER_ITEM.finditer(text) if m.group("name").lower() in words]


def parameter_in_entry(text: str, start: int, question: str) -> int | None:
    """Where the entry that opens at `start` (a function's) lists the parameter the question names ("- rev – ...
    Defaults to True" in mkCrcFun's entry, for "What does the rev parameter of mkCrcFun default to?"), or None."""
    end = entry_end(text, start)
    return next((at for at in parameters_named(text, question) if start < at < end), None)


def entry_end(text: str, start: int) -> int:
    """Where the entry that opens at `start` ends: at the next entry's label (after the line at `start`, its own, and
    the entry's other names right under it: "-e kinds" / "--edges kinds"), a heading, or ENTRY_REACH characters on."""
    line_end = text.find("\n", start)
    body = line_end + 1 if line_end >= 0 else len(text)
    while (other_name := _OTHER_NAME.match(text, body)) is not None:
        body = other_name.end()
    stop = min(len(text), start + ENTRY_REACH)
    following = (_NEXT_ITEM if _LIST_ITEM.match(text, start) else _NEXT_ENTRY).search(text, body, stop)
    end = following.start() if following else stop
    if KEYWORD_LABEL.fullmatch(text[start : line_end if line_end >= 0 else len(text)].strip()):
        heading = _HEADING_IN_WORDS.search(text, body, end)  # a command's keyword's entry ends at its page's next
        end = heading.start() + 2 if heading else end  # section ("TIMEOUT <seconds>" / ... / "Walking lists")
    return end


# A section's heading in words alone between blank lines, as a reference in reStructuredText sets it ("Walking lists")
_HEADING_IN_WORDS = re.compile(r"\n\n[A-Z][A-Za-z0-9 ,'’-]{0,60}\n\n")


# An entry's other name on a line of its own right under its label: "--edges kinds" under "-e kinds"
_OTHER_NAME = re.compile(rf"\n*{OPTION_NAME}[ \t]*\n")


def under_the_function(text: str, at: int, function: str) -> bool:
    """Whether the entry at `at` stands in the function's part of an API reference: the nearest heading before it that
    is a name written as code opens with the function's name ("child_process.exec(command[, options][, callback])" is
    no part of child_process.spawn's)."""
    lo = max(0, at - SECTION_REACH)
    headings = [m.group("heading") for m in _HEADING_LINE.finditer(text, lo, at) if is_code_heading(m.group("heading"))]
    return bool(headings) and re.match(rf"(?:[\w$]+\.)*{re.escape(function)}(?![\w$])",
                                       headings[-1].strip()) is not None


def keywords_named(question: str) -> list[str]:
    """The keywords and options the question names ("SyslogFacility", "TCPKeepAlive", "--max-procs")."""
    return _KEYWORD.findall(question)


def default_in_entry(text: str, start: int, end: int | None = None) -> DefaultStated | None:
    """The default stated in the entry that opens at `start`: its value's span, up to the next entry's label (after
    the line at `start`, its own), a heading, or ENTRY_REACH characters; or before `end` when given."""
    if end is None:
        end = entry_end(text, start)
    for said in _DEFAULT_SAID.finditer(text, start, end):
        value = _the_value(text, *said.span(said.lastgroup))  # each way of saying it has one group, its value
        if value is not None:
            return DefaultStated(*value, start)
    return None


def default_named_by_its_entry(text: str, start: int, end: int, question: str) -> DefaultStated | None:
    """The value the entry whose text at `start`..`end` says is the default, without naming it: its list item's label
    ("- STRING: Sorts a list of strings alphabetically. This is the default behavior if the COMPARE option is not
    given.", the unit ranked being the item's second sentence) or the label alone over its paragraph ("STRING" / "Sorts
    ..."); None otherwise, or when the question names keywords and the entry none of them (the default of COMPARE
    answers nothing of RETRY_COUNT's)."""
    if _THIS_IS_THE_DEFAULT.search(text, start, end) is None:
        return None
    named, opening = keywords_named(question), paragraph_start(text, start)
    if named and not any(writes(text[opening:end], k) for k in named):
        return None
    if (said := default_in_entry(text, opening, end)) is not None:
        return said
    label = label_over_the_paragraph(text, start)
    return DefaultStated(*label, label[0]) if label is not None else None


# A sentence that says the entry it stands in is the default ("This is the default behavior ...", "This is the
# default."), naming no value of its own
_THIS_IS_THE_DEFAULT = re.compile(r"\b(?:this|it)\s+is\s+(?:also\s+)?the\s+default\b"
                                  r"(?:\s+(?:behaviou?r|value|mode|setting))?(?!\s+(?:is|value\s+of)\b)", re.I)


def _the_value(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value's span without its quotes and full stop, or None when it is no value: not "defaults to the ...",
    "default to using ...", "The default log_line_prefix is now ..."."""
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    while start < end and text[start] in _EDGE:
        start += 1
    written = text[start:end]
    value = written.lower()
    if value in _SETTINGS or (value and value not in STOP_WORDS and value not in _ADVERBS
                              and not (value.endswith("ing") and "," not in value  # (a list: "bow,spring"; a keyword
                                       and not written.isupper())):  # in capitals, "STRING")
        return start, end
    return None


# A function's signature on its own line, as Sphinx's reference heads its entry: "ensure_binary(s, encoding='utf-8',
# errors='strict')", "six.print_(*args, *, file=sys.stdout)"
_SIGNATURE = re.compile(r"(?m)^[ \t]*(?P<name>[A-Za-z_$][\w$.]*)\((?P<arguments>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)"
                        r"[ \t]*$")
_ARGUMENT_DEFAULT = re.compile(r"(?<![\w.])(?P<parameter>[A-Za-z_]\w*)[ \t]*=[ \t]*"
                               r"(?P<value>'[^'\n]*'|\"[^\"\n]*\"|[^,()\[\]\s]+)")


def default_in_signature(text: str, question: str) -> DefaultStated | None:
    """For "What is the default encoding of ensure_binary?": the default the signature line of the function the question
    names gives the parameter it names ("utf-8" of "ensure_binary(s, encoding='utf-8', errors='strict')"); None
    otherwise."""
    words = set(re.findall(r"[\w$]+(?:\.[\w$]+)*", question))
    words |= {word.rsplit(".", 1)[-1] for word in words}
    for signature in _SIGNATURE.finditer(text):
        if signature["name"] not in words and signature["name"].rsplit(".", 1)[-1] not in words:
            continue
        for argument in _ARGUMENT_DEFAULT.finditer(signature["arguments"]):
            if argument["parameter"] in words:
                at = signature.start("arguments")
                value = _the_value(text, at + argument.start("value"), at + argument.end("value"))
                if value is not None:
                    return DefaultStated(*value, signature.start("name"))
    return None


# "What is the default floating-point type?": the thing asked, named by its last word ("type")
_ASKS_THE_DEFAULT_THING = re.compile(r"^\W*what(?:'s|\s+is|\s+are)\s+the\s+default\s+"
                                     r"(?:(?!(?:of|for|in|on|to)\b)[\w-]+\s+){0,3}?(?P<head>[a-z]+)\W*$", re.I)


def default_in_paragraph(text: str, start: int, end: int, question: str) -> DefaultStated | None:
    """For "What is the default floating-point type?": "the default type is X" in the paragraph of the unit at
    `start`..`end`, the thing named by the question's last word alone, the sentence before having said which
    ("Rust's floating-point types are f32 and f64, ... The default type is f64 because ..."); None otherwise."""
    asked = _ASKS_THE_DEFAULT_THING.match(question)
    if asked is None:
        return None
    opening, closing = text.rfind("\n\n", 0, start), text.find("\n\n", end)
    said = re.compile(rf"\bthe\s+default\s+{re.escape(asked['head'])}s?\s+(?:is|was|will\s+be)\s+(?P<value>{_VALUE})",
                      re.I).search(text, opening + 2 if opening >= 0 else 0, closing if closing >= 0 else len(text))
    value = _the_value(text, *said.span("value")) if said is not None else None
    return DefaultStated(*value, said.start()) if value is not None else None


def default_in_a_listing(text: str, question: str) -> DefaultStated | None:
    """For "What is the default opt-level of the release profile?": the value of the key the question names in the
    code under a lead-in that says "default" ("The default settings for the release profile are:" / "[profile.release]"
    / "opt-level = 3" / ...), under the lead-in that shares the most words with the question (not the dev profile's);
    None when no such listing sets the key."""
    keys = set(_KEY_ASKED.findall(question))
    if not keys:
        return None
    asked, best, shared_most = set(content_words(question)), None, 0
    for lead_in in _DEFAULT_LEAD_IN.finditer(text):
        end = text.find("\n\n", lead_in.end())
        listing = _KEY_LINE.finditer(text, lead_in.end(), end if end >= 0 else len(text))
        value = next((line.span("value") for line in listing if line.group("key") in keys), None)
        shared = len(asked.intersection(content_words(lead_in.group("lead"))))
        if value is not None and shared > shared_most:
            best, shared_most = DefaultStated(*value, lead_in.start("lead")), shared
    return best


# A paragraph that says "default" and announces a listing: "The default settings for the release profile are:"
_DEFAULT_LEAD_IN = re.compile(r"(?:^|\n\n)(?P<lead>[^\n](?:[^\n]|\n(?!\n))*?\bdefaults?\b(?:[^\n]|\n(?!\n))*?:)"
                              r"[ \t]*\n\n+", re.I)
_KEY_LINE = re.compile(r"(?m)^[ \t]*(?P<key>[\w.-]+)[ \t]*=[ \t]*(?P<value>[^\s#][^#\n]*?)[ \t]*(?:#[^\n]*)?$")
_KEY_ASKED = re.compile(r"(?<![\w.-])[a-z][\w]*(?:[-_.][\w]+)+(?![\w-])")  # "opt-level", "split_debuginfo"
