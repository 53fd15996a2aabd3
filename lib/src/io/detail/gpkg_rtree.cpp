#include "io/detail/gpkg_rtree.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <numeric>
#include <utility>

namespace trygg::io::detail {

float float_below(double value) noexcept {
    const auto f = static_cast<float>(value);
    return static_cast<double>(f) > value ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}

float float_above(double value) noexcept {
    const auto f = static_cast<float>(value);
    return static_cast<double>(f) < value ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

namespace {

// Bytes per cell of a 2D r-tree node: a 64-bit id and four 32-bit coordinates.
constexpr std::size_t kCellBytes = 8 + 4 * 4;
constexpr std::size_t kNodeHeaderBytes = 4;

// "name" with embedded quotes doubled: an SQL identifier.
std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    out += '"';
    return out;
}

struct StatementCloser {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementCloser>;

// One SQLite connection; every failure becomes a DataError naming the file and the table.
class Database {
public:
    Database(const std::string& path, std::string source) : source_(std::move(source)) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            db_ = nullptr;
            throw DataError("cannot open the GeoPackage to write its spatial index: " + message,
                            ErrorLocation{source_, {}, {}, {}});
        }
    }
    ~Database() { sqlite3_close(db_); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void set_table(const std::string& table) { table_ = table; }

    void exec(const std::string& sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            fail(text);
        }
    }

    Statement prepare(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail(sqlite3_errmsg(db_));
        return Statement(statement);
    }

    // Runs a statement whose parameters are bound, then resets it for the next row.
    void step(sqlite3_stmt* statement) {
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) fail(sqlite3_errmsg(db_));
    }

    void check(int rc) {
        if (rc != SQLITE_OK) fail(sqlite3_errmsg(db_));
    }

    std::int64_t query_integer(const std::string& sql) {
        const Statement statement = prepare(sql);
        if (sqlite3_step(statement.get()) != SQLITE_ROW) fail("'" + sql + "' returned no row");
        return sqlite3_column_int64(statement.get(), 0);
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw DataError("cannot write the spatial index: " + message, ErrorLocation{source_, table_, {}, {}});
    }

private:
    sqlite3* db_ = nullptr;
    std::string source_;
    std::string table_;
};

// A node in the making: its number and the box around its cells.
struct Packed {
    std::int64_t node = 0;
    RTreeEntry box;  // id = node number
};

void put_u16(unsigned char* out, std::uint16_t value) {
    out[0] = static_cast<unsigned char>(value >> 8);
    out[1] = static_cast<unsigned char>(value);
}

void put_u32(unsigned char* out, std::uint32_t value) {
    for (int k = 0; k < 4; ++k) out[k] = static_cast<unsigned char>(value >> (24 - 8 * k));
}

void put_i64(unsigned char* out, std::int64_t value) {
    const auto bits = static_cast<std::uint64_t>(value);
    for (int k = 0; k < 8; ++k) out[k] = static_cast<unsigned char>(bits >> (56 - 8 * k));
}

