#include "chart/chartfigure.h"

#include "appcontext.h"
#include "export/exportfile.h"
#include "kb/sqlitedb.h"
#include "workbench/metricinfo.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChartFigure", text);
}

const QString world = QStringLiteral("WORLD");

/**
 * Which KB targets (table targets, free-text metric) a model metric can be compared with. Targets are matched by
 * region, unit and words of their metric text; their values are already in the chart's display units.
 */
struct TargetRule
{
    Metric metric;
    const char *unit;
    const char *metricPattern; // SQL LIKE on targets.metric
};
constexpr TargetRule targetRules[] = {
    {Metric::SelfSufficiency, "percent", "%import substitution%"},
    {Metric::SelfSufficiency, "percent", "%semiconductor%self-sufficiency%"},
    {Metric::BestNodeNm, "nm", "%"},
};

QHash<QString, QString> namesFrom(const KnowledgeBase &kb, const QString &table)
{
    QHash<QString, QString> names;
    if (auto stmt = kb.database().prepare(QStringLiteral("SELECT id, name FROM %1").arg(table))) {
        while (stmt->step() == SqliteStatement::Step::Row)
            names.insert(stmt->text(0), stmt->text(1));
    }
    return names;
}

/** True when any chart value differs between the two runs (missing years count as values). */
bool linesDiffer(const Results &a, const Results &b, const QList<ChartLineRef> &lines)
{
    const int years = a.layout().yearCount();
    for (const ChartLineRef &line : lines) {
        const double *x = a.series(line.series);
        const double *y = b.series(line.series);
        for (int i = 0; i < years; ++i) {
            if (std::isnan(x[i]) != std::isnan(y[i]))
                return true;
            if (!std::isnan(x[i]) && std::abs(x[i] - y[i]) > 1e-12 * std::max(1.0, std::abs(x[i])))
                return true;
        }
    }
    return false;
}

/** The KB source ids of every parameter and lever that moves one of `lines`, each set to its low and high end. */
QStringList sourcesMoving(const ModelEngine &engine, const QList<ChartLineRef> &lines)
{
    QStringList ids;
    const Results central = engine.baseline();
    Results probe = engine.makeResults();
    std::vector<double> levers = Scenario().leverValues(engine.levers());
    std::vector<double> parameters = engine.parameterValues();
    const auto moves = [&](double &input, double low, double high) {
        const double saved = input;
        bool moved = false;
        for (double end : {low, high}) {
            if (moved || end == saved)
                continue;
            input = end;
            engine.runWith(levers.data(), parameters.data(), probe);
            moved = linesDiffer(central, probe, lines);
        }
        input = saved;
        return moved;
    };
    const auto &parameterList = engine.parameters();
    for (std::size_t i = 0; i < parameterList.size(); ++i) {
        const ModelParameter &p = parameterList[i];
        if (p.low < p.high && !p.sourceId.isEmpty() && !ids.contains(p.sourceId) && moves(parameters[i], p.low, p.high))
            ids.append(p.sourceId);
    }
    const auto &leverList = engine.levers().levers();
    for (qsizetype i = 0; i < leverList.size(); ++i) {
        const Lever &lever = leverList[i];
        if (lever.min < lever.max && !lever.sourceId.isEmpty() && !ids.contains(lever.sourceId) &&
            moves(levers[static_cast<std::size_t>(i)], lever.min, lever.max))
            ids.append(lever.sourceId);
    }
    return ids;
}

QList<ChartSource> sourceRows(const KnowledgeBase &kb, QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    QList<ChartSource> sources;
    auto stmt = kb.database().prepare(QStringLiteral("SELECT id, title, publisher, coalesce(published, ''), "
                                                     "coalesce(url, ''), reliability FROM sources WHERE id = ?"));
    if (!stmt)
        return sources;
    for (const QString &id : std::as_const(ids)) {
        stmt->reset();
        stmt->bindText(1, id);
        if (stmt->step() == SqliteStatement::Step::Row)
            sources.append({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5)});
    }
    return sources;
}

