#pragma once

#include "appcontext.h"
#include "model/results.h"
#include "model/scenario.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace techrace {

class LeversModel;
class HeadlineModel;

/**
 * The scenario document the workbench edits: lever values against the baseline, the model results of both, undo
 * and redo of lever changes, presets, files (.techrace.json), recent files, autosave and crash recovery.
 *
 * Every lever change recomputes synchronously (the engine runs in well under a millisecond). Each computation is
 * tagged with a generation number and results are accepted only for the latest one, so a worker thread can take
 * over later and stale results are dropped rather than shown.
 */
class ScenarioController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_MOC_INCLUDE("workbench/leversmodel.h")
    Q_MOC_INCLUDE("workbench/headlinemodel.h")

    Q_PROPERTY(QString name READ name NOTIFY documentChanged)
    Q_PROPERTY(QString description READ description NOTIFY documentChanged)
    Q_PROPERTY(QUrl fileUrl READ fileUrl NOTIFY documentChanged)
    Q_PROPERTY(bool hasFile READ hasFile NOTIFY documentChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY documentChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(int changedLeverCount READ changedLeverCount NOTIFY leverValuesChanged)
    Q_PROPERTY(QVariantList presets READ presets CONSTANT)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(int revision READ revision NOTIFY resultsChanged)
    Q_PROPERTY(bool restoreAvailable READ restoreAvailable NOTIFY restoreAvailableChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY errorOccurred)
    Q_PROPERTY(int firstYear READ firstYear CONSTANT)
    Q_PROPERTY(int lastYear READ lastYear CONSTANT)
    Q_PROPERTY(QVariantList metricChoices READ metricChoices CONSTANT)
    Q_PROPERTY(QVariantList regionChoices READ regionChoices CONSTANT)
    Q_PROPERTY(QVariantList segmentChoices READ segmentChoices CONSTANT)
    Q_PROPERTY(bool comparing READ comparing NOTIFY comparisonChanged)
    Q_PROPERTY(QString comparisonName READ comparisonName NOTIFY comparisonChanged)
    Q_PROPERTY(QVariantList differingLevers READ differingLevers NOTIFY comparisonChanged)
    Q_PROPERTY(techrace::LeversModel *levers READ levers CONSTANT)
    Q_PROPERTY(techrace::HeadlineModel *headlines READ headlines CONSTANT)

public:
    /** Whether the document keeps a session on disk: autosave, the unclean-exit marker and recent files. */
    enum class Session
    {
        Persistent, // the interactive app
        Ephemeral // screenshots, self-test, benchmarks, most tests: touch nothing on disk
    };

    explicit ScenarioController(std::shared_ptr<const AppContext> context, Session session = Session::Ephemeral,
                                QObject *parent = nullptr);
    ~ScenarioController() override;

    /** The instance QML gets; owned by main() (or the test), never by the QML engine. */
    static ScenarioController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(ScenarioController *instance);

    [[nodiscard]] const AppContext &context() const { return *m_context; }
    /** For work that outlives a call, such as a report built on another thread. */
    [[nodiscard]] std::shared_ptr<const AppContext> sharedContext() const { return m_context; }
    [[nodiscard]] const ModelEngine &engine() const { return m_context->modelEngine(); }
    [[nodiscard]] const Scenario &scenario() const { return m_scenario; }
    [[nodiscard]] const Results &baselineResults() const { return m_baseline; }
    [[nodiscard]] const Results &scenarioResults() const { return m_results; }

    [[nodiscard]] QString name() const { return m_scenario.name; }
    [[nodiscard]] QString description() const { return m_scenario.description; }
    [[nodiscard]] QUrl fileUrl() const { return m_fileUrl; }
    [[nodiscard]] bool hasFile() const { return !m_fileUrl.isEmpty(); }
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] bool isModified() const { return m_restoredUnsaved || !m_undo.isClean(); }
    [[nodiscard]] bool canUndo() const { return m_undo.canUndo(); }
    [[nodiscard]] bool canRedo() const { return m_undo.canRedo(); }
    [[nodiscard]] QString undoText() const { return m_undo.undoText(); }
    [[nodiscard]] QString redoText() const { return m_undo.redoText(); }
    /** Levers whose value differs from the baseline (a file may also name a lever at its baseline value). */
    [[nodiscard]] int changedLeverCount() const;
    [[nodiscard]] QVariantList presets() const;
    [[nodiscard]] QStringList recentFiles() const;
    [[nodiscard]] int revision() const { return m_acceptedGeneration; }
    [[nodiscard]] bool restoreAvailable() const { return m_restoreAvailable; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] int firstYear() const { return ModelEngine::firstYear; }
    [[nodiscard]] int lastYear() const { return ModelEngine::lastYear; }
    [[nodiscard]] LeversModel *levers() const { return m_levers; }
    [[nodiscard]] HeadlineModel *headlines() const { return m_headlines; }

    /** For the chart pickers: [{id, name}] ("WORLD" is the world total; segment "" is all segments). */
    [[nodiscard]] QVariantList metricChoices() const;
    [[nodiscard]] QVariantList regionChoices() const;
    [[nodiscard]] QVariantList segmentChoices() const;
    Q_INVOKABLE [[nodiscard]] QString regionName(const QString &id) const;
    Q_INVOKABLE [[nodiscard]] QString segmentName(const QString &id) const;

    Q_INVOKABLE [[nodiscard]] double leverValue(const QString &id) const;
    /** One undo step per call. Returns false (and reports an error) for an unknown lever or out-of-range value. */
    Q_INVOKABLE bool setLever(const QString &id, double value);
    /** While a slider is dragged: consecutive moves of the same lever become one undo step until finishDrag(). */
    Q_INVOKABLE bool dragLever(const QString &id, double value);
    Q_INVOKABLE void finishDrag();
    Q_INVOKABLE void resetLever(const QString &id);
    Q_INVOKABLE void resetAll();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    Q_INVOKABLE void newScenario();
    Q_INVOKABLE bool loadPreset(const QString &id);
    Q_INVOKABLE bool open(const QUrl &url);
    /** Saves to the current file; false (with an error) when there is none yet: the view then asks for one. */
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QUrl &url);
    Q_INVOKABLE void clearRecentFiles();

    /** Compare the current scenario with a preset or a file: charts overlay its lines, differingLevers lists. */
    Q_INVOKABLE bool compareWithPreset(const QString &id);
    Q_INVOKABLE bool compareWithFile(const QUrl &url);
    Q_INVOKABLE void stopComparing();
    [[nodiscard]] bool comparing() const { return m_comparison.has_value(); }
    [[nodiscard]] QString comparisonName() const { return m_comparison ? m_comparison->name : QString(); }
    [[nodiscard]] const Results &comparisonResults() const { return m_comparisonResults; }
    /** [{id, label, value, other}] for every lever whose value differs between the two, value texts formatted. */
    [[nodiscard]] QVariantList differingLevers() const;

    /** After an unclean exit: take the autosaved scenario back (marked modified), or throw it away. */
    Q_INVOKABLE void restoreAutosave();
    Q_INVOKABLE void discardAutosave();
    /** Writes the autosave file now (normally a short timer after each change). */
    void writeAutosave();
    [[nodiscard]] static QString sessionDir();
    [[nodiscard]] static QString autosavePath();
    [[nodiscard]] static QString uncleanMarkerPath();

    /** Applies a lever value without an undo step (the undo commands call it). */
    void applyLever(const QString &id, double value);

