#pragma once

#include "kb/knowledgebase.h"
#include "model/fundingprojection.h"
#include "status.h"

#include <QList>
#include <QString>

namespace techrace {

/**
 * The first, deliberately simple projection: cumulative announced state semiconductor funding by region, in US
 * dollars, with one lever per programme scaling its amount. Everything comes from the knowledge base: regions,
 * programmes, and the exchange-rate parameters `fx.<currency>_per_usd` that convert native amounts. Only
 * state-funded programmes count (funder = 'state'), and sub-packages (part_of set) are not added twice.
 */
class FundingModel
{
public:
    static constexpr int firstYear = 2015;
    static constexpr int lastYear = 2040;

    struct Lever
    {
        QString programmeId;
        QString label;
        QString regionId;
        double amountUsd = 0; // at scale 1
        QString sourceId;
        QString quote;
    };

    static Expected<FundingModel> fromKnowledgeBase(const KnowledgeBase &kb);

    [[nodiscard]] const QList<KnowledgeBase::Region> &regions() const { return m_regions; }
    [[nodiscard]] const QList<Lever> &levers() const { return m_levers; }
    [[nodiscard]] qsizetype regionIndex(const QString &regionId) const;
    [[nodiscard]] qsizetype leverIndex(const QString &programmeId) const;
    /** The baseline: every programme at 100% of its announced size. */
    [[nodiscard]] std::vector<double> baselineScales() const { return std::vector<double>(m_levers.size(), 1.0); }
    [[nodiscard]] FundingProjection run(const std::vector<double> &scales) const;

private:
    FundingModel() = default;
    QList<KnowledgeBase::Region> m_regions;
    QList<Lever> m_levers;
    std::vector<FundingCommitment> m_commitments;
};

} // namespace techrace
