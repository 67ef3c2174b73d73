#include "panels/recording_file.hpp"

#include "record_io/record_file.hpp"

namespace parsec::app {

bool has_dot_extension(const std::string& path) {
    return path.size() >= 4 && path.compare(path.size() - 4, 4, ".dot") == 0;
}

core::Result<std::unique_ptr<ClusterSession>> load_recording_session(const std::string& path) {
    auto decoded = load_recording(path);
    if (!decoded.ok()) return decoded.error();
    // A damaged tail would silently shorten the session: refuse it and say where it starts.
    if (const auto& damage = decoded.value().damage)
        return core::make_error("DamagedRecording", damage->what + " (nothing was opened)",
                                path + ": byte " + std::to_string(damage->offset));
    return ClusterSession::from_recording(decoded.value().recording, path);
}

core::Status save_session_recording(const ClusterSession& session, const std::string& path) {
    return save_recording(path, session.to_recording());
}

}  // namespace parsec::app
