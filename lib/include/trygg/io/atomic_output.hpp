#pragma once
// Writing an output file so that it either appears complete under its final name or not at
// all: data go to a temporary file in the same directory, which is renamed over the final
// name only when everything was written. Also the one place that enforces "never overwrite an
// input, and an existing output only with --overwrite".

#include <string>
#include <vector>

namespace trygg::io {

// Options shared by every writer.
struct WriteOptions {
    bool overwrite = false;           // replace an existing output file
    std::vector<std::string> inputs;  // paths that must never be overwritten
    std::string crs;                  // CRS written to the file, e.g. "EPSG:3006"
};

// Owns the temporary path of one output file.
//
//   AtomicOutput out("hotspots.gpkg", options);   // checks the rules, picks the temp name
//   write_everything_to(out.temp_path());
//   out.commit();                                 // rename; without it the temp file goes
//
// The temporary name is ".<stem>.tmp-<pid>-<n><ext>" next to the target: same directory, so
// the rename is atomic (same file system), and same extension, so GDAL picks the right driver.
// Movable, not copyable.
class AtomicOutput {
public:
    // Throws UsageError when `final_path` is one of `options.inputs` (compared as canonical
    // paths, and as the same file when both exist), when it exists and options.overwrite is
    // false, when it is a directory, or when its directory does not exist.
    AtomicOutput(std::string final_path, const WriteOptions& options);
    // Removes the temporary file (and SQLite journal files next to it) unless committed.
    ~AtomicOutput();
    AtomicOutput(AtomicOutput&& other) noexcept;
    AtomicOutput& operator=(AtomicOutput&& other) noexcept;
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::string& final_path() const noexcept { return final_path_; }
    const std::string& temp_path() const noexcept { return temp_path_; }
    bool committed() const noexcept { return committed_; }

    // Moves the temporary file to the final name. Without overwrite the final name is claimed
    // with a hard link, which fails atomically if another process created the file meanwhile
    // (UsageError); with overwrite a rename replaces the old file in one step. Throws
    // DataError when the temporary file is missing or the rename fails.
    void commit();

    // Removes the temporary file now (idempotent). Also what the destructor does.
    void discard() noexcept;

private:
    std::string final_path_;
    std::string temp_path_;
    bool overwrite_ = false;
    bool committed_ = false;
};

}  // namespace trygg::io
