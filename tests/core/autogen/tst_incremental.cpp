// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// The incremental normalisation on real SQLite, PostgreSQL and MariaDB: after a schema was
// normalised once, a changed schema normalised object by object from the cache equals its
// normalisation as a whole, for every object kind (objectkinds.h) and for seeded random
// schemas and edits; only the changed objects go to the dev database; and where objects
// could come out differently when built apart, the whole schema is normalised instead.

#include "stratum/schema/devdatabase.h"
#include "stratum/schema/schemacache.h"
#include "stratum/script/sqllexer.h"

#include "../../support/testservers.h"
#include "objectkinds.h"
#include "randomschema.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Stratum;

class tst_Incremental : public QObject
{
    Q_OBJECT

private slots:
    void objectKinds_data();
    void objectKinds();
    void randomEdits_data() { StratumTest::addEngineRows(); }
    void randomEdits();
    void onlyChangedObjectsApplied_data() { StratumTest::addEngineRows(); }
    void onlyChangedObjectsApplied();
    void engineChosenNames();
    void orderStillChecked_data() { StratumTest::addEngineRows(); }
    void orderStillChecked();
    void unsplittableKeptWhole_data() { StratumTest::addEngineRows(); }
    void unsplittableKeptWhole();

private:
    struct Normalised
    {
        Schema schema;
        NormaliseStats stats;
    };
    /// \a ddl normalised for \a engine, with the cache in m_cache or (\a cached false) none.
    Result<Normalised> normalise(const QString &engine, const QString &url, const QString &ddl, bool cached);
    /// Normalises \a ddl with the cache and as a whole, and compares.
    void compareWithWhole(const QString &engine, const QString &url, const QString &ddl, NormaliseStats *stats = nullptr);
    QString targetUrl(const QString &engine, const QString &url) const;

    QTemporaryDir m_dir;
    QString m_cache;
    NormaliseStats m_lastStats;   ///< of the last normalisation with the cache
};

namespace {

// Tables nothing else names, so that a change of the case's few objects is a change of a
// small part of the schema, as in a real project, and normalised object by object.
QString padding(const QString &engine, int tables = 8)
{
    QString ddl;
    for (int i = 0; i < tables; ++i)
        ddl += QStringLiteral("CREATE TABLE pad_%1 (id INTEGER PRIMARY KEY, label VARCHAR(20)%2);\n")
                   .arg(i)
                   .arg(engine == QLatin1String("mysql") ? QString() : QStringLiteral(", note TEXT"));
    return ddl;
}

} // namespace

QString tst_Incremental::targetUrl(const QString &engine, const QString &url) const
{
    return engine == QLatin1String("sqlite") ? QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("target.db"))
                                             : url;
}

Result<tst_Incremental::Normalised> tst_Incremental::normalise(const QString &engine, const QString &url,
                                                                const QString &ddl, bool cached)
{
    static int counter = 0;
    const QString path = m_dir.filePath(QStringLiteral("schema%1.sql").arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::input(QStringLiteral("cannot write %1").arg(path));
    file.write(ddl.toUtf8());
    file.close();
    Result<DatabaseUrl> target = DatabaseUrl::parse(targetUrl(engine, url));
    if (!target)
        return target.error();
    Normalised out;
    NormaliseOptions options;
    if (cached)
        options.cache = SchemaCache(m_cache);
    options.stats = &out.stats;
    Result<Schema> schema = DesiredSchema::load({path}, *target, options);
    if (cached)
        m_lastStats = out.stats;
    if (!schema)
        return schema.error();
    out.schema = std::move(*schema);
    return out;
}

void tst_Incremental::compareWithWhole(const QString &engine, const QString &url, const QString &ddl,
                                       NormaliseStats *stats)
{
    Result<Normalised> incremental = normalise(engine, url, ddl, true);
    Result<Normalised> whole = normalise(engine, url, ddl, false);
    if (stats)
        *stats = m_lastStats;
    if (whole.ok() != incremental.ok())
        QFAIL(qPrintable(QStringLiteral("one failed: ") + (whole ? incremental.error().message : whole.error().message)));
    if (!whole) {
        // MariaDB names the scratch database, which is another one each time.
        static const QRegularExpression scratch(QStringLiteral("stratum_dev_[0-9a-f]+"));
        QString incrementalMessage = incremental.error().message, wholeMessage = whole.error().message;
        QCOMPARE(incrementalMessage.replace(scratch, QStringLiteral("stratum_dev")),
                 wholeMessage.replace(scratch, QStringLiteral("stratum_dev")));
        QCOMPARE(incremental.error().line, whole.error().line);
        return;
    }
    QVERIFY2(incremental->schema == whole->schema,
             qPrintable(QStringLiteral("object by object (%1):\n%2\nwhole:\n%3")
                            .arg(incremental->stats.whyWhole, describeSchema(incremental->schema),
                                 describeSchema(whole->schema))));
}

void tst_Incremental::objectKinds_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    for (const StratumTest::ObjectKindCase &c : StratumTest::objectKindCases())
        QTest::newRow(qPrintable(c.name)) << c.engine << c.a << c.b;
}

