#pragma once

#include "kb/knowledgebase.h"
#include "model/fundingmodel.h"
#include "model/modelengine.h"
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
    /** The full model (docs/MODEL.md); its header says how a view runs it on every lever change. */
    [[nodiscard]] const ModelEngine &modelEngine() const { return m_engine; }

private:
    AppContext(KnowledgeBase kb, FundingModel funding, ModelEngine engine)
        : m_kb(std::move(kb))
        , m_funding(std::move(funding))
        , m_engine(std::move(engine))
    { }
    KnowledgeBase m_kb;
    FundingModel m_funding;
    ModelEngine m_engine;
};

} // namespace techrace
