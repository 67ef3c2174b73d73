// POSIX file I/O for recordings. The temporary file sits next to the target so rename is atomic.
#include "record_io/record_file.hpp"

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

}  // namespace

core::Status write_file_atomic(const std::string& path, std::string_view bytes) {
    const std::string temp = path + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return io_error(path, "cannot create temporary file " + temp);
    bool ok = true;
    while (ok && !bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    ok = ok && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(temp.c_str());
        errno = saved;
        return io_error(path, "cannot write");
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        auto e = io_error(path, "cannot replace");
        ::unlink(temp.c_str());
        return e;
    }
    return {};
}

core::Result<std::string> read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return io_error(path, "cannot open");
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return io_error(path, "cannot read");
    return out.str();
}

core::Status save_recording(const std::string& path, const record::Recording& recording) {
    const auto bytes = record::encode(recording);
    return write_file_atomic(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

core::Result<record::Decoded> load_recording(const std::string& path) {
    auto bytes = read_file_bytes(path);
    if (!bytes.ok()) return bytes.error();
    auto decoded =
        record::decode(core::ByteSpan(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()));
    if (!decoded.ok()) {
        auto e = decoded.error();
        e.where = path + (e.where.empty() ? "" : ": " + e.where);
        return e;
    }
    return decoded;
}

}  // namespace parsec::app
