from pathlib import Path

import pytest

from citeqa.errors import SettingsError
from citeqa.settings import DEFAULT_MODEL, Settings


def test_defaults():
    s = Settings.load(env={})
    assert s.corpus == Path("corpus") and s.index == Path(".citeqa/index")
    assert s.model == DEFAULT_MODEL and s.k == 5 and s.mode == "hybrid" and s.host == "127.0.0.1"


def test_environment_overrides_defaults_and_flags_override_environment():
    env = {"CITEQA_CORPUS": "/docs", "CITEQA_INDEX": "/idx", "CITEQA_MODEL": "/models/x", "CITEQA_K": "7"}
    s = Settings.load(env=env)
    assert (s.corpus, s.index, s.model, s.k) == (Path("/docs"), Path("/idx"), "/models/x", 7)
    s = Settings.load(env=env, corpus=Path("/flag"), k=3, model=None)
    assert (s.corpus, s.k, s.model) == (Path("/flag"), 3, "/models/x")


@pytest.mark.parametrize(
    "env, names",
    [
        ({"CITEQA_K": "many"}, "CITEQA_K"),
        ({"CITEQA_K": "0"}, "CITEQA_K"),
        ({"CITEQA_MODE": "fuzzy"}, "CITEQA_MODE"),
        ({"CITEQA_CHUNK_OVERLAP": "500"}, "CITEQA_CHUNK_OVERLAP"),
        ({"CITEQA_PORT": "70000"}, "CITEQA_PORT"),
        ({"CITEQA_ABSTAIN_THRESHOLD": "high"}, "CITEQA_ABSTAIN_THRESHOLD"),
        ({"CITEQA_STORE": "faiss"}, "CITEQA_STORE=milvus:PATH.db"),
        ({"CITEQA_STORE": "milvus:index"}, "named \\*.db"),
        ({"CITEQA_STORE": "milvus://"}, "CITEQA_STORE=milvus://HOST:PORT"),
        ({"CITEQA_STORE": "milvus://host:99999"}, "CITEQA_STORE"),
        ({"CITEQA_STORE": "milvus://a@host", "CITEQA_MILVUS_TOKEN": "b"}, "CITEQA_MILVUS_TOKEN"),
    ],
)
def test_a_wrong_setting_names_what_to_change(env, names):
    with pytest.raises(SettingsError, match=names):
        Settings.load(env=env)


def test_abstain_threshold_parses_float():
    assert Settings.load(env={"CITEQA_ABSTAIN_THRESHOLD": "0.4"}).abstain_threshold == 0.4


def test_store_forms():
    from citeqa.settings import store_target

    assert store_target("local").backend == "local"
    assert store_target(" milvus:~/x/citeqa.db ").lite_path == Path("~/x/citeqa.db").expanduser()
    server = store_target("milvus://db.example.org:19531")
    assert (server.backend, server.uri, server.token) == ("milvus", "http://db.example.org:19531", "")
    assert store_target("milvus://db.example.org", "root:Milvus").token == "root:Milvus"
    tls = store_target("milvus+https://user:p%40ss@db.example.org:443/team")
    assert (tls.uri, tls.token) == ("https://db.example.org:443/team", "user:p@ss")
    assert "p@ss" not in repr(tls) and "Milvus" not in repr(Settings.load(env={"CITEQA_MILVUS_TOKEN": "Milvus"}))
