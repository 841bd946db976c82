"""The chat beyond this machine: a login (Gradio's own) that the page and every API endpoint ask for, and a
refusal to listen on an outside address without one. The server is real and listens on 127.0.0.1 only."""

from __future__ import annotations

import subprocess

import httpx
import pytest

from citeqa.errors import SettingsError
from citeqa.settings import Settings
from conftest import CITEQA, ROOT, cli_env
from test_ui_api import copy_shipped, start_app
from ui.app import check_exposure

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
LOGIN = ("ann", "harbour-s3cret")


@pytest.mark.parametrize("host, auth, insecure, refused", [
    ("0.0.0.0", "", False, True),
    ("192.0.2.7", "", False, True),
    ("chat.example.org", "", False, True),
    ("0.0.0.0", "ann:pw", False, False),
    ("0.0.0.0", "", True, False),
    ("127.0.0.1", "", False, False),
    ("127.8.0.1", "", False, False),
    ("localhost", "", False, False),
    ("::1", "", False, False),
])
def test_an_outside_address_needs_a_login_or_insecure(host, auth, insecure, refused):
    settings = Settings.load(env={}, host=host, auth=auth, insecure=insecure)
    if refused:
        with pytest.raises(SettingsError, match="--auth USER:PASS .*CITEQA_AUTH.*--insecure"):
            check_exposure(settings)
    else:
        check_exposure(settings)


@pytest.mark.slow
def test_serve_refuses_an_outside_address_without_a_login_before_indexing(tmp_path):
    env = cli_env(Settings(corpus=tmp_path / "corpus", index=tmp_path / "index"))
    result = subprocess.run([str(CITEQA), "serve", "--host", "0.0.0.0"], env=env, capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert result.returncode == 2 and "--auth USER:PASS" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "index").exists()


@pytest.fixture(scope="module")
def guarded(shipped, tmp_path_factory):
    settings = copy_shipped(shipped, tmp_path_factory.mktemp("auth"), auth=":".join(LOGIN))
    blocks, url = start_app(settings)
    yield url
    blocks.close()


@pytest.mark.slow
def test_every_endpoint_asks_for_the_login(guarded):
    from gradio_client import Client
    from gradio_client.exceptions import AuthenticationError

    with pytest.raises(AuthenticationError, match="credentials were not provided"):
        Client(guarded, verbose=False)
    with pytest.raises(ValueError, match="Could not login"):
        Client(guarded, verbose=False, auth=(LOGIN[0], "wrong"))
    for path, method in (("gradio_api/call/upload", "post"), ("gradio_api/call/rebuild", "post"),
                         ("gradio_api/call/ask", "post"), ("gradio_api/upload", "post"), ("config", "get")):
        response = getattr(httpx, method)(guarded + path, **({"json": {"data": []}} if method == "post" else {}))
        assert response.status_code == 401, (path, response.status_code)

    client = Client(guarded, verbose=False, auth=LOGIN)
    assert client.predict(api_name="/status")["documents"] == 5
    answer = client.predict("Who coordinated the CSTO PA observer group in Kazakhstan?", api_name="/ask")
    assert "Markevich" in answer["answer"]
