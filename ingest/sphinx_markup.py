"""Sphinx's markup, which docutils alone does not know, read as Sphinx shows it.

Sphinx documentation (Python projects, CMake) writes its reference in directives and roles of its own: an option, a
function, a variable or a command is described under `.. option:: -F`, `.. function:: open(file)`, `.. variable::
CMAKE_BUILD_TYPE`, with `.. versionadded:: 3.21` inside, and named in the prose as :variable:`CMAKE_INSTALL_PREFIX` or
:prop_tgt:`FRAMEWORK`. docutils drops a directive it does not know, its whole content with it (CMake's ctest(1) page
lost every option's description), and leaves a role it does not know as its markup
(":prop_tgt:`POSITION_INDEPENDENT_CODE`" had been an answer in bold). So before a file is rendered, each directive and
role it uses that docutils does not know is registered: a role as the text it shows; a description as its signature
over its content (a definition list, as Sphinx's HTML has it); a version note with Sphinx's words ("New in version
3.21.", "Changed in version 3.14: ..."); a note box with its label ("See also: ..."); directives that show nothing (a
table of contents tree, an index entry, the current program or module) and those that read other files
(literalinclude) as nothing.
"""

from __future__ import annotations

import re

from citeqa.layout import PROMPT
from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives.body import CodeBlock
from docutils.parsers.rst.directives.misc import Class

# Sphinx's version notes, in the words Sphinx's HTML shows them with
VERSION_NOTES = {"versionadded": "New in version", "versionchanged": "Changed in version",
                 "deprecated": "Deprecated since version", "versionremoved": "Removed in version"}
# Boxes that open with a label ("See also: ...", Python's "Availability: Linux")
LABELLED = {"seealso": "See also", "availability": "Availability", "impl-detail": "CPython implementation detail"}
# Directives that show nothing where they stand, or would read another file than the one rendered
SHOWN_AS_NOTHING = frozenset(
    "toctree index highlight program module currentmodule sectionauthor moduleauthor codeauthor literalinclude "
    "cmake-module tabularcolumns autosummary automodule autoclass autofunction automethod autodata autoattribute "
    "autoexception autodecorator autoproperty default-domain todolist graphviz inheritance-diagram".split())
# Directives whose content is shown as it is, without a frame ("only:: html", a conditional block, a set of tabs)
CONTENT_ONLY = frozenset("only ifconfig hlist tab-set grid grid-item".split())
# Directives whose argument labels their content: a tab ("Linux", "MacOS") over what it holds, a dropdown's or a card's
# title (sphinx-inline-tabs, sphinx-design)
LABELLED_BY_ARGUMENT = frozenset("tab tab-item dropdown card grid-item-card".split())

_DIRECTIVE_USED = re.compile(r"^[ \t]*(?:\.\.[ \t]+(?:\[[^\]\n]*\][ \t]+)?|\d+\.[ \t]+\.\.[ \t]+|[*+-][ \t]+\.\.[ \t]+)"
                             r"([A-Za-z][\w:+-]*)::", re.M)  # "  .. option::", ".. [#] .. versionadded::", "1. .. x::"
_CSS_CLASS = re.compile(r"[a-z][a-z0-9_-]*")
_OBJECT_ROLES = frozenset("func meth class data attr exc obj mod const".split())  # Python objects' roles
_INVENTORY = re.compile(r"^[a-z][\w-]*:(?=[^\s:])")  # "py2:" of "py2:types.ClassType", an intersphinx inventory
_ROLE_USED = re.compile(r"(?<![\w`]):([A-Za-z][\w:+.-]*):`")
# The same in MyST Markdown: a directive is a fence named in braces ("```{versionadded} 6.0", ":::{note}"), a role
# "{ref}`the guide <guide>`"
_MYST_DIRECTIVE_USED = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{([A-Za-z][\w:+-]*)\}", re.M)
_MYST_ROLE_USED = re.compile(r"(?<![\w`])\{([A-Za-z][\w:+.-]*)\}`")


def writes_myst(markdown: str) -> bool:
    """Whether a Markdown file is MyST (Sphinx's Markdown: pip's, Jupyter Book's documentation), a directive fence or
    a role in it: plain Markdown writes neither, and read as plain Markdown a version note lost its version and a tab
    its label. Such a file is rendered by MyST's docutils parser with its directives and roles registered here."""
    return bool(_MYST_DIRECTIVE_USED.search(markdown) or _MYST_ROLE_USED.search(markdown))


