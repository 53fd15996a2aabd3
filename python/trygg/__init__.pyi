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
) -> NearbyResult: ...
