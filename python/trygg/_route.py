"""trygg.route: the shortest and the safe walking route, with the figures a safety walk compares.

The graph, the night-time conditions of its edges and the planner are the C++ library's
RouteJob, the same ``trygg route`` uses; this module wraps its columns.
"""
import numpy as np

from . import _frames
from ._frames import Table
from ._trygg import Layer, _route


class Route:
    """One route of a pair (the shortest or the safe one).

    Attributes
    ----------
    kind : str
        "shortest" or "safe".
    line : numpy.ndarray of float64, shape (N, 2)
        The route in the working CRS, from the start's point on the network to the end's.
    length_m, detour_pct, lit_share, seen_share, exposure, dark_m, cost : float
        As the CLI's ``routes`` layer, unrounded: length, detour against the shortest (%), lit
        and seen shares (0..1), length-weighted hotspot exposure (0..1), unlit length, and the
        cost the route minimised.
    dark : Table
        The dark stretches at least `min_dark` long: ``from_m``, ``to_m``, ``length_m`` along
        the route, with their lines.
    summary : dict
        This route's figures as ``trygg route --json`` rounds them.
    """

    _FIGURES = ("length_m", "detour_pct", "lit_share", "seen_share", "exposure", "dark_m", "cost")

    def __init__(self, kind, columns, working_crs):
        self.kind = kind
        for name in self._FIGURES:
            setattr(self, name, columns[name])
        self.line = columns["line"]
        self.summary = columns["summary"]
        d = columns["dark"]
        self.dark = Table("dark_stretches", {"from_m": d["from_m"], "to_m": d["to_m"],
                                             "length_m": d["to_m"] - d["from_m"]},
                          [_frames.multi_line([line]) for line in d["lines"]], working_crs)

    def __repr__(self):
        return (f"<trygg.Route {self.kind}: {self.length_m:.1f} m, {100 * self.lit_share:.1f}% lit, "
                f"{100 * self.seen_share:.1f}% seen, exposure {self.exposure:.3f}>")


class RoutePair:
    """The shortest and the safe route between one start and one end.

    Attributes
    ----------
    id : str
    shortest, safe : Route
    from_snap_m, to_snap_m : float
        Straight distance from the given points to the network.
    from_on_network, to_on_network : tuple of float
        Where the route starts and ends on the network.
    """

    def __init__(self, pair_id, columns, working_crs):
        self.id = pair_id
        self.shortest = Route("shortest", columns["shortest"], working_crs)
        self.safe = Route("safe", columns["safe"], working_crs)
        self.from_snap_m = columns["from_snap_m"]
        self.to_snap_m = columns["to_snap_m"]
        self.from_on_network = columns["from_on_network"]
        self.to_on_network = columns["to_on_network"]
        self.summary = columns["summary"]

    def __repr__(self):
        return (f"<trygg.RoutePair {self.id}: shortest {self.shortest.length_m:.1f} m "
                f"({100 * self.shortest.lit_share:.1f}% lit), safe {self.safe.length_m:.1f} m "
                f"(+{self.safe.detour_pct:.1f}%, {100 * self.safe.lit_share:.1f}% lit)>")


