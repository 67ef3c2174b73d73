// POSIX implementation of the atomic write (same folder as the target, so rename is atomic).
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace parsec::app {
namespace {

core::Error io_error(const std::string& path, const std::string& what) {
    return core::make_error("IoError", what + ": " + std::strerror(errno), path);
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        bytes.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

}  // namespace

core::Status write_file_atomically(const std::string& path, std::string_view bytes) {
    const std::string temp_path = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return io_error(path, "cannot create temporary file " + temp_path);
    const bool is_written = write_all(fd, bytes) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!is_written) {
        ::unlink(temp_path.c_str());
        errno = saved_errno;
        return io_error(path, "cannot write");
    }
    if (::rename(temp_path.c_str(), path.c_str()) != 0) {
        const core::Error error = io_error(path, "cannot replace");
        ::unlink(temp_path.c_str());
        return error;
    }
    return {};
}

core::Result<std::string> read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return io_error(path, "cannot open");
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return io_error(path, "cannot read");
    return out.str();
}

}  // namespace parsec::app
