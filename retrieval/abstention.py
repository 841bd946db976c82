"""The abstention threshold: below it, the best sentence is not an answer and citeqa says so.

Thresholds are calibrated per embedding model by `python -m eval.calibrate` on the labeled
questions of eval/calibration.jsonl (answerable and unanswerable) and stored in
retrieval/abstention.json; `CITEQA_ABSTAIN_THRESHOLD` overrides it.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

CALIBRATION_FILE = Path(__file__).with_name("abstention.json")
log = logging.getLogger(__name__)


def load_calibration(path: Path = CALIBRATION_FILE) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def threshold_for(model: str, override: float | None = None, path: Path = CALIBRATION_FILE) -> float:
    if override is not None:
        return override
    entry = load_calibration(path).get(model)
    if entry is None:
        log.warning(
            "no abstention threshold is calibrated for model %r: citeqa will not abstain. "
            "Run `python -m eval.calibrate` or set CITEQA_ABSTAIN_THRESHOLD.", model,
        )
        return float("-inf")
    return float(entry["threshold"])