QString kbVersionOf(const KnowledgeBase &kb)
{
    QString version = QStringLiteral("schema %1").arg(KnowledgeBase::schemaVersion);
    if (auto bytes = kb.database().serialize())
        version += QStringLiteral(", sha256 %1")
                       .arg(QString::fromLatin1(
                           QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex().left(16)));
    if (kb.userDatabase().attached)
        version += tr(", with the user's own additions and edits (user database)");
    return version;
}

QString sourceLineOf(const QList<ChartSource> &sources)
{
    QStringList parts;
    for (const ChartSource &s : sources) {
        const QString year = s.published.left(4);
        const QString part = year.isEmpty() ? s.publisher : QStringLiteral("%1 (%2)").arg(s.publisher, year);
        if (!parts.contains(part))
            parts.append(part);
    }
    if (parts.isEmpty())
        return tr("Source: TechRace model (docs/MODEL.md).");
    return tr("Sources: %1; TechRace model (docs/MODEL.md).").arg(parts.join(QStringLiteral("; ")));
}

QString csvNumber(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 12) : QString();
}

} // namespace

QList<ChartSource> sourcesById(const KnowledgeBase &kb, QStringList ids)
{
    return sourceRows(kb, std::move(ids));
}

ResolvedChart resolveChart(const ModelEngine &engine, const ChartRequest &request)
{
    ResolvedChart resolved;
    resolved.metric = metricFromId(request.metric);
    if (!resolved.metric) {
        resolved.problems.append(QStringLiteral("unknown metric \"%1\" (known: %2)")
                                     .arg(request.metric, metricIds().join(QStringLiteral(", "))));
        return resolved;
    }
    int segment = -1;
    if (!request.segment.isEmpty()) {
        segment = static_cast<int>(engine.segments().indexOf(request.segment));
        if (segment < 0) {
            resolved.problems.append(QStringLiteral("unknown segment \"%1\" (known: %2)")
                                         .arg(request.segment, engine.segments().join(QStringLiteral(", "))));
            return resolved;
        }
    }
    int company = -1;
    if (!request.company.isEmpty()) {
        company = static_cast<int>(engine.companies().indexOf(request.company));
        if (company < 0) {
            resolved.problems.append(QStringLiteral("unknown company \"%1\" (known: %2)")
                                         .arg(request.company, engine.companies().join(QStringLiteral(", "))));
            return resolved;
        }
    }
    if (company >= 0) {
        // A company's series sits under its home region: one line whatever the regions asked for (as the Charts page).
        for (const SeriesKey &key : engine.layout()->keys()) {
            if (key.metric == *resolved.metric && key.segment == segment && key.company == company) {
                resolved.lines.append({engine.regions().value(key.region),
                                       engine.layout()->find(key.metric, key.region, segment, company)});
                return resolved;
            }
        }
        resolved.missing.append(
            QStringLiteral("the model has no %1 series for company %2%3")
                .arg(request.metric, request.company,
                     request.segment.isEmpty() ? QString() : QStringLiteral(", segment ") + request.segment));
        return resolved;
    }
    for (const QString &region : request.regions) {
        const int r = region == world ? -1 : static_cast<int>(engine.regions().indexOf(region));
        if (r < 0 && region != world) {
            resolved.problems.append(QStringLiteral("unknown region \"%1\" (known: %2, WORLD)")
                                         .arg(region, engine.regions().join(QStringLiteral(", "))));
            continue;
        }
        const int series = engine.layout()->find(*resolved.metric, r, segment, company);
        if (series < 0) {
            QString what = QStringLiteral("region %1").arg(region);
            if (!request.segment.isEmpty())
                what += QStringLiteral(", segment %1").arg(request.segment);
            if (!request.company.isEmpty())
                what += QStringLiteral(", company %1").arg(request.company);
            resolved.missing.append(QStringLiteral("the model has no %1 series for %2").arg(request.metric, what));
            continue;
        }
        resolved.lines.append({region, series});
    }
    return resolved;
}

