"""trygg.route against `trygg route` on the sample town: the same summary (--json) for one
pair, for many pairs and for lon/lat ends; the same route lines and dark stretches (read back
from the CLI's GeoPackage with GDAL's own bindings); bad input with the CLI's message; the GIL
released."""
import subprocess

import numpy as np
import pytest

import trygg
from conftest import read_ogr_layer, releases_gil, run_cli_json

TOWN = "data/town/"
FROM = (569627.42, 6608414.12)  # two bus stops; the safe route between them is another one
TO = (570187.57, 6609172.12)
LAYERS = ["--walkways", TOWN + "walkways.geojson", "--lights", TOWN + "lights.geojson", "--cameras",
          TOWN + "cameras.geojson", "--buildings", TOWN + "buildings.geojson", "--reports", TOWN + "reports.geojson"]


def xy(p):
    return f"{p[0]},{p[1]}"


def everything(town):
    return dict(lights=town["lights"], cameras=town["cameras"], buildings=town["buildings"], reports=town["reports"])


def test_one_pair_equals_the_cli(town, trygg_exe, root, tmp_path):
    out = tmp_path / "r.gpkg"
    cli = run_cli_json(trygg_exe, root, ["route", *LAYERS, "--point-crs", "EPSG:3006", "--from", xy(FROM),
                                         "--to", xy(TO), "--w-dark", "3", "-o", out])
    result = trygg.route(town["walkways"], FROM, TO, w_dark=3, **everything(town))
    assert result.summary == cli
    # Not vacuous: the safe route is another, longer and better lit one.
    assert cli["safe"]["detour_pct"] > 0 and cli["safe"]["lit_share"] > cli["shortest"]["lit_share"]

    rows = read_ogr_layer(out, "routes")
    assert [(a["pair_id"], a["kind"]) for a, _ in rows] == [("1", "shortest"), ("1", "safe")]
    for (attrs, geometry), route in zip(rows, (result.shortest, result.safe)):
        assert attrs["cost"] == pytest.approx(route.cost, abs=5e-3)
        np.testing.assert_allclose(np.asarray(geometry["coordinates"][0])[:, :2], route.line, atol=1e-6)
        # The line's own length is the route's length.
        assert np.hypot(*np.diff(route.line, axis=0).T).sum() == pytest.approx(route.length_m, rel=1e-9)
    rows = read_ogr_layer(out, "dark_stretches")
    dark = result.dark_stretches
    assert len(rows) == len(dark) > 0
    for i, (attrs, geometry) in enumerate(rows):
        assert (attrs["kind"], attrs["from_m"]) == (dark.kind[i], pytest.approx(dark.from_m[i], abs=5e-3))
        np.testing.assert_allclose(np.asarray(geometry["coordinates"][0])[:, :2],
                                   np.asarray(dark.geometries[i]["coordinates"][0]), atol=1e-6)


def test_many_pairs_and_lonlat_equal_the_cli(town, trygg_exe, root, tmp_path):
    starts = np.array([FROM, (568900.0, 6609200.0), (569400.0, 6608900.0)])
    ends = np.array([TO, (569300.0, 6608700.0), (568950.0, 6609400.0)])
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("from_x,from_y,to_x,to_y\n" + "".join(f"{a[0]},{a[1]},{b[0]},{b[1]}\n"
                                                            for a, b in zip(starts, ends)))
    cli = run_cli_json(trygg_exe, root, ["route", "--walkways", TOWN + "walkways.geojson", "--lights",
                                         TOWN + "lights.geojson", "--point-crs", "EPSG:3006", "--pairs", pairs,
                                         "-o", tmp_path / "r.gpkg"])
    result = trygg.route(town["walkways"], starts, ends, lights=town["lights"])
    assert result.summary == cli
    assert len(result) == 3 and [p.id for p in result.pairs] == ["1", "2", "3"]
    assert len(result.routes) == 6

    # Ends given as lon/lat (the CLI's default) snap to the same places.
    lon_lat = ("16.225727,59.610033", "16.226321,59.617985")
    cli = run_cli_json(trygg_exe, root, ["route", "--walkways", TOWN + "walkways.geojson", "--from", lon_lat[0],
                                         "--to", lon_lat[1], "-o", tmp_path / "ll.gpkg"])
    result = trygg.route(town["walkways"], [16.225727, 59.610033], [16.226321, 59.617985], point_crs="EPSG:4326")
    assert result.summary == cli
    # Without lights the walkways' lit attribute decides, and nothing is seen (w_unseen unused).
    assert result.lights_used is None and result.weights["unseen"] == 0.0


def test_to_geopandas(town):
    pytest.importorskip("geopandas")
    result = trygg.route(town["walkways"], FROM, TO, lights=town["lights"])
    routes = result.to_geopandas()
    assert routes.kind.tolist() == ["shortest", "safe"] and routes.crs.to_string() == "EPSG:3006"
    np.testing.assert_allclose(routes.geometry.length.to_numpy(), routes.length_m.to_numpy(), rtol=1e-9)
    dark = result.to_geopandas("dark_stretches")
    np.testing.assert_allclose(dark.geometry.length.to_numpy(), dark.length_m.to_numpy(), atol=1e-6)


def cli_error(exe, root, args, code):
    out = subprocess.run([exe, "route", *args], cwd=root, capture_output=True, text=True)
    assert out.returncode == code, out.stderr
    return out.stderr.strip().splitlines()[-1].split(": ", 1)[1]


def test_bad_input_raises_with_the_cli_message(town, trygg_exe, root, tmp_path):
    base = ["--walkways", TOWN + "walkways.geojson", "--point-crs", "EPSG:3006", "-o", str(tmp_path / "x.gpkg")]
    # A bad weight.
    cli = cli_error(trygg_exe, root, [*base, "--from", xy(FROM), "--to", xy(TO), "--w-dark", "-1"], 2)
    with pytest.raises(trygg.UsageError) as caught:
        trygg.route(town["walkways"], FROM, TO, w_dark=-1)
    assert str(caught.value) == cli.replace("--w-dark", "w_dark") == "w_dark must be a number >= 0"
    # An end far from every walkway: the same sentence after the end's label.
    far = (FROM[0] + 5000, FROM[1])
    cli = cli_error(trygg_exe, root, [*base, "--from", xy(far), "--to", xy(TO)], 1)
    with pytest.raises(trygg.DataError) as caught:
        trygg.route(town["walkways"], far, TO)
    label, rest = str(caught.value).split(": ", 1)
    assert label == "from_xy"
    assert rest == cli.split(": ", 1)[1].replace("--max-snap", "max_snap")
    assert rest.startswith("the nearest walkway is") and "more than max_snap 100 m" in rest
    # Buildings without cameras.
    with pytest.raises(trygg.UsageError, match="buildings needs cameras"):
        trygg.route(town["walkways"], FROM, TO, buildings=town["buildings"])
    with pytest.raises(trygg.UsageError, match="from_xy must be an"):
        trygg.route(town["walkways"], [1, 2, 3], TO)


def test_route_releases_the_gil(town):
    stops = town["stops"].xy
    rng = np.random.default_rng(1)
    starts, ends = stops[rng.integers(0, len(stops), 1000)], stops[rng.integers(0, len(stops), 1000)]  # ~0.5 s
    inside, seconds = releases_gil(lambda: trygg.route(town["walkways"], starts, ends, **everything(town)))
    assert seconds > 0.1, "too quick to tell"
    assert inside >= 10, f"no Python ran during the {seconds:.2f} s call: GIL held?"
