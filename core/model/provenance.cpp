#include "model/provenance.h"

#include <QHash>

namespace techrace {

namespace {

/** How `techrace explain` always printed numbers (QTextStream's default: 6 significant digits). */
QString number(double value)
{
    return QString::number(value, 'g', 6);
}

QString kbSourceOf(const ModelEngine &engine, const TornadoBar &bar)
{
    const InputSource source = inputSource(engine, bar);
    if (source.kbRows.isEmpty() && source.sourceId.isEmpty())
        return {};
    return QStringLiteral("%1 [%2] \"%3\"").arg(source.kbRows.join(QLatin1Char(' ')), source.sourceId, source.quote);
}

double currentInput(const ModelEngine &engine, const Scenario &scenario, const TornadoBar &bar)
{
    if (bar.isLever)
        return scenario.leverValue(*engine.levers().find(bar.id));
    return engine.parameters()[static_cast<std::size_t>(engine.parameterIndex(bar.id))].value;
}

} // namespace

QString equationOf(const QString &metric)
{
    static const QHash<QString, QString> equations = {
        {QStringLiteral("capacity"),
         QStringLiteral("C1-C3: K(r,s,y) = K(r,s,y-1)*(1+g(r,y)) + leverage*M(r,s,y)/(capex(s)*cost(r)*learning); "
                        "before 2025 K = K2025(r)*mix(r,s)/(1+g_hist(r))^(2025-y)")},
        {QStringLiteral("capacity_share"), QStringLiteral("C5: K(r,s,y) / sum over regions K(r',s,y)")},
        {QStringLiteral("production"),
         QStringLiteral(
             "M1: P(r,s,y) = K(r,s,y)*utilisation*availability(r,s,y), zero where the region cannot make the node; "
             "ai_accelerators: A2-A4")},
        {QStringLiteral("consumption"),
         QStringLiteral("M2-M3: China buys its own output first, imports from permitted suppliers; others share the "
                        "rest by demand share")},
        {QStringLiteral("net_exports"), QStringLiteral("M4: production - consumption")},
        {QStringLiteral("self_sufficiency"),
         QStringLiteral("M5: sum_s value(s)*factor(r)*P(r,s,y) / sum_s value(s)*C(r,s,y)")},
        {QStringLiteral("market_share"),
         QStringLiteral("M6: P(r,s,y) / world production (company: share(c,r,s)*P(r,s,y) / world)")},
        {QStringLiteral("market_share_cn"), QStringLiteral("M3: a supplier's sales into China / China's consumption")},
        {QStringLiteral("ai_compute_h100e"), QStringLiteral("A5: sum of additions over the last lifetime years")},
        {QStringLiteral("ai_compute_share"), QStringLiteral("A5: installed(r) / world installed")},
        {QStringLiteral("ai_compute_additions"),
         QStringLiteral(
             "A4: allocation of min(demand, logic, HBM, packaging) by demand share; China: imports + domestic")},
        {QStringLiteral("ai_chip_imports"),
         QStringLiteral("A4: (1-mandate)*D_cn*((1-control)*(1-revenue_share*elasticity) + control*leakage)")},
        {QStringLiteral("best_node_nm"),
         QStringLiteral("T1: nm2025(r)*shrink^(y-2025); China floored at the DUV limit until domestic EUV; Japan from "
                        "the Rapidus year")},
        {QStringLiteral("state_funding"), QStringLiteral("F1: cumulative announced state funding")},
    };
    return equations.value(metric);
}

QString describeOutput(const OutputRef &o)
{
    QString text = o.metric + QLatin1Char(' ') + (o.region.isEmpty() ? QStringLiteral("world") : o.region);
    if (!o.segment.isEmpty())
        text += QLatin1Char(' ') + o.segment;
    if (!o.company.isEmpty())
        text += QLatin1Char(' ') + o.company;
    return text + QLatin1Char(' ') + QString::number(o.year);
}

Expected<Provenance> explainOutput(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output)
{
    auto series = findSeries(engine, output);
    if (!series)
        return series.status();
    auto bars = tornado(engine, scenario, output);
    if (!bars)
        return bars.status();
    Provenance p;
    p.output = output;
    p.outputText = describeOutput(output);
    p.value = engine.run(scenario).at(series.value(), output.year);
    p.equation = equationOf(output.metric);
    for (const TornadoBar &bar : bars.value()) {
        if (bar.swing() == 0)
            continue;
        p.inputs.push_back({bar.id, bar.label, bar.isLever, currentInput(engine, scenario, bar), bar.lowInput,
                            bar.highInput, bar.outputAtLow, bar.outputAtHigh, kbSourceOf(engine, bar)});
    }
    return p;
}

QString Provenance::text() const
{
    QString text = outputText + QStringLiteral(" = ") + number(value) + QStringLiteral("\nequation: ") + equation +
        QStringLiteral(" (docs/MODEL.md)\ninputs that move it, largest first (value now; output over the input's "
                       "range):\n");
    for (const ProvenanceInput &input : inputs) {
        text += QStringLiteral("  %1 = %2  (%3..%4 -> %5..%6)\n      from %7\n")
                    .arg(input.id, number(input.value), number(input.lowInput), number(input.highInput),
                         number(input.outputAtLow), number(input.outputAtHigh), input.source);
    }
    return text;
}

} // namespace techrace