class RouteResult:
    """What :func:`route` found: one :class:`RoutePair` per start/end pair.

    With one pair, ``result.shortest`` and ``result.safe`` are that pair's routes.

    Attributes
    ----------
    pairs : list of RoutePair
    routes : Table
        The CLI's ``routes`` layer: two rows per pair (shortest, then safe) with ``pair_id``,
        ``kind``, ``length_m``, ``detour_pct``, ``lit_share``, ``seen_share``, ``exposure``,
        ``dark_m``, ``dark_stretches`` (count), ``cost``, ``from_snap_m``, ``to_snap_m`` and the
        route lines, unrounded.
    dark_stretches : Table
        The CLI's ``dark_stretches`` layer: ``pair_id``, ``kind``, ``from_m``, ``to_m``,
        ``length_m`` and lines.
    summary : dict
        Equal to ``trygg route --json`` for the same pair (one pair) or ``--pairs`` (several).
    weights : dict
        The weights used (w_unseen is 0 without cameras).
    network : dict
        The walking graph: nodes, edges, length_m, components, lines_used, left_out.
    lights_used : int or None
        Lights that light (None: lighting from the walkways' lit attribute).
    cameras : dict or None
        Camera counts, as ``trygg coverage`` reports them.
    working_crs : str
    """

    def __init__(self, columns, pair_ids, single):
        self.working_crs = columns["working_crs"]
        self.weights = columns["weights"]
        self.network = columns["network"]
        self.lights_used = columns["lights_used"]
        self.cameras = columns["cameras"]
        self.pairs = [RoutePair(pair_id, c, self.working_crs) for pair_id, c in zip(pair_ids, columns["pairs"])]
        if single:
            self.summary = dict(self.pairs[0].summary)
        else:
            self.summary = {"pairs": [{"id": p.id, **p.summary} for p in self.pairs]}
        self.summary["weights"] = dict(self.weights)
        self.summary["working_crs"] = self.working_crs
        self.routes = self._routes_table()
        self.dark_stretches = self._dark_table()

    def _each_route(self):
        for p in self.pairs:
            yield p, p.shortest
            yield p, p.safe

    def _routes_table(self):
        rows = list(self._each_route())
        data = {"pair_id": np.array([p.id for p, _ in rows], dtype=str),
                "kind": np.array([r.kind for _, r in rows], dtype=str)}
        for name in ("length_m", "detour_pct", "lit_share", "seen_share", "exposure", "dark_m"):
            data[name] = np.array([getattr(r, name) for _, r in rows], dtype=float)
        data["dark_stretches"] = np.array([len(r.dark) for _, r in rows], dtype=np.int64)
        data["cost"] = np.array([r.cost for _, r in rows], dtype=float)
        data["from_snap_m"] = np.array([p.from_snap_m for p, _ in rows], dtype=float)
        data["to_snap_m"] = np.array([p.to_snap_m for p, _ in rows], dtype=float)
        return Table("routes", data, [_frames.multi_line([r.line]) for _, r in rows], self.working_crs)

    def _dark_table(self):
        pair_id, kind, from_m, to_m, geometries = [], [], [], [], []
        for p, r in self._each_route():
            pair_id += [p.id] * len(r.dark)
            kind += [r.kind] * len(r.dark)
            from_m.extend(r.dark.from_m.tolist())
            to_m.extend(r.dark.to_m.tolist())
            geometries.extend(r.dark.geometries)
        from_m, to_m = np.array(from_m, dtype=float), np.array(to_m, dtype=float)
        return Table("dark_stretches", {"pair_id": np.array(pair_id, dtype=str), "kind": np.array(kind, dtype=str),
                                        "from_m": from_m, "to_m": to_m, "length_m": to_m - from_m},
                     geometries, self.working_crs)

    @property
    def shortest(self):
        return self._only().shortest

    @property
    def safe(self):
        return self._only().safe

    def _only(self):
        if len(self.pairs) != 1:
            raise AttributeError(f"{len(self.pairs)} pairs: use result.pairs[i].shortest / .safe")
        return self.pairs[0]

    def __len__(self):
        return len(self.pairs)

    def __repr__(self):
        if len(self.pairs) == 1:
            return repr(self.pairs[0]).replace("trygg.RoutePair 1:", "trygg.RouteResult", 1)
        return f"<trygg.RouteResult {len(self.pairs)} pairs>"

    @property
    def __geo_interface__(self):
        """The routes (two per pair) as a GeoJSON-like FeatureCollection in the working CRS."""
        return self.routes.__geo_interface__

    def to_geopandas(self, layer="routes"):
        """The "routes" or "dark_stretches" layer as a geopandas.GeoDataFrame."""
        if layer == "routes":
            return self.routes.to_geopandas()
        if layer == "dark_stretches":
            return self.dark_stretches.to_geopandas()
        raise ValueError(f"no layer '{layer}'; use 'routes' or 'dark_stretches'")


