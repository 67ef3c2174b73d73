// The recording for people: one JSON document with the versions, configuration, peers and, per
// branch, every input (with its one-line description and what it did), checkpoints and markers.
// Hashes are hex strings. Not read back: the binary file is the truth (toolchain §5).
#pragma once
#include <string>

#include "record/recording.hpp"

namespace parsec::record {

std::string export_json(const Recording& recording);

}  // namespace parsec::record
