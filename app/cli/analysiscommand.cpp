#include "cli/modelcli.h"
#include "cli/output.h"
#include "export/exportfile.h"
#include "model/calculators.h"
#include "model/calibration.h"
#include "model/provenance.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace techrace::cli {

namespace {

struct Prepared : OpenedScenario
{
    OutputRef output;
};

/** The common start of sensitivity/goalseek/explain/wedges: parse, open, load the scenario, read the output. */
std::optional<Prepared> prepare(QCommandLineParser &parser, ScenarioOptions &scenarioOptions,
                                OutputOptions &outputOptions, const QStringList &args, const GlobalOptions &options,
                                const QString &description, int &exitCode)
{
    scenarioOptions.addTo(parser);
    outputOptions.addTo(parser);
    exitCode = parseCommand(parser, args, description);
    if (exitCode >= 0)
        return std::nullopt;
    auto output = outputOptions.read(parser);
    if (!output) {
        err() << args.value(0) << ": " << output.message() << Qt::endl;
        exitCode = 2;
        return std::nullopt;
    }
    auto opened = openScenario(parser, scenarioOptions, options, args.value(0));
    if (!opened) {
        exitCode = 1;
        return std::nullopt;
    }
    if (auto series = findSeries(opened->context->modelEngine(), output.value()); !series) {
        err() << args.value(0) << ": " << series.message() << Qt::endl;
        exitCode = 2;
        return std::nullopt;
    }
    return Prepared {std::move(*opened), output.value()};
}

/** Wall-clock and process CPU time (all threads) of one task, in milliseconds. */
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

template<typename F> Timing medianTiming(int repeats, F &&task)
{
    std::vector<double> walls, cpus;
    for (int i = 0; i < repeats; ++i) {
        const std::clock_t cpuStart = std::clock();
        QElapsedTimer timer;
        timer.start();
        task();
        walls.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        cpus.push_back(1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    }
    const auto median = [](std::vector<double> &v) {
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    return {median(walls), median(cpus)};
}

template<typename F> double medianMs(int repeats, F &&task)
{
    return medianTiming(repeats, std::forward<F>(task)).wallMs;
}

QString timing(const Timing &t)
{
    return QStringLiteral("%1 ms wall, %2 ms CPU").arg(t.wallMs, 0, 'f', 2).arg(t.cpuMs, 0, 'f', 1);
}

} // namespace

int runCalibrateCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Also write every point as CSV."),
                                       QStringLiteral("file.csv"));
    parser.addOption(outOption);
    if (const int code =
            parseCommand(parser, args,
                         QStringLiteral("Compare the baseline with every observation in the "
                                        "knowledge base: observed vs model per point, and the overall error."));
        code >= 0)
        return code;
    const auto context = openModel(options);
    if (!context)
        return 1;
    auto report = calibrate(context->modelEngine(), context->knowledgeBase());
    if (!report) {
        err() << "techrace calibrate: " << report.message() << Qt::endl;
        return 1;
    }
    out() << qSetFieldWidth(0)
          << "observation                          year  observed        model      error%  fitted\n";
    for (const CalibrationPoint &p : report->points) {
        out() << qSetFieldWidth(36) << Qt::left << p.observationId << qSetFieldWidth(6) << p.year << qSetFieldWidth(14)
              << Qt::right << QString::number(p.observed, 'g', 6) << QString::number(p.model, 'g', 6)
              << qSetFieldWidth(10)
              << (p.observed != 0 ? QString::number(100 * p.error() / p.observed, 'f', 1) : QStringLiteral("-"))
              << qSetFieldWidth(0) << "  " << (p.fitted ? "yes" : "no") << '\n';
    }
    out() << Qt::left << "\npoints: " << report->points.size() << " (" << report->outOfSampleCount << " out of sample; "
          << report->skipped << " observations without a model counterpart)\n"
          << "mean absolute percentage error, all points: " << QString::number(report->mapeAll, 'f', 1) << "%\n"
          << "mean absolute percentage error, out of sample: " << QString::number(report->mapeOutOfSample, 'f', 1)
          << "%\n"
          << "mean absolute error of share points: " << QString::number(report->maePointsPercent, 'f', 1)
          << " percentage points" << Qt::endl;
    if (parser.isSet(outOption)) {
        if (Status s = writeBytesAtomically(parser.value(outOption), report->toCsv()); !s) {
            err() << "techrace calibrate: " << s.message() << Qt::endl;
            return 1;
        }
    }
    return 0;
}

int runSensitivityCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    ScenarioOptions scenarioOptions;
    OutputOptions outputOptions;
    const QCommandLineOption topOption(QStringLiteral("top"), QStringLiteral("Show the N largest bars (default 15)."),
                                       QStringLiteral("N"), QStringLiteral("15"));
    parser.addOption(topOption);
    int code = 0;
    const auto p = prepare(parser, scenarioOptions, outputOptions, args, options,
                           QStringLiteral("Tornado: how far each lever (over its range) and each parameter (over its "
                                          "low..high) moves one output, largest first."),
                           code);
    if (!p)
        return code;
    const ModelEngine &engine = p->context->modelEngine();
    auto bars = tornado(engine, p->scenario, p->output);
    if (!bars) {
        err() << "techrace sensitivity: " << bars.message() << Qt::endl;
        return 1;
    }
    const Results base = engine.run(p->scenario);
    out() << describeOutput(p->output) << " = "
          << *base.value(p->output.metric, p->output.region, p->output.segment, p->output.company, p->output.year)
          << "\ninput,kind,low_input,high_input,output_at_low,output_at_high,swing\n";
    const int top = std::max(1, parser.value(topOption).toInt());
    int shown = 0;
    for (const TornadoBar &bar : bars.value()) {
        if (shown++ >= top)
            break;
        out() << bar.id << ',' << (bar.isLever ? "lever" : "parameter") << ',' << bar.lowInput << ',' << bar.highInput
              << ',' << bar.outputAtLow << ',' << bar.outputAtHigh << ',' << bar.swing() << '\n';
    }
    out().flush();
    return 0;
}

int runGoalSeekCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    ScenarioOptions scenarioOptions;
    OutputOptions outputOptions;
    const QCommandLineOption leverOption(QStringLiteral("lever"), QStringLiteral("The lever to move."),
                                         QStringLiteral("id"));
    const QCommandLineOption targetOption(QStringLiteral("target"), QStringLiteral("The output value to reach."),
                                          QStringLiteral("value"));
    parser.addOptions({leverOption, targetOption});
    int code = 0;
    const auto p = prepare(parser, scenarioOptions, outputOptions, args, options,
                           QStringLiteral("Goal seek: the lever value (within its range) at which the output reaches "
                                          "the target, or \"unreachable\" with the closest value."),
                           code);
    if (!p)
        return code;
    const auto target = numberOption(parser, targetOption);
    if (!target || !parser.isSet(leverOption)) {
        err() << "techrace goalseek: " << (target ? QStringLiteral("--lever is required") : target.message())
              << Qt::endl;
        return 2;
    }
    auto result =
        goalSeek(p->context->modelEngine(), p->scenario, parser.value(leverOption), p->output, target.value());
    if (!result) {
        err() << "techrace goalseek: " << result.message() << Qt::endl;
        return 2;
    }
    const Lever *lever = p->context->modelEngine().levers().find(parser.value(leverOption));
    if (result->reached)
        out() << "reached: " << lever->id << " = " << result->leverValue << " (" << lever->unit << ") gives "
              << describeOutput(p->output) << " = " << result->output << Qt::endl;
    else
        out() << "unreachable: within " << lever->id << " " << lever->min << ".." << lever->max << " the closest is "
              << describeOutput(p->output) << " = " << result->output << " at " << lever->id << " = "
              << result->leverValue << Qt::endl;
    return 0;
}

int runExplainCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    ScenarioOptions scenarioOptions;
    OutputOptions outputOptions;
    int code = 0;
    const auto p = prepare(parser, scenarioOptions, outputOptions, args, options,
                           QStringLiteral("Provenance of one output: its equation, the inputs that move it (with their "
                                          "values) and the KB rows and sources they come from."),
                           code);
    if (!p)
        return code;
    auto provenance = explainOutput(p->context->modelEngine(), p->scenario, p->output);
    if (!provenance) {
        err() << "techrace explain: " << provenance.message() << Qt::endl;
        return 1;
    }
    out() << provenance->text();
    out().flush();
    return 0;
}

int runWedgesCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    ScenarioOptions scenarioOptions;
    OutputOptions outputOptions;
    const QCommandLineOption fromBaselineOption(
        QStringLiteral("from-baseline"),
        QStringLiteral("Split the change from the baseline over the levers the scenario moves, instead of each active "
                       "policy's contribution."));
    parser.addOption(fromBaselineOption);
    int code = 0;
    const auto p = prepare(parser, scenarioOptions, outputOptions, args, options,
                           QStringLiteral("Wedges: each active policy's contribution to one output, from a world "
                                          "without those policies to the scenario (or, with --from-baseline, the "
                                          "change from the baseline lever by lever)."),
                           code);
    if (!p)
        return code;
    const bool fromBaseline = parser.isSet(fromBaselineOption);
    auto result = fromBaseline ? changeFromBaseline(p->context->modelEngine(), p->scenario, p->output)
                               : wedges(p->context->modelEngine(), p->scenario, p->output);
    if (!result) {
        err() << "techrace wedges: " << result.message() << Qt::endl;
        return 1;
    }
    out() << describeOutput(p->output) << '\n'
          << (fromBaseline ? "baseline," : "without active policies,") << result->noPolicyOutput << '\n';
    for (const Wedge &w : result->wedges)
        out() << w.leverId << ',' << w.contribution << '\n';
    out() << "scenario," << result->scenarioOutput << Qt::endl;
    return 0;
}

int runBenchCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    if (const int code = parseCommand(parser, args,
                                      QStringLiteral("Time the model (medians, milliseconds). Wall time "
                                                     "depends on what else the machine runs; CPU time "
                                                     "(all threads) does less."));
        code >= 0)
        return code;
    const auto context = openModel(options);
    if (!context)
        return 1;
    const ModelEngine &engine = context->modelEngine();
    const double createMs = medianMs(5, [&] { (void)ModelEngine::create(context->knowledgeBase()); });
    const Scenario baseline;
    const std::vector<double> levers = baseline.leverValues(engine.levers());
    const std::vector<double> parameters = engine.parameterValues();
    Results reused = engine.makeResults();
    engine.runWith(levers.data(), parameters.data(), reused); // warm-up
    const double runWith = medianMs(501, [&] { engine.runWith(levers.data(), parameters.data(), reused); });
    const double run = medianMs(201, [&] { (void)engine.run(baseline); });
    // A chart's bands: the three headline series (China self-sufficiency, US leading-edge share, China AI share).
    std::vector<int> headline;
    for (const OutputRef &o :
         {OutputRef {QStringLiteral("self_sufficiency"), QStringLiteral("CN"), {}, {}, 2030},
          OutputRef {QStringLiteral("capacity_share"), QStringLiteral("US"), QStringLiteral("leading_logic"), {}, 2032},
          OutputRef {QStringLiteral("ai_compute_share"), QStringLiteral("CN"), {}, {}, 2030}})
        headline.push_back(findSeries(engine, o).value());
    const Timing mc100 = medianTiming(5, [&] { (void)Uncertainty::run(engine, baseline, 100, 1, 2, headline); });
    const Timing mc1000 = medianTiming(5, [&] { (void)Uncertainty::run(engine, baseline, 1000, 1, 2, headline); });
    const Timing mc1000one = medianTiming(3, [&] { (void)Uncertainty::run(engine, baseline, 1000, 1, 1, headline); });
    const Timing mc1000all = medianTiming(3, [&] { (void)Uncertainty::run(engine, baseline, 1000, 1, 2); });
    const OutputRef output {QStringLiteral("self_sufficiency"), QStringLiteral("CN"), {}, {}, 2030};
    const Timing tornadoMs = medianTiming(5, [&] { (void)tornado(engine, baseline, output); });
    const auto bars = tornado(engine, baseline, output);
    out() << "series per run: " << engine.layout()->keys().size() << " x " << engine.layout()->yearCount()
          << " years; levers " << engine.levers().size() << "; uncertain parameters "
          << std::count_if(engine.parameters().begin(), engine.parameters().end(),
                           [](const ModelParameter &p) { return p.low < p.high; })
          << "\nbuild the engine from the KB (once):  " << createMs << " ms (median of 5)"
          << "\none run (runWith, reused buffer):     " << runWith << " ms (median of 501)"
          << "\none run (run(), allocates results):   " << run << " ms (median of 201)"
          << "\nMonte Carlo 100 draws, 2 threads, 3 banded series:   " << timing(mc100) << " (median of 5)"
          << "\nMonte Carlo 1000 draws, 2 threads, 3 banded series:  " << timing(mc1000) << " (median of 5; wall x"
          << mc1000.wallMs / mc100.wallMs << ", CPU x" << mc1000.cpuMs / mc100.cpuMs << " for 10x draws)"
          << "\nMonte Carlo 1000 draws, 1 thread, 3 banded series:   " << timing(mc1000one) << " (median of 3)"
          << "\nMonte Carlo 1000 draws, 2 threads, every series:     " << timing(mc1000all) << " (median of 3)"
          << "\ntornado over all levers+parameters:   " << timing(tornadoMs) << " (" << (bars ? bars->size() : 0)
          << " bars, " << 2 * (bars ? bars->size() : 0) << " runs; median of 5)" << Qt::endl;
    return 0;
}

