#pragma once

#include <QString>

#include <vector>

namespace techrace {

/**
 * Seed 001's two small calculators, as it writes them (docs/MODEL.md, "Calculators"). The seed's own numbers are
 * illustrative ("not benchmarked"); the functions take any inputs.
 */

/** One fab line in the AI-wafer allocation: monthly wafer capacity and the share of it making AI chips. */
struct FabLine
{
    QString name;
    QString region;
    double minNodeNm = 0;
    double monthlyWafers = 0;
    double aiShare = 0; // 0..1
};

struct FabAllocation
{
    double totalAiWafers = 0; // Σ monthlyWafers × aiShare
    std::vector<double> aiWafers; // per line
    std::vector<double> shareOfAi; // per line: its AI wafers / total
};

/** total_ai_wafers = sum(f.monthly_wafer_capacity * f.ai_chip_allocation_pct for f in fabs) (seed 001). */
FabAllocation allocateAiWafers(const std::vector<FabLine> &lines);
/** The seed's 2027–2029 example fabs (illustrative figures, as the seed says). */
std::vector<FabLine> seedExampleFabs();

struct InferenceEconomics
{
    double tokensPerJoule = 0; // the seed's "tokens per watt": tokens per second ÷ watts
    double kwhPerMillionTokens = 0;
    double costPerMillionTokensUsd = 0; // electricity only
};

/**
 * efficiency = throughput / tdp; watts_per_token = tdp / throughput;
 * kwh_per_million = watts_per_token × 1,000,000 / (3600 × 1000); cost = kwh_per_million × electricity price (seed 001).
 */
InferenceEconomics inferenceEconomics(double tdpWatts, double tokensPerSecond, double usdPerKwh = 0.10);

} // namespace techrace
