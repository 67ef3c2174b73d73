// Conformance of our engine against a reference dump: the checks of spec §10.2 with the
// tolerance policy of §10.1, stated as rules about the file's content, never its name.
#pragma once
#include <string>
#include <vector>

#include "dot/dot_file.hpp"

namespace parsec::dot {

struct ConformanceResult {
    bool passed = true;
    std::string failure;                 // the first difference: event, peer, field, expected, got
    size_t events = 0;
    size_t decisions = 0;                // consensused keys (blocks) in the replay's consensus history
    size_t decision_points = 0;          // events at which the replay decided (one or more keys each)
    size_t meta_events_checked = 0;      // meta-events compared on both sides
    std::vector<std::string> notes;      // tolerances that applied, deciding events (for --verbose)
};

ConformanceResult check_conformance(const DotFile& file, std::string_view file_name);

}  // namespace parsec::dot
