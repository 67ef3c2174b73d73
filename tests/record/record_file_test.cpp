// Files: save is atomic and loads back equal; errors name the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "record_fixture.hpp"
#include "io/atomic_file.hpp"
#include "record_io/record_file.hpp"

namespace parsec::record {
namespace {

std::filesystem::path scratch_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("parsec-record-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(RecordFile, SaveThenLoadGivesTheSameRecordingAndLeavesNoTemporaryFile) {
    const auto dir = scratch_dir();
    const std::string path = (dir / "run.parsecrec").string();
    const Recording rec = testing::record_small(51);
    ASSERT_TRUE(app::save_recording(path, rec).ok());
    ASSERT_TRUE(app::save_recording(path, rec).ok());  // replacing an existing file
    auto loaded = app::load_recording(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().to_string();
    EXPECT_FALSE(loaded->damage.has_value());
    EXPECT_EQ(loaded->recording, rec);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "run.parsecrec");
    }
    EXPECT_EQ(files, 1u);
    std::filesystem::remove_all(dir);
}

TEST(RecordFile, ErrorsNameTheFile) {
    const auto dir = scratch_dir();
    const std::string missing = (dir / "missing.parsecrec").string();
    auto loaded = app::load_recording(missing);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().where.find("missing.parsecrec"), std::string::npos);

    const std::string junk = (dir / "junk.parsecrec").string();
    ASSERT_TRUE(app::write_file_atomically(junk, "not a recording at all").ok());
    auto bad = app::load_recording(junk);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, "NotARecording");
    EXPECT_NE(bad.error().where.find("junk.parsecrec"), std::string::npos);

    EXPECT_FALSE(app::save_recording((dir / "no-such-dir" / "x").string(), testing::record_small(52, 1)).ok());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parsec::record
