#pragma once

#include "kb/knowledgebase.h"
#include "model/modelengine.h"

#include <QTest>

namespace techrace::test {

/** The model built on the embedded knowledge base, once per test binary. */
inline const ModelEngine &engine()
{
    static const ModelEngine model = [] {
        auto kb = KnowledgeBase::openEmbedded();
        if (!kb)
            qFatal("knowledge base: %s", qPrintable(kb.message()));
        auto created = ModelEngine::create(kb.value());
        if (!created)
            qFatal("model: %s", qPrintable(created.message()));
        return std::move(created).value();
    }();
    return model;
}

/** A scenario with the given levers set; fails the test on a bad id or value. */
inline Scenario scenarioWith(std::initializer_list<std::pair<const char *, double>> levers)
{
    Scenario scenario;
    for (const auto &[id, value] : levers) {
        const Status status = scenario.setLever(engine().levers(), QString::fromLatin1(id), value);
        if (!status)
            qFatal("%s", qPrintable(status.message()));
    }
    return scenario;
}

inline double valueOf(const Results &results, const char *metric, const char *region, const char *segment, int year)
{
    const auto v = results.value(QString::fromLatin1(metric), QString::fromLatin1(region), QString::fromLatin1(segment),
                                 QString(), year);
    if (!v)
        qFatal("no output %s/%s/%s/%d", metric, region, segment, year);
    return *v;
}

} // namespace techrace::test
