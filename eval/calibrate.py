"""Calibrate the abstention threshold on a labeled dev set and store it in retrieval/abstention.json.

    python -m eval.calibrate [--questions eval/calibration.jsonl] [--model NAME]

For every question the answer's confidence (the answerability model's probability that the units
found answer the question, retrieval/answerability.py) is recorded with abstention off. Answering a question the documents do answer matters more to users than catching
every unanswerable one, so the threshold is the highest cut that abstains on at most
MAX_FALSE_ABSTENTION of the answerable questions, placed midway between neighbouring confidences.
The dev set is separate from eval/questions.jsonl, which only measures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from citeqa.settings import Settings
from eval.questions import Question, load_questions
from retrieval.abstention import CALIBRATION_FILE, load_calibration

DEV_SET = Path(__file__).with_name("calibration.jsonl")


MAX_FALSE_ABSTENTION = 0.05


def best_threshold(answerable: list[float], unanswerable: list[float]) -> tuple[float, float]:
    """(threshold, share of unanswerable questions it abstains on): abstain when confidence < threshold."""
    scores = sorted(set(answerable + unanswerable))
    cuts = [scores[0] - 1e-6] + [(a + b) / 2 for a, b in zip(scores, scores[1:])]
    allowed = [c for c in cuts if sum(s < c for s in answerable) <= MAX_FALSE_ABSTENTION * len(answerable)]
    threshold = max(allowed)
    return round(threshold, 4), sum(s < threshold for s in unanswerable) / max(len(unanswerable), 1)


def confidences(settings: Settings, questions: list[Question]) -> list[tuple[Question, float]]:
    from ingest.pipeline import build_index
    from retrieval.service import build_service

    build_index(settings)
    service = build_service(settings.replace(abstain_threshold=float("-inf")))
    return [(q, service.ask(q.question).confidence) for q in questions]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEV_SET)
    parser.add_argument("--model")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    args = parser.parse_args(argv)
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.load(corpus=args.corpus, model=args.model, index=Path(tmp) / "index")
        scored = confidences(settings, questions)
    answerable = [c for q, c in scored if q.answerable]
    unanswerable = [c for q, c in scored if not q.answerable]
    threshold, abstains = best_threshold(answerable, unanswerable)
    for q, c in sorted(scored, key=lambda qc: qc[1]):
        print(f"{c:7.4f}  {'answerable  ' if q.answerable else 'unanswerable'}  {q.id}  {q.question}")
    print(f"threshold {threshold}: abstains on {abstains:.0%} of the unanswerable questions, "
          f"at most {MAX_FALSE_ABSTENTION:.0%} of the answerable ones ({len(scored)} questions)")
    calibration = load_calibration(args.out)
    calibration[settings.model] = {
        "threshold": threshold,
        "signal": "answerability probability (retrieval/answer_model.json)",
        "max_false_abstention": MAX_FALSE_ABSTENTION,
        "calibrated_on": args.questions.name,
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "abstains_on_unanswerable": round(abstains, 4),
        "date": time.strftime("%Y-%m-%d"),
    }
    args.out.write_text(json.dumps(calibration, indent=2, sort_keys=True) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
