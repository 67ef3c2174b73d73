// The reference's .dot dump as plain data (spec §9.3-§9.5): what the parser reads and the writer
// writes. Names and display strings are kept exactly as printed; nothing here knows the engine.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace parsec::dot {

struct DotPeer {
    std::string id;      // sanitised id, e.g. "Alice"
    std::string state;   // text inside PeerState(...), e.g. "VOTE|SEND|RECV" or "" (inactive)
};

enum class DotCause { Initial, Requesting, Request, Response, Observation };

struct DotObservation {
    enum class Kind { Genesis, Add, Remove, OpaquePayload, Accusation, StartDkg, DkgMessage };
    Kind kind = Kind::OpaquePayload;
    std::vector<std::string> group;  // Genesis / StartDkg ids as printed, in printed order
    std::string peer;                // Add / Remove / Accusation offender
    std::string payload;             // OpaquePayload text as printed (may be the 16-char shortened form)
    std::string malice_kind;         // Accusation: "Fork" or "InvalidAccusation"
    std::string malice_event;        // Accusation: the accused event's name, e.g. "A_20"
    std::vector<std::uint8_t> dkg_bytes;  // DkgMessage: bytes of SerialisedDkgMessage([..])
    std::string text;                // display text exactly as in the file, e.g. "OpaquePayload(0)"
};

struct DotEvent {
    std::string name;          // "A_12", or "A_2,1" for the second member of a forked slot
    std::string creator;       // the id of the cluster the event is in
    std::string self_parent;   // event name, empty for the first event of a cluster
    std::string other_parent;  // event name, empty if none
    DotCause cause = DotCause::Initial;
    std::string recipient;     // Requesting(<id>)
    DotObservation observation;  // valid when cause == Observation
    std::vector<std::pair<std::string, std::uint64_t>> last_ancestors;  // in printed order
    std::uint64_t index_by_creator = 0;  // from the name
    std::uint32_t fork_k = 0;            // ",k" suffix, 0 when absent
    bool has_fork_suffix = false;
    int line = 0;              // 1-based line of the event's detail entry
};

struct DotMetaVote {
    std::uint64_t round = 0;
    std::uint32_t step = 0;
    char est = '-', bin = '-', aux = '-', dec = '-';  // '-', 't', 'f', 'b' (est/bin only)
};

struct DotMetaEvent {
    std::string event;                              // event name
    std::vector<std::string> observees;             // ids as printed
    std::vector<std::string> interesting_content;   // display strings as printed
    bool has_meta_votes = false;
    std::vector<std::pair<std::string, std::vector<DotMetaVote>>> meta_votes;  // short name -> list
    int line = 0;
};

struct DotFile {
    std::string our_id;
    std::vector<DotPeer> peers;               // header order (local peer-index order, us first)
    std::string consensus_mode = "Supermajority";
    bool has_consensus_mode = false;
    std::vector<std::uint32_t> secure_rng;
    bool has_secure_rng = false;
    std::vector<std::uint8_t> key_gens;
    bool has_key_gens = false;
    std::vector<DotEvent> events;             // cluster by cluster, each in the file's order

    // Meta-election section.
    std::vector<std::string> consensus_history;  // 64 hex digits each
    std::vector<std::pair<std::string, std::vector<std::string>>> interesting_events;
    std::vector<std::string> all_voters;
    std::vector<std::string> unconsensused_events;
    std::vector<DotMetaEvent> meta_events;
};

// Parses a dump. Errors name `file_name`, the 1-based line and what was expected there.
core::Result<DotFile> parse_dot(std::string_view text, std::string_view file_name);

// Writes a dump in the reference's exact layout (spec §9.3, §9.4): for a file the reference wrote,
// parse then write gives the same bytes.
std::string write_dot(const DotFile& file);

}  // namespace parsec::dot
