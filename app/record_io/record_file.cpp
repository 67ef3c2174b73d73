// Recording files: encode/decode through engine/record, written atomically (io/atomic_file).
#include "record_io/record_file.hpp"

#include "io/atomic_file.hpp"

namespace parsec::app {

core::Status save_recording(const std::string& path, const record::Recording& recording) {
    const auto bytes = record::encode(recording);
    return write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

core::Result<record::Decoded> load_recording(const std::string& path) {
    auto bytes = read_whole_file(path);
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
