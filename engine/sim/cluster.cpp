// Cluster: creation, the semantics of each input, and what is observed after it (created and
// inserted events, polled blocks). Byzantine crafting lives in cluster_byzantine.cpp.
#include "sim/cluster.hpp"

#include <algorithm>

#include "core/assert.hpp"
#include "crypto/digest.hpp"

namespace parsec::sim {

using core::make_error;

std::uint64_t fold_hash(std::uint64_t fold, const core::Hash32& hash) {
    for (std::size_t w = 0; w < 4; ++w) {
        std::uint64_t word = 0;
        for (std::size_t b = 0; b < 8; ++b) word |= std::uint64_t{hash[w * 8 + b]} << (8 * b);
        fold = (fold ^ word) * 0x9E3779B97F4A7C15ULL;
        fold ^= fold >> 29;
    }
    return fold;
}

const char* node_status_name(NodeStatus s) {
    switch (s) {
        case NodeStatus::NotStarted: return "not started";
        case NodeStatus::Running: return "running";
        case NodeStatus::Paused: return "paused";
        case NodeStatus::Down: return "down";
        case NodeStatus::Crashed: return "crashed";
        case NodeStatus::Left: return "left";
    }
    return "?";
}

bool ClusterNode::is_removed() const {
    return status == NodeStatus::Left || (engine && engine->peers()[model::kOurIndex].removed);
}
bool ClusterNode::is_member() const { return engine && engine->can_vote() && !is_removed(); }

core::Result<Cluster> Cluster::create(const SimConfig& config, bool keep_meta_history) {
    if (auto s = validate(config); !s.ok()) return s.error();
    Cluster c;
    c.config_ = config;
    c.keep_meta_history_ = keep_meta_history;
    c.crypto_ = crypto::make_crypto(config.identities);
    std::uint8_t seed_bytes[8];
    for (std::size_t i = 0; i < 8; ++i) seed_bytes[i] = static_cast<std::uint8_t>(config.seed >> (8 * i));
    const auto names = node_names(config.node_count());
    for (NodeId i = 0; i < config.node_count(); ++i) {
        ClusterNode n;
        n.name = names[i];
        n.identity = c.crypto_->make_identity(n.name, core::ByteSpan(seed_bytes, 8));
        n.byzantine = config.byzantine_of(i);
        if (i < config.genesis_count) c.genesis_.push_back(n.identity.id);
        c.nodes_.push_back(std::move(n));
    }
    for (NodeId i = 0; i < config.genesis_count; ++i) {
        auto& n = c.nodes_[i];
        // A Byzantine engine does not check: it would call accusations against itself invalid.
        node::NodeOptions options{config.mode, config.malice_detection && n.byzantine == ByzantineKind::Honest,
                                  keep_meta_history};
        auto engine = node::Node::from_genesis(n.identity, c.genesis_, options, c.crypto_);
        if (!engine.ok()) return engine.error();
        n.engine = std::move(engine.value());
        n.status = NodeStatus::Running;
        for (const auto& e : n.engine->graph().events()) n.events_fold = fold_hash(n.events_fold, e.hash);
    }
    c.env_.default_link = config.link;
    return c;
}

std::vector<std::string> Cluster::names() const {
    std::vector<std::string> out;
    for (const auto& n : nodes_) out.push_back(n.name);
    return out;
}

NodeId Cluster::find(const std::string& name) const {
    for (NodeId i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].name == name) return i;
    return kNoNode;
}

bool Cluster::partitioned(NodeId a, NodeId b) const {
    if (env_.groups.empty()) return false;
    return env_.groups[a] != env_.groups[b];
}

const LinkParams& Cluster::link(NodeId from, NodeId to) const {
    for (const auto& l : env_.links)
        if (l.from == from && l.to == to) return l.params;
    return env_.default_link;
}