class _AnyOption(dict):
    """Any option a directive is given (":noindex:", ":type: int"), read as written. Never empty to docutils: an empty
    spec would leave the options on the directive's argument."""

    def __missing__(self, name: str):
        return directives.unchanged

    def __bool__(self) -> bool:
        return True


def register_markup_used(source: str) -> None:
    """Register each Sphinx directive and role `source` uses that docutils does not know yet (process-wide), written
    in reStructuredText or MyST Markdown (whose fences can hold reStructuredText: "```{eval-rst}")."""
    for name in ("code-block", "sourcecode"):
        directives.register_directive(name, CodeBlock)
    used = {m.group(1).lower() for pattern in (_DIRECTIVE_USED, _MYST_DIRECTIVE_USED) for m in pattern.finditer(source)}
    for name in used:
        if name == "class":
            directives.register_directive(name, _ClassDescribedOrSet)
        elif not _known_directive(name):
            directives.register_directive(name, _directive_for(name))
    for name in {m.group(1).lower() for pattern in (_ROLE_USED, _MYST_ROLE_USED) for m in pattern.finditer(source)}:
        if name not in roles._roles and name not in roles._role_registry:
            roles.register_local_role(name, _as_text)


def _known_directive(name: str) -> bool:
    return name in directives._directives or name in directives._directive_registry


def _as_text(name, rawtext, text, lineno, inliner, options=None, content=None):
    """A role as the text it shows: ":func:`open`" as "open", ":ref:`the guide <guide>`" as "the guide", an
    intersphinx target without its inventory's name (":func:`py3:int`" as "int"; not C++'s "std::vector"), a page
    linked by its path as its name (":doc:`../cli/pip_config`" as "pip_config")."""
    shown = re.sub(r"\s*<[^<>]*>\s*$", "", text).lstrip("~!") or text
    base = name.split(":")[-1]
    if base in _OBJECT_ROLES:
        shown = _INVENTORY.sub("", shown)
    elif base == "doc" and shown == text:  # a page named by its path ("../cli/pip_config"): its name, not the way there
        shown = shown.rstrip("/").rsplit("/", 1)[-1] or shown
    elif base in ("file", "samp"):  # Sphinx reads "\\" in these as one backslash ("C:\\ProgramData\\pip")
        shown = shown.replace("\\\\", "\\")
    return [nodes.literal(rawtext, shown)], []


def _directive_for(name: str) -> type[Directive]:
    base = name.split(":")[-1]  # "py:function", "cmake:command"
    if base in SHOWN_AS_NOTHING:
        return _ShownAsNothing
    if base in VERSION_NOTES:
        return _VersionNote
    if base in LABELLED:
        return _Labelled
    if base in CONTENT_ONLY:
        return _ContentOnly
    if base in LABELLED_BY_ARGUMENT:
        return _LabelledByArgument
    return _Description


class _Sphinx(Directive):
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _AnyOption()
    has_content = True

    def _paragraph(self, text: str) -> nodes.paragraph:
        """Text written on the directive's own lines, its roles read (".. versionchanged:: 3.14" over "Install rules
        ... :command:`add_subdirectory`" without a blank line: the version note's argument)."""
        inline, _ = self.state.inline_text(text, self.lineno)
        return nodes.paragraph(text, "", *inline)

    def _content(self) -> list[nodes.Node]:
        holder = nodes.Element()
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, holder)
        return list(holder.children)


class _ShownAsNothing(_Sphinx):
    def run(self) -> list[nodes.Node]:
        return []


class _ContentOnly(_Sphinx):
    def run(self) -> list[nodes.Node]:
        return self._content()


class _Description(_Sphinx):
    """`.. option:: -j <jobs>, --parallel <jobs>` over its content: the signature as a term over its definition."""

    def run(self) -> list[nodes.Node]:
        signature = " ".join((self.arguments[0] if self.arguments else "").split())
        if not signature and self.content and PROMPT.match(self.content[0]):  # a console session ("```{pip-cli}" /
            session = "\n".join(self.content)  # "$ pip install sampleproject"): as it was typed, not as prose
            return [nodes.literal_block(session, session)]
        content = [_info_fields(node) if isinstance(node, nodes.field_list) else node for node in self._content()]
        if not signature:
            return content
        item = nodes.definition_list_item("", nodes.term("", "", nodes.literal(signature, signature)),
                                          nodes.definition("", *content))
        return [nodes.definition_list("", item)]


