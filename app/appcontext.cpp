#include "appcontext.h"

namespace techrace {

Expected<std::shared_ptr<const AppContext>> AppContext::open(const QString &kbPath, const QString &userDbPath)
{
    auto kb = kbPath.isEmpty() ? KnowledgeBase::openEmbedded() : KnowledgeBase::openFile(kbPath);
    if (!kb)
        return kb.status();
    if (!userDbPath.isEmpty())
        kb->attachUserDatabase(userDbPath);
    auto funding = FundingModel::fromKnowledgeBase(kb.value());
    if (!funding)
        return funding.status();
    auto engine = ModelEngine::create(kb.value());
    if (!engine)
        return engine.status();
    return std::shared_ptr<const AppContext>(
        new AppContext(std::move(kb).value(), std::move(funding).value(), std::move(engine).value()));
}

} // namespace techrace
