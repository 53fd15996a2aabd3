# Type stubs for the trygg package (the _trygg extension module re-exported).
import datetime
import os
from typing import Any, Literal, Sequence

import numpy as np
import numpy.typing as npt

__version__: str

NOISE: int  # 0
CORE: int  # 1
BORDER: int  # 2

class UsageError(ValueError): ...
class DataError(ValueError): ...

_Duration = float | int | datetime.timedelta | np.timedelta64

def dbscan(
    xy: npt.ArrayLike,
    eps: float,
    min_points: float,
    weights: npt.ArrayLike | None = None,
    times: npt.ArrayLike | None = None,
    time_window: _Duration | None = None,
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.uint8]]: ...
def kde(
    xy: npt.ArrayLike,
    radius: float,
    cell: float,
    kernel: Literal["quartic", "triangular", "uniform", "triweight", "epanechnikov", "gaussian"] = "quartic",
    extent: Sequence[float] | None = None,
    weights: npt.ArrayLike | None = None,
    value: Literal["raw", "density"] = "raw",
    decay: float = 0.0,
    threads: int = 0,
) -> tuple[npt.NDArray[np.float32], tuple[float, float, float, float, float, float]]: ...
def gistar(
    xy: npt.ArrayLike,
    values: npt.ArrayLike,
    distance: float | None = None,
    k: int | None = None,
    weights: Literal["binary", "row"] = "binary",
    star: bool = True,
    permutations: int = 0,
    seed: int = 0,
) -> dict[str, npt.NDArray[Any]]: ...

