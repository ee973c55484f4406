// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: CC0-1.0
// A notes application that keeps its SQLite file up to date by itself: the revisions in
// migrations/versions/ are compiled in as Qt resources and run at start-up, before the database
// is used.
//
//   embedded-notes [--database FILE] [NOTE...]
#include <stratum/commands/embedded.h>
#include <stratum/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextStream>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString defaultDatabase()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/notes.db");
}

// Brings the database to the newest revision; says what ran. False after an error.
bool migrate(const QSqlDatabase &db)
{
    int applied = 0;
    const Stratum::Status status = Stratum::upgrade(
        db, QStringLiteral(":/migrations"), QStringLiteral("heads"),
        [&applied](const Stratum::MigrationProgress &progress) {
            if (progress.event != Stratum::MigrationProgress::Event::RevisionFinished)
                return;
            ++applied;
            out() << "Applied " << progress.step->describe() << Qt::endl;
        });
    if (!status) {
        err() << "Cannot migrate " << db.databaseName() << ": " << status.error().toString() << Qt::endl;
        return false;
    }
    if (applied == 0)
        out() << "Database is up to date." << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("embedded-notes"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Keeps notes in SQLite; migrates the file at start-up (Stratum %1).")
            .arg(QStringLiteral(STRATUM_VERSION)));
    parser.addHelpOption();
    const QCommandLineOption databaseOption(QStringLiteral("database"),
                                            QStringLiteral("The SQLite file to use."),
                                            QStringLiteral("file"), defaultDatabase());
    parser.addOption(databaseOption);
    parser.addPositionalArgument(QStringLiteral("note"), QStringLiteral("Notes to add."),
                                 QStringLiteral("[note...]"));
    parser.process(app);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(parser.value(databaseOption));
    if (!db.open()) {
        err() << "Cannot open " << db.databaseName() << ": " << db.lastError().text() << Qt::endl;
        return 3;
    }
    if (!migrate(db))
        return 3;

    QSqlQuery query(db);
    for (const QString &note : parser.positionalArguments()) {
        query.prepare(QStringLiteral("INSERT INTO notes (body) VALUES (?)"));
        query.addBindValue(note);
        if (!query.exec()) {
            err() << "Cannot add a note: " << query.lastError().text() << Qt::endl;
            return 3;
        }
    }
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM notes")) && query.next())
        out() << query.value(0).toInt() << " note(s) in " << db.databaseName() << Qt::endl;
    return 0;
}
