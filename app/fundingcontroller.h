#pragma once

#include "appcontext.h"
#include "model/fundingprojection.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

#include <memory>

#include <QAbstractSeries>

namespace techrace {

class ScenarioController;

/**
 * Exposes the funding projection to QML: one lever (a programme's scale), the baseline and scenario results, and
 * the source line that goes under the chart. Series are pushed with QXYSeries::replace (qmloscilloscope).
 */
class FundingController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(int firstYear READ firstYear CONSTANT)
    Q_PROPERTY(int lastYear READ lastYear CONSTANT)
    Q_PROPERTY(QStringList chartRegions READ chartRegions CONSTANT)
    Q_PROPERTY(QString leverLabel READ leverLabel CONSTANT)
    Q_PROPERTY(QString leverId READ leverId CONSTANT)
    Q_PROPERTY(QString leverQuote READ leverQuote CONSTANT)
    Q_PROPERTY(QString leverSource READ leverSource CONSTANT)
    Q_PROPERTY(double baselineScale READ baselineScale CONSTANT)
    Q_PROPERTY(double minimumScale READ minimumScale CONSTANT)
    Q_PROPERTY(double maximumScale READ maximumScale CONSTANT)
    Q_PROPERTY(double scale READ scale WRITE setScale NOTIFY scaleChanged)
    Q_PROPERTY(double maxValue READ maxValue NOTIFY resultsChanged)
    Q_PROPERTY(QString sourceLine READ sourceLine CONSTANT)

public:
    /** Id of the programme the foundation's single lever scales. */
    static constexpr auto leverProgramme = "cn_big_fund_3";

    explicit FundingController(std::shared_ptr<const AppContext> context, QObject *parent = nullptr);

    /** The instance QML gets; owned by main() (or the test), never by the engine. */
    static FundingController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(FundingController *instance);

    [[nodiscard]] int firstYear() const { return FundingModel::firstYear; }
    [[nodiscard]] int lastYear() const { return FundingModel::lastYear; }
    [[nodiscard]] QStringList chartRegions() const;
    [[nodiscard]] QString leverLabel() const;
    /** The workbench's lever for the same programme (LeverRegistry names subsidies "subsidy.<programme>"). */
    [[nodiscard]] static QString leverId() { return QStringLiteral("subsidy.") + QLatin1String(leverProgramme); }
    [[nodiscard]] QString leverQuote() const;
    [[nodiscard]] QString leverSource() const;
    [[nodiscard]] double baselineScale() const { return 1.0; }
    [[nodiscard]] double minimumScale() const { return 0.0; }
    [[nodiscard]] double maximumScale() const { return 3.0; }
    [[nodiscard]] double scale() const { return m_scale; }
    void setScale(double scale);
    /** One set of levers: from now on the scale is the workbench scenario's value of leverId(). */
    void followScenario(const ScenarioController *scenario);
    /** Largest value of baseline or scenario, in billions of US dollars, for the chart's axis. */
    [[nodiscard]] double maxValue() const;
    [[nodiscard]] QString sourceLine() const;

    Q_INVOKABLE [[nodiscard]] QString regionName(const QString &regionId) const;
    /** Cumulative funding (USD bn) of a region in a year, from the baseline or the scenario. */
    Q_INVOKABLE [[nodiscard]] double value(const QString &regionId, int year, bool baseline) const;
    /** Replaces the points of an XY series with a region's baseline or scenario line. */
    Q_INVOKABLE void fillSeries(QAbstractSeries *series, const QString &regionId, bool baseline) const;

Q_SIGNALS:
    void scaleChanged();
    void resultsChanged();

private:
    [[nodiscard]] const FundingModel::Lever &lever() const;
    void recompute();

    std::shared_ptr<const AppContext> m_context;
    qsizetype m_leverIndex = -1;
    double m_scale = 1.0;
    FundingProjection m_baseline;
    FundingProjection m_scenario;
};

} // namespace techrace
