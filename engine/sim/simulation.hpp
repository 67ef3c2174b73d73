// A running simulation: cluster + scheduler + checkers, driven tick by tick. Every input, its
// outcome and every marker go to an optional sink (the recorder), in order.
#pragma once
#include <functional>
#include <memory>

#include "sim/checkers.hpp"
#include "sim/scheduler.hpp"

namespace parsec::sim {

class InputSink {
public:
    virtual ~InputSink() = default;
    virtual void on_input(const Cluster& after, const Input& input, const Outcome& outcome) = 0;
    virtual void on_marker(const Marker& marker) = 0;
};

class Simulation {
public:
    static core::Result<Simulation> create(const SimConfig& config, bool keep_meta_history = false);
    // Continues a restored cluster (seek, branch) with a scheduler on its own seed.
    static Simulation resume(Cluster cluster, std::uint64_t seed);

    void set_sink(InputSink* sink) { sink_ = sink; }

    // Runs one tick (all its inputs); false once the run is over.
    bool run_tick();
    // Runs to the end; `on_tick` is called after every tick (progress display).
    void run(const std::function<void(const Simulation&)>& on_tick = {});
    // A live action (user, GUI, scenario): applied now, at the current tick, and recorded.
    core::Result<Outcome> apply(const Input& input);

    bool is_finished() const { return finished_; }
    bool reached_blocks() const;  // until_blocks given and reached by every live honest node
    Tick tick() const { return tick_; }
    InputIndex input_index() const { return cluster_.input_count(); }
    const Cluster& cluster() const { return cluster_; }
    const Checkers& checkers() const { return checkers_; }
    const Scheduler& scheduler() const { return scheduler_; }
    const SimConfig& config() const { return cluster_.config(); }
    const std::vector<Marker>& markers() const { return markers_; }

private:
    Simulation(Cluster cluster, Scheduler scheduler, Checkers checkers);
    void flush_markers();

    Cluster cluster_;
    Scheduler scheduler_;
    Checkers checkers_;
    InputSink* sink_ = nullptr;
    std::vector<Marker> markers_;
    Tick tick_ = 0;
    bool finished_ = false;
};

}  // namespace parsec::sim
