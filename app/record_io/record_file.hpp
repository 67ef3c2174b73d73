// Recordings on disk: saving is atomic (temporary file, fsync, rename), loading names the file in
// every error and keeps what precedes a damaged chunk (the Damage says where it starts).
#pragma once
#include <string>

#include "record/codec.hpp"

namespace parsec::app {

core::Status save_recording(const std::string& path, const record::Recording& recording);
core::Result<record::Decoded> load_recording(const std::string& path);

}  // namespace parsec::app
