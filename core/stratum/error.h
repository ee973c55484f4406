// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace Stratum {

/// An error as a value: core never prints or exits, the face decides how to show it.
struct Error
{
    /// Exit codes of the command line (DESIGN.md §7).
    enum Code { Found = 1, Input = 2, Database = 3 };

    QString message;     ///< one clear sentence
    QString file;        ///< file the error is about, if any
    int line = 0;        ///< 1-based, 0 = unknown
    int column = 0;      ///< 1-based, 0 = unknown
    QString hint;        ///< what was expected / what to do
    int code = Input;

    static Error input(const QString &message, const QString &file = {}, int line = 0,
                       int column = 0, const QString &hint = {})
    {
        return Error{message, file, line, column, hint, Input};
    }
    static Error database(const QString &message, const QString &file = {}, int line = 0)
    {
        return Error{message, file, line, 0, {}, Database};
    }

    /// "file:line:column: message" (location parts only where known), then the hint.
    QString toString() const
    {
        QString where;
        if (!file.isEmpty()) {
            where = file;
            if (line > 0) {
                where += QLatin1Char(':') + QString::number(line);
                if (column > 0)
                    where += QLatin1Char(':') + QString::number(column);
            }
            where += QLatin1String(": ");
        }
        QString text = where + message;
        if (!hint.isEmpty())
            text += QLatin1Char('\n') + hint;
        return text;
    }
};

/// Either a value or an Error. Minimal stand-in for std::expected (C++23).
template<typename T>
class Result
{
public:
    Result(const T &value) : m_data(value) {}
    Result(T &&value) : m_data(std::move(value)) {}
    Result(const Error &error) : m_data(error) {}
    Result(Error &&error) : m_data(std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() { return std::get<0>(m_data); }
    const T &value() const { return std::get<0>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result of an operation without a value.
template<>
class Result<void>
{
public:
    Result() = default;
    Result(const Error &error) : m_error(error) {}
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace Stratum
