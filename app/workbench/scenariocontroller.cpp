#include "workbench/scenariocontroller.h"

#include "kb/sqlitedb.h"
#include "workbench/headlinemodel.h"
#include "workbench/leversmodel.h"
#include "workbench/metricinfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUndoCommand>

#include <cmath>

namespace techrace {

namespace {

Q_LOGGING_CATEGORY(lcWorkbench, "techrace.workbench")

ScenarioController *s_instance = nullptr;
constexpr int autosaveDelayMs = 1000;
constexpr int maxRecentFiles = 8;
constexpr auto recentFilesKey = "workbench/recentFiles";
constexpr auto autosaveFileKey = "workbench/autosaveFile";

/** One lever change. Consecutive changes of the same lever merge while a drag is open. */
class LeverCommand : public QUndoCommand
{
public:
    static constexpr int commandId = 0x7ec;

    LeverCommand(ScenarioController *controller, const Lever &lever, double oldValue, double newValue, bool mergeable)
        : m_controller(controller)
        , m_leverId(lever.id)
        , m_label(lever.label)
        , m_oldValue(oldValue)
        , m_newValue(newValue)
        , m_mergeable(mergeable)
    {
        updateText();
    }

    void redo() override { m_controller->applyLever(m_leverId, m_newValue); }
    void undo() override { m_controller->applyLever(m_leverId, m_oldValue); }
    [[nodiscard]] int id() const override { return commandId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const LeverCommand *>(other);
        if (!next->m_mergeable || next->m_leverId != m_leverId)
            return false;
        m_newValue = next->m_newValue;
        updateText();
        return true;
    }

private:
    void updateText() { setText(QCoreApplication::translate("ScenarioController", "change %1").arg(m_label)); }

    ScenarioController *m_controller;
    QString m_leverId;
    QString m_label;
    double m_oldValue;
    double m_newValue;
    bool m_mergeable;
};

QString localPath(const QUrl &url)
{
    return url.isLocalFile() ? url.toLocalFile() : url.toString(QUrl::PreferLocalFile);
}

} // namespace

ScenarioController::ScenarioController(std::shared_ptr<const AppContext> context, Session session, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_session(session)
    , m_baseline(engine().baseline())
    , m_results(m_baseline)
    , m_parameterValues(engine().parameterValues())
{
    for (const KnowledgeBase::Region &region : m_context->knowledgeBase().regions())
        m_regionNames.insert(region.id, region.name);
    m_regionNames.insert(QStringLiteral("WORLD"), tr("World"));
    if (auto stmt = m_context->knowledgeBase().database().prepare(QStringLiteral("SELECT id, name FROM segments"))) {
        while (stmt->step() == SqliteStatement::Step::Row)
            m_segmentNames.insert(stmt->text(0), stmt->text(1));
    }
    m_levers = new LeversModel(this, this);
    m_headlines = new HeadlineModel(this, this);

    connect(&m_undo, &QUndoStack::cleanChanged, this, &ScenarioController::modifiedChanged);
    connect(&m_undo, &QUndoStack::indexChanged, this, &ScenarioController::undoStateChanged);
    connect(&m_undo, &QUndoStack::canUndoChanged, this, &ScenarioController::undoStateChanged);
    connect(&m_undo, &QUndoStack::canRedoChanged, this, &ScenarioController::undoStateChanged);

    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(autosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &ScenarioController::writeAutosave);

    if (m_session == Session::Persistent) {
        QDir().mkpath(sessionDir());
        // The marker outlives only an unclean exit; finding it next to an autosave means work may be lost.
        m_restoreAvailable = QFile::exists(uncleanMarkerPath()) && QFile::exists(autosavePath());
        QFile marker(uncleanMarkerPath());
        if (!marker.open(QIODevice::WriteOnly))
            qCWarning(lcWorkbench) << "cannot write" << marker.fileName();
    }
}

ScenarioController::~ScenarioController()
{
    if (s_instance == this)
        s_instance = nullptr;
    if (m_session == Session::Persistent) {
        m_autosaveTimer.stop();
        // Unanswered restore offer: keep both files so the next start asks again.
        if (!m_restoreAvailable) {
            QFile::remove(autosavePath());
            QFile::remove(uncleanMarkerPath());
        }
    }
}

ScenarioController *ScenarioController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ScenarioController::setInstance(ScenarioController *instance)
{
    s_instance = instance;
}

QString ScenarioController::displayName() const
{
    if (hasFile())
        return QFileInfo(localPath(m_fileUrl)).fileName();
    return m_scenario.name.isEmpty() ? tr("Untitled scenario") : m_scenario.name;
}

QVariantList ScenarioController::presets() const
{
    QVariantList list;
    for (const QString &id : Scenario::presetIds()) {
        auto preset = Scenario::preset(id, engine().levers());
        if (!preset)
            continue;
        list.append(QVariantMap {{QStringLiteral("id"), id},
                                 {QStringLiteral("name"), preset->name},
                                 {QStringLiteral("description"), preset->description}});
    }
    return list;
}

QStringList ScenarioController::recentFiles() const
{
    if (m_session != Session::Persistent)
        return {};
    return QSettings().value(QLatin1String(recentFilesKey)).toStringList();
}

QVariantList ScenarioController::metricChoices() const
{
    QVariantList list;
    for (const MetricInfo &info : metricInfos())
        list.append(QVariantMap {{QStringLiteral("id"), metricId(info.metric)}, {QStringLiteral("name"), info.label}});
    return list;
}

QVariantList ScenarioController::regionChoices() const
{
    QVariantList list;
    QStringList ids = engine().regions();
    ids.append(QStringLiteral("WORLD"));
    for (const QString &id : std::as_const(ids))
        list.append(QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("name"), regionName(id)}});
    return list;
}

