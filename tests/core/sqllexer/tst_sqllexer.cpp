// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/script/sqllexer.h"

#include <QtTest>

using namespace Stratum;

class tst_SqlLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void firstLineOffset();
    void crlf();
    void errors_data();
    void errors();
};

struct Expected
{
    QString text;
    int line;
    int column;
};

Q_DECLARE_METATYPE(QList<Expected>)

namespace {

QList<Expected> one(const QString &text, int line = 1, int column = 1)
{
    return {{text, line, column}};
}

} // namespace

void tst_SqlLexer::split_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QList<Expected>>("expected");

    QTest::newRow("two statements")
        << QStringLiteral("CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n")
        << QList<Expected>{{QStringLiteral("CREATE TABLE a (x INT)"), 1, 1},
                           {QStringLiteral("CREATE TABLE b (y INT)"), 2, 1}};
    QTest::newRow("no final semicolon")
        << QStringLiteral("SELECT 1;\n  SELECT 2\n")
        << QList<Expected>{{QStringLiteral("SELECT 1"), 1, 1}, {QStringLiteral("SELECT 2"), 2, 3}};
    QTest::newRow("empty") << QString() << QList<Expected>{};
    QTest::newRow("only comments and blanks")
        << QStringLiteral("\n  -- nothing here;\n/* nor; here */\n;\n ; \n") << QList<Expected>{};
    QTest::newRow("semicolon in single quotes with '' escape")
        << QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 1;")
        << QList<Expected>{{QStringLiteral("INSERT INTO t VALUES ('a;b', 'it''s; fine')"), 1, 1},
                           {QStringLiteral("SELECT 1"), 1, 45}};
    QTest::newRow("double-quoted identifier")
        << QStringLiteral("SELECT \"we;ird\"\"col\" FROM t; SELECT 2")
        << QList<Expected>{{QStringLiteral("SELECT \"we;ird\"\"col\" FROM t"), 1, 1},
                           {QStringLiteral("SELECT 2"), 1, 30}};
    QTest::newRow("backtick identifier")
        << QStringLiteral("CREATE TABLE `a;b` (`c``;` INT);")
        << one(QStringLiteral("CREATE TABLE `a;b` (`c``;` INT)"));
    QTest::newRow("line comment with semicolon stays inside")
        << QStringLiteral("SELECT 1 -- not the end; really\n + 2;\nSELECT 3;")
        << QList<Expected>{{QStringLiteral("SELECT 1 -- not the end; really\n + 2"), 1, 1},
                           {QStringLiteral("SELECT 3"), 3, 1}};
    QTest::newRow("block comment with semicolon")
        << QStringLiteral("SELECT /* a; b\n c; */ 1;")
        << one(QStringLiteral("SELECT /* a; b\n c; */ 1"));
    QTest::newRow("leading comments are not part of the statement")
        << QStringLiteral("-- create the users\n/* really */\n    CREATE TABLE users (id INT);\n")
        << one(QStringLiteral("CREATE TABLE users (id INT)"), 3, 5);
    QTest::newRow("trailing comment without semicolon is dropped")
        << QStringLiteral("SELECT 1 -- trailing words\n")
        << one(QStringLiteral("SELECT 1"));
    QTest::newRow("comment after the last statement")
        << QStringLiteral("SELECT 1; -- done\n/* end */")
        << one(QStringLiteral("SELECT 1"));
    QTest::newRow("dollar quote")
        << QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ "
                          "LANGUAGE plpgsql;\nSELECT f();")
        << QList<Expected>{{QStringLiteral("CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN "
                                           "1;\nEND;\n$$ LANGUAGE plpgsql"),
                            1, 1},
                           {QStringLiteral("SELECT f()"), 6, 1}};
    QTest::newRow("tagged dollar quote holding $$")
        << QStringLiteral("DO $body$ BEGIN PERFORM 'x$$;'; END $body$;SELECT 1;")
        << QList<Expected>{{QStringLiteral("DO $body$ BEGIN PERFORM 'x$$;'; END $body$"), 1, 1},
                           {QStringLiteral("SELECT 1"), 1, 44}};
    QTest::newRow("positional parameter is no dollar quote")
        << QStringLiteral("PREPARE p AS SELECT $1;EXECUTE p(2);")
        << QList<Expected>{{QStringLiteral("PREPARE p AS SELECT $1"), 1, 1},
                           {QStringLiteral("EXECUTE p(2)"), 1, 24}};
    QTest::newRow("dollar inside identifier")
        << QStringLiteral("SELECT a$b$c FROM t;SELECT 2;")
        << QList<Expected>{{QStringLiteral("SELECT a$b$c FROM t"), 1, 1},
                           {QStringLiteral("SELECT 2"), 1, 21}};
    QTest::newRow("escape string")
        << QStringLiteral("SELECT E'it\\'s; ok';SELECT 'plain\\';")
        << QList<Expected>{{QStringLiteral("SELECT E'it\\'s; ok'"), 1, 1},
                           {QStringLiteral("SELECT 'plain\\'"), 1, 21}};
    QTest::newRow("sqlite trigger")
        << QStringLiteral("CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\n"
                          "  INSERT INTO log VALUES (new.id);\nEND;\nSELECT 1;")
        << QList<Expected>{{QStringLiteral("CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  UPDATE "
                                           "b SET n = n + 1;\n  INSERT INTO log VALUES "
                                           "(new.id);\nEND"),
                            1, 1},
                           {QStringLiteral("SELECT 1"), 6, 1}};
    QTest::newRow("trigger with CASE ... END inside")
        << QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a BEGIN\n"
                          "  SELECT CASE WHEN new.x < 0 THEN RAISE(ABORT, 'neg;') END;\n"
                          "  UPDATE a SET y = CASE new.x WHEN 1 THEN 'one' ELSE 'many' END;\n"
                          "END;\nDROP TABLE z;")
        << QList<Expected>{{QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE UPDATE ON a "
                                           "BEGIN\n  SELECT CASE WHEN new.x < 0 THEN RAISE(ABORT, "
                                           "'neg;') END;\n  UPDATE a SET y = CASE new.x WHEN 1 "
                                           "THEN 'one' ELSE 'many' END;\nEND"),
                            1, 1},
                           {QStringLiteral("DROP TABLE z"), 5, 1}};
    QTest::newRow("mysql procedure with IF, WHILE, labels, nested BEGIN")
        << QStringLiteral("CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n INT)\n"
                          "BEGIN\n"
                          "  DECLARE i INT DEFAULT 0;\n"
                          "  IF n > 0 THEN SET i = IF(n > 10, 10, n); END IF;\n"
                          "  lbl: WHILE i > 0 DO SET i = i - 1; END WHILE lbl;\n"
                          "  inner_block: BEGIN SELECT 1; END inner_block;\n"
                          "  REPEAT SET i = i + 1; UNTIL i > 3 END REPEAT;\n"
                          "  CASE i WHEN 1 THEN SELECT 'a'; ELSE SELECT 'b'; END CASE;\n"
                          "  LOOP LEAVE lbl; END LOOP;\n"
                          "END;\n"
                          "CALL p(3);")
        << QList<Expected>{{QStringLiteral("CREATE DEFINER=`root`@`localhost` PROCEDURE p(IN n "
                                           "INT)\nBEGIN\n  DECLARE i INT DEFAULT 0;\n  IF n > 0 "
                                           "THEN SET i = IF(n > 10, 10, n); END IF;\n  lbl: WHILE "
                                           "i > 0 DO SET i = i - 1; END WHILE lbl;\n  inner_block: "
                                           "BEGIN SELECT 1; END inner_block;\n  REPEAT SET i = i + "
                                           "1; UNTIL i > 3 END REPEAT;\n  CASE i WHEN 1 THEN "
                                           "SELECT 'a'; ELSE SELECT 'b'; END CASE;\n  LOOP LEAVE "
                                           "lbl; END LOOP;\nEND"),
                            1, 1},
                           {QStringLiteral("CALL p(3)"), 11, 1}};
    QTest::newRow("postgres BEGIN ATOMIC")
        << QStringLiteral("CREATE OR REPLACE FUNCTION one() RETURNS int LANGUAGE sql\n"
                          "BEGIN ATOMIC\n  SELECT 1;\nEND;\nSELECT one();")
        << QList<Expected>{{QStringLiteral("CREATE OR REPLACE FUNCTION one() RETURNS int LANGUAGE "
                                           "sql\nBEGIN ATOMIC\n  SELECT 1;\nEND"),
                            1, 1},
                           {QStringLiteral("SELECT one()"), 5, 1}};
    QTest::newRow("postgres trigger without body")
        << QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION "
                          "f();\nSELECT 1;")
        << QList<Expected>{{QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW "
                                           "EXECUTE FUNCTION f()"),
                            1, 1},
                           {QStringLiteral("SELECT 1"), 2, 1}};
    QTest::newRow("transaction statements split normally")
        << QStringLiteral("BEGIN;\nUPDATE t SET x = CASE WHEN y THEN 1 END;\nEND;\nCOMMIT;")
        << QList<Expected>{{QStringLiteral("BEGIN"), 1, 1},
                           {QStringLiteral("UPDATE t SET x = CASE WHEN y THEN 1 END"), 2, 1},
                           {QStringLiteral("END"), 3, 1},
                           {QStringLiteral("COMMIT"), 4, 1}};
    QTest::newRow("table named like a routine keyword")
        << QStringLiteral("CREATE TABLE event (id INT, begin_at TEXT);\nSELECT 1;")
        << QList<Expected>{{QStringLiteral("CREATE TABLE event (id INT, begin_at TEXT)"), 1, 1},
                           {QStringLiteral("SELECT 1"), 2, 1}};
    QTest::newRow("statement-begin / statement-end")
        << QStringLiteral("SELECT 1;\n-- migrate:statement-begin\nCREATE PROCEDURE odd() "
                          "BEGIN\n  SELECT 'unbalanced ''; IF x THEN y; END;\nEND;\n"
                          "-- migrate:statement-end\nSELECT 2;")
        << QList<Expected>{{QStringLiteral("SELECT 1"), 1, 1},
                           {QStringLiteral("CREATE PROCEDURE odd() BEGIN\n  SELECT 'unbalanced "
                                           "''; IF x THEN y; END;\nEND"),
                            3, 1},
                           {QStringLiteral("SELECT 2"), 7, 1}};
    QTest::newRow("statement-begin ends a statement left without semicolon")
        << QStringLiteral("SELECT 1\n  --   migrate:statement-begin\n  SELECT 'a;b' ; SELECT 3\n"
                          "  -- migrate:statement-end trailing words\n")
        << QList<Expected>{{QStringLiteral("SELECT 1"), 1, 1},
                           {QStringLiteral("SELECT 'a;b' ; SELECT 3"), 3, 3}};
    QTest::newRow("empty forced block")
        << QStringLiteral("-- migrate:statement-begin\n\n-- migrate:statement-end\n")
        << QList<Expected>{};
    QTest::newRow("other migrate comments are plain comments")
        << QStringLiteral("-- migrate:something\nSELECT 1;")
        << one(QStringLiteral("SELECT 1"), 2, 1);
    QTest::newRow("columns after tabs and unicode")
        << QStringLiteral("SELECT 'ä';\tSELECT 2;")
        << QList<Expected>{{QStringLiteral("SELECT 'ä'"), 1, 1}, {QStringLiteral("SELECT 2"), 1, 13}};
}

