// Minimal JSON text building for the exports (strings escaped so any byte sequence stays valid JSON).
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace parsec::record::json {

inline std::string quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);  // non-ASCII bytes read as Latin-1
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

// Appends `"key":` with a comma before every field but the first of an object.
class Object {
public:
    explicit Object(std::string& out) : out_(out) { out_ += '{'; }
    ~Object() { out_ += '}'; }
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    std::string& key(std::string_view k) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += quote(k);
        out_ += ':';
        return out_;
    }
    void field(std::string_view k, std::string_view v) { key(k) += quote(v); }
    void number(std::string_view k, std::uint64_t v) { key(k) += std::to_string(v); }
    void boolean(std::string_view k, bool v) { key(k) += v ? "true" : "false"; }

private:
    std::string& out_;
    bool first_ = true;
};

}  // namespace parsec::record::json
