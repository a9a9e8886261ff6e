#pragma once

#include "model/levers.h"
#include "status.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace techrace {

/**
 * A what-if: lever values that differ from the baseline, plus a name, a description and the random seed the
 * uncertainty analysis uses. Levers not named keep their baseline value.
 *
 * File format (UTF-8 JSON, at most maxFileBytes):
 *   {"format": "techrace-scenario", "version": 1, "name": "…", "description": "…", "seed": 42,
 *    "levers": {"ai_chip_control": 1.0, "subsidy.cn_big_fund_3": 2.0}}
 * Loading is strict: malformed JSON, a wrong format name or version, wrong types, unknown members, unknown lever
 * ids and values outside a lever's range are errors whose message names the field; nothing is half-applied.
 */
class Scenario
{
public:
    static constexpr auto formatName = "techrace-scenario";
    static constexpr int formatVersion = 1;
    static constexpr qsizetype maxFileBytes = 1024 * 1024;
    static constexpr quint32 defaultSeed = 20251201;

    QString name;
    QString description;
    quint32 seed = defaultSeed;

    /** Sets a lever; fails (and changes nothing) on an unknown id or a value outside its range. */
    Status setLever(const LeverRegistry &registry, const QString &id, double value);
    /** Back to the baseline value (removes the override). */
    void resetLever(const QString &id);
    /** The value the scenario gives the lever: its override, or the baseline. */
    [[nodiscard]] double leverValue(const Lever &lever) const;
    [[nodiscard]] const QList<QPair<QString, double>> &overrides() const { return m_overrides; }
    /** One value per registry lever, in registry order. */
    [[nodiscard]] std::vector<double> leverValues(const LeverRegistry &registry) const;

    static Expected<Scenario> fromJson(const QByteArray &json, const LeverRegistry &registry);
    static Expected<Scenario> load(const QString &path, const LeverRegistry &registry);
    [[nodiscard]] QByteArray toJson() const;
    /** Atomic save (QSaveFile): the old file survives any failure. */
    Status save(const QString &path) const;

    /** The ids of the preset scenarios embedded in the binary (data/scenarios/<id>.json). */
    static QStringList presetIds();
    static Expected<Scenario> preset(const QString &id, const LeverRegistry &registry);

    friend bool operator==(const Scenario &a, const Scenario &b)
    {
        return a.name == b.name && a.description == b.description && a.seed == b.seed && a.m_overrides == b.m_overrides;
    }

private:
    QList<QPair<QString, double>> m_overrides; // in the order set; no duplicates
};

} // namespace techrace
