"""trygg.coverage against `trygg coverage` on the sample town: the same summary (--json), the
same pieces, gaps and areas (read back from the CLI's GeoPackage with GDAL's own bindings),
bad input with the CLI's message, and the GIL released while computing."""
import numpy as np
import pytest

import trygg
from conftest import read_ogr_layer, releases_gil, run_cli_json

TOWN = "data/town/"


def cli_coverage(exe, root, out, *options):
    return run_cli_json(exe, root, ["coverage", "--walkways", TOWN + "walkways.geojson", "--lights",
                                    TOWN + "lights.geojson", "-o", out, *options])


@pytest.fixture(scope="module")
def full(town, trygg_exe, root, tmp_path_factory):
    """Every input at once, both ways."""
    out = tmp_path_factory.mktemp("coverage") / "c.gpkg"
    cli = cli_coverage(trygg_exe, root, out, "--cameras", TOWN + "cameras.geojson", "--buildings",
                       TOWN + "buildings.geojson", "--reports", TOWN + "reports.geojson", "--areas",
                       TOWN + "districts.geojson")
    result = trygg.coverage(town["walkways"], town["lights"], cameras=town["cameras"], buildings=town["buildings"],
                            reports=town["reports"], areas=town["districts"])
    return cli, out, result


def assert_same_lines(ours, theirs):
    """GeoJSON-like geometries equal to the last bit GeoPackage keeps (doubles: exactly)."""
    assert ours["type"] == theirs["type"]
    a = [np.asarray(part, float) for part in ours["coordinates"]]
    b = [np.asarray(part, float)[:, :2] for part in theirs["coordinates"]]
    assert len(a) == len(b)
    for x, y in zip(a, b):
        np.testing.assert_allclose(x, y, rtol=0, atol=1e-6)


def test_summary_equals_the_cli_json(full):
    cli, _, result = full
    assert result.summary == cli
    # Not vacuous: the town has lit and unlit, seen and unseen walkways, and districts.
    assert 0 < cli["lit_share"] < 1 and 0 < cli["seen_share"] < 1 and cli["gaps"] > 0
    assert len(cli["areas"]) == len(result.areas) > 0


def test_pieces_equal_the_cli_layer(full):
    _, out, result = full
    rows = read_ogr_layer(out, "walkway_pieces")
    pieces = result.pieces
    assert len(rows) == len(pieces) > 100
    for i, (attrs, geometry) in enumerate(rows):
        assert attrs["walkway_id"] == pieces.walkway_id[i]
        assert attrs["part"] == pieces.part[i]
        assert attrs["lit"] == int(pieces.lit[i]) and attrs["seen"] == int(pieces.seen[i])
        assert attrs["from_m"] == pytest.approx(pieces.from_m[i], abs=5e-4)
        assert attrs["length_m"] == pytest.approx(pieces.length_m[i], abs=1e-3)
        assert_same_lines(pieces.geometries[i], geometry)
    # The pieces add up to the totals, lit and seen alike.
    assert pieces.length_m.sum() == pytest.approx(result.summary["walkway_length_m"], abs=0.01)
    assert pieces.length_m[pieces.lit].sum() == pytest.approx(result.summary["lit_length_m"], abs=0.01)
    assert pieces.length_m[pieces.seen].sum() == pytest.approx(result.summary["seen_length_m"], abs=0.01)


