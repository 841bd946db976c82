"""The numpy tree evaluator gives LightGBM's own raw scores, for rankers and binary models."""

import numpy as np
import pytest

from retrieval.trees import TreeEnsemble

lightgbm = pytest.importorskip("lightgbm")


def test_numpy_trees_score_as_lightgbm_does():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 6)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] * x[:, 2] > 0).astype(int)
    options = dict(n_estimators=30, num_leaves=7, min_child_samples=5, verbose=-1, deterministic=True, seed=0)
    binary = lightgbm.LGBMClassifier(**options).fit(x, y)
    ranker = lightgbm.LGBMRanker(**options).fit(x, y + (x[:, 3] > 1), group=[30] * 20)
    for model in (binary, ranker):
        trees = TreeEnsemble.from_lightgbm(model.booster_.dump_model())
        expected = model.booster_.predict(x, raw_score=True)
        assert np.allclose(trees.logits(x), expected, atol=1e-4)
        names = [f"f{i}" for i in range(6)]
        again = TreeEnsemble.from_json(trees.to_json(names), list(reversed(names)))  # columns reordered
        assert np.allclose(again.logits(x[:, ::-1]), expected, atol=1e-4)
