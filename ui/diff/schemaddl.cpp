// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/schemaddl.h"

#include "stratum/autogen/operation.h"
#include "stratum/autogen/operationrenderer.h"
#include "stratum/schema/schema.h"

#include <QMap>

#include <vector>

namespace Stratum {
namespace {

QStringList statementLines(const QStringList &statements)
{
    QStringList lines;
    for (const QString &statement : statements)
        lines += (statement + QLatin1Char(';')).split(QLatin1Char('\n'));
    return lines;
}

// Pairs lines of one object: equal lines by the longest common subsequence; between two equal
// lines, removed and added lines share rows as "changed" where both sides have some.
void alignLines(const QString &object, const QStringList &a, const QStringList &b, QList<DiffRow> &rows)
{
    const int n = int(a.size());
    const int m = int(b.size());
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QStringList removed;
    QStringList added;
    const auto flush = [&] {
        const int shared = int(std::min(removed.size(), added.size()));
        for (int k = 0; k < shared; ++k)
            rows.append({DiffRow::Kind::Changed, removed[k], added[k], object});
        for (int k = shared; k < removed.size(); ++k)
            rows.append({DiffRow::Kind::Removed, removed[k], QString(), object});
        for (int k = shared; k < added.size(); ++k)
            rows.append({DiffRow::Kind::Added, QString(), added[k], object});
        removed.clear();
        added.clear();
    };
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            flush();
            rows.append({DiffRow::Kind::Same, a[i], b[j], object});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            added << b[j++];
        } else {
            removed << a[i++];
        }
    }
    flush();
}

} // namespace

QList<DdlObject> schemaDdl(const Schema &schema, const Dialect &dialect)
{
    QList<DdlObject> objects;
    const Schema empty;
    const auto render = [&](const Operation &operation) {
        return OperationRenderer::render({operation}, dialect, empty);
    };
    for (const Enum &type : schema.enums) {
        Operation operation;
        operation.kind = Operation::Kind::CreateEnum;
        operation.schema = type.schema;
        operation.enumType = type;
        objects.append({QStringLiteral("0:enum:") + displayName(type.schema, type.name),
                        QStringLiteral("enum ") + displayName(type.schema, type.name),
                        statementLines(render(operation))});
    }
    for (const Sequence &sequence : schema.sequences) {
        Operation operation;
        operation.kind = Operation::Kind::CreateSequence;
        operation.schema = sequence.schema;
        operation.sequence = sequence;
        objects.append({QStringLiteral("1:sequence:") + displayName(sequence.schema, sequence.name),
                        QStringLiteral("sequence ") + displayName(sequence.schema, sequence.name),
                        statementLines(render(operation))});
    }
    for (const Table &table : schema.tables) {
        QStringList statements = render(Operation::createTable(table));
        for (const Index &index : table.indexes)
            statements += render(Operation::createIndex(table.schema, table.name, index));
        for (const Trigger &trigger : table.triggers) {
            Operation operation;
            operation.kind = Operation::Kind::CreateTrigger;
            operation.schema = table.schema;
            operation.table = table.name;
            operation.trigger = trigger;
            statements += render(operation);
        }
        objects.append({QStringLiteral("2:table:") + displayName(table.schema, table.name),
                         QStringLiteral("table ") + displayName(table.schema, table.name),
                         statementLines(statements)});
    }
    for (const View &view : schema.views) {
        Operation operation;
        operation.kind = Operation::Kind::CreateView;
        operation.schema = view.schema;
        operation.view = view;
        objects.append({QStringLiteral("3:view:") + displayName(view.schema, view.name),
                        QStringLiteral("view ") + displayName(view.schema, view.name),
                        statementLines(render(operation))});
    }
    return objects;
}

QList<DiffRow> alignDdl(const QList<DdlObject> &left, const QList<DdlObject> &right)
{
    QMap<QString, std::pair<const DdlObject *, const DdlObject *>> byKey;
    for (const DdlObject &object : left)
        byKey[object.key].first = &object;
    for (const DdlObject &object : right)
        byKey[object.key].second = &object;
    QList<DiffRow> rows;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const DdlObject *a = it.value().first;
        const DdlObject *b = it.value().second;
        const QString title = a ? a->title : b->title;
        if (!rows.isEmpty())
            rows.append({DiffRow::Kind::Same, QString(), QString(), title});
        const QString heading = QStringLiteral("-- ") + title;
        rows.append({DiffRow::Kind::Title, a ? heading : QString(), b ? heading : QString(), title});
        alignLines(title, a ? a->lines : QStringList(), b ? b->lines : QStringList(), rows);
    }
    return rows;
}

QList<ChangeBlock> changeBlocks(const QList<DiffRow> &rows)
{
    QList<ChangeBlock> blocks;
    for (int i = 0; i < rows.size(); ++i) {
        if (!rows[i].differs())
            continue;
        if (!blocks.isEmpty() && blocks.last().last == i - 1)
            blocks.last().last = i;
        else
            blocks.append({i, i});
    }
    return blocks;
}

} // namespace Stratum
