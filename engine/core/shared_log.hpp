// An append-only sequence whose copies share storage (the graph's events). A copy is a pointer
// and a length, so a checkpoint of a node costs nothing per event. When a copy appends at a
// position the shared storage already holds, it reuses the element if it is the same one (a
// re-execution from a checkpoint produces the same events: `same` decides), and otherwise
// takes a private copy of its own prefix first (a branch that diverges). Single-threaded: copies
// must not be appended to from different threads.
//
// Elements are stored in chunks of kChunk that never move once full: a growing graph is never
// copied whole into a larger buffer (at 100k events a vector moved 58 MB per node as it doubled,
// and touched as many fresh pages). The first chunk grows as a vector does, so a small log stays small.
#pragma once
#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace parsec::core {

template <class T>
class SharedLog {
    static constexpr std::size_t kChunkBits = 12;
    static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;

    struct Storage {
        std::vector<std::vector<T>> chunks;
        std::size_t size = 0;

        const T& at(std::size_t i) const { return chunks[i >> kChunkBits][i & (kChunk - 1)]; }
        void append(T&& value) {
            if (chunks.empty() || chunks.back().size() == kChunk) {
                chunks.emplace_back();
                if (chunks.size() > 1) chunks.back().reserve(kChunk);  // the first grows on demand
            }
            chunks.back().push_back(std::move(value));
            ++size;
        }
    };

public:
    // Iterates a copy's elements in order (a forward range, as range-for and std algorithms use).
    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T*;
        using reference = const T&;
        Iterator() = default;
        Iterator(const Storage* s, std::size_t i) : s_(s), i_(i) {}
        const T& operator*() const { return s_->at(i_); }
        const T* operator->() const { return &s_->at(i_); }
        Iterator& operator++() {
            ++i_;
            return *this;
        }
        Iterator operator++(int) {
            Iterator old = *this;
            ++i_;
            return old;
        }
        bool operator==(const Iterator& o) const { return i_ == o.i_; }

    private:
        const Storage* s_ = nullptr;
        std::size_t i_ = 0;
    };
    struct Range {
        Iterator b, e;
        Iterator begin() const { return b; }
        Iterator end() const { return e; }
    };

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](std::size_t i) const { return data_->at(i); }
    const T& back() const { return data_->at(size_ - 1); }
    Range view() const { return {Iterator(data_.get(), 0), Iterator(data_.get(), size_)}; }
    void reserve(std::size_t n) {
        own();
        auto& chunks = data_->chunks;
        chunks.reserve((n + kChunk - 1) / kChunk);
        if (chunks.empty()) chunks.emplace_back();
        if (chunks.size() == 1) chunks.front().reserve(n < kChunk ? n : kChunk);
    }

    template <class Same>
    void push_back(const T& value, Same same) {
        push_back(T(value), same);
    }
    // By rvalue: elements may be large (events), and each by-value hop would copy them once more.
    template <class Same>
    void push_back(T&& value, Same same) {
        if (!data_) data_ = std::make_shared<Storage>();
        if (data_->size > size_) {
            if (same(data_->at(size_), value)) {
                ++size_;
                return;
            }
            data_ = prefix_copy();
        }
        data_->append(std::move(value));
        ++size_;
    }

private:
    // Private storage before a reserve, so reserving never moves another copy's elements.
    void own() {
        if (!data_) data_ = std::make_shared<Storage>();
        else if (data_.use_count() > 1 || data_->size != size_) data_ = prefix_copy();
    }
    std::shared_ptr<Storage> prefix_copy() const {
        auto s = std::make_shared<Storage>();
        for (std::size_t i = 0; i < size_; ++i) s->append(T(data_->at(i)));
        return s;
    }

    std::shared_ptr<Storage> data_;
    std::size_t size_ = 0;
};

}  // namespace parsec::core
