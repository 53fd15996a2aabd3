#pragma once
// The spatial index of a GeoPackage feature table (the gpkg_rtree_index extension, GeoPackage
// 1.2 Annex F.3), packed in bulk. Internal to io/ (VectorWriter).
//
// Why: GDAL 3.6 fills a new layer's R-tree one row at a time through SQLite's rtree module,
// about 15 us of CPU per feature with a warm cache: 15 s of a 17 s GeoPackage write of a
// million reports. Packing the tree with Sort-Tile-Recursive (Leutenegger, Lopez & Edgington,
// "STR: a simple and efficient algorithm for R-tree packing", ICDE 1997) and storing its nodes
// straight into the rtree module's tables costs a sort and one row per feature.
//
// The storage is SQLite's own (ext/rtree/rtree.c, "The data structure for a single virtual
// r-tree table"): <name>_node(nodeno, data), <name>_parent(nodeno, parentnode) and
// <name>_rowid(rowid, nodeno); node 1 is the root; a node starts with the tree depth (root
// only, 0 when the root is a leaf) and its number of cells as 16-bit big-endian integers,
// then the cells: a 64-bit big-endian id (the row id in a leaf, a child node number above) and
// the box as 32-bit big-endian floats min_x, max_x, min_y, max_y. Every node has the size
// SQLite gave the empty root, which fixes the cells per node (51 for 2D with 4 KiB pages).
// The result is an ordinary rtree table: SQLite's rtreecheck() accepts it, and later inserts,
// updates and deletes (through the GeoPackage triggers) work as on any other.
//
// The virtual table, its six triggers and the gpkg_extensions row are the SQL GDAL 3.6 writes
// for a spatial index, so readers (GDAL, QGIS) see the index they would have got from GDAL.

#include <cstdint>
#include <string>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::io::detail {

// One feature's box, rounded outward to float as the rtree module stores it.
struct RTreeEntry {
    std::int64_t id = 0;  // the feature's FID
    float min_x = 0.0f;
    float max_x = 0.0f;
    float min_y = 0.0f;
    float max_y = 0.0f;
};

// The largest float <= value and the smallest float >= value (value finite).
float float_below(double value) noexcept;
float float_above(double value) noexcept;

// The spatial index of one feature table, collected while its features are written.
struct PendingRTree {
    std::string table;            // feature table name
    std::string geometry_column;  // its geometry column
    std::string fid_column;       // its integer primary key
    std::vector<RTreeEntry> entries;  // features with a non-empty geometry
};

// Adds the spatial index of each table to the GeoPackage at `path` (written and closed by GDAL
// before), all in one SQLite transaction; `entries` are sorted in place. Throws DataError
// naming `source` (the file name to report) and the table when SQLite fails.
void write_rtrees(const std::string& path, const std::string& source, std::vector<PendingRTree>& indexes);

}  // namespace trygg::io::detail
