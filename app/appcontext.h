#pragma once

#include "kb/knowledgebase.h"
#include "model/fundingmodel.h"
#include "status.h"

#include <memory>

namespace techrace {

/** What every front end (window, command line, tests) opens first: the knowledge base and the model built on it. */
class AppContext
{
public:
    /**
     * Opens `kbPath`, or the embedded knowledge base when it is empty, layers the user database at `userDbPath` over
     * it (none when empty; see KnowledgeBase::userDatabase() for how that went) and builds the model.
     */
    static Expected<std::shared_ptr<const AppContext>> open(const QString &kbPath = {}, const QString &userDbPath = {});

    [[nodiscard]] const KnowledgeBase &knowledgeBase() const { return m_kb; }
    [[nodiscard]] const FundingModel &fundingModel() const { return m_funding; }

private:
    AppContext(KnowledgeBase kb, FundingModel funding)
        : m_kb(std::move(kb))
        , m_funding(std::move(funding))
    { }
    KnowledgeBase m_kb;
    FundingModel m_funding;
};

} // namespace techrace
