pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The foundation's one screen: a lever on the left, the projection it drives on the right.
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
                    onMoved: newValue => FundingController.scale = newValue
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
