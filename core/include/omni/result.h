// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <type_traits>
#include <utility>
#include <variant>

/// How core reports failure (docs/CONTRIBUTING.md, "Errors"): a fallible function returns a Result, which holds
/// either its value or a Failure: an enum code that says what went wrong (for code to act on) and a message that
/// says it in English with the facts (for the log and the person). A QObject that owns a long-lived resource also
/// keeps its last Failure as error()/errorString() and emits it, as Qt's own classes do.
/// The shape follows C++23's std::expected (has_value(), operator*, operator->, value(), error()), which C++20 lacks.
namespace omni {

/// A failure: what went wrong (`code`) and, in English with the facts, why (`message`).
template <typename E> struct Failure {
    E code{};        ///< what went wrong
    QString message; ///< the facts, e.g. "\"seq\" must be a non-negative number"
};

/// A failure with `code` and `message`, convertible to any Result<T, E>.
template <typename E> [[nodiscard]] Failure<E> fail(E code, QString message = {})
{
    return Failure<E>{code, std::move(message)};
}

/// Either a T or a Failure<E>. Test it before use: `if (auto r = f(); !r) log(r.errorString()); else use(*r);`
template <typename T, typename E> class [[nodiscard]] Result
{
public:
    /// A success holding `value`.
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {} // NOLINT(google-explicit-constructor)
    /// A failure.
    Result(Failure<E> failure)
        : m_v(std::in_place_index<1>, std::move(failure)) {} // NOLINT(google-explicit-constructor)

    /// Whether it holds a value.
    [[nodiscard]] bool has_value() const noexcept { return m_v.index() == 0; } // NOLINT(readability-identifier-naming)
    /// Whether it holds a value.
    explicit operator bool() const noexcept { return has_value(); }

    /// The value; only when has_value().
    [[nodiscard]] T &value() & { return std::get<0>(m_v); }
    /// The value; only when has_value().
    [[nodiscard]] const T &value() const & { return std::get<0>(m_v); }
    /// The value, moved out; only when has_value().
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_v)); }
    /// The value; only when has_value().
    T &operator*() & { return value(); }
    /// The value; only when has_value().
    const T &operator*() const & { return value(); }
    /// The value's members; only when has_value().
    T *operator->() { return &value(); }
    /// The value's members; only when has_value().
    const T *operator->() const { return &value(); }

    /// What went wrong; only when !has_value().
    [[nodiscard]] E error() const { return std::get<1>(m_v).code; }
    /// Why, in English with the facts; empty on success.
    [[nodiscard]] QString errorString() const { return has_value() ? QString() : std::get<1>(m_v).message; }
    /// The whole failure; only when !has_value().
    [[nodiscard]] const Failure<E> &failure() const { return std::get<1>(m_v); }

private:
    std::variant<T, Failure<E>> m_v;
};

/// Success or a Failure<E>, for operations without a value.
template <typename E> class [[nodiscard]] Result<void, E>
{
public:
    /// A success.
    Result() = default;
    /// A failure.
    Result(Failure<E> failure) : m_failure(std::move(failure)), m_ok(false) {} // NOLINT(google-explicit-constructor)

    /// Whether it succeeded.
    [[nodiscard]] bool has_value() const noexcept { return m_ok; } // NOLINT(readability-identifier-naming)
    /// Whether it succeeded.
    explicit operator bool() const noexcept { return m_ok; }
    /// What went wrong; only when it failed.
    [[nodiscard]] E error() const { return m_failure.code; }
    /// Why, in English with the facts; empty on success.
    [[nodiscard]] QString errorString() const { return m_ok ? QString() : m_failure.message; }
    /// The whole failure; only when it failed.
    [[nodiscard]] const Failure<E> &failure() const { return m_failure; }

private:
    Failure<E> m_failure;
    bool m_ok = true;
};

} // namespace omni
