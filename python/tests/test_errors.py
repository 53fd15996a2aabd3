"""Bad input raises ValueError (trygg.UsageError / trygg.DataError) or TypeError with the CLI's
message, in which the CLI's option names are the Python argument names: the CLI runs on the
same bad input and its one-line message, with --option-name written option_name, must start
the Python message."""
import re
import subprocess

import numpy as np
import pytest

import trygg

REPORTS = "data/town/reports.geojson"  # relative: the CLI and Python name the source alike


def cli_message(exe, root, args, exit_code):
    out = subprocess.run([exe, *args], cwd=root, capture_output=True, text=True)
    assert out.returncode == exit_code, out.stderr
    line = out.stderr.strip().splitlines()[-1]
    assert line.startswith("trygg ")
    return line.split(": ", 1)[1]  # drop "trygg <command>: "


def python_names(message):
    """The test's own rewrite: --min-points -> min_points at the start of a word."""
    return re.sub(r"(?<![^\s'\"(])--([a-z][a-z0-9-]*)", lambda m: m.group(1).replace("-", "_"), message)


XY = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [50.0, 50.0]])
GI_XY = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
GI_VALUES = [2, 3, 3.2, 5, 8, 7]

CASES = [
    # (CLI arguments, CLI exit code, the Python call, the Python exception)
    (["hotspots", REPORTS, "-o", "{out}.gpkg", "--eps", "0"], 2,
     lambda r: trygg.dbscan(XY, 0, 5), trygg.UsageError),
    (["hotspots", REPORTS, "-o", "{out}.gpkg", "--eps", "10", "--min-points", "-2"], 2,
     lambda r: trygg.dbscan(XY, 10, -2), trygg.UsageError),
    (["heatmap", REPORTS, "-o", "{out}.tif", "--radius", "-1.5", "--cell", "10"], 2,
     lambda r: trygg.kde(XY, -1.5, 10), trygg.UsageError),
    (["heatmap", REPORTS, "-o", "{out}.tif", "--radius", "100", "--cell", "-2"], 2,
     lambda r: trygg.kde(XY, 100, -2), trygg.UsageError),
    (["heatmap", REPORTS, "-o", "{out}.tif", "--radius", "100", "--cell", "10", "--kernel", "cosine"], 2,
     lambda r: trygg.kde(XY, 100, 10, kernel="cosine"), trygg.UsageError),
    (["heatmap", REPORTS, "-o", "{out}.tif", "--radius", "100", "--cell", "10", "--decay", "0.5"], 2,
     lambda r: trygg.kde(XY, 100, 10, decay=0.5), trygg.UsageError),
    (["heatmap", REPORTS, "-o", "{out}.tif", "--radius", "100", "--cell", "0.01"], 2,
     lambda r: trygg.kde(r.xy, 100, 0.01), trygg.UsageError),
    (["gistar", REPORTS, "-o", "{out}.gpkg", "--cell", "100", "--distance", "100", "--k", "3"], 2,
     lambda r: trygg.gistar(GI_XY, GI_VALUES, distance=100, k=3), trygg.UsageError),
    (["gistar", REPORTS, "-o", "{out}.gpkg", "--cell", "100", "--permutations", "-1"], 2,
     lambda r: trygg.gistar(GI_XY, GI_VALUES, distance=15, permutations=-1), trygg.UsageError),
    (["info", REPORTS, "--time-format", "%H:%M"], 2,
     lambda r: trygg.read_layer(REPORTS, time_format="%H:%M"), trygg.UsageError),
    (["info", REPORTS, "--time-format", "julian"], 2,
     lambda r: trygg.read_layer(REPORTS, time_format="julian"), trygg.UsageError),
    (["info", REPORTS, "--category-field", "kategori"], 2,
     lambda r: trygg.read_layer(REPORTS, category_field="kategori"), trygg.UsageError),
    (["info", REPORTS, "--crs", "EPSG:4326"], 2,
     lambda r: trygg.read_layer(REPORTS, crs="EPSG:4326"), trygg.UsageError),
    (["info", "data/town/reports.csv"], 1,
     lambda r: trygg.read_layer("data/town/reports.csv"), trygg.DataError),
    (["info", "data/town/no_such_file.geojson"], 1,
     lambda r: trygg.read_layer("data/town/no_such_file.geojson"), trygg.DataError),
]


