// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/script/revisionscript.h"
#include "stratum/script/revisiontemplate.h"

#include <QtTest>

using namespace Stratum;

class tst_RevisionTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slug_data();
    void slug();
    void revisionId();
    void createDate_data();
    void createDate();
    void createDateBadZone();
    void currentDate();
    void fileName_data();
    void fileName();
    void fileNameErrors_data();
    void fileNameErrors();
    void renderDefault();
    void renderRoundTrip_data();
    void renderRoundTrip();
    void renderCustomTemplate();
    void renderErrors_data();
    void renderErrors();
    void readTemplate();
};

namespace {

// 2026-11-25 07:05:09.123456 UTC
constexpr qint64 kMoment = Q_INT64_C(1795590309123456);

} // namespace

void tst_RevisionTemplate::slug_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("slug");

    // Expected values come from Alembic's _rev_path (script/base.py).
    QTest::newRow("words") << QStringLiteral("Add user table") << 40 << QStringLiteral("add_user_table");
    QTest::newRow("punctuation") << QStringLiteral("create account table!!") << 40
                                 << QStringLiteral("create_account_table");
    QTest::newRow("unicode") << QStringLiteral("Über Größe -- naïve café") << 40
                             << QStringLiteral("über_größe_naïve_café");
    QTest::newRow("empty") << QString() << 40 << QString();
    QTest::newRow("truncated at a word") << QStringLiteral("this is a really long message that goes past the limit")
                                         << 40 << QStringLiteral("this_is_a_really_long_message_that_goes_");
    QTest::newRow("one long word") << QStringLiteral("abcdefghijklmnopqrstuvwxyz") << 10
                                   << QStringLiteral("abcdefghij_");
    QTest::newRow("underscores are word characters") << QStringLiteral("add  __weird__ name") << 40
                                                     << QStringLiteral("add___weird___name");
    QTest::newRow("cut on an underscore") << QStringLiteral("ab cd_ef") << 6 << QStringLiteral("ab_cd_");
    QTest::newRow("exactly the length") << QStringLiteral("one two") << 7 << QStringLiteral("one_two");
    QTest::newRow("short limit") << QStringLiteral("xxxxx y") << 3 << QStringLiteral("xxx_");
    QTest::newRow("merge message") << QStringLiteral("merge 41e9207fbe5 and 1ce6d45d7ef") << 40
                                   << QStringLiteral("merge_41e9207fbe5_and_1ce6d45d7ef");
    QTest::newRow("no limit") << QStringLiteral("a b c d e f") << -1 << QStringLiteral("a_b_c_d_e_f");
}

void tst_RevisionTemplate::slug()
{
    QFETCH(QString, message);
    QFETCH(int, length);
    QFETCH(QString, slug);
    QCOMPARE(revisionSlug(message, length), slug);
}

void tst_RevisionTemplate::revisionId()
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{12}$"));
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString id = generateRevisionId();
        QVERIFY2(hex.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 200);
}

void tst_RevisionTemplate::createDate_data()
{
    QTest::addColumn<qint64>("moment");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("text");

    QTest::newRow("UTC") << kMoment << QStringLiteral("UTC") << QStringLiteral("2026-11-25 07:05:09.123456");
    QTest::newRow("utc, upper-cased as Alembic retries") << kMoment << QStringLiteral("utc")
                                                         << QStringLiteral("2026-11-25 07:05:09.123456");
    QTest::newRow("Europe/Berlin in winter") << kMoment << QStringLiteral("Europe/Berlin")
                                             << QStringLiteral("2026-11-25 08:05:09.123456");
    QTest::newRow("America/New_York") << kMoment << QStringLiteral("America/New_York")
                                      << QStringLiteral("2026-11-25 02:05:09.123456");
    QTest::newRow("whole second") << Q_INT64_C(1795590309000000) << QStringLiteral("UTC")
                                  << QStringLiteral("2026-11-25 07:05:09.000000");
    QTest::newRow("before 1970") << Q_INT64_C(-1) << QStringLiteral("UTC")
                                 << QStringLiteral("1969-12-31 23:59:59.999999");
}

