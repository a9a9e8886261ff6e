#include "map/colorscale.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {

// ColorBrewer "Blues" (sequential) and "RdBu" (diverging), Cynthia Brewer, Apache-2.0 licensed colour schemes.
const QList<QColor> &blues()
{
    static const QList<QColor> list = {QColor(0xde, 0xeb, 0xf7), QColor(0xc6, 0xdb, 0xef), QColor(0x9e, 0xca, 0xe1),
                                       QColor(0x6b, 0xae, 0xd6), QColor(0x42, 0x92, 0xc6), QColor(0x21, 0x71, 0xb5),
                                       QColor(0x08, 0x51, 0x9c), QColor(0x08, 0x30, 0x6b)};
    return list;
}

const QList<QColor> &redBlue()
{
    static const QList<QColor> list = {QColor(0x21, 0x66, 0xac), QColor(0x67, 0xa9, 0xcf), QColor(0xd1, 0xe5, 0xf0),
                                       QColor(0xf7, 0xf7, 0xf7), QColor(0xfd, 0xdb, 0xc7), QColor(0xef, 0x8a, 0x62),
                                       QColor(0xb2, 0x18, 0x2b)};
    return list;
}

constexpr int maxSequentialBins = 6;

} // namespace

double ColorScale::niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * power >= rough * (1 - 1e-9))
            return factor * power;
    }
    return 10 * power;
}

QString ColorScale::formatNumber(double value)
{
    if (std::abs(value) < 1e-12)
        return QStringLiteral("0");
    // Enough digits for round bin edges (0.25, 2.5, 150, 1200) and no trailing zeros.
    QString text = QLocale::c().toString(value, 'f', std::abs(value) >= 1000 ? 0 : 2);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

ColorScale ColorScale::fit(Kind kind, double lowest, double highest)
{
    ColorScale scale;
    scale.m_kind = kind;
    scale.m_edges.clear();
    scale.m_colors.clear();
    if (kind == Kind::Diverging) {
        // Seven bins, the middle one centred on zero: edges at ±0.5, ±1.5, ±2.5, ±3.5 steps.
        const double magnitude = std::max(std::abs(lowest), std::abs(highest));
        const double step = magnitude > 0 ? niceStep(magnitude / 3.5) : 1;
        for (int i = -7; i <= 7; i += 2)
            scale.m_edges.append(i * step / 2);
        scale.m_colors = redBlue();
        return scale;
    }
    const double top = std::max(highest, 0.0);
    const double bottom = std::min(lowest, 0.0);
    const double step = top - bottom > 0 ? niceStep((top - bottom) / maxSequentialBins) : 1;
    const double first = std::floor(bottom / step) * step;
    const int bins = std::max(1, int(std::ceil((top - first) / step - 1e-9)));
    for (int i = 0; i <= bins; ++i)
        scale.m_edges.append(first + i * step);
    // Spread the bins over the palette, skipping its palest tint so every bin stands out from the no-data grey.
    const QList<QColor> &palette = blues();
    for (int i = 0; i < bins; ++i) {
        const int index = bins == 1 ? 3 : 1 + int(std::lround(double(i) * (palette.size() - 2) / (bins - 1)));
        scale.m_colors.append(palette.at(std::min<qsizetype>(index, palette.size() - 1)));
    }
    return scale;
}

QColor ColorScale::color(double value) const
{
    if (!std::isfinite(value))
        return noDataColor();
    for (qsizetype i = 1; i < m_edges.size() - 1; ++i) {
        if (value < m_edges.at(i))
            return m_colors.at(i - 1);
    }
    return m_colors.last();
}

} // namespace techrace
