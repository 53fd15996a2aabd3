"""trygg.nearby against `trygg nearby` on the sample town: the same pairs in the same order,
the same distances, the same stops off the network; and the table as pandas / geopandas."""
import csv
import json
import subprocess

import numpy as np
import pytest

import trygg


@pytest.fixture(scope="module")
def town(root):
    town = root / "data" / "town"
    return (trygg.read_layer(town / "walkways.geojson", kind="walkways"),
            trygg.read_layer(town / "stops.geojson", kind="stops"),
            trygg.read_layer(town / "activities.geojson", kind="activities"))


@pytest.fixture(scope="module")
def cli_nearby(trygg_exe, root, tmp_path_factory):
    """`trygg nearby --max-walk 5`: the links layer, the --list-csv rows and the --json summary."""
    out = tmp_path_factory.mktemp("nearby")
    town = root / "data" / "town"
    run = subprocess.run([trygg_exe, "nearby", "--walkways", str(town / "walkways.geojson"),
                          "--stops", str(town / "stops.geojson"), "--activities", str(town / "activities.geojson"),
                          "--max-walk", "5", "-o", str(out / "n.geojson"), "--list-csv", str(out / "list.csv"),
                          "--json", "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    links = json.loads((out / "n_links.geojson").read_text())["features"]
    with open(out / "list.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return links, rows, json.loads(run.stdout), json.loads((out / "n_areas.geojson").read_text())["features"]


def half_up(x):
    return np.floor(np.asarray(x) + 0.5).astype(int)  # C++ llround for the positive distances


def test_nearby_equals_the_cli(town, cli_nearby):
    links, rows, summary, _ = cli_nearby
    result = trygg.nearby(*town, max_walk=5)
    assert len(result) == len(links) == len(rows) == summary["links"] > 100
    assert result.limit_m == pytest.approx(summary["limit_m"]) and result.limit_m == pytest.approx(5 * 60 * 1.3)

    # The links layer: the same pairs in the same order, distances as written (0.01 m).
    props = [f["properties"] for f in links]
    assert result.stop_id.tolist() == [p["stop_id"] for p in props]
    assert result.activity_id.tolist() == [p["activity_id"] for p in props]
    assert result.activity_name.tolist() == [p["activity_name"] for p in props]
    assert result.category.tolist() == [p["category"] for p in props]
    np.testing.assert_allclose(result.distance_m, [p["distance_m"] for p in props], atol=0.0051)
    np.testing.assert_allclose(result.network_m, [p["network_m"] for p in props], atol=0.0051)
    np.testing.assert_allclose(result.minutes, [p["minutes"] for p in props], atol=0.0051)
    cli_lines = np.array([f["geometry"]["coordinates"][0] if f["geometry"]["type"] == "MultiLineString"
                          else f["geometry"]["coordinates"] for f in links], float)
    np.testing.assert_allclose(result.links(), cli_lines, atol=1e-3)

    # The printable list (--list-csv): whole metres and minutes.
    assert [r["stop_name"] for r in rows] == result.stop_name.tolist()
    assert [int(r["distance_m"]) for r in rows] == half_up(result.distance_m).tolist()
    # (the list shows a walk under half a minute as 1 min)
    assert [int(r["minutes"]) for r in rows] == np.maximum(1, half_up(result.minutes)).tolist()

    # What could not be placed, and the network.
    assert result.stops_not_on_network == summary["stops_not_on_network"]
    assert result.activities_not_on_network == summary["activities_not_on_network"]
    assert result.stops_on_tiny_component == summary["stops_on_tiny_component"]
    for key in ("edges", "nodes", "components", "lines_used", "left_out", "crossing_vertices_added"):
        assert result.network[key] == summary["network"][key], key

    # Per stop: the count and the nearest of each category, as the --json summary has them.
    for stop in summary["per_stop"]:
        mine = result.stop_id == stop["id"]
        assert mine.sum() == stop["activities"]
        for category, s in stop["categories"].items():
            these = mine & (result.category == category)
            assert these.sum() == s["count"]
            nearest = np.flatnonzero(these)[0]  # rows are by distance within a stop
            assert result.activity_id[nearest] == s["nearest"]
            assert result.distance_m[nearest] == pytest.approx(s["distance_m"], abs=0.051)


def test_nearby_distances_grow_with_the_limit_and_respect_it(town):
    short = trygg.nearby(*town, max_distance=200)
    long = trygg.nearby(*town, max_distance=600)
    assert 0 < len(short) < len(long)
    assert short.distance_m.max() <= 200 and long.distance_m.max() <= 600
    assert (short.network_m <= short.distance_m + 1e-9).all()
    # Every pair within 200 m is also within 600 m, at the same distance.
    pairs = dict(zip(zip(long.stop_index.tolist(), long.activity_index.tolist()), long.distance_m.tolist()))
    for key, d in zip(zip(short.stop_index.tolist(), short.activity_index.tolist()), short.distance_m.tolist()):
        assert pairs[key] == pytest.approx(d)
    # Walking is never shorter than the straight line between the stop and a point activity.
    walkways, stops, activities = town
    straight = np.hypot(*(stops.xy[long.stop_index] - activities.xy[long.activity_index]).T)
    is_point = np.array([f["geometry"]["type"] == "Point" for f in activities.__geo_interface__["features"]])
    assert (long.distance_m[is_point[long.activity_index]] >= straight[is_point[long.activity_index]] - 1e-6).all()


def test_nearby_threads_do_not_change_the_result(town):
    a = trygg.nearby(*town, max_walk=5, threads=1)
    b = trygg.nearby(*town, max_walk=5, threads=2)
    np.testing.assert_array_equal(a.distance_m, b.distance_m)
    np.testing.assert_array_equal(a.activity_index, b.activity_index)


def test_nearby_to_dataframe_and_geopandas(town):
    pd = pytest.importorskip("pandas")
    result = trygg.nearby(*town, max_walk=5)
    table = result.to_dataframe()
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == ["stop_id", "stop_name", "activity_id", "activity_name", "category",
                                   "distance_m", "network_m", "minutes"]
    assert len(table) == len(result)
    np.testing.assert_array_equal(table.distance_m.to_numpy(), result.distance_m)
    nearest = table.groupby(["stop_id", "category"]).distance_m.min()
    assert (nearest > 0).all() and len(nearest) > 0

    gpd = pytest.importorskip("geopandas")
    frame = result.to_geopandas()
    assert isinstance(frame, gpd.GeoDataFrame) and frame.crs == "EPSG:3006"
    assert list(frame.columns) == list(table.columns) + ["geometry"]
    ends = result.links()
    np.testing.assert_allclose(frame.geometry.length, np.hypot(*(ends[:, 1] - ends[:, 0]).T))
    gi = result.__geo_interface__
    assert len(gi["features"]) == len(result) and gi["features"][0]["properties"]["stop_id"] == result.stop_id[0]


@pytest.mark.parametrize("kwargs,error,message", [
    (dict(max_walk=0), trygg.UsageError, "max_walk must be a number of minutes > 0"),
    (dict(max_distance=-5), trygg.UsageError, "max_distance must be > 0 (metres)"),
    (dict(speed=20), trygg.UsageError, "speed must be a walking speed in m/s, > 0 and <= 10"),
    (dict(max_snap=float("nan")), trygg.UsageError, "max_snap must be >= 0 (metres)"),
])
def test_nearby_bad_parameters(town, kwargs, error, message):
    with pytest.raises(error) as caught:
        trygg.nearby(*town, **kwargs)
    assert str(caught.value).startswith(message)


def test_nearby_bad_layers(town, root):
    walkways, stops, activities = town
    with pytest.raises(TypeError, match="stops must be a trygg.Layer"):
        trygg.nearby(walkways, stops.xy, activities)
    other = trygg.read_layer(root / "data" / "town" / "stops.geojson", kind="stops", crs="EPSG:3857")
    with pytest.raises(trygg.UsageError, match="different working CRSs"):
        trygg.nearby(walkways, other, activities)
    with pytest.raises(trygg.DataError, match="no walkable lines"):
        trygg.nearby(stops, stops, activities)  # a point layer has no lines


def ring_area(ring):
    """Shoelace area, about the ring's first vertex (national grid coordinates are ~6.6e6 m:
    without the shift the products lose the square metres)."""
    xy = np.asarray(ring, float)
    x, y = (xy - xy[0]).T
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def polygons_area(multipolygon):
    return sum(ring_area(rings[0]) - sum(ring_area(h) for h in rings[1:]) for rings in multipolygon["coordinates"])


def test_walking_areas_equal_the_cli(town, cli_nearby):
    """area_buffer=25 gives the CLI's default `areas` layer: the same stops, network lengths and
    areas, and polygons whose own area (shoelace, here) is the reported one."""
    areas = cli_nearby[3]
    result = trygg.nearby(*town, max_walk=5, area_buffer=25)
    assert trygg.nearby(*town, max_walk=5).areas is None
    table = result.areas
    props = [f["properties"] for f in areas]
    assert len(table) == len(areas) > 10
    assert table.stop_id.tolist() == [p["stop_id"] for p in props]
    np.testing.assert_allclose(table.network_m, [p["network_m"] for p in props], atol=0.051)
    np.testing.assert_allclose(table.area_m2, [p["area_m2"] for p in props], atol=0.51)
    np.testing.assert_allclose(table.minutes, [p["minutes"] for p in props], atol=0.0051)
    own = [polygons_area(g) for g in table.geometries]
    np.testing.assert_allclose(own, table.area_m2, rtol=1e-9)
    cli_own = [polygons_area(f["geometry"]) if f["geometry"]["type"] == "MultiPolygon"
               else polygons_area({"coordinates": [f["geometry"]["coordinates"]]}) for f in areas]
    np.testing.assert_allclose(own, cli_own, rtol=1e-6)
    # Each area holds its stop (the walk from the stop to the network is part of it).
    shapely_geometry = pytest.importorskip("shapely.geometry")
    stops = town[1]
    position = {sid: i for i, sid in enumerate(stops.ids.tolist())}
    for sid, geometry in zip(table.stop_id.tolist(), table.geometries):
        x, y = stops.xy[position[sid]]
        assert shapely_geometry.shape(geometry).buffer(1e-6).contains(shapely_geometry.Point(x, y)), sid


def test_bad_area_buffer_is_a_usage_error(town):
    with pytest.raises(trygg.UsageError, match="area_buffer"):
        trygg.nearby(*town, area_buffer=-1)