void tst_SqlLexer::split()
{
    QFETCH(QString, sql);
    QFETCH(QList<Expected>, expected);

    const Result<QList<SqlStatement>> result = splitSqlStatements(sql, QStringLiteral("x.sql"));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const QList<SqlStatement> &statements = *result;
    QCOMPARE(statements.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(statements.at(i).text, expected.at(i).text);
        QCOMPARE(statements.at(i).line, expected.at(i).line);
        QCOMPARE(statements.at(i).column, expected.at(i).column);
    }
}

void tst_SqlLexer::firstLineOffset()
{
    const QString sql = QStringLiteral("\nCREATE TABLE a (\n  x INT\n);\n\n  DROP TABLE b;\n");
    const Result<QList<SqlStatement>> result = splitSqlStatements(sql, QStringLiteral("r.sql"), 10);
    QVERIFY(result.ok());
    QCOMPARE(result->size(), 2);
    QCOMPARE(result->at(0).line, 11);
    QCOMPARE(result->at(0).column, 1);
    QCOMPARE(result->at(0).text, QStringLiteral("CREATE TABLE a (\n  x INT\n)"));
    QCOMPARE(result->at(1).line, 15);
    QCOMPARE(result->at(1).column, 3);

    const Result<QList<SqlStatement>> bad =
        splitSqlStatements(QStringLiteral("SELECT 1;\n\nSELECT 'oops;\n"), QStringLiteral("r.sql"), 20);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().file, QStringLiteral("r.sql"));
    QCOMPARE(bad.error().line, 22);
    QCOMPARE(bad.error().column, 8);
}

