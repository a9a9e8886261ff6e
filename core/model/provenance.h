#pragma once

#include "model/analysis.h"

#include <QString>

#include <vector>

namespace techrace {

/** One input that moves an output: its value now, the output over the input's range, and where it comes from. */
struct ProvenanceInput
{
    QString id; // lever id or parameter id
    QString label;
    bool isLever = false;
    double value = 0; // in the scenario (a lever) or the engine (a parameter)
    double lowInput = 0;
    double highInput = 0;
    double outputAtLow = 0;
    double outputAtHigh = 0;
    QString source; // "table:row … [source_id] "quote""
};

/**
 * Where one output value comes from: its equation (docs/MODEL.md), every input that moves it, largest swing first,
 * and the KB rows and sources behind them. `techrace explain` prints text(); the workbench's charts show the same.
 */
struct Provenance
{
    OutputRef output;
    QString outputText; // "self_sufficiency CN 2030"
    double value = 0;
    QString equation;
    std::vector<ProvenanceInput> inputs;

    /** The text `techrace explain` prints, ending in a newline. */
    [[nodiscard]] QString text() const;
};

/** The equation behind a metric as docs/MODEL.md states it ("M5: …"), or empty for an unknown metric. */
QString equationOf(const QString &metric);
/** "metric region [segment] [company] year", the world when the region is empty. */
QString describeOutput(const OutputRef &output);
/** Runs the scenario and a tornado over every lever and parameter (a few hundred runs). Thread-safe. */
Expected<Provenance> explainOutput(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output);

} // namespace techrace