QVariantList ScenarioController::segmentChoices() const
{
    QVariantList list {QVariantMap {{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("All segments")}}};
    for (const QString &id : engine().segments())
        list.append(QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("name"), segmentName(id)}});
    return list;
}

QString ScenarioController::regionName(const QString &id) const
{
    return m_regionNames.value(id, id);
}

QString ScenarioController::segmentName(const QString &id) const
{
    return m_segmentNames.value(id, id);
}

int ScenarioController::changedLeverCount() const
{
    int count = 0;
    for (const auto &override : m_scenario.overrides()) {
        const Lever *lever = engine().levers().find(override.first);
        if (lever && override.second != lever->baseline)
            ++count;
    }
    return count;
}

double ScenarioController::leverValue(const QString &id) const
{
    const Lever *lever = engine().levers().find(id);
    return lever ? m_scenario.leverValue(*lever) : std::nan("");
}

bool ScenarioController::setLever(const QString &id, double value)
{
    m_dragLever.clear();
    return pushLever(id, value, false);
}

bool ScenarioController::dragLever(const QString &id, double value)
{
    const bool mergeable = m_dragLever == id;
    m_dragLever = id;
    return pushLever(id, value, mergeable);
}

void ScenarioController::finishDrag()
{
    m_dragLever.clear();
}

bool ScenarioController::pushLever(const QString &id, double value, bool mergeable)
{
    const Lever *lever = engine().levers().find(id);
    if (!lever) {
        reportError(tr("There is no lever \"%1\".").arg(id));
        return false;
    }
    if (!std::isfinite(value) || value < lever->min || value > lever->max) {
        reportError(tr("%1 must lie between %2 and %3.").arg(lever->label).arg(lever->min).arg(lever->max));
        return false;
    }
    const double old = m_scenario.leverValue(*lever);
    if (old == value)
        return true;
    m_undo.push(new LeverCommand(this, *lever, old, value, mergeable));
    return true;
}

void ScenarioController::applyLever(const QString &id, double value)
{
    const Lever *lever = engine().levers().find(id);
    Q_ASSERT(lever);
    if (value == lever->baseline) {
        m_scenario.resetLever(id);
    } else if (Status status = m_scenario.setLever(engine().levers(), id, value); !status) {
        reportError(status.message());
        return;
    }
    Q_EMIT leverChanged(id);
    Q_EMIT leverValuesChanged();
    if (m_comparison)
        Q_EMIT comparisonChanged();
    recompute();
    scheduleAutosave();
}

