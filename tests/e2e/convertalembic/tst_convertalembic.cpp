// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// `stratum convert-alembic` against Alembic 1.8.1 (/usr/bin/python3 -m alembic).
//
// An Alembic project written here (op.create_table, add_column, create_index, a branch with a
// label, a dependency across branches, a merge, and an op.get_bind() data migration) is converted
// to a Stratum project. Then, on SQLite and PostgreSQL: Alembic migrates one database to the head
// and another one halfway; Stratum upgrades the halfway database with the converted project. Both
// databases must end with the same schema, read from the engine's own catalog, and the same
// alembic_version rows.

#include "../../support/catalogdump.h"
#include "../../support/processrun.h"
#include "../../support/testservers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using StratumTest::Scratch;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kStratum = QStringLiteral(STRATUM_CLI);

using Run = StratumTest::ProcessRun;

Run run(const QString &program, const QStringList &args, const QString &workDir = {})
{
    return StratumTest::runProcess(program, args, workDir);
}

bool writeText(const QString &path, const QString &text)
{
    return StratumTest::writeBytes(path, text.toUtf8());
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The env.py of the Alembic projects of tests/e2e/alembiccompat: `-x url=...` picks the database.
const QString kEnvPy = QStringLiteral(STRATUM_SOURCE_DIR "/tests/e2e/alembiccompat/alembic_env.py");

struct PyRevision
{
    const char *file;
    const char *text;
};

// The history: r1 -> r2 -> r3 (data) -> r4a (reviews) -> r5a (depends on r4b) -> r6 (merge)
//                                     -> r4b ---------------------------------/
const PyRevision kRevisions[] = {
    {"r1_authors.py", R"("""Create authors

Revision ID: r1
Revises:
Create Date: 2025-01-02 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'r1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('author',
                    sa.Column('id', sa.Integer, primary_key=True),
                    sa.Column('name', sa.String(100), nullable=False))


def downgrade():
    op.drop_table('author')
)"},
    {"r2_books.py", R"("""Create books

With an index on the title.

Revision ID: r2
Revises: r1
"""
from alembic import op
import sqlalchemy as sa

revision = 'r2'
down_revision = 'r1'


def upgrade():
    op.create_table('book',
                    sa.Column('id', sa.Integer, primary_key=True),
                    sa.Column('author_id', sa.Integer, sa.ForeignKey('author.id'), nullable=False),
                    sa.Column('title', sa.String(200), nullable=False),
                    sa.Column('price', sa.Numeric(8, 2), server_default='0'))
    op.create_index('ix_book_title', 'book', ['title'])


def downgrade():
    op.drop_index('ix_book_title', table_name='book')
    op.drop_table('book')
)"},
    {"r3_names.py", R"("""Tidy author names (data only)

Revision ID: r3
Revises: r2
"""
from alembic import op
import sqlalchemy as sa

revision = 'r3'
down_revision = 'r2'


def upgrade():
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM author")).fetchall()
    for id_, name in rows:
        conn.execute(sa.text("UPDATE author SET name = :n WHERE id = :i"), {"n": name.strip(), "i": id_})


def downgrade():
    pass
)"},
    {"r4a_reviews.py", R"("""Add reviews

Revision ID: r4a
Revises: r3
"""
from alembic import op
import sqlalchemy as sa

revision = 'r4a'
down_revision = 'r3'
branch_labels = ('reviews',)


def upgrade():
    op.create_table('review',
                    sa.Column('id', sa.Integer, primary_key=True),
                    sa.Column('book_id', sa.Integer, sa.ForeignKey('book.id')),
                    sa.Column('stars', sa.Integer, nullable=False))


def downgrade():
    op.drop_table('review')
)"},
    {"r4b_email.py", R"("""Add author email

Revision ID: r4b
Revises: r3
"""
from alembic import op
import sqlalchemy as sa

revision = 'r4b'
down_revision = 'r3'


def upgrade():
    op.add_column('author', sa.Column('email', sa.String(200), nullable=True))


def downgrade():
    with op.batch_alter_table('author') as batch:
        batch.drop_column('email')
)"},
    {"r5a_reviewer.py", R"("""Reviews name their author

Revision ID: r5a
Revises: r4a
"""
from alembic import op
import sqlalchemy as sa

revision = 'r5a'
down_revision = 'r4a'
depends_on = 'r4b'


def upgrade():
    op.add_column('review', sa.Column('reviewer_email', sa.String(200)))
    op.create_index('ix_review_stars', 'review', ['stars'])


def downgrade():
    op.drop_index('ix_review_stars', table_name='review')
    with op.batch_alter_table('review') as batch:
        batch.drop_column('reviewer_email')
)"},
    {"r6_merge.py", R"("""Merge reviews and email

Revision ID: r6
Revises: r5a, r4b
"""
from alembic import op

revision = 'r6'
down_revision = ('r5a', 'r4b')


def upgrade():
    op.create_index('ix_author_email', 'author', ['email'], unique=True)


def downgrade():
    op.drop_index('ix_author_email', table_name='author')
)"},
};

} // namespace

class tst_ConvertAlembic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void convertAndContinue_data();
    void convertAndContinue();
    void offlineNamesPythonRevisions();
    void refusesBadInput();

private:
    // An Alembic project whose alembic.ini points at \a url; returns its folder.
    QString writeAlembicProject(const QString &name, const QString &url);
    QStringList schemaOf(Scratch &scratch);
    QStringList versionRows(Scratch &scratch);

    QTemporaryDir m_dir;
    int m_projects = 0;
};

void tst_ConvertAlembic::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run probe = run(kPython, {QStringLiteral("-c"), QStringLiteral("import alembic, psycopg2")});
    QVERIFY2(probe.exitCode == 0, qPrintable(QStringLiteral("python3-alembic and python3-psycopg2 are needed: ") + probe.err));
}

QString tst_ConvertAlembic::writeAlembicProject(const QString &name, const QString &url)
{
    const QString root = m_dir.filePath(name);
    QString escaped = url;
    escaped.replace(QLatin1Char('%'), QLatin1String("%%"));
    writeText(root + QStringLiteral("/alembic.ini"),
              QStringLiteral("[alembic]\nscript_location = %(here)s\nsqlalchemy.url = %1\n").arg(escaped));
    QFile::copy(kEnvPy, root + QStringLiteral("/env.py"));
    for (const PyRevision &revision : kRevisions)
        writeText(root + QStringLiteral("/versions/") + QString::fromLatin1(revision.file), QString::fromUtf8(revision.text));
    return root;
}

QStringList tst_ConvertAlembic::schemaOf(Scratch &scratch)
{
    QStringList lines;
    if (scratch.url().dialect == QLatin1String("sqlite")) {
        auto rows = scratch.connection().selectColumn(QStringLiteral(
            "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY 1"));
        if (!rows)
            return {QStringLiteral("error: ") + rows.error().message};
        for (const QVariant &row : *rows)
            lines << row.toString().simplified();
    } else {
        lines = StratumTest::catalogDump(scratch.connection());
    }
    // Stratum's own audit tables are not part of the schema being compared.
    QStringList kept;
    for (const QString &line : std::as_const(lines))
        if (!line.contains(QLatin1String("stratum_")))
            kept << line;
    kept.sort();
    return kept;
}

QStringList tst_ConvertAlembic::versionRows(Scratch &scratch)
{
    QStringList rows;
    auto values = scratch.connection().selectColumn(QStringLiteral("SELECT version_num FROM alembic_version"));
    if (!values)
        return {QStringLiteral("error: ") + values.error().message};
    for (const QVariant &v : *values)
        rows << v.toString();
    rows.sort();
    return rows;
}

void tst_ConvertAlembic::convertAndContinue_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QStringList>("halfway");   // what Alembic applies before Stratum takes over
    for (const char *engine : {"sqlite", "postgresql"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1/before the data migration").arg(QLatin1String(engine))))
            << QString::fromLatin1(engine) << QStringList{QStringLiteral("r2")};
        QTest::newRow(qPrintable(QStringLiteral("%1/two heads").arg(QLatin1String(engine))))
            << QString::fromLatin1(engine) << QStringList{QStringLiteral("r4a"), QStringLiteral("r4b")};
    }
}

void tst_ConvertAlembic::convertAndContinue()
{
    QFETCH(QString, engine);
    QFETCH(QStringList, halfway);
    QString server;
    STRATUM_REQUIRE_ENGINE(engine, server);

    const QString tag = QStringLiteral("%1%2").arg(QCoreApplication::applicationPid()).arg(++m_projects);
    Scratch reference;
    Scratch half;
    QVERIFY(reference.open(engine, server, QStringLiteral("convref") + tag));
    QVERIFY(half.open(engine, server, QStringLiteral("convhalf") + tag));
    const QString alembicDir = writeAlembicProject(QStringLiteral("alembic-") + tag, half.urlString());
    const QString ini = alembicDir + QStringLiteral("/alembic.ini");

    // Alembic: one database to the heads, one halfway.
    const auto alembic = [&](const QStringList &args) {
        return run(kPython, QStringList{QStringLiteral("-m"), QStringLiteral("alembic"), QStringLiteral("-c"), ini} + args,
                   alembicDir);
    };
    Run r = alembic({QStringLiteral("-x"), QStringLiteral("url=") + reference.urlString(), QStringLiteral("upgrade"),
                     QStringLiteral("heads")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &target : std::as_const(halfway)) {
        r = alembic({QStringLiteral("upgrade"), target});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QCOMPARE(versionRows(half), halfway);

    // Convert. The data migration is listed with file and line; the exit code says so.
    const QString out = m_dir.filePath(QStringLiteral("stratum-") + tag);
    r = run(kStratum, {QStringLiteral("-c"), ini, QStringLiteral("convert-alembic"), out, QStringLiteral("--python"), kPython});
    QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit code %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.contains(QLatin1String("r3 versions/r3_names.py:14: conn = op.get_bind()")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("versions/r3_names.py:15: rows = conn.execute")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("r4a ")), qPrintable(r.err));
    for (const PyRevision &revision : kRevisions) {
        const QString sql = out + QStringLiteral("/migrations/versions/")
                            + QString::fromLatin1(revision.file).replace(QLatin1String(".py"), QLatin1String(".sql"));
        QVERIFY2(QFileInfo::exists(sql), qPrintable(sql));
    }
    const QString data = readText(out + QStringLiteral("/migrations/versions/r3_names.sql"));
    QVERIFY2(data.contains(QLatin1String("-- TODO convert-alembic: Alembic's offline mode could not render upgrade()")), qPrintable(data));
    QVERIFY2(data.contains(QLatin1String("--   versions/r3_names.py:14: conn = op.get_bind()")), qPrintable(data));
    const QString books = readText(out + QStringLiteral("/migrations/versions/r2_books.sql"));
    QVERIFY2(books.contains(QLatin1String("CREATE INDEX ix_book_title ON book (title);")), qPrintable(books));
    QVERIFY2(!books.contains(QLatin1String("alembic_version")), qPrintable(books));

    // Same graph, same messages: the converted project's history is the Alembic project's.
    const QString stratumIni = out + QStringLiteral("/stratum.ini");
    for (const QStringList &command : {QStringList{QStringLiteral("history")}, QStringList{QStringLiteral("heads")},
                                       QStringList{QStringLiteral("branches")}}) {
        const Run fromPy = run(kStratum, QStringList{QStringLiteral("-c"), ini} + command);
        const Run fromSql = run(kStratum, QStringList{QStringLiteral("-c"), stratumIni} + command);
        QVERIFY2(fromPy.exitCode == 0, qPrintable(fromPy.err));
        QVERIFY2(fromSql.exitCode == 0, qPrintable(fromSql.err));
        const auto withoutPaths = [](QString text) {
            static const QRegularExpression path(QStringLiteral("^Path: .*$"), QRegularExpression::MultilineOption);
            return text.replace(path, QString());
        };
        QCOMPARE(withoutPaths(fromSql.out), withoutPaths(fromPy.out));
        // Alembic prints a branch point's children in string-hash order: `branches` is left out.
        if (command.constFirst() == QLatin1String("branches"))
            continue;
        const Run fromAlembic = alembic(command);
        QCOMPARE(withoutPaths(fromSql.out), withoutPaths(fromAlembic.out));
    }

    // Stratum continues where Alembic stopped.
    r = run(kStratum, {QStringLiteral("-c"), stratumIni, QStringLiteral("--url"), half.urlString(),
                       QStringLiteral("current")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &id : std::as_const(halfway))
        QVERIFY2(r.out.contains(id), qPrintable(r.out));
    r = run(kStratum, {QStringLiteral("-c"), stratumIni, QStringLiteral("--url"), half.urlString(),
                       QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(versionRows(half), versionRows(reference));
    QCOMPARE(versionRows(half), QStringList{QStringLiteral("r6")});
    const QStringList expected = schemaOf(reference);
    QVERIFY2(!expected.isEmpty() && !expected.constFirst().startsWith(QLatin1String("error")), qPrintable(expected.join(QLatin1Char('\n'))));
    QCOMPARE(schemaOf(half), expected);

    // And Alembic still reads the database Stratum migrated.
    r = alembic({QStringLiteral("current")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("r6 (head)")), qPrintable(r.out + r.err));
}

// Offline SQL of a project that still has .py revisions names them and points to the converter.
void tst_ConvertAlembic::offlineNamesPythonRevisions()
{
    const QString dir = writeAlembicProject(QStringLiteral("offline"), QStringLiteral("sqlite:///offline.db"));
    const Run r = run(kStratum, {QStringLiteral("-c"), dir + QStringLiteral("/alembic.ini"), QStringLiteral("upgrade"),
                                 QStringLiteral("--sql"), QStringLiteral("r1:r4a")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("This run needs 3 Alembic Python revision(s)")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("r2 (r2_books.py), r3 (r3_names.py), r4a (r4a_reviews.py)")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("convert-alembic")), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
}

void tst_ConvertAlembic::refusesBadInput()
{
    const QString dir = writeAlembicProject(QStringLiteral("bad"), QStringLiteral("sqlite:///bad.db"));
    const QString ini = dir + QStringLiteral("/alembic.ini");
    // An output folder that is not empty.
    Run r = run(kStratum, {QStringLiteral("-c"), ini, QStringLiteral("convert-alembic"), dir});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("is not empty")), qPrintable(r.err));
    // No Python to run Alembic with.
    r = run(kStratum, {QStringLiteral("-c"), ini, QStringLiteral("convert-alembic"), m_dir.filePath(QStringLiteral("nopy")),
                       QStringLiteral("--python"), QStringLiteral("no-such-python3")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("No Python interpreter 'no-such-python3'")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("nopy/stratum.ini"))));
}

QTEST_MAIN(tst_ConvertAlembic)
#include "tst_convertalembic.moc"
