#include "appcontext.h"
#include "chart/chartfigure.h"
#include "chart/chartpainter.h"
#include "cli/commands.h"
#include "cli/modelcli.h"
#include "cli/output.h"
#include "fundingcontroller.h"
#include "map/mapcontroller.h"
#include "map/mapexport.h"
#include "map/mapsources.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace techrace::cli {

namespace {

/** --size WIDTHxHEIGHT, or `fallback` when not given. */
std::optional<QSize> sizeOption(const QCommandLineParser &parser, QSize fallback)
{
    if (!parser.isSet(QStringLiteral("size")))
        return fallback;
    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto size = sizePattern.match(parser.value(QStringLiteral("size")));
    if (!size.hasMatch())
        return std::nullopt;
    return QSize(size.captured(1).toInt(), size.captured(2).toInt());
}

int exportMapCommand(QCommandLineParser &parser, const ScenarioOptions &scenarioOptions, const GlobalOptions &options)
{
    const QString format = parser.value(QStringLiteral("format"));
    const auto exportFormat = exportFormatFromString(format);
    if (!exportFormat) {
        err() << "techrace export map: --format must be png, svg or pdf, not \"" << format << "\"" << Qt::endl;
        return 2;
    }
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        err() << "techrace export map: --out FILE is required" << Qt::endl;
        return 2;
    }
    bool yearOk = false;
    const int year = parser.value(QStringLiteral("year")).toInt(&yearOk);
    if (!yearOk) {
        err() << "techrace export map: --year expects a year, e.g. 2030" << Qt::endl;
        return 2;
    }
    const auto mode = MapController::modeFromString(parser.value(QStringLiteral("mode")));
    if (!mode) {
        err() << "techrace export map: --mode must be baseline, scenario or difference" << Qt::endl;
        return 2;
    }
    const auto size = sizeOption(parser, QSize(1600, 900));
    if (!size) {
        err() << "techrace export map: --size expects WIDTHxHEIGHT, e.g. 1600x900" << Qt::endl;
        return 2;
    }

    const auto opened = openScenario(parser, scenarioOptions, options, QStringLiteral("techrace export map"));
    if (!opened)
        return 1;
    const auto &[context, scenario] = *opened;
    // The funding series keeps its default lever state; the model's series show the chosen scenario.
    FundingController funding(context);
    MapController map(context);
    addFundingSeries(map, funding);
    const ModelEngine &engine = context->modelEngine();
    const Results baseline = engine.baseline();
    const Results scenarioRun = engine.run(scenario);
    addModelSeries(map, *context, [&](SeriesRun run) -> const Results & {
        return run == SeriesRun::Baseline ? baseline : scenarioRun;
    });

    MapRequest request;
    request.metricId = parser.value(QStringLiteral("metric"));
    request.year = year;
    request.mode = *mode;
    request.arrows = !parser.isSet(QStringLiteral("no-arrows"));
    auto frame = map.frame(request);
    if (!frame) {
        err() << "techrace export map: " << frame.message() << Qt::endl;
        return 2;
    }
    const Status written = exportMap(map.painter(), frame.value(), *exportFormat, outPath, *size);
    if (!written) {
        err() << "techrace export map: " << written.message() << Qt::endl;
        return 1;
    }
    out() << "Wrote " << outPath << Qt::endl;
    return 0;
}

