pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The foundation's one screen: Big Fund III on the left, the state-funding projection it drives on the right. The
// slider is the workbench's own Big Fund III lever (one set of levers): moving it here moves it everywhere, undo
// included, and the chart follows the workbench's scenario.
Item {
    id: root

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Pane {
            Layout.preferredWidth: 340
            Layout.fillHeight: true
            padding: Theme.spacing
            background: Rectangle {
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
            }

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.spacing

                Label {
                    text: qsTr("Subsidies")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                LeverSlider {
                    Layout.fillWidth: true
                    label: FundingController.leverLabel
                    from: FundingController.minimumScale
                    to: FundingController.maximumScale
                    baselineValue: FundingController.baselineScale
                    value: FundingController.scale
                    sourceText: qsTr("“%1” — %2").arg(FundingController.leverQuote).arg(FundingController.leverSource)
                    onMoved: newValue => ScenarioController.dragLever(FundingController.leverId, newValue)
                    onReleased: ScenarioController.finishDrag()
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The workbench's Big Fund III lever: moving it here moves it on the Dashboard, Charts and Map too, and Undo takes it back.")
                    wrapMode: Text.WordWrap
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }

        FundingChart {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
