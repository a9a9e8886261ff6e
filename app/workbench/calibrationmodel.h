#pragma once

#include "model/calibration.h"

#include <QAbstractListModel>
#include <QAbstractSeries>
#include <QPointer>
#include <QQmlEngine>

namespace techrace {

class ScenarioController;

/**
 * The Calibration page: every KB observation beside the baseline model's value for it (model/calibration.h), one row
 * per point, with the overall errors `techrace calibrate` prints. The baseline does not depend on the levers, so the
 * report is computed once, when the controller is set (a baseline run and one KB query).
 */
class CalibrationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("workbench/scenariocontroller.h")

    Q_PROPERTY(techrace::ScenarioController *controller READ controller WRITE setController NOTIFY reportChanged)
    Q_PROPERTY(int count READ count NOTIFY reportChanged)
    Q_PROPERTY(int outOfSampleCount READ outOfSampleCount NOTIFY reportChanged)
    Q_PROPERTY(int skippedCount READ skippedCount NOTIFY reportChanged)
    Q_PROPERTY(QString mapeAllText READ mapeAllText NOTIFY reportChanged)
    Q_PROPERTY(QString mapeOutOfSampleText READ mapeOutOfSampleText NOTIFY reportChanged)
    Q_PROPERTY(QString maePointsText READ maePointsText NOTIFY reportChanged)
    Q_PROPERTY(double scatterMinimum READ scatterMinimum NOTIFY reportChanged)
    Q_PROPERTY(double scatterMaximum READ scatterMaximum NOTIFY reportChanged)
    Q_PROPERTY(int unplottedCount READ unplottedCount NOTIFY reportChanged)
    Q_PROPERTY(QString error READ error NOTIFY reportChanged)

public:
    enum Role
    {
        ObservationIdRole = Qt::UserRole + 1,
        SeriesRole,
        SubjectRole, // region, segment and company the point is about, as ids joined by " · "
        YearRole,
        UnitRole,
        ObservedRole,
        ModelRole,
        ObservedTextRole,
        ModelTextRole,
        ErrorPercentRole, // NaN when the observation is 0
        ErrorTextRole,
        FittedRole,
        SampleTextRole,
        SourceIdRole
    };
    Q_ENUM(Role)

    explicit CalibrationModel(QObject *parent = nullptr);

    [[nodiscard]] ScenarioController *controller() const { return m_controller; }
    void setController(ScenarioController *controller);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int outOfSampleCount() const { return m_report.outOfSampleCount; }
    [[nodiscard]] int skippedCount() const { return m_report.skipped; }
    /** As `techrace calibrate` prints them: one decimal and a percent sign. */
    [[nodiscard]] QString mapeAllText() const;
    [[nodiscard]] QString mapeOutOfSampleText() const;
    [[nodiscard]] QString maePointsText() const;
    /**
     * The log-log scatter's axis as powers of ten (the exponents: 0 is 1, 7 is 10 million), around every point with
     * positive observed and model values. A value axis over exponents keeps tick labels short ("1e7").
     */
    [[nodiscard]] double scatterMinimum() const { return m_scatterMinimum; }
    [[nodiscard]] double scatterMaximum() const { return m_scatterMaximum; }
    /** Points a log axis cannot show (an observed or model value ≤ 0). */
    [[nodiscard]] int unplottedCount() const { return m_unplotted; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] const CalibrationReport &report() const { return m_report; }

    /**
     * Replaces the points of two scatter series with (log10 observed, log10 model): the points fitted to (in sample)
     * and the rest, and draws the 45° line across the axis into `identity`. Series may be null.
     */
    Q_INVOKABLE void fillScatter(QAbstractSeries *inSample, QAbstractSeries *outOfSample,
                                 QAbstractSeries *identity) const;
    /** The row of the point nearest a scatter position (log10 observed, log10 model), or -1 (for a hovered dot). */
    Q_INVOKABLE [[nodiscard]] int rowNear(double observedExponent, double modelExponent) const;

Q_SIGNALS:
    void reportChanged();

private:
    [[nodiscard]] static bool plottable(const CalibrationPoint &p) { return p.observed > 0 && p.model > 0; }

    QPointer<ScenarioController> m_controller;
    CalibrationReport m_report;
    QString m_error;
    double m_scatterMinimum = 0;
    double m_scatterMaximum = 1;
    int m_unplotted = 0;
};

} // namespace techrace
