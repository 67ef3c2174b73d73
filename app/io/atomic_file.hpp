// Whole-file writes that never leave a half-written target: temp file, fsync, rename.
#pragma once
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace parsec::app {

// Writes `bytes` to a temporary file next to `path`, flushes it to disk, then renames it over
// `path`, so a crash or a full disk leaves either the old file or the new one, never a mix.
core::Status write_file_atomically(const std::string& path, std::string_view bytes);

// Reads a whole file; the error names the file.
core::Result<std::string> read_whole_file(const std::string& path);

}  // namespace parsec::app