// Writes the rtree module's tables for `entries` (already in the table, non-empty). Levels are
// packed bottom-up with STR: sort by the x of the box centres, cut into ceil(sqrt(nodes))
// vertical slices, sort each slice by y, fill nodes of `capacity` cells in that order. Ties are
// broken by id, so the tree depends on the boxes only.
void pack(Database& db, const std::string& name, std::vector<RTreeEntry>& entries, std::size_t capacity,
          std::size_t node_size) {
    const Statement insert_node = db.prepare("INSERT OR REPLACE INTO " + quoted(name + "_node") + "(nodeno, data) VALUES (?, ?)");
    const Statement insert_rowid = db.prepare("INSERT INTO " + quoted(name + "_rowid") + "(rowid, nodeno) VALUES (?, ?)");
    const Statement insert_parent = db.prepare("INSERT INTO " + quoted(name + "_parent") + "(nodeno, parentnode) VALUES (?, ?)");

    std::vector<unsigned char> blob(node_size);
    auto write_node = [&](std::int64_t node, std::uint16_t depth, const RTreeEntry* cells, std::size_t count) {
        std::fill(blob.begin(), blob.end(), static_cast<unsigned char>(0));
        put_u16(blob.data(), depth);
        put_u16(blob.data() + 2, static_cast<std::uint16_t>(count));
        unsigned char* out = blob.data() + kNodeHeaderBytes;
        for (std::size_t k = 0; k < count; ++k, out += kCellBytes) {
            put_i64(out, cells[k].id);
            put_u32(out + 8, std::bit_cast<std::uint32_t>(cells[k].min_x));
            put_u32(out + 12, std::bit_cast<std::uint32_t>(cells[k].max_x));
            put_u32(out + 16, std::bit_cast<std::uint32_t>(cells[k].min_y));
            put_u32(out + 20, std::bit_cast<std::uint32_t>(cells[k].max_y));
        }
        db.check(sqlite3_bind_int64(insert_node.get(), 1, node));
        db.check(sqlite3_bind_blob(insert_node.get(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC));
        db.step(insert_node.get());
    };
    auto bounds = [](const RTreeEntry* cells, std::size_t count, std::int64_t id) {
        RTreeEntry box = cells[0];
        box.id = id;
        for (std::size_t k = 1; k < count; ++k) {
            box.min_x = std::min(box.min_x, cells[k].min_x);
            box.max_x = std::max(box.max_x, cells[k].max_x);
            box.min_y = std::min(box.min_y, cells[k].min_y);
            box.max_y = std::max(box.max_y, cells[k].max_y);
        }
        return box;
    };
    // Centres doubled (min + max, in double: exact for floats), then id.
    auto by_x = [](const RTreeEntry& a, const RTreeEntry& b) {
        const double ca = static_cast<double>(a.min_x) + static_cast<double>(a.max_x);
        const double cb = static_cast<double>(b.min_x) + static_cast<double>(b.max_x);
        return ca != cb ? ca < cb : a.id < b.id;
    };
    auto by_y = [](const RTreeEntry& a, const RTreeEntry& b) {
        const double ca = static_cast<double>(a.min_y) + static_cast<double>(a.max_y);
        const double cb = static_cast<double>(b.min_y) + static_cast<double>(b.max_y);
        return ca != cb ? ca < cb : a.id < b.id;
    };

    // (row id or child node, node holding it): rows of _rowid for the leaves, of _parent above.
    std::vector<std::pair<std::int64_t, std::int64_t>> holder;
    holder.reserve(entries.size());
    std::vector<RTreeEntry> level = std::move(entries);
    std::int64_t next_node = 2;
    std::uint16_t depth = 0;
    while (level.size() > capacity) {
        const std::size_t nodes = (level.size() + capacity - 1) / capacity;
        const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
        const std::size_t slice_items = slices * capacity;
        std::sort(level.begin(), level.end(), by_x);
        std::vector<RTreeEntry> parents;
        parents.reserve(nodes);
        for (std::size_t s = 0; s < level.size(); s += slice_items) {
            const auto slice_end = level.begin() + static_cast<std::ptrdiff_t>(std::min(level.size(), s + slice_items));
            std::sort(level.begin() + static_cast<std::ptrdiff_t>(s), slice_end, by_y);
            for (auto first = level.begin() + static_cast<std::ptrdiff_t>(s); first < slice_end;) {
                const auto count = static_cast<std::size_t>(std::min<std::ptrdiff_t>(
                    slice_end - first, static_cast<std::ptrdiff_t>(capacity)));
                const std::int64_t node = next_node++;
                write_node(node, 0, &*first, count);
                for (std::size_t k = 0; k < count; ++k) holder.emplace_back(first[static_cast<std::ptrdiff_t>(k)].id, node);
                parents.push_back(bounds(&*first, count, node));
                first += static_cast<std::ptrdiff_t>(count);
            }
        }
        // Rows in key order: appending to a table is SQLite's fast path.
        std::sort(holder.begin(), holder.end());
        sqlite3_stmt* insert = depth == 0 ? insert_rowid.get() : insert_parent.get();
        for (const auto& [key, node] : holder) {
            db.check(sqlite3_bind_int64(insert, 1, key));
            db.check(sqlite3_bind_int64(insert, 2, node));
            db.step(insert);
        }
        holder.clear();
        level = std::move(parents);
        ++depth;
    }
    // The root (node 1) holds what is left: the leaf rows themselves when they fit in one node.
    write_node(1, depth, level.data(), level.size());
    sqlite3_stmt* insert = depth == 0 ? insert_rowid.get() : insert_parent.get();
    std::sort(level.begin(), level.end(), [](const RTreeEntry& a, const RTreeEntry& b) { return a.id < b.id; });
    for (const RTreeEntry& cell : level) {
        db.check(sqlite3_bind_int64(insert, 1, cell.id));
        db.check(sqlite3_bind_int64(insert, 2, 1));
        db.step(insert);
    }
}

void write_rtree(Database& db, PendingRTree& index) {
    db.set_table(index.table);
    const std::string name = "rtree_" + index.table + "_" + index.geometry_column;
    const std::string rtree = quoted(name);
    const std::string table = quoted(index.table);
    const std::string geom = quoted(index.geometry_column);
    const std::string fid = quoted(index.fid_column);

    db.exec("CREATE VIRTUAL TABLE " + rtree + " USING rtree(id, minx, maxx, miny, maxy)");
    if (!index.entries.empty()) {
        const auto node_size = static_cast<std::size_t>(
            db.query_integer("SELECT length(data) FROM " + quoted(name + "_node") + " WHERE nodeno = 1"));
        if (node_size < kNodeHeaderBytes + 2 * kCellBytes) db.fail("unexpected r-tree node size " + std::to_string(node_size));
        const std::size_t capacity = std::min<std::size_t>((node_size - kNodeHeaderBytes) / kCellBytes, 0xffff);
        pack(db, name, index.entries, capacity, node_size);
    }

    // The triggers keep the index in step with later edits (GeoPackage 1.2, F.3).
    const std::string box = "(NEW." + fid + ",ST_MinX(NEW." + geom + "), ST_MaxX(NEW." + geom + "),ST_MinY(NEW." + geom +
                            "), ST_MaxY(NEW." + geom + "))";
    db.exec("CREATE TRIGGER " + quoted(name + "_insert") + " AFTER INSERT ON " + table + " WHEN (new." + geom +
            " NOT NULL AND NOT ST_IsEmpty(NEW." + geom + ")) BEGIN INSERT OR REPLACE INTO " + rtree + " VALUES " + box +
            "; END");
    db.exec("CREATE TRIGGER " + quoted(name + "_update1") + " AFTER UPDATE OF " + geom + " ON " + table + " WHEN OLD." +
            fid + " = NEW." + fid + " AND (NEW." + geom + " NOTNULL AND NOT ST_IsEmpty(NEW." + geom +
            ")) BEGIN INSERT OR REPLACE INTO " + rtree + " VALUES " + box + "; END");
    db.exec("CREATE TRIGGER " + quoted(name + "_update2") + " AFTER UPDATE OF " + geom + " ON " + table + " WHEN OLD." +
            fid + " = NEW." + fid + " AND (NEW." + geom + " ISNULL OR ST_IsEmpty(NEW." + geom + ")) BEGIN DELETE FROM " +
            rtree + " WHERE id = OLD." + fid + "; END");
    db.exec("CREATE TRIGGER " + quoted(name + "_update3") + " AFTER UPDATE ON " + table + " WHEN OLD." + fid +
            " != NEW." + fid + " AND (NEW." + geom + " NOTNULL AND NOT ST_IsEmpty(NEW." + geom + ")) BEGIN DELETE FROM " +
            rtree + " WHERE id = OLD." + fid + "; INSERT OR REPLACE INTO " + rtree + " VALUES " + box + "; END");
    db.exec("CREATE TRIGGER " + quoted(name + "_update4") + " AFTER UPDATE ON " + table + " WHEN OLD." + fid +
            " != NEW." + fid + " AND (NEW." + geom + " ISNULL OR ST_IsEmpty(NEW." + geom + ")) BEGIN DELETE FROM " +
            rtree + " WHERE id IN (OLD." + fid + ", NEW." + fid + "); END");
    db.exec("CREATE TRIGGER " + quoted(name + "_delete") + " AFTER DELETE ON " + table + " WHEN old." + geom +
            " NOT NULL BEGIN DELETE FROM " + rtree + " WHERE id = OLD." + fid + "; END");

    db.exec(
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT "
        "NULL,definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, "
        "extension_name))");
    const Statement extension = db.prepare(
        "INSERT INTO gpkg_extensions (table_name,column_name,extension_name,definition,scope) VALUES (?, ?, "
        "'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
    db.check(sqlite3_bind_text(extension.get(), 1, index.table.c_str(), -1, SQLITE_TRANSIENT));
    db.check(sqlite3_bind_text(extension.get(), 2, index.geometry_column.c_str(), -1, SQLITE_TRANSIENT));
    db.step(extension.get());
}

}  // namespace

void write_rtrees(const std::string& path, const std::string& source, std::vector<PendingRTree>& indexes) {
    if (indexes.empty()) return;
    Database db(path, source);
    // The file is a temporary one, renamed into place only when complete (atomic_output.hpp), so
    // neither fsync nor an on-disk rollback journal buys anything; a failure discards the file.
    db.exec("PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -65536");
    db.exec("BEGIN");
    for (PendingRTree& index : indexes) write_rtree(db, index);
    db.set_table({});
    db.exec("COMMIT");
}

}  // namespace trygg::io::detail
