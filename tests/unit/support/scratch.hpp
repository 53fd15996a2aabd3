#pragma once
// Shared helpers for tests that write files: a fresh directory per test, and WriteOptions.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "trygg/io/atomic_output.hpp"

namespace trygg::test {

// A new, empty directory for the running test: <tmp>/trygg-<prefix>-<pid>-<test name>.
inline std::filesystem::path make_scratch_dir(const std::string& prefix) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto dir = std::filesystem::temp_directory_path() /
                     ("trygg-" + prefix + "-" + std::to_string(::getpid()) + "-" + info->name());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// WriteOptions built without designated initializers: GCC 12 warns about the members they
// leave out (-Wmissing-field-initializers) even though all have defaults.
inline io::WriteOptions write_options(bool overwrite, std::vector<std::string> inputs = {},
                                      std::string crs = {}) {
    io::WriteOptions options;
    options.overwrite = overwrite;
    options.inputs = std::move(inputs);
    options.crs = std::move(crs);
    return options;
}

}  // namespace trygg::test
