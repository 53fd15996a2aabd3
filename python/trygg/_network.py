"""trygg.nearby and its result: the Python face of the walking-network searches."""
import numpy as np

from . import _frames
from ._trygg import Layer, _nearby


class NearbyResult:
    """Every (stop, activity) pair within the walking limit, as returned by :func:`nearby`.

    One row per pair, ordered by stop (in the stops layer's order), then by walking distance
    (ties by activity order) - the rows of ``trygg nearby --list-csv``, unrounded.

    Attributes
    ----------
    stop_index, activity_index : numpy.ndarray of int64
        Positions of the stop and the activity in their layers.
    stop_id, stop_name, activity_id, activity_name, category : numpy.ndarray of str
        As in the layers ("uncategorised" for an activity without a category).
    distance_m : numpy.ndarray of float64
        Walking distance: straight walk to the network + along it + straight walk off it.
    network_m : numpy.ndarray of float64
        The part along the network.
    minutes : numpy.ndarray of float64
        ``distance_m`` at the walking speed.
    limit_m, speed : float
        The walking limit in metres and the speed in m/s.
    working_crs : str
    stops_not_on_network : list of str
        Ids of stops farther than `max_snap` from every walkway (they reach nothing).
    activities_not_on_network, stops_on_tiny_component : int
    network : dict
        The walking graph: edges, nodes, length_m, components, lines_used, left_out (per
        reason), crossing_vertices_added.
    areas : Table or None
        With ``area_buffer > 0``: each stop's walking area (the CLI's ``areas`` layer), one row
        per stop on the network with ``stop_id``, ``stop_name``, ``limit_m``, ``minutes``,
        ``network_m`` (network length inside the walk) and ``area_m2``; MultiPolygon geometries
        in the working CRS. None otherwise.
    """

    _COLUMNS = ("stop_id", "stop_name", "activity_id", "activity_name", "category", "distance_m", "network_m",
                "minutes")

    def __init__(self, columns, stops, activities):
        self._stops, self._activities = stops, activities
        self.stop_index = columns["stop_index"]
        self.activity_index = columns["activity_index"]
        self.distance_m = columns["distance_m"]
        self.network_m = columns["network_m"]
        self.limit_m = columns["limit_m"]
        self.speed = columns["speed"]
        self.minutes = self.distance_m / self.speed / 60.0
        self.working_crs = columns["working_crs"]
        self.stops_not_on_network = columns["stops_not_on_network"]
        self.activities_not_on_network = columns["activities_not_on_network"]
        self.stops_on_tiny_component = columns["stops_on_tiny_component"]
        self.network = columns["network"]
        self._stop_xy = columns["stop_xy"]
        self._activity_xy = columns["activity_xy"]
        categories = np.array(columns["activity_categories"], dtype=str) if columns["activity_categories"] \
            else np.array([], dtype=str)
        self.stop_id = stops.ids[self.stop_index] if len(stops) else np.array([], dtype=str)
        self.stop_name = _names(stops)[self.stop_index]
        self.activity_id = activities.ids[self.activity_index] if len(activities) else np.array([], dtype=str)
        self.activity_name = _names(activities)[self.activity_index]
        self.category = categories[self.activity_index] if len(categories) else np.array([], dtype=str)
        self.areas = _areas_table(columns["areas"], stops, self.limit_m, self.speed,
                                  self.working_crs) if "areas" in columns else None

    def __len__(self):
        return len(self.distance_m)

    def __repr__(self):
        return (f"<trygg.NearbyResult {len(self)} stop-activity pairs within {self.limit_m:g} m "
                f"for {len(self._stops)} stops>")

    def links(self):
        """The straight stop-to-activity lines of the pairs, (N, 2, 2) in the working CRS, as
        the CLI's ``links`` layer draws them (to an area's centroid)."""
        return np.stack([self._stop_xy[self.stop_index], self._activity_xy[self.activity_index]], axis=1)

    @property
    def __geo_interface__(self):
        """The pairs as a GeoJSON-like FeatureCollection of links (LineStrings) in the working CRS."""
        features = []
        for i, line in enumerate(self.links().tolist()):
            props = {name: _scalar(getattr(self, name)[i]) for name in self._COLUMNS}
            features.append({"type": "Feature", "id": i, "geometry": {"type": "LineString", "coordinates": line},
                             "properties": props})
        return {"type": "FeatureCollection", "features": features,
                "crs": {"type": "name", "properties": {"name": self.working_crs}}}

    def to_dataframe(self):
        """The pairs as a pandas.DataFrame with the columns stop_id, stop_name, activity_id,
        activity_name, category, distance_m, network_m, minutes (the CLI's list, unrounded).

        Examples
        --------
        >>> table = result.to_dataframe()  # doctest: +SKIP
        >>> table.groupby(["stop_name", "category"]).distance_m.min()  # doctest: +SKIP
        """
        pd = _frames._require("pandas", "NearbyResult.to_dataframe()", "the result's numpy columns")
        return pd.DataFrame({name: getattr(self, name) for name in self._COLUMNS})

    def to_geopandas(self):
        """The pairs as a geopandas.GeoDataFrame of links (the CLI's ``links`` layer) in the
        working CRS, with the columns of :meth:`to_dataframe`."""
        gpd = _frames._require("geopandas", "NearbyResult.to_geopandas()", "to_dataframe() and the numpy columns")
        import shapely.geometry

        frame = self.to_dataframe()
        lines = [shapely.geometry.LineString(line) for line in self.links()]
        return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(lines, crs=self.working_crs), crs=self.working_crs)


