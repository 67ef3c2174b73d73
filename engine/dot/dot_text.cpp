// Text helpers for the .dot format: scanning, event names, observation display strings (spec §9.2, §9.3).
#include <cstdio>

#include "dot/dot_format_internal.hpp"

namespace parsec::dot::detail {

std::string_view trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

bool is_hex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!is_digit(c) && !(c >= 'a' && c <= 'f')) return false;
    return true;
}

std::string quoted(std::string_view s) {
    constexpr size_t kMax = 60;
    std::string out = "`";
    for (size_t i = 0; i < s.size() && i < kMax; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    if (s.size() > kMax) out += "...";
    return out + "`";
}

bool Scan::eat(std::string_view lit) {
    if (s_.substr(p_).substr(0, lit.size()) != lit) return false;
    p_ += lit.size();
    return true;
}

bool Scan::eat(char c) {
    if (peek() != c || done()) return false;
    ++p_;
    return true;
}

std::string_view Scan::take_id() {
    size_t b = p_;
    while (!done() && is_alnum(s_[p_])) ++p_;
    return s_.substr(b, p_ - b);
}

std::string_view Scan::take_name() {
    size_t b = p_;
    // A ',' belongs to the name only as a fork suffix ",<digit>": lists use ", ".
    while (!done() && is_name_char(s_[p_]) &&
           (s_[p_] != ',' || (p_ + 1 < s_.size() && is_digit(s_[p_ + 1]))))
        ++p_;
    return s_.substr(b, p_ - b);
}

std::string_view Scan::take_quoted_name() {
    size_t b = p_;
    if (!eat('"')) return {};
    auto name = take_name();
    if (name.empty() || !eat('"')) {
        p_ = b;
        return {};
    }
    return name;
}

bool parse_event_name(std::string_view name, std::uint64_t& index, bool& has_fork, std::uint32_t& fork_k) {
    size_t us = name.rfind('_');
    if (us == std::string_view::npos || us == 0) return false;
    for (size_t i = 0; i < us; ++i)
        if (!is_alnum(name[i])) return false;
    Scan s(name.substr(us + 1));
    if (!s.take_uint(index)) return false;
    has_fork = s.eat(',');
    fork_k = 0;
    if (has_fork && !s.take_uint(fork_k)) return false;
    return s.done();
}

bool split_top_level(std::string_view list, std::vector<std::string_view>& parts) {
    list = trim(list);
    if (list.empty()) return true;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
        char c = i < list.size() ? list[i] : ',';
        if (c == '(' || c == '{' || c == '[') ++depth;
        if (c == ')' || c == '}' || c == ']') --depth;
        if (depth < 0) return false;
        if (c == ',' && depth == 0) {
            auto part = trim(list.substr(start, i - start));
            if (part.empty()) return false;
            parts.push_back(part);
            start = i + 1;
        }
    }
    return depth == 0;
}

namespace {

bool is_display_id_char(char c) { return is_alnum(c) || c == '_' || c == '-' || c == '.'; }

// "{A, B}" → group; `display` allows the few extra characters of unsanitised ids (StartDkg).
bool parse_group(Scan& s, bool display, std::vector<std::string>& group) {
    if (!s.eat('{')) return false;
    if (s.eat('}')) return true;
    for (;;) {
        std::string id;
        while (!s.done() && (display ? is_display_id_char(s.peek()) : is_alnum(s.peek()))) {
            id += s.peek();
            s.eat(s.peek());
        }
        if (id.empty()) return false;
        group.push_back(std::move(id));
        if (s.eat('}')) return true;
        if (!s.eat(", ")) return false;
    }
}

// "Fork(A_3)", "InvalidAccusation(A_3)", "Accomplice(A_3, Fork(B_2))"; only the outer kind/event are kept.
bool parse_malice(Scan& s, DotObservation& out, int depth) {
    if (depth > 8) return false;  // bounded recursion on hostile input
    auto kind = s.take_id();
    if (kind.empty() || !s.eat('(')) return false;
    auto event = s.take_name();
    std::uint64_t index = 0;
    bool fork = false;
    std::uint32_t k = 0;
    if (!parse_event_name(event, index, fork, k)) return false;
    if (depth == 0) {
        out.malice_kind = std::string(kind);
        out.malice_event = std::string(event);
    }
    if (s.eat(", ") && !parse_malice(s, out, depth + 1)) return false;
    return s.eat(')');
}

bool parse_peer_change(Scan& s, DotObservation& out) {
    if (s.eat('(')) {
        out.peer = std::string(s.take_id());
        return !out.peer.empty() && s.eat(')');
    }
    // Long form of dumps that carry related info: "Add { peer_id: X, related_info: [..] }".
    if (!s.eat(" { peer_id: ")) return false;
    out.peer = std::string(s.take_id());
    std::vector<std::uint64_t> info;
    return !out.peer.empty() && s.eat(", related_info: ") && parse_number_list(s, info) && s.eat(" }");
}

}  // namespace