void tst_SqlLexer::crlf()
{
    const QString sql = QStringLiteral("SELECT 1;\r\n-- c\r\n  SELECT 'a\r\nb';\r\n"
                                       "-- migrate:statement-begin\r\nX;\r\n-- migrate:statement-end\r\n");
    const Result<QList<SqlStatement>> result = splitSqlStatements(sql);
    QVERIFY(result.ok());
    QCOMPARE(result->size(), 3);
    QCOMPARE(result->at(0).text, QStringLiteral("SELECT 1"));
    QCOMPARE(result->at(1).text, QStringLiteral("SELECT 'a\r\nb'"));
    QCOMPARE(result->at(1).line, 3);
    QCOMPARE(result->at(1).column, 3);
    QCOMPARE(result->at(2).text, QStringLiteral("X"));
    QCOMPARE(result->at(2).line, 6);
}

void tst_SqlLexer::errors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");

    QTest::newRow("string") << QStringLiteral("SELECT 1;\nSELECT 'abc;\nSELECT 2;") << 2 << 8
                            << QStringLiteral("Unterminated string literal")
                            << QStringLiteral("Expected a closing '");
    QTest::newRow("escaped quote at end") << QStringLiteral("SELECT 'it''") << 1 << 8
                                          << QStringLiteral("Unterminated string literal")
                                          << QStringLiteral("closing '");
    QTest::newRow("double quote") << QStringLiteral("SELECT \"col FROM t;") << 1 << 8
                                  << QStringLiteral("Unterminated quoted identifier")
                                  << QStringLiteral("Expected a closing \"");
    QTest::newRow("backtick") << QStringLiteral("  SELECT `col;\n") << 1 << 10
                              << QStringLiteral("Unterminated quoted identifier")
                              << QStringLiteral("Expected a closing `");
    QTest::newRow("block comment") << QStringLiteral("SELECT 1;\n  /* never\nclosed; SELECT 2;") << 2
                                   << 3 << QStringLiteral("Unterminated block comment")
                                   << QStringLiteral("Expected `*/`");
    QTest::newRow("dollar quote") << QStringLiteral("CREATE FUNCTION f() AS $$\nBEGIN; END;") << 1
                                  << 24 << QStringLiteral("Unterminated dollar-quoted string")
                                  << QStringLiteral("Expected a closing $$");
    QTest::newRow("tagged dollar quote")
        << QStringLiteral("DO $fn$ SELECT 1; $$ $other$") << 1 << 4
        << QStringLiteral("Unterminated dollar-quoted string") << QStringLiteral("closing $fn$");
    QTest::newRow("statement-begin")
        << QStringLiteral("SELECT 1;\n   -- migrate:statement-begin\nSELECT 2;\n") << 2 << 4
        << QStringLiteral("Unterminated `-- migrate:statement-begin` block")
        << QStringLiteral("Expected a `-- migrate:statement-end` line");
    QTest::newRow("stray statement-end")
        << QStringLiteral("SELECT 1;\n-- migrate:statement-end\n") << 2 << 1
        << QStringLiteral("without a matching `-- migrate:statement-begin`")
        << QStringLiteral("Expected `-- migrate:statement-begin`");
    QTest::newRow("trigger BEGIN without END")
        << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a\n  BEGIN\n  DELETE FROM b;\n") << 2
        << 3 << QStringLiteral("Unterminated BEGIN block") << QStringLiteral("Expected END");
    QTest::newRow("mysql DELIMITER")
        << QStringLiteral("SELECT 1;\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\n")
        << 2 << 1 << QStringLiteral("DELIMITER is a command of the mysql client")
        << QStringLiteral("-- migrate:statement-begin");
}

void tst_SqlLexer::errors()
{
    QFETCH(QString, sql);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(QString, expected);

    const Result<QList<SqlStatement>> result = splitSqlStatements(sql, QStringLiteral("v/x.sql"));
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.file, QStringLiteral("v/x.sql"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.code, int(Error::Input));
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QVERIFY2(error.hint.contains(expected), qPrintable(error.hint));
}

QTEST_MAIN(tst_SqlLexer)
#include "tst_sqllexer.moc"
