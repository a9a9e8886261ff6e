#pragma once

#include "kb/knowledgebase.h"
#include "model/levers.h"
#include "model/results.h"
#include "model/scenario.h"
#include "status.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace techrace {

/** One model parameter as the KB states it (table parameters): central value, range, unit and source. */
struct ModelParameter
{
    QString id;
    QString name;
    double value = 0;
    double low = 0;
    double high = 0;
    QString unit;
    QString description;
    QString derivation;
    QString sourceId;
    QString quote;
};

struct ModelInputs;

/**
 * The TechRace model: yearly steps 2015–2040 over the KB's regions, segments and companies (docs/MODEL.md states
 * every equation). Built once from a knowledge base; everything KB-derived is precomputed into plain arrays, so a
 * run is a few thousand arithmetic operations with one allocation (the Results buffer).
 *
 * How a GUI uses it:
 *   auto engine = ModelEngine::create(kb);                 // once, at start-up (reads the KB, ~ms)
 *   const LeverRegistry &levers = engine->levers();         // build the levers panel from it
 *   Scenario scenario;                                      // or Scenario::load / Scenario::preset
 *   scenario.setLever(levers, "ai_chip_control", 1.0);      // on every slider move …
 *   Results r = engine->run(scenario);                      // … run synchronously: well under 1 ms
 *   r.value("self_sufficiency", "CN", "", "", 2030);        // or r.series(layout.find(...)) for a chart
 * The engine is immutable after create(): copies are cheap (shared) and run() may be called from any thread.
 * Uncertainty, tornado, goal seek and wedges live in model/analysis.h and reuse runWith().
 */
class ModelEngine
{
public:
    static constexpr int firstYear = 2015;
    static constexpr int lastYear = 2040;

    static Expected<ModelEngine> create(const KnowledgeBase &kb);

    [[nodiscard]] const LeverRegistry &levers() const;
    [[nodiscard]] const std::vector<ModelParameter> &parameters() const;
    [[nodiscard]] int parameterIndex(const QString &id) const;
    [[nodiscard]] std::vector<double> parameterValues() const; // central values, in parameters() order
    [[nodiscard]] std::shared_ptr<const ResultLayout> layout() const;
    [[nodiscard]] const QStringList &regions() const;
    [[nodiscard]] const QStringList &segments() const;
    [[nodiscard]] const QStringList &companies() const;

    [[nodiscard]] Results run(const Scenario &scenario) const;
    [[nodiscard]] Results baseline() const { return run(Scenario()); }
    /**
     * The inner loop: lever values in registry order, parameter values in parameters() order; writes every series
     * of `out` (which must come from this engine's layout()). No allocation when `out` is reused.
     */
    void runWith(const double *leverValues, const double *parameterValues, Results &out) const;
    [[nodiscard]] Results makeResults() const { return Results(layout()); }

private:
    explicit ModelEngine(std::shared_ptr<const ModelInputs> inputs)
        : m_inputs(std::move(inputs))
    { }
    std::shared_ptr<const ModelInputs> m_inputs;
};

} // namespace techrace