// A normalised (the cache learns it object by object), then B, then A again: each equal to
// its whole normalisation; B with its objects that did not change taken from the cache.
void tst_Incremental::objectKinds()
{
    QFETCH(QString, engine);
    QFETCH(QString, a);
    QFETCH(QString, b);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    m_cache = m_dir.filePath(QStringLiteral("cache-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char('/'), QLatin1Char('_')));
    const QString pad = padding(engine);
    NormaliseStats first, second, third;
    compareWithWhole(engine, url, a + pad, &first);
    if (QTest::currentTestFailed())
        return;
    compareWithWhole(engine, url, b + pad, &second);
    if (QTest::currentTestFailed())
        return;
    Result<Normalised> again = normalise(engine, url, a + pad, true);
    QVERIFY(again.ok());
    third = again->stats;
    // The schema split into objects and B took the unchanged ones from the cache (or, with
    // more than half changed, was normalised whole and taught the cache).
    QVERIFY2(first.byObject, qPrintable(first.whyWhole));
    QVERIFY2(second.byObject && (second.reused > 0 || second.whyWhole.contains(QLatin1String("more than half"))),
             qPrintable(second.whyWhole));
    QVERIFY2(third.wholeFromCache, "A again is the whole cached result");
    if (second.reused > 0)
        QVERIFY2(second.statementsApplied < second.objects + 10, qPrintable(QString::number(second.statementsApplied)));
}

// Seeded random schemas and edits of them (the fixed-point test's generator), each step
// normalised from the cache the steps before left.
void tst_Incremental::randomEdits()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    m_cache = m_dir.filePath(QStringLiteral("cache-random-") + engine);
    StratumTest::RandomSchema generator(engine);
    // By the hundred where a normalisation takes milliseconds; fewer where a server creates files.
    const int seeds = qEnvironmentVariableIntValue("STRATUM_INCREMENTAL_SEEDS") > 0
                          ? qEnvironmentVariableIntValue("STRATUM_INCREMENTAL_SEEDS")
                          : engine == QLatin1String("sqlite") ? 100 : engine == QLatin1String("postgresql") ? 30 : 10;
    qsizetype byObject = 0, reused = 0;
    QMap<QString, int> reasons;
    for (int seed = 1; seed <= seeds; ++seed) {
        QList<StratumTest::RandomTable> tables = generator.generate(quint32(seed), 8);
        for (int step = 0; step < 3; ++step) {
            NormaliseStats stats;
            compareWithWhole(engine, url, generator.ddl(tables) + padding(engine, 10), &stats);
            if (QTest::currentTestFailed())
                return qWarning("seed %d, step %d", seed, step);
            byObject += stats.byObject && stats.whyWhole.isEmpty() && !stats.wholeFromCache ? 1 : 0;
            if (!stats.whyWhole.isEmpty())
                ++reasons[stats.whyWhole];
            reused += stats.reused;
            tables = generator.mutate(tables, quint32(seed * 100 + step));
        }
    }
    qInfo("%lld of %d steps normalised object by object, %lld objects reused", qlonglong(byObject), seeds * 3,
          qlonglong(reused));
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        qInfo("whole %d times: %s", it.value(), qPrintable(it.key()));
    QVERIFY2(reused > 0, "the cache was never used");
}

// A schema of 64 tables in a tree of foreign keys with one table changed: that table and the tables that name it
// go to the dev database, with what they depend on, and nothing else.
void tst_Incremental::onlyChangedObjectsApplied()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    m_cache = m_dir.filePath(QStringLiteral("cache-one-") + engine);
    const auto schema = [](const QString &extra) {
        QString ddl;
        for (int i = 0; i < 64; ++i) {
            ddl += QStringLiteral("CREATE TABLE t%1 (id INTEGER PRIMARY KEY, parent_id INTEGER%2, name VARCHAR(40)%3);\n")
                       .arg(i)
                       .arg(i ? QStringLiteral(" REFERENCES t%1 (id)").arg(i / 2) : QString())
                       .arg(i == 20 ? extra : QString());
            ddl += QStringLiteral("CREATE INDEX ix_t%1_name ON t%1 (name);\n").arg(i);
        }
        return ddl;
    };
    NormaliseStats stats;
    compareWithWhole(engine, url, schema({}), &stats);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(stats.objects, 64);
    compareWithWhole(engine, url, schema(QStringLiteral(", extra INTEGER")), &stats);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(stats.whyWhole.isEmpty(), qPrintable(stats.whyWhole));
    // t20 and the tables naming it (t40, t41), with t20's ancestors t10, t5, t2, t1, t0: 8
    // tables of 2 statements each.
    QCOMPARE(stats.reused, 61);
    QCOMPARE(stats.statementsApplied, 16);
    QCOMPARE(stats.rounds, 2);
    // A change that does not change the table's form leaves the tables naming it alone.
    compareWithWhole(engine, url, schema(QStringLiteral(", extra   INTEGER")), &stats);
    QVERIFY2(stats.whyWhole.isEmpty(), qPrintable(stats.whyWhole));
    QCOMPARE(stats.reused, 63);
    QCOMPARE(stats.rounds, 1);
}

