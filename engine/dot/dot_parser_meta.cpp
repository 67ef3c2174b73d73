// Parser of the dump's meta-election section (spec §9.3): consensus history, interesting events,
// voters, unconsensused events and the meta-events with their meta-vote tables.
#include "dot/dot_format_internal.hpp"

namespace parsec::dot::detail {

bool Parser::parse_meta() {
    skip_blank();
    std::string_view body;
    if (!comment_body(body) || body != "===== meta-elections =====") return expect_fail("`/// ===== meta-elections =====`");
    next();
    if (!comment_body(body) || body != "consensus_history:") return expect_fail("`/// consensus_history:`");
    next();
    while (comment_body(body) && is_hex64(body)) {
        file_.consensus_history.emplace_back(body);
        next();
    }
    skip_blank();
    if (!parse_interesting_events()) return false;

    std::string_view v;
    if (!comment_value("all_voters:", v)) return expect_fail("`/// all_voters: {<id>, ...}`");
    if (!parse_id_set(v, file_.all_voters)) return false;
    next();
    if (comment_value("payload:", v)) next();  // legacy line, not kept
    if (comment_value("unconsensused_events:", v)) {
        if (!parse_name_list(v, '{', '}', file_.unconsensused_events)) return false;
        next();
    }
    if (!comment_body(body) || body != "meta_events: {") return expect_fail("`/// meta_events: {`");
    next();
    for (;;) {
        if (!comment_body(body)) return expect_fail("a meta-event `///   <event> -> {` or `/// }`");
        if (body == "}") break;
        if (!parse_meta_event()) return false;
    }
    next();
    skip_blank();
    if (!at_eof()) return expect_fail("end of file");
    return true;
}

bool Parser::parse_interesting_events() {
    std::string_view body;
    if (!comment_body(body) || body != "interesting_events: {") return expect_fail("`/// interesting_events: {`");
    next();
    for (;;) {
        if (!comment_body(body)) return expect_fail("`///   <id> -> [\"<event>\", ...]` or `/// }`");
        if (body == "}") break;
        Scan s(body);
        auto id = s.take_id();
        s.skip_ws();
        if (id.empty() || !s.eat("->")) return expect_fail("`///   <id> -> [\"<event>\", ...]` or `/// }`");
        s.skip_ws();
        std::vector<std::string> events;
        if (!parse_name_list(s.rest(), '[', ']', events)) return false;
        file_.interesting_events.emplace_back(std::string(id), std::move(events));
        next();
    }
    next();
    return true;
}

// "{A, B}" of peer ids.
bool Parser::parse_id_set(std::string_view text, std::vector<std::string>& out) {
    Scan s(text);
    bool ok = s.eat('{');
    if (ok && !s.eat('}')) {
        for (;;) {
            auto id = s.take_id();
            if (id.empty()) { ok = false; break; }
            out.emplace_back(id);
            if (s.eat('}')) break;
            if (!s.eat(',')) { ok = false; break; }
            s.skip_ws();
        }
    }
    if (!ok || !s.done()) return expect_fail("a set of peer ids `{<id>, ...}`");
    return true;
}

// `["A_1", "B_2"]` or `{"A_1"}`: every name must be an event of the graph.
bool Parser::parse_name_list(std::string_view text, char open, char close, std::vector<std::string>& out) {
    Scan s(text);
    bool ok = s.eat(open);
    if (ok && !s.eat(close)) {
        for (;;) {
            auto name = s.take_quoted_name();
            if (name.empty()) { ok = false; break; }
            if (!known_event(name)) return fail(line_no(), "reference to unknown event `" + std::string(name) + "`");
            out.emplace_back(name);
            if (s.eat(close)) break;
            if (!s.eat(',')) { ok = false; break; }
            s.skip_ws();
        }
    }
    if (!ok || !s.done()) return expect_fail(std::string("a list of quoted event names `") + open + "\"<event>\", ..." + close + "`");
    return true;
}

bool Parser::parse_meta_event() {
    DotMetaEvent m;
    m.line = line_no();
    std::string_view body;
    comment_body(body);
    Scan s(body);
    m.event = std::string(s.take_name());
    s.skip_ws();
    if (m.event.empty() || !s.eat("->") || (s.skip_ws(), !s.eat('{')) || !s.done())
        return expect_fail("a meta-event `///   <event> -> {` or `/// }`");
    if (!known_event(m.event)) return fail(m.line, "meta-event for unknown event `" + m.event + "`");
    if (!meta_event_names_.insert(m.event).second) return fail(m.line, "second meta-event for `" + m.event + "`");
    next();

    std::string_view v;
    if (!comment_value("observees:", v)) return expect_fail("`///     observees: {<id>, ...}`");
    if (!parse_id_set(v, m.observees)) return false;
    next();

    if (!comment_value("interesting_content:", v)) return expect_fail("`///     interesting_content: [..]`");
    std::vector<std::string_view> parts;
    if (v.size() < 2 || v.front() != '[' || v.back() != ']' || !split_top_level(v.substr(1, v.size() - 2), parts))
        return expect_fail("`///     interesting_content: [<observation>, ...]`");
    for (auto part : parts) {
        DotObservation obs;
        std::string why;
        if (!parse_observation(part, false, obs, why))
            return fail(line_no(), "expected " + why + " in interesting_content, found " + quoted(part));
        m.interesting_content.emplace_back(part);
    }
    next();

    if (comment_body(body) && body == "meta_votes: {" && !parse_meta_votes(m)) return false;
    if (!comment_body(body) || body != "}") return expect_fail("`///     meta_votes: {` or `///   }`");
    next();
    file_.meta_events.push_back(std::move(m));
    return true;
}

static bool valid_set_char(char c) { return c == '-' || c == 't' || c == 'f' || c == 'b'; }
static bool valid_opt_char(char c) { return c == '-' || c == 't' || c == 'f'; }

// Rows `<short>: <r>/<s>   <est>   <bin>   <aux>   <dec> `; continuation rows omit `<short>: `.
bool Parser::parse_meta_votes(DotMetaEvent& m) {
    m.has_meta_votes = true;
    next();
    std::string_view body;
    if (!comment_body(body) || body != "stage est bin aux dec") return expect_fail("`///         stage est bin aux dec`");
    next();
    static constexpr const char* kRow = "a meta-vote row `<short>: <round>/<step>   <est>   <bin>   <aux>   <dec>` or `///     }`";
    for (;;) {
        if (!comment_body(body)) return expect_fail(kRow);
        if (body == "}") break;
        std::vector<std::string_view> tokens;
        for (size_t i = 0; i < body.size();) {
            while (i < body.size() && is_space(body[i])) ++i;
            size_t b = i;
            while (i < body.size() && !is_space(body[i])) ++i;
            if (i > b) tokens.push_back(body.substr(b, i - b));
        }
        size_t t = 0;
        if (!tokens.empty() && tokens[0].back() == ':') {
            auto short_name = tokens[0].substr(0, tokens[0].size() - 1);
            Scan id(short_name);
            if (id.take_id().empty() || !id.done()) return expect_fail(kRow);
            m.meta_votes.emplace_back(std::string(short_name), std::vector<DotMetaVote>{});
            t = 1;
        } else if (m.meta_votes.empty()) {
            return expect_fail("a meta-vote row starting with `<short>: `");
        }
        if (tokens.size() != t + 5) return expect_fail(kRow);
        DotMetaVote vote;
        Scan rs(tokens[t]);
        bool ok = rs.take_uint(vote.round) && rs.eat('/') && rs.take_uint(vote.step) && rs.done();
        for (size_t k = 1; k <= 4; ++k) ok = ok && tokens[t + k].size() == 1;
        if (!ok) return expect_fail(kRow);
        vote.est = tokens[t + 1][0];
        vote.bin = tokens[t + 2][0];
        vote.aux = tokens[t + 3][0];
        vote.dec = tokens[t + 4][0];
        if (!valid_set_char(vote.est) || !valid_set_char(vote.bin) || !valid_opt_char(vote.aux) || !valid_opt_char(vote.dec))
            return fail(line_no(), "expected est/bin in {-, t, f, b} and aux/dec in {-, t, f}, found " + quoted(body));
        m.meta_votes.back().second.push_back(vote);
        next();
    }
    next();
    return true;
}

}  // namespace parsec::dot::detail
