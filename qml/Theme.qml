pragma Singleton

import QtQuick

// Sizes and colours shared by every view; readable from the back of a classroom at the default scale.
QtObject {
    readonly property color background: "#f7f7f5"
    readonly property color surface: "#ffffff"
    readonly property color border: "#d9d9d4"
    readonly property color text: "#1d1d1b"
    readonly property color mutedText: "#5f5f5a"
    readonly property color accent: "#1f6feb"
    readonly property color baselineMark: "#8a8a85"

    readonly property int spacing: 12
    readonly property int radius: 6
    readonly property int fontSmall: 12
    readonly property int fontNormal: 14
    readonly property int fontLarge: 18
    readonly property int fontTitle: 22

    // One colour per model region (Okabe–Ito palette, safe for colour-blind readers).
    readonly property var regionColors: ({
            "CN": "#d55e00",
            "US": "#0072b2",
            "TW": "#009e73",
            "KR": "#cc79a7",
            "JP": "#e69f00",
            "EU": "#56b4e9",
            "IN": "#7b3294",
            "CA": "#b2182b",
            "ROW": "#666666"
        })

    // Knowledge page marks: the user's own edits, disagreeing sources, and the reliability grades A–D of sources.
    readonly property color userEditMark: "#7b3294"
    readonly property color conflictMark: "#b35900"
    readonly property var reliabilityColors: ({
            "A": "#1a7f37",
            "B": "#0969da",
            "C": "#9a6700",
            "D": "#cf222e"
        })

    function reliabilityColor(grade: string): color {
        return reliabilityColors[grade] ?? "#444444";
    }

    function regionColor(regionId: string): color {
        return regionColors[regionId] ?? "#444444";
    }

    // Analysis pages: a tornado's output at an input's low and high end; a waterfall's rises and falls.
    readonly property color lowInput: "#e69f00"
    readonly property color highInput: "#0072b2"
    readonly property color rise: "#009e73"
    readonly property color fall: "#d55e00"
}
