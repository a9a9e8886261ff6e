#include "model/modelengine.h"

#include "model/fundingmodel.h"
#include "model/modelinputs.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace techrace {

namespace {

constexpr int anchorYear = 2025; // the last year with observed capacity by region (SEMI): history is anchored on it
constexpr int yearCount = ModelEngine::lastYear - ModelEngine::firstYear + 1;
constexpr int anchor = anchorYear - ModelEngine::firstYear;
constexpr double million = 1e6;

struct SegmentRow
{
    QString id;
    QString category;
    double maxNm = 0;
};

Expected<QList<SegmentRow>> readSegments(const KnowledgeBase &kb)
{
    auto stmt = kb.database().prepare(
        QStringLiteral("SELECT id, category, coalesce(max_nm, 0) FROM segments ORDER BY sort_order"));
    if (!stmt)
        return stmt.status();
    QList<SegmentRow> rows;
    while (stmt->step() == SqliteStatement::Step::Row)
        rows.append({stmt->text(0), stmt->text(1), stmt->real(2)});
    return rows;
}

Expected<std::vector<ModelParameter>> readParameters(const KnowledgeBase &kb)
{
    auto stmt = kb.database().prepare(
        QStringLiteral("SELECT id, name, value, low, high, unit, description, derivation, source_id, quote "
                       "FROM parameters WHERE id NOT LIKE 'lever.%' AND id NOT LIKE 'fx.%' ORDER BY id"));
    if (!stmt)
        return stmt.status();
    std::vector<ModelParameter> rows;
    while (stmt->step() == SqliteStatement::Step::Row) {
        rows.push_back({stmt->text(0), stmt->text(1), stmt->real(2), stmt->real(3), stmt->real(4), stmt->text(5),
                        stmt->text(6), stmt->text(7), stmt->text(8), stmt->text(9)});
    }
    return rows;
}

/** Builds the series layout and fills the index tables the run writes through. */
void buildLayout(ModelInputs &in)
{
    in.layout = std::make_shared<ResultLayout>(ModelEngine::firstYear, ModelEngine::lastYear, in.regions, in.segments,
                                               in.companies);
    ResultLayout &layout = *in.layout;
    const int regions = in.regionCount;
    const int fabs = static_cast<int>(in.fabSegments.size());
    const auto grid = [&](Metric metric, bool allSegments, bool world) {
        ModelInputs::SeriesGrid g;
        g.regions = regions + 1;
        g.segments = fabs + 1;
        g.index.assign(static_cast<std::size_t>(g.regions * g.segments), -1);
        for (int r = world ? -1 : 0; r < regions; ++r) {
            for (int f = allSegments ? -1 : 0; f < fabs; ++f) {
                const int segment = f < 0 ? -1 : in.fabSegments[static_cast<std::size_t>(f)];
                g.index[static_cast<std::size_t>((r + 1) * g.segments + f + 1)] = layout.add({metric, r, segment, -1});
            }
        }
        return g;
    };
    const auto perRegion = [&](Metric metric, int segment, bool world) {
        std::vector<int> index(static_cast<std::size_t>(regions + 1), -1);
        for (int r = world ? -1 : 0; r < regions; ++r)
            index[static_cast<std::size_t>(r + 1)] = layout.add({metric, r, segment, -1});
        return index;
    };
    in.capacity = grid(Metric::Capacity, true, true);
    in.capacityShare = grid(Metric::CapacityShare, true, false);
    in.packagingCapacity = perRegion(Metric::Capacity, in.segPackaging, true);
    in.packagingShare = perRegion(Metric::CapacityShare, in.segPackaging, false);
    in.production = grid(Metric::Production, false, true);
    in.aiProduction = perRegion(Metric::Production, in.segAi, true);
    in.consumption = grid(Metric::Consumption, false, true);
    in.aiConsumption = perRegion(Metric::Consumption, in.segAi, true);
    in.netExports = grid(Metric::NetExports, false, false);
    in.aiNetExports = perRegion(Metric::NetExports, in.segAi, false);
    in.selfSufficiency = grid(Metric::SelfSufficiency, true, false);
    in.marketShare = grid(Metric::MarketShare, false, false);
    in.aiMarketShare = perRegion(Metric::MarketShare, in.segAi, false);
    in.marketShareCn = grid(Metric::MarketShareCn, false, false);
    in.aiMarketShareCn = perRegion(Metric::MarketShareCn, in.segAi, false);
    in.aiInstalled = perRegion(Metric::AiComputeH100e, -1, true);
    in.aiShare = perRegion(Metric::AiComputeShare, -1, false);
    in.aiAdditions = perRegion(Metric::AiComputeAdditions, -1, true);
    in.aiImports = perRegion(Metric::AiChipImports, -1, false);
    in.bestNode = perRegion(Metric::BestNodeNm, -1, false);
    in.stateFunding = perRegion(Metric::StateFunding, -1, true);
    for (const CompanyShare &share : in.companyShares) {
        const std::pair<int, int> key {share.company, share.fab};
        if (std::find(in.companySeries.begin(), in.companySeries.end(), key) != in.companySeries.end())
            continue;
        in.companySeries.push_back(key);
        in.companyMarketShare.push_back(
            layout.add({Metric::MarketShare, in.companyHq[static_cast<std::size_t>(share.company)],
                        in.fabSegments[static_cast<std::size_t>(share.fab)], share.company}));
    }
}

/** Scratch arrays for one run; one per thread, sized on first use, never shrunk. */
struct Workspace
{
    std::vector<double> capacity, production, consumption, money, nm, avail, aiAdd, aiProd, aiImports, worldCap,
        cumAdvancedCn;
    void size(int regions, int fabs)
    {
        const auto cells = static_cast<std::size_t>(regions * fabs * yearCount);
        const auto regionYears = static_cast<std::size_t>(regions * yearCount);
        capacity.assign(cells, 0);
        production.assign(cells, 0);
        consumption.assign(cells, 0);
        money.assign(cells, 0);
        avail.assign(cells, 1);
        nm.assign(regionYears, 0);
        aiAdd.assign(regionYears, 0);
        aiProd.assign(regionYears, 0);
        aiImports.assign(regionYears, 0);
        worldCap.assign(static_cast<std::size_t>(fabs * yearCount), 0);
        cumAdvancedCn.assign(static_cast<std::size_t>(yearCount), 0);
    }
};

} // namespace

