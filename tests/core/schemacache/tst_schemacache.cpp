// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The store of normalised schemas on real files: what goes in comes out equal, field by
// field; anything else (another key, a damaged or foreign file) is a miss, and the folder
// keeps only the newest entries.

#include "stratum/schema/schemacache.h"

#include <QtTest>

using namespace Stratum;

namespace {

// A schema in which every field of every struct differs from its default, so that a field
// the cache forgets makes the round trip unequal.
Schema everyField()
{
    Schema schema;
    schema.dialect = QStringLiteral("postgresql");
    Table table;
    table.schema = QStringLiteral("app");
    table.name = QStringLiteral("Orders \"2024\"");
    Column column{QStringLiteral("id"), QStringLiteral("integer"), false, QStringLiteral("nextval('s'::regclass)"),
                  Column::Identity::ByDefault, QStringLiteral("the key"), QStringLiteral("C"),
                  QStringLiteral("a + 1"), true, QStringLiteral("CURRENT_TIMESTAMP")};
    column.identityStart = 100;
    column.identityIncrement = 5;
    column.invisible = true;
    column.check = QStringLiteral("qty > 0");
    table.columns << column << Column{QStringLiteral("ünïcode"), QStringLiteral("text")};
    table.primaryKey = PrimaryKey{QStringLiteral("orders_pkey"), {QStringLiteral("id")}};
    table.indexes << Index{QStringLiteral("ix"), true,
                           {IndexColumn{QStringLiteral("id"), {}, true}, IndexColumn{{}, QStringLiteral("lower(x)"), false}},
                           QStringLiteral("id > 0"), QStringLiteral("gist"), {QStringLiteral("total")}, true,
                           QStringLiteral("by id")};
    table.indexes[0].columns[0].opclass = QStringLiteral("int4_ops");
    table.indexes[0].columns[0].nulls = QStringLiteral("NULLS LAST");
    table.uniqueConstraints << UniqueConstraint{QStringLiteral("uq"), {QStringLiteral("a"), QStringLiteral("b")}, true, true, true};
    table.foreignKeys << ForeignKey{QStringLiteral("fk"), {QStringLiteral("c")}, QStringLiteral("other"),
                                    QStringLiteral("parent"), {QStringLiteral("id")}, QStringLiteral("CASCADE"),
                                    QStringLiteral("SET NULL"), true, true, true, true};
    table.checks << CheckConstraint{QStringLiteral("ck"), QStringLiteral("id > 0"), true, true};
    table.triggers << Trigger{QStringLiteral("tr"), QStringLiteral("CREATE TRIGGER tr …")};
    table.comment = QStringLiteral("orders");
    table.options = QStringLiteral("WITHOUT ROWID");
    table.collation = QStringLiteral("utf8mb4_bin");
    table.partitionBy = QStringLiteral("RANGE (id)");
    table.partitionOf = QStringLiteral("parent");
    table.partitionBound = QStringLiteral("FOR VALUES FROM (1) TO (10)");
    table.unlogged = true;
    table.storage = {QStringLiteral("fillfactor=70")};
    schema.tables << table;
    schema.views << View{QStringLiteral("app"), QStringLiteral("v"), QStringLiteral("SELECT 1"), true,
                         {Index{QStringLiteral("ix_v"), true, {IndexColumn{QStringLiteral("a")}}}}, QStringLiteral("a view")};
    schema.extensions << QStringLiteral("citext");
    schema.domains << Domain{QStringLiteral("app"), QStringLiteral("qty"), QStringLiteral("integer"), true, QStringLiteral("1"),
                             {CheckConstraint{QStringLiteral("positive"), QStringLiteral("VALUE > 0")}}};
    schema.sequences << Sequence{QStringLiteral("app"), QStringLiteral("s"), QStringLiteral("integer"), 5, 2, -9,
                                 1000, true};
    schema.schemas << QStringLiteral("app");
    schema.enums << Enum{QStringLiteral("app"), QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("ok")}};
    schema.routines << Routine{QStringLiteral("app"), QStringLiteral("touch"), QStringLiteral("integer"), true,
                               QStringLiteral("CREATE OR REPLACE PROCEDURE …")};
    return schema;
}

} // namespace

class tst_SchemaCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField();
    void keysTellInputsApart();
    void damagedOrForeignFilesMiss();
    void disabledStoresNothing();
    void keepsTheNewestEntries();
};

