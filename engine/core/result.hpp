// Result<T>: a value or an Error naming what went wrong and where (file, line, event...).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/assert.hpp"

namespace parsec::core {

struct Error {
    std::string kind;     // short machine-readable kind, e.g. "UnknownPeer", "ParseError"
    std::string message;  // human sentence
    std::string where;    // "file:line:col", "event B_12", "input 42"... may be empty

    std::string to_string() const {
        std::string s = where.empty() ? std::string() : where + ": ";
        s += kind;
        if (!message.empty()) s += ": " + message;
        return s;
    }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { PARSEC_ASSERT(ok(), "Result::value on error"); return std::get<0>(v_); }
    const T& value() const { PARSEC_ASSERT(ok(), "Result::value on error"); return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { PARSEC_ASSERT(!ok(), "Result::error on value"); return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Unit {};

// Status: Result without a value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error e) : error_(std::move(e)) {}
    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { PARSEC_ASSERT(!ok(), "Status::error on ok"); return *error_; }

private:
    std::optional<Error> error_;
};

inline Error make_error(std::string kind, std::string message = {}, std::string where = {}) {
    return Error{std::move(kind), std::move(message), std::move(where)};
}

}  // namespace parsec::core