def _areas_table(areas, stops, limit_m, speed, working_crs):
    """The walking areas as a Table with the CLI's ``areas`` columns (unrounded)."""
    index = areas["stop_index"]
    n = len(index)
    return _frames.Table("areas", {
        "stop_id": stops.ids[index] if n else np.array([], dtype=str),
        "stop_name": _names(stops)[index] if n else np.array([], dtype=str),
        "limit_m": np.full(n, limit_m), "minutes": np.full(n, limit_m / speed / 60.0),
        "network_m": areas["network_m"], "area_m2": areas["area_m2"]},
        [_frames.multi_polygon(polygons) for polygons in areas["polygons"]], working_crs)


def _names(layer):
    """The layer's mapped names (feature names as the CLI shows them) as a numpy string array."""
    return np.array(layer.names, dtype=str) if len(layer) else np.array([], dtype=str)


def _scalar(value):
    return value.item() if hasattr(value, "item") else value


def nearby(walkways, stops, activities, max_walk=10.0, max_distance=None, speed=1.3, max_snap=100.0,
           node_intersections=False, all_highways=False, tiny_component=500.0, threads=0, area_buffer=0.0):
    """For every stop, the activities within a walk along the walking network.

    The same computation as ``trygg nearby``: the walkways become a graph (split where lines
    share a vertex; motorways, trunk roads and foot=no left out unless `all_highways`), stops
    snap to the nearest walkway point, activities too (areas where walkways enter them), and
    one bounded search per stop finds everything within the limit. Walking distance = the
    straight walk to the network + the distance along it + the straight walk off it. The GIL
    is released while searching.

    Parameters
    ----------
    walkways : Layer or list of Layer
        Line layers (``read_layer(path, kind="walkways")``).
    stops : Layer
        Point layer of stops.
    activities : Layer
        Points or polygons with a category and a name.
    max_walk : float, default 10
        Walking limit in minutes at `speed`.
    max_distance : float, optional
        Walking limit in metres instead of minutes.
    speed : float, default 1.3
        Walking speed in m/s.
    max_snap : float, default 100
        Stops and activities farther than this from every walkway (metres) are not on the
        network: they reach / are reached by nothing, and are counted in the result.
    node_intersections : bool, default False
        Also join lines where they cross without a shared vertex (digitised path layers).
    all_highways : bool, default False
        Keep every line, whatever its highway value.
    tiny_component : float, default 500
        Count stops on a network piece cut off from the main one and shorter than this (m).
    threads : int, default 0
        Worker threads, 0 = all cores; the result does not depend on it.
    area_buffer : float, default 0
        > 0: also each stop's walking area, the reached network buffered by this many metres
        each side (``result.areas``; the CLI's ``--area-buffer``, whose default is 25). Off by
        default because on a large network the areas cost far more than the searches.

    Returns
    -------
    NearbyResult
        Columns of numpy arrays, ``to_dataframe()``, ``to_geopandas()``,
        ``__geo_interface__``.

    Raises
    ------
    ValueError
        ``trygg.UsageError`` for a bad limit, speed or snapping distance or layers in
        different working CRSs; ``trygg.DataError`` for a stop that is not a point or no
        walkable line.

    Examples
    --------
    >>> import trygg
    >>> walkways = trygg.read_layer("data/town/walkways.geojson", kind="walkways")
    >>> stops = trygg.read_layer("data/town/stops.geojson", kind="stops")
    >>> activities = trygg.read_layer("data/town/activities.geojson", kind="activities")
    >>> result = trygg.nearby(walkways, stops, activities, max_walk=5)
    >>> result
    <trygg.NearbyResult 337 stop-activity pairs within 390 m for 44 stops>
    >>> str(result.stop_name[0]), str(result.activity_name[0]), round(float(result.distance_m[0]), 1)
    ('Resecentrum', 'Järnhandeln', 36.7)
    """
    if isinstance(walkways, Layer):
        walkways = [walkways]
    for name, layer in (("stops", stops), ("activities", activities)):
        if not isinstance(layer, Layer):
            raise TypeError(f"{name} must be a trygg.Layer (from trygg.read_layer), not {type(layer).__name__}")
    walkways = list(walkways)
    for layer in walkways:
        if not isinstance(layer, Layer):
            raise TypeError(f"walkways must be a trygg.Layer or a list of them, not {type(layer).__name__}")
    columns = _nearby(walkways, stops, activities, float(max_walk), None if max_distance is None else float(max_distance),
                      float(speed), float(max_snap), bool(node_intersections), bool(all_highways),
                      float(tiny_component), float(area_buffer), int(threads))
    return NearbyResult(columns, stops, activities)