namespace {
struct Validator {
    const Cluster& c;
    core::Status node(NodeId n, const char* role) const {
        if (n >= c.nodes().size())
            return core::make_error("InvalidInput", std::string(role) + " node #" + std::to_string(n) + " does not exist");
        return {};
    }
    core::Status message(MessageId m) const {
        if (!c.in_flight().count(m))
            return core::make_error("InvalidInput", "message #" + std::to_string(m) + " is not in flight");
        return {};
    }
    core::Status operator()(const GossipInput& g) const {
        if (auto s = node(g.from, "sender"); !s.ok()) return s;
        if (auto s = node(g.to, "recipient"); !s.ok()) return s;
        if (g.from == g.to) return core::make_error("InvalidInput", "a node cannot gossip to itself");
        return {};
    }
    core::Status operator()(const DeliverInput& d) const { return message(d.message); }
    core::Status operator()(const DropInput& d) const { return message(d.message); }
    core::Status operator()(const DuplicateInput& d) const {
        if (c.in_flight().size() >= kInFlightMax) return core::make_error("InvalidInput", "network queue is full");
        return message(d.message);
    }
    core::Status operator()(const VoteInput& v) const {
        if (auto s = node(v.node, "voter"); !s.ok()) return s;
        if (v.kind != PayloadKind::Opaque) return node(v.peer, "Add/Remove");
        return {};
    }
    core::Status operator()(const FaultInput& f) const {
        const auto k = f.change.kind;
        if (k == FaultKind::Partition && f.change.groups.size() != c.nodes().size())
            return core::make_error("InvalidInput", "partition groups do not cover every node");
        if (k == FaultKind::SetLink || k == FaultKind::ClearLink) {
            if (auto s = node(f.change.node, "link source"); !s.ok()) return s;
            return node(f.change.peer, "link target");
        }
        if (k == FaultKind::Pause || k == FaultKind::Resume || k == FaultKind::Crash || k == FaultKind::Stop ||
            k == FaultKind::Restart || k == FaultKind::Leave)
            return node(f.change.node, "fault target");
        if (!f.change.link.drop.is_valid() || !f.change.link.duplicate.is_valid() || !f.change.link.reorder.is_valid())
            return core::make_error("InvalidInput", "link probability out of range");
        return {};
    }
    core::Status operator()(const ByzantineInput& b) const {
        if (auto s = node(b.node, "Byzantine"); !s.ok()) return s;
        if (b.victim_a != kNoNode)
            if (auto s = node(b.victim_a, "victim"); !s.ok()) return s;
        if (b.victim_b != kNoNode) return node(b.victim_b, "victim");
        return {};
    }
    core::Status operator()(const JoinInput& j) const {
        if (auto s = node(j.node, "joining"); !s.ok()) return s;
        if (j.node < c.config().genesis_count) return core::make_error("InvalidInput", "a genesis node cannot join");
        return {};
    }
};
}  // namespace

core::Result<Outcome> Cluster::apply(const Input& input) {
    if (input.tick < tick_)
        return make_error("InvalidInput", "tick " + std::to_string(input.tick) + " is before the cluster's tick " +
                                              std::to_string(tick_));
    if (auto s = std::visit(Validator{*this}, input.body); !s.ok()) return s.error();
    tick_ = input.tick;
    last_error_messages_.clear();
    Outcome out;
    if (const auto* g = std::get_if<GossipInput>(&input.body)) apply_gossip(*g, out);
    else if (const auto* d = std::get_if<DeliverInput>(&input.body)) {
        if (auto s = apply_deliver(*d, out); !s.ok()) return s.error();
    } else if (const auto* drop = std::get_if<DropInput>(&input.body)) in_flight_.erase(drop->message);
    else if (const auto* dup = std::get_if<DuplicateInput>(&input.body)) {
        // Both twins are marked: neither is duplicated again, and refusals of either are expected.
        InFlight& original = in_flight_.at(dup->message);
        original.is_copy = true;
        InFlight copy = original;
        send(copy.from, copy.to, copy.is_request, std::move(copy.events), out);
        in_flight_.at(out.sent.back()).is_copy = true;
    } else if (const auto* v = std::get_if<VoteInput>(&input.body)) apply_vote(*v, out);
    else if (const auto* f = std::get_if<FaultInput>(&input.body)) apply_fault(*f);
    else if (const auto* b = std::get_if<ByzantineInput>(&input.body)) apply_byzantine(*b, out);
    else if (const auto* j = std::get_if<JoinInput>(&input.body)) apply_join(*j, out);
    ++input_count_;
    return out;
}

MessageId Cluster::send(NodeId from, NodeId to, bool is_request, model::Message events, Outcome& out) {
    InFlight m;
    m.id = next_message_id_++;
    m.from = from;
    m.to = to;
    m.is_request = is_request;
    m.sent_tick = tick_;
    m.events = std::move(events);
    out.sent.push_back(m.id);
    const MessageId id = m.id;
    in_flight_.emplace(id, std::move(m));
    return id;
}