@pytest.mark.parametrize("args,exit_code,call,error", CASES, ids=[" ".join(c[0][:1] + c[0][3:]) for c in CASES])
def test_python_message_is_the_cli_message_with_python_names(args, exit_code, call, error, trygg_exe, root,
                                                             reports, tmp_path, monkeypatch):
    args = [a.replace("{out}", str(tmp_path / "out")) for a in args]
    expected = python_names(cli_message(trygg_exe, root, args, exit_code))
    monkeypatch.chdir(root)
    with pytest.raises(error) as caught:
        call(reports)
    message = str(caught.value)
    assert message.startswith(expected)
    assert " --" not in message and not message.startswith("--")
    assert not list(tmp_path.iterdir())  # and the CLI wrote nothing


@pytest.mark.parametrize("call,error,message", [
    # Checks with no CLI twin (numpy input), or whose CLI form differs (days vs seconds).
    (lambda: trygg.dbscan(XY, 1, 2, times=np.zeros(4, "int64"), time_window=-1), trygg.UsageError,
     "time_window must be >= 0"),
    (lambda: trygg.dbscan(XY, 1, 2, times=np.zeros(4, "int64"), time_window="a day"), TypeError,
     "time_window must be seconds"),
    (lambda: trygg.dbscan(XY, 1, 2, time_window=5), trygg.UsageError, "time_window needs times"),
    (lambda: trygg.dbscan(XY, float("nan"), 2), trygg.UsageError, "eps must be a number > 0 (metres), got nan"),
    (lambda: trygg.dbscan(XY, 1, 2, weights=[1, 2]), trygg.UsageError, "weights has 2 entries for 4 points"),
    (lambda: trygg.dbscan(XY[:, :1], 1, 2), trygg.UsageError, "xy must be an (N, 2) array"),
    (lambda: trygg.kde(XY, 10, 1, extent=(0, 0, 1)), trygg.UsageError, "extent needs four finite numbers"),
    (lambda: trygg.kde(XY, 10, 1, extent=(5, 0, 1, 1)), trygg.UsageError, "extent is (xmin, ymin, xmax, ymax)"),
    (lambda: trygg.kde(XY, 10, 1, kernel="triangular", decay=float("inf")), trygg.UsageError,
     "decay must be a finite number"),
    (lambda: trygg.kde(XY, 10, 1, value="percent"), trygg.UsageError, "value 'percent': unknown; use raw or density"),
    (lambda: trygg.gistar(GI_XY, GI_VALUES), trygg.UsageError, "give the neighbourhood: distance"),
    (lambda: trygg.gistar(GI_XY, GI_VALUES, distance=-3), trygg.UsageError,
     "distance must be a positive number of metres, got -3"),
    (lambda: trygg.gistar(GI_XY, GI_VALUES, distance=15, weights="kernel"), trygg.UsageError,
     "weights 'kernel': unknown; use binary or row"),
    (lambda: trygg.gistar(GI_XY[:1], GI_VALUES[:1], distance=15), trygg.DataError,
     "Getis-Ord: Gi* needs at least 2 features, got 1"),
    (lambda: trygg.read_layer(REPORTS, kind="potholes"), trygg.UsageError, "unknown kind 'potholes'"),
    (lambda: trygg.read_layer(REPORTS, x_field="x"), trygg.UsageError, "x_field and y_field go together"),
    (lambda: trygg.read_layer(REPORTS, colour="red"), TypeError, "read_layer() got an unexpected keyword"),
    (lambda: trygg.dbscan(XY, "far", 2), TypeError, "incompatible function arguments"),
])
def test_python_only_checks(call, error, message, root, monkeypatch):
    monkeypatch.chdir(root)
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value).startswith(message) or message in str(caught.value)
    assert " --" not in str(caught.value)


def test_option_names_are_rewritten_only_at_word_starts(tmp_path):
    """A path with "--" in it is left as it is."""
    odd = tmp_path / "a--crs" / "x--time-format.geojson"
    with pytest.raises(trygg.DataError) as caught:
        trygg.read_layer(odd)
    assert str(odd) in str(caught.value)


def test_usage_and_data_errors_are_value_errors():
    assert issubclass(trygg.UsageError, ValueError) and issubclass(trygg.DataError, ValueError)
    assert not issubclass(trygg.UsageError, trygg.DataError)
