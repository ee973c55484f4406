// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Every source file names its license, and the one LICENSE gives its part: the studio
// (it links QScintilla) GPL-3.0-or-later, the rest Apache-2.0. Files copied into users' projects
// (examples, templates) carry none.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QString root = QStringLiteral(STRATUM_SOURCE_DIR);

QString expectedLicense(const QString &path)
{
    for (const char *prefix : {"ui/", "app/studio/", "tests/ui/"})
        if (path.startsWith(QLatin1String(prefix)))
            return QStringLiteral("GPL-3.0-or-later");
    return QStringLiteral("Apache-2.0");
}

bool isSource(const QString &path)
{
    for (const char *skipped : {"build", ".git/", "examples/", "resources/templates/", "tests/fuzz/corpus/",
                                "tests/fuzz/regressions/"})
        if (path.startsWith(QLatin1String(skipped)))
            return false;
    return path.endsWith(QLatin1String(".cpp")) || path.endsWith(QLatin1String(".h"))
        || path.endsWith(QLatin1String("CMakeLists.txt")) || path.endsWith(QLatin1String(".cmake"))
        || path.endsWith(QLatin1String(".py")) || path.endsWith(QLatin1String(".sh"))
        || path == QLatin1String("packaging/dev") || path == QLatin1String("packaging/debian13")
        || path == QLatin1String("packaging/debian/rules") || path == QLatin1String("packaging/debian/control");
}

} // namespace

class tst_Licenses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void licenseFilesExist();
    void everySourceFileNamesItsLicense_data();
    void everySourceFileNamesItsLicense();
    void copyrightFileCoversTheParts();
};

void tst_Licenses::licenseFilesExist()
{
    for (const char *file : {"LICENSE", "LICENSES/Apache-2.0.txt", "LICENSES/GPL-3.0-or-later.txt",
                             "LICENSES/CC0-1.0.txt", "packaging/copyright"})
        QVERIFY2(QFile::exists(root + QLatin1Char('/') + QLatin1String(file)), file);
    QFile metainfo(root + QStringLiteral("/packaging/org.stratum.Studio.metainfo.xml"));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QVERIFY(metainfo.readAll().contains("<project_license>GPL-3.0-or-later AND Apache-2.0</project_license>"));
}

void tst_Licenses::everySourceFileNamesItsLicense_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (it.hasNext()) {
        const QString path = QDir(root).relativeFilePath(it.next());
        if (!isSource(path))
            continue;
        QTest::newRow(qPrintable(path)) << path;
        ++count;
    }
    // The walk itself must have found the tree.
    QVERIFY2(count > 250, qPrintable(QString::number(count)));
}

void tst_Licenses::everySourceFileNamesItsLicense()
{
    QFETCH(QString, path);
    QFile file(root + QLatin1Char('/') + path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString head = QString::fromUtf8(file.read(600));
    static const QRegularExpression spdx(QStringLiteral("SPDX-License-Identifier: (\\S+)"));
    const QRegularExpressionMatch match = spdx.match(head);
    QVERIFY2(match.hasMatch(), "no SPDX-License-Identifier line at the top");
    QCOMPARE(match.captured(1), expectedLicense(path));
    QVERIFY(head.contains(QLatin1String("SPDX-FileCopyrightText: ")));
}

void tst_Licenses::copyrightFileCoversTheParts()
{
    QFile file(root + QStringLiteral("/packaging/copyright"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(QLatin1String("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")));
    QVERIFY(text.contains(QLatin1String("Files: ui/* app/studio/* tests/ui/*")));
    for (const char *license : {"Apache-2.0", "GPL-3.0-or-later", "CC0-1.0"})
        QVERIFY2(text.contains(QStringLiteral("\nLicense: %1\n ").arg(QLatin1String(license))), license);
}

QTEST_GUILESS_MAIN(tst_Licenses)
#include "tst_licenses.moc"
