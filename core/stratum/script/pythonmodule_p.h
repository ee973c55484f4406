// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reading Alembic's `.py` revisions without Python: a tokenizer for Python source and an
// evaluator for the module-level statements that give a module its constants (assignments,
// imports, if/elif/else, try, several statements on one line). Imports are resolved statically
// in the project's own source tree; anything that would need running code is Unknown, with the
// reason kept for the error message.

#include "stratum/error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Stratum::Internal {

struct PyValue
{
    enum Kind { Unknown, None, Bool, Int, Str, Bytes, Tuple, List, Set, Module, Import };
    Kind kind = Unknown;
    QString text;          ///< Str and Bytes: the value; Module and Import: the dotted module name
    QString name;          ///< Import: the name imported from the module
    qint64 number = 0;     ///< Int and Bool
    QList<PyValue> items;  ///< Tuple, List, Set
    QString why;           ///< Unknown: why the value cannot be known without running Python
    int line = 0;          ///< where the value was assigned (1-based, 0 = unknown)
    int column = 0;

    static PyValue unknown(const QString &why, int line = 0, int column = 0)
    {
        PyValue v;
        v.why = why;
        v.line = line;
        v.column = column;
        return v;
    }
};

/// What a module leaves behind once its top level has run, as far as it can be read statically.
struct PyModule
{
    QHash<QString, PyValue> names;     ///< module-level names (imports stay unresolved)
    QHash<QString, std::pair<int, int>> assignedAt;   ///< line and column of each name's last binding
    bool hasDocstring = false;
    QString docstring;                 ///< the module's __doc__ (before stripping)
};

class PyImportResolver;

/// Source bytes as Python reads them (PEP 263): a `coding` comment on line 1 or 2 (UTF-8,
/// Latin-1 and ASCII families), a UTF-8 byte order mark, otherwise UTF-8.
Result<QString> decodePythonSource(const QByteArray &data, const QString &path);

/// Runs the top level of \a text (the source of \a path) as Alembic loads a revision: a module
/// outside any package. Imports stay unresolved values until \a resolver resolves them; the
/// resolver also decides conditions that depend on imported names.
Result<PyModule> evaluatePythonModule(const QString &text, const QString &path, PyImportResolver *resolver);

/// Imports resolved in the project's source tree: the folders above \a path (the revision file)
/// are where `import pkg.mod` looks for `pkg/mod.py` or `pkg/mod/__init__.py`.
class PyImportResolver
{
public:
    explicit PyImportResolver(const QString &path);
    ~PyImportResolver();

    /// \a value with imports and module attributes replaced by what they name (recursively in
    /// tuples and lists). Unknown when the module is not in the tree or does not define it.
    PyValue resolve(const PyValue &value);
    /// The public module-level names of \a module (for `from module import *`), if it is found.
    std::optional<QStringList> names(const QString &module);

private:
    PyValue attribute(const QString &module, const QString &name, int depth);
    PyValue resolveAt(const PyValue &value, int depth);
    struct Located
    {
        QString file;       ///< the .py file (empty for a folder without __init__.py)
        QString folder;     ///< the package folder (empty for a plain module)
    };
    std::optional<Located> locate(const QString &module) const;
    const Result<PyModule> *load(const QString &module, const Located &where);

    QStringList m_roots;
    QHash<QString, std::shared_ptr<Result<PyModule>>> m_modules;
    QStringList m_loading;
};

/// The character an alias of Unicode's NameAliases.txt names (\a upperName in capitals), for
/// the aliases ICU's name lookup does not know.
std::optional<char32_t> unicodeAlias(const QByteArray &upperName);

/// Python's str.strip(): white space as Python defines it (also \x1c to \x1f).
QString pythonStrip(const QString &text);

} // namespace Stratum::Internal