QList<QPointF> seriesPoints(const Results &results, int series, double displayScale, std::optional<int> quantile)
{
    QList<QPointF> list;
    if (!results.isValid() || series < 0 || (quantile && !results.hasUncertainty()))
        return list;
    const double *values = quantile ? results.quantile(*quantile, series) : results.series(series);
    const int first = results.layout().firstYear();
    list.reserve(results.layout().yearCount());
    for (int i = 0; i < results.layout().yearCount(); ++i) {
        if (std::isfinite(values[i]))
            list.append(QPointF(first + i, values[i] * displayScale));
    }
    return list;
}

QList<ChartTarget> chartTargets(const KnowledgeBase &kb, Metric metric, const QStringList &regions,
                                const QString &segment)
{
    QList<ChartTarget> list;
    for (const TargetRule &rule : targetRules) {
        if (rule.metric != metric)
            continue;
        auto stmt = kb.database().prepare(QStringLiteral(
            "SELECT name, region_id, value, year, source_id, quote, coalesce(segment_id, '') FROM targets "
            "WHERE unit = ? AND metric LIKE ? AND value IS NOT NULL ORDER BY year, id"));
        if (!stmt)
            continue;
        stmt->bindText(1, QString::fromLatin1(rule.unit));
        stmt->bindText(2, QString::fromLatin1(rule.metricPattern));
        while (stmt->step() == SqliteStatement::Step::Row) {
            const QString region = stmt->text(1);
            const QString targetSegment = stmt->text(6);
            if (!regions.contains(region) ||
                (!segment.isEmpty() && !targetSegment.isEmpty() && targetSegment != segment))
                continue;
            if (metric == Metric::BestNodeNm && !targetSegment.endsWith(QLatin1String("_logic")))
                continue;
            list.append(
                {stmt->text(0), region, stmt->real(2), static_cast<int>(stmt->real(3)), stmt->text(4), stmt->text(5)});
        }
    }
    return list;
}

QColor chartRegionColor(const QString &regionId)
{
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("CN"), QColor(0xd5, 0x5e, 0x00)},  {QStringLiteral("US"), QColor(0x00, 0x72, 0xb2)},
        {QStringLiteral("TW"), QColor(0x00, 0x9e, 0x73)},  {QStringLiteral("KR"), QColor(0xcc, 0x79, 0xa7)},
        {QStringLiteral("JP"), QColor(0xe6, 0x9f, 0x00)},  {QStringLiteral("EU"), QColor(0x56, 0xb4, 0xe9)},
        {QStringLiteral("IN"), QColor(0x7b, 0x32, 0x94)},  {QStringLiteral("CA"), QColor(0xb2, 0x18, 0x2b)},
        {QStringLiteral("ROW"), QColor(0x66, 0x66, 0x66)},
    };
    return colors.value(regionId, QColor(0x44, 0x44, 0x44));
}

QString scenarioDisplayName(const Scenario &scenario)
{
    if (!scenario.name.isEmpty())
        return scenario.name;
    return scenario.overrides().isEmpty() ? tr("Baseline") : tr("Untitled scenario");
}

bool ChartFigure::hasBand() const
{
    return std::any_of(lines.begin(), lines.end(), [](const ChartLine &line) { return !line.p90.isEmpty(); });
}

double ChartFigure::minimum() const
{
    double low = 0; // axes start at zero unless a value is negative
    for (const ChartLine &line : lines) {
        for (const QList<QPointF> *points : {&line.baseline, &line.scenario, &line.p10, &line.p90}) {
            for (const QPointF &p : *points)
                low = std::min(low, p.y());
        }
    }
    return low;
}

double ChartFigure::maximum() const
{
    double high = 0;
    for (const ChartLine &line : lines) {
        for (const QList<QPointF> *points : {&line.baseline, &line.scenario, &line.p10, &line.p90}) {
            for (const QPointF &p : *points)
                high = std::max(high, p.y());
        }
    }
    for (const ChartTarget &target : targets)
        high = std::max(high, target.value);
    return high;
}

