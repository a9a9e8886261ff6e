#pragma once

#include "model/fundingprojection.h"
#include "model/levers.h"
#include "model/modelengine.h"
#include "model/results.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace techrace {

/** Parameter and lever positions resolved once; -1 = the KB has no such row (the table's value is then 0). */
struct ParameterIndex
{
    // Scalars (required).
    int utilisation = -1, momentumYears = -1, subsidyLeverage = -1, subsidyLag = -1, subsidyDuration = -1;
    int shrinkPerYear = -1, duvFloorNm = -1, duvYieldPenalty = -1, duvCostPenalty = -1, rapidusFirstNm = -1,
        upgradeRate = -1;
    int aiAdditions2024 = -1, aiGrowthHistory = -1, aiLifetime = -1, aiH100ePerWafer = -1, aiNodeReferenceNm = -1;
    int aiNodePerfExponent = -1, aiMaxLogicFraction = -1, aiCnLogicFraction = -1, aiH100ePerHbmWafer = -1,
        hbmBitGrowth = -1;
    int controlsFirstYear = -1, priceElasticity = -1, cnToolDependency = -1, servicingLoss = -1;
    int mineralDependency = -1, legacyCurbFirstYear = -1, hbmControlFirstYear = -1, mandateFirstYear = -1;
    int revenueShareFirstYear = -1;
    // Per region.
    std::vector<int> valueFactor, capacity2025, growthHistory, demandShare, aiDemandShare, costMultiplier,
        packaging2025, bestNm2025, allyWeight;
    // Per region × fab segment (region-major), per fab segment.
    std::vector<int> mix, value, capex, subsidySplit;
};

struct LeverIndex
{
    int aiChipControl = -1, h200RevenueShare = -1, euvControl = -1, duvControl = -1, servicingControl = -1;
    int hbmControl = -1, alliedAlignment = -1, leakage = -1;
    int mineralBan = -1, mineralBanYear = -1, legacyChipCurb = -1, domesticMandate = -1;
    int taiwanSeverity = -1, taiwanYear = -1, taiwanDuration = -1, cnEuvYear = -1, rapidus2nmYear = -1;
    int aiDemandGrowth = -1, chipDemandGrowth = -1, learningRate = -1;
};

/** A state programme's money, spread evenly over its disbursement years, split over fab segments. */
struct SubsidyProgramme
{
    int region = 0;
    int lever = 0;
    int startYear = 0;
    int endYear = 0; // 0: the default duration applies
    double amountUsd = 0;
    std::vector<double> split; // per fab segment, sums to 1; empty: the default split
};

/** A company's share of a region's production in a segment (parameter company.<id>.<segment>.<region>). */
struct CompanyShare
{
    int company = 0;
    int fab = 0; // fab segment index
    int region = 0;
    int parameter = 0;
};

/** Everything KB-derived the run needs, computed once in ModelEngine::create. */
struct ModelInputs
{
    LeverRegistry levers;
    std::vector<ModelParameter> parameters;
    QHash<QString, int> parameterIndex;
    QStringList regions, segments, companies;
    std::shared_ptr<ResultLayout> layout;

    int regionCount = 0;
    int cn = -1, us = -1, tw = -1, jp = -1;
    std::vector<int> fabSegments; // segment indices of the wafer-fab segments (logic, memory), KB order
    std::vector<double> fabMaxNm; // per fab segment: the segment's max_nm (0 = no node limit)
    std::vector<int> logicCoarser; // per fab segment: the next coarser logic fab segment (-1 none)
    int fabLeading = -1, fabAdvanced = -1, fabMainstream = -1, fabMature = -1, fabHbm = -1; // fab indices
    int segAi = -1, segPackaging = -1; // segment indices
    std::vector<int> companyHq; // region index per company
    std::vector<CompanyShare> companyShares;
    std::vector<SubsidyProgramme> subsidies;
    std::vector<FundingCommitment> commitments; // equation F1
    ParameterIndex p;
    LeverIndex l;

    // Series indices written by the run: [metric][region + 1 (0 = world)][fab segment + 1 (0 = all)].
    struct SeriesGrid
    {
        std::vector<int> index;
        int regions = 0;
        int segments = 0;
        [[nodiscard]] int at(int region, int segment) const { return index[(region + 1) * segments + segment + 1]; }
    };
    SeriesGrid capacity, capacityShare, production, consumption, netExports, selfSufficiency, marketShare,
        marketShareCn;
    std::vector<int> aiProduction, aiConsumption, aiNetExports, aiMarketShare, aiMarketShareCn; // region + 1
    std::vector<int> packagingCapacity, packagingShare; // region + 1
    std::vector<int> aiInstalled, aiShare, aiAdditions, aiImports, bestNode, stateFunding; // region + 1
    std::vector<int> companyMarketShare; // per CompanyShare's (company, fab) pair: see create()
    std::vector<std::pair<int, int>> companySeries; // (company, fab) for each companyMarketShare entry
};

} // namespace techrace
