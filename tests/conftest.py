"""Shared fixtures: the shipped corpus indexed once per test session with the real model."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from citeqa.settings import Settings  # noqa: E402

CORPUS = ROOT / "corpus"
CITEQA = Path(sys.executable).with_name("citeqa")


@pytest.fixture(scope="session")
def shipped(tmp_path_factory) -> Settings:
    """Settings pointing at a fresh index of the shipped corpus (built once per session)."""
    from ingest.pipeline import build_index

    root = tmp_path_factory.mktemp("shipped")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings.load(env={}, corpus=corpus, index=root / "index")
    build_index(settings)
    return settings


@pytest.fixture(scope="session")
def service(shipped):
    from retrieval.service import build_service

    return build_service(shipped)


@pytest.fixture()
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the shipped corpus for tests that change it."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return corpus


def cli_env(settings: Settings | None = None, **extra: str) -> dict[str, str]:
    """Environment for running the `citeqa` command in a subprocess against `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    env["HF_HUB_OFFLINE"] = "1"
    if settings is not None:
        env["CITEQA_CORPUS"] = str(settings.corpus)
        env["CITEQA_INDEX"] = str(settings.index)
    env.update(extra)
    return env
