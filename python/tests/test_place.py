"""trygg.place against `trygg place` on the sample town, both modes: the same summary
(--json), the same sites and covered stretches (read back from the CLI's GeoPackage with GDAL's
own bindings); arrays and layers give the same choice; a hand-checked small case; bad input
with the CLI's message."""
import re
import subprocess

import numpy as np
import pytest

import trygg
from conftest import read_ogr_layer, releases_gil, run_cli_json

TOWN = "data/town/"


def test_lights_mode_equals_the_cli(town, trygg_exe, root, tmp_path):
    out = tmp_path / "p.gpkg"
    cli = run_cli_json(trygg_exe, root, ["place", "--walkways", TOWN + "walkways.geojson", "--lights",
                                         TOWN + "lights.geojson", "--reports", TOWN + "reports.geojson",
                                         "--count", "8", "-o", out])
    result = trygg.place(8, walkways=town["walkways"], lights=town["lights"], reports=town["reports"])
    assert result.summary == cli
    assert len(cli["sites"]) == 8 and cli["newly_lit_m"] > 0

    rows = read_ogr_layer(out, "sites")
    sites = result.sites
    assert [a["id"] for a, _ in rows] == sites.id.tolist()
    for i, (attrs, geometry) in enumerate(rows):
        assert attrs["rank"] == sites.rank[i]
        assert attrs["walkway"] == sites.walkway[i]
        assert attrs["new_lit_m"] == pytest.approx(sites.new_lit_m[i], abs=5e-4)
        assert attrs["offset_m"] == pytest.approx(sites.offset_m[i], abs=5e-4)
        np.testing.assert_allclose(geometry["coordinates"][:2], sites.geometries[i]["coordinates"], atol=1e-6)
    # Each site's newly lit length is the length of its covered stretches.
    covered = result.covered
    for rank, new in zip(sites.rank, sites.new_lit_m):
        assert covered.length_m[covered.site_rank == rank].sum() == pytest.approx(new, abs=1e-9)

    rows = read_ogr_layer(out, "covered")
    assert len(rows) == len(covered) > 8
    for i, (attrs, geometry) in enumerate(rows):
        assert attrs["site_rank"] == covered.site_rank[i]
        assert attrs["walkway"] == covered.walkway[i]
        assert attrs["from_m"] == pytest.approx(covered.from_m[i], abs=5e-4)
        assert attrs["weight"] == pytest.approx(covered.weight[i], abs=5e-4)
        np.testing.assert_allclose(np.asarray(geometry["coordinates"][0])[:, :2],
                                   np.asarray(covered.geometries[i]["coordinates"][0]), atol=1e-6)


def test_cameras_mode_equals_the_cli(town, trygg_exe, root, tmp_path):
    out = tmp_path / "cams.gpkg"
    cli = run_cli_json(trygg_exe, root, ["place", "--for", "cameras", "--walkways", TOWN + "walkways.geojson",
                                         "--cameras", TOWN + "cameras.geojson", "--buildings",
                                         TOWN + "buildings.geojson", "--reports", TOWN + "reports.geojson",
                                         "--count", "4", "-o", out])
    result = trygg.place(4, for_="cameras", walkways=town["walkways"], cameras=town["cameras"],
                         buildings=town["buildings"], reports=town["reports"])
    assert result.summary == cli
    assert cli["mode"] == "cameras" and cli["newly_seen_m"] > 0
    rows = read_ogr_layer(out, "sites")
    assert [a["id"] for a, _ in rows] == result.sites.id.tolist()
    for i, (attrs, _) in enumerate(rows):
        assert attrs["new_seen_m" if "new_seen_m" in attrs else "new_lit_m"] == pytest.approx(
            result.sites.new_seen_m[i], abs=5e-4)
    assert len(read_ogr_layer(out, "covered")) == len(result.covered)