QByteArray ChartFigure::toCsv() const
{
    const bool band = hasBand();
    QString csv = QStringLiteral("year,region,baseline,scenario");
    if (band)
        csv += QStringLiteral(",p10,p90");
    csv += u'\n';
    const auto valueAt = [](const QList<QPointF> &points, int year) {
        for (const QPointF &p : points) {
            if (static_cast<int>(p.x()) == year)
                return p.y();
        }
        return std::nan("");
    };
    for (const ChartLine &line : lines) {
        for (int year = firstYear; year <= lastYear; ++year) {
            csv += QString::number(year) + u',' + line.regionId + u',' + csvNumber(valueAt(line.baseline, year)) +
                u',' + csvNumber(valueAt(line.scenario, year));
            if (band)
                csv += u',' + csvNumber(valueAt(line.p10, year)) + u',' + csvNumber(valueAt(line.p90, year));
            csv += u'\n';
        }
    }
    return csv.toUtf8();
}

QString ChartFigure::citation() const
{
    return tr("%1, “%2” (%3), scenario “%4”; knowledge base %5. Underlying sources: %6")
        .arg(
            modelVersion, title, unit, scenarioName, kbVersion,
            sources.isEmpty() ? tr("none beyond the model's own assumptions") : [this] {
                QStringList ids;
                for (const ChartSource &s : sources)
                    ids.append(s.id);
                return ids.join(QStringLiteral(", "));
            }());
}

