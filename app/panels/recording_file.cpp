#include "panels/recording_file.hpp"

#include "platform/atomic_file.hpp"
#include "record/codec.hpp"

namespace parsec::app {

bool has_dot_extension(const std::string& path) {
    return path.size() >= 4 && path.compare(path.size() - 4, 4, ".dot") == 0;
}

core::Result<std::unique_ptr<ClusterSession>> load_recording_session(const std::string& path) {
    auto text = read_whole_file(path);
    if (!text.ok()) return text.error();
    const auto& bytes = text.value();
    auto decoded = record::decode(core::ByteSpan(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    if (!decoded.ok()) {
        core::Error e = decoded.error();
        if (e.where.empty()) e.where = path;
        else if (e.where.rfind(path, 0) != 0) e.where = path + ": " + e.where;
        return e;
    }
    // A damaged tail would silently shorten the session: refuse it and say where it starts.
    if (const auto& damage = decoded.value().damage)
        return core::make_error("DamagedRecording", damage->what, path + ": byte " + std::to_string(damage->offset));
    return ClusterSession::from_recording(decoded.value().recording, path);
}

core::Status save_recording(const ClusterSession& session, const std::string& path) {
    const core::Bytes bytes = record::encode(session.to_recording());
    return write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace parsec::app
