#include "model/calculators.h"

namespace techrace {

FabAllocation allocateAiWafers(const std::vector<FabLine> &lines)
{
    FabAllocation result;
    for (const FabLine &line : lines) {
        result.aiWafers.push_back(line.monthlyWafers * line.aiShare);
        result.totalAiWafers += result.aiWafers.back();
    }
    for (double wafers : result.aiWafers)
        result.shareOfAi.push_back(result.totalAiWafers > 0 ? wafers / result.totalAiWafers : 0);
    return result;
}

std::vector<FabLine> seedExampleFabs()
{
    return {
        {QStringLiteral("TSMC Fab 20"), QStringLiteral("Taiwan"), 2.0, 50000, 0.35},
        {QStringLiteral("Samsung Pyeongtaek"), QStringLiteral("South Korea"), 2.0, 30000, 0.25},
        {QStringLiteral("Intel 18A"), QStringLiteral("US/Ireland"), 1.8, 20000, 0.20},
        {QStringLiteral("Rapidus Hokkaido"), QStringLiteral("Japan"), 2.0, 10000, 0.60},
    };
}

InferenceEconomics inferenceEconomics(double tdpWatts, double tokensPerSecond, double usdPerKwh)
{
    InferenceEconomics result;
    if (tdpWatts <= 0 || tokensPerSecond <= 0)
        return result;
    result.tokensPerJoule = tokensPerSecond / tdpWatts;
    const double joulesPerToken = tdpWatts / tokensPerSecond;
    result.kwhPerMillionTokens = joulesPerToken * 1'000'000 / (3600.0 * 1000.0);
    result.costPerMillionTokensUsd = result.kwhPerMillionTokens * usdPerKwh;
    return result;
}

} // namespace techrace
