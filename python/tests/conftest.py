"""Shared fixtures: the project root, the sample town and the trygg executable."""
import os
import pathlib
import shutil

import pytest

import trygg

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOWN = ROOT / "data" / "town"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def reports_path():
    return TOWN / "reports.geojson"


@pytest.fixture(scope="session")
def reports(reports_path):
    """The sample town's reports, read once (tests must not change the layer)."""
    return trygg.read_layer(reports_path)


@pytest.fixture(scope="session")
def trygg_exe():
    """The CLI built with the module: $TRYGG_EXE (set by scripts/test.sh), else build/."""
    exe = os.environ.get("TRYGG_EXE") or str(ROOT / "build" / "tools" / "trygg" / "trygg")
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)) and shutil.which(exe) is None:
        pytest.skip(f"trygg executable not found at {exe}; set TRYGG_EXE")
    return exe
