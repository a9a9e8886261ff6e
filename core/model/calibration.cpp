#include "model/calibration.h"

#include <cmath>

namespace techrace {

namespace {

/** The series whose observations a parameter was fitted to (see docs/MODEL.md, "Calibration"). */
bool isFittedSeries(const QString &series)
{
    return series == QLatin1String("ic_self_sufficiency") || series == QLatin1String("ai_accelerators_produced") ||
        series == QLatin1String("ai_accelerators_imported") || series == QLatin1String("ai_accelerators_cumulative") ||
        series == QLatin1String("fab_capacity"); // SEMI 2023 by region sets the pre-2025 growth rates
}

} // namespace

Expected<CalibrationReport> calibrate(const ModelEngine &engine, const KnowledgeBase &kb)
{
    auto stmt = kb.database().prepare(QStringLiteral(
        "SELECT id, series, coalesce(region_id, ''), coalesce(company_id, ''), coalesce(segment_id, ''), year, value, "
        "unit, source_id FROM observations ORDER BY series, year, id"));
    if (!stmt)
        return stmt.status();
    const Results base = engine.baseline();
    const auto value = [&](const char *metric, const QString &region, const QString &segment, const QString &company,
                           int year) { return base.value(QLatin1String(metric), region, segment, company, year); };
    CalibrationReport report;
    while (stmt->step() == SqliteStatement::Step::Row) {
        CalibrationPoint p;
        p.observationId = stmt->text(0);
        p.series = stmt->text(1);
        p.region = stmt->text(2);
        p.company = stmt->text(3);
        p.segment = stmt->text(4);
        p.year = static_cast<int>(stmt->integer(5));
        p.observed = stmt->real(6);
        p.unit = stmt->text(7);
        p.sourceId = stmt->text(8);
        p.fitted = isFittedSeries(p.series);
        std::optional<double> model;
        if (p.year >= ModelEngine::firstYear && p.year <= ModelEngine::lastYear) {
            const QString &s = p.series;
            if (s == QLatin1String("ic_self_sufficiency") && p.unit == QLatin1String("percent")) {
                if (auto v = value("self_sufficiency", p.region, {}, {}, p.year))
                    model = 100 * *v;
            } else if (s == QLatin1String("fab_capacity_share")) {
                if (auto v = value("capacity_share", p.region, p.segment, {}, p.year))
                    model = 100 * *v;
            } else if (s == QLatin1String("sub10nm_logic_capacity_share")) {
                const auto lead = value("capacity", p.region, QStringLiteral("leading_logic"), {}, p.year);
                const auto adv = value("capacity", p.region, QStringLiteral("advanced_logic"), {}, p.year);
                const auto worldLead = value("capacity", {}, QStringLiteral("leading_logic"), {}, p.year);
                const auto worldAdv = value("capacity", {}, QStringLiteral("advanced_logic"), {}, p.year);
                if (lead && adv && worldLead && worldAdv && *worldLead + *worldAdv > 0)
                    model = 100 * (*lead + *adv) / (*worldLead + *worldAdv);
            } else if (s == QLatin1String("fab_capacity")) {
                if (auto v = value("capacity", p.region, p.segment, {}, p.year))
                    model = 1e6 * *v;
            } else if (s == QLatin1String("revenue_share") || s == QLatin1String("bit_share") ||
                       s == QLatin1String("shipment_share")) {
                const int company = static_cast<int>(engine.companies().indexOf(p.company));
                if (company >= 0) {
                    // Company series carry the company's headquarters as their region.
                    for (const QString &region : engine.regions()) {
                        if (auto v = value("market_share", region, p.segment, p.company, p.year))
                            model = 100 * *v;
                    }
                }
            } else if (s == QLatin1String("ai_accelerators_cumulative")) {
                double sum = 0;
                for (int y = 2022; y <= p.year; ++y)
                    sum += value("production", {}, QStringLiteral("ai_accelerators"), {}, y).value_or(0) -
                        value("production", QStringLiteral("CN"), QStringLiteral("ai_accelerators"), {}, y).value_or(0);
                model = 1e6 * sum;
            } else if (s == QLatin1String("ai_accelerators_produced")) {
                if (auto v = value("production", p.region, QStringLiteral("ai_accelerators"), {}, p.year))
                    model = 1e6 * *v;
            } else if (s == QLatin1String("ai_accelerators_imported")) {
                if (auto v = value("ai_chip_imports", p.region, {}, {}, p.year))
                    model = 1e6 * *v;
            } else if (s == QLatin1String("ai_compute_installed")) {
                // "early 2025": the model's installed base at the end of the year before.
                if (auto v = value("ai_compute_h100e", p.region, {}, {}, p.year - 1))
                    model = 1e6 * *v;
            }
        }
        if (!model) {
            ++report.skipped;
            continue;
        }
        p.model = *model;
        report.points.push_back(p);
    }
    double apeAll = 0, apeOut = 0, aePoints = 0;
    int nAll = 0, nOut = 0, nPoints = 0;
    for (const CalibrationPoint &p : report.points) {
        if (p.unit == QLatin1String("percent")) {
            aePoints += std::abs(p.error());
            ++nPoints;
        }
        if (p.observed == 0)
            continue;
        const double ape = std::abs(p.error() / p.observed);
        apeAll += ape;
        ++nAll;
        if (!p.fitted) {
            apeOut += ape;
            ++nOut;
        }
    }
    report.mapeAll = nAll > 0 ? 100 * apeAll / nAll : 0;
    report.mapeOutOfSample = nOut > 0 ? 100 * apeOut / nOut : 0;
    report.maePointsPercent = nPoints > 0 ? aePoints / nPoints : 0;
    report.outOfSampleCount = nOut;
    return report;
}

QByteArray CalibrationReport::toCsv() const
{
    QByteArray csv =
        "observation,series,region,segment,company,year,unit,observed,model,error,relative_error,fitted,source\n";
    const auto number = [](double v) { return QByteArray::number(v, 'g', 8); };
    for (const CalibrationPoint &p : points) {
        csv += p.observationId.toUtf8() + ',' + p.series.toUtf8() + ',' + p.region.toUtf8() + ',' + p.segment.toUtf8() +
            ',' + p.company.toUtf8() + ',' + QByteArray::number(p.year) + ',' + p.unit.toUtf8() + ',' +
            number(p.observed) + ',' + number(p.model) + ',' + number(p.error()) + ',' +
            (p.observed != 0 ? number(p.error() / p.observed) : QByteArray()) + ',' + (p.fitted ? "yes" : "no") + ',' +
            p.sourceId.toUtf8() + '\n';
    }
    return csv;
}

} // namespace techrace
