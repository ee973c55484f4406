// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/autogen/tablerebuild.h"

#include "stratum/schema/statementreader_p.h"

namespace Stratum {

namespace {

using Internal::DdlToken;
using Internal::StatementReader;
using Internal::tableKey;

// What one statement does to tables, as far as rebuilds are concerned.
struct Shape
{
    enum Kind { Other, CreateTable, CopyRows, WriteRows, DropTable, RenameTable };
    Kind kind = Other;
    QString table;             // created, written (the INSERT's target), dropped or renamed
    QString other;             // CopyRows: the table read; RenameTable: the new name
    bool plainCopy = false;    // CopyRows: SELECT … FROM other and nothing else
    bool readsAll = false;     // CopyRows: SELECT *
    QStringList read;          // CopyRows: the names in the select list, lower case
};

// INSERT INTO table [(…)] SELECT list FROM other [[AS] alias]: reads the select list, from the
// cursor after the table's name.
void readCopy(StatementReader &r, Shape &shape)
{
    const QList<DdlToken> &tokens = r.tokens();
    r.skipGroup();
    if (!r.accept("SELECT"))
        return;
    shape.kind = Shape::CopyRows;
    r.accept("ALL");
    int depth = 0;
    qsizetype from = -1;
    for (qsizetype i = r.position(); i < tokens.size() && from < 0; ++i) {
        const DdlToken &token = tokens.at(i);
        if (token.isSymbol('('))
            ++depth;
        else if (token.isSymbol(')'))
            --depth;
        else if (depth == 0 && token.is("FROM"))
            from = i;
        else if (token.isSymbol('*') && (i == r.position() || tokens.at(i - 1).isSymbol('.')
                                         || tokens.at(i - 1).isSymbol(',')))
            shape.readsAll = true;
        else if (depth == 0 && token.is("AS"))
            ++i;   // an output name, not a column read
        else if ((token.kind == DdlToken::Word || token.kind == DdlToken::QuotedName)
                 && !(i + 1 < tokens.size() && tokens.at(i + 1).isSymbol('.')))   // not a qualifier
            shape.read << token.identifier().toLower();
    }
    if (from < 0)
        return;
    r.setPosition(from + 1);
    shape.other = r.name();
    // An alias may follow; anything after it (WHERE, JOIN, LIMIT, …) makes it no plain copy.
    if (r.accept("AS") || (!r.atEnd() && tokens.at(r.position()).kind == DdlToken::Word
                           && !r.peek("WHERE") && !r.peek("JOIN")))
        r.name();
    shape.plainCopy = !shape.other.isEmpty() && r.atEnd();
}

Shape shapeOf(const QString &statement)
{
    StatementReader r(statement);
    Shape shape;
    if (r.accept("CREATE")) {
        while (r.accept("TEMP") || r.accept("TEMPORARY") || r.accept("UNLOGGED")) {
        }
        if (r.accept("TABLE")) {
            r.acceptAll({"IF", "NOT", "EXISTS"});
            shape.kind = Shape::CreateTable;
            shape.table = r.name();
        }
    } else if (r.accept("INSERT") || r.accept("REPLACE")) {
        if (r.accept("OR"))
            r.name();   // OR REPLACE, OR IGNORE, …
        r.accept("IGNORE");
        r.accept("INTO");
        shape.kind = Shape::WriteRows;
        shape.table = r.name();
        readCopy(r, shape);
    } else if (r.accept("UPDATE")) {
        r.accept("ONLY");
        shape.kind = Shape::WriteRows;
        shape.table = r.name();
    } else if (r.acceptAll({"DROP", "TABLE"})) {
        r.acceptAll({"IF", "EXISTS"});
        shape.table = r.name();
        if (!r.accept("CASCADE"))
            r.accept("RESTRICT");
        if (!shape.table.isEmpty() && r.atEnd())
            shape.kind = Shape::DropTable;
    } else if (r.acceptAll({"ALTER", "TABLE"})) {
        r.acceptAll({"IF", "EXISTS"});
        r.accept("ONLY");
        shape.table = r.name();
        if (r.accept("RENAME") && (r.accept("TO") || r.accept("AS"))) {
            shape.other = r.name();
            if (r.atEnd())
                shape.kind = Shape::RenameTable;
        }
    } else if (r.acceptAll({"RENAME", "TABLE"})) {
        shape.table = r.name();
        if (r.accept("TO")) {
            shape.other = r.name();
            if (r.atEnd())
                shape.kind = Shape::RenameTable;
        }
    }
    return shape;
}

bool named(const QString &name, const QString &key)
{
    return !name.isEmpty() && tableKey(name) == key;
}

// The rebuild whose DROP TABLE is shapes[drop], if that is one.
std::optional<TableRebuild> rebuildAt(const QList<Shape> &shapes, qsizetype drop)
{
    const QString old = tableKey(shapes.at(drop).table);
    // The copy: the last statement before the drop that writes rows, which must read the old
    // table (rows written to it after the copy would be lost).
    qsizetype insert = -1;
    for (qsizetype k = drop - 1; k >= 0 && insert < 0; --k) {
        const Shape &shape = shapes.at(k);
        if (shape.kind == Shape::CopyRows && named(shape.other, old))
            insert = k;
        else if ((shape.kind == Shape::CopyRows || shape.kind == Shape::WriteRows) && named(shape.table, old))
            return std::nullopt;
    }
    if (insert < 0 || !shapes.at(insert).plainCopy || named(shapes.at(insert).table, old))
        return std::nullopt;
    const QString copy = tableKey(shapes.at(insert).table);
    qsizetype create = -1;
    for (qsizetype k = insert - 1; k >= 0 && create < 0; --k)
        if (shapes.at(k).kind == Shape::CreateTable && named(shapes.at(k).table, copy))
            create = k;
    if (create < 0)
        return std::nullopt;
    // Then the new table takes the old name, before anything else does.
    for (qsizetype k = drop + 1; k < shapes.size(); ++k) {
        const Shape &shape = shapes.at(k);
        if (shape.kind == Shape::RenameTable && named(shape.table, copy)) {
            if (!named(shape.other, old))
                return std::nullopt;
            TableRebuild rebuild;
            rebuild.table = shapes.at(drop).table;
            rebuild.copy = shapes.at(insert).table;
            rebuild.create = create;
            rebuild.insert = insert;
            rebuild.drop = drop;
            rebuild.rename = k;
            return rebuild;
        }
        if ((shape.kind == Shape::CreateTable && named(shape.table, old))
            || (shape.kind == Shape::RenameTable && named(shape.other, old))
            || (shape.kind == Shape::DropTable && named(shape.table, copy)))
            return std::nullopt;
    }
    return std::nullopt;
}

} // namespace

QList<TableRebuild> findTableRebuilds(const QList<SqlStatement> &statements, const ScriptColumns &before)
{
    QList<Shape> shapes;
    shapes.reserve(statements.size());
    for (const SqlStatement &statement : statements)
        shapes << shapeOf(statement.text);

    QList<TableRebuild> rebuilds;
    ScriptColumns columns = before;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        if (shapes.at(i).kind == Shape::DropTable) {
            if (std::optional<TableRebuild> rebuild = rebuildAt(shapes, i)) {
                const Shape &copy = shapes.at(rebuild->insert);
                if (const std::optional<QStringList> old = columns.columns(rebuild->table)) {
                    rebuild->lostColumns = QStringList();
                    if (!copy.readsAll)
                        for (const QString &column : *old)
                            if (!copy.read.contains(column.toLower()))
                                rebuild->lostColumns->append(column);
                }
                rebuilds << *rebuild;
            }
        }
        columns.apply(statements.at(i).text);
    }
    return rebuilds;
}

} // namespace Stratum
