"""Layer.to_geopandas() against geopandas' own reader (fiona/OGR) on the sample town: the same
rows, columns, values and geometries. The town is in EPSG:3006 already, so the working CRS is
the source CRS and no reprojection stands between the two."""
import numpy as np
import pytest

import trygg

gpd = pytest.importorskip("geopandas")
pd = pytest.importorskip("pandas")


@pytest.mark.parametrize("name,kind,geom_types", [
    ("reports", "reports", {"Point"}),
    ("districts", "areas", {"MultiPolygon"}),
    ("walkways", "walkways", {"MultiLineString"}),
    ("activities", "activities", {"Point", "MultiPolygon"}),
    ("lights", "lights", {"Point"}),
])
def test_to_geopandas_equals_geopandas_read_file(root, name, kind, geom_types):
    path = root / "data" / "town" / f"{name}.geojson"
    layer = trygg.read_layer(path, kind=kind)
    assert layer.rejected == {} and layer.working_crs == "EPSG:3006"
    ours = layer.to_geopandas()
    ref = gpd.read_file(path)

    assert isinstance(ours, gpd.GeoDataFrame)
    assert ours.crs == ref.crs == "EPSG:3006"
    assert list(ours.columns) == list(ref.columns)  # source attributes in order, then geometry
    assert len(ours) == len(ref) == len(layer)
    assert set(ours.geom_type) == geom_types
    # Geometry: the same shapes (ours are Multi* where the file has single parts).
    assert all(a.equals(b) for a, b in zip(ours.geometry, ref.geometry))
    assert np.allclose(ours.geometry.area, ref.geometry.area) and np.allclose(ours.geometry.length, ref.geometry.length)
    # Attributes: the same values and the same dtypes as geopandas reads them.
    for column in ref.columns.drop("geometry"):
        assert ours[column].dtype == ref[column].dtype, column
        pd.testing.assert_series_equal(ours[column], ref[column], check_names=True)


def test_to_geopandas_points_match_xy(reports):
    gdf = reports.to_geopandas()
    np.testing.assert_array_equal(np.column_stack([gdf.geometry.x, gdf.geometry.y]), reports.xy)
    assert gdf["date"].dtype.kind == "M"  # a date/time attribute becomes datetime64


def test_to_geopandas_reprojected(root):
    """In another working CRS the frame carries that CRS and the reprojected coordinates."""
    path = root / "data" / "town" / "stops.geojson"
    layer = trygg.read_layer(path, kind="stops", crs="EPSG:3857")
    ours = layer.to_geopandas()
    ref = gpd.read_file(path).to_crs("EPSG:3857")
    assert ours.crs == ref.crs
    assert np.abs(ours.geometry.x - ref.geometry.x).max() < 1e-3
    assert np.abs(ours.geometry.y - ref.geometry.y).max() < 1e-3
