#include "model/fundingmodel.h"

namespace techrace {

Expected<FundingModel> FundingModel::fromKnowledgeBase(const KnowledgeBase &kb)
{
    FundingModel model;
    model.m_regions = kb.regions();
    if (model.m_regions.isEmpty())
        return Status::failure(QStringLiteral("The knowledge base defines no regions"));

    for (const KnowledgeBase::Programme &p : kb.programmes()) {
        // State money only, and each sum once: sub-packages are inside their parent's amount.
        if (p.funder != QLatin1String("state") || !p.partOf.isEmpty())
            continue;
        double usd = 0;
        if (p.amountUsd) {
            usd = *p.amountUsd;
        } else if (p.currency == QLatin1String("usd")) {
            usd = p.amountNative;
        } else {
            const QString fxId = QStringLiteral("fx.%1_per_usd").arg(p.currency);
            const auto fx = kb.parameter(fxId);
            if (!fx || fx->value <= 0)
                return Status::failure(
                    QStringLiteral("Programme %1 is in %2 but the knowledge base has no parameter %3")
                        .arg(p.id, p.currency, fxId));
            usd = p.amountNative / fx->value;
        }
        const qsizetype region = model.regionIndex(p.regionId);
        if (region < 0)
            return Status::failure(QStringLiteral("Programme %1 names unknown region %2").arg(p.id, p.regionId));
        model.m_commitments.push_back(FundingCommitment {
            static_cast<std::size_t>(region), static_cast<std::size_t>(model.m_levers.size()), p.startYear, usd});
        model.m_levers.append(Lever {p.id, p.name, p.regionId, usd, p.sourceId, p.quote});
    }
    return model;
}

qsizetype FundingModel::regionIndex(const QString &regionId) const
{
    for (qsizetype i = 0; i < m_regions.size(); ++i) {
        if (m_regions.at(i).id == regionId)
            return i;
    }
    return -1;
}

qsizetype FundingModel::leverIndex(const QString &programmeId) const
{
    for (qsizetype i = 0; i < m_levers.size(); ++i) {
        if (m_levers.at(i).programmeId == programmeId)
            return i;
    }
    return -1;
}

FundingProjection FundingModel::run(const std::vector<double> &scales) const
{
    return FundingProjection::run(static_cast<std::size_t>(m_regions.size()), m_commitments, scales, firstYear,
                                  lastYear);
}

} // namespace techrace
