// Qt Quick Test runner with a QApplication (ChartView needs Graphics View) and the app's controllers injected.
#include "appcontext.h"
#include "fundingcontroller.h"
#include "knowledgecontroller.h"
#include "map/mapcontroller.h"
#include "map/mapsources.h"
#include "staticplugins.h"
#include "workbench/scenariocontroller.h"

#include <QApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQuickTest>

#include <memory>

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        auto context = techrace::AppContext::open();
        if (!context)
            qFatal("cannot open the knowledge base: %s", qPrintable(context.message()));
        m_funding = std::make_unique<techrace::FundingController>(context.value());
        techrace::FundingController::setInstance(m_funding.get());
        m_scenario = std::make_unique<techrace::ScenarioController>(context.value());
        techrace::ScenarioController::setInstance(m_scenario.get());
        m_knowledge = std::make_unique<techrace::KnowledgeController>(context.value());
        techrace::KnowledgeController::setInstance(m_knowledge.get());
        m_map = std::make_unique<techrace::MapController>(context.value());
        techrace::addFundingSeries(*m_map, *m_funding);
        techrace::MapController::setInstance(m_map.get());
    }

    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral("qrc:/")); }

private:
    std::unique_ptr<techrace::FundingController> m_funding;
    std::unique_ptr<techrace::KnowledgeController> m_knowledge;
    std::unique_ptr<techrace::MapController> m_map; // declared after m_funding: destroyed first
    std::unique_ptr<techrace::ScenarioController> m_scenario;
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "techrace_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml_main.moc"