/** `export chart` and `export data`: the same figure (chart/chartfigure.h) drawn, or its numbers as CSV. */
int exportChartCommand(const QString &what, QCommandLineParser &parser, const ScenarioOptions &scenarioOptions,
                       const GlobalOptions &options)
{
    const QString command = QStringLiteral("techrace export ") + what;
    const bool picture = what == QLatin1String("chart");
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty()) {
        err() << command << ": --out FILE is required" << Qt::endl;
        return 2;
    }
    if (!parser.isSet(QStringLiteral("metric"))) {
        err() << command << ": --metric is required, one of " << metricIds().join(QStringLiteral(", ")) << Qt::endl;
        return 2;
    }
    if (!parser.isSet(QStringLiteral("region")) && !parser.isSet(QStringLiteral("company"))) {
        err() << command << ": --region is required, e.g. CN or CN,US,WORLD" << Qt::endl;
        return 2;
    }
    PictureSpec spec;
    if (picture) {
        const QString format = parser.value(QStringLiteral("format"));
        const auto exportFormat = exportFormatFromString(format);
        if (!exportFormat) {
            err() << command << ": --format must be png, svg or pdf, not \"" << format << "\"" << Qt::endl;
            return 2;
        }
        spec.format = *exportFormat;
        const auto size = sizeOption(parser, defaultChartSize);
        if (!size) {
            err() << command << ": --size expects WIDTHxHEIGHT, e.g. 1200x675" << Qt::endl;
            return 2;
        }
        spec.size = *size;
        bool scaleOk = false;
        spec.scale = parser.value(QStringLiteral("scale")).toDouble(&scaleOk);
        if (!scaleOk) {
            err() << command << ": --scale expects a number, e.g. 2" << Qt::endl;
            return 2;
        }
        if (Status ok = checkPictureSpec(spec); !ok) {
            err() << command << ": " << ok.message() << Qt::endl;
            return 2;
        }
    }
    int draws = 0;
    if (parser.isSet(QStringLiteral("uncertainty"))) {
        bool ok = false;
        draws = parser.value(QStringLiteral("uncertainty")).toInt(&ok);
        if (!ok || draws < 2 || draws > Uncertainty::maxDraws) {
            err() << command << ": --uncertainty expects a number of draws, 2 to " << Uncertainty::maxDraws << Qt::endl;
            return 2;
        }
    }

    const auto opened = openScenario(parser, scenarioOptions, options, command);
    if (!opened)
        return 1;
    const auto &[context, scenario] = *opened;
    const ModelEngine &engine = context->modelEngine();
    ChartRequest request;
    request.metric = parser.value(QStringLiteral("metric"));
    request.regions = parser.value(QStringLiteral("region")).split(u',', Qt::SkipEmptyParts);
    for (QString &region : request.regions)
        region = region.trimmed();
    request.segment = parser.value(QStringLiteral("segment"));
    request.company = parser.value(QStringLiteral("company"));
    const ResolvedChart resolved = resolveChart(engine, request);
    if (!resolved.problems.isEmpty() || !resolved.missing.isEmpty()) {
        err() << command << ": " << (resolved.problems + resolved.missing).join(QStringLiteral("; ")) << Qt::endl;
        return 2;
    }
    Results scenarioRun = engine.run(scenario);
    if (draws > 0) {
        quint32 seed = scenario.seed;
        if (parser.isSet(QStringLiteral("seed"))) {
            bool ok = false;
            seed = parser.value(QStringLiteral("seed")).toUInt(&ok);
            if (!ok) {
                err() << command << ": --seed expects an integer 0 to 4294967295" << Qt::endl;
                return 2;
            }
        }
        std::vector<int> series;
        for (const ChartLineRef &line : resolved.lines)
            series.push_back(line.series);
        auto withBand = Uncertainty::run(engine, scenario, draws, seed, 0, series);
        if (!withBand) {
            err() << command << ": --uncertainty: " << withBand.message() << Qt::endl;
            return 1;
        }
        scenarioRun = std::move(withBand).value();
    }
    const auto figure = buildChartFigure(*context, request, engine.baseline(), scenarioRun, scenario);
    if (!figure) {
        err() << command << ": " << figure.message() << Qt::endl;
        return 2;
    }
    Status written;
    if (picture) {
        written = exportChart(figure.value(), spec.format, outPath, spec.size, spec.scale);
    } else {
        written = exportChartData(figure.value(), outPath);
    }
    if (!written) {
        err() << command << ": " << written.message() << Qt::endl;
        return 1;
    }
    out() << "Wrote " << outPath;
    if (!picture)
        out() << " and " << metadataPathFor(outPath);
    out() << Qt::endl;
    return 0;
}

} // namespace

int runExportCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export pictures and data without a display.\n\n"
                       "  map    the world map of a metric in a year (as the Map page)\n"
                       "  chart  a metric over the years for some regions, baseline dashed and scenario solid (as the "
                       "Charts page)\n"
                       "  data   the numbers behind a chart as CSV, with FILE.metadata.json beside it (scenario, "
                       "levers, model and KB versions, sources, citation)"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("map, chart or data"));
    parser.addOptions({
        {QStringLiteral("metric"),
         QStringLiteral("Metric id. map: e.g. model.self_sufficiency or model.capacity_share.leading_logic "
                        "(default funding.cumulative_state); chart, data: e.g. self_sufficiency."),
         QStringLiteral("id"), QStringLiteral("funding.cumulative_state")},
        {QStringLiteral("year"), QStringLiteral("Year to show."), QStringLiteral("year"), QStringLiteral("2026")},
        {QStringLiteral("mode"), QStringLiteral("baseline, scenario (default) or difference."), QStringLiteral("mode"),
         QStringLiteral("scenario")},
        {QStringLiteral("format"), QStringLiteral("png (default), svg or pdf."), QStringLiteral("format"),
         QStringLiteral("png")},
        {QStringLiteral("out"), QStringLiteral("File to write (replaced atomically)."), QStringLiteral("file")},
        {QStringLiteral("size"),
         QStringLiteral("Picture size in pixels (PDF: points); map default 1600x900, chart default 1200x675."),
         QStringLiteral("WxH")},
        {QStringLiteral("scale"),
         QStringLiteral("chart, png: pixels per size unit, e.g. 2 for a 2x image (default 1)."),
         QStringLiteral("factor"), QStringLiteral("1")},
        {QStringLiteral("region"),
         QStringLiteral("chart, data: region codes, comma-separated (US CN TW KR JP EU IN CA "
                        "ROW WORLD)."),
         QStringLiteral("codes")},
        {QStringLiteral("segment"), QStringLiteral("chart, data: segment id, e.g. leading_logic (default: all)."),
         QStringLiteral("id")},
        {QStringLiteral("company"), QStringLiteral("chart, data: company id, e.g. tsmc."), QStringLiteral("id")},
        {QStringLiteral("uncertainty"),
         QStringLiteral("chart, data: Monte Carlo draws for a p10-p90 band (e.g. 200; default none)."),
         QStringLiteral("draws")},
        {QStringLiteral("seed"),
         QStringLiteral("chart, data: random seed for --uncertainty (default: the scenario's)."),
         QStringLiteral("seed")},
        {QStringLiteral("no-arrows"), QStringLiteral("Leave out the arrows of export controls and countermeasures.")},
    });
    ScenarioOptions scenarioOptions;
    scenarioOptions.addTo(parser);
    if (!parser.parse(args)) {
        err() << "techrace export: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QString what = parser.positionalArguments().value(0);
    if (what == QLatin1String("chart") || what == QLatin1String("data"))
        return exportChartCommand(what, parser, scenarioOptions, options);
    if (what != QLatin1String("map")) {
        err() << "techrace export: expected what to export (map, chart or data), got \"" << what << "\"" << Qt::endl;
        return 2;
    }
    return exportMapCommand(parser, scenarioOptions, options);
}

} // namespace techrace::cli
