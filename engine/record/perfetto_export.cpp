// Chrome trace event JSON for a branch path (trace event format: ph X slices, i instants, s/f flows).
#include "record/perfetto_export.hpp"

#include <algorithm>

#include "record/json_text.hpp"
#include "record/replay.hpp"

namespace parsec::record {
namespace {

class TraceWriter {
public:
    explicit TraceWriter(std::string& out) : out_(out) { out_ += "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n"; }
    void finish() { out_ += "\n]}\n"; }

    void thread_name(std::uint32_t tid, const std::string& name) {
        auto& o = begin();
        json::Object e(o);
        e.field("ph", "M");
        e.field("name", "thread_name");
        e.number("pid", 1);
        e.number("tid", tid);
        json::Object(e.key("args")).field("name", name);
    }
    void slice(std::uint32_t tid, std::uint64_t ts, const std::string& name, const std::string& category,
               InputIndex input) {
        auto& o = begin();
        json::Object e(o);
        common(e, "X", tid, ts, name, category);
        e.number("dur", 1);
        json::Object(e.key("args")).number("input", input);
    }
    void instant(std::uint32_t tid, std::uint64_t ts, const std::string& name, const std::string& category,
                 const std::string& detail) {
        auto& o = begin();
        json::Object e(o);
        common(e, "i", tid, ts, name, category);
        e.field("s", "t");
        json::Object(e.key("args")).field("detail", detail);
    }
    void flow(bool is_start, std::uint32_t tid, std::uint64_t ts, sim::MessageId id) {
        auto& o = begin();
        json::Object e(o);
        common(e, is_start ? "s" : "f", tid, ts, "message", "message");
        e.number("id", id);
        if (!is_start) e.field("bp", "e");
    }

private:
    std::string& begin() {
        if (!first_) out_ += ",\n";
        first_ = false;
        return out_;
    }
    static void common(json::Object& e, const char* ph, std::uint32_t tid, std::uint64_t ts, const std::string& name,
                       const std::string& category) {
        e.field("ph", ph);
        e.field("name", name);
        e.field("cat", category);
        e.number("pid", 1);
        e.number("tid", tid);
        e.number("ts", ts);
    }
    std::string& out_;
    bool first_ = true;
};

// The node an input happens to (the cluster track when none).
sim::NodeId input_node(const sim::Input& input, const sim::Cluster& before) {
    return std::visit(
        [&](const auto& b) -> sim::NodeId {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, sim::GossipInput>) return b.from;
            else if constexpr (std::is_same_v<T, sim::DeliverInput> || std::is_same_v<T, sim::DropInput> ||
                               std::is_same_v<T, sim::DuplicateInput>) {
                auto it = before.in_flight().find(b.message);
                if (it == before.in_flight().end()) return sim::kNoNode;
                return std::is_same_v<T, sim::DuplicateInput> ? it->second.from : it->second.to;
            } else if constexpr (std::is_same_v<T, sim::FaultInput>) return b.change.node;
            else return b.node;
        },
        input.body);
}

std::string short_hex(const core::Hash32& h) { return core::to_hex(h).substr(0, 8); }

}  // namespace

core::Result<std::string> export_perfetto(const Recording& recording, BranchId branch, InputIndex to,
                                          const std::function<void(InputIndex, InputIndex)>& progress) {
    if (recording.branch(branch) == nullptr)
        return core::make_error("UnknownBranch", "the recording has no branch " + std::to_string(branch));
    auto created = sim::Cluster::create(recording.config);
    if (!created.ok()) return created.error();
    sim::Cluster cluster = std::move(created.value());
    const auto names = cluster.names();
    const auto cluster_track = static_cast<std::uint32_t>(names.size());

    std::string out;
    TraceWriter trace(out);
    for (std::uint32_t n = 0; n < names.size(); ++n) trace.thread_name(n, names[n]);
    trace.thread_name(cluster_track, "cluster");

    const InputIndex end = std::min(to, path_length(recording, branch));
    sim::Tick tick = 0;
    std::uint64_t within = 0;
    for (InputIndex i = 0; i < end; ++i) {
        const sim::Input& input = *recording.path_input(branch, i);
        within = input.tick == tick ? std::min<std::uint64_t>(within + 1, 999) : 0;
        tick = input.tick;
        const std::uint64_t ts = tick * 1000 + within;
        const sim::NodeId node = input_node(input, cluster);
        const std::uint32_t track = node == sim::kNoNode ? cluster_track : node;
        const auto* deliver = std::get_if<sim::DeliverInput>(&input.body);

        auto applied = cluster.apply(input);
        if (!applied.ok())
            return core::make_error("Divergence", "the cluster refused the input: " + applied.error().to_string(),
                                    "input " + std::to_string(i));
        std::string text = sim::describe(input, names);
        trace.slice(track, ts, text.substr(text.find(' ') + 1), "input", i);
        if (deliver) trace.flow(false, track, ts, deliver->message);
        for (sim::MessageId m : applied->sent) {
            auto it = cluster.in_flight().find(m);
            if (it != cluster.in_flight().end()) trace.flow(true, it->second.from, ts, m);
        }
        for (const auto& e : applied->created) trace.instant(e.node, ts, "event " + short_hex(e.hash), "event", core::to_hex(e.hash));
        for (const auto& b : applied->blocks)
            trace.instant(b.node, ts, "block " + short_hex(b.payload), "block", core::to_hex(b.payload));
        for (const auto& e : applied->errors) trace.instant(e.node, ts, "error " + e.kind, "error", e.kind);
        if (progress && (i & 1023) == 0) progress(i, end);
    }
    trace.finish();
    return out;
}

}  // namespace parsec::record