void Cluster::record_error(NodeId n, const core::Error& e, Outcome& out) {
    out.errors.push_back(NodeError{n, e.kind});
    last_error_messages_.push_back(e.message);
    ++nodes_[n].errors;
}

void Cluster::apply_gossip(const GossipInput& in, Outcome& out) {
    auto& s = nodes_[in.from];
    if (!s.engine || s.status != NodeStatus::Running) {
        record_error(in.from, make_error("NodeNotRunning"), out);
        return;
    }
    Touch t{in.from, s.engine->graph().size()};
    auto r = s.engine->create_gossip(nodes_[in.to].identity.id);
    if (!r.ok()) record_error(in.from, r.error(), out);
    else send(in.from, in.to, true, std::move(r.value()), out);
    finish({t}, out);
}

core::Status Cluster::apply_deliver(const DeliverInput& in, Outcome& out) {
    auto it = in_flight_.find(in.message);
    PARSEC_ASSERT(it != in_flight_.end(), "validated message must be in flight");
    InFlight m = std::move(it->second);
    in_flight_.erase(it);
    auto& r = nodes_[m.to];
    if (!r.engine || r.status != NodeStatus::Running) {
        record_error(m.to, make_error(r.status == NodeStatus::Paused ? "NodePaused" : "NodeDown"), out);
        return {};
    }
    // Without malice detection an engine would answer a duplicated message a second time with an
    // invalid sync event (spec §7.1 #4) that only some honest nodes see; a Byzantine node ignores
    // messages whose last event it already has, so the only malice it shows is the crafted kind.
    if (r.byzantine != ByzantineKind::Honest && !m.events.empty() &&
        r.engine->graph().find(m.events.back()->hash()) != model::kNoEvent) {
        record_error(m.to, make_error("DuplicateMessage"), out);
        return {};
    }
    Touch t{m.to, r.engine->graph().size()};
    model::Message prefix = armed_prefix(m.to);
    const model::Message* events = &m.events;
    model::Message joined;
    if (!prefix.empty()) {
        joined = std::move(prefix);
        joined.insert(joined.end(), m.events.begin(), m.events.end());
        events = &joined;
    }
    const crypto::PeerId& src = nodes_[m.from].identity.id;
    if (m.is_request) {
        auto res = r.engine->handle_request(src, *events);
        if (!res.ok()) record_error(m.to, res.error(), out);
        else send(m.to, m.from, false, std::move(res.value()), out);
    } else {
        auto st = r.engine->handle_response(src, *events);
        if (!st.ok()) record_error(m.to, st.error(), out);
    }
    finish({t}, out);
    return {};
}

void Cluster::apply_vote(const VoteInput& in, Outcome& out) {
    auto& n = nodes_[in.node];
    if (!n.engine || n.status != NodeStatus::Running) {
        record_error(in.node, make_error("NodeNotRunning"), out);
        return;
    }
    model::Observation obs;
    switch (in.kind) {
        case PayloadKind::Opaque: obs = model::Observation::opaque(in.text); break;
        case PayloadKind::Add: obs = model::Observation::add(nodes_[in.peer].identity.id); break;
        case PayloadKind::Remove: obs = model::Observation::remove(nodes_[in.peer].identity.id); break;
    }
    Touch t{in.node, n.engine->graph().size()};
    if (auto s = n.engine->vote_for(obs); !s.ok()) record_error(in.node, s.error(), out);
    finish({t}, out);
}

void Cluster::apply_fault(const FaultInput& in) {
    const FaultChange& c = in.change;
    auto set_status = [&](NodeStatus from_status, NodeStatus to_status) {
        auto& n = nodes_[c.node];
        if (n.status == from_status || from_status == NodeStatus::NotStarted) n.status = to_status;
    };
    switch (c.kind) {
        case FaultKind::SetDefaultLink: env_.default_link = c.link; break;
        case FaultKind::SetLink:
        case FaultKind::ClearLink: {
            auto& links = env_.links;
            links.erase(std::remove_if(links.begin(), links.end(),
                                       [&](const LinkOverride& l) { return l.from == c.node && l.to == c.peer; }),
                        links.end());
            if (c.kind == FaultKind::SetLink) {
                links.push_back(LinkOverride{c.node, c.peer, c.link});
                std::sort(links.begin(), links.end(), [](const LinkOverride& a, const LinkOverride& b) {
                    return a.from != b.from ? a.from < b.from : a.to < b.to;
                });
            }
            break;
        }
        case FaultKind::Partition: env_.groups = c.groups; break;
        case FaultKind::Heal: env_.groups.clear(); break;
        case FaultKind::Pause: set_status(NodeStatus::Running, NodeStatus::Paused); break;
        case FaultKind::Resume: set_status(NodeStatus::Paused, NodeStatus::Running); break;
        case FaultKind::Stop: set_status(NodeStatus::Running, NodeStatus::Down); break;
        case FaultKind::Restart: set_status(NodeStatus::Down, NodeStatus::Running); break;
        case FaultKind::Crash:
            if (nodes_[c.node].status != NodeStatus::NotStarted) nodes_[c.node].status = NodeStatus::Crashed;
            break;
        case FaultKind::Leave:
            if (nodes_[c.node].status != NodeStatus::NotStarted) nodes_[c.node].status = NodeStatus::Left;
            break;
    }
    if (in.script_index >= 0) env_.script_applied = std::max(env_.script_applied, in.script_index + 1);
}

