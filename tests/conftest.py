"""Shared fixtures: the real gazetteer (cached on disk after the first build), the seed
articles, and the evaluation folder beside the project when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer, load_gazetteer

# Scripts run by tests in other interpreters (QGIS's), not test modules themselves.
collect_ignore = ["qgis_check.py"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EVAL_DEV = ROOT.parent / "shared" / "eval-dev"
#: Run by QGIS's own interpreter (see test_gis.py); the venv cannot import it.
collect_ignore = ["qgis_check.py"]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def eval_dev() -> Path:
    if not EVAL_DEV.is_dir():
        pytest.skip("../shared/eval-dev is not beside the project")
    return EVAL_DEV
