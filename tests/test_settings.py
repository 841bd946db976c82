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
        ({"CITEQA_ANSWER_SENTENCES": "0"}, "CITEQA_ANSWER_SENTENCES"),
        ({"CITEQA_MAX_UPLOAD_MB": "0"}, "CITEQA_MAX_UPLOAD_MB"),
        ({"CITEQA_MAX_UPLOAD_MB": "-5"}, "CITEQA_MAX_UPLOAD_MB"),
        ({"CITEQA_EXACT_INDEX_MAX": "-1"}, "CITEQA_EXACT_INDEX_MAX"),
        ({"CITEQA_ABSTAIN_THRESHOLD": "nan"}, "CITEQA_ABSTAIN_THRESHOLD"),
        ({"CITEQA_UPLOAD_PARSE_SECONDS": "0"}, "CITEQA_UPLOAD_PARSE_SECONDS"),
        ({"CITEQA_BATCH_SIZE": "0"}, "CITEQA_BATCH_SIZE"),
        ({"CITEQA_HOST": " "}, "CITEQA_HOST"),
        ({"CITEQA_AUTH": "nopassword"}, "CITEQA_AUTH"),
        ({"CITEQA_AUTH": ":secret"}, "CITEQA_AUTH"),
        ({"CITEQA_INSECURE": "perhaps"}, "CITEQA_INSECURE"),
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


def test_settings_are_checked_however_they_are_made():
    with pytest.raises(SettingsError, match="CITEQA_ANSWER_SENTENCES"):
        Settings(answer_sentences=0)
    with pytest.raises(SettingsError, match="CITEQA_EXACT_INDEX_MAX"):
        Settings.load(env={}).replace(exact_index_max=-3)


def test_login_and_insecure_are_read_and_the_password_is_not_shown():
    s = Settings.load(env={"CITEQA_AUTH": "ann:s3cret:with-colon", "CITEQA_INSECURE": "yes"})
    assert s.login == ("ann", "s3cret:with-colon") and s.insecure is True
    assert "s3cret" not in repr(s)
    assert Settings.load(env={}).login is None and Settings.load(env={}).insecure is False


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
