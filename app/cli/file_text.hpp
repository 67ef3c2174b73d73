// Reading a whole file for the command line, with errors that name the file.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "core/result.hpp"

namespace parsec::app {

inline core::Result<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::make_error("IoError", "cannot open file", path);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return core::make_error("IoError", "read failed", path);
    return ss.str();
}

}  // namespace parsec::app
