#pragma once
#include <string>

#include "dot/dot_file.hpp"
#include "dot/dot_replay.hpp"

namespace parsec::dot {
// Empty string when the parsed graph's names and last ancestors are consistent (C2, C3).
std::string check_graph_structure(const DotFile& file, std::string_view file_name);
// Empty string when the two meta-election sections agree under the §10.1 rules (C7).
std::string compare_meta_election(const DotFile& expected, const DotFile& got, size_t& meta_events_checked);
}  // namespace parsec::dot
