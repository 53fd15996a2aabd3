"""trygg.read_layer and trygg.Layer against the CLI on the sample town."""
import json
import subprocess
import sys

import numpy as np
import pytest

import trygg


def test_reports_count_crs_and_kind(reports):
    assert len(reports) == 5000
    assert reports.feature_count == 5000
    assert reports.working_crs == "EPSG:3006"
    assert reports.kind == "reports"
    assert reports.rejected == {}
    assert reports.xy.shape == (5000, 2)
    assert reports.xy.dtype == np.float64
    # SWEREF 99 TM metres, not degrees.
    assert 500_000 < reports.xy[:, 0].min() < reports.xy[:, 0].max() < 700_000
    assert 6_500_000 < reports.xy[:, 1].min() < 6_700_000


def test_same_as_trygg_info(reports, reports_path, root, trygg_exe):
    out = subprocess.run([trygg_exe, "info", str(reports_path), "--json"], check=True,
                         capture_output=True, text=True, cwd=root).stdout
    info = json.loads(out)["layers"][0]
    assert info["accepted"] == len(reports)
    assert info["working_crs"] == reports.working_crs
    cats, counts = np.unique(reports.categories, return_counts=True)
    assert dict(zip(cats.tolist(), counts.tolist())) == info["categories"]
    assert info["categories"]  # the sample has categories: the comparison is not vacuous
    first, last = info["time_span"]
    assert str(reports.times.min()) + "Z" == first
    assert str(reports.times.max()) + "Z" == last
    assert reports.mapped_fields == {role: field for role, field in info["fields"].items()}


def test_columns(reports):
    assert reports.times.dtype == np.dtype("datetime64[s]")
    assert not np.isnat(reports.times).any()
    assert reports.weights.dtype == np.float64 and reports.weights.shape == (5000,)
    # The sample maps severity as the weight.
    assert reports.weights.tolist() == [float(s) for s in reports.attributes["severity"]]
    assert len(reports.ids) == 5000 and len(set(reports.ids.tolist())) == 5000
    assert set(reports.attributes) >= {"id", "category", "date", "severity"}
    assert all(len(v) == 5000 for v in reports.attributes.values())
    assert "klotter" in set(reports.raw_categories.tolist()) or "graffiti" in set(reports.categories.tolist())


def test_geo_interface(reports):
    gi = reports.__geo_interface__
    assert gi["type"] == "FeatureCollection"
    assert len(gi["features"]) == 5000
    f = gi["features"][0]
    assert f["type"] == "Feature"
    assert f["geometry"]["type"] == "Point"
    assert f["geometry"]["coordinates"] == pytest.approx(tuple(reports.xy[0]))
    assert f["properties"]["category"] == reports.attributes["category"][0]
    assert gi["crs"]["properties"]["name"] == "EPSG:3006"


def test_areas_give_centroids(root):
    districts = trygg.read_layer(root / "data" / "town" / "districts.geojson", kind="areas")
    assert districts.kind == "areas"
    assert len(districts) == 4
    xy = districts.xy
    assert xy.shape == (4, 2)
    for (x, y), feature in zip(xy, districts.__geo_interface__["features"]):
        assert feature["geometry"]["type"] == "MultiPolygon"
        ring = np.array(feature["geometry"]["coordinates"][0][0])
        assert ring[:, 0].min() < x < ring[:, 0].max()
        assert ring[:, 1].min() < y < ring[:, 1].max()


def test_field_override_and_crs(reports_path):
    # The severity column as the category: categories become its values as text.
    layer = trygg.read_layer(reports_path, category_field="severity", weight_field=None, crs="EPSG:3857")
    assert layer.working_crs == "EPSG:3857"
    assert set(layer.raw_categories.tolist()) <= {"1", "2", "3", "4", "5"}
    assert (layer.weights == 1.0).all()


def test_to_geopandas_without_geopandas(reports, monkeypatch):
    monkeypatch.setitem(sys.modules, "geopandas", None)  # import geopandas now fails
    with pytest.raises(ImportError, match="needs geopandas"):
        reports.to_geopandas()


def test_bad_input_raises(reports_path, tmp_path):
    with pytest.raises(ValueError):
        trygg.read_layer(tmp_path / "missing.geojson")
    with pytest.raises(trygg.DataError):
        trygg.read_layer(tmp_path / "missing.geojson")
    with pytest.raises(ValueError, match="unknown kind"):
        trygg.read_layer(reports_path, kind="potholes")
    with pytest.raises(trygg.UsageError, match="no_such_column"):
        trygg.read_layer(reports_path, category_field="no_such_column")
    with pytest.raises(TypeError, match="unexpected keyword"):
        trygg.read_layer(reports_path, colour="red")
    lines = trygg.read_layer(reports_path.parent / "walkways.geojson", kind="walkways") \
        if (reports_path.parent / "walkways.geojson").exists() else None
    if lines is not None:
        with pytest.raises(ValueError, match="lines"):
            _ = lines.xy


def test_csv_needs_src_crs(reports, root):
    csv = root / "data" / "town" / "reports.csv"
    with pytest.raises(trygg.DataError, match="give it with src_crs"):
        trygg.read_layer(csv)
    layer = trygg.read_layer(csv, src_crs="EPSG:3006")
    assert len(layer) == len(reports) and layer.working_crs == "EPSG:3006"
    assert sorted(layer.categories.tolist()) == sorted(reports.categories.tolist())