Q_SIGNALS:
    void leverChanged(const QString &id);
    void leverValuesChanged();
    void resultsChanged();
    void documentChanged();
    void modifiedChanged();
    void undoStateChanged();
    void recentFilesChanged();
    void restoreAvailableChanged();
    void errorOccurred(const QString &message);
    void comparisonChanged();

private:
    bool pushLever(const QString &id, double value, bool mergeable);
    void replaceDocument(Scenario scenario, const QUrl &fileUrl);
    void recompute();
    /** Where results arrive (today synchronously); anything older than the latest request is dropped. */
    void acceptResults(int generation, Results results);
    void reportError(const QString &message);
    void addRecentFile(const QString &path);
    void scheduleAutosave();
    void setModifiedFlag(bool restoredUnsaved);

    std::shared_ptr<const AppContext> m_context;
    Session m_session;
    Scenario m_scenario;
    QUrl m_fileUrl;
    Results m_baseline;
    Results m_results;
    std::vector<double> m_parameterValues;
    int m_requestedGeneration = 0;
    int m_acceptedGeneration = 0;
    QUndoStack m_undo;
    QString m_dragLever; // the lever whose drag is still open, or empty
    bool m_restoredUnsaved = false;
    bool m_restoreAvailable = false;
    QString m_lastError;
    QTimer m_autosaveTimer;
    void setComparison(Scenario other);
    std::optional<Scenario> m_comparison;
    Results m_comparisonResults;
    QHash<QString, QString> m_regionNames;
    QHash<QString, QString> m_segmentNames;
    LeversModel *m_levers = nullptr;
    HeadlineModel *m_headlines = nullptr;
};

} // namespace techrace
