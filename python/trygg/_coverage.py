"""trygg.coverage and trygg.place: lit and seen walkways, dark gaps, and where new lights go.

The computations are the C++ library's (the same jobs ``trygg coverage`` and ``trygg place``
run); this module turns their columns into result objects with numpy tables, a ``summary`` equal
to the CLI's ``--json`` and GeoPandas conversions.
"""
import numpy as np

from . import _frames
from ._frames import Table
from ._trygg import Layer, _coverage, _place_classic, _place_walkways

_LIGHT_DEFAULTS = dict(model="disc", light_radius=20.0, radius_from_height=None, intensity=1000.0,
                       default_height=6.0, min_lux=None, lux_class=None, lux_cutoff=60.0, lux_cell=1.0)


def _light_args(model, light_radius, radius_from_height, intensity, default_height, min_lux, lux_class, lux_cutoff,
                lux_cell):
    return dict(model=str(model), light_radius=float(light_radius),
                radius_from_height=None if radius_from_height is None else float(radius_from_height),
                intensity=float(intensity), default_height=float(default_height),
                min_lux=None if min_lux is None else float(min_lux),
                lux_class=None if lux_class is None else str(lux_class), lux_cutoff=float(lux_cutoff),
                lux_cell=float(lux_cell))


def _feature_geometries(layer):
    return [f["geometry"] for f in layer.__geo_interface__["features"]]