class _ClassDescribedOrSet(_Description):
    """Sphinx's `.. class:: Crc(poly[, initCrc])` describes a class; docutils' `.. class:: special` sets an HTML class
    on what follows. A signature is not a list of class names (small letters, digits and hyphens)."""

    def run(self) -> list[nodes.Node]:
        if self.arguments and all(_CSS_CLASS.fullmatch(name) for name in self.arguments[0].split()):
            return Class.run(self)
        return super().run()


class _VersionNote(_Sphinx):
    """"New in version 3.21.", or "Changed in version 3.14: " before its content's first paragraph."""

    def run(self) -> list[nodes.Node]:
        words = VERSION_NOTES[self.name.split(":")[-1]]  # the name it was called by: "versionadded", "py:deprecated"
        version = (self.arguments[0].split()[0] if self.arguments else "").rstrip(".")
        explained = " ".join(self.arguments[0].split()[1:]) if self.arguments else ""  # "3.5 Use x instead."
        content = self._content()
        if explained:
            content.insert(0, self._paragraph(explained))
        return _opened_with(f"{words} {version}", content)


class _Labelled(_Sphinx):
    """"See also: ...", "Availability: Linux."""

    def run(self) -> list[nodes.Node]:
        label = LABELLED[self.name.split(":")[-1]]
        argument = " ".join(self.arguments[0].split()) if self.arguments else ""
        content = self._content()
        if argument:
            content.insert(0, self._paragraph(argument))
        return _opened_with(label, content)


class _LabelledByArgument(_Sphinx):
    """A tab's label ("Linux") as a term over what the tab holds ("~/.cache/pip"), as the tab shows it."""

    def run(self) -> list[nodes.Node]:
        label = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not label:
            return self._content()
        item = nodes.definition_list_item("", nodes.term("", label), nodes.definition("", *self._content()))
        return [nodes.definition_list("", item)]


# Sphinx's info fields, in the words its HTML heads them with (":param rev: ...", ":rtype: int")
_FIELD_HEADS = {"param": "Parameters", "parameter": "Parameters", "arg": "Parameters", "argument": "Parameters",
                "key": "Parameters", "keyword": "Parameters", "kwarg": "Parameters", "kwparam": "Parameters",
                "return": "Returns", "returns": "Returns", "rtype": "Return type", "raises": "Raises",
                "raise": "Raises", "except": "Raises", "exception": "Raises", "var": "Variables", "ivar": "Variables"}


def _info_fields(fields: nodes.field_list) -> nodes.Element:
    """A description's info fields as Sphinx shows them: ":param rev: A flag ..." with ":type rev: bool" as
    "Parameters:" over "- rev (bool) – A flag ..." (one alone on the head's line), ":rtype: int" as "Return type: int";
    other fields as they are."""
    types, groups = {}, {}
    kept = nodes.field_list()
    for field in fields.children:
        kind, _, name = field[0].astext().strip().partition(" ")
        if kind == "type" and name:
            types[name.split()[-1]] = field[1].astext().strip()
        elif kind in _FIELD_HEADS:
            groups.setdefault(_FIELD_HEADS[kind], []).append((name.split()[-1] if name else "", field[1]))
        else:
            kept += field
    shown: list[nodes.Node] = [kept] if kept.children else []
    for head, items in groups.items():
        led = [_led_by(f"{name} ({types[name]}) – " if name in types else f"{name} – " if name else "", body)
               for name, body in items]
        if len(led) == 1:  # one item stands on the head's line: "Returns: CRC calculation function"
            shown.extend(_led_by(f"{head}: ", nodes.container("", *led[0])))
            continue
        shown.append(nodes.paragraph("", f"{head}:"))
        shown.append(nodes.bullet_list("", *(nodes.list_item("", *item) for item in led)))
    holder = nodes.container()
    holder.extend(shown)
    return holder


def _led_by(lead: str, body: nodes.Element) -> list[nodes.Node]:
    """The body's paragraphs, the first opened with `lead` ("rev – A flag ...")."""
    children = [child.deepcopy() for child in body.children]
    if children and isinstance(children[0], nodes.paragraph):
        children[0].insert(0, nodes.Text(lead))
    elif lead:
        children.insert(0, nodes.paragraph("", lead.rstrip(" –")))
    return children


def _opened_with(label: str, content: list[nodes.Node]) -> list[nodes.Node]:
    """The label opening the first paragraph ("Changed in version 3.14: Install rules ..."), or alone ("New in
    version 3.21.")."""
    if content and isinstance(content[0], nodes.paragraph):
        content[0].insert(0, nodes.Text(f"{label}: "))
        return content
    return [nodes.paragraph("", f"{label}."), *content]