Expected<ModelEngine> ModelEngine::create(const KnowledgeBase &kb)
{
    auto in = std::make_shared<ModelInputs>();
    auto levers = LeverRegistry::fromKnowledgeBase(kb);
    if (!levers)
        return levers.status();
    in->levers = std::move(levers.value());
    auto parameters = readParameters(kb);
    if (!parameters)
        return parameters.status();
    in->parameters = std::move(parameters.value());
    for (std::size_t i = 0; i < in->parameters.size(); ++i)
        in->parameterIndex.insert(in->parameters[i].id, static_cast<int>(i));

    for (const KnowledgeBase::Region &region : kb.regions())
        in->regions.append(region.id);
    in->regionCount = static_cast<int>(in->regions.size());
    const auto regionAt = [&](const char *id, int &out) -> Status {
        out = static_cast<int>(in->regions.indexOf(QLatin1String(id)));
        return out < 0
            ? Status::failure(QStringLiteral("The model needs region %1 in the knowledge base").arg(QLatin1String(id)))
            : Status();
    };
    for (auto [id, out] : {std::pair {"CN", &in->cn}, {"US", &in->us}, {"TW", &in->tw}, {"JP", &in->jp}}) {
        if (Status s = regionAt(id, *out); !s)
            return s;
    }

    auto segments = readSegments(kb);
    if (!segments)
        return segments.status();
    for (const SegmentRow &row : segments.value()) {
        const int index = static_cast<int>(in->segments.size());
        in->segments.append(row.id);
        if (row.category == QLatin1String("logic") || row.category == QLatin1String("memory")) {
            in->fabSegments.push_back(index);
            in->fabMaxNm.push_back(row.category == QLatin1String("logic") ? row.maxNm : 0);
        } else if (row.category == QLatin1String("accelerator") && in->segAi < 0) {
            in->segAi = index;
        } else if (row.category == QLatin1String("packaging") && in->segPackaging < 0) {
            in->segPackaging = index;
        }
    }
    const int fabs = static_cast<int>(in->fabSegments.size());
    const auto fabOf = [&](const char *id) {
        const int segment = static_cast<int>(in->segments.indexOf(QLatin1String(id)));
        const auto it = std::find(in->fabSegments.begin(), in->fabSegments.end(), segment);
        return it == in->fabSegments.end() ? -1 : static_cast<int>(it - in->fabSegments.begin());
    };
    in->fabLeading = fabOf("leading_logic");
    in->fabAdvanced = fabOf("advanced_logic");
    in->fabMainstream = fabOf("mainstream_logic");
    in->fabMature = fabOf("mature_logic");
    in->fabHbm = fabOf("hbm");
    if (in->fabLeading < 0 || in->fabAdvanced < 0 || in->fabMainstream < 0 || in->fabMature < 0 || in->fabHbm < 0 ||
        in->segAi < 0 || in->segPackaging < 0)
        return Status::failure(QStringLiteral(
            "The model needs segments leading_logic, advanced_logic, mainstream_logic, mature_logic, hbm, an "
            "accelerator segment and a packaging segment in the knowledge base"));
    // Logic segments from fine to coarse: money for a node a region cannot make goes one step coarser.
    in->logicCoarser.assign(static_cast<std::size_t>(fabs), -1);
    for (int f = 0; f < fabs; ++f) {
        if (in->fabMaxNm[static_cast<std::size_t>(f)] <= 0)
            continue;
        double best = 1e9;
        for (int g = 0; g < fabs; ++g) {
            const double maxNm = in->fabMaxNm[static_cast<std::size_t>(g)];
            if (maxNm > in->fabMaxNm[static_cast<std::size_t>(f)] && maxNm < best) {
                best = maxNm;
                in->logicCoarser[static_cast<std::size_t>(f)] = g;
            }
        }
    }

    // Parameters.
    QStringList missing;
    const auto required = [&](const char *id) {
        const int i = in->parameterIndex.value(QLatin1String(id), -1);
        if (i < 0)
            missing.append(QLatin1String(id));
        return i;
    };
    const auto optional = [&](const QString &id) { return in->parameterIndex.value(id, -1); };
    ParameterIndex &p = in->p;
    p.utilisation = required("cap.utilisation");
    p.momentumYears = required("cap.momentum_years");
    p.subsidyLeverage = required("subsidy.leverage");
    p.subsidyLag = required("subsidy.lag_years");
    p.subsidyDuration = required("subsidy.duration_years");
    p.shrinkPerYear = required("tech.shrink_per_year");
    p.duvFloorNm = required("tech.duv_floor_nm");
    p.duvYieldPenalty = required("tech.duv_yield_penalty");
    p.duvCostPenalty = required("tech.duv_cost_penalty");
    p.rapidusFirstNm = required("tech.rapidus_first_nm");
    p.upgradeRate = required("tech.upgrade_rate");
    p.aiAdditions2024 = required("ai.additions_2024");
    p.aiGrowthHistory = required("ai.growth_history");
    p.aiLifetime = required("ai.lifetime_years");
    p.aiH100ePerWafer = required("ai.h100e_per_wafer");
    p.aiNodeReferenceNm = required("ai.node_reference_nm");
    p.aiNodePerfExponent = required("ai.node_perf_exponent");
    p.aiMaxLogicFraction = required("ai.max_logic_fraction");
    p.aiCnLogicFraction = required("ai.cn_logic_fraction");
    p.aiH100ePerHbmWafer = required("ai.h100e_per_hbm_wafer");
    p.hbmBitGrowth = required("ai.hbm_bit_growth");
    p.controlsFirstYear = required("controls.ai_first_year");
    p.priceElasticity = required("controls.price_elasticity");
    p.cnToolDependency = required("controls.cn_tool_dependency");
    p.servicingLoss = required("controls.servicing_loss");
    p.mineralDependency = required("controls.mineral_dependency");
    p.legacyCurbFirstYear = required("controls.legacy_curb_first_year");
    p.hbmControlFirstYear = required("controls.hbm_first_year");
    p.mandateFirstYear = required("controls.mandate_first_year");
    p.revenueShareFirstYear = required("controls.revenue_share_first_year");
    for (const QString &regionId : std::as_const(in->regions)) {
        const QString r = regionId.toLower(); // parameter ids are lower case
        p.valueFactor.push_back(optional(QStringLiteral("value.region_factor.") + r));
        p.capacity2025.push_back(optional(QStringLiteral("cap.2025.") + r));
        p.growthHistory.push_back(optional(QStringLiteral("cap.growth_history.") + r));
        p.demandShare.push_back(optional(QStringLiteral("demand.share.") + r));
        p.aiDemandShare.push_back(optional(QStringLiteral("ai.demand_share.") + r));
        p.costMultiplier.push_back(optional(QStringLiteral("capex.cost_multiplier.") + r));
        p.packaging2025.push_back(optional(QStringLiteral("pkg.2025.") + r));
        p.bestNm2025.push_back(optional(QStringLiteral("tech.best_nm_2025.") + r));
        p.allyWeight.push_back(optional(QStringLiteral("controls.ally.") + r));
        for (int f = 0; f < fabs; ++f)
            p.mix.push_back(optional(QStringLiteral("cap.mix.%1.%2").arg(r, in->segments.at(in->fabSegments[f]))));
    }
    for (int f = 0; f < fabs; ++f) {
        const QString segment = in->segments.at(in->fabSegments[static_cast<std::size_t>(f)]);
        p.value.push_back(required(QStringLiteral("value.%1").arg(segment).toLatin1().constData()));
        p.capex.push_back(required(QStringLiteral("capex.%1").arg(segment).toLatin1().constData()));
        p.subsidySplit.push_back(optional(QStringLiteral("subsidy.split.") + segment));
    }

    LeverIndex &l = in->l;
    const auto lever = [&](const char *id) {
        const int i = static_cast<int>(in->levers.indexOf(QLatin1String(id)));
        if (i < 0)
            missing.append(QStringLiteral("lever.*.") + QLatin1String(id));
        return i;
    };
    l.aiChipControl = lever("ai_chip_control");
    l.h200RevenueShare = lever("h200_revenue_share");
    l.euvControl = lever("euv_control");
    l.duvControl = lever("duv_control");
    l.servicingControl = lever("servicing_control");
    l.hbmControl = lever("hbm_control");
    l.alliedAlignment = lever("allied_alignment");
    l.leakage = lever("leakage");
    l.mineralBan = lever("mineral_ban");
    l.mineralBanYear = lever("mineral_ban_year");
    l.legacyChipCurb = lever("legacy_chip_curb");
    l.domesticMandate = lever("domestic_mandate");
    l.taiwanSeverity = lever("taiwan_severity");
    l.taiwanYear = lever("taiwan_year");
    l.taiwanDuration = lever("taiwan_duration");
    l.cnEuvYear = lever("cn_euv_year");
    l.rapidus2nmYear = lever("rapidus_2nm_year");
    l.aiDemandGrowth = lever("ai_demand_growth");
    l.chipDemandGrowth = lever("chip_demand_growth");
    l.learningRate = lever("learning_rate");
    if (!missing.isEmpty())
        return Status::failure(
            QStringLiteral("The knowledge base lacks model parameters: %1").arg(missing.join(QStringLiteral(", "))));

    // Companies: those the KB gives a production share (company.<id>.<segment>.<region>), in the KB's order.
    auto companies = kb.database().prepare(QStringLiteral("SELECT id, hq_region FROM companies ORDER BY id"));
    if (!companies)
        return companies.status();
    while (companies->step() == SqliteStatement::Step::Row) {
        const QString company = companies->text(0);
        const QString prefix = QStringLiteral("company.") + company + QLatin1Char('.');
        bool any = false;
        for (std::size_t i = 0; i < in->parameters.size(); ++i) {
            const QString &id = in->parameters[i].id;
            if (!id.startsWith(prefix))
                continue;
            const QStringList parts = id.mid(prefix.size()).split(QLatin1Char('.'));
            const int segment = parts.size() == 2 ? static_cast<int>(in->segments.indexOf(parts.at(0))) : -1;
            const auto fab = std::find(in->fabSegments.begin(), in->fabSegments.end(), segment);
            const int region = parts.size() == 2 ? static_cast<int>(in->regions.indexOf(parts.at(1).toUpper())) : -1;
            if (fab == in->fabSegments.end() || region < 0)
                return Status::failure(
                    QStringLiteral("Parameter %1: expected company.<company>.<fab segment>.<region>").arg(id));
            any = true;
            in->companyShares.push_back({static_cast<int>(in->companies.size()),
                                         static_cast<int>(fab - in->fabSegments.begin()), region, static_cast<int>(i)});
        }
        if (any) {
            in->companies.append(company);
            in->companyHq.push_back(static_cast<int>(in->regions.indexOf(companies->text(1))));
        }
    }

    // Subsidy programmes: the F1 programmes, with disbursement years and target segments.
    auto funding = FundingModel::fromKnowledgeBase(kb);
    if (!funding)
        return funding.status();
    auto programmeRows = kb.database().prepare(
        QStringLiteral("SELECT start_year, coalesce(end_year, 0), target_segments FROM programmes WHERE id = ?1"));
    if (!programmeRows)
        return programmeRows.status();
    for (const FundingModel::Lever &f : funding->levers()) {
        programmeRows->reset();
        programmeRows->bindText(1, f.programmeId);
        if (programmeRows->step() != SqliteStatement::Step::Row)
            continue;
        SubsidyProgramme s;
        s.region = static_cast<int>(in->regions.indexOf(f.regionId));
        s.lever = static_cast<int>(in->levers.indexOf(QStringLiteral("subsidy.") + f.programmeId));
        s.startYear = static_cast<int>(programmeRows->integer(0));
        s.endYear = static_cast<int>(programmeRows->integer(1));
        s.amountUsd = f.amountUsd;
        std::vector<double> split(static_cast<std::size_t>(fabs), 0.0);
        double total = 0;
        for (const QString &target : programmeRows->text(2).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const auto it = std::find(in->fabSegments.begin(), in->fabSegments.end(),
                                      static_cast<int>(in->segments.indexOf(target)));
            if (it != in->fabSegments.end()) {
                split[static_cast<std::size_t>(it - in->fabSegments.begin())] += 1;
                total += 1;
            }
        }
        const bool onlyNonFab = total == 0 && !programmeRows->text(2).trimmed().isEmpty();
        if (total > 0) {
            for (double &v : split)
                v /= total;
            s.split = std::move(split);
        }
        in->commitments.push_back(
            {static_cast<std::size_t>(s.region), static_cast<std::size_t>(s.lever), s.startYear, s.amountUsd});
        if (!onlyNonFab) // money for AI data centres only builds no fabs
            in->subsidies.push_back(std::move(s));
    }

    buildLayout(*in);
    return ModelEngine(std::move(in));
}