int runCalcCommand(const QStringList &args, const GlobalOptions &)
{
    QCommandLineParser parser;
    const QCommandLineOption fabOption(
        QStringLiteral("fab"),
        QStringLiteral("fab-allocation: a fab line \"name,region,min_nm,monthly_wafers,ai_share\" "
                       "(repeat; default: seed 001's illustrative example)."),
        QStringLiteral("line"));
    const QCommandLineOption tdpOption(QStringLiteral("tdp"), QStringLiteral("inference: chip power, watts."),
                                       QStringLiteral("W"));
    const QCommandLineOption tpsOption(QStringLiteral("tokens-per-second"), QStringLiteral("inference: throughput."),
                                       QStringLiteral("T"));
    const QCommandLineOption priceOption(QStringLiteral("usd-per-kwh"),
                                         QStringLiteral("inference: electricity price (default 0.10)."),
                                         QStringLiteral("P"), QStringLiteral("0.10"));
    parser.addOptions({fabOption, tdpOption, tpsOption, priceOption});
    parser.setApplicationDescription(
        QStringLiteral("Seed 001's calculators.\n\n  fab-allocation   AI wafers per month across fab lines\n"
                       "  inference        tokens per joule and electricity cost per million tokens"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("calculator"), QStringLiteral("fab-allocation | inference"));
    if (!parser.parse(args)) {
        err() << "techrace calc: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QString which = parser.positionalArguments().value(0);
    if (which == QLatin1String("fab-allocation")) {
        std::vector<FabLine> lines;
        for (const QString &text : parser.values(fabOption)) {
            const QStringList f = text.split(QLatin1Char(','));
            bool ok1 = false, ok2 = false, ok3 = false;
            FabLine line {f.value(0), f.value(1), f.value(2).toDouble(&ok1), f.value(3).toDouble(&ok2),
                          f.value(4).toDouble(&ok3)};
            if (f.size() != 5 || !ok1 || !ok2 || !ok3 || line.monthlyWafers < 0 || line.aiShare < 0 ||
                line.aiShare > 1) {
                err() << "techrace calc: --fab expects \"name,region,min_nm,monthly_wafers,ai_share\" with 0 <= "
                         "ai_share <= 1, got \""
                      << text << "\"" << Qt::endl;
                return 2;
            }
            lines.push_back(line);
        }
        if (lines.empty()) {
            lines = seedExampleFabs();
            out() << "(seed 001's example fabs; its figures are illustrative)\n";
        }
        const FabAllocation a = allocateAiWafers(lines);
        out() << "fab,region,min_nm,monthly_wafers,ai_share,ai_wafers,share_of_ai_wafers\n";
        for (std::size_t i = 0; i < lines.size(); ++i)
            out() << lines[i].name << ',' << lines[i].region << ',' << lines[i].minNodeNm << ','
                  << lines[i].monthlyWafers << ',' << lines[i].aiShare << ',' << a.aiWafers[i] << ',' << a.shareOfAi[i]
                  << '\n';
        out() << "total AI wafers per month," << a.totalAiWafers << Qt::endl;
        return 0;
    }
    if (which == QLatin1String("inference")) {
        const auto tdp = numberOption(parser, tdpOption);
        const auto tps = numberOption(parser, tpsOption);
        const auto price = numberOption(parser, priceOption);
        if (!tdp || !tps || !price || tdp.value() <= 0 || tps.value() <= 0 || price.value() < 0) {
            err() << "techrace calc inference: --tdp and --tokens-per-second must be positive numbers, --usd-per-kwh "
                     "not negative"
                  << Qt::endl;
            return 2;
        }
        const InferenceEconomics e = inferenceEconomics(tdp.value(), tps.value(), price.value());
        out() << "tokens per joule (tokens/s per watt): " << e.tokensPerJoule
              << "\nkWh per million tokens: " << e.kwhPerMillionTokens << "\nelectricity cost per million tokens: $"
              << e.costPerMillionTokensUsd << Qt::endl;
        return 0;
    }
    err() << "techrace calc: expected fab-allocation or inference, got \"" << which << "\"" << Qt::endl;
    return 2;
}

} // namespace techrace::cli