void tst_RevisionTemplate::createDate()
{
    QFETCH(qint64, moment);
    QFETCH(QString, zone);
    QFETCH(QString, text);
    const Result<CreateDate> date = createDateAt(moment, zone);
    QVERIFY2(date.ok(), qPrintable(date.ok() ? QString() : date.error().toString()));
    QCOMPARE(date->toString(), text);
    QCOMPARE(date->dateTime.toMSecsSinceEpoch(), moment >= 0 ? moment / 1000 : -1);
}

void tst_RevisionTemplate::createDateBadZone()
{
    const Result<CreateDate> date = createDateAt(kMoment, QStringLiteral("Mars/Olympus_Mons"));
    QVERIFY(!date.ok());
    QCOMPARE(date.error().message, QStringLiteral("Can't locate timezone: Mars/Olympus_Mons"));
    QVERIFY(date.error().hint.contains(QStringLiteral("IANA")));
    QVERIFY(!currentCreateDate(QStringLiteral("Nowhere/Land")).ok());
}

void tst_RevisionTemplate::currentDate()
{
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const Result<CreateDate> utc = currentCreateDate(QStringLiteral("UTC"));
    QVERIFY(utc.ok());
    QVERIFY(utc->dateTime >= before);
    QVERIFY(utc->dateTime <= QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY(utc->microsecond >= 0 && utc->microsecond < 1000000);
    QCOMPARE(utc->dateTime.time().msec(), utc->microsecond / 1000);
    QCOMPARE(utc->toString().size(), 26);

    // No zone: local time, as Alembic without a timezone setting.
    const Result<CreateDate> local = currentCreateDate(QString());
    QVERIFY(local.ok());
    QCOMPARE(local->dateTime.timeSpec(), Qt::LocalTime);
}

void tst_RevisionTemplate::fileName_data()
{
    QTest::addColumn<QString>("fileTemplate");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("name");

    QTest::newRow("default") << QStringLiteral("%(rev)s_%(slug)s") << QStringLiteral("Add user table")
                             << QStringLiteral("UTC") << 40 << QStringLiteral("ae1027a6acf2_add_user_table.sql");
    QTest::newRow("no message") << QStringLiteral("%(rev)s_%(slug)s") << QString() << QStringLiteral("UTC")
                                << 40 << QStringLiteral("ae1027a6acf2_.sql");
    QTest::newRow("alembic's dated template")
        << QStringLiteral("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s")
        << QStringLiteral("Add user table") << QStringLiteral("UTC") << 40
        << QStringLiteral("2026_11_25_0705-ae1027a6acf2_add_user_table.sql");
    QTest::newRow("zone moves the hour") << QStringLiteral("%(hour).2d_%(rev)s")
                                         << QString() << QStringLiteral("Europe/Berlin") << 40
                                         << QStringLiteral("08_ae1027a6acf2.sql");
    QTest::newRow("flags, width, precision, epoch, %%")
        << QStringLiteral("%(epoch)s_%(rev).4s_%(second)02d_%(minute)5d|%(minute)-4d|%(rev)10s|%%")
        << QString() << QStringLiteral("UTC") << 40
        << QStringLiteral("1795590309_ae10_09_    5|5   |ae1027a6acf2|%.sql");
    QTest::newRow("slug length") << QStringLiteral("%(slug)s") << QStringLiteral("one two three")
                                 << QStringLiteral("UTC") << 5 << QStringLiteral("one_.sql");
    QTest::newRow("plus sign and %i") << QStringLiteral("%(day)+i") << QString() << QStringLiteral("UTC")
                                      << 40 << QStringLiteral("+25.sql");
}

void tst_RevisionTemplate::fileName()
{
    QFETCH(QString, fileTemplate);
    QFETCH(QString, message);
    QFETCH(QString, zone);
    QFETCH(int, length);
    QFETCH(QString, name);
    const Result<CreateDate> date = createDateAt(kMoment, zone);
    QVERIFY(date.ok());
    const Result<QString> r = revisionFileName(fileTemplate, QStringLiteral("ae1027a6acf2"), message,
                                               *date, length);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(*r, name);
}

void tst_RevisionTemplate::fileNameErrors_data()
{
    QTest::addColumn<QString>("fileTemplate");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown token") << QStringLiteral("%(rev)s_%(name)s")
                                   << QStringLiteral("names the unknown token %(name) at position 9");
    QTest::newRow("text as number") << QStringLiteral("%(rev)d")
                                    << QStringLiteral("formats the text token %(rev) as a number");
    QTest::newRow("lone percent") << QStringLiteral("50%_%(rev)s")
                                  << QStringLiteral("has a % that starts no %(name) token at position 3");
    QTest::newRow("unclosed") << QStringLiteral("%(rev") << QStringLiteral("has an unclosed %(");
    QTest::newRow("ends in a token") << QStringLiteral("%(rev)") << QStringLiteral("ends inside the token %(rev)");
    QTest::newRow("unsupported conversion") << QStringLiteral("%(rev)r")
                                            << QStringLiteral("uses the conversion 'r'");
}

void tst_RevisionTemplate::fileNameErrors()
{
    QFETCH(QString, fileTemplate);
    QFETCH(QString, message);
    const Result<CreateDate> date = createDateAt(kMoment, QStringLiteral("UTC"));
    QVERIFY(date.ok());
    const Result<QString> r = revisionFileName(fileTemplate, QStringLiteral("abc"), QStringLiteral("m"), *date);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(fileTemplate));
    QVERIFY(r.error().hint.contains(QStringLiteral("%(rev)s")));
}

