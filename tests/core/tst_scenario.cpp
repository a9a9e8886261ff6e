#include "modelfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace techrace;
using techrace::test::engine;

/** Scenario files: strict loading (real files in tests/data/scenarios), saving, presets. */
class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAValidFile()
    {
        auto scenario = Scenario::load(TESTS_DATA_DIR "/scenarios/valid.json", engine().levers());
        QVERIFY2(scenario.ok(), qPrintable(scenario.message()));
        QCOMPARE(scenario->name, "Valid");
        QCOMPARE(scenario->seed, 7u);
        QCOMPARE(scenario->leverValue(*engine().levers().find("subsidy.cn_big_fund_3")), 2.0);
        QCOMPARE(scenario->leverValue(*engine().levers().find("ai_chip_control")), 1.0);
        // Levers the file does not name keep their baseline.
        const Lever *leakage = engine().levers().find("leakage");
        QCOMPARE(scenario->leverValue(*leakage), leakage->baseline);
    }

    void rejectsBadFilesNamingTheField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected"); // part of the message
        QTest::newRow("malformed JSON") << "malformed.json"
                                        << "not valid JSON";
        QTest::newRow("not an object") << "not_an_object.json"
                                       << "JSON object";
        QTest::newRow("wrong format name") << "wrong_format.json"
                                           << "\"format\"";
        QTest::newRow("wrong version") << "wrong_version.json"
                                       << "\"version\"";
        QTest::newRow("lever value not a number") << "wrong_lever_type.json"
                                                  << "\"levers.ai_chip_control\": expected a number";
        QTest::newRow("name not a string") << "wrong_name_type.json"
                                           << "\"name\": expected a string";
        QTest::newRow("negative seed") << "bad_seed.json"
                                       << "\"seed\"";
        QTest::newRow("unknown lever") << "unknown_lever.json"
                                       << "\"levers.warp_drive\": no such lever";
        QTest::newRow("out of range") << "out_of_range.json"
                                      << "\"levers.subsidy.cn_big_fund_3\": 5 is outside";
        QTest::newRow("unknown field") << "unknown_field.json"
                                       << "\"lever\": unknown field";
    }
    void rejectsBadFilesNamingTheField()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const auto scenario = Scenario::load(QStringLiteral(TESTS_DATA_DIR "/scenarios/") + file, engine().levers());
        QVERIFY(!scenario.ok());
        QVERIFY2(scenario.message().contains(expected), qPrintable(scenario.message()));
        QVERIFY2(scenario.message().contains(file), "the message names the file");
    }

    void rejectsOversizedFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray padding(Scenario::maxFileBytes, ' ');
        file.write("{\"format\": \"techrace-scenario\", \"version\": 1, \"description\": \"");
        file.write(padding);
        file.write("\"}");
        file.close();
        const auto scenario = Scenario::load(path, engine().levers());
        QVERIFY(!scenario.ok());
        QVERIFY2(scenario.message().contains("limit"), qPrintable(scenario.message()));
    }

    void aFailedSetLeverChangesNothing()
    {
        Scenario scenario;
        QVERIFY(scenario.setLever(engine().levers(), "ai_chip_control", 0.2).ok());
        QVERIFY(!scenario.setLever(engine().levers(), "ai_chip_control", 7).ok());
        QVERIFY(!scenario.setLever(engine().levers(), "no_such_lever", 0).ok());
        QCOMPARE(scenario.overrides().size(), 1);
        QCOMPARE(scenario.overrides().first().second, 0.2);
    }

    void savesAndLoadsBack()
    {
        QTemporaryDir dir;
        auto original = Scenario::load(TESTS_DATA_DIR "/scenarios/valid.json", engine().levers());
        QVERIFY(original.ok());
        const QString path = dir.filePath("copy.json");
        QVERIFY(original->save(path).ok());
        const auto copy = Scenario::load(path, engine().levers());
        QVERIFY2(copy.ok(), qPrintable(copy.message()));
        QVERIFY(copy.value() == original.value());
    }

    void everyPresetLoads_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : Scenario::presetIds())
            QTest::newRow(qPrintable(id)) << id;
    }
    void everyPresetLoads()
    {
        QFETCH(QString, id);
        const auto scenario = Scenario::preset(id, engine().levers());
        QVERIFY2(scenario.ok(), qPrintable(scenario.message()));
        QVERIFY(!scenario->name.isEmpty());
        QVERIFY(!scenario->description.isEmpty());
    }

    void presetsIncludeTheProductList()
    {
        const QStringList ids = Scenario::presetIds();
        for (const char *id :
             {"baseline", "big_fund_3_doubled", "full_embargo", "h200_revenue_share", "cn_domestic_mandate",
              "mineral_ban_resumes", "taiwan_disruption", "rapidus_on_time", "rapidus_slips"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
