#include "appcontext.h"
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
    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto size = sizePattern.match(parser.value(QStringLiteral("size")));
    if (!size.hasMatch()) {
        err() << "techrace export map: --size expects WIDTHxHEIGHT, e.g. 1600x900" << Qt::endl;
        return 2;
    }

    const auto context = openModel(options);
    if (!context)
        return 1;
    auto scenario = scenarioOptions.load(parser, context->modelEngine());
    if (!scenario) {
        err() << "techrace export map: " << scenario.message() << Qt::endl;
        return 1;
    }
    // The funding series keeps its default lever state; the model's series show the chosen scenario.
    FundingController funding(context);
    MapController map(context);
    addFundingSeries(map, funding);
    const ModelEngine &engine = context->modelEngine();
    const Results baseline = engine.baseline();
    const Results scenarioRun = engine.run(scenario.value());
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
    const Status written = exportMap(map.painter(), frame.value(), *exportFormat, outPath,
                                     QSize(size.captured(1).toInt(), size.captured(2).toInt()));
    if (!written) {
        err() << "techrace export map: " << written.message() << Qt::endl;
        return 1;
    }
    out() << "Wrote " << outPath << Qt::endl;
    return 0;
}

} // namespace

int runExportCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export pictures without a display.\n\n"
                                                    "  map   the world map of a metric in a year (as the Map page)"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("map"));
    parser.addOptions({
        {QStringLiteral("metric"),
         QStringLiteral("Metric id, e.g. model.self_sufficiency or model.capacity_share.leading_logic (default "
                        "funding.cumulative_state)."),
         QStringLiteral("id"), QStringLiteral("funding.cumulative_state")},
        {QStringLiteral("year"), QStringLiteral("Year to show."), QStringLiteral("year"), QStringLiteral("2026")},
        {QStringLiteral("mode"), QStringLiteral("baseline, scenario (default) or difference."), QStringLiteral("mode"),
         QStringLiteral("scenario")},
        {QStringLiteral("format"), QStringLiteral("png (default), svg or pdf."), QStringLiteral("format"),
         QStringLiteral("png")},
        {QStringLiteral("out"), QStringLiteral("File to write (replaced atomically)."), QStringLiteral("file")},
        {QStringLiteral("size"), QStringLiteral("Picture size in pixels (PDF: points), default 1600x900."),
         QStringLiteral("WxH"), QStringLiteral("1600x900")},
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
    if (what != QLatin1String("map")) {
        err() << "techrace export: expected what to export (map), got \"" << what << "\"" << Qt::endl;
        return 2;
    }
    return exportMapCommand(parser, scenarioOptions, options);
}

} // namespace techrace::cli