void tst_RevisionTemplate::renderDefault()
{
    RevisionTemplateValues values;
    values.message = QStringLiteral("Add user table");
    values.revision = QStringLiteral("ae1027a6acf2");
    values.downRevisions = {QStringLiteral("1975ea83b712")};
    values.createDate = QStringLiteral("2026-11-25 12:00:00.000000");
    const Result<QString> r = renderRevisionTemplate(defaultRevisionTemplate(), values);
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("-- Add user table\n"
                                "--\n"
                                "-- Revision ID: ae1027a6acf2\n"
                                "-- Revises: 1975ea83b712\n"
                                "-- Create Date: 2026-11-25 12:00:00.000000\n"
                                "\n"
                                "-- migrate:upgrade\n"
                                "\n"
                                "\n"
                                "-- migrate:downgrade\n"
                                "\n"));

    values.branchLabels = {QStringLiteral("feature_x")};
    values.dependsOn = {QStringLiteral("55af2cb1c267"), QStringLiteral("other")};
    values.downRevisions.clear();
    const Result<QString> full = renderRevisionTemplate(defaultRevisionTemplate(), values);
    QVERIFY(full.ok());
    QVERIFY(full->contains(QStringLiteral("\n-- Revises: \n")));
    QVERIFY(full->contains(QStringLiteral("\n-- Branch Labels: feature_x\n")));
    QVERIFY(full->contains(QStringLiteral("\n-- Depends On: 55af2cb1c267, other\n")));
}

void tst_RevisionTemplate::renderRoundTrip_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("down");
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("depends");
    QTest::addColumn<QString>("doc");

    QTest::newRow("base") << QStringLiteral("create account table") << QStringList() << QStringList()
                          << QStringList() << QStringLiteral("create account table");
    QTest::newRow("merge") << QStringLiteral("merge heads")
                           << QStringList{QStringLiteral("41e9207fbe5"), QStringLiteral("1ce6d45d7ef")}
                           << QStringList() << QStringList() << QStringLiteral("merge heads");
    QTest::newRow("labels and dependencies")
        << QStringLiteral("branch start") << QStringList{QStringLiteral("aaa")}
        << QStringList{QStringLiteral("feature"), QStringLiteral("x")}
        << QStringList{QStringLiteral("bbb"), QStringLiteral("feature2")} << QStringLiteral("branch start");
    QTest::newRow("message over several lines")
        << QStringLiteral("Add index\r\nfor normalized names\n\nwith a second paragraph")
        << QStringList{QStringLiteral("aaa")} << QStringList() << QStringList()
        << QStringLiteral("Add index\nfor normalized names");
    QTest::newRow("empty message") << QString() << QStringList{QStringLiteral("aaa")} << QStringList()
                                   << QStringList() << QStringLiteral("Revision ID: 0123456789ab\nRevises: aaa\n"
                                                                      "Create Date: 2026-11-25 07:05:09.123456");
}

