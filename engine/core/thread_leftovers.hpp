// Objects a finished owner leaves for the next one on the same thread, with their buffers: a
// replay starts a fresh engine each time, which would otherwise allocate the same containers
// again. Bounded (`Max` objects); safe during thread exit (after the pool's destruction it
// neither keeps nor gives anything). One pool per type.
#pragma once
#include <cstddef>
#include <optional>
#include <vector>

namespace parsec::core {

template <typename T, std::size_t Max>
class ThreadLeftovers {
public:
    // Whether put() would keep another object.
    static bool has_room() { return !gone() && pool().items.size() < Max; }
    // Keeps `item` if there is room (else drops it).
    static void put(T&& item) {
        if (has_room()) pool().items.push_back(std::move(item));
    }
    // A kept object, if any.
    static std::optional<T> take() {
        if (gone() || pool().items.empty()) return std::nullopt;
        std::optional<T> item(std::move(pool().items.back()));
        pool().items.pop_back();
        return item;
    }

private:
    static bool& gone() {
        thread_local bool g = false;
        return g;
    }
    struct Pool {
        std::vector<T> items;
        ~Pool() { gone() = true; }
    };
    static Pool& pool() {
        thread_local Pool p;
        return p;
    }
};

}  // namespace parsec::core
