"""Question sets as users type them (eval/perturb.py): deterministic, one word misspelt, the rest kept."""

from __future__ import annotations

import json
import random
import subprocess
import sys

from eval.perturb import main, perturbed_squad, with_a_typo


def test_a_typo_changes_one_meaningful_word_inside_it():
    rng = random.Random(7)
    for question in ["Who chairs the Senate of Kazakhstan?", "How many deputies make up the delegation?"] * 20:
        typo = with_a_typo(question, rng)
        changed = [(a, b) for a, b in zip(question.split(), typo.split()) if a != b]
        assert len(typo.split()) == len(question.split()) and len(changed) == 1, typo
        (word, misspelt), = changed
        assert word[0] == misspelt[0] and word[-1] == misspelt[-1] and len(word) >= 5, (word, misspelt)
    assert with_a_typo("Who is he?", rng) == "Who is he?"  # no word of five letters that carries meaning


def test_the_same_seed_gives_the_same_questions(tmp_path, capsys):
    path = tmp_path / "q.jsonl"
    lines = [{"id": "a", "question": "Who chairs the Senate?", "relevant": ["d"], "answer": "X"},
             {"id": "b", "question": "And the Mazhilis?", "relevant": ["d"], "answer": None,
              "after": ["Who chairs the Senate?"]}]
    path.write_text("\n".join(json.dumps(obj) for obj in lines) + "\n")
    main(["lower", str(path)])
    lowered = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["question"] for o in lowered] == ["who chairs the senate?", "and the mazhilis?"]
    assert lowered[1]["after"] == ["who chairs the senate?"] and lowered[0]["answer"] == "X"
    runs = [subprocess.run([sys.executable, "-m", "eval.perturb", "typos", str(path)], capture_output=True,
                           text=True, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0] != path.read_text()


def test_a_squad_file_keeps_its_shape():
    data = {"version": "v2.0", "data": [{"title": "T", "paragraphs": [{"context": "c", "qas": [
        {"id": "1", "question": "Where is Normandy located?", "answers": [], "is_impossible": True}]}]}]}
    out = perturbed_squad(data, with_a_typo)
    qa = out["data"][0]["paragraphs"][0]["qas"][0]
    assert qa["question"] != "Where is Normandy located?" and qa["is_impossible"] is True
    assert data["data"][0]["paragraphs"][0]["qas"][0]["question"] == "Where is Normandy located?"  # a copy
