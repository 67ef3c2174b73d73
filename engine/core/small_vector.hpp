// A vector that keeps its first N elements inline, for the many short lists of the hot paths
// (meta-vote lists hold 1-6 entries, spec §5.1): one meta-event then costs one allocation, not
// one per voter. Only for trivially copyable element types, so copies are plain memcpy.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <new>
#include <type_traits>

namespace parsec::core {

template <typename T, std::uint32_t N>
class SmallVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "SmallVector copies elements with memcpy");
    static_assert(N > 0, "inline capacity must be positive");

public:
    using value_type = T;
    using size_type = std::size_t;
    using iterator = T*;
    using const_iterator = const T*;
    using reference = T&;
    using const_reference = const T&;

    // The inline buffer starts zeroed so whole-buffer copies (copy_inline) read defined bytes.
    SmallVector() noexcept { std::memset(inline_, 0, sizeof inline_); }
    SmallVector(std::initializer_list<T> init) { assign(init.begin(), init.end()); }
    SmallVector(const SmallVector& o) {
        if (o.on_heap()) assign(o.begin(), o.end());
        else copy_inline(o);
    }
    SmallVector(SmallVector&& o) noexcept { steal(o); }
    SmallVector& operator=(const SmallVector& o) {
        if (this == &o) return *this;
        if (!o.on_heap() && !on_heap()) {
            copy_inline(o);
        } else {
            size_ = 0;
            assign(o.begin(), o.end());
        }
        return *this;
    }
    SmallVector& operator=(SmallVector&& o) noexcept {
        if (this != &o) {
            release();
            steal(o);
        }
        return *this;
    }
    ~SmallVector() { release(); }

    T* data() noexcept { return on_heap() ? heap_ : inline_ptr(); }
    const T* data() const noexcept { return on_heap() ? heap_ : inline_ptr(); }
    size_type size() const noexcept { return size_; }
    size_type capacity() const noexcept { return capacity_; }
    bool empty() const noexcept { return size_ == 0; }
    iterator begin() noexcept { return data(); }
    iterator end() noexcept { return data() + size_; }
    const_iterator begin() const noexcept { return data(); }
    const_iterator end() const noexcept { return data() + size_; }
    T& operator[](size_type i) noexcept { return data()[i]; }
    const T& operator[](size_type i) const noexcept { return data()[i]; }
    T& front() noexcept { return data()[0]; }
    const T& front() const noexcept { return data()[0]; }
    T& back() noexcept { return data()[size_ - 1]; }
    const T& back() const noexcept { return data()[size_ - 1]; }

    void clear() noexcept { size_ = 0; }
    void reserve(size_type n) {
        if (n > capacity_) grow(static_cast<std::uint32_t>(n));
    }
    void push_back(const T& v) {
        if (size_ == capacity_) {
            T copy = v;  // v may live in this vector
            grow(capacity_ * 2);
            data()[size_++] = copy;
            return;
        }
        data()[size_++] = v;
    }
    template <typename... A>
    T& emplace_back(A&&... args) {
        push_back(T{std::forward<A>(args)...});
        return back();
    }
    void pop_back() noexcept { --size_; }
    // Shrinks, or grows with value-initialised elements (or copies of `value`).
    void resize(size_type n) { resize(n, T{}); }
    void resize(size_type n, const T& value) {
        const T copy = value;  // value may live in this vector
        reserve(n);
        for (size_type i = size_; i < n; ++i) data()[i] = copy;
        size_ = static_cast<std::uint32_t>(n);
    }
    void assign(size_type n, const T& value) {
        size_ = 0;
        resize(n, value);
    }
    template <typename It>
        requires(!std::is_integral_v<It>)
    void assign(It first, It last) {
        const auto n = static_cast<std::uint32_t>(last - first);
        size_ = 0;
        reserve(n);
        std::copy(first, last, data());
        size_ = n;
    }

    bool operator==(const SmallVector& o) const { return std::equal(begin(), end(), o.begin(), o.end()); }

private:
    bool on_heap() const noexcept { return capacity_ > N; }
    T* inline_ptr() noexcept { return std::launder(reinterpret_cast<T*>(inline_)); }
    const T* inline_ptr() const noexcept { return std::launder(reinterpret_cast<const T*>(inline_)); }
    void grow(std::uint32_t n) {
        n = std::max(n, N * 2);
        T* p = static_cast<T*>(std::malloc(sizeof(T) * n));
        if (!p) throw std::bad_alloc();
        if (size_) std::memcpy(static_cast<void*>(p), data(), sizeof(T) * size_);
        release();
        heap_ = p;
        capacity_ = n;
    }
    void release() noexcept {
        if (on_heap()) std::free(heap_);
        capacity_ = N;
    }
    void steal(SmallVector& o) noexcept {
        if (o.on_heap()) {
            size_ = o.size_;
            heap_ = o.heap_;
            capacity_ = o.capacity_;
            o.capacity_ = N;
        } else {
            copy_inline(o);
        }
        o.size_ = 0;
    }
    // The whole inline buffer, a constant size the compiler copies in a few moves, rather than
    // a memcpy call of size() elements. Both sides use their inline storage.
    void copy_inline(const SmallVector& o) noexcept {
        capacity_ = N;
        size_ = o.size_;
        std::memcpy(inline_, o.inline_, sizeof inline_);
    }

    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = N;
    union {
        alignas(T) unsigned char inline_[sizeof(T) * N];
        T* heap_;
    };
};

}  // namespace parsec::core