void tst_RevisionTemplate::renderRoundTrip()
{
    QFETCH(QString, message);
    QFETCH(QStringList, down);
    QFETCH(QStringList, labels);
    QFETCH(QStringList, depends);
    QFETCH(QString, doc);

    const Result<CreateDate> date = createDateAt(kMoment, QStringLiteral("UTC"));
    QVERIFY(date.ok());
    RevisionTemplateValues values;
    values.message = message;
    values.revision = QStringLiteral("0123456789ab");
    values.downRevisions = down;
    values.branchLabels = labels;
    values.dependsOn = depends;
    values.createDate = date->toString();
    const Result<QString> text = renderRevisionTemplate(defaultRevisionTemplate(), values);
    QVERIFY(text.ok());

    // What the template writes, the parser reads back.
    const Result<RevisionScript> script = parseRevisionScript(*text, QStringLiteral("/v/new.sql"), false);
    QVERIFY2(script.ok(), qPrintable(script.ok() ? QString() : script.error().toString() + QLatin1Char('\n') + *text));
    QCOMPARE(script->revision, QStringLiteral("0123456789ab"));
    QCOMPARE(script->downRevisions, down);
    QCOMPARE(script->branchLabels, labels);
    QCOMPARE(script->dependsOn, depends);
    QCOMPARE(script->createDate, QStringLiteral("2026-11-25 07:05:09.123456"));
    QCOMPARE(script->doc, doc);
    QVERIFY(script->upgrade.present);
    QVERIFY(script->downgrade.present);
}

void tst_RevisionTemplate::renderCustomTemplate()
{
    const QString tmpl = QStringLiteral("-- ${message}\n"
                                        "-- Revision ID: ${ up_revision }\n"
                                        "-- Revises: ${down_revision}\n"
                                        "--   Branch Labels:   ${branch_labels}   \n"
                                        "-- Depends On: ${depends_on} (kept: more than the key)\n"
                                        "-- labels again: ${branch_labels}\n"
                                        "/* ${message} */\n"
                                        "-- migrate:upgrade\n"
                                        "SELECT '$not_a_placeholder', '${create_date}';");
    RevisionTemplateValues values;
    values.message = QStringLiteral("two\n\nparagraphs");
    values.revision = QStringLiteral("abc");
    values.createDate = QStringLiteral("D");
    const Result<QString> r = renderRevisionTemplate(tmpl, values);
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("-- two\n"
                                "--\n"
                                "-- paragraphs\n"
                                "-- Revision ID: abc\n"
                                "-- Revises: \n"
                                "-- Depends On:  (kept: more than the key)\n"
                                "-- labels again: \n"
                                "/* two\n\nparagraphs */\n"
                                "-- migrate:upgrade\n"
                                "SELECT '$not_a_placeholder', 'D';"));
}

void tst_RevisionTemplate::renderErrors_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("unknown placeholder") << QStringLiteral("-- ${message}\n-- Author: ${author}\n") << 2 << 12
                                         << QStringLiteral("unknown placeholder `${author}`")
                                         << QStringLiteral("Expected one of ${message}, ${up_revision}");
    QTest::newRow("unclosed placeholder") << QStringLiteral("-- ${message}\n\n  -- ${up_revision\n") << 3 << 6
                                          << QStringLiteral("unclosed placeholder")
                                          << QStringLiteral("Expected `}`");
}

void tst_RevisionTemplate::renderErrors()
{
    QFETCH(QString, tmpl);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const Result<QString> r = renderRevisionTemplate(tmpl, RevisionTemplateValues(),
                                                     QStringLiteral("migrations/script.sql.tmpl"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, QStringLiteral("migrations/script.sql.tmpl"));
    QCOMPARE(r.error().line, line);
    QCOMPARE(r.error().column, column);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QVERIFY2(r.error().hint.contains(expected), qPrintable(r.error().hint));
}

void tst_RevisionTemplate::readTemplate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Result<QString> r = readRevisionTemplate(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(*r, defaultRevisionTemplate());

    QFile file(dir.filePath(QStringLiteral("script.sql.tmpl")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-- ${message} ä\n");
    file.close();
    r = readRevisionTemplate(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(*r, QStringLiteral("-- ${message} ä\n"));

    // A folder where the file should be cannot be read.
    QTemporaryDir other;
    QVERIFY(QDir(other.path()).mkdir(QStringLiteral("script.sql.tmpl")));
    r = readRevisionTemplate(other.path());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, other.filePath(QStringLiteral("script.sql.tmpl")));
}

QTEST_MAIN(tst_RevisionTemplate)
#include "tst_revisiontemplate.moc"