void tst_SchemaCache::roundTripKeepsEveryField()
{
    QTemporaryDir folder;
    const SchemaCache cache(folder.filePath(QStringLiteral("nested/cache")));
    const Schema schema = everyField();
    const QByteArray key = SchemaCache::key("server", "ddl", {});
    QVERIFY(!cache.load(key));
    cache.store(key, schema);
    const std::optional<Schema> loaded = cache.load(key);
    QVERIFY(loaded);
    QCOMPARE(*loaded, schema);
    QCOMPARE(QFile::permissions(cache.folder()) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    // The equality sees the last field of a column, too.
    Schema other = schema;
    other.tables[0].columns[0].onUpdate.clear();
    QVERIFY(!(other == *loaded));
}

void tst_SchemaCache::keysTellInputsApart()
{
    const QByteArray key = SchemaCache::key("server", "ddl", {});
    QCOMPARE(key.size(), 64);
    QCOMPARE(SchemaCache::key("server", "ddl", {}), key);
    QVERIFY(SchemaCache::key("server 2", "ddl", {}) != key);
    QVERIFY(SchemaCache::key("server", "ddl 2", {}) != key);
    QVERIFY(SchemaCache::key("server", "ddl", {QStringLiteral("auth")}) != key);
    // Fields are length-prefixed: moving bytes from one to the next is another key.
    QVERIFY(SchemaCache::key("serv", "erddl", {}) != SchemaCache::key("server", "ddl", {}));
}

void tst_SchemaCache::damagedOrForeignFilesMiss()
{
    QTemporaryDir folder;
    const SchemaCache cache(folder.path());
    const QByteArray key = SchemaCache::key("server", "ddl", {});
    cache.store(key, everyField());
    const QString path = folder.filePath(QString::fromLatin1(key) + QStringLiteral(".schema"));
    QVERIFY(QFile::exists(path));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QByteArray whole = file.readAll();
    file.resize(whole.size() / 2);       // cut short
    file.close();
    QVERIFY(!cache.load(key));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(whole + "trailing");      // more than one schema's worth
    file.close();
    QVERIFY(!cache.load(key));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not a schema at all");
    file.close();
    QVERIFY(!cache.load(key));

    // The entry of another key, copied under this name.
    const QByteArray other = SchemaCache::key("server", "other ddl", {});
    cache.store(other, everyField());
    QFile::remove(path);
    QVERIFY(QFile::copy(folder.filePath(QString::fromLatin1(other) + QStringLiteral(".schema")), path));
    QVERIFY(!cache.load(key));
    QVERIFY(cache.load(other));
}

void tst_SchemaCache::disabledStoresNothing()
{
    const SchemaCache none;
    QVERIFY(!none.enabled());
    none.store(SchemaCache::key("server", "ddl", {}), everyField());
    QVERIFY(!none.load(SchemaCache::key("server", "ddl", {})));
}

void tst_SchemaCache::keepsTheNewestEntries()
{
    QTemporaryDir folder;
    const SchemaCache cache(folder.path());
    Schema small;
    small.dialect = QStringLiteral("sqlite");
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    for (int i = 0; i < SchemaCache::kMaxEntries; ++i) {
        const QByteArray key = SchemaCache::key("server", QByteArray::number(i), {});
        cache.store(key, small);
        // Distinct ages without waiting: entry i is i minutes old less than a day.
        QFile file(folder.filePath(QString::fromLatin1(key) + QStringLiteral(".schema")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(start.addSecs(60 * i), QFileDevice::FileModificationTime));
    }
    // Entry 0, the oldest, is used and so becomes the newest; entry 1 is now the oldest.
    QVERIFY(cache.load(SchemaCache::key("server", "0", {})));
    cache.store(SchemaCache::key("server", "new", {}), small);
    const QStringList left = QDir(folder.path()).entryList({QStringLiteral("*.schema")}, QDir::Files);
    QCOMPARE(left.size(), SchemaCache::kMaxEntries);
    QVERIFY(cache.load(SchemaCache::key("server", "0", {})));
    QVERIFY(!cache.load(SchemaCache::key("server", "1", {})));
    QVERIFY(cache.load(SchemaCache::key("server", "2", {})));
    QVERIFY(cache.load(SchemaCache::key("server", "new", {})));
}

QTEST_MAIN(tst_SchemaCache)
#include "tst_schemacache.moc"
