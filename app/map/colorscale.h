#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace techrace {

/**
 * A binned colour scale for a choropleth, as Our World in Data draws them: a few bins with round edges. Sequential
 * (zero to a round maximum, light to dark) for values; diverging (blue below zero, red above, a neutral bin
 * centred on zero) for differences from the baseline.
 */
class ColorScale
{
public:
    enum class Kind
    {
        Sequential,
        Diverging
    };

    ColorScale() = default;
    /** A scale whose bins cover [min(0, lowest), highest] (sequential) or ±largest magnitude (diverging). */
    static ColorScale fit(Kind kind, double lowest, double highest);

    [[nodiscard]] Kind kind() const { return m_kind; }
    /** Bin edges, ascending; there is one colour fewer than edges. */
    [[nodiscard]] const QList<double> &edges() const { return m_edges; }
    [[nodiscard]] const QList<QColor> &colors() const { return m_colors; }
    [[nodiscard]] QColor color(double value) const;
    [[nodiscard]] static QColor noDataColor() { return QColor(0xd4, 0xd4, 0xcf); }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) at least `rough`. */
    static double niceStep(double rough);
    /** Short label for a bin edge: "0", "0.25", "2.5", "150" (units go on the legend title). */
    static QString formatNumber(double value);

private:
    Kind m_kind = Kind::Sequential;
    QList<double> m_edges {0, 1};
    QList<QColor> m_colors {QColor(0xc6, 0xdb, 0xef)};
};

} // namespace techrace
