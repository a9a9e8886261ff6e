// Full-text search over the shipped knowledge base (the FTS5 index techrace-kbc builds).
#include "kb/kbsearch.h"
#include "kb/knowledgebase.h"

#include <QTest>

using namespace techrace;

class TestKbSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchExpression_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expression");

        QTest::newRow("one word") << "rapidus"
                                  << "\"rapidus\"*";
        QTest::newRow("two words") << "Big Fund"
                                   << "\"Big\" \"Fund\"*";
        QTest::newRow("trailing space ends the prefix") << "fund "
                                                        << "\"fund\"";
        QTest::newRow("operators are words") << "EUV AND NOT \"DUV"
                                             << "\"EUV\" \"AND\" \"NOT\" \"DUV\"*";
        QTest::newRow("punctuation only") << "!?*"
                                          << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("non-latin") << "半导体"
                                   << "\"半导体\"*";
    }

    void matchExpression()
    {
        QFETCH(QString, text);
        QFETCH(QString, expression);
        QCOMPARE(kbsearch::matchExpression(text), expression);
    }

    void findsRows_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("rowId");

        QTest::newRow("programme by name") << "Rapidus"
                                           << "programmes"
                                           << "jp_rapidus_920";
        QTest::newRow("prefix") << "Rapid"
                                << "programmes"
                                << "jp_rapidus_920";
        QTest::newRow("quote words") << "betting billion"
                                     << "programmes"
                                     << "jp_rapidus_920";
        QTest::newRow("case and accents") << "RAPIDUS"
                                          << "programmes"
                                          << "jp_rapidus_920";
        QTest::newRow("region") << "Japan"
                                << "regions"
                                << "JP";
    }

    void findsRows()
    {
        QFETCH(QString, text);
        QFETCH(QString, table);
        QFETCH(QString, rowId);
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto hits = kbsearch::search(kb->database(), text, {200});
        QVERIFY2(hits.ok(), qPrintable(hits.message()));
        bool found = false;
        for (const SearchHit &hit : hits.value()) {
            QVERIFY(!hit.userEdit);
            QVERIFY(!hit.title.isEmpty());
            found = found || (hit.table == table && hit.rowId == rowId);
        }
        QVERIFY2(found, qPrintable(QStringLiteral("%1 hits, none is %2/%3").arg(hits->size()).arg(table, rowId)));
    }

    void snippetMarksTheMatch()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto hits = kbsearch::search(kb->database(), QStringLiteral("betting"),
                                     {5, QStringLiteral("<b>"), QStringLiteral("</b>")});
        QVERIFY(hits.ok());
        QVERIFY(!hits->isEmpty());
        QVERIFY2(hits->first().snippet.contains(QStringLiteral("<b>betting</b>")), qPrintable(hits->first().snippet));
    }

    void noMatchAndEmptyText()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto none = kbsearch::search(kb->database(), QStringLiteral("zzqxjv"));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        auto empty = kbsearch::search(kb->database(), QStringLiteral("  "));
        QVERIFY(empty.ok());
        QVERIFY(empty->isEmpty());
    }

    void limitIsHonoured()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto hits = kbsearch::search(kb->database(), QStringLiteral("chip"), {3});
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestKbSearch)
#include "tst_kbsearch.moc"
