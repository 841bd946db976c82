"""An eighth kind of collection, scientific abstracts: 34 abstracts of BEIR SciFact, read from the copy in
`../shared/bench/scifact` (CC BY-NC 2.0, for evaluation; not copied into this repository), each written as
`<SciFact id>.txt`: its title, a blank line, its abstract. Structured abstracts run their labels into the text
("SETTING Wuxi, Eastern China."), numbers carry units and ranges ("4 μg", "1000-2000", "(95% CI, 0.73-1.01)") and
abbreviations are defined every way ("ImmTACs (immune-mobilising ...)", "tumor microenvironment (TME)").
`eval/scifact_questions.jsonl` asks of them as a reader of these papers would (written in three batches on
2026-12-06, the third after the answer rules of that day and not tuned on).

    python -m eval.scifact_collection OUT [--source ../shared/bench/scifact]

writes the folder; `citeqa eval --corpus OUT --questions eval/scifact_questions.jsonl` measures it.
"""

from __future__ import annotations

import json
from pathlib import Path

from citeqa.errors import InputNotFound
from eval.collection_cli import write_collection

SCIFACT_SOURCE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "scifact"
SCIFACT_QUESTIONS = Path(__file__).with_name("scifact_questions.jsonl")
SCIFACT_IDS = (
    "1203035", "21271817", "19278208", "9909405", "8182950", "253672", "9154703", "13001323", "21859699", "10577574",
    "38243984", "12709184", "13889962", "70704988", "25483562", "33068577", "9513785", "5612738", "32665136",
    "1322614", "9724974", "18546584", "40655970", "12102963", "21181273", "12370190", "13882658", "6944800",
    "20996244", "17368516", "6669242", "7492250", "36855703", "40232172",
)


def scifact_collection(out: Path, source: Path = SCIFACT_SOURCE) -> Path:
    """The collection's folder `out`, each abstract written as its title, a blank line and its text."""
    corpus = source / "corpus.jsonl"
    if not corpus.is_file():
        raise InputNotFound(f"{corpus} not found: the SciFact collection is read from BEIR SciFact's corpus.jsonl "
                            "(pass --source DIR).")
    wanted = set(SCIFACT_IDS)
    out.mkdir(parents=True, exist_ok=True)
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["_id"] in wanted:
                (out / f"{record['_id']}.txt").write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
                wanted.discard(record["_id"])
    if wanted:
        raise InputNotFound(f"{corpus} lacks SciFact abstracts {', '.join(sorted(wanted))}.")
    return out


def main(argv: list[str] | None = None) -> int:
    return write_collection(argv, "python -m eval.scifact_collection", __doc__, scifact_collection, SCIFACT_SOURCE,
                            "BEIR SciFact's folder")


if __name__ == "__main__":
    raise SystemExit(main())