// PostgreSQL names a constraint or index it is not given by the table and columns, adding a
// number when the name is taken; built apart, an object would get the name without it.
void tst_Incremental::engineChosenNames()
{
    QString url;
    STRATUM_REQUIRE_SERVER("STRATUM_TEST_PG_URL", url);
    m_cache = m_dir.filePath(QStringLiteral("cache-names"));
    const QString pad = padding(QStringLiteral("postgresql"));
    const QString t = QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, a integer UNIQUE, b integer CHECK (b > 0));\n");
    NormaliseStats stats;
    compareWithWhole(QStringLiteral("postgresql"), url, pad + t, &stats);
    QVERIFY(stats.byObject);
    // Another table takes the index name t would get: t's unique key becomes t_a_key1.
    const QString taker = QStringLiteral("CREATE TABLE other (id integer PRIMARY KEY, x integer);\n"
                                         "CREATE UNIQUE INDEX t_a_key ON other (x);\n");
    compareWithWhole(QStringLiteral("postgresql"), url, pad + taker + t, &stats);
    QVERIFY(!QTest::currentTestFailed());
    compareWithWhole(QStringLiteral("postgresql"), url, pad + t + QStringLiteral("CREATE TABLE other (id integer PRIMARY KEY, x integer);\n"),
                     &stats);
    compareWithWhole(QStringLiteral("postgresql"), url, pad + taker + t, &stats);
    // And a check constraint named as the engine would name t's.
    compareWithWhole(QStringLiteral("postgresql"), url,
                     pad + QStringLiteral("CREATE TABLE u (id integer PRIMARY KEY, b integer CONSTRAINT t_b_check CHECK (b < 9));\n") + t,
                     &stats);
}

// A schema whose statements came from the cache still fails where its order is wrong.
void tst_Incremental::orderStillChecked()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    m_cache = m_dir.filePath(QStringLiteral("cache-order-") + engine);
    const QString parent = QStringLiteral("CREATE TABLE parent (id INTEGER PRIMARY KEY);\n");
    const QString child = QStringLiteral("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));\n");
    const QString view = QStringLiteral("CREATE VIEW v_child AS SELECT id FROM child;\n");
    const QString pad = padding(engine);
    compareWithWhole(engine, url, pad + parent + child + view);
    // The view before its table: every statement is in the cache, the whole fails.
    NormaliseStats stats;
    compareWithWhole(engine, url, pad + parent + view + child, &stats);
    QVERIFY(!stats.whyWhole.isEmpty());
    // SQLite creates a view before its table; the others do not.
    Result<Normalised> whole = normalise(engine, url, pad + parent + view + child, false);
    QCOMPARE(whole.ok(), engine == QLatin1String("sqlite"));
}

// Statements whose effect on other objects the text does not tell keep the schema whole.
void tst_Incremental::unsplittableKeptWhole()
{
    QFETCH(QString, engine);
    QString url;
    STRATUM_REQUIRE_ENGINE(engine, url);
    m_cache = m_dir.filePath(QStringLiteral("cache-whole-") + engine);
    const QString pad = padding(engine);
    const QString renamed = engine == QLatin1String("mysql")
                                ? QStringLiteral("CREATE TABLE old_name (id INTEGER PRIMARY KEY);\nRENAME TABLE old_name TO new_name;\n")
                                : QStringLiteral("CREATE TABLE old_name (id INTEGER PRIMARY KEY);\nALTER TABLE old_name RENAME TO new_name;\n");
    NormaliseStats stats;
    compareWithWhole(engine, url, pad + renamed, &stats);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(!stats.byObject);
    QVERIFY(!stats.whyWhole.isEmpty());
    compareWithWhole(engine, url, pad + QStringLiteral("CREATE TABLE d (id INTEGER PRIMARY KEY);\nDROP TABLE d;\n"), &stats);
    QVERIFY(!stats.byObject);
}

QTEST_GUILESS_MAIN(tst_Incremental)
#include "tst_incremental.moc"
