"""What every benchmark shares: running a step as a measured process, percentiles, the machine, tables.

Kept free of numpy, torch and faiss imports on purpose: the benchmark driver imports this, and a
child's peak RSS (from wait4) starts from the parent's RSS when the child is spawned, so the
driver must stay small for the children's figures to be their own.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Measured:
    stdout: str
    seconds: float  # wall-clock, from spawn to exit
    peak_rss_mb: float  # the process's maximum resident set size


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run `cmd` to completion; its own peak memory comes from wait4(2), so each step is measured alone.

    Output goes through temporary files, not pipes: a chatty child can never block on a full pipe."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... exited {proc.returncode}:\n{stderr[-3000:]}")
    return Measured(stdout, seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def last_json_line(stdout: str) -> dict:
    """A step prints its figures as one JSON object on its last line (libraries may print before it)."""
    return json.loads(stdout.strip().splitlines()[-1])


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), without importing numpy."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def latency_summary(ms: list[float]) -> dict[str, float]:
    return {"p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "n": len(ms)}


def machine_info() -> dict[str, str | int | float]:
    """The machine and library versions the figures were taken on (versions read without importing)."""
    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count() or 0,
        "ram_gib": round(int((_proc_field("/proc/meminfo", "MemTotal") or "0 kB").split()[0]) / 2**20, 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "torch": version("torch"),
        "onnxruntime": version("onnxruntime"),
        "faiss": version("faiss-cpu"),
        "sentence_transformers": version("sentence-transformers"),
    }


def machine_lines(info: dict) -> list[str]:
    return [
        f"- date: {info['date']}",
        f"- machine: {info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB RAM "
        f"(1-minute load average at start: {info['load_average_1min']})",
        f"- Python {info['python']}, torch {info['torch']}, onnxruntime {info.get('onnxruntime', '-')}, "
        f"faiss {info['faiss']}, "
        f"sentence-transformers {info['sentence_transformers']}",
    ]


def _proc_field(path: str, name: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == name:
                return value.strip()
    except OSError:
        pass
    return None


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
