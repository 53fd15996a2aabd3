#include "trygg/io/atomic_output.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "support/scratch.hpp"
#include "trygg/error.hpp"

using namespace trygg;
using namespace trygg::io;
namespace fs = std::filesystem;

namespace {

using trygg::test::write_options;

class AtomicOutputTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = trygg::test::make_scratch_dir("atomic");
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    static void write_text(const std::string& file, const std::string& text) {
        std::ofstream(file, std::ios::binary) << text;
    }
    static std::string read_text(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    std::vector<std::string> directory_listing() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir_)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

    fs::path dir_;
};

}  // namespace

TEST_F(AtomicOutputTest, TempNameIsHiddenInTheSameDirectoryWithTheSameExtension) {
    AtomicOutput out(path("hotspots.gpkg"), {});
    const fs::path temp(out.temp_path());
    EXPECT_EQ(temp.parent_path(), dir_);
    EXPECT_EQ(temp.extension(), ".gpkg");
    EXPECT_EQ(temp.filename().string().rfind(".hotspots.tmp-", 0), 0u) << temp;
    EXPECT_EQ(out.final_path(), path("hotspots.gpkg"));

    // Two outputs to the same target in one process get different temporary names.
    AtomicOutput other(path("hotspots.gpkg"), {});
    EXPECT_NE(other.temp_path(), out.temp_path());
}

TEST_F(AtomicOutputTest, CommitMovesTheTemporaryFileToTheFinalName) {
    AtomicOutput out(path("a.csv"), {});
    write_text(out.temp_path(), "x,y\n1,2\n");
    EXPECT_FALSE(fs::exists(path("a.csv")));  // nothing under the final name before commit
    out.commit();
    EXPECT_TRUE(out.committed());
    EXPECT_EQ(read_text(path("a.csv")), "x,y\n1,2\n");
    EXPECT_EQ(directory_listing(), std::vector<std::string>{"a.csv"});
    EXPECT_THROW(out.commit(), UsageError);
}

TEST_F(AtomicOutputTest, DestructionWithoutCommitRemovesEverything) {
    {
        AtomicOutput out(path("a.gpkg"), {});
        write_text(out.temp_path(), "partial");
        write_text(out.temp_path() + "-journal", "journal");
    }
    EXPECT_TRUE(directory_listing().empty());
}

TEST_F(AtomicOutputTest, ExistingOutputNeedsOverwrite) {
    write_text(path("a.csv"), "old");
    try {
        AtomicOutput out(path("a.csv"), {});
        FAIL() << "no exception";
    } catch (const UsageError& error) {
        EXPECT_EQ(error.message(), "output '" + path("a.csv") + "' exists; use --overwrite");
    }
    EXPECT_EQ(read_text(path("a.csv")), "old");

    AtomicOutput out(path("a.csv"), write_options(true));
    write_text(out.temp_path(), "new");
    EXPECT_EQ(read_text(path("a.csv")), "old");  // untouched until commit
    out.commit();
    EXPECT_EQ(read_text(path("a.csv")), "new");
    EXPECT_EQ(directory_listing().size(), 1u);
}

TEST_F(AtomicOutputTest, FileCreatedBehindOurBackIsNotReplaced) {
    AtomicOutput out(path("a.csv"), {});
    write_text(out.temp_path(), "ours");
    write_text(path("a.csv"), "someone else's");
    EXPECT_THROW(out.commit(), UsageError);
    EXPECT_EQ(read_text(path("a.csv")), "someone else's");
}

TEST_F(AtomicOutputTest, AnInputIsNeverOverwritten) {
    write_text(path("reports.gpkg"), "input");
    fs::create_directories(dir_ / "sub");
    const WriteOptions options = write_options(true, {path("reports.gpkg")});
    // The same file spelled differently, through a symlink and through a hard link.
    EXPECT_THROW(AtomicOutput(path("reports.gpkg"), options), UsageError);
    EXPECT_THROW(AtomicOutput(path("sub/../reports.gpkg"), options), UsageError);
    fs::create_symlink(path("reports.gpkg"), path("link.gpkg"));
    EXPECT_THROW(AtomicOutput(path("link.gpkg"), options), UsageError);
    fs::create_hard_link(path("reports.gpkg"), path("hard.gpkg"));
    EXPECT_THROW(AtomicOutput(path("hard.gpkg"), options), UsageError);
    EXPECT_EQ(read_text(path("reports.gpkg")), "input");

    // Relative spelling from the current directory.
    const fs::path previous = fs::current_path();
    fs::current_path(dir_);
    EXPECT_THROW(AtomicOutput("./reports.gpkg", options), UsageError);
    fs::current_path(previous);

    // Another name is fine.
    EXPECT_NO_THROW(AtomicOutput(path("out.gpkg"), options));
}

TEST_F(AtomicOutputTest, BadTargets) {
    EXPECT_THROW(AtomicOutput(path("missing/out.gpkg"), {}), UsageError);
    fs::create_directories(dir_ / "folder.gpkg");
    EXPECT_THROW(AtomicOutput(path("folder.gpkg"), write_options(true)), UsageError);
    EXPECT_THROW(AtomicOutput("", {}), UsageError);
}

TEST_F(AtomicOutputTest, CommitWithoutTemporaryFileIsADataError) {
    AtomicOutput out(path("a.csv"), {});
    EXPECT_THROW(out.commit(), DataError);
    EXPECT_FALSE(fs::exists(path("a.csv")));
}

TEST_F(AtomicOutputTest, MoveTransfersOwnership) {
    std::string temp;
    {
        AtomicOutput first(path("a.csv"), {});
        temp = first.temp_path();
        write_text(temp, "data");
        AtomicOutput second(std::move(first));
        EXPECT_EQ(second.temp_path(), temp);
        {
            AtomicOutput third(std::move(second));
            EXPECT_TRUE(fs::exists(temp));  // moved-from objects do not delete it
            third.commit();
        }
    }
    EXPECT_FALSE(fs::exists(temp));
    EXPECT_EQ(read_text(path("a.csv")), "data");
}
