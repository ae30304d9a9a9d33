#pragma once
// A value on the heap with a value's meaning: copying copies the value, comparing compares
// it (C++26 names this std::indirect). A variant alternative that is rare but large (a link
// with its target, an image with its file) is held this way, so each of the many small
// alternatives (a run of text, a line break) does not take that much room: it roughly
// halves a document model's memory.
#include <memory>
#include <type_traits>
#include <utility>
#include <variant>

namespace planpack::model {

template <class T>
class Indirect {
public:
    Indirect() : value_(std::make_unique<T>()) {}
    Indirect(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT: a T is an Indirect<T>
    Indirect(const Indirect& other) : value_(std::make_unique<T>(*other)) {}
    Indirect(Indirect&&) noexcept = default;
    Indirect& operator=(const Indirect& other) {
        if (this != &other) value_ = std::make_unique<T>(*other);
        return *this;
    }
    Indirect& operator=(Indirect&&) noexcept = default;
    ~Indirect() = default;

    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return value_.get(); }
    const T* operator->() const { return value_.get(); }

    friend bool operator==(const Indirect& a, const Indirect& b) { return *a == *b; }

private:
    std::unique_ptr<T> value_;  // never null, but after a move
};

// What a visitor of a variant sees through a box: the value itself, so a visitor names
// Link, not Indirect<Link>, and cannot pass a boxed alternative by without noticing.
template <class T>
T& unbox(T& v) { return v; }
template <class T>
T& unbox(Indirect<T>& v) { return *v; }
template <class T>
const T& unbox(const Indirect<T>& v) { return *v; }


// std::get_if that sees through a box: get_alternative<Link>(&inline.value) is the link,
// or null, whether or not the variant holds Link boxed.
template <class T, class... Ts>
T* get_alternative(std::variant<Ts...>* v) {
    if constexpr ((std::is_same_v<Ts, Indirect<T>> || ...)) {
        auto* boxed = std::get_if<Indirect<T>>(v);
        return boxed ? &**boxed : nullptr;
    } else {
        return std::get_if<T>(v);
    }
}
template <class T, class... Ts>
const T* get_alternative(const std::variant<Ts...>* v) {
    return get_alternative<T>(const_cast<std::variant<Ts...>*>(v));
}

// std::get that sees through a box: the alternative, or std::bad_variant_access.
template <class T, class... Ts>
T& alternative(std::variant<Ts...>& v) {
    if (T* p = get_alternative<T>(&v)) return *p;
    throw std::bad_variant_access();
}
template <class T, class... Ts>
const T& alternative(const std::variant<Ts...>& v) {
    return alternative<T>(const_cast<std::variant<Ts...>&>(v));
}

}  // namespace planpack::model
