// Recordings on disk for the GUI: load (decode and replay into a live session) and atomic save.
// Errors name the file and the place (byte offset of a damaged chunk, or the input that no
// longer replays).
#pragma once
#include <memory>
#include <string>

#include "core/result.hpp"
#include "session/cluster_session.hpp"

namespace parsec::app {

inline constexpr const char* kRecordingExtension = ".pcrec";

bool has_dot_extension(const std::string& path);
core::Result<std::unique_ptr<ClusterSession>> load_recording_session(const std::string& path);
// Encodes the session's recording and writes it with write_file_atomically.
core::Status save_recording(const ClusterSession& session, const std::string& path);

}  // namespace parsec::app