class CoverageResult:
    """What :func:`coverage` found: the tables of ``trygg coverage``'s output layers.

    Attributes
    ----------
    walkways : Table
        One row per walkway feature: ``walkway_id``, ``name``, ``length_m``, ``lit_m``,
        ``lit_share``, ``seen_m``, ``seen_share`` (shares NaN for a walkway of length 0), with
        the walkway's geometry (the CLI's ``walkways`` layer, unrounded).
    pieces : Table
        Pieces of constant lighting and camera cover: ``walkway_index`` (into the walkways
        layer), ``walkway_id``, ``name``, ``part``, ``from_m``, ``to_m``, ``length_m``, ``lit``,
        ``seen`` (bool) and the piece as a MultiLineString (``walkway_pieces``).
    gaps : Table
        Dark gaps, rank 1 first: ``rank``, ``length_m``, ``reports``, ``score``,
        ``walkway_ids`` and ``names`` (comma-joined, as the CLI writes them) (``gaps``).
    lit_area, seen_area : Table
        One row per polygon with ``area_m2`` (``lit_area``, ``seen_area``; the latter empty
        without cameras).
    areas : Table or None
        With ``areas=``: ``area_id``, ``name``, ``walkway_length_m``, ``lit_m``, ``lit_share``,
        ``seen_m``, ``seen_share`` per district (``area_summary``).
    clusters : Table or None
        With ``clusters=``: ``id``, ``cluster_area_m2``, ``lit_area_share``,
        ``seen_area_share`` per polygon (``cluster_coverage``).
    summary : dict
        Equal to the output of ``trygg coverage --json`` with the same inputs and options.
    working_crs : str
    """

    _LAYERS = ("walkway_pieces", "walkways", "lit_area", "seen_area", "gaps", "area_summary", "cluster_coverage")

    def __init__(self, columns, walkways, areas, clusters):
        crs = self.working_crs = columns["working_crs"]
        self.summary = columns["summary"]
        w = columns["walkways"]
        self.walkways = Table("walkways", {
            "walkway_id": w["walkway_id"], "name": w["name"], "length_m": w["length_m"], "lit_m": w["lit_m"],
            "lit_share": _frames.shares(w["lit_m"], w["length_m"]), "seen_m": w["seen_m"],
            "seen_share": _frames.shares(w["seen_m"], w["length_m"])}, _feature_geometries(walkways), crs)
        p = columns["pieces"]
        index = p["walkway_index"]
        self.pieces = Table("walkway_pieces", {
            "walkway_index": index, "walkway_id": w["walkway_id"][index], "name": w["name"][index],
            "part": p["part"], "from_m": p["from_m"], "to_m": p["to_m"], "length_m": p["to_m"] - p["from_m"],
            "lit": p["lit"], "seen": p["seen"]}, [_frames.multi_line([line]) for line in p["lines"]], crs)
        g = columns["gaps"]
        ids, names = [], []
        for along in g["walkway_indices"]:
            ids.append(",".join(w["walkway_id"][along].tolist()))
            joined = ""
            for name in w["name"][along].tolist():
                if name and name not in joined:
                    joined += (", " if joined else "") + name
            names.append(joined)
        self.gaps = Table("gaps", {
            "rank": g["rank"], "length_m": g["length_m"], "reports": g["reports"], "score": g["score"],
            "walkway_ids": np.array(ids, dtype=str), "names": np.array(names, dtype=str)},
            [_frames.multi_line(lines) for lines in g["lines"]], crs)
        self.lit_area = self._area_table("lit_area", columns["lit_area"])
        self.seen_area = self._area_table("seen_area", columns["seen_area"])
        self.areas = None
        if areas is not None:
            a = columns["areas"]
            self.areas = Table("area_summary", {
                "area_id": areas.ids, "name": areas.names, "walkway_length_m": a["length_m"], "lit_m": a["lit_m"],
                "lit_share": _frames.shares(a["lit_m"], a["length_m"]), "seen_m": a["seen_m"],
                "seen_share": _frames.shares(a["seen_m"], a["length_m"])}, _feature_geometries(areas), crs)
        self.clusters = None
        if clusters is not None:
            c = columns["clusters"]
            self.clusters = Table("cluster_coverage", {
                "id": clusters.ids, "cluster_area_m2": c["area_m2"],
                "lit_area_share": _frames.shares(c["lit_m2"], c["area_m2"]),
                "seen_area_share": _frames.shares(c["seen_m2"], c["area_m2"])}, _feature_geometries(clusters), crs)

    def _area_table(self, name, columns):
        return Table(name, {"area_m2": columns["area_m2"]},
                     [_frames.multi_polygon([rings]) for rings in columns["polygons"]], self.working_crs)

    def __repr__(self):
        s = self.summary
        return (f"<trygg.CoverageResult {s['walkway_length_m'] / 1000:.2f} km of walkways, "
                f"{100 * s['lit_share']:.1f}% lit, {100 * s['seen_share']:.1f}% seen, {s['gaps']} dark gaps>")

    def table(self, layer):
        """The table of one of the CLI's output layers by its name: "walkway_pieces",
        "walkways", "lit_area", "seen_area", "gaps", "area_summary" or "cluster_coverage"."""
        by_name = {"walkway_pieces": self.pieces, "walkways": self.walkways, "lit_area": self.lit_area,
                   "seen_area": self.seen_area, "gaps": self.gaps, "area_summary": self.areas,
                   "cluster_coverage": self.clusters}
        if layer not in by_name:
            raise ValueError(f"no layer '{layer}'; use one of {', '.join(self._LAYERS)}")
        if by_name[layer] is None:
            raise ValueError(f"no layer '{layer}': it needs "
                             + ("areas=" if layer == "area_summary" else "clusters="))
        return by_name[layer]

    @property
    def __geo_interface__(self):
        """The walkway pieces as a GeoJSON-like FeatureCollection in the working CRS."""
        return self.pieces.__geo_interface__

    def to_geopandas(self, layer="walkway_pieces"):
        """One output layer (see :meth:`table`) as a geopandas.GeoDataFrame.

        Examples
        --------
        >>> gaps = result.to_geopandas("gaps")  # doctest: +SKIP
        >>> gaps.plot(column="score")  # doctest: +SKIP
        """
        return self.table(layer).to_geopandas()