def route(walkways, from_xy, to_xy, lights=None, cameras=None, buildings=None, reports=None, w_dark=2.0,
          w_unseen=1.0, w_hot=1.0, hot_radius=50.0, max_snap=100.0, min_dark=1.0, point_crs=None,
          node_intersections=False, all_highways=False, pair_ids=None, light_radius=20.0,
          radius_from_height=None, model="disc", intensity=1000.0, default_height=6.0, min_lux=None,
          lux_class=None, lux_cutoff=60.0, lux_cell=1.0):
    """The shortest and the safe walking route between two points (or many pairs).

    The computation of ``trygg route`` (docs/cli/route.md): the walkways become a graph; every
    edge gets its lit stretches (from `lights`, else the walkways' lit attribute, unknown =
    unlit), its seen stretches (`cameras`, with `buildings` hiding) and its hotspot exposure
    (kernel density of `reports`); the safe route minimises
    ``length * (1 + w_dark * unlit share + w_unseen * unseen share + w_hot * exposure)``.
    The ends snap to the nearest walkway point. The GIL is released while computing.

    Parameters
    ----------
    walkways : Layer
        Lines (``read_layer(path, kind="walkways")``).
    from_xy, to_xy : array_like, shape (2,) or (N, 2)
        Start and end in the working CRS (metres), or in `point_crs` when given; (N, 2) for N
        pairs.
    lights, cameras, buildings, reports : Layer, optional
        As ``--lights``, ``--cameras``, ``--buildings`` (needs cameras) and ``--reports``.
    w_dark, w_unseen, w_hot : float, default 2, 1, 1
        Extra cost per unlit metre, per metre out of camera view (0 without cameras), per metre
        at full hotspot exposure.
    hot_radius : float, default 50
        Kernel radius of the report density (m).
    max_snap : float, default 100
        Ends farther than this from every walkway are an error (m).
    min_dark : float, default 1
        Shortest dark stretch listed (m).
    point_crs : str, optional
        CRS of `from_xy`/`to_xy`, e.g. "EPSG:4326" for lon/lat (the CLI's default); default:
        the working CRS.
    node_intersections, all_highways : bool, default False
        As ``--node-intersections`` and ``--all-highways``.
    pair_ids : sequence of str, optional
        Ids of the pairs (default "1", "2", ...).
    light_radius, radius_from_height, model, intensity, default_height, min_lux, lux_class, lux_cutoff, lux_cell
        The lights, as in :func:`coverage`.

    Returns
    -------
    RouteResult
        ``shortest`` and ``safe`` (one pair) or ``pairs``; tables ``routes`` and
        ``dark_stretches``; ``summary`` (= ``--json``); ``to_geopandas()``.

    Raises
    ------
    ValueError
        ``trygg.UsageError`` for bad weights or options, ``trygg.DataError`` for an end too
        far from the network or on a part of it not connected to the other end.

    Examples
    --------
    >>> import trygg
    >>> walkways = trygg.read_layer("data/town/walkways.geojson", kind="walkways")
    >>> lights = trygg.read_layer("data/town/lights.geojson", kind="lights")
    >>> result = trygg.route(walkways, (569627.42, 6608414.12), (570187.57, 6609172.12), lights=lights)
    >>> result
    <trygg.RouteResult shortest 1251.6 m (63.7% lit), safe 1332.3 m (+6.4%, 96.6% lit)>
    >>> round(result.safe.length_m), result.summary["safe"]["lit_share"]
    (1332, 0.9659)
    """
    for name, layer in (("walkways", walkways), ("lights", lights), ("cameras", cameras),
                        ("buildings", buildings), ("reports", reports)):
        if layer is not None and not isinstance(layer, Layer):
            raise TypeError(f"{name} must be a trygg.Layer (from trygg.read_layer), not {type(layer).__name__}")
    from_arr = np.asarray(from_xy, dtype=float)
    single = from_arr.ndim == 1
    from_arr = np.atleast_2d(from_arr)
    to_arr = np.atleast_2d(np.asarray(to_xy, dtype=float))
    columns = _route(walkways, from_arr, to_arr, None if point_crs is None else str(point_crs), lights, cameras,
                     buildings, reports, float(w_dark), float(w_unseen), float(w_hot), float(hot_radius),
                     float(max_snap), float(min_dark), bool(node_intersections), bool(all_highways),
                     str(model), float(light_radius), None if radius_from_height is None else float(radius_from_height),
                     float(intensity), float(default_height), None if min_lux is None else float(min_lux),
                     None if lux_class is None else str(lux_class), float(lux_cutoff), float(lux_cell))
    n = len(columns["pairs"])
    if pair_ids is None:
        pair_ids = [str(i + 1) for i in range(n)]
    else:
        pair_ids = [str(p) for p in pair_ids]
        if len(pair_ids) != n:
            from ._trygg import UsageError
            raise UsageError(f"pair_ids has {len(pair_ids)} ids for {n} pairs")
    return RouteResult(columns, pair_ids, single and n == 1)
