"""trygg: geospatial analysis for safer towns.

Python bindings (pybind11) over the same C++ library the ``trygg`` command-line tool uses:

- :func:`read_layer` reads any GDAL/OGR source into a :class:`Layer` in a metric CRS;
- :func:`dbscan` clusters points (DBSCAN / ST-DBSCAN);
- :func:`kde` computes a kernel density grid (heatmap);
- :func:`gistar` computes Getis-Ord Gi* z-scores;
- :func:`nearby` lists what is within a walk of each stop;
- :func:`coverage` finds lit and camera-seen walkways and dark gaps;
- :func:`place` chooses sites for new lights (or any facility) by maximal coverage;
- :func:`route` plans the shortest and the safe walking route.

Library errors raise :class:`UsageError` (bad parameters) or :class:`DataError` (bad data);
both are subclasses of ValueError. See docs/python.md.
"""

from ._trygg import (  # noqa: F401
    BORDER,
    CORE,
    NOISE,
    DataError,
    Layer,
    UsageError,
    __version__,
    dbscan,
    gistar,
    kde,
    read_layer,
)

__all__ = [
    "BORDER",
    "CORE",
    "NOISE",
    "CoverageResult",
    "DataError",
    "Layer",
    "PlacementResult",
    "Route",
    "RoutePair",
    "RouteResult",
    "Table",
    "UsageError",
    "__version__",
    "coverage",
    "dbscan",
    "gistar",
    "kde",
    "nearby",
    "NearbyResult",
    "place",
    "read_layer",
    "route",
]

from . import _frames
from ._coverage import CoverageResult, PlacementResult, coverage, place  # noqa: F401
from ._frames import Table  # noqa: F401
from ._network import NearbyResult, nearby  # noqa: F401
from ._route import Route, RoutePair, RouteResult, route  # noqa: F401

# Conversions written in Python (pandas/geopandas are optional and imported on use).
Layer.to_geopandas = _frames.layer_to_geopandas

# Show the public names as trygg.X (not trygg._trygg.X) in reprs and tracebacks.
for _obj in (CoverageResult, DataError, Layer, NearbyResult, PlacementResult, Route, RoutePair, RouteResult, Table,
             UsageError, coverage, place, route):
    _obj.__module__ = "trygg"
del _obj
