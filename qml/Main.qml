pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

ApplicationWindow {
    id: root

    // Every page of the app, in navigation order. A page is a QML file of this module; it loads on first visit.
    readonly property var pages: [
        {
            "title": qsTr("Overview"),
            "source": "pages/OverviewPage.qml"
        },
        {
            "title": qsTr("Dashboard"),
            "source": "pages/DashboardPage.qml"
        },
        {
            "title": qsTr("Charts"),
            "source": "pages/ChartsPage.qml"
        },
        {
            "title": qsTr("Map"),
            "source": "pages/MapPage.qml"
        },
        {
            "title": qsTr("Timeline"),
            "source": "pages/TimelinePage.qml"
        },
        {
            "title": qsTr("Knowledge"),
            "source": "pages/KnowledgePage.qml"
        },
        {
            "title": qsTr("Sensitivity"),
            "source": "pages/SensitivityPage.qml"
        },
        {
            "title": qsTr("Calibration"),
            "source": "pages/CalibrationPage.qml"
        }
    ]

    readonly property var pageTitles: pages.map(page => page.title)

    // Opens the page titled `title` (the --page option); false when no page has that title.
    function showPage(title: string): bool {
        const wanted = title.toLowerCase();
        const index = pageTitles.findIndex(pageTitle => pageTitle.toLowerCase() === wanted);
        if (index < 0)
            return false;
        navigation.currentIndex = index;
        return true;
    }

    width: 1280
    height: 800
    minimumWidth: 800
    minimumHeight: 520
    visible: true
    title: qsTr("TechRace")
    color: Theme.background

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing

            Label {
                text: qsTr("TechRace")
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The geopolitical race for chips and AI compute")
                color: Theme.mutedText
                font.pixelSize: Theme.fontNormal
                elide: Text.ElideRight
            }
            ScenarioBar {}
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        NavigationRail {
            id: navigation

            Layout.fillHeight: true
            Layout.preferredWidth: 160
            visible: root.pages.length > 1
            titles: root.pageTitles
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: navigation.currentIndex

            Repeater {
                model: root.pages

                Loader {
                    required property var modelData
                    required property int index

                    objectName: "page:" + modelData.source
                    active: index === navigation.currentIndex || item !== null
                    source: Qt.resolvedUrl(modelData.source)
                }
            }
        }
    }
}