def coverage(walkways, lights, cameras=None, buildings=None, reports=None, areas=None, clusters=None,
             light_radius=20.0, radius_from_height=None, model="disc", intensity=1000.0, default_height=6.0,
             min_lux=None, lux_class=None, lux_cutoff=60.0, lux_cell=1.0, camera_fov=90.0, camera_range=30.0,
             min_gap=25.0, gap_distance=25.0, threads=0):
    """Which walkways street lights light and cameras see, and the dark gaps ranked by reports.

    The computation of ``trygg coverage`` (docs/cli/coverage.md): the lit stretches of every
    walkway (exact circle intersections in the disc model; the illuminance threshold in the lux
    model), the seen stretches (camera views minus what buildings hide), pieces of constant
    cover, dark gaps joined across walkway ends and ranked by the reports near them, the lit and
    seen areas, and the lengths per district and shares per cluster. The GIL is released while
    computing.

    Parameters
    ----------
    walkways : Layer
        Lines (``read_layer(path, kind="walkways")``).
    lights : Layer
        Points; the height and status fields are used when mapped.
    cameras, buildings, reports, areas, clusters : Layer, optional
        As ``--cameras``, ``--buildings`` (needs cameras), ``--reports``, ``--areas`` and
        ``--clusters``. All layers must be in one working CRS.
    light_radius : float, default 20
        Disc model: lit radius of every light (m).
    radius_from_height : float, optional
        Disc model: radius = this factor x the light's height (lights without height keep
        `light_radius`).
    model : {"disc", "lux"}, default "disc"
        Lighting model (docs/methods.md, "Lighting model").
    intensity, default_height, min_lux, lux_class, lux_cutoff, lux_cell
        Lux model: candela of every light (1000), height of lights without one (6 m), the
        threshold in lux (1, or the minimum of the EN 13201-2 class "P1".."P6"), the cut-off
        distance (60 m) and the lit-area cell (1 m); as ``--intensity``, ``--default-height``,
        ``--min-lux``, ``--class``, ``--lux-cutoff``, ``--lux-cell``.
    camera_fov, camera_range : float, default 90, 30
        Field of view (degrees) and range (m) of cameras without those fields.
    min_gap : float, default 25
        Shortest unlit stretch reported as a dark gap (m).
    gap_distance : float, default 25
        Reports within this distance of a gap count for its score (m).
    threads : int, default 0
        Threads for the lit-area unions, 0 = all cores; the result does not depend on it.
        The GIL is released while computing.

    Returns
    -------
    CoverageResult
        Tables ``walkways``, ``pieces``, ``gaps``, ``lit_area``, ``seen_area`` (and ``areas``,
        ``clusters``), ``summary`` (= ``--json``), ``to_geopandas(layer)``,
        ``__geo_interface__``.

    Raises
    ------
    ValueError
        ``trygg.UsageError`` for bad options (with the CLI's message, in Python argument
        names) or layers in different working CRSs; ``trygg.DataError`` for a feature of the
        wrong geometry (naming it).
    TypeError
        When a layer argument is not a :class:`trygg.Layer`.

    Examples
    --------
    >>> import trygg
    >>> walkways = trygg.read_layer("data/town/walkways.geojson", kind="walkways")
    >>> lights = trygg.read_layer("data/town/lights.geojson", kind="lights")
    >>> result = trygg.coverage(walkways, lights)
    >>> result
    <trygg.CoverageResult 77.52 km of walkways, 82.2% lit, 0.0% seen, 118 dark gaps>
    >>> result.summary["lit_share"], int(result.gaps.rank[0]), round(float(result.gaps.length_m[0]), 1)
    (0.8223, 1, 414.3)
    """
    for name, layer in (("walkways", walkways), ("lights", lights), ("cameras", cameras),
                        ("buildings", buildings), ("reports", reports), ("areas", areas), ("clusters", clusters)):
        if layer is not None and not isinstance(layer, Layer):
            raise TypeError(f"{name} must be a trygg.Layer (from trygg.read_layer), not {type(layer).__name__}")
    columns = _coverage(walkways, lights, cameras, buildings, reports, areas, clusters,
                        **_light_args(model, light_radius, radius_from_height, intensity, default_height, min_lux,
                                      lux_class, lux_cutoff, lux_cell),
                        camera_fov=float(camera_fov), camera_range=float(camera_range), min_gap=float(min_gap),
                        gap_distance=float(gap_distance), threads=int(threads))
    return CoverageResult(columns, walkways, areas, clusters)


