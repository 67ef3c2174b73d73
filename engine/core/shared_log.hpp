// An append-only sequence whose copies share storage (the graph's events). A copy is a pointer
// and a length, so a checkpoint of a node costs nothing per event. When a copy appends at a
// position the shared storage already holds, it reuses the element if it is the same one (a
// re-execution from a checkpoint produces the same events: `same` decides), and otherwise
// takes a private copy of its own prefix first (a branch that diverges). Single-threaded: copies
// must not be appended to from different threads.
#pragma once
#include <memory>
#include <span>
#include <vector>

namespace parsec::core {

template <class T>
class SharedLog {
public:
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](size_t i) const { return (*data_)[i]; }
    const T& back() const { return (*data_)[size_ - 1]; }
    std::span<const T> view() const { return data_ ? std::span<const T>(data_->data(), size_) : std::span<const T>(); }
    void reserve(size_t n) {
        own();
        data_->reserve(n);
    }

    template <class Same>
    void push_back(const T& value, Same same) {
        push_back(T(value), same);
    }
    // By rvalue: elements may be large (events), and each by-value hop would copy them once more.
    template <class Same>
    void push_back(T&& value, Same same) {
        if (!data_) data_ = std::make_shared<std::vector<T>>();
        if (data_->size() > size_) {
            if (same((*data_)[size_], value)) {
                ++size_;
                return;
            }
            data_ = std::make_shared<std::vector<T>>(data_->begin(), data_->begin() + static_cast<std::ptrdiff_t>(size_));
        }
        data_->push_back(std::move(value));
        ++size_;
    }

private:
    // Private storage before a reserve, so reserving never moves another copy's elements.
    void own() {
        if (!data_) data_ = std::make_shared<std::vector<T>>();
        else if (data_.use_count() > 1 || data_->size() != size_)
            data_ = std::make_shared<std::vector<T>>(data_->begin(), data_->begin() + static_cast<std::ptrdiff_t>(size_));
    }

    std::shared_ptr<std::vector<T>> data_;
    size_t size_ = 0;
};

}  // namespace parsec::core
