// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Alembic `.py` revisions read as Alembic 1.8.1 reads them.
//
// One Alembic project holds a revision for each construct real projects use: constants imported
// from the project's own modules (`from pkg.mod import NAME`, `import pkg.mod as m; m.NAME`,
// `from pkg.mod import *`), a bare tuple, several statements on one line, module-level names,
// values assigned under `if`, `\N{...}` escapes, a Latin-1 coding line, bytes and f-strings that
// are no docstring, and the files Alembic skips (`__init__*`, `.#*`, other extensions) beside
// one it reads although its name starts with a dot. Alembic runs through
// tests/e2e/alembiccompat/sorted_alembic.py (file-name order, as Stratum reads); the outputs of
// heads, branches, history -v and show must be equal byte for byte (children lists sorted).

#include "../../support/processrun.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using StratumTest::runProcess;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kLauncher = QStringLiteral(STRATUM_SOURCE_DIR "/tests/e2e/alembiccompat/sorted_alembic.py");
const QString kStratum = QStringLiteral(STRATUM_CLI);

// Relative path in the project, content.
const std::pair<const char *, const char *> kFiles[] = {
    {"alembic.ini", "[alembic]\nscript_location = %(here)s/app/db/migrations\nprepend_sys_path = .\n"
                    "sqlalchemy.url = sqlite:///reading.db\n"},
    {"app/__init__.py", ""},
    {"app/db/__init__.py", "from .branches import EXPAND as DEFAULT_BRANCH  # noqa\n"},
    {"app/db/branches.py", "import os\n\nEXPAND = 'expand'\nCONTRACT = 'contract'\nALL = (EXPAND, CONTRACT)\n"
                           "REPORTING = 'report' + 'ing'\n_PRIVATE = 'p'\n\n\ndef where():\n    return os.getcwd()\n"},
    {"app/db/migrations/env.py", "raise SystemExit('env.py is not needed to read the history')\n"},
    {"app/db/migrations/versions/__init__.py", "this is not python\n"},
    {"app/db/migrations/versions/__init__helpers.py", "revision = 'skipped'\n"},
    {"app/db/migrations/versions/.#a1_base.py", "user@host.1234:1700000000\n"},
    {"app/db/migrations/versions/README", "Revisions live here.\n"},
    {"app/db/migrations/versions/notes.txt", "revision = 'not read'\n"},
    {"app/db/migrations/versions/a1_base.py",
     "# -*- coding: latin-1 -*-\n\"\"\"Base \\N{EM DASH} caf\xe9 \\N{latin small letter a with grave}\n\n"
     "Revision ID: a1\nRevises:\nCreate Date: 2024-05-01 09:00:00\n\n\"\"\"\n"
     "from alembic import op\nimport sqlalchemy as sa\n\nrevision = 'a1'\ndown_revision = None\n"
     "branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"},
    {"app/db/migrations/versions/b1_expand.py",
     "\"\"\"Expand branch starts\n\nRevision ID: b1\nRevises: a1\n\"\"\"\n"
     "from alembic import op\n\nfrom app.db import branches\n\nrevision = 'b1'\ndown_revision = 'a1'\n"
     "branch_labels = (branches.EXPAND,)\n\n\ndef upgrade():\n    pass\n"},
    {"app/db/migrations/versions/c1_contract.py",
     "\"\"\"Contract branch starts\n\nRevision ID: c1\nRevises: a1\n\"\"\"\n"
     "import app.db.branches as br\n\nrevision = 'c1'\ndown_revision = 'a1'\n"
     "branch_labels = None if br.CONTRACT == 'contract' else br.CONTRACT\ndepends_on = 'b1'\n"},
    {"app/db/migrations/versions/d1_merge.py",
     "\"\"\"Merge expand and contract\"\"\"; import sqlalchemy as sa\n"
     "revision = 'd1'; down_revision = \"b1\", 'c1'\n"},
    {"app/db/migrations/versions/e1_names.py",
     "b\"\"\"Bytes: no docstring\"\"\"\nPREVIOUS = 'd1'\nTHIS = 'e1'\n"
     "revision = THIS\ndown_revision = PREVIOUS\n"},
    {"app/db/migrations/versions/f1_conditions.py",
     "f\"\"\"An f-string: no docstring\"\"\"\nfrom typing import TYPE_CHECKING\n"
     "from app.db import DEFAULT_BRANCH\nrevision = 'f1'\n"
     "if TYPE_CHECKING:\n    down_revision = 'a1'\nelif DEFAULT_BRANCH == 'expand':\n    down_revision = 'e1'\n"
     "else:\n    down_revision = None\n"},
    {"app/db/migrations/versions/g1_star.py",
     "(\"\"\"Star import \"\"\"\n \"and a parenthesised docstring\")\n"
     "from app.db.branches import *\n\nrevision: str = 'g1'\ndown_revision: str = 'f1'\n"
     "depends_on = REPORTING\n"},
    {"app/db/migrations/versions/i1_reporting.py",
     "\"\"\"Reporting starts on a base of its own\"\"\"\n"
     "try:\n    from app.db.branches import REPORTING\nexcept ImportError:\n    REPORTING = None\n"
     "revision = 'i1'\ndown_revision = None\nbranch_labels = [REPORTING]\n"},
    {"app/db/migrations/versions/.hidden_h1.py",
     "\"\"\"Alembic reads names with a leading dot too\n\nRevision ID: h1\n\"\"\"\n"
     "revision = 'h1'\ndown_revision = 'g1'\n"},
};