def test_walkways_gaps_and_areas_equal_the_cli_layers(full):
    _, out, result = full
    rows = read_ogr_layer(out, "walkways")
    assert len(rows) == len(result.walkways)
    for i, (attrs, _) in enumerate(rows):
        assert attrs["lit_m"] == pytest.approx(result.walkways.lit_m[i], abs=5e-4)
        assert attrs["seen_m"] == pytest.approx(result.walkways.seen_m[i], abs=5e-4)
        if attrs["lit_share"] is None:
            assert np.isnan(result.walkways.lit_share[i])
        else:
            assert attrs["lit_share"] == pytest.approx(result.walkways.lit_share[i], abs=5e-5)

    rows = read_ogr_layer(out, "gaps")
    gaps = result.gaps
    assert len(rows) == len(gaps) > 10
    for i, (attrs, geometry) in enumerate(rows):
        assert attrs["rank"] == gaps.rank[i] == i + 1
        assert attrs["reports"] == gaps.reports[i]
        assert attrs["walkway_ids"] == gaps.walkway_ids[i]
        assert (attrs["names"] or "") == gaps.names[i]
        assert attrs["score"] == pytest.approx(gaps.score[i], abs=5e-4)
        assert_same_lines(gaps.geometries[i], geometry)

    for layer, table in (("lit_area", result.lit_area), ("seen_area", result.seen_area)):
        rows = read_ogr_layer(out, layer)
        assert len(rows) == len(table) > 0
        for i, (attrs, geometry) in enumerate(rows):
            assert attrs["area_m2"] == pytest.approx(table.area_m2[i], abs=5e-4)
            ours = table.geometries[i]["coordinates"]
            assert len(ours) == len(geometry["coordinates"])
            np.testing.assert_allclose(np.asarray(ours[0][0]), np.asarray(geometry["coordinates"][0][0])[:, :2],
                                       atol=1e-6)

    rows = read_ogr_layer(out, "area_summary")
    assert [a["area_id"] for a, _ in rows] == result.areas.area_id.tolist()
    for i, (attrs, _) in enumerate(rows):
        assert attrs["walkway_length_m"] == pytest.approx(result.areas.walkway_length_m[i], abs=5e-4)
        assert attrs["lit_m"] == pytest.approx(result.areas.lit_m[i], abs=5e-4)


def test_lux_model_and_clusters_equal_the_cli(town, trygg_exe, root, tmp_path):
    cli = cli_coverage(trygg_exe, root, tmp_path / "lux.gpkg", "--model", "lux", "--class", "P3",
                       "--clusters", TOWN + "districts.geojson")
    result = trygg.coverage(town["walkways"], town["lights"], model="lux", lux_class="P3",
                            clusters=town["districts"])
    assert result.summary == cli
    assert cli["model"] == "lux" and cli["min_lux"] == 1.5 and len(cli["clusters"]) > 0
    # A stricter threshold lights less.
    looser = trygg.coverage(town["walkways"], town["lights"], model="lux", lux_class="P6")
    assert looser.summary["lit_length_m"] > result.summary["lit_length_m"]


def test_to_geopandas_and_geo_interface(full):
    pytest.importorskip("geopandas")
    _, _, result = full
    gaps = result.to_geopandas("gaps")
    assert gaps.crs.to_string() == "EPSG:3006"
    assert list(gaps.columns) == ["rank", "length_m", "reports", "score", "walkway_ids", "names", "geometry"]
    # The geometry's own length is the gap's length.
    np.testing.assert_allclose(gaps.geometry.length.to_numpy(), result.gaps.length_m, rtol=1e-9)
    pieces = result.to_geopandas()
    np.testing.assert_allclose(pieces.geometry.length.to_numpy(), result.pieces.length_m, atol=1e-6)
    lit = result.to_geopandas("lit_area")
    # (shapely and the shoelace sum round differently at 6.6e6 m northings: 2e-6 relative)
    np.testing.assert_allclose(lit.geometry.area.to_numpy(), result.lit_area.area_m2, rtol=1e-5)
    fc = result.__geo_interface__
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(result.pieces)
    with pytest.raises(ValueError, match="clusters="):
        result.to_geopandas("cluster_coverage")


