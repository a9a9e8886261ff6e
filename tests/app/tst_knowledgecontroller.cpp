// The Knowledge page's controller and models, on the shipped knowledge base with a user database layered over it.
#include "appcontext.h"
#include "kb/knowledgebase.h"
#include "kb/userdatabase.h"
#include "knowledgecontroller.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace techrace;

class TestKnowledgeController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const AppContext> m_context;

    static QVariant roleData(const QAbstractItemModel &model, int row, const QByteArray &role)
    {
        return model.data(model.index(row, 0), model.roleNames().key(role));
    }

    static int rowOf(const QAbstractItemModel &model, const QString &rowId)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (roleData(model, row, "rowId").toString() == rowId)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString userDb = m_dir.filePath(QStringLiteral("user.sqlite"));
        {
            auto kb = KnowledgeBase::openEmbedded();
            QVERIFY(kb.ok());
            QVERIFY(kb->attachUserDatabase(userDb).attached);
            QFile csv(QStringLiteral(TESTS_DATA_DIR "/kb-import/valid/programmes.csv"));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            auto imported = userdb::importCsv(kb->database(), {{csv.fileName(), csv.readAll(), {}}});
            QVERIFY2(imported.ok(), qPrintable(imported.message()));
        }
        auto context = AppContext::open({}, userDb);
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
    }

    void modelsPassTheModelTester()
    {
        KnowledgeController controller(m_context);
        QAbstractItemModelTester rowsTester(controller.rows(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester resultsTester(controller.results(),
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QVariant &table : controller.tables())
            controller.setCurrentTable(table.toMap().value(QStringLiteral("name")).toString());
        for (const QString &query : {QStringLiteral("Rapidus"), QStringLiteral("zzqxjv"), QString(),
                                     QStringLiteral("Big Fund"), QStringLiteral("fixture")})
            controller.setQuery(query);
        QVERIFY(controller.rows()->rowCount() > 0);
    }

    void listsTablesWithCounts()
    {
        KnowledgeController controller(m_context);
        QStringList names;
        for (const QVariant &table : controller.tables()) {
            const QVariantMap map = table.toMap();
            names.append(map.value(QStringLiteral("name")).toString());
            QVERIFY(map.value(QStringLiteral("count")).toLongLong() > 0);
        }
        QVERIFY(names.contains(QStringLiteral("programmes")));
        QVERIFY(names.contains(QStringLiteral("conflicts")));
        QVERIFY(!names.contains(QStringLiteral("citations")));
        QCOMPARE(controller.currentTable(), QStringLiteral("programmes"));
        QVERIFY(controller.userDatabaseNotice().isEmpty());
        QVERIFY(!controller.userDatabasePath().isEmpty());
    }

    void userEditsAreMarked()
    {
        KnowledgeController controller(m_context);
        const QAbstractItemModel &rows = *controller.rows();
        const int added = rowOf(rows, QStringLiteral("user_test_fund"));
        QVERIFY(added >= 0);
        QCOMPARE(roleData(rows, added, "userEdit").toBool(), true);
        QCOMPARE(roleData(rows, added, "title").toString(), QStringLiteral("Test fund added by a user (fixture)"));
        const int shipped = rowOf(rows, QStringLiteral("jp_sovereign_ai_1tn"));
        QVERIFY(shipped >= 0);
        QCOMPARE(roleData(rows, shipped, "userEdit").toBool(), false);
        QCOMPARE(roleData(rows, shipped, "inConflict").toBool(), true);

        const QVariantMap edited = controller.detail(QStringLiteral("programmes"), QStringLiteral("jp_rapidus_920"));
        QCOMPARE(edited.value(QStringLiteral("userEdit")).toBool(), true);
        QCOMPARE(edited.value(QStringLiteral("shippedRow")).toBool(), true);
        const QVariantMap mine = controller.detail(QStringLiteral("programmes"), QStringLiteral("user_test_fund"));
        QCOMPARE(mine.value(QStringLiteral("shippedRow")).toBool(), false);
    }

    void detailShowsSourceReliabilityAndQuote()
    {
        KnowledgeController controller(m_context);
        const QVariantMap detail =
            controller.detail(QStringLiteral("programmes"), QStringLiteral("jp_sovereign_ai_1tn"));
        QCOMPARE(detail.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Japan Sovereign AI package (¥1 trillion)"));
        const QVariantList citations = detail.value(QStringLiteral("citations")).toList();
        QVERIFY(!citations.isEmpty());
        const QVariantMap own = citations.first().toMap();
        QVERIFY(own.value(QStringLiteral("quote")).toString().contains(QStringLiteral("1 trillion yen")));
        QVERIFY(QStringList({"A", "B", "C", "D"}).contains(own.value(QStringLiteral("reliability")).toString()));
        QVERIFY(!own.value(QStringLiteral("reliabilityMeaning")).toString().isEmpty());
        QVERIFY(!own.value(QStringLiteral("sourceTitle")).toString().isEmpty());

        // Its conflicts list every competing version with its own quote.
        const QVariantList conflicts = detail.value(QStringLiteral("conflicts")).toList();
        QVERIFY(!conflicts.isEmpty());
        for (const QVariant &conflict : conflicts) {
            const QVariantList versions = conflict.toMap().value(QStringLiteral("versions")).toList();
            QVERIFY(versions.size() >= 2);
            for (const QVariant &version : versions)
                QVERIFY(!version.toMap()
                             .value(QStringLiteral("citation"))
                             .toMap()
                             .value(QStringLiteral("quote"))
                             .toString()
                             .isEmpty());
        }
        QVERIFY(controller.detail(QStringLiteral("programmes"), QStringLiteral("no_such_row")).isEmpty());
        QVERIFY(controller.detail(QStringLiteral("no_such_table"), QStringLiteral("x")).isEmpty());
    }

    void searchFillsResults()
    {
        KnowledgeController controller(m_context);
        QSignalSpy queryChanged(&controller, &KnowledgeController::queryChanged);
        controller.setQuery(QStringLiteral("fixture"));
        QCOMPARE(queryChanged.count(), 1);
        const QAbstractItemModel &results = *controller.results();
        QCOMPARE(results.rowCount(), 1);
        QCOMPARE(roleData(results, 0, "rowId").toString(), QStringLiteral("user_test_fund"));
        QCOMPARE(roleData(results, 0, "userEdit").toBool(), true);
        QVERIFY(roleData(results, 0, "summary").toString().contains(QStringLiteral("<b>fixture</b>")));

        controller.setQuery(QStringLiteral("betting"));
        QVERIFY(rowOf(results, QStringLiteral("jp_rapidus_920")) >= 0);
        controller.setQuery(QString());
        QCOMPARE(results.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeController)
#include "tst_knowledgecontroller.moc"
