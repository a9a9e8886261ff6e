#include "kb/kbcompiler.h"
#include "kb/knowledgebase.h"
#include "kbfixture.h"

#include <QTemporaryDir>
#include <QTest>

using namespace techrace;

class TestKbCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compilesTheShippedText()
    {
        QTemporaryDir out;
        const QString db = out.filePath(QStringLiteral("kb.sqlite"));
        const Status status = compileKnowledgeBase(QStringLiteral(SOURCE_DIR "/data/kb"), db);
        QVERIFY2(status.ok(), qPrintable(status.message()));
        auto kb = KnowledgeBase::openFile(db);
        QVERIFY2(kb.ok(), qPrintable(kb.message()));
        QCOMPARE(kb->database().userVersion(), KnowledgeBase::schemaVersion);
        QCOMPARE(kb->regions().size(), 9);
        QVERIFY(!kb->programmes().isEmpty());
        QVERIFY(!QFile::exists(db + QStringLiteral(".building")));
    }

    void acceptsARelativeDataDirectory()
    {
        QTemporaryDir out;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(QStringLiteral(SOURCE_DIR)));
        const Status status =
            compileKnowledgeBase(QStringLiteral("data/kb"), out.filePath(QStringLiteral("kb.sqlite")));
        QDir::setCurrent(previous);
        QVERIFY2(status.ok(), qPrintable(status.message()));
    }

    void rejectsBadRows_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("message");

        QTest::newRow("unknown region") << "reference/programmes.csv"
                                        << QByteArray(
                                               "x_fund,X,subsidy,XX,,1,usd,,2020,,,,,seed003,\"Japan is betting\"")
                                        << "reference/programmes.csv:";
        QTest::newRow("missing quote") << "base/regions.csv" << QByteArray("ZZ,Zed,99,,seed000,")
                                       << "base/regions.csv:";
        QTest::newRow("quote too long") << "base/regions.csv"
                                        << (QByteArray("ZZ,Zed,99,,seed000,") + QByteArray(201, 'q'))
                                        << "CHECK constraint failed";
        QTest::newRow("not a number")
            << "reference/observations.csv"
            << QByteArray("o1,ic_self_sufficiency,CN,,,2022,2022,lots,percent,d,seed000,\"a duopoly\"")
            << "cannot store TEXT value in REAL column";
        QTest::newRow("percent out of range")
            << "reference/observations.csv"
            << QByteArray("o1,ic_self_sufficiency,CN,,,2022,2022,140,percent,d,seed000,\"a duopoly\"")
            << "CHECK constraint failed";
        QTest::newRow("unknown unit")
            << "reference/observations.csv"
            << QByteArray("o1,ic_self_sufficiency,CN,,,2022,2022,14,furlongs,d,seed000,\"a duopoly\"")
            << "reference/observations.csv:";
        QTest::newRow("unknown source") << "base/regions.csv" << QByteArray("ZZ,Zed,99,,nosuchsource,\"a duopoly\"")
                                        << "refers to a sources row that does not exist";
        QTest::newRow("duplicate id") << "base/regions.csv" << QByteArray("US,Again,98,,seed000,\"a duopoly\"")
                                      << "UNIQUE constraint failed: regions.id";
        QTest::newRow("claim about nothing")
            << "china/claims.csv"
            << QByteArray("c9,programmes,no_such_fund,amount_usd,1,,usd,,0,seed004,\"Big Fund III\"")
            << "row \"no_such_fund\" does not exist";
        QTest::newRow("one-sided conflict")
            << "china/conflicts.csv" << QByteArray("lonely,t,d,") << "a conflict needs at least two";
        QTest::newRow("ragged csv") << "base/regions.csv" << QByteArray("ZZ,Zed")
                                    << "base/regions.csv:11: expected 6 fields";
    }

    void rejectsBadRows()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, line);
        QFETCH(QString, message);

        QTemporaryDir data;
        QVERIFY(copyKnowledgeBaseText(data));
        QVERIFY(appendLine(data.filePath(file), line));
        QTemporaryDir out;
        const QString db = out.filePath(QStringLiteral("kb.sqlite"));
        const Status status = compileKnowledgeBase(data.path(), db);
        QVERIFY(!status.ok());
        QVERIFY2(status.message().contains(message), qPrintable(status.message()));
        QVERIFY2(!QFile::exists(db), "a failed build must not leave a database behind");
    }

    void failedBuildKeepsThePreviousDatabase()
    {
        QTemporaryDir out;
        const QString db = out.filePath(QStringLiteral("kb.sqlite"));
        QVERIFY(compileKnowledgeBase(QStringLiteral(SOURCE_DIR "/data/kb"), db).ok());
        const QByteArray before = [&] {
            QFile f(db);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        QTemporaryDir data;
        QVERIFY(copyKnowledgeBaseText(data));
        QVERIFY(appendLine(data.filePath(QStringLiteral("base/regions.csv")), "broken"));
        QVERIFY(!compileKnowledgeBase(data.path(), db).ok());
        QFile after(db);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }

    void loadsEveryTopicFileOfATable()
    {
        QTemporaryDir data;
        QVERIFY(copyKnowledgeBaseText(data));
        QVERIFY(QDir(data.path()).mkpath(QStringLiteral("extra")));
        QVERIFY(appendLine(data.filePath(QStringLiteral("extra/regions.csv")),
                           "id,name,sort_order,description,source_id,quote\nXX,Elsewhere,99,,seed000,\"a duopoly\""));
        QTemporaryDir out;
        const QString db = out.filePath(QStringLiteral("kb.sqlite"));
        const Status status = compileKnowledgeBase(data.path(), db);
        QVERIFY2(status.ok(), qPrintable(status.message()));
        auto kb = KnowledgeBase::openFile(db);
        QVERIFY(kb.ok());
        QCOMPARE(kb->regions().size(), 10);
        QCOMPARE(kb->regions().last().id, QStringLiteral("XX"));
    }

    void rejectsUnknownFiles()
    {
        QTemporaryDir data;
        QVERIFY(copyKnowledgeBaseText(data));
        QVERIFY(appendLine(data.filePath(QStringLiteral("widgets.csv")), "id\nx"));
        QTemporaryDir out;
        const Status status = compileKnowledgeBase(data.path(), out.filePath(QStringLiteral("kb.sqlite")));
        QVERIFY(!status.ok());
        QVERIFY2(status.message().contains(QStringLiteral("widgets.csv: no table")), qPrintable(status.message()));
    }

    void rejectsUnknownColumns()
    {
        QTemporaryDir data;
        QVERIFY(copyKnowledgeBaseText(data));
        QFile file(data.filePath(QStringLiteral("china/conflicts.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("id,topic,colour\nx,y,z\n");
        file.close();
        QTemporaryDir out;
        const Status status = compileKnowledgeBase(data.path(), out.filePath(QStringLiteral("kb.sqlite")));
        QVERIFY(!status.ok());
        QVERIFY2(status.message().contains(QStringLiteral("column \"colour\" is not a column of conflicts")),
                 qPrintable(status.message()));
    }
};

QTEST_GUILESS_MAIN(TestKbCompiler)
#include "tst_kbcompiler.moc"
