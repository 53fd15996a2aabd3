#include "trygg/io/atomic_output.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

#include "trygg/error.hpp"

namespace trygg::io {

namespace fs = std::filesystem;

namespace {

// Two writers in one process may target the same file (a test, or a retry after a failure):
// the counter keeps their temporary names apart, the pid keeps processes apart.
std::atomic<unsigned> temp_counter{0};

// SQLite (GeoPackage) may leave these next to a database when the process dies mid-write.
constexpr std::array sqlite_side_files{"-journal", "-wal", "-shm"};

bool same_file(const fs::path& output, const std::string& input) {
    const fs::path input_path(input);
    std::error_code output_error;
    std::error_code input_error;
    const fs::path canonical_output = fs::weakly_canonical(output, output_error);
    const fs::path canonical_input = fs::weakly_canonical(input_path, input_error);
    if (!output_error && !input_error && canonical_output == canonical_input) return true;
    // Hard links and bind mounts have different canonical paths but are the same file.
    std::error_code error;
    return fs::equivalent(output, input_path, error) && !error;
}

}  // namespace

AtomicOutput::AtomicOutput(std::string final_path, const WriteOptions& options)
    : final_path_(std::move(final_path)), overwrite_(options.overwrite) {
    const fs::path target(final_path_);
    if (final_path_.empty() || !target.has_filename()) {
        throw UsageError("output '" + final_path_ + "' is not a file name");
    }
    for (const std::string& input : options.inputs) {
        if (same_file(target, input)) {
            throw UsageError("output '" + final_path_ + "' is also an input; choose another name");
        }
    }
    std::error_code error;
    const fs::file_status status = fs::status(target, error);
    if (fs::is_directory(status)) {
        throw UsageError("output '" + final_path_ + "' is a directory");
    }
    if (fs::exists(status) && !overwrite_) {
        throw UsageError("output '" + final_path_ + "' exists; use --overwrite");
    }
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(directory, error)) {
        throw UsageError("output directory '" + directory.string() + "' does not exist");
    }

    const fs::path temp = directory / ("." + target.stem().string() + ".tmp-" +
                                       std::to_string(::getpid()) + "-" +
                                       std::to_string(temp_counter.fetch_add(1)) +
                                       target.extension().string());
    temp_path_ = temp.string();
    // A leftover from an earlier process with the same pid would make GDAL open or refuse it.
    discard();
}

AtomicOutput::~AtomicOutput() {
    if (!committed_) discard();
}

AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept
    : final_path_(std::move(other.final_path_)),
      temp_path_(std::move(other.temp_path_)),
      overwrite_(other.overwrite_),
      committed_(std::exchange(other.committed_, true)) {
    other.temp_path_.clear();
}

AtomicOutput& AtomicOutput::operator=(AtomicOutput&& other) noexcept {
    if (this != &other) {
        if (!committed_) discard();
        final_path_ = std::move(other.final_path_);
        temp_path_ = std::move(other.temp_path_);
        overwrite_ = other.overwrite_;
        committed_ = std::exchange(other.committed_, true);
        other.temp_path_.clear();
    }
    return *this;
}

void AtomicOutput::discard() noexcept {
    if (temp_path_.empty()) return;
    std::error_code ignored;
    fs::remove(temp_path_, ignored);
    for (const char* suffix : sqlite_side_files) fs::remove(temp_path_ + suffix, ignored);
}

void AtomicOutput::commit() {
    if (committed_) throw UsageError("output '" + final_path_ + "' was already committed");
    std::error_code error;
    if (!fs::is_regular_file(temp_path_, error)) {
        throw DataError("temporary file '" + temp_path_ + "' for output '" + final_path_ +
                        "' is missing");
    }
    if (!overwrite_) {
        // link(2) fails with EEXIST if the name was taken since the constructor's check, so a
        // file that appeared meanwhile is never replaced without --overwrite.
        fs::create_hard_link(temp_path_, final_path_, error);
        if (!error) {
            committed_ = true;
            discard();  // the data live on under the final name
            return;
        }
        if (error == std::errc::file_exists) {
            throw UsageError("output '" + final_path_ + "' exists; use --overwrite");
        }
        // File systems without hard links (some network and FUSE mounts): check, then rename.
        if (fs::exists(final_path_)) {
            throw UsageError("output '" + final_path_ + "' exists; use --overwrite");
        }
        error.clear();
    }
    fs::rename(temp_path_, final_path_, error);
    if (error) {
        throw DataError("cannot rename '" + temp_path_ + "' to '" + final_path_ +
                        "': " + error.message());
    }
    committed_ = true;
}

}  // namespace trygg::io
