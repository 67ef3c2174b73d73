// Recordings in the GUI: which loader a path gets, and a recording file opened as a live session
// (through the record helper's app/record_io). Errors name the file and the place (the byte
// offset of a damaged chunk, or the input that no longer replays).
#pragma once
#include <memory>
#include <string>

#include "core/result.hpp"
#include "session/cluster_session.hpp"

namespace parsec::app {

bool has_dot_extension(const std::string& path);
core::Result<std::unique_ptr<ClusterSession>> load_recording_session(const std::string& path);
// The session's recording, written atomically.
core::Status save_session_recording(const ClusterSession& session, const std::string& path);

}  // namespace parsec::app