QByteArray ChartFigure::metadataJson() const
{
    QJsonArray regionArray;
    for (const ChartLine &line : lines)
        regionArray.append(QJsonObject {{QStringLiteral("id"), line.regionId}, {QStringLiteral("name"), line.name}});
    QJsonArray leverArray;
    for (const ChartLever &lever : levers)
        leverArray.append(QJsonObject {{QStringLiteral("id"), lever.id},
                                       {QStringLiteral("label"), lever.label},
                                       {QStringLiteral("unit"), lever.unit},
                                       {QStringLiteral("value"), lever.value},
                                       {QStringLiteral("baseline"), lever.baseline},
                                       {QStringLiteral("changed"), lever.value != lever.baseline}});
    QJsonArray sourceArray;
    for (const ChartSource &s : sources)
        sourceArray.append(QJsonObject {{QStringLiteral("id"), s.id},
                                        {QStringLiteral("title"), s.title},
                                        {QStringLiteral("publisher"), s.publisher},
                                        {QStringLiteral("published"), s.published},
                                        {QStringLiteral("url"), s.url},
                                        {QStringLiteral("reliability"), s.reliability}});
    QJsonArray targetArray;
    for (const ChartTarget &t : targets)
        targetArray.append(QJsonObject {{QStringLiteral("name"), t.name},
                                        {QStringLiteral("region"), t.regionId},
                                        {QStringLiteral("year"), t.year},
                                        {QStringLiteral("value"), t.value},
                                        {QStringLiteral("source"), t.sourceId},
                                        {QStringLiteral("quote"), t.quote}});
    const QJsonObject root {
        {QStringLiteral("title"), title},
        {QStringLiteral("unit"), unit},
        {QStringLiteral("metric"), request.metric},
        {QStringLiteral("segment"), request.segment},
        {QStringLiteral("company"), request.company},
        {QStringLiteral("regions"), regionArray},
        {QStringLiteral("columns"),
         QStringLiteral("year,region,baseline,scenario%1")
             .arg(hasBand() ? QStringLiteral(",p10,p90 (Monte Carlo quantiles)") : QString())},
        {QStringLiteral("scenario"),
         QJsonObject {{QStringLiteral("name"), scenarioName},
                      {QStringLiteral("description"), scenarioDescription},
                      {QStringLiteral("levers"), leverArray}}},
        {QStringLiteral("model"), modelVersion},
        {QStringLiteral("knowledgeBase"), kbVersion},
        {QStringLiteral("targets"), targetArray},
        {QStringLiteral("sources"), sourceArray},
        {QStringLiteral("citation"), citation()},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Expected<ChartFigure> buildChartFigure(const AppContext &context, const ChartRequest &request, const Results &baseline,
                                       const Results &scenarioResults, const Scenario &scenario)
{
    const ModelEngine &engine = context.modelEngine();
    const KnowledgeBase &kb = context.knowledgeBase();
    if (request.regions.isEmpty() && request.company.isEmpty())
        return Status::failure(QStringLiteral("no region chosen (e.g. CN, US or WORLD)"));
    const ResolvedChart resolved = resolveChart(engine, request);
    if (!resolved.problems.isEmpty())
        return Status::failure(resolved.problems.join(QStringLiteral("; ")));
    if (resolved.lines.isEmpty())
        return Status::failure(resolved.missing.join(QStringLiteral("; ")));
    if (!baseline.isValid() || !scenarioResults.isValid())
        return Status::failure(QStringLiteral("the model has not run yet"));
    const MetricInfo &info = metricInfo(*resolved.metric);

    ChartFigure figure;
    figure.request = request;
    figure.title = info.label;
    if (!request.segment.isEmpty())
        figure.title += QStringLiteral(" — ") + namesFrom(kb, QStringLiteral("segments")).value(request.segment);
    if (!request.company.isEmpty())
        figure.title += QStringLiteral(" — ") + namesFrom(kb, QStringLiteral("companies")).value(request.company);
    figure.unit = info.unit;
    figure.decimals = info.decimals;
    figure.scenarioName = scenarioDisplayName(scenario);
    figure.scenarioDescription = scenario.description;
    figure.subtitle = tr("Scenario “%1” (solid) vs baseline (dashed), %2").arg(figure.scenarioName, info.unit);
    figure.firstYear = baseline.layout().firstYear();
    figure.lastYear = baseline.layout().lastYear();

    QHash<QString, QString> regionNames;
    for (const KnowledgeBase::Region &region : kb.regions())
        regionNames.insert(region.id, region.name);
    regionNames.insert(world, tr("World"));
    for (const ChartLineRef &ref : resolved.lines) {
        ChartLine line;
        line.regionId = ref.regionId;
        line.name = request.company.isEmpty()
            ? regionNames.value(ref.regionId, ref.regionId)
            : namesFrom(kb, QStringLiteral("companies")).value(request.company, request.company);
        line.color = chartRegionColor(ref.regionId);
        line.baseline = seriesPoints(baseline, ref.series, info.displayScale);
        line.scenario = seriesPoints(scenarioResults, ref.series, info.displayScale);
        line.p10 = seriesPoints(scenarioResults, ref.series, info.displayScale, 0);
        line.p90 = seriesPoints(scenarioResults, ref.series, info.displayScale, 2);
        figure.lines.append(line);
    }
    figure.targets = chartTargets(kb, *resolved.metric, request.regions, request.segment);

    for (const Lever &lever : engine.levers().levers())
        figure.levers.append({lever.id, lever.label, lever.unit, scenario.leverValue(lever), lever.baseline});

    QStringList sourceIds = sourcesMoving(engine, resolved.lines);
    for (const ChartTarget &target : std::as_const(figure.targets))
        sourceIds.append(target.sourceId);
    figure.sources = sourceRows(kb, sourceIds);
    figure.sourceLine = sourceLineOf(figure.sources);
    figure.modelVersion =
        QStringLiteral("TechRace %1")
            .arg(QCoreApplication::applicationVersion().isEmpty() ? QStringLiteral(TECHRACE_VERSION)
                                                                  : QCoreApplication::applicationVersion());
    figure.kbVersion = kbVersionOf(kb);
    return figure;
}

QString metadataPathFor(const QString &csvPath)
{
    const QFileInfo info(csvPath);
    QString base = info.fileName();
    if (base.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        base.chop(4);
    return info.dir().filePath(base + QStringLiteral(".metadata.json"));
}

Status exportChartData(const ChartFigure &figure, const QString &csvPath)
{
    if (Status ok = checkExportTarget(csvPath); !ok)
        return ok;
    return writeFilesAtomically({{csvPath, figure.toCsv()}, {metadataPathFor(csvPath), figure.metadataJson()}});
}

} // namespace techrace
