import QtQuick
import TechRace.Ui

// A small line chart without axes: the baseline dashed and grey, the scenario solid on top.
Canvas {
    id: root

    property var values: []
    property var baselineValues: []
    property color color: Theme.accent

    function drawLine(ctx, points, low, high, dashed) {
        if (points.length < 2)
            return;
        ctx.setLineDash(dashed ? [4, 3] : []);
        ctx.beginPath();
        for (let i = 0; i < points.length; ++i) {
            const x = i / (points.length - 1) * (width - 4) + 2;
            const y = height - 2 - (points[i] - low) / Math.max(1e-9, high - low) * (height - 4);
            if (i === 0)
                ctx.moveTo(x, y);
            else
                ctx.lineTo(x, y);
        }
        ctx.stroke();
    }

    onValuesChanged: requestPaint()
    onBaselineValuesChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    onPaint: {
        const ctx = getContext("2d");
        ctx.reset();
        const all = values.concat(baselineValues).filter(v => isFinite(v));
        if (all.length === 0)
            return;
        const low = Math.min(0, ...all);
        const high = Math.max(...all);
        ctx.lineWidth = 2;
        ctx.strokeStyle = Theme.baselineMark;
        drawLine(ctx, baselineValues, low, high, true);
        ctx.lineWidth = 3;
        ctx.strokeStyle = root.color;
        drawLine(ctx, values, low, high, false);
    }
}
