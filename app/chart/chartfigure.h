#pragma once

#include "model/results.h"
#include "model/scenario.h"
#include "status.h"

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace techrace {

class AppContext;
class KnowledgeBase;
class ModelEngine;

/** What a chart shows: one metric for some regions ("WORLD" is the world total), optionally one segment/company. */
struct ChartRequest
{
    QString metric; // a metric id, e.g. "self_sufficiency"
    QStringList regions;
    QString segment; // empty: all segments
    QString company; // empty: regions as a whole
};

/** One line of a chart resolved against the model's layout. */
struct ChartLineRef
{
    QString regionId;
    int series = -1;
};

/** A request resolved: the lines the model has, and a readable problem for each part it does not know. */
struct ResolvedChart
{
    std::optional<Metric> metric;
    QList<ChartLineRef> lines;
    QStringList problems; // "unknown region \"XX\" (known: …)"; empty when every id is known
    QStringList missing; // "the model has no … series for region WORLD": known ids the metric has no line for
};

/**
 * The one place that turns a chart request into model series: the Charts page (ChartData), the exports and the
 * command line all use it, so they cannot disagree about which lines a chart has.
 */
ResolvedChart resolveChart(const ModelEngine &engine, const ChartRequest &request);

/** A series in display units (metricInfo's scale), skipping missing years. `quantile` 0/2 reads p10/p90. */
QList<QPointF> seriesPoints(const Results &results, int series, double displayScale, std::optional<int> quantile = {});

/** A target from the knowledge base shown as a marker, in the chart's display units. */
struct ChartTarget
{
    QString name;
    QString regionId;
    double value = 0;
    int year = 0;
    QString sourceId;
    QString quote;
};

/** KB targets comparable with a metric for these regions (and segment): table targets, matched by unit and text. */
QList<ChartTarget> chartTargets(const KnowledgeBase &kb, Metric metric, const QStringList &regions,
                                const QString &segment);

/** A source behind a chart's figures (KB table sources). */
struct ChartSource
{
    QString id;
    QString title;
    QString publisher;
    QString published;
    QString url;
    QString reliability; // A–D
};

/** A lever as the scenario sets it, beside its baseline. */
struct ChartLever
{
    QString id;
    QString label;
    QString unit;
    double value = 0;
    double baseline = 0;
};

struct ChartLine
{
    QString regionId;
    QString name;
    QColor color;
    QList<QPointF> baseline;
    QList<QPointF> scenario;
    QList<QPointF> p10; // empty without uncertainty
    QList<QPointF> p90;
};

/**
 * Everything one chart picture or data export shows, in display units. Built once by buildChartFigure and drawn by
 * ChartPainter; the CSV and its metadata are written from it, so the picture and the numbers agree.
 */
struct ChartFigure
{
    ChartRequest request;
    QString title; // "Self-sufficiency — Leading logic (≤3 nm)"
    QString unit; // "%"
    QString subtitle; // "Scenario “Big Fund III doubled” vs baseline"
    QString scenarioName;
    QString scenarioDescription;
    int decimals = 1;
    int firstYear = 0;
    int lastYear = 0;
    QList<ChartLine> lines;
    QList<ChartTarget> targets;
    QList<ChartSource> sources;
    QList<ChartLever> levers; // every lever, scenario value and baseline
    QString sourceLine; // one sentence naming the sources, for the picture
    QString modelVersion; // "TechRace 0.1.0"
    QString kbVersion; // "schema 1, sha256 0123456789ab"

    [[nodiscard]] bool hasBand() const;
    /** The value range the axes must cover: every line, band and target, and zero. */
    [[nodiscard]] double minimum() const;
    [[nodiscard]] double maximum() const;
    /** The data as CSV: year,region,baseline,scenario[,p10,p90], one row per region and year. */
    [[nodiscard]] QByteArray toCsv() const;
    /** The sidecar of the CSV: scenario and levers, model and KB versions, sources, a suggested citation. */
    [[nodiscard]] QByteArray metadataJson() const;
    [[nodiscard]] QString citation() const;
    /** One paragraph for a vector file's description: subtitle and source line. */
    [[nodiscard]] QString description() const { return subtitle + u". " + sourceLine; }
};

/** The colour a region's lines have everywhere (Okabe–Ito, as qml/Theme.qml). */
QColor chartRegionColor(const QString &regionId);

/** The display name of a scenario: its name, or "Baseline" / "Untitled scenario". */
QString scenarioDisplayName(const Scenario &scenario);

/**
 * Builds the figure for `request` from the two runs (the scenario's may carry p10/p90). Fails with a readable message
 * for an unknown metric, region, segment or company, or when the model has no series for any of the regions; a
 * region without a series is left out, as the Charts page leaves it out. The sources are
 * those of every KB parameter and lever that moves one of the chart's lines (found by setting each to its low and
 * high end on the baseline), plus the targets' sources.
 */
Expected<ChartFigure> buildChartFigure(const AppContext &context, const ChartRequest &request, const Results &baseline,
                                       const Results &scenarioResults, const Scenario &scenario);

/** The sources with these ids (KB table sources), sorted by id, each once; unknown ids are left out. */
QList<ChartSource> sourcesById(const KnowledgeBase &kb, QStringList ids);

/** The path of the metadata sidecar of a CSV: "x/data.csv" -> "x/data.metadata.json". */
QString metadataPathFor(const QString &csvPath);

/** Writes the CSV and its metadata sidecar together, atomically (writeFilesAtomically). */
Status exportChartData(const ChartFigure &figure, const QString &csvPath);

} // namespace techrace
