// Conformance checks on the parsed graph alone: C3 fork naming and C2 last ancestors (spec §10.2).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "dot/conformance_internal.hpp"

namespace parsec::dot {

std::string check_graph_structure(const DotFile& file, std::string_view file_name) {
    std::unordered_map<std::string, const DotEvent*> by_name;
    for (const auto& e : file.events) by_name[e.name] = &e;
    auto loc = [&](const DotEvent& e) { return std::string(file_name) + ":" + std::to_string(e.line); };

    // C3: index_by_creator follows the self-parent chain; ",k" appears exactly on forked slots.
    std::map<std::pair<std::string, std::uint64_t>, int> slot_size;
    std::unordered_map<std::string, std::uint64_t> index_of;
    for (const auto& e : file.events) {
        std::uint64_t idx = 0;
        if (!e.self_parent.empty()) {
            auto sp = by_name.find(e.self_parent);
            if (sp == by_name.end()) return loc(e) + ": event " + e.name + ": self-parent " + e.self_parent + " missing";
            if (sp->second->creator != e.creator)
                return loc(e) + ": event " + e.name + ": self-parent by another creator";
            idx = sp->second->index_by_creator + 1;
        }
        if (idx != e.index_by_creator)
            return loc(e) + ": event " + e.name + ": field index_by_creator: expected " + std::to_string(idx) +
                   ", got " + std::to_string(e.index_by_creator);
        ++slot_size[{e.creator, e.index_by_creator}];
    }
    for (const auto& e : file.events) {
        bool forked = slot_size[{e.creator, e.index_by_creator}] >= 2;
        if (forked != e.has_fork_suffix)
            return loc(e) + ": event " + e.name + ": field fork suffix: expected " + (forked ? "\",k\"" : "none") +
                   ", got " + (e.has_fork_suffix ? "\",k\"" : "none");
    }

    // C2: last ancestors recomputed from the structure (max over parents, own index).
    std::unordered_map<std::string, std::map<std::string, std::uint64_t>> last;
    for (size_t i : parsed_insertion_order(file)) {
        const DotEvent& e = file.events[i];
        auto& mine = last[e.name];
        for (const std::string* p : {&e.self_parent, &e.other_parent}) {
            auto it = last.find(*p);
            if (p->empty() || it == last.end()) continue;
            for (const auto& [id, v] : it->second) mine[id] = std::max(mine[id], v);
        }
        mine[e.creator] = e.index_by_creator;
        std::map<std::string, std::uint64_t> printed(e.last_ancestors.begin(), e.last_ancestors.end());
        if (printed != mine) {
            for (const auto& [id, v] : mine) {
                auto it = printed.find(id);
                std::string got = it == printed.end() ? "absent" : std::to_string(it->second);
                if (got != std::to_string(v))
                    return loc(e) + ": event " + e.name + ", peer " + id + ", field last_ancestors: expected " +
                           std::to_string(v) + ", got " + got;
            }
            return loc(e) + ": event " + e.name + ", field last_ancestors: the file lists peers with no ancestor";
        }
    }
    return {};
}

}  // namespace parsec::dot