class Layer:
    @property
    def kind(self) -> str: ...
    @property
    def kind_guessed(self) -> bool: ...
    @property
    def source(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def working_crs(self) -> str: ...
    @property
    def source_crs(self) -> str: ...
    @property
    def feature_count(self) -> int: ...
    @property
    def mapped_fields(self) -> dict[str, str]: ...
    @property
    def xy(self) -> npt.NDArray[np.float64]: ...
    @property
    def ids(self) -> npt.NDArray[np.str_]: ...
    @property
    def names(self) -> npt.NDArray[np.str_]: ...
    @property
    def categories(self) -> npt.NDArray[np.str_]: ...
    @property
    def raw_categories(self) -> npt.NDArray[np.str_]: ...
    @property
    def times(self) -> npt.NDArray[np.datetime64]: ...
    @property
    def weights(self) -> npt.NDArray[np.float64]: ...
    @property
    def attributes(self) -> dict[str, list[Any]]: ...
    @property
    def field_types(self) -> dict[str, Literal["integer", "real", "string", "date_time"]]: ...
    @property
    def rejected(self) -> dict[str, int]: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def __len__(self) -> int: ...
    def to_geopandas(self) -> Any: ...

def read_layer(
    path: str | os.PathLike[str],
    kind: str | None = None,
    layer: str | None = None,
    src_crs: str | None = None,
    crs: str | None = None,
    time_format: str | None = None,
    **fields: str | None,
) -> Layer: ...

class NearbyResult:
    stop_index: npt.NDArray[np.int64]
    activity_index: npt.NDArray[np.int64]
    stop_id: npt.NDArray[np.str_]
    stop_name: npt.NDArray[np.str_]
    activity_id: npt.NDArray[np.str_]
    activity_name: npt.NDArray[np.str_]
    category: npt.NDArray[np.str_]
    distance_m: npt.NDArray[np.float64]
    network_m: npt.NDArray[np.float64]
    minutes: npt.NDArray[np.float64]
    limit_m: float
    speed: float
    working_crs: str
    stops_not_on_network: list[str]
    activities_not_on_network: int
    stops_on_tiny_component: int
    network: dict[str, Any]
    areas: Table | None
    def __len__(self) -> int: ...
    def links(self) -> npt.NDArray[np.float64]: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def to_dataframe(self) -> Any: ...
    def to_geopandas(self) -> Any: ...

def nearby(
    walkways: Layer | Sequence[Layer],
    stops: Layer,
    activities: Layer,
    max_walk: float = 10.0,
    max_distance: float | None = None,
    speed: float = 1.3,
    max_snap: float = 100.0,
    node_intersections: bool = False,
    all_highways: bool = False,
    tiny_component: float = 500.0,
    threads: int = 0,
    area_buffer: float = 0.0,
) -> NearbyResult: ...

# --- coverage, placement, routes ------------------------------------------------------------

_Model = Literal["disc", "lux"]
_Class = Literal["P1", "P2", "P3", "P4", "P5", "P6"]

class Table:
    name: str
    columns: list[str]
    geometries: list[dict[str, Any]]
    working_crs: str
    def __len__(self) -> int: ...
    def __getitem__(self, column: str) -> npt.NDArray[Any]: ...
    def __getattr__(self, column: str) -> npt.NDArray[Any]: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def to_dataframe(self) -> Any: ...
    def to_geopandas(self) -> Any: ...

class CoverageResult:
    walkways: Table
    pieces: Table
    gaps: Table
    lit_area: Table
    seen_area: Table
    areas: Table | None
    clusters: Table | None
    summary: dict[str, Any]
    working_crs: str
    def table(
        self,
        layer: Literal["walkway_pieces", "walkways", "lit_area", "seen_area", "gaps", "area_summary", "cluster_coverage"],
    ) -> Table: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def to_geopandas(self, layer: str = "walkway_pieces") -> Any: ...

def coverage(
    walkways: Layer,
    lights: Layer,
    cameras: Layer | None = None,
    buildings: Layer | None = None,
    reports: Layer | None = None,
    areas: Layer | None = None,
    clusters: Layer | None = None,
    light_radius: float = 20.0,
    radius_from_height: float | None = None,
    model: _Model = "disc",
    intensity: float = 1000.0,
    default_height: float = 6.0,
    min_lux: float | None = None,
    lux_class: _Class | None = None,
    lux_cutoff: float = 60.0,
    lux_cell: float = 1.0,
    camera_fov: float = 90.0,
    camera_range: float = 30.0,
    min_gap: float = 25.0,
    gap_distance: float = 25.0,
    threads: int = 0,
) -> CoverageResult: ...

class PlacementResult:
    sites: Table
    covered: Table | None
    summary: dict[str, Any]
    mode: Literal["classic", "lights", "cameras"]
    working_crs: str | None
    def __len__(self) -> int: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def to_geopandas(self, layer: Literal["sites", "covered"] = "sites") -> Any: ...

def place(
    count: int | None = None,
    *,
    radius: float | None = None,
    budget: float | None = None,
    demand: npt.ArrayLike | Layer | None = None,
    weights: npt.ArrayLike | None = None,
    candidates: npt.ArrayLike | Layer | None = None,
    costs: npt.ArrayLike | None = None,
    cost_field: str | None = None,
    walkways: Layer | None = None,
    lights: Layer | None = None,
    reports: Layer | None = None,
    for_: Literal["lights", "cameras"] = "lights",
    cameras: Layer | None = None,
    buildings: Layer | None = None,
    camera_range: float = 30.0,
    camera_fov: float = 90.0,
    spacing: float = 25.0,
    sample: float = 5.0,
    report_distance: float = 25.0,
    light_radius: float = 20.0,
    radius_from_height: float | None = None,
    model: _Model = "disc",
    intensity: float = 1000.0,
    default_height: float = 6.0,
    min_lux: float | None = None,
    lux_class: _Class | None = None,
    lux_cutoff: float = 60.0,
    lux_cell: float = 1.0,
    starts: int = 10,
    swap: bool = True,
) -> PlacementResult: ...

class Route:
    kind: Literal["shortest", "safe"]
    line: npt.NDArray[np.float64]
    length_m: float
    detour_pct: float
    lit_share: float
    seen_share: float
    exposure: float
    dark_m: float
    cost: float
    dark: Table
    summary: dict[str, Any]

class RoutePair:
    id: str
    shortest: Route
    safe: Route
    from_snap_m: float
    to_snap_m: float
    from_on_network: tuple[float, float]
    to_on_network: tuple[float, float]
    summary: dict[str, Any]

class RouteResult:
    pairs: list[RoutePair]
    routes: Table
    dark_stretches: Table
    summary: dict[str, Any]
    weights: dict[str, float]
    network: dict[str, Any]
    lights_used: int | None
    cameras: dict[str, int] | None
    working_crs: str
    @property
    def shortest(self) -> Route: ...
    @property
    def safe(self) -> Route: ...
    def __len__(self) -> int: ...
    @property
    def __geo_interface__(self) -> dict[str, Any]: ...
    def to_geopandas(self, layer: Literal["routes", "dark_stretches"] = "routes") -> Any: ...

def route(
    walkways: Layer,
    from_xy: npt.ArrayLike,
    to_xy: npt.ArrayLike,
    lights: Layer | None = None,
    cameras: Layer | None = None,
    buildings: Layer | None = None,
    reports: Layer | None = None,
    w_dark: float = 2.0,
    w_unseen: float = 1.0,
    w_hot: float = 1.0,
    hot_radius: float = 50.0,
    max_snap: float = 100.0,
    min_dark: float = 1.0,
    point_crs: str | None = None,
    node_intersections: bool = False,
    all_highways: bool = False,
    pair_ids: Sequence[str] | None = None,
    light_radius: float = 20.0,
    radius_from_height: float | None = None,
    model: _Model = "disc",
    intensity: float = 1000.0,
    default_height: float = 6.0,
    min_lux: float | None = None,
    lux_class: _Class | None = None,
    lux_cutoff: float = 60.0,
    lux_cell: float = 1.0,
) -> RouteResult: ...
