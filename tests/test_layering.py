"""The layering stays acyclic: every import of every module (lazy ones inside functions included) goes
down the spine, never up or sideways.

    citeqa (settings, types, errors, progress, embedding)    the base: imports nothing of ours above it
      <- retrieval.store (and retrieval.text, a leaf)        the store boundary
        <- ingest                                            writes through the store
        <- retrieval                                         reads through it; never imports ingest
          <- eval, ui                                        on top; eval never imports ui
    ui.app never imports ui.cli (the command line starts the app, not the other way round)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGES = ("citeqa", "ingest", "retrieval", "ui", "eval")
# The most specific prefix that covers a module gives what of ours it may import, and what not.
ALLOWED = {
    "citeqa": ("citeqa",),
    "retrieval.text": (),
    "retrieval.store": ("citeqa", "retrieval.store", "retrieval.text"),
    "retrieval": ("citeqa", "retrieval"),
    "ingest": ("citeqa", "ingest", "retrieval.store"),
    "eval": ("citeqa", "ingest", "retrieval", "eval"),
    "ui": ("citeqa", "ingest", "retrieval", "eval", "ui"),
}
FORBIDDEN = {"ui.app": ("ui.cli",)}
MODULES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, package: str) -> set[str]:
    """Every dotted name of ours that `source` imports, anywhere in it (`from a.b import c` gives a.b and
    a.b.c: c may be a module or a name in a.b). `package` resolves relative imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] in PACKAGES}


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(module: str, imported: set[str]) -> list[str]:
    """The imports of `module` that go against ALLOWED and FORBIDDEN."""
    rule = max((p for p in ALLOWED if under(module, p)), key=len)
    forbidden = FORBIDDEN.get(module, ())
    return sorted(name for name in imported
                  if not any(under(name, a) for a in ALLOWED[rule]) or any(under(name, f) for f in forbidden))


def test_every_package_is_read():
    names = {module_name(p) for p in MODULES}
    assert {"citeqa.settings", "retrieval.store.local", "ingest.pipeline", "retrieval.service", "ui.app",
            "ui.cli", "eval.cli"} <= names


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_go_down_the_spine(path):
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    assert violations(module, imports_of(path.read_text(encoding="utf-8"), package)) == []


@pytest.mark.parametrize("module, source, wrong", [
    ("retrieval.service", "def f():\n    from ingest.pipeline import build_index\n", ["ingest.pipeline",
                                                                                     "ingest.pipeline.build_index"]),
    ("retrieval.store.local", "from retrieval.search import Retriever\n", ["retrieval.search",
                                                                            "retrieval.search.Retriever"]),
    ("ui.app", "from ui import cli\n", ["ui.cli"]),
    ("eval.runner", "from ..ui import app\n", ["ui", "ui.app"]),
    ("citeqa.settings", "import retrieval.store\n", ["retrieval.store"]),
    ("ingest.pipeline", "from retrieval.store import open_store\nfrom citeqa.types import Chunk\n", []),
])
def test_the_checker_reports_an_upward_import(module, source, wrong):
    assert violations(module, imports_of(source, module.rpartition(".")[0])) == wrong
