"""Conversions of trygg results to pandas and geopandas, imported only when asked for.

pandas and geopandas are optional: everything else in trygg works with numpy alone, so they are
imported inside the functions, and a missing one raises ImportError saying how to install it.
"""

_INSTALL_HINT = {
    "pandas": "python3-pandas",
    "geopandas": "python3-geopandas",
    "shapely": "python3-shapely",
}


def _require(module, what, fallback):
    """Import `module` for `what`, or raise ImportError naming the Debian package."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{what} needs {module}, which is not installed (Debian: apt install "
            f"{_INSTALL_HINT[module]}); {fallback} work without it") from error


def _column(pd, values, field_type):
    """One attribute column as pandas reads it from a file: date/times as datetime64."""
    if field_type == "date_time":
        try:
            return pd.to_datetime(pd.Series(values, dtype=object))
        except (ValueError, TypeError, OverflowError):
            return pd.Series(values, dtype=object)  # mixed offsets or odd forms: keep the text
    return pd.Series(values, dtype=object).infer_objects()


def layer_to_geopandas(layer):
    """The layer as a geopandas.GeoDataFrame in its working CRS.

    One row per accepted feature in layer order, one column per source attribute (date/time
    attributes as datetime64, integers with NULLs as float with NaN, as geopandas reads
    files) and a ``geometry`` column: Point, MultiLineString or MultiPolygon in metres (an
    attribute named "geometry" becomes "geometry_attribute").

    geopandas is imported only here; without it this raises ImportError (everything else in
    trygg works without geopandas).

    Returns
    -------
    geopandas.GeoDataFrame

    Examples
    --------
    >>> import trygg
    >>> gdf = trygg.read_layer("data/town/districts.geojson").to_geopandas()
    >>> gdf.crs.to_string(), list(gdf.columns)
    ('EPSG:3006', ['id', 'name', 'geometry'])
    """
    gpd = _require("geopandas", "Layer.to_geopandas()", "layer.__geo_interface__ and layer.xy")
    import pandas as pd
    import shapely.geometry

    features = layer.__geo_interface__["features"]
    geometry = [shapely.geometry.shape(f["geometry"]) if f["geometry"] else None for f in features]
    types = layer.field_types
    data = {name: _column(pd, values, types.get(name, "string")) for name, values in layer.attributes.items()}
    if "geometry" in data:  # a source attribute of that name: keep it under another name
        data["geometry_attribute"] = data.pop("geometry")
    frame = pd.DataFrame(data, index=pd.RangeIndex(len(features)))
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs=layer.working_crs), crs=layer.working_crs)
