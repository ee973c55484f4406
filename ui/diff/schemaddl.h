#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Stratum {

class Dialect;
struct Schema;

/// One object of a schema as DDL: a table with its indexes and triggers, a view, a sequence or
/// an enum, rendered the way a migration would create it.
struct DdlObject
{
    QString key;          ///< "2:table:books": sorts objects by kind, then name
    QString title;        ///< "table books"
    QStringList lines;
};

/// \a schema as DDL objects for \a dialect, in a stable order (enums, sequences, tables, views).
QList<DdlObject> schemaDdl(const Schema &schema, const Dialect &dialect);

/// A row of two aligned DDL texts.
struct DiffRow
{
    enum class Kind {
        Title,     ///< the object's heading comment (both sides)
        Same,
        Changed,   ///< the line differs on both sides
        Removed,   ///< only on the left
        Added      ///< only on the right
    };
    Kind kind = Kind::Same;
    QString left;
    QString right;
    QString object;       ///< title of the object the row belongs to
};

/// Aligns two schemas object by object (by key) and, within an object, line by line (longest
/// common subsequence), so that the same text sits on the same row on both sides.
QList<DiffRow> alignDdl(const QList<DdlObject> &left, const QList<DdlObject> &right);

} // namespace Stratum