void ScenarioController::resetLever(const QString &id)
{
    if (const Lever *lever = engine().levers().find(id))
        setLever(id, lever->baseline);
}

void ScenarioController::resetAll()
{
    m_dragLever.clear();
    const auto overrides = m_scenario.overrides();
    if (changedLeverCount() == 0)
        return;
    m_undo.beginMacro(tr("reset all levers"));
    for (const auto &override : overrides)
        pushLever(override.first, engine().levers().find(override.first)->baseline, false);
    m_undo.endMacro();
}

void ScenarioController::undo()
{
    m_dragLever.clear();
    m_undo.undo();
}

void ScenarioController::redo()
{
    m_dragLever.clear();
    m_undo.redo();
}

void ScenarioController::replaceDocument(Scenario scenario, const QUrl &fileUrl)
{
    m_dragLever.clear();
    m_scenario = std::move(scenario);
    m_fileUrl = fileUrl;
    m_undo.clear();
    m_undo.setClean();
    setModifiedFlag(false);
    Q_EMIT documentChanged();
    Q_EMIT leverValuesChanged();
    Q_EMIT undoStateChanged();
    recompute();
    scheduleAutosave();
}

void ScenarioController::newScenario()
{
    replaceDocument(Scenario(), QUrl());
}

bool ScenarioController::loadPreset(const QString &id)
{
    auto preset = Scenario::preset(id, engine().levers());
    if (!preset) {
        reportError(tr("The preset \"%1\" cannot be loaded: %2").arg(id, preset.message()));
        return false;
    }
    replaceDocument(std::move(preset).value(), QUrl());
    return true;
}

bool ScenarioController::open(const QUrl &url)
{
    const QString path = localPath(url);
    auto loaded = Scenario::load(path, engine().levers());
    if (!loaded) {
        reportError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), loaded.message()));
        return false;
    }
    replaceDocument(std::move(loaded).value(), QUrl::fromLocalFile(path));
    addRecentFile(path);
    return true;
}

bool ScenarioController::save()
{
    if (!hasFile()) {
        reportError(tr("Choose a file to save the scenario to."));
        return false;
    }
    return saveAs(m_fileUrl);
}

bool ScenarioController::saveAs(const QUrl &url)
{
    QString path = localPath(url);
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(".techrace.json");
    if (Status status = m_scenario.save(path); !status) {
        reportError(tr("Cannot save %1: %2").arg(QFileInfo(path).fileName(), status.message()));
        return false;
    }
    m_fileUrl = QUrl::fromLocalFile(path);
    m_undo.setClean();
    setModifiedFlag(false);
    Q_EMIT documentChanged();
    addRecentFile(path);
    if (m_session == Session::Persistent)
        QSettings().setValue(QLatin1String(autosaveFileKey), path);
    return true;
}

void ScenarioController::addRecentFile(const QString &path)
{
    if (m_session != Session::Persistent)
        return;
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > maxRecentFiles)
        list.removeLast();
    QSettings().setValue(QLatin1String(recentFilesKey), list);
    Q_EMIT recentFilesChanged();
}

void ScenarioController::clearRecentFiles()
{
    if (m_session != Session::Persistent)
        return;
    QSettings().remove(QLatin1String(recentFilesKey));
    Q_EMIT recentFilesChanged();
}

void ScenarioController::recompute()
{
    const int generation = ++m_requestedGeneration;
    Results results = std::move(m_results); // reuse the buffer: no allocation on a lever move
    if (!results.isValid())
        results = engine().makeResults();
    const std::vector<double> levers = m_scenario.leverValues(engine().levers());
    engine().runWith(levers.data(), m_parameterValues.data(), results);
    acceptResults(generation, std::move(results));
}

void ScenarioController::acceptResults(int generation, Results results)
{
    if (generation < m_requestedGeneration)
        return; // a newer request is on its way: never show stale numbers
    m_results = std::move(results);
    m_acceptedGeneration = generation;
    Q_EMIT resultsChanged();
}

