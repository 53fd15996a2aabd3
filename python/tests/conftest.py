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
    # A missing CLI is a failure, not a skip: the comparisons with the CLI are the point of
    # several tests, and scripts/test.sh always builds it.
    if not (os.path.isfile(exe) and os.access(exe, os.X_OK)) and shutil.which(exe) is None:
        pytest.fail(f"trygg executable not found at {exe}; build it or set TRYGG_EXE")
    return exe


def run_cli_json(exe, root, args):
    """Runs `trygg <args> --json` from the project root and returns the parsed JSON (the command
    must succeed)."""
    import json
    import subprocess

    out = subprocess.run([exe, *map(str, args), "--json", "--quiet"], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def read_ogr_layer(path, layer):
    """A layer of a file the CLI wrote, read with GDAL's own Python bindings (not trygg's reader):
    a list of (attributes dict, geometry as GeoJSON-like dict) in file order."""
    import json

    from osgeo import ogr

    ogr.UseExceptions()
    source = ogr.Open(str(path))
    lyr = source.GetLayerByName(layer)
    assert lyr is not None, f"no layer {layer} in {path}"
    rows = []
    for feature in lyr:
        geometry = feature.GetGeometryRef()
        rows.append((feature.items(), json.loads(geometry.ExportToJson()) if geometry else None))
    return rows


@pytest.fixture(scope="session")
def town():
    """The sample town's layers, read once as the CLI reads them (tests must not change them)."""
    kinds = {"walkways": "walkways", "lights": "lights", "cameras": "cameras", "buildings": "buildings",
             "reports": "reports", "districts": "areas", "stops": "stops"}
    return {name: trygg.read_layer(TOWN / f"{name}.geojson", kind=kind) for name, kind in kinds.items()}


def releases_gil(call):
    """Runs `call` in a thread while this thread keeps running Python code, and tells whether
    Python ran during the middle 80 % of the call. With the GIL held through the call nothing
    else can run Python code until it returns, whatever the machine's load; with the GIL
    released the ticker runs throughout (on a loaded machine less often, but far more than
    never). Returns (ticks in the middle of the call, call duration in seconds)."""
    import threading
    import time

    span = []

    def work():
        t0 = time.perf_counter()
        call()
        span.append((t0, time.perf_counter()))

    stamps = []
    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        stamps.append(time.perf_counter())
        time.sleep(0.0001)  # about 10 000 stamps a second at most
    worker.join()
    (t0, t1), = span
    # Python hands the GIL over every 5 ms (sys.getswitchinterval()): this thread may run a
    # little after the worker's t0 and before it enters C++; the margin leaves that out.
    margin = max(0.1 * (t1 - t0), 0.025)
    inside = sum(1 for t in stamps if t0 + margin < t < t1 - margin)
    return inside, t1 - t0
