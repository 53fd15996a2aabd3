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


class Table:
    """A result table: numpy columns of equal length and, per row, a GeoJSON-like geometry.

    Columns are attributes (``table.length_m``) and items (``table["length_m"]``); ``len(table)``
    is the number of rows. ``to_dataframe()`` gives a pandas.DataFrame, ``to_geopandas()`` a
    geopandas.GeoDataFrame in the working CRS, and ``__geo_interface__`` a FeatureCollection.
    """

    def __init__(self, name, columns, geometries, working_crs):
        self.name = name
        self.columns = list(columns)
        self._data = dict(columns)
        self.geometries = geometries  # list of GeoJSON-like dicts, one per row
        self.working_crs = working_crs

    def __len__(self):
        return len(self.geometries)

    def __getitem__(self, column):
        return self._data[column]

    def __getattr__(self, column):
        data = self.__dict__.get("_data")
        if data is not None and column in data:
            return data[column]
        raise AttributeError(f"table '{self.__dict__.get('name')}' has no column '{column}'")

    def __repr__(self):
        return f"<trygg.Table {self.name}: {len(self)} rows, columns {', '.join(self.columns)}>"

    @property
    def __geo_interface__(self):
        features = []
        for i, geometry in enumerate(self.geometries):
            props = {name: _scalar(self._data[name][i]) for name in self.columns}
            features.append({"type": "Feature", "id": i, "geometry": geometry, "properties": props})
        return {"type": "FeatureCollection", "features": features,
                "crs": {"type": "name", "properties": {"name": self.working_crs}}}

    def to_dataframe(self):
        """The columns as a pandas.DataFrame (no geometry)."""
        pd = _require("pandas", "Table.to_dataframe()", "the table's numpy columns")
        return pd.DataFrame({name: self._data[name] for name in self.columns}, index=pd.RangeIndex(len(self)))

    def to_geopandas(self):
        """The table as a geopandas.GeoDataFrame in the working CRS."""
        gpd = _require("geopandas", "Table.to_geopandas()", "to_dataframe() and the numpy columns")
        import shapely.geometry

        frame = self.to_dataframe()
        shapes = [shapely.geometry.shape(g) if g else None for g in self.geometries]
        return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(shapes, crs=self.working_crs), crs=self.working_crs)


def _scalar(value):
    """A numpy scalar as the Python value (for JSON-like properties)."""
    return value.item() if hasattr(value, "item") else value


def multi_line(lines):
    """(N, 2) arrays as a GeoJSON-like MultiLineString."""
    return {"type": "MultiLineString", "coordinates": [line.tolist() for line in lines]}


def multi_polygon(polygons):
    """Lists of rings ((N, 2) arrays) as a GeoJSON-like MultiPolygon."""
    return {"type": "MultiPolygon", "coordinates": [[ring.tolist() for ring in rings] for rings in polygons]}


def shares(part, whole):
    """part / whole per row, NaN where whole is 0 (the CLI writes NULL there)."""
    import numpy as np

    part = np.asarray(part, dtype=float)
    whole = np.asarray(whole, dtype=float)
    out = np.full(part.shape, np.nan)
    np.divide(part, whole, out=out, where=whole > 0)
    return out
