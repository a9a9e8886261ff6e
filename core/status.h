#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace techrace {

/** Success, or a message a user can read. Used instead of exceptions across the core API. */
class [[nodiscard]] Status
{
public:
    Status() = default;
    static Status failure(QString message) { return Status(std::move(message)); }

    [[nodiscard]] bool ok() const { return !m_message.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] QString message() const { return m_message.value_or(QString()); }

private:
    explicit Status(QString message)
        : m_message(std::move(message))
    { }
    std::optional<QString> m_message;
};

/** A value or the message explaining why there is none. */
template<typename T> class [[nodiscard]] Expected
{
public:
    Expected(T value) // NOLINT(google-explicit-constructor): implicit on purpose, like std::expected
        : m_value(std::move(value))
    { }
    Expected(Status failure) // NOLINT(google-explicit-constructor)
        : m_status(std::move(failure))
    { }

    [[nodiscard]] bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return *m_value; }
    [[nodiscard]] T &value() & { return *m_value; }
    [[nodiscard]] T &&value() && { return std::move(*m_value); }
    [[nodiscard]] const T *operator->() const { return &*m_value; }
    [[nodiscard]] T *operator->() { return &*m_value; }
    [[nodiscard]] QString message() const { return m_status.message(); }
    [[nodiscard]] Status status() const { return m_status; }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace techrace