ERROR_CASES = [
    # CLI options, the Python keyword arguments, the Python message's start
    (["--light-radius", "-1"], dict(light_radius=-1), "light_radius must be a number > 0 (metres)"),
    (["--model", "lux", "--radius-from-height", "2"], dict(model="lux", radius_from_height=2),
     "radius_from_height is for model disc"),
    (["--model", "lux", "--class", "P9"], dict(model="lux", lux_class="P9"), "lux_class must be one of P1"),
    (["--min-lux", "2"], dict(min_lux=2), "lux_class and min_lux need model lux"),
    (["--min-gap", "-5"], dict(min_gap=-5), "min_gap must be >= 0 (metres)"),
    (["--buildings", TOWN + "buildings.geojson"], dict(buildings="buildings"), "buildings needs cameras"),
]


@pytest.mark.parametrize("options,kwargs,message", ERROR_CASES, ids=[" ".join(c[0][:2]) for c in ERROR_CASES])
def test_bad_options_raise_with_the_cli_message(options, kwargs, message, town, trygg_exe, root, tmp_path):
    import subprocess

    out = subprocess.run([trygg_exe, "coverage", "--walkways", TOWN + "walkways.geojson", "--lights",
                          TOWN + "lights.geojson", "-o", str(tmp_path / "x.gpkg"), *options],
                         cwd=root, capture_output=True, text=True)
    assert out.returncode == 2
    cli_line = out.stderr.strip().splitlines()[-1].split(": ", 1)[1]
    kwargs = {k: town[v] if k == "buildings" else v for k, v in kwargs.items()}
    with pytest.raises(trygg.UsageError) as caught:
        trygg.coverage(town["walkways"], town["lights"], **kwargs)
    assert str(caught.value).startswith(message)
    # The same sentence as the CLI's, option names written as Python arguments.
    expected = (cli_line.replace("--light-radius", "light_radius").replace("--radius-from-height", "radius_from_height")
                .replace("--model", "model").replace("--class", "lux_class").replace("--min-lux", "min_lux")
                .replace("--min-gap", "min_gap").replace("--buildings", "buildings").replace("--cameras", "cameras"))
    assert str(caught.value) == expected


def test_bad_layers_raise_type_and_data_errors(town):
    with pytest.raises(TypeError, match="lights must be a trygg.Layer"):
        trygg.coverage(town["walkways"], "data/town/lights.geojson")
    with pytest.raises(trygg.DataError, match="a walkway is not a line") as caught:
        trygg.coverage(town["lights"], town["lights"])
    assert "lights.geojson" in str(caught.value)  # names the source
    other = trygg.read_layer(town["lights"].source, kind="lights", crs="EPSG:3857")
    with pytest.raises(trygg.UsageError, match="different working CRSs"):
        trygg.coverage(town["walkways"], other)


def test_coverage_releases_the_gil(town):
    inside, seconds = releases_gil(lambda: trygg.coverage(town["walkways"], town["lights"], cameras=town["cameras"],
                                                          buildings=town["buildings"], reports=town["reports"]))
    assert seconds > 0.1, "too quick to tell"
    assert inside >= 10, f"no Python ran during the {seconds:.2f} s call: GIL held?"


def test_docstring_examples_run(root, monkeypatch):
    import doctest

    monkeypatch.chdir(root)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for obj in (trygg.coverage, trygg.place, trygg.route):
        assert "Parameters" in obj.__doc__ and "Examples" in obj.__doc__
        for test in finder.find(obj, obj.__name__, globs={"trygg": trygg, "np": np}):
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 12
    assert result.failed == 0


def test_one_thread_gives_the_same_lit_area(town, full):
    """The lit-area unions run on all cores by default; one thread gives the same polygons,
    vertex for vertex, in the same order."""
    _, _, result = full
    alone = trygg.coverage(town["walkways"], town["lights"], cameras=town["cameras"], buildings=town["buildings"],
                           reports=town["reports"], areas=town["districts"], threads=1)
    assert len(alone.lit_area) == len(result.lit_area) > 1
    assert alone.lit_area.geometries == result.lit_area.geometries
    assert alone.summary == result.summary