bool parse_observation(std::string_view text, bool in_cause, DotObservation& out, std::string& why) {
    using K = DotObservation::Kind;
    out = DotObservation{};
    Scan s(text);
    size_t text_end = text.size();
    bool ok = false;
    if (s.eat("Genesis(")) {
        out.kind = K::Genesis;
        ok = parse_group(s, false, out.group) && s.eat(')');
        why = "Genesis({<id>, ...})";
    } else if (s.eat("StartDkg(")) {
        out.kind = K::StartDkg;
        ok = parse_group(s, true, out.group) && s.eat(')');
        why = "StartDkg({<id>, ...})";
    } else if (s.eat("Add")) {
        out.kind = K::Add;
        ok = parse_peer_change(s, out);
        why = "Add(<id>) or Add { peer_id: <id>, related_info: [..] }";
    } else if (s.eat("Remove")) {
        out.kind = K::Remove;
        ok = parse_peer_change(s, out);
        why = "Remove(<id>) or Remove { peer_id: <id>, related_info: [..] }";
    } else if (s.eat("OpaquePayload(")) {
        out.kind = K::OpaquePayload;
        out.payload = std::string(s.take_id());
        ok = s.eat(')');
        why = "OpaquePayload(<alphanumeric>)";
    } else if (s.eat("Accusation { ")) {
        out.kind = K::Accusation;
        out.peer = std::string(s.take_id());
        ok = !out.peer.empty() && s.eat(", ") && parse_malice(s, out, 0) && s.eat(" }");
        why = "Accusation { <id>, <Malice>(<event>) }";
    } else if (s.eat("DkgMessage(")) {
        out.kind = K::DkgMessage;
        std::uint64_t n = 0;
        ok = (s.eat("DkgPart(") || s.eat("DkgAck(")) && s.take_uint(n) && s.eat("))");
        why = "DkgMessage(DkgPart(<n>)) or DkgMessage(DkgAck(<n>))";
        if (ok && in_cause) {
            text_end = text.size() - s.rest().size();
            ok = s.eat(", SerialisedDkgMessage(") && parse_number_list(s, out.dkg_bytes) && s.eat(')');
            why = "DkgMessage(..), SerialisedDkgMessage([<u8>, ...])";
        }
    } else {
        why = "an observation (Genesis, Add, Remove, OpaquePayload, Accusation, StartDkg, DkgMessage)";
        return false;
    }
    if (!ok || !s.done()) return false;
    out.text = std::string(text.substr(0, text_end));
    return true;
}

static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return out;
}

std::string observation_display(const DotObservation& o) {
    using K = DotObservation::Kind;
    if (!o.text.empty()) return o.text;
    switch (o.kind) {
        case K::Genesis: return "Genesis({" + join(o.group) + "})";
        case K::StartDkg: return "StartDkg({" + join(o.group) + "})";
        case K::Add: return "Add(" + o.peer + ")";
        case K::Remove: return "Remove(" + o.peer + ")";
        case K::OpaquePayload: return "OpaquePayload(" + o.payload + ")";
        case K::Accusation: return "Accusation { " + o.peer + ", " + o.malice_kind + "(" + o.malice_event + ") }";
        case K::DkgMessage: break;  // the part/ack index lives only in `text`
    }
    return o.text;
}

}  // namespace parsec::dot::detail
