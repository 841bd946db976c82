"""The embedder backends: int8 ONNX vectors against torch's, the ONNX export made once and reused, no
torch on the question path, and an index refused when the settings name another backend."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from conftest import CITEQA, ROOT, cli_env
from citeqa.embedding import embedder_for, embedding_input, get_embedder
from citeqa.settings import Settings
from retrieval.store.local import LocalIndexReader

QUESTION = "Who coordinated the CSTO PA International Observer Group?"


def shipped_texts(settings: Settings) -> list[str]:
    """What a build of the shipped corpus embeds: every chunk input and every sentence."""
    reader = LocalIndexReader(settings.index)
    embedder = embedder_for(settings)
    texts = []
    for doc_id, stored in reader.documents.items():
        doc = stored.document
        texts += [embedding_input(doc.title, c.text, embedder) for _, c in reader.chunks_of(doc_id)]
        texts += [doc.text[s.start : s.end] for _, s in reader.sentences_of(doc_id)]
    return texts


def test_int8_vectors_are_close_to_torch_on_the_shipped_corpus(shipped):
    assert shipped.embedder == "onnx-int8"  # the default
    texts = shipped_texts(shipped)
    int8 = embedder_for(shipped).encode(texts)
    torch_vectors = get_embedder(shipped.model, "torch").encode(texts)
    cosines = (int8 * torch_vectors).sum(axis=1)
    assert len(texts) > 150  # every chunk and quote unit of the five documents
    assert cosines.mean() >= 0.99 and cosines.min() >= 0.95, (cosines.mean(), cosines.min())
    assert np.allclose(np.linalg.norm(int8, axis=1), 1, atol=1e-4)


def test_a_batch_and_one_query_give_the_same_vector(shipped):
    texts = ["A short one.", QUESTION, "A much longer sentence about the assembly, its commissions and observers. " * 8]
    embedder = get_embedder(shipped.model, "onnx", shipped.cache)
    batch = embedder.encode(texts, batch_size=2)
    for text, vector in zip(texts, batch):
        assert float(embedder.encode_query(text) @ vector) > 0.9999


def test_an_int8_vector_does_not_depend_on_the_texts_encoded_beside_it(shipped):
    """Dynamic quantization scales a run's activations over its whole input: in a batch, a text's vector
    changed with its neighbours (by up to 0.03 a component), so an update and a full build disagreed."""
    embedder = get_embedder(shipped.model, "onnx-int8", shipped.cache)
    texts = shipped_texts(shipped)[:40]
    together = embedder.encode(texts, batch_size=8)
    reordered = embedder.encode(texts[::-1], batch_size=16)[::-1]
    with_spans, _ = embedder.encode_with_spans(texts, [[] for _ in texts], batch_size=32)
    assert np.array_equal(together, reordered) and np.array_equal(together, with_spans)
    assert all(np.array_equal(embedder.encode_query(t), v) for t, v in zip(texts[:5], together[:5]))


EXPORT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from citeqa.embedding import get_embedder
    embedder = get_embedder("all-MiniLM-L6-v2", "onnx-int8", Path(sys.argv[1]))
    print(" ".join(f"{x:.5f}" for x in embedder.encode_query("The assembly met in Minsk.")[:8]))
    print("torch imported" if "torch" in sys.modules else "no torch")
""")


@pytest.mark.slow
def test_concurrent_processes_export_once_and_later_ones_reuse_it(tmp_path):
    cache = tmp_path / "cache"
    run = [sys.executable, "-c", EXPORT, str(cache)]
    first = [subprocess.Popen(run, cwd=ROOT, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in first]
    assert all(p.returncode == 0 for p in first), [err[-2000:] for _, err in outputs]
    exported = [err.count("exporting all-MiniLM-L6-v2 to ONNX int8") for _, err in outputs]
    assert sorted(exported) == [0, 1]  # one exported, the other waited for it and reused it
    assert outputs[0][0].splitlines()[0] == outputs[1][0].splitlines()[0]
    (entry,) = (cache / "onnx").iterdir()
    files = {f.name for f in entry.iterdir()}
    assert {"model-fp32.onnx", "export.json"} <= files and any(f.startswith("model-int8-") for f in files)
    assert not [f for f in files if f.endswith(".tmp")]
    stamps = {f: (entry / f).stat().st_mtime_ns for f in files}

    again = subprocess.run(run, cwd=ROOT, env=cli_env(), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "exporting" not in again.stderr
    assert again.stdout.splitlines() == [outputs[0][0].splitlines()[0], "no torch"]
    assert {f: (entry / f).stat().st_mtime_ns for f in files} == stamps


ASK_IN_PROCESS = textwrap.dedent("""
    import sys
    from ui.cli import main
    code = main(["ask", sys.argv[1]])
    print("torch imported" if "torch" in sys.modules else "no torch")
    sys.exit(code)
""")


@pytest.mark.slow
def test_ask_with_the_onnx_backend_never_imports_torch(shipped):
    result = subprocess.run([sys.executable, "-c", ASK_IN_PROCESS, QUESTION], cwd=ROOT, env=cli_env(shipped),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Aleksandr Markevich" in result.stdout and result.stdout.splitlines()[-1] == "no torch"


@pytest.mark.slow
def test_an_index_built_by_another_backend_is_refused_with_the_full_message(corpus_copy, tmp_path):
    def citeqa(*args, **env):
        return subprocess.run([str(CITEQA), *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                              env=cli_env(Settings(corpus=corpus_copy, index=tmp_path / "index"), **env))

    assert citeqa("index").returncode == 0  # the default backend, onnx-int8
    for refused in (citeqa("ask", QUESTION, CITEQA_EMBEDDER="torch"), citeqa("index", CITEQA_EMBEDDER="torch")):
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "embedder onnx-int8" in refused.stderr and "embedder torch" in refused.stderr
        assert "citeqa index --full" in refused.stderr and "CITEQA_EMBEDDER" in refused.stderr
    assert citeqa("index", "--full", CITEQA_EMBEDDER="torch").returncode == 0
    answered = citeqa("ask", QUESTION, CITEQA_EMBEDDER="torch")
    assert answered.returncode == 0 and "Aleksandr Markevich" in answered.stdout
    assert citeqa("ask", QUESTION).returncode == 1  # and now the default backend is the one refused