const LeverRegistry &ModelEngine::levers() const
{
    return m_inputs->levers;
}
const std::vector<ModelParameter> &ModelEngine::parameters() const
{
    return m_inputs->parameters;
}
int ModelEngine::parameterIndex(const QString &id) const
{
    return m_inputs->parameterIndex.value(id, -1);
}
std::shared_ptr<const ResultLayout> ModelEngine::layout() const
{
    return m_inputs->layout;
}
const QStringList &ModelEngine::regions() const
{
    return m_inputs->regions;
}
const QStringList &ModelEngine::segments() const
{
    return m_inputs->segments;
}
const QStringList &ModelEngine::companies() const
{
    return m_inputs->companies;
}

std::vector<double> ModelEngine::parameterValues() const
{
    std::vector<double> values;
    values.reserve(m_inputs->parameters.size());
    for (const ModelParameter &parameter : m_inputs->parameters)
        values.push_back(parameter.value);
    return values;
}

Results ModelEngine::run(const Scenario &scenario) const
{
    Results results = makeResults();
    const std::vector<double> leverValues = scenario.leverValues(m_inputs->levers);
    const std::vector<double> parameterValues = this->parameterValues();
    runWith(leverValues.data(), parameterValues.data(), results);
    return results;
}

void ModelEngine::runWith(const double *L, const double *P, Results &out) const
{
    const ModelInputs &in = *m_inputs;
    const ParameterIndex &pi = in.p;
    const LeverIndex &li = in.l;
    const int R = in.regionCount;
    const int F = static_cast<int>(in.fabSegments.size());
    const auto par = [P](int index) { return index < 0 ? 0.0 : P[index]; };
    const auto perRegion = [&](const std::vector<int> &table, int r) {
        return par(table[static_cast<std::size_t>(r)]);
    };

    thread_local Workspace ws;
    ws.size(R, F);
    const auto cell = [F](int r, int f, int t) { return static_cast<std::size_t>((r * F + f) * yearCount + t); };
    const auto ry = [](int r, int t) { return static_cast<std::size_t>(r * yearCount + t); };

    const double util = par(pi.utilisation);
    const double tau = std::max(0.1, par(pi.momentumYears));
    const double chipGrowth = L[li.chipDemandGrowth];
    const double aiGrowth = L[li.aiDemandGrowth];
    const double learningExponent = -std::log2(std::max(1e-6, 1.0 - L[li.learningRate])); // cost ∝ cum^-b
    const double alignment = L[li.alliedAlignment];
    const double leakage = L[li.leakage];
    const bool cnHasEuvTools = L[li.euvControl] < 0.5;
    const int cnEuvYear = static_cast<int>(std::lround(L[li.cnEuvYear]));
    const int rapidusYear = static_cast<int>(std::lround(L[li.rapidus2nmYear]));
    const int lag = static_cast<int>(std::lround(par(pi.subsidyLag)));

    // Equation T1: best node per region and year.
    const double shrink = par(pi.shrinkPerYear);
    // shrink^k for k = -yearCount..yearCount, computed once: pow is the costliest call of the run.
    std::array<double, 2 * yearCount + 1> shrinkPower {};
    shrinkPower[yearCount] = 1;
    for (int k = 1; k <= yearCount; ++k) {
        shrinkPower[static_cast<std::size_t>(yearCount + k)] =
            shrinkPower[static_cast<std::size_t>(yearCount + k - 1)] * shrink;
        shrinkPower[static_cast<std::size_t>(yearCount - k)] =
            shrinkPower[static_cast<std::size_t>(yearCount - k + 1)] / shrink;
    }
    const auto shrinkPow = [&shrinkPower](int k) {
        return shrinkPower[static_cast<std::size_t>(std::clamp(k, -yearCount, yearCount) + yearCount)];
    };
    for (int r = 0; r < R; ++r) {
        const double nm2025 = perRegion(pi.bestNm2025, r);
        for (int t = 0; t < yearCount; ++t) {
            const int year = firstYear + t;
            double nm = nm2025 > 0 ? nm2025 * shrinkPow(t - anchor) : 0.0;
            if (r == in.cn && t > anchor && !cnHasEuvTools) {
                // No EUV: DUV multi-patterning stops at the floor until a domestic EUV tool works.
                nm = std::max(par(pi.duvFloorNm), nm);
                if (year >= cnEuvYear)
                    nm = std::min(nm, par(pi.duvFloorNm) * shrinkPow(year - cnEuvYear));
            } else if (r == in.jp && year >= rapidusYear) {
                nm = std::min(nm2025 > 0 ? nm2025 : 1e9, par(pi.rapidusFirstNm) * shrinkPow(year - rapidusYear));
            } else if (r == in.jp && t > anchor) {
                nm = nm2025; // no domestic leading-edge progress before Rapidus
            }
            ws.nm[ry(r, t)] = nm;
        }
    }
    const auto canMake = [&](int r, int f, int t) {
        const double maxNm = in.fabMaxNm[static_cast<std::size_t>(f)];
        if (maxNm <= 0)
            return true;
        const double nm = ws.nm[ry(r, t)];
        return nm > 0 && nm <= maxNm + 1e-9;
    };

    // Availability: shocks and countermeasures (equation C4).
    const int taiwanYear = static_cast<int>(std::lround(L[li.taiwanYear]));
    const int taiwanEnd = taiwanYear + static_cast<int>(std::lround(L[li.taiwanDuration]));
    const int mineralYear = static_cast<int>(std::lround(L[li.mineralBanYear]));
    for (int r = 0; r < R; ++r) {
        for (int t = anchor + 1; t < yearCount; ++t) {
            const int year = firstYear + t;
            for (int f = 0; f < F; ++f) {
                double a = 1;
                if (r == in.tw && year >= taiwanYear && year < taiwanEnd)
                    a *= 1 - L[li.taiwanSeverity];
                if (r != in.cn && year >= mineralYear && (f == in.fabMature || f == in.fabMainstream))
                    a *= 1 - L[li.mineralBan] * par(pi.mineralDependency);
                if (r == in.cn && (f == in.fabLeading || f == in.fabAdvanced || f == in.fabMainstream))
                    a *= 1 - L[li.servicingControl] * alignment * par(pi.servicingLoss);
                ws.avail[cell(r, f, t)] = a;
            }
        }
    }

    // Subsidy money by region, fab segment and year it turns into capacity (equation C2).
    const double defaultDuration = std::max(1.0, par(pi.subsidyDuration));
    for (const SubsidyProgramme &s : in.subsidies) {
        const double scale = L[s.lever];
        const int years = s.endYear >= s.startYear ? s.endYear - s.startYear + 1 : static_cast<int>(defaultDuration);
        const double perYear = scale * s.amountUsd / years;
        for (int k = 0; k < years; ++k) {
            const int t = s.startYear + k + lag - firstYear;
            if (t <= anchor || t >= yearCount)
                continue; // before the anchor, observed capacity already holds it
            for (int f = 0; f < F; ++f) {
                const double share = s.split.empty() ? par(pi.subsidySplit[static_cast<std::size_t>(f)])
                                                     : s.split[static_cast<std::size_t>(f)];
                ws.money[cell(s.region, f, t)] += perYear * share;
            }
        }
    }

    // Capacity (equations C1–C3), history anchored on 2025 and projected forward.
    for (int r = 0; r < R; ++r) {
        const double total2025 = perRegion(pi.capacity2025, r) / million;
        const double gh = perRegion(pi.growthHistory, r);
        double backcast = 1; // (1 + gh)^-(anchor - t), built from the anchor backwards
        for (int t = anchor; t >= 0; --t) {
            for (int f = 0; f < F; ++f)
                ws.capacity[cell(r, f, t)] = total2025 * par(pi.mix[static_cast<std::size_t>(r * F + f)]) * backcast;
            backcast /= 1 + gh;
        }
    }
    const double leverage = par(pi.subsidyLeverage);
    // d(r, s) of equation C2: the share of China's logic build-out that DUV controls do not stop.
    const double cnToolFactor = 1 - L[li.duvControl] * alignment * par(pi.cnToolDependency);
    const auto toolFactor = [&](int r, int f) {
        return r == in.cn && (f == in.fabLeading || f == in.fabAdvanced || f == in.fabMainstream) ? cnToolFactor : 1.0;
    };
    for (int t = 0; t < yearCount; ++t) {
        if (t > anchor) {
            const double momentum = std::exp(-(t - anchor) / tau);
            for (int r = 0; r < R; ++r) {
                const double gh = perRegion(pi.growthHistory, r);
                const double g = chipGrowth + (gh - chipGrowth) * momentum;
                for (int f = 0; f < F; ++f) {
                    const double growth = g * toolFactor(r, f);
                    ws.capacity[cell(r, f, t)] = ws.capacity[cell(r, f, t - 1)] * (1 + std::max(-1.0, growth));
                }
                // Node upgrades: where the region can make the leading node, part of its advanced capacity moves up.
                if (canMake(r, in.fabLeading, t)) {
                    const double moved = par(pi.upgradeRate) * ws.capacity[cell(r, in.fabAdvanced, t)];
                    ws.capacity[cell(r, in.fabAdvanced, t)] -= moved;
                    ws.capacity[cell(r, in.fabLeading, t)] += moved;
                }
                // Subsidised capacity; money for a node the region cannot make goes to the next coarser node.
                for (int f = 0; f < F; ++f) {
                    double money = ws.money[cell(r, f, t)];
                    if (money <= 0)
                        continue;
                    int target = f;
                    while (target >= 0 && !canMake(r, target, t))
                        target = in.logicCoarser[static_cast<std::size_t>(target)];
                    if (target < 0)
                        continue;
                    const double world0 = ws.worldCap[static_cast<std::size_t>(target * yearCount + anchor)];
                    const double worldNow = ws.worldCap[static_cast<std::size_t>(target * yearCount + t - 1)];
                    const double learning =
                        world0 > 0 && worldNow > 0 ? std::pow(worldNow / world0, -learningExponent) : 1.0;
                    double cost =
                        par(pi.capex[static_cast<std::size_t>(target)]) * perRegion(pi.costMultiplier, r) * learning;
                    if (r == in.cn && !(cnHasEuvTools || firstYear + t >= cnEuvYear) &&
                        (target == in.fabLeading || target == in.fabAdvanced))
                        cost *= 1 + par(pi.duvCostPenalty);
                    // New fabs need tools too: the DUV control bites on subsidised capacity as on the rest.
                    const double tools = toolFactor(r, target);
                    if (cost > 0)
                        ws.capacity[cell(r, target, t)] += leverage * money / cost / million * tools;
                }
            }
        }
        for (int f = 0; f < F; ++f) {
            double world = 0;
            for (int r = 0; r < R; ++r)
                world += ws.capacity[cell(r, f, t)];
            ws.worldCap[static_cast<std::size_t>(f * yearCount + t)] = world;
        }
    }

    // Production and allocation among permitted suppliers (equations M1–M4).
    double demandTotal = 0, demandNonCn = 0, demandAllied = 0;
    for (int r = 0; r < R; ++r) {
        demandTotal += perRegion(pi.demandShare, r);
        if (r != in.cn) {
            demandNonCn += perRegion(pi.demandShare, r);
            demandAllied += perRegion(pi.demandShare, r) * (r == in.us ? 1.0 : alignment * perRegion(pi.allyWeight, r));
        }
    }
    const auto restriction = [&](int r) {
        return r == in.cn ? 0.0 : (r == in.us ? 1.0 : alignment * perRegion(pi.allyWeight, r));
    };
    std::vector<double> &cumCn = ws.cumAdvancedCn;
    for (int t = 0; t < yearCount; ++t) {
        const int year = firstYear + t;
        for (int f = 0; f < F; ++f) {
            for (int r = 0; r < R; ++r)
                ws.production[cell(r, f, t)] =
                    canMake(r, f, t) || t <= anchor ? ws.capacity[cell(r, f, t)] * util * ws.avail[cell(r, f, t)] : 0.0;
            double control = 0;
            if (f == in.fabHbm && year >= par(pi.hbmControlFirstYear))
                control = L[li.hbmControl];
            double world = 0;
            for (int r = 0; r < R; ++r)
                world += ws.production[cell(r, f, t)];
            double &ownProduction = ws.production[cell(in.cn, f, t)];
            const double cnDemand = demandTotal > 0 ? world * perRegion(pi.demandShare, in.cn) / demandTotal : 0;
            double own = std::min(ownProduction, cnDemand);
            // A curb on China's mature-node exports idles the part of its surplus allied markets would have bought.
            if (f == in.fabMature && year >= par(pi.legacyCurbFirstYear) && demandNonCn > 0) {
                const double blocked = L[li.legacyChipCurb] * (demandAllied / demandNonCn) * (ownProduction - own);
                ownProduction -= blocked;
                world -= blocked;
            }
            own = std::min(ownProduction, cnDemand);
            const double need = cnDemand - own;
            const double foreign = world - ownProduction;
            double imports = 0;
            for (int r = 0; r < R; ++r) {
                if (r == in.cn || foreign <= 0)
                    continue;
                const double permitted = 1 - control * restriction(r) * (1 - leakage);
                imports += need * ws.production[cell(r, f, t)] / foreign * permitted;
            }
            const double cnConsumption = own + imports;
            ws.consumption[cell(in.cn, f, t)] = cnConsumption;
            for (int r = 0; r < R; ++r) {
                if (r != in.cn)
                    ws.consumption[cell(r, f, t)] =
                        demandNonCn > 0 ? (world - cnConsumption) * perRegion(pi.demandShare, r) / demandNonCn : 0;
            }
            out.mutableSeries(in.production.at(-1, f))[t] = world;
            out.mutableSeries(in.consumption.at(-1, f))[t] = world;
            const double cnMarket = cnConsumption;
            for (int r = 0; r < R; ++r) {
                const double prod = ws.production[cell(r, f, t)];
                const double cons = ws.consumption[cell(r, f, t)];
                out.mutableSeries(in.production.at(r, f))[t] = prod;
                out.mutableSeries(in.consumption.at(r, f))[t] = cons;
                out.mutableSeries(in.netExports.at(r, f))[t] = prod - cons;
                out.mutableSeries(in.selfSufficiency.at(r, f))[t] = cons > 0 ? prod / cons : 0;
                out.mutableSeries(in.marketShare.at(r, f))[t] = world > 0 ? prod / world : 0;
                double cnShare = 0;
                if (cnMarket > 0)
                    cnShare = r == in.cn
                        ? own / cnMarket
                        : (foreign > 0
                               ? need * prod / foreign * (1 - control * restriction(r) * (1 - leakage)) / cnMarket
                               : 0);
                out.mutableSeries(in.marketShareCn.at(r, f))[t] = cnShare;
            }
        }
        cumCn[static_cast<std::size_t>(t)] = (t > 0 ? cumCn[static_cast<std::size_t>(t - 1)] : 0) +
            ws.production[cell(in.cn, in.fabAdvanced, t)] + ws.production[cell(in.cn, in.fabLeading, t)];
    }

    // AI accelerators (equations A1–A5).
    const double aiAdd2024 = par(pi.aiAdditions2024) / million;
    const double aiHist = par(pi.aiGrowthHistory);
    const double perWafer = par(pi.aiH100ePerWafer);
    const double refNm = par(pi.aiNodeReferenceNm);
    const double perfExp = par(pi.aiNodePerfExponent);
    const double maxLogic = par(pi.aiMaxLogicFraction);
    double aiShareTotal = 0;
    for (int r = 0; r < R; ++r)
        aiShareTotal += perRegion(pi.aiDemandShare, r);
    const int lifetime = std::max(1, static_cast<int>(std::lround(par(pi.aiLifetime))));
    double demand = aiAdd2024 / std::pow(1 + aiHist, 2024 - firstYear);
    double packagingGrowth = 1;
    for (int t = 0; t < yearCount; ++t) {
        const int year = firstYear + t;
        if (t > 0)
            demand *= 1 + (year <= anchorYear ? aiHist : aiGrowth);
        packagingGrowth =
            t == 0 ? std::pow(1 + aiHist, -anchor) : packagingGrowth * (1 + (year <= anchorYear ? aiHist : aiGrowth));
        const double hbmPerWafer = par(pi.aiH100ePerHbmWafer) * std::pow(1 + par(pi.hbmBitGrowth), t - anchor);
        // Supply limits of the allied chain (all producers but China) and of China's own.
        double logicAllied = 0, hbmAllied = 0, packagingAllied = 0;
        std::vector<double> &logicByRegion = ws.aiProd; // reused: logic-limited output per region
        for (int r = 0; r < R; ++r) {
            const double nm = ws.nm[ry(r, t)];
            const double perf = nm > 0 ? std::pow(refNm / nm, perfExp) : 0;
            const double advancedWafers =
                (ws.production[cell(r, in.fabLeading, t)] + ws.production[cell(r, in.fabAdvanced, t)]) * 12;
            double logic = advancedWafers * (r == in.cn ? par(pi.aiCnLogicFraction) : maxLogic) * perWafer * perf;
            const double hbm = ws.production[cell(r, in.fabHbm, t)] * 12 * hbmPerWafer;
            double packaging = perRegion(pi.packaging2025, r) / million * packagingGrowth;
            if (r == in.tw && year >= taiwanYear && year < taiwanEnd)
                packaging *= 1 - L[li.taiwanSeverity];
            if (r == in.cn) {
                const bool euv = cnHasEuvTools || year >= cnEuvYear;
                const double c0 = cumCn[static_cast<std::size_t>(anchor)];
                const double cNow = cumCn[static_cast<std::size_t>(t)];
                const double penalty =
                    par(pi.duvYieldPenalty) * (t > anchor && c0 > 0 ? std::pow(cNow / c0, -learningExponent) : 1.0);
                logic *= euv ? 1.0 : 1.0 - penalty;
            }
            logicByRegion[ry(r, 0)] = logic; // only column 0 is used as scratch here
            if (r != in.cn) {
                logicAllied += logic;
                hbmAllied += hbm;
                packagingAllied += packaging;
            }
        }
        const double cnLogic = logicByRegion[ry(in.cn, 0)];
        const double cnHbmOwn = ws.production[cell(in.cn, in.fabHbm, t)] * 12 * hbmPerWafer;
        const double hbmControl = year >= par(pi.hbmControlFirstYear) ? L[li.hbmControl] : 0.0;
        const double cnDemandAll = aiShareTotal > 0 ? demand * perRegion(pi.aiDemandShare, in.cn) / aiShareTotal : 0;
        // HBM imports: what China lacks for its demand, less what the controls stop (and leakage lets through).
        const double cnHbm =
            cnHbmOwn + (1 - hbmControl * (1 - leakage)) * std::max(0.0, std::min(hbmAllied, cnDemandAll - cnHbmOwn));
        const double cnPackaging = perRegion(pi.packaging2025, in.cn) / million * packagingGrowth;
        const double cnCapacity = std::max(0.0, std::min({cnLogic, cnHbm, cnPackaging}));
        const double alliedCapacity = std::max(0.0, std::min({logicAllied, hbmAllied, packagingAllied}));

        const double cnDemand = cnDemandAll;
        // Buyers in China take permitted foreign chips first; the mandate reserves a share for domestic chips;
        // domestic output fills what is left, up to its capacity.
        const double mandate = year >= par(pi.mandateFirstYear) ? L[li.domesticMandate] : 0.0;
        const double wanted = (1 - mandate) * cnDemand;
        const double control = year >= par(pi.controlsFirstYear) ? L[li.aiChipControl] : 0.0;
        const double revenueShare = year >= par(pi.revenueShareFirstYear) ? L[li.h200RevenueShare] : 0.0;
        const double permitted = wanted * (1 - control) * std::max(0.0, 1 - revenueShare * par(pi.priceElasticity));
        const double leaked = wanted * control * leakage;
        double cnImports = permitted + leaked;
        const double nonCnDemand = demand - cnDemand;
        const double alliedServed = std::min(alliedCapacity, nonCnDemand + cnImports);
        const double served = nonCnDemand + cnImports > 0 ? alliedServed / (nonCnDemand + cnImports) : 0;
        cnImports *= served;
        const double cnDomestic = std::min(cnCapacity, std::max(0.0, cnDemand - cnImports));
        for (int r = 0; r < R; ++r) {
            double add = 0;
            if (r == in.cn)
                add = cnDomestic + cnImports;
            else if (aiShareTotal - perRegion(pi.aiDemandShare, in.cn) > 0)
                add = nonCnDemand * served * perRegion(pi.aiDemandShare, r) /
                    (aiShareTotal - perRegion(pi.aiDemandShare, in.cn));
            ws.aiAdd[ry(r, t)] = add;
            ws.aiImports[ry(r, t)] = r == in.cn ? cnImports : 0.0;
        }
        // Producers: China its domestic output, the rest of the allied output in proportion to logic capacity.
        double worldProduction = 0;
        for (int r = 0; r < R; ++r) {
            const double prod =
                r == in.cn ? cnDomestic : (logicAllied > 0 ? alliedServed * logicByRegion[ry(r, 0)] / logicAllied : 0);
            out.mutableSeries(in.aiProduction[static_cast<std::size_t>(r + 1)])[t] = prod;
            worldProduction += prod;
        }
        out.mutableSeries(in.aiProduction[0])[t] = worldProduction;
        out.mutableSeries(in.aiConsumption[0])[t] = worldProduction;
        double packagingWorld = packagingAllied + cnPackaging;
        out.mutableSeries(in.packagingCapacity[0])[t] = packagingWorld;
        for (int r = 0; r < R; ++r) {
            double packaging = perRegion(pi.packaging2025, r) / million * packagingGrowth;
            if (r == in.tw && year >= taiwanYear && year < taiwanEnd)
                packaging *= 1 - L[li.taiwanSeverity];
            out.mutableSeries(in.packagingCapacity[static_cast<std::size_t>(r + 1)])[t] = packaging;
            out.mutableSeries(in.packagingShare[static_cast<std::size_t>(r + 1)])[t] =
                packagingWorld > 0 ? packaging / packagingWorld : 0;
            const double prod = out.series(in.aiProduction[static_cast<std::size_t>(r + 1)])[t];
            const double cons = ws.aiAdd[ry(r, t)];
            out.mutableSeries(in.aiConsumption[static_cast<std::size_t>(r + 1)])[t] = cons;
            out.mutableSeries(in.aiNetExports[static_cast<std::size_t>(r + 1)])[t] = prod - cons;
            out.mutableSeries(in.aiMarketShare[static_cast<std::size_t>(r + 1)])[t] =
                worldProduction > 0 ? prod / worldProduction : 0;
            const double cnTotal = cnDomestic + cnImports;
            const double cnShare = cnTotal <= 0
                ? 0
                : (r == in.cn ? cnDomestic / cnTotal
                              : (logicAllied > 0 ? cnImports * logicByRegion[ry(r, 0)] / logicAllied / cnTotal : 0));
            out.mutableSeries(in.aiMarketShareCn[static_cast<std::size_t>(r + 1)])[t] = cnShare;
        }
    }
    // Installed compute with retirement after the lifetime (equation A5).
    for (int t = 0; t < yearCount; ++t) {
        double world = 0, worldAdd = 0;
        for (int r = 0; r < R; ++r) {
            double installed = 0;
            for (int k = std::max(0, t - lifetime + 1); k <= t; ++k)
                installed += ws.aiAdd[ry(r, k)];
            out.mutableSeries(in.aiInstalled[static_cast<std::size_t>(r + 1)])[t] = installed;
            out.mutableSeries(in.aiAdditions[static_cast<std::size_t>(r + 1)])[t] = ws.aiAdd[ry(r, t)];
            out.mutableSeries(in.aiImports[static_cast<std::size_t>(r + 1)])[t] = ws.aiImports[ry(r, t)];
            world += installed;
            worldAdd += ws.aiAdd[ry(r, t)];
        }
        out.mutableSeries(in.aiInstalled[0])[t] = world;
        out.mutableSeries(in.aiAdditions[0])[t] = worldAdd;
        for (int r = 0; r < R; ++r)
            out.mutableSeries(in.aiShare[static_cast<std::size_t>(r + 1)])[t] =
                world > 0 ? out.series(in.aiInstalled[static_cast<std::size_t>(r + 1)])[t] / world : 0;
    }

    // Capacity outputs, self-sufficiency, best node, funding, company shares.
    for (int t = 0; t < yearCount; ++t) {
        double worldAll = 0;
        for (int f = 0; f < F; ++f)
            worldAll += ws.worldCap[static_cast<std::size_t>(f * yearCount + t)];
        out.mutableSeries(in.capacity.at(-1, -1))[t] = worldAll;
        for (int f = 0; f < F; ++f)
            out.mutableSeries(in.capacity.at(-1, f))[t] = ws.worldCap[static_cast<std::size_t>(f * yearCount + t)];
        for (int r = 0; r < R; ++r) {
            double total = 0, valueProduced = 0, valueConsumed = 0;
            const double valueFactor =
                pi.valueFactor[static_cast<std::size_t>(r)] < 0 ? 1.0 : perRegion(pi.valueFactor, r);
            for (int f = 0; f < F; ++f) {
                const double k = ws.capacity[cell(r, f, t)];
                const double world = ws.worldCap[static_cast<std::size_t>(f * yearCount + t)];
                total += k;
                out.mutableSeries(in.capacity.at(r, f))[t] = k;
                out.mutableSeries(in.capacityShare.at(r, f))[t] = world > 0 ? k / world : 0;
                const double v = par(pi.value[static_cast<std::size_t>(f)]);
                valueProduced += v * valueFactor * ws.production[cell(r, f, t)];
                valueConsumed += v * ws.consumption[cell(r, f, t)];
            }
            out.mutableSeries(in.capacity.at(r, -1))[t] = total;
            out.mutableSeries(in.capacityShare.at(r, -1))[t] = worldAll > 0 ? total / worldAll : 0;
            out.mutableSeries(in.selfSufficiency.at(r, -1))[t] = valueConsumed > 0 ? valueProduced / valueConsumed : 0;
            out.mutableSeries(in.bestNode[static_cast<std::size_t>(r + 1)])[t] = ws.nm[ry(r, t)];
        }
    }
    {
        std::vector<double> scales(static_cast<std::size_t>(in.levers.size()));
        for (std::size_t i = 0; i < scales.size(); ++i)
            scales[i] = L[i];
        const FundingProjection funding =
            FundingProjection::run(static_cast<std::size_t>(R), in.commitments, scales, firstYear, lastYear);
        for (int t = 0; t < yearCount; ++t) {
            double world = 0;
            for (int r = 0; r < R; ++r) {
                const double v = funding.at(static_cast<std::size_t>(r), firstYear + t) / 1e9;
                out.mutableSeries(in.stateFunding[static_cast<std::size_t>(r + 1)])[t] = v;
                world += v;
            }
            out.mutableSeries(in.stateFunding[0])[t] = world;
        }
    }
    for (std::size_t s = 0; s < in.companySeries.size(); ++s) {
        const auto [company, f] = in.companySeries[s];
        double *series = out.mutableSeries(in.companyMarketShare[s]);
        for (int t = 0; t < yearCount; ++t) {
            double produced = 0;
            for (const CompanyShare &share : in.companyShares) {
                if (share.company == company && share.fab == f)
                    produced += P[share.parameter] * ws.production[cell(share.region, f, t)];
            }
            const double world = out.series(in.production.at(-1, f))[t];
            series[t] = world > 0 ? produced / world : 0;
        }
    }
}

} // namespace techrace