class PlacementResult:
    """The sites :func:`place` chose, best first.

    Attributes
    ----------
    sites : Table
        ``rank``, ``id``, ``x``, ``y``, ``gain``, ``cumulative``, ``cumulative_share``,
        ``cost``, ``candidate`` (index into the candidates), and on walkways also
        ``new_lit_m`` (cameras: ``new_seen_m``), ``walkway`` and ``offset_m`` (for generated
        sites); Point geometries (the CLI's ``sites`` layer, unrounded).
    covered : Table or None
        On walkways: the newly lit (seen) stretches (``site_rank``, ``walkway``, ``from_m``, ``to_m``,
        ``length_m``, ``reports``, ``weight``), the CLI's ``covered`` layer.
    summary : dict
        Equal to ``trygg place --json`` with the same inputs.
    mode : str
        "classic" (demand points), "lights" or "cameras" (walkways).
    """

    def __init__(self, columns, mode, walkways=None, working_crs=None):
        self.mode = mode
        self.summary = columns["summary"]
        self.working_crs = columns.get("working_crs", working_crs)
        s = columns["sites"]
        total = self.summary["total_demand"]
        n = len(s["id"])
        data = {"rank": np.arange(1, n + 1, dtype=np.int64), "id": s["id"], "x": s["x"], "y": s["y"],
                "gain": s["gain"], "cumulative": s["cumulative"],
                "cumulative_share": s["cumulative"] / total if total > 0 else np.full(n, np.nan), "cost": s["cost"],
                "candidate": s["candidate"]}
        if mode == "lights":
            data.update(new_lit_m=s["new_lit_m"], walkway=s["walkway"], offset_m=s["offset_m"])
        elif mode == "cameras":
            data.update(new_seen_m=s["new_seen_m"], walkway=s["walkway"], offset_m=s["offset_m"])
        points = [{"type": "Point", "coordinates": [x, y]} for x, y in zip(s["x"].tolist(), s["y"].tolist())]
        self.sites = Table("sites", data, points, self.working_crs)
        self.covered = None
        if mode != "classic":
            c = columns["covered"]
            self.covered = Table("covered", {
                "site_rank": c["site_rank"], "walkway": walkways.ids[c["walkway_index"]] if len(walkways)
                else np.array([], dtype=str), "from_m": c["from_m"], "to_m": c["to_m"],
                "length_m": c["to_m"] - c["from_m"], "reports": c["reports"], "weight": c["weight"]},
                [_frames.multi_line([line]) for line in c["lines"]], self.working_crs)

    def __len__(self):
        return len(self.sites)

    def __repr__(self):
        s = self.summary
        return (f"<trygg.PlacementResult {len(self)} sites of {s['candidates']} candidates cover "
                f"{100 * s['covered_share']:.1f}% of the demand>")

    @property
    def __geo_interface__(self):
        """The sites as a GeoJSON-like FeatureCollection of points."""
        return self.sites.__geo_interface__

    def to_geopandas(self, layer="sites"):
        """The "sites" (or, on walkways, "covered") layer as a geopandas.GeoDataFrame."""
        if layer == "sites":
            return self.sites.to_geopandas()
        if layer == "covered" and self.covered is not None:
            return self.covered.to_geopandas()
        raise ValueError(f"no layer '{layer}'; use 'sites'" + (" or 'covered'" if self.covered is not None else ""))


