// Shared pieces of the .dot parser and writer (spec §9.3-§9.5): a line cursor, a one-line scanner,
// observation text parsing/printing. Internal to engine/dot/dot_{parser,parser_meta,text,writer}.cpp.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dot/dot_file.hpp"

namespace parsec::dot::detail {

inline bool is_space(char c) { return c == ' ' || c == '\t'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Event names: "<short>_<index>" or "<short>_<index>,<k>" (spec §9.2).
inline bool is_name_char(char c) { return is_alnum(c) || c == '_' || c == ','; }

std::string_view trim(std::string_view s);
bool is_blank(std::string_view s);
bool is_hex64(std::string_view s);

// A short, printable rendering of input for error messages.
std::string quoted(std::string_view s);

// Scans one line from left to right. Every take_* leaves the position unchanged on failure.
class Scan {
public:
    explicit Scan(std::string_view s) : s_(s) {}

    bool done() const { return p_ >= s_.size(); }
    std::string_view rest() const { return s_.substr(p_); }
    char peek() const { return done() ? '\0' : s_[p_]; }
    void skip_ws() { while (!done() && is_space(s_[p_])) ++p_; }
    bool eat(std::string_view lit);
    bool eat(char c);
    std::string_view take_id();    // [A-Za-z0-9]+
    std::string_view take_name();  // [A-Za-z0-9_,]+
    std::string_view take_quoted_name();  // "name"
    // Decimal digits into T with overflow detection.
    template <typename T>
    bool take_uint(T& out);

private:
    std::string_view s_;
    size_t p_ = 0;
};

template <typename T>
bool Scan::take_uint(T& out) {
    size_t p = p_;
    std::uint64_t v = 0;
    constexpr std::uint64_t max = std::numeric_limits<T>::max();
    while (p < s_.size() && is_digit(s_[p])) {
        std::uint64_t d = static_cast<std::uint64_t>(s_[p] - '0');
        if (v > (max - d) / 10) return false;  // would overflow T
        v = v * 10 + d;
        ++p;
    }
    if (p == p_) return false;
    out = static_cast<T>(v);
    p_ = p;
    return true;
}

// "[1, 2, 3]" / "[]" into numbers of type T; false on any syntax error or overflow.
template <typename T>
bool parse_number_list(Scan& s, std::vector<T>& out) {
    if (!s.eat('[')) return false;
    s.skip_ws();
    if (s.eat(']')) return true;
    for (;;) {
        T v{};
        if (!s.take_uint(v)) return false;
        out.push_back(v);
        s.skip_ws();
        if (s.eat(']')) return true;
        if (!s.eat(',')) return false;
        s.skip_ws();
    }
}

// Index and fork suffix from an event name; false if the name is not "<alnum>_<n>[,<k>]".
bool parse_event_name(std::string_view name, std::uint64_t& index, bool& has_fork, std::uint32_t& fork_k);

// Splits "a, b, c" at top-level commas (outside (), {}, []); each part is trimmed. Empty input → {}.
// False on unbalanced brackets or an empty part.
bool split_top_level(std::string_view list, std::vector<std::string_view>& parts);

// Parses an observation's display text (spec §9.3). With `in_cause`, a DkgMessage must carry its
// ", SerialisedDkgMessage([..])" suffix, which fills dkg_bytes and is left out of `text`.
// On failure returns false and sets `why` to what was expected.
bool parse_observation(std::string_view text, bool in_cause, DotObservation& out, std::string& why);

// The display text of an observation: its `text` if set, else rebuilt from the fields.
std::string observation_display(const DotObservation& obs);

// A line-oriented recursive-descent parser; the first error wins and stops everything.
class Parser {
public:
    Parser(std::string_view text, std::string_view file_name);
    core::Result<DotFile> run();

private:
    // Lines.
    bool at_eof() const { return cur_ >= lines_.size(); }
    std::string_view line() const { return at_eof() ? std::string_view() : lines_[cur_]; }
    int line_no() const { return at_eof() ? eof_line_ : static_cast<int>(cur_) + 1; }
    void next() { if (!at_eof()) ++cur_; }
    void skip_blank();
    std::string found() const;
    bool fail(int line, std::string message);
    bool expect_fail(std::string_view expected) { return fail(line_no(), "expected " + std::string(expected) + ", found " + found()); }
    bool expect_exact(std::string_view trimmed);               // one line equal to `trimmed` after trim
    bool comment_body(std::string_view& body);                  // "///" + ws, returns the rest
    bool comment_value(std::string_view key, std::string_view& value);  // "/// key <value>"? (no error)

    // Sections (dot_parser.cpp).
    bool parse_header();
    bool parse_peer_list();
    bool parse_graph();
    bool parse_cluster();
    bool parse_edge(std::string_view text, std::string& from, std::string& to, std::string& attr);
    bool parse_rank_block();
    bool parse_details();
    bool parse_detail_entry();
    bool parse_cause(std::string_view text, DotEvent& e);
    bool resolve_graph();

    // Meta-election (dot_parser_meta.cpp).
    bool parse_meta();
    bool parse_interesting_events();
    bool parse_meta_event();
    bool parse_meta_votes(DotMetaEvent& m);
    bool parse_id_set(std::string_view text, std::vector<std::string>& out);
    bool parse_name_list(std::string_view text, char open, char close, std::vector<std::string>& out);
    bool known_event(std::string_view name) const { return by_name_.count(std::string(name)) != 0; }

    std::string file_name_;
    std::vector<std::string_view> lines_;
    size_t cur_ = 0;
    int eof_line_ = 1;
    std::optional<core::Error> error_;
    DotFile file_;

    // Graph bookkeeping: where each event and each edge was seen.
    std::unordered_map<std::string, size_t> by_name_;  // event name → index in file_.events
    std::vector<int> defined_at_;                       // cluster line defining each event
    std::vector<bool> has_detail_;
    struct Edge {
        int line;
        std::string from, to;
    };
    std::vector<Edge> self_edges_, other_edges_;
    std::unordered_set<std::string> peer_ids_, cluster_ids_, meta_event_names_;
};

}  // namespace parsec::dot::detail