def test_classic_mode_equals_the_cli(town, trygg_exe, root, tmp_path):
    # Demand: the reports (weighted by severity); candidates: the bus stops.
    cli = run_cli_json(trygg_exe, root, ["place", "--demand", TOWN + "reports.geojson", "--candidates",
                                         TOWN + "stops.geojson", "--radius", "300", "--count", "5",
                                         "-o", tmp_path / "c.gpkg"])
    by_layer = trygg.place(5, demand=town["reports"], candidates=town["stops"], radius=300)
    assert by_layer.summary == cli
    assert by_layer.mode == "classic" and len(by_layer) == 5
    # The same problem as arrays: the same sites (ids are then positions) and figures.
    by_array = trygg.place(5, demand=town["reports"].xy, weights=town["reports"].weights,
                           candidates=town["stops"].xy, radius=300)
    assert by_array.sites.candidate.tolist() == by_layer.sites.candidate.tolist()
    assert by_array.sites.id.tolist() == [str(c) for c in by_layer.sites.candidate]
    np.testing.assert_array_equal(by_array.sites.gain, by_layer.sites.gain)
    assert town["stops"].ids[by_array.sites.candidate].tolist() == [s["id"] for s in cli["sites"]]


def test_classic_mode_by_hand():
    # Two groups of demand; the right-hand group weighs more, so one site goes there, and the
    # second site covers the left-hand group. A site covers what is within 10 m (inclusive).
    demand = np.array([[0, 0], [10, 0], [100, 0], [110, 0], [105, 5]], float)
    weights = np.array([1, 1, 1, 1, 2], float)
    candidates = np.array([[5, 0], [105, 0], [50, 0], [0, 0]], float)
    result = trygg.place(2, demand=demand, weights=weights, candidates=candidates, radius=10)
    assert result.sites.id.tolist() == ["1", "0"]
    assert result.sites.gain.tolist() == [4.0, 2.0]
    assert result.summary["covered_share"] == 1.0
    # With costs and a budget of 3 only the cheap site fits.
    result = trygg.place(demand=demand, weights=weights, candidates=candidates, radius=10,
                         costs=[1, 5, 1, 1], budget=3)
    assert result.sites.id.tolist()[0] in ("0", "3")
    assert result.summary["total_cost"] <= 3


ERROR_CASES = [
    (["--walkways", TOWN + "walkways.geojson", "--lights", TOWN + "lights.geojson", "--count", "3",
      "--spacing", "-1"],
     lambda t: trygg.place(3, walkways=t["walkways"], lights=t["lights"], spacing=-1)),
    (["--walkways", TOWN + "walkways.geojson", "--lights", TOWN + "lights.geojson"],
     lambda t: trygg.place(walkways=t["walkways"], lights=t["lights"])),
    (["--demand", TOWN + "reports.geojson", "--candidates", TOWN + "stops.geojson", "--count", "3"],
     lambda t: trygg.place(3, demand=t["reports"], candidates=t["stops"])),
    (["--for", "cameras", "--walkways", TOWN + "walkways.geojson", "--count", "3", "--camera-range", "0"],
     lambda t: trygg.place(3, for_="cameras", walkways=t["walkways"], camera_range=0)),
]


@pytest.mark.parametrize("args,call", ERROR_CASES, ids=["spacing", "no count", "no radius", "camera range"])
def test_bad_input_raises_with_the_cli_message(args, call, town, trygg_exe, root, tmp_path):
    out = subprocess.run([trygg_exe, "place", *args, "-o", str(tmp_path / "x.gpkg")], cwd=root,
                         capture_output=True, text=True)
    assert out.returncode == 2
    cli_line = out.stderr.strip().splitlines()[-1].split(": ", 1)[1]
    with pytest.raises(trygg.UsageError) as caught:
        call(town)
    # The CLI's sentence with --option-name written option_name.
    assert str(caught.value) == re.sub(r"(?<![^\s'\"(])--([a-z][a-z0-9-]*)",
                                       lambda m: m.group(1).replace("-", "_"), cli_line)
    assert not list(tmp_path.iterdir())


def test_place_releases_the_gil(town):
    # 200 sites among candidates every 5 m, 1 m demand pieces: about 1 s of CPU.
    inside, seconds = releases_gil(lambda: trygg.place(200, walkways=town["walkways"], lights=town["lights"],
                                                       reports=town["reports"], spacing=5, sample=1))
    assert seconds > 0.1, "too quick to tell"
    assert inside >= 10, f"no Python ran during the {seconds:.2f} s call: GIL held?"