def place(count=None, *, radius=None, budget=None, demand=None, weights=None, candidates=None, costs=None,
          cost_field=None, walkways=None, lights=None, reports=None, for_="lights", cameras=None, buildings=None,
          camera_range=30.0, camera_fov=90.0, spacing=25.0, sample=5.0, report_distance=25.0,
          light_radius=20.0, radius_from_height=None, model="disc", intensity=1000.0, default_height=6.0,
          min_lux=None, lux_class=None, lux_cutoff=60.0, lux_cell=1.0, starts=10, swap=True):
    """Where `count` new facilities cover the most demand (maximal covering location problem).

    Two modes, as ``trygg place`` (docs/cli/place.md):

    - **classic** (``demand=``): demand points with weights, candidate sites, a radius: a site
      covers the demand within `radius`;
    - **lights** (``walkways=`` and ``lights=``): the demand is the walkway length the existing
      lights leave dark, cut into pieces of at most `sample` m weighted by 1 + the reports
      within `report_distance`; the candidates are sites every `spacing` m along the walkways
      (or `candidates`); a new light covers the pieces within `radius` (default
      `light_radius`; under ``model="lux"`` where it tops the illuminance up to the threshold);
    - **cameras** (``for_="cameras"``, ``walkways=``): the same on the walkway length no
      existing camera (`cameras`) sees; a new camera is a 360 degree dome of `camera_range` m
      whose view `buildings` cut.

    The sites are chosen by lazy greedy from `starts` openings, improved by swaps (within
    1 - 1/e of the optimum; ``summary["optimum_bound"]`` bounds the optimum). The GIL is
    released while choosing.

    Parameters
    ----------
    count : int, optional
        At most this many sites (required unless `budget`).
    radius : float
        What a site covers (m). Required in classic mode.
    budget : float, optional
        Total cost limit; needs `costs` (array candidates) or `cost_field` (layer candidates).
    demand : (N, 2) array or Layer
        Classic mode: demand points (a layer's weight field gives the weights).
    weights : (N,) array, optional
        Classic mode, array demand: weight of each point (default 1).
    candidates : (M, 2) array or Layer
        Candidate sites (required in classic mode). Array candidates get ids "0", "1", ...
    costs : (M,) array, optional
        Cost of each array candidate; `cost_field` names a layer's cost field.
    walkways, lights, reports : Layer
        Lights mode (and cameras mode, without lights).
    for_ : {"lights", "cameras"}, default "lights"
        On walkways: place lights or cameras (``--for``).
    cameras, buildings : Layer, optional
        Cameras mode: the existing cameras (what they see is covered already) and buildings
        that hide what is behind them, from new and existing cameras.
    camera_range, camera_fov : float, default 30, 90
        Cameras mode: range of a new camera and of existing ones without a range field (m);
        field of view of existing cameras without a fov field (degrees).
    spacing, sample, report_distance : float, default 25, 5, 25
        Lights mode: generated sites every `spacing` m; demand pieces at most `sample` m; a
        piece weighs length x (1 + reports within `report_distance` m).
    light_radius, radius_from_height, model, intensity, default_height, min_lux, lux_class, lux_cutoff, lux_cell
        Lights mode: the existing lights, as in :func:`coverage`.
    starts : int, default 10
        Greedy runs, each opening with one of the best single sites.
    swap : bool, default True
        Improve the greedy result by 1-swaps (``--no-swap`` is ``swap=False``).

    Returns
    -------
    PlacementResult
        ``sites`` table (rank, id, x, y, gain, cumulative, ...), ``covered`` (lights mode),
        ``summary`` (= ``--json``), ``to_geopandas()``.

    Raises
    ------
    ValueError
        ``trygg.UsageError`` for a missing or bad option, ``trygg.DataError`` for bad data.

    Examples
    --------
    >>> import numpy as np, trygg
    >>> demand = np.array([[0, 0], [10, 0], [100, 0], [110, 0], [105, 5]], float)
    >>> sites = np.array([[5, 0], [105, 0], [50, 0]], float)
    >>> result = trygg.place(1, demand=demand, candidates=sites, radius=10)
    >>> result.sites.id.tolist(), result.summary["covered_demand"]
    (['1'], 3.0)
    >>> walkways = trygg.read_layer("data/town/walkways.geojson", kind="walkways")
    >>> lights = trygg.read_layer("data/town/lights.geojson", kind="lights")
    >>> reports = trygg.read_layer("data/town/reports.geojson")
    >>> result = trygg.place(5, walkways=walkways, lights=lights, reports=reports)
    >>> result
    <trygg.PlacementResult 5 sites of 3090 candidates cover 16.1% of the demand>
    >>> result.summary["newly_lit_m"]
    269.4
    """
    count = 0 if count is None else int(count)
    budget = None if budget is None else float(budget)
    if count < 0:
        raise trygg_usage_error("count must be >= 1 (or None with a budget)")
    classic = demand is not None
    if classic:
        for name, value in (("walkways", walkways), ("lights", lights), ("reports", reports)):
            if value is not None:
                raise trygg_usage_error(f"{name} is for the lights mode, not with demand")
        if candidates is None:
            raise trygg_usage_error("demand needs candidates (classic mode)")
        if radius is None:
            raise trygg_usage_error("demand needs radius (classic mode)")
        columns = _place_classic(demand, weights, candidates, costs, cost_field, float(radius), count, budget,
                                 int(starts), bool(swap))
        working_crs = demand.working_crs if isinstance(demand, Layer) else (
            candidates.working_crs if isinstance(candidates, Layer) else None)
        return PlacementResult(columns, "classic", working_crs=working_crs)
    if walkways is None:
        raise trygg_usage_error("give walkways and lights (lights mode), or demand and candidates (classic mode)")
    for name, layer in (("walkways", walkways), ("lights", lights), ("cameras", cameras), ("buildings", buildings),
                        ("reports", reports)):
        if layer is not None and not isinstance(layer, Layer):
            raise TypeError(f"{name} must be a trygg.Layer (from trygg.read_layer), not {type(layer).__name__}")
    columns = _place_walkways(str(for_), walkways, lights, cameras, buildings, reports, candidates, costs, cost_field,
                              None if radius is None else float(radius), count, budget, int(starts), bool(swap),
                              float(spacing), float(sample), float(report_distance), float(camera_range),
                              float(camera_fov),
                              **_light_args(model, light_radius, radius_from_height, intensity, default_height,
                                            min_lux, lux_class, lux_cutoff, lux_cell))
    return PlacementResult(columns, str(for_), walkways=walkways)


def trygg_usage_error(message):
    from ._trygg import UsageError

    return UsageError(message)