void ScenarioController::reportError(const QString &message)
{
    qCWarning(lcWorkbench).noquote() << message;
    m_lastError = message;
    Q_EMIT errorOccurred(message);
}

void ScenarioController::setModifiedFlag(bool restoredUnsaved)
{
    const bool before = isModified();
    m_restoredUnsaved = restoredUnsaved;
    if (before != isModified())
        Q_EMIT modifiedChanged();
}

bool ScenarioController::compareWithPreset(const QString &id)
{
    auto preset = Scenario::preset(id, engine().levers());
    if (!preset) {
        reportError(tr("The preset \"%1\" cannot be loaded: %2").arg(id, preset.message()));
        return false;
    }
    setComparison(std::move(preset).value());
    return true;
}

bool ScenarioController::compareWithFile(const QUrl &url)
{
    const QString path = localPath(url);
    auto loaded = Scenario::load(path, engine().levers());
    if (!loaded) {
        reportError(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), loaded.message()));
        return false;
    }
    Scenario other = std::move(loaded).value();
    if (other.name.isEmpty())
        other.name = QFileInfo(path).fileName();
    setComparison(std::move(other));
    return true;
}

void ScenarioController::setComparison(Scenario other)
{
    m_comparisonResults = engine().run(other);
    m_comparison = std::move(other);
    Q_EMIT comparisonChanged();
}

void ScenarioController::stopComparing()
{
    if (!m_comparison)
        return;
    m_comparison.reset();
    m_comparisonResults = Results();
    Q_EMIT comparisonChanged();
}

QVariantList ScenarioController::differingLevers() const
{
    QVariantList list;
    if (!m_comparison)
        return list;
    for (const Lever &lever : engine().levers().levers()) {
        const double mine = m_scenario.leverValue(lever);
        const double theirs = m_comparison->leverValue(lever);
        if (mine == theirs)
            continue;
        list.append(QVariantMap {{QStringLiteral("id"), lever.id},
                                 {QStringLiteral("label"), lever.label},
                                 {QStringLiteral("value"), formatLeverValue(lever.unit, mine)},
                                 {QStringLiteral("other"), formatLeverValue(lever.unit, theirs)}});
    }
    return list;
}

QString ScenarioController::sessionDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString ScenarioController::autosavePath()
{
    return sessionDir() + QStringLiteral("/autosave.techrace.json");
}

QString ScenarioController::uncleanMarkerPath()
{
    return sessionDir() + QStringLiteral("/session.running");
}

void ScenarioController::scheduleAutosave()
{
    if (m_session == Session::Persistent && !m_restoreAvailable)
        m_autosaveTimer.start();
}

void ScenarioController::writeAutosave()
{
    if (m_session != Session::Persistent || m_restoreAvailable)
        return; // never overwrite what a crashed session left before the user decided about it
    if (Status status = m_scenario.save(autosavePath()); !status)
        qCWarning(lcWorkbench).noquote() << "autosave failed:" << status.message();
    QSettings().setValue(QLatin1String(autosaveFileKey), hasFile() ? localPath(m_fileUrl) : QString());
}

void ScenarioController::restoreAutosave()
{
    if (!m_restoreAvailable)
        return;
    auto restored = Scenario::load(autosavePath(), engine().levers());
    m_restoreAvailable = false;
    Q_EMIT restoreAvailableChanged();
    if (!restored) {
        reportError(tr("The autosaved scenario cannot be restored: %1").arg(restored.message()));
        return;
    }
    const QString file = QSettings().value(QLatin1String(autosaveFileKey)).toString();
    replaceDocument(std::move(restored).value(), file.isEmpty() ? QUrl() : QUrl::fromLocalFile(file));
    setModifiedFlag(true);
}

void ScenarioController::discardAutosave()
{
    if (!m_restoreAvailable)
        return;
    m_restoreAvailable = false;
    QFile::remove(autosavePath());
    Q_EMIT restoreAvailableChanged();
}

} // namespace techrace