// Alembic keeps a revision's children in a frozenset: `Branches into:` lists them in string-hash
// order (also the `-> child` lines of `branches`), so the lists are compared sorted (as tests/e2e/alembiccompat does).
QString sortedChildren(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (!line.startsWith(QLatin1String("Branches into: ")))
            continue;
        QStringList children = line.mid(15).split(QLatin1String(", "));
        children.sort();
        line = QStringLiteral("Branches into: ") + children.join(QLatin1String(", "));
    }
    // `branches` prints one `-> child` line per child, in the same order.
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype end = i;
        while (end < lines.size() && lines.at(end).trimmed().startsWith(QLatin1String("-> ")))
            ++end;
        std::sort(lines.begin() + i, lines.begin() + end);
        i = end > i ? end : i + 1;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_PythonRevisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsAlembic_data();
    void sameAsAlembic();

private:
    QTemporaryDir m_dir;
    QString m_ini;
};

void tst_PythonRevisions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const auto &[path, text] : kFiles)
        QVERIFY(StratumTest::writeBytes(m_dir.filePath(QString::fromLatin1(path)), QByteArray(text)));
    m_ini = m_dir.filePath(QStringLiteral("alembic.ini"));
}

void tst_PythonRevisions::sameAsAlembic_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("heads") << QStringList{QStringLiteral("heads")};
    QTest::newRow("heads -v") << QStringList{QStringLiteral("heads"), QStringLiteral("-v")};
    QTest::newRow("branches -v") << QStringList{QStringLiteral("branches"), QStringLiteral("-v")};
    QTest::newRow("heads --resolve-dependencies")
        << QStringList{QStringLiteral("heads"), QStringLiteral("--resolve-dependencies")};
    QTest::newRow("history -v") << QStringList{QStringLiteral("history"), QStringLiteral("-v")};
    QTest::newRow("history") << QStringList{QStringLiteral("history")};
    for (const char *id : {"a1", "b1", "c1", "d1", "e1", "f1", "g1", "h1", "i1", "expand@head", "reporting@head"})
        QTest::newRow(qPrintable(QStringLiteral("show %1").arg(QLatin1String(id))))
            << QStringList{QStringLiteral("show"), QString::fromLatin1(id)};
}

void tst_PythonRevisions::sameAsAlembic()
{
    QFETCH(QStringList, command);
    const StratumTest::ProcessRun alembic = runProcess(kPython, QStringList{kLauncher, QStringLiteral("-c"), m_ini} + command, m_dir.path());
    QVERIFY2(alembic.exitCode == 0, qPrintable(alembic.err));
    QVERIFY(!alembic.out.isEmpty());
    const StratumTest::ProcessRun stratum = runProcess(kStratum, QStringList{QStringLiteral("-c"), m_ini} + command, m_dir.path());
    QVERIFY2(stratum.exitCode == 0, qPrintable(stratum.err));
    const QStringList got = sortedChildren(stratum.out).split(QLatin1Char('\n'));
    const QStringList want = sortedChildren(alembic.out).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < std::min(got.size(), want.size()); ++i)
        QVERIFY2(got.at(i) == want.at(i), qPrintable(QStringLiteral("line %1: stratum `%2`, alembic `%3`")
                                                         .arg(i + 1).arg(got.at(i), want.at(i))));
    QCOMPARE(got.size(), want.size());
}

QTEST_MAIN(tst_PythonRevisions)
#include "tst_pythonrevisions.moc"
