// Parser of the reference's .dot dump (spec §9.3, §9.5): header, clusters, details. The meta-election
// section is in dot_parser_meta.cpp. Line-oriented; every failure names the file and the 1-based line.
#include "dot/dot_format_internal.hpp"

namespace parsec::dot {

core::Result<DotFile> parse_dot(std::string_view text, std::string_view file_name) {
    return detail::Parser(text, file_name).run();
}

namespace detail {

Parser::Parser(std::string_view text, std::string_view file_name) : file_name_(file_name) {
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        auto l = text.substr(start, end - start);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        lines_.push_back(l);
        start = end + 1;
    }
    // A truncated last line is where the input ends; after a final newline it is the next line.
    bool ends_with_newline = text.empty() || text.back() == '\n';
    eof_line_ = static_cast<int>(lines_.size()) + (ends_with_newline ? 1 : 0);
}

core::Result<DotFile> Parser::run() {
    bool ok = parse_header() && parse_graph() && parse_details() && resolve_graph() && parse_meta();
    if (!ok) {
        if (!error_) fail(line_no(), "malformed input");  // defensive: every path sets an error
        return *error_;
    }
    return std::move(file_);
}

void Parser::skip_blank() {
    while (!at_eof() && is_blank(line())) next();
}

std::string Parser::found() const {
    if (at_eof()) return "end of file";
    if (is_blank(line())) return "an empty line";
    return quoted(trim(line()));
}

bool Parser::fail(int line, std::string message) {
    if (!error_) error_ = core::make_error("ParseError", std::move(message), file_name_ + ":" + std::to_string(line));
    return false;
}

bool Parser::expect_exact(std::string_view trimmed) {
    if (at_eof() || trim(line()) != trimmed) return expect_fail(quoted(trimmed));
    next();
    return true;
}

bool Parser::comment_body(std::string_view& body) {
    if (at_eof()) return false;
    auto t = trim(line());
    if (t.substr(0, 3) != "///") return false;
    body = trim(t.substr(3));
    return true;
}

bool Parser::comment_value(std::string_view key, std::string_view& value) {
    std::string_view body;
    if (!comment_body(body) || body.substr(0, key.size()) != key) return false;
    value = trim(body.substr(key.size()));
    return true;
}

// ---- header ----

bool Parser::parse_header() {
    std::string_view v;
    if (!comment_value("our_id:", v)) return expect_fail("`/// our_id: <id>`");
    Scan s(v);
    file_.our_id = std::string(s.take_id());
    if (file_.our_id.empty() || !s.done()) return expect_fail("`/// our_id: <alphanumeric id>`");
    next();
    if (!parse_peer_list()) return false;
    if (comment_value("consensus_mode:", v)) {
        if (v != "Single" && v != "Supermajority") return expect_fail("`/// consensus_mode: Single|Supermajority`");
        file_.consensus_mode = std::string(v);
        file_.has_consensus_mode = true;
        next();
    }
    if (comment_value("secure_rng:", v)) {
        Scan r(v);
        if (!parse_number_list(r, file_.secure_rng) || !r.done())
            return expect_fail("`/// secure_rng: [<u32>, ...]`");
        file_.has_secure_rng = true;
        next();
    }
    if (comment_value("key_gens_and_next_id:", v)) {
        Scan r(v);
        if (!parse_number_list(r, file_.key_gens) || !r.done())
            return expect_fail("`/// key_gens_and_next_id: [<u8>, ...]`");
        file_.has_key_gens = true;
        next();
    }
    skip_blank();
    return expect_exact("digraph GossipGraph {") && expect_exact("splines=false") && expect_exact("rankdir=BT");
}

static bool valid_state(std::string_view state) {
    if (state.empty()) return true;
    size_t start = 0;
    for (;;) {
        size_t bar = state.find('|', start);
        auto flag = state.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        if (flag != "VOTE" && flag != "SEND" && flag != "RECV" && flag != "DKG") return false;
        if (bar == std::string_view::npos) return true;
        start = bar + 1;
    }
}

bool Parser::parse_peer_list() {
    std::string_view body;
    if (!comment_body(body) || body != "peer_list: {") return expect_fail("`/// peer_list: {`");
    next();
    for (;;) {
        if (!comment_body(body)) return expect_fail("`///   <id>: PeerState(..)` or `/// }`");
        if (body == "}") break;
        Scan s(body);
        DotPeer p;
        p.id = std::string(s.take_id());
        if (p.id.empty() || !s.eat(": PeerState(")) return expect_fail("`///   <id>: PeerState(..)` or `/// }`");
        auto rest = s.rest();
        if (rest.empty() || rest.back() != ')' || !valid_state(rest.substr(0, rest.size() - 1)))
            return expect_fail("a peer state `PeerState(VOTE|SEND|RECV|DKG...)`");
        p.state = std::string(rest.substr(0, rest.size() - 1));
        if (!peer_ids_.insert(p.id).second) return fail(line_no(), "peer `" + p.id + "` is listed twice in peer_list");
        file_.peers.push_back(std::move(p));
        next();
    }
    next();
    return true;
}

// ---- graph: clusters, other-parent edges, rank block ----

bool Parser::parse_graph() {
    skip_blank();
    while (!at_eof() && trim(line()) == "style=invis") {
        next();
        if (!parse_cluster()) return false;
        skip_blank();
    }
    return parse_rank_block();
}

bool Parser::parse_edge(std::string_view text, std::string& from, std::string& to, std::string& attr) {
    Scan s(trim(text));
    auto a = s.take_quoted_name();
    s.skip_ws();
    if (a.empty() || !s.eat("->")) return false;
    s.skip_ws();
    auto b = s.take_quoted_name();
    s.skip_ws();
    if (b.empty() || !s.eat('[')) return false;
    auto rest = s.rest();
    if (rest.empty() || rest.back() != ']') return false;
    from = std::string(a);
    to = std::string(b);
    attr = std::string(rest.substr(0, rest.size() - 1));
    return true;
}

bool Parser::parse_cluster() {
    Scan h(trim(line()));
    std::string id;
    if (h.eat("subgraph cluster_")) id = std::string(h.take_id());
    h.skip_ws();
    if (id.empty() || !h.eat('{') || !h.done()) return expect_fail("`subgraph cluster_<id> {`");
    if (!peer_ids_.count(id)) return fail(line_no(), "cluster `" + id + "` is not in the peer_list");
    if (!cluster_ids_.insert(id).second) return fail(line_no(), "cluster `" + id + "` appears twice");
    next();
    if (!expect_exact("label=\"" + id + "\"") || !expect_exact("\"" + id + "\" [style=invis]")) return false;
    std::string from, to, attr;
    for (;;) {
        if (!at_eof() && trim(line()) == "}") break;
        if (at_eof() || !parse_edge(line(), from, to, attr))
            return expect_fail("an edge `\"<event>\" -> \"<event>\" [..]` or `}`");
        std::uint64_t minlen = 0;
        Scan m(attr);
        bool first = attr == "style=invis";
        if (first && from != id) return fail(line_no(), "expected `\"" + id + "\"` before the first event's edge, found `\"" + from + "\"`");
        if (!first && !(m.eat("minlen=") && m.take_uint(minlen) && m.done()))
            return expect_fail("`[minlen=<n>]` or `[style=invis]` on an edge inside a cluster");
        DotEvent e;
        if (!parse_event_name(to, e.index_by_creator, e.has_fork_suffix, e.fork_k))
            return fail(line_no(), "expected an event name `<short>_<index>[,<k>]`, found " + quoted(to));
        if (auto it = by_name_.find(to); it != by_name_.end())
            return fail(line_no(), "event `" + to + "` is defined twice (first at line " +
                                       std::to_string(defined_at_[it->second]) + ")");
        if (!first) self_edges_.push_back({line_no(), from, to});
        e.name = to;
        e.creator = id;
        by_name_.emplace(to, file_.events.size());
        defined_at_.push_back(line_no());
        has_detail_.push_back(false);
        file_.events.push_back(std::move(e));
        next();
    }
    next();
    // Other-parent edges of this peer's events follow the cluster.
    while (!at_eof() && trim(line()).substr(0, 1) == "\"") {
        if (!parse_edge(line(), from, to, attr) || attr != "constraint=false")
            return expect_fail("an other-parent edge `\"<event>\" -> \"<event>\" [constraint=false]`");
        other_edges_.push_back({line_no(), from, to});
        next();
    }
    return true;
}

bool Parser::parse_rank_block() {
    if (!expect_exact("{") || !expect_exact("rank=same")) return false;
    for (;;) {
        if (!at_eof() && trim(line()) == "}") break;
        Scan s(trim(line()));
        bool ok = !at_eof() && !s.take_quoted_name().empty();
        s.skip_ws();
        if (!ok || !s.eat("[style=filled, color=white]") || !s.done())
            return expect_fail("`\"<id>\" [style=filled, color=white]` or `}`");
        next();
    }
    next();
    // The invisible chain "A" -> "B" -> ... [style=invis] (empty when there are no peers).
    if (!at_eof() && !is_blank(line())) {
        Scan s(trim(line()));
        for (;;) {
            if (s.take_quoted_name().empty()) return expect_fail("the peer chain `\"<id>\" -> ... [style=invis]`");
            s.skip_ws();
            if (!s.eat("->")) break;
            s.skip_ws();
        }
        if (!s.eat("[style=invis]") || !s.done()) return expect_fail("the peer chain `\"<id>\" -> ... [style=invis]`");
    }
    next();
    skip_blank();
    return expect_exact("/// ===== details of events =====");
}

// ---- details of events ----

bool Parser::parse_details() {
    for (;;) {
        skip_blank();
        if (at_eof()) return expect_fail("a details entry or `}` closing the graph");
        if (trim(line()) == "}") break;
        if (!parse_detail_entry()) return false;
    }
    next();
    return true;
}

bool Parser::parse_detail_entry() {
    const int start = line_no();
    Scan s(trim(line()));
    auto name = std::string(s.take_quoted_name());
    s.skip_ws();
    if (name.empty() || s.peek() != '[') return expect_fail("a details entry `\"<event>\" [..]`");
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return fail(start, "details entry for unknown event `" + name + "` (no cluster defines it)");
    if (has_detail_[it->second]) return fail(start, "second details entry for event `" + name + "`");
    has_detail_[it->second] = true;
    DotEvent& e = file_.events[it->second];
    e.line = start;
    // The attributes (colours, HTML label) are derived data: only their brackets are checked.
    std::string_view rest = s.rest();
    int depth = 0;
    for (;;) {
        size_t i = 0;
        for (; i < rest.size(); ++i) {
            if (rest[i] == '[') ++depth;
            if (rest[i] == ']' && --depth == 0) break;
        }
        if (i < rest.size()) {
            if (!is_blank(rest.substr(i + 1))) return fail(line_no(), "unexpected text after the attributes of event `" + name + "`");
            break;
        }
        next();
        if (at_eof())
            return fail(line_no(), "expected `]` closing the attributes of event `" + name + "` (opened at line " +
                                       std::to_string(start) + "), found end of file");
        rest = line();
    }
    next();
    std::string_view v;
    if (!comment_value("cause:", v)) return expect_fail("`/// cause: <cause>`");
    if (!parse_cause(v, e)) return false;
    next();
    if (comment_value("payload:", v)) next();  // legacy line, derived from the cause
    if (!comment_value("last_ancestors:", v)) return expect_fail("`/// last_ancestors: {<id>: <n>, ...}`");
    Scan a(v);
    bool ok = a.eat('{');
    if (ok && !a.eat('}')) {
        for (;;) {
            std::uint64_t n = 0;
            auto id = a.take_id();
            if (id.empty() || !a.eat(": ") || !a.take_uint(n)) { ok = false; break; }
            e.last_ancestors.emplace_back(std::string(id), n);
            if (a.eat('}')) break;
            if (!a.eat(", ")) { ok = false; break; }
        }
    }
    if (!ok || !a.done()) return expect_fail("`/// last_ancestors: {<id>: <n>, ...}`");
    next();
    return true;
}

bool Parser::parse_cause(std::string_view text, DotEvent& e) {
    Scan s(text);
    if (text == "Initial") e.cause = DotCause::Initial;
    else if (text == "Request") e.cause = DotCause::Request;
    else if (text == "Response") e.cause = DotCause::Response;
    else if (s.eat("Requesting(")) {
        e.cause = DotCause::Requesting;
        e.recipient = std::string(s.take_id());
        if (e.recipient.empty() || !s.eat(')') || !s.done()) return expect_fail("`Requesting(<id>)`");
    } else if (s.eat("Observation(") && text.back() == ')') {
        e.cause = DotCause::Observation;
        auto inner = text.substr(12, text.size() - 13);
        if (inner == "?") return fail(line_no(), "cause `Observation(?)` (an observation the dumping node no longer knew) cannot be used");
        std::string why;
        if (!parse_observation(inner, true, e.observation, why))
            return fail(line_no(), "expected " + why + " in the cause, found " + quoted(inner));
    } else {
        return expect_fail("a cause: Initial, Requesting(<id>), Request, Response or Observation(..)");
    }
    return true;
}

// Parents come from edges that may name events of later clusters, so they are linked at the end.
bool Parser::resolve_graph() {
    for (size_t i = 0; i < file_.events.size(); ++i)
        if (!has_detail_[i]) return fail(defined_at_[i], "event `" + file_.events[i].name + "` has no details entry");
    for (const auto& edge : self_edges_) {
        auto from = by_name_.find(edge.from);
        DotEvent& to = file_.events[by_name_.at(edge.to)];
        if (from == by_name_.end()) return fail(edge.line, "edge from unknown event `" + edge.from + "`");
        if (file_.events[from->second].creator != to.creator)
            return fail(edge.line, "self-parent `" + edge.from + "` of `" + edge.to + "` is not in cluster `" + to.creator + "`");
        to.self_parent = edge.from;
    }
    for (const auto& edge : other_edges_) {
        auto from = by_name_.find(edge.from);
        auto to = by_name_.find(edge.to);
        if (from == by_name_.end()) return fail(edge.line, "edge from unknown event `" + edge.from + "`");
        if (to == by_name_.end()) return fail(edge.line, "edge to unknown event `" + edge.to + "`");
        DotEvent& e = file_.events[to->second];
        if (!e.other_parent.empty()) return fail(edge.line, "event `" + edge.to + "` has a second other-parent edge");
        e.other_parent = edge.from;
    }
    for (const auto& e : file_.events)
        if (e.cause == DotCause::Observation && e.observation.kind == DotObservation::Kind::Accusation &&
            !known_event(e.observation.malice_event))
            return fail(e.line, "accusation names unknown event `" + e.observation.malice_event + "`");
    // Kahn's algorithm: every event must be reachable from parentless ones (no parent cycles).
    std::vector<int> missing(file_.events.size(), 0);
    std::vector<std::vector<size_t>> children(file_.events.size());
    std::vector<size_t> ready;
    for (size_t i = 0; i < file_.events.size(); ++i) {
        for (const auto* p : {&file_.events[i].self_parent, &file_.events[i].other_parent})
            if (!p->empty()) {
                ++missing[i];
                children[by_name_.at(*p)].push_back(i);
            }
        if (missing[i] == 0) ready.push_back(i);
    }
    size_t done = 0;
    while (!ready.empty()) {
        size_t i = ready.back();
        ready.pop_back();
        ++done;
        for (size_t c : children[i])
            if (--missing[c] == 0) ready.push_back(c);
    }
    if (done != file_.events.size())
        for (size_t i = 0; i < file_.events.size(); ++i)
            if (missing[i] > 0) return fail(file_.events[i].line, "event `" + file_.events[i].name + "` is on or after a parent cycle (no topological order)");
    return true;
}

}  // namespace detail
}  // namespace parsec::dot