void Cluster::apply_join(const JoinInput& in, Outcome& out) {
    auto& n = nodes_[in.node];
    if (n.engine) {
        record_error(in.node, make_error("AlreadyStarted"), out);
        return;
    }
    std::vector<crypto::PeerId> section;
    for (NodeId i = 0; i < nodes_.size(); ++i)
        if (i != in.node && nodes_[i].is_member()) section.push_back(nodes_[i].identity.id);
    node::NodeOptions options{config_.mode, config_.malice_detection && n.byzantine == ByzantineKind::Honest,
                              keep_meta_history_};
    auto engine = node::Node::from_existing(n.identity, genesis_, section, options, crypto_);
    if (!engine.ok()) {
        record_error(in.node, engine.error(), out);
        return;
    }
    n.engine = std::move(engine.value());
    n.status = NodeStatus::Running;
    finish({Touch{in.node, 0}}, out);
}

void Cluster::finish(const std::vector<Touch>& touched, Outcome& out) {
    for (const Touch& t : touched) {
        auto& n = nodes_[t.node];
        if (!n.engine) continue;
        const auto& graph = n.engine->graph();
        Insertion ins{t.node, 0, 0};
        for (std::size_t i = t.events_before; i < graph.size(); ++i) {
            const auto& e = graph[static_cast<model::EventIndex>(i)];
            n.events_fold = fold_hash(n.events_fold, e.hash);
            if (e.creator == model::kOurIndex) {
                out.created.push_back(CreatedEvent{t.node, e.hash});
            } else {
                ++ins.count;
                ins.fold = fold_hash(ins.fold, e.hash);
            }
        }
        if (ins.count > 0) out.inserted.push_back(ins);
        while (auto block = n.engine->poll()) {
            BlockInfo info;
            info.tick = tick_;
            info.input = input_count_;
            info.payload_hash = model::observation_hash(block->payload, *crypto_);
            info.payload = std::move(block->payload);
            out.blocks.push_back(PolledBlock{t.node, info.payload_hash});
            n.blocks.push_back(std::move(info));
        }
    }
}

namespace {
void put_u64(core::Bytes& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
}  // namespace

core::Hash32 Cluster::digest() const {
    core::Bytes b;
    put_u64(b, tick_);
    put_u64(b, input_count_);
    put_u64(b, next_message_id_);
    for (const auto& n : nodes_) {
        b.push_back(static_cast<std::uint8_t>(n.status));
        b.push_back(static_cast<std::uint8_t>((n.double_vote_armed ? 1 : 0) | (n.same_creator_armed ? 2 : 0)));
        put_u64(b, n.engine ? n.engine->graph().size() : 0);
        put_u64(b, n.events_fold);
        put_u64(b, n.blocks.size());
        if (!n.blocks.empty()) b.insert(b.end(), n.blocks.back().payload_hash.begin(), n.blocks.back().payload_hash.end());
    }
    for (const auto& [id, m] : in_flight_) {
        put_u64(b, id);
        put_u64(b, (std::uint64_t{m.from} << 32) | (std::uint64_t{m.to} << 16) | (m.is_request ? 1 : 0));
        put_u64(b, m.events.size());
    }
    b.insert(b.end(), env_.groups.begin(), env_.groups.end());
    put_u64(b, static_cast<std::uint64_t>(env_.script_applied));
    put_u64(b, env_.links.size());
    return crypto::blake2b_256(b);
}

}  // namespace parsec::sim
