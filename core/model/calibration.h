#pragma once

#include "kb/knowledgebase.h"
#include "model/modelengine.h"

#include <QString>

#include <vector>

namespace techrace {

/** One observation of the KB next to the baseline model's value for the same quantity. */
struct CalibrationPoint
{
    QString observationId;
    QString series;
    QString region;
    QString company;
    QString segment;
    int year = 0;
    QString unit;
    double observed = 0;
    double model = 0;
    /** True when a parameter was fitted to this very point (docs/MODEL.md says which): not a test of the model. */
    bool fitted = false;
    QString sourceId;
    [[nodiscard]] double error() const { return model - observed; }
};

/**
 * The calibration report: every KB observation the model has a counterpart for, in 2015–2040, compared with the
 * baseline run. Overall errors: mean absolute percentage error over points with a non-zero observation (all points,
 * and out-of-sample only), and mean absolute error in percentage points over the share series (unit percent).
 */
struct CalibrationReport
{
    std::vector<CalibrationPoint> points;
    int skipped = 0; // observations without a model counterpart (other series, years outside the model)
    double mapeAll = 0;
    double mapeOutOfSample = 0;
    double maePointsPercent = 0;
    int outOfSampleCount = 0;

    [[nodiscard]] QByteArray toCsv() const;
};

Expected<CalibrationReport> calibrate(const ModelEngine &engine, const KnowledgeBase &kb);

} // namespace techrace
