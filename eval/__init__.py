"""Evaluation: question sets, metrics, the evaluation runner and report, benchmarks."""
