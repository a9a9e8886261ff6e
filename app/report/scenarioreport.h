#pragma once

#include "appcontext.h"
#include "model/scenario.h"
#include "status.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace techrace {

/** Where a report is: step `index` (1-based) of `count`, named for a progress line ("[3/9] Charts"). */
struct ReportProgress
{
    int index = 0;
    int count = 0;
    QString step;
    /** The share of the work done before this step starts, 0..1. */
    [[nodiscard]] double fraction() const { return count > 0 ? double(index - 1) / count : 0; }
};

/**
 * A scenario as a printable PDF (A4, vectors): a cover (name, date, description, model and knowledge-base versions),
 * the levers that differ from the baseline, the headline indicators against the baseline, the key charts
 * (self-sufficiency, market share, AI compute), the map of self-sufficiency in 2030, a sensitivity tornado and the
 * sources behind it all. Every page carries the scenario name and its page number.
 *
 * The window and `techrace report` build it the same way. It runs on any thread (it owns every object it draws with);
 * between steps it reports progress and checks the cancel flag. The file appears only once complete: a cancelled or
 * failed report leaves nothing at the target path (the PDF is built in memory, then written atomically).
 */
class ScenarioReport
{
public:
    using ProgressCallback = std::function<void(const ReportProgress &)>;

    ScenarioReport(std::shared_ptr<const AppContext> context, Scenario scenario);

    /** Called at the start of every step, on the thread that builds the report. */
    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    /** Checked between steps; once true, the report stops and write()/render() fail with cancelledMessage(). */
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    /** The date printed on the cover; today when not set (tests fix it). */
    void setDate(const QDate &date) { m_date = date; }

    /** The step names, in order. */
    static QStringList stepNames();
    static QString cancelledMessage();

    /** The PDF's bytes. */
    [[nodiscard]] Expected<QByteArray> render();
    /** Renders and writes the PDF to `path` atomically; checks the target first so a bad path fails at once. */
    Status write(const QString &path);
    /** True when the last render()/write() stopped because the cancel flag was set. */
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }

private:
    bool enterStep(int index);

    std::shared_ptr<const AppContext> m_context;
    Scenario m_scenario;
    ProgressCallback m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    QDate m_date;
    bool m_cancelled = false;
};

} // namespace techrace
