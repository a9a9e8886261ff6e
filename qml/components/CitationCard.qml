pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// One source of a fact: the verbatim quote, where it comes from, and how far that source can be trusted.
ColumnLayout {
    id: root

    // {sourceTitle, publisher, published, kind, url, reliability, reliabilityMeaning, quote}
    required property var citation

    spacing: 6

    Rectangle {
        Layout.fillWidth: true
        implicitHeight: quoteLabel.implicitHeight + 2 * Theme.spacing
        color: Theme.background
        radius: Theme.radius

        Rectangle {
            width: 4
            height: parent.height
            radius: 2
            color: Theme.reliabilityColor(root.citation.reliability)
        }
        Label {
            id: quoteLabel

            objectName: "citationQuote"
            anchors.fill: parent
            anchors.margins: Theme.spacing
            anchors.leftMargin: Theme.spacing + 6
            text: qsTr("“%1”").arg(root.citation.quote)
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontLarge
            font.italic: true
            color: Theme.text
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing / 2

        Badge {
            text: qsTr("Reliability %1").arg(root.citation.reliability)
            tint: Theme.reliabilityColor(root.citation.reliability)
        }
        Label {
            Layout.fillWidth: true
            text: root.citation.reliabilityMeaning
            color: Theme.mutedText
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.Wrap
        }
    }
    Label {
        Layout.fillWidth: true
        text: [root.citation.sourceTitle, root.citation.publisher, root.citation.published, root.citation.kind].filter(part => part.length > 0).join(" — ")
        font.pixelSize: Theme.fontNormal
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: root.citation.url.length > 0
        text: root.citation.url
        color: Theme.accent
        font.pixelSize: Theme.fontSmall
        elide: Text.ElideMiddle
    }
}
