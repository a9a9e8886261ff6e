#include "kb/csv.h"

#include <QTest>

using namespace techrace;

class TestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidFiles_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<QList<QStringList>>("rows");
        QTest::addColumn<QList<int>>("lines");

        QTest::newRow("plain") << QByteArray("a,b\n1,2\n3,4\n") << QStringList {"a", "b"}
                               << QList<QStringList> {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
        QTest::newRow("no final newline")
            << QByteArray("a,b\n1,2") << QStringList {"a", "b"} << QList<QStringList> {{"1", "2"}} << QList<int> {2};
        QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringList {"a", "b"}
                              << QList<QStringList> {{"1", "2"}} << QList<int> {2};
        QTest::newRow("quoted comma and quote")
            << QByteArray("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n") << QStringList {"a", "b"}
            << QList<QStringList> {{"x, y", "say \"hi\""}} << QList<int> {2};
        QTest::newRow("multi-line field keeps later line numbers right")
            << QByteArray("a,b\n\"one\ntwo\",1\nz,2\n") << QStringList {"a", "b"}
            << QList<QStringList> {{"one\ntwo", "1"}, {"z", "2"}} << QList<int> {2, 4};
        QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << QStringList {"a", "b", "c"}
                                      << QList<QStringList> {{"", "", ""}} << QList<int> {2};
        QTest::newRow("blank lines skipped")
            << QByteArray("a\n\nx\n\n") << QStringList {"a"} << QList<QStringList> {{"x"}} << QList<int> {3};
        QTest::newRow("utf-8 with BOM") << QByteArray("\xEF\xBB\xBFname\n\xC2\xA5"
                                                      "920B\n")
                                        << QStringList {"name"}
                                        << QList<QStringList> {{QString::fromUtf8("\xC2\xA5"
                                                                                  "920B")}}
                                        << QList<int> {2};
    }

    void parsesValidFiles()
    {
        QFETCH(QByteArray, input);
        QFETCH(QStringList, header);
        QFETCH(QList<QStringList>, rows);
        QFETCH(QList<int>, lines);

        const auto table = csv::parse(input, QStringLiteral("t.csv"));
        QVERIFY2(table.ok(), qPrintable(table.message()));
        QCOMPARE(table->header, header);
        QCOMPARE(table->records.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(table->records.at(i).fields, rows.at(i));
            QCOMPARE(table->records.at(i).line, lines.at(i));
        }
    }

    void rejectsMalformedFiles_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");

        QTest::newRow("ragged row") << QByteArray("a,b\n1,2\n3\n") << QStringLiteral("t.csv:3: expected 2 fields");
        QTest::newRow("too many fields") << QByteArray("a\n1,2\n") << QStringLiteral("t.csv:2: expected 1 fields");
        QTest::newRow("unterminated quote")
            << QByteArray("a\n\"open\n") << QStringLiteral("t.csv:2: a quoted field is never closed");
        QTest::newRow("invalid utf-8") << QByteArray("a\nok\n\xFF\xFE\n")
                                       << QStringLiteral("t.csv:3: the file is not valid UTF-8");
        QTest::newRow("stray quote") << QByteArray("a\nab\"c\n") << QStringLiteral("t.csv:2: a quote appears inside");
        QTest::newRow("text after quote")
            << QByteArray("a\n\"ab\"c\n") << QStringLiteral("t.csv:2: text follows a closing quote");
        QTest::newRow("duplicate header")
            << QByteArray("a,a\n1,2\n") << QStringLiteral("t.csv:1: the header repeats column \"a\"");
        QTest::newRow("empty header name")
            << QByteArray("a,\n1,2\n") << QStringLiteral("t.csv:1: the header has an empty column name");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("t.csv:1: the file has no header row");
        QTest::newRow("huge field") << (QByteArray("a\n") + QByteArray(5000, 'x') + '\n')
                                    << QStringLiteral("t.csv:2: a field is longer than 4096 characters");
    }

    void rejectsMalformedFiles()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);

        const auto table = csv::parse(input, QStringLiteral("t.csv"));
        QVERIFY(!table.ok());
        QVERIFY2(table.message().startsWith(message), qPrintable(table.message()));
    }

    void roundTripsThroughEscape()
    {
        const QStringList fields = {QStringLiteral("plain"), QStringLiteral("with, comma"),
                                    QStringLiteral("with \"quote\""), QStringLiteral("two\nlines"), QString()};
        const QByteArray text = (QStringLiteral("h1,h2,h3,h4,h5\n") + csv::line(fields) + u'\n').toUtf8();
        const auto table = csv::parse(text, QStringLiteral("round.csv"));
        QVERIFY2(table.ok(), qPrintable(table.message()));
        QCOMPARE(table->records.size(), 1);
        QCOMPARE(table->records.first().fields, fields);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
