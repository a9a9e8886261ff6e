#include "modelfixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <cmath>

using namespace techrace;
using techrace::test::engine;

namespace {

constexpr int goldenYears[] = {2015, 2020, 2025, 2030, 2035, 2040};

/** The outputs a golden file pins: every region-level series (no segment, no company) plus leading-logic shares. */
QByteArray goldenCsv(const Results &r)
{
    QByteArray csv = "metric,region,segment,year,value\n";
    const ResultLayout &layout = r.layout();
    const int leading = static_cast<int>(layout.segments().indexOf("leading_logic"));
    for (std::size_t s = 0; s < layout.keys().size(); ++s) {
        const SeriesKey &key = layout.keys()[s];
        const bool regionLevel = key.segment < 0 && key.company < 0;
        const bool leadingShare = key.metric == Metric::CapacityShare && key.segment == leading;
        if (!regionLevel && !leadingShare)
            continue;
        for (int year : goldenYears) {
            csv += metricId(key.metric).toUtf8() + ',' +
                (key.region >= 0 ? layout.regions().at(key.region).toUtf8() : "") + ',' +
                (key.segment >= 0 ? layout.segments().at(key.segment).toUtf8() : "") + ',' + QByteArray::number(year) +
                ',' + QByteArray::number(r.at(static_cast<int>(s), year), 'g', 12) + '\n';
        }
    }
    return csv;
}

QString goldenPath(const QString &preset)
{
    return QStringLiteral(TESTS_DATA_DIR "/golden/%1.csv").arg(preset);
}

} // namespace

/**
 * Golden outputs per preset (tests/data/golden/README.md): a change to the model or the KB that moves a number fails
 * here until the files are regenerated on purpose with TECHRACE_UPDATE_GOLDEN=1.
 */
class TestModelGolden : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetMatchesItsGoldenFile_data()
    {
        QTest::addColumn<QString>("preset");
        for (const QString &id : Scenario::presetIds())
            QTest::newRow(qPrintable(id)) << id;
    }
    void presetMatchesItsGoldenFile()
    {
        QFETCH(QString, preset);
        const auto scenario = Scenario::preset(preset, engine().levers());
        QVERIFY(scenario.ok());
        const QByteArray actual = goldenCsv(engine().run(scenario.value()));
        if (qEnvironmentVariableIntValue("TECHRACE_UPDATE_GOLDEN") == 1) {
            QFile file(goldenPath(preset));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(actual);
            qWarning("rewrote %s", qPrintable(goldenPath(preset)));
            return;
        }
        QFile file(goldenPath(preset));
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(goldenPath(preset) + " is missing: run the test with TECHRACE_UPDATE_GOLDEN=1"));
        const QList<QByteArray> expectedLines = file.readAll().split('\n');
        const QList<QByteArray> actualLines = actual.split('\n');
        QCOMPARE(actualLines.size(), expectedLines.size());
        for (qsizetype i = 0; i < actualLines.size(); ++i) {
            const QList<QByteArray> a = actualLines.at(i).split(',');
            const QList<QByteArray> e = expectedLines.at(i).split(',');
            QCOMPARE(a.mid(0, 4), e.mid(0, 4));
            if (i == 0 || a.size() < 5)
                continue;
            const double va = a.at(4).toDouble();
            const double ve = e.at(4).toDouble();
            QVERIFY2(std::abs(va - ve) <= 1e-9 * std::max(1.0, std::abs(ve)),
                     qPrintable(QStringLiteral("%1: model %2, golden %3")
                                    .arg(QString::fromUtf8(actualLines.at(i)))
                                    .arg(va)
                                    .arg(ve)));
        }
    }
};

QTEST_GUILESS_MAIN(TestModelGolden)
#include "tst_modelgolden.moc"
