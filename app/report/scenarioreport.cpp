#include "report/scenarioreport.h"

#include "chart/chartfigure.h"
#include "chart/chartpainter.h"
#include "export/exportfile.h"
#include "kb/sqlitedb.h"
#include "map/mapcontroller.h"
#include "map/mapsources.h"
#include "model/analysis.h"
#include "workbench/headlinemodel.h"
#include "workbench/metricinfo.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDate>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <set>

namespace techrace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScenarioReport", text);
}

enum Step
{
    ScenarioStep = 1,
    CoverStep,
    LeversStep,
    HeadlinesStep,
    ChartsStep,
    MapStep,
    SensitivityStep,
    SourcesStep,
    WritingStep
};

// Page geometry in points (the writer runs at 72 dpi, so one device unit is one point).
constexpr double margin = 50;
constexpr double footerHeight = 24;
constexpr double rowPadding = 4;
constexpr int tornadoBars = 12;
constexpr int mapYear = 2030;
constexpr double mapDrawingWidth = 1000;

const QColor ink(0x22, 0x22, 0x22);
const QColor muted(0x66, 0x66, 0x66);
const QColor rule(0xcc, 0xcc, 0xcc);
const QColor lowColor(0x3b, 0x6e, 0xa8);
const QColor highColor(0xd9, 0x7b, 0x29);

QFont font(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    // No ligatures: "ff" stays two letters, so the PDF's text searches and copies as typed.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

struct LeverRow
{
    QString label;
    QString baseline;
    QString scenario;
    QString unit;
    QString source;
};

struct HeadlineRow
{
    QString title;
    int year = 0;
    QString baseline;
    QString scenario;
    QString change;
    QString drivers; // the levers that move it most, from changeFromBaseline
};

/** A table column: its header, its share of the table's width, its alignment. */
struct Column
{
    QString header;
    double share;
    Qt::Alignment align = Qt::AlignLeft;
};

/** Wrapped text's height in a column, measured on the PDF device so pagination and painting agree. */
double textHeight(const QFont &f, QPaintDevice *device, double width, const QString &text)
{
    const QFontMetricsF metrics(f, device);
    return metrics.boundingRect(QRectF(0, 0, width, 10000), Qt::TextWordWrap, text).height();
}

double rowHeight(const QList<Column> &columns, const QStringList &cells, const QFont &f, QPaintDevice *device,
                 double width)
{
    double height = 0;
    for (qsizetype c = 0; c < columns.size(); ++c)
        height = std::max(height, textHeight(f, device, columns.at(c).share * width - 2 * rowPadding, cells.value(c)));
    return height + 2 * rowPadding;
}

/** Splits rows into pages: the first page has `firstHeight` free, the others `height`. Never returns zero pages. */
QList<QList<QStringList>> paginate(const QList<QStringList> &rows, const QList<double> &heights, double firstHeight,
                                   double height)
{
    QList<QList<QStringList>> pages(1);
    double free = firstHeight;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (heights.at(i) > free && !pages.last().isEmpty()) {
            pages.append(QList<QStringList>());
            free = height;
        }
        pages.last().append(rows.at(i));
        free -= heights.at(i);
    }
    return pages;
}

/** The PDF being drawn: pages, the footer on each, the content rectangle. */
class Pages
{
public:
    Pages(QPdfWriter &pdf, QPainter &painter, QString footer, int pageCount)
        : m_pdf(pdf)
        , m_painter(painter)
        , m_footer(std::move(footer))
        , m_pageCount(pageCount)
    { }

    void next()
    {
        if (m_page > 0)
            m_pdf.newPage();
        ++m_page;
        const QRectF page(0, 0, m_pdf.width(), m_pdf.height());
        m_painter.setPen(rule);
        const double y = page.bottom() - margin + 8;
        m_painter.drawLine(QPointF(margin, y), QPointF(page.right() - margin, y));
        m_painter.setFont(font(8));
        m_painter.setPen(muted);
        const QRectF footer(margin, y + 4, page.width() - 2 * margin, footerHeight - 8);
        m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, tr("TechRace scenario report: %1").arg(m_footer));
        m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(m_page).arg(m_pageCount));
        m_painter.setPen(ink);
    }
    [[nodiscard]] QRectF content() const
    {
        return QRectF(margin, margin, m_pdf.width() - 2 * margin, m_pdf.height() - 2 * margin - footerHeight);
    }
    [[nodiscard]] int page() const { return m_page; }

private:
    QPdfWriter &m_pdf;
    QPainter &m_painter;
    QString m_footer;
    int m_pageCount;
    int m_page = 0;
};

/** Draws a heading at the top of `area`; returns the height it took. */
double drawHeading(QPainter &p, const QRectF &area, const QString &text, const QString &subtitle = {})
{
    p.setFont(font(16, true));
    p.setPen(ink);
    const QRectF title = p.boundingRect(area, Qt::TextWordWrap, text);
    p.drawText(area, Qt::TextWordWrap, text);
    double used = title.height() + 6;
    if (!subtitle.isEmpty()) {
        p.setFont(font(9.5));
        p.setPen(muted);
        const QRectF sub = area.adjusted(0, used, 0, 0);
        used += p.boundingRect(sub, Qt::TextWordWrap, subtitle).height() + 10;
        p.drawText(sub, Qt::TextWordWrap, subtitle);
        p.setPen(ink);
    }
    return used + 6;
}

/** Draws a header row and `rows` from the top of `area`; returns the height it took. */
double drawTable(QPainter &p, const QRectF &area, const QList<Column> &columns, const QList<QStringList> &rows)
{
    const QFont headerFont = font(8.5, true);
    const QFont cellFont = font(8.5);
    double y = area.top();
    const auto drawRow = [&](const QStringList &cells, const QFont &f, bool header) {
        const double height = rowHeight(columns, cells, f, p.device(), area.width());
        if (header)
            p.fillRect(QRectF(area.left(), y, area.width(), height), QColor(0xee, 0xee, 0xee));
        p.setFont(f);
        p.setPen(ink);
        double x = area.left();
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const double width = columns.at(c).share * area.width();
            p.drawText(QRectF(x + rowPadding, y + rowPadding, width - 2 * rowPadding, height - 2 * rowPadding),
                       int(columns.at(c).align) | Qt::AlignTop | Qt::TextWordWrap, cells.value(c));
            x += width;
        }
        y += height;
        p.setPen(rule);
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    };
    QStringList headers;
    for (const Column &column : columns)
        headers.append(column.header);
    drawRow(headers, headerFont, true);
    for (const QStringList &row : rows)
        drawRow(row, cellFont, false);
    p.setPen(ink);
    return y - area.top();
}

/** The key charts, in the order the report shows them (self-sufficiency for the importers: Taiwan and South Korea,
 * at several hundred percent, would flatten every other line). */
QList<ChartRequest> keyCharts()
{
    return {
        {QStringLiteral("self_sufficiency"),
         {QStringLiteral("CN"), QStringLiteral("US"), QStringLiteral("EU"), QStringLiteral("JP"), QStringLiteral("IN")},
         QString(),
         QString()},
        {QStringLiteral("market_share"),
         {QStringLiteral("TW"), QStringLiteral("KR"), QStringLiteral("US"), QStringLiteral("CN"), QStringLiteral("JP")},
         QStringLiteral("leading_logic"),
         QString()},
        {QStringLiteral("ai_compute_share"),
         {QStringLiteral("US"), QStringLiteral("CN"), QStringLiteral("EU"), QStringLiteral("JP"),
          QStringLiteral("ROW")},
         QString(),
         QString()},
    };
}

QString sourceTitle(const KnowledgeBase &kb, const QString &id)
{
    const auto source = kb.source(id);
    return source ? QStringLiteral("%1 (%2)").arg(source->title, source->publisher) : id;
}

QList<LeverRow> differingLevers(const AppContext &context, const Scenario &scenario)
{
    QList<LeverRow> rows;
    for (const Lever &lever : context.modelEngine().levers().levers()) {
        const double value = scenario.leverValue(lever);
        if (value == lever.baseline)
            continue;
        rows.append({lever.label, formatLeverValue(lever.unit, lever.baseline), formatLeverValue(lever.unit, value),
                     lever.unit, sourceTitle(context.knowledgeBase(), lever.sourceId)});
    }
    return rows;
}

OutputRef headlineOutput(const HeadlineModel::Headline &headline)
{
    return OutputRef {metricId(headline.metric), headline.region, headline.segment, QString(), headline.year};
}

HeadlineRow headlineRow(const ModelEngine &engine, const Scenario &scenario, const HeadlineModel::Headline &headline)
{
    const MetricInfo &info = metricInfo(headline.metric);
    HeadlineRow row {headline.title, headline.year, tr("n/a"), tr("n/a"), QString(), QString()};
    auto change = changeFromBaseline(engine, scenario, headlineOutput(headline));
    if (!change)
        return row;
    row.baseline = formatMetricValue(info, change->noPolicyOutput * info.displayScale);
    row.scenario = formatMetricValue(info, change->scenarioOutput * info.displayScale);
    row.change = formatMetricChange(info, (change->scenarioOutput - change->noPolicyOutput) * info.displayScale);
    std::vector<Wedge> wedges = change->wedges;
    std::sort(wedges.begin(), wedges.end(),
              [](const Wedge &a, const Wedge &b) { return std::abs(a.contribution) > std::abs(b.contribution); });
    QStringList drivers;
    for (const Wedge &wedge : wedges) {
        if (drivers.size() == 3)
            break;
        const QString text = formatMetricChange(info, wedge.contribution * info.displayScale);
        if (text != formatMetricChange(info, 0))
            drivers.append(QStringLiteral("%1 %2").arg(wedge.label, text));
    }
    row.drivers = drivers.join(QStringLiteral("; "));
    return row;
}

void drawCover(QPainter &p, const QRectF &area, const Scenario &scenario, const QDate &date, const ChartFigure &figure,
               int leverCount)
{
    double y = area.top() + 120;
    const auto paragraph = [&](const QString &text, const QFont &f, const QColor &color, double gap) {
        p.setFont(f);
        p.setPen(color);
        const QRectF box(area.left(), y, area.width(), area.bottom() - y);
        const QRectF used = p.boundingRect(box, Qt::TextWordWrap, text);
        p.drawText(box, Qt::TextWordWrap, text);
        y += used.height() + gap;
    };
    paragraph(tr("TechRace scenario report"), font(12), muted, 10);
    paragraph(scenario.name.isEmpty() ? tr("Baseline") : scenario.name, font(28, true), ink, 14);
    paragraph(QLocale(QLocale::English).toString(date, QStringLiteral("d MMMM yyyy")), font(12), ink, 24);
    if (!scenario.description.isEmpty())
        paragraph(scenario.description, font(11), ink, 24);
    paragraph(leverCount == 0       ? tr("This scenario moves no lever: every input keeps its baseline value.")
                  : leverCount == 1 ? tr("1 lever differs from the baseline.")
                                    : tr("%1 levers differ from the baseline.").arg(leverCount),
              font(11), ink, 40);
    p.setPen(rule);
    p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    y += 12;
    paragraph(tr("Model: %1 (equations in docs/MODEL.md), yearly steps %2–%3")
                  .arg(figure.modelVersion)
                  .arg(ModelEngine::firstYear)
                  .arg(ModelEngine::lastYear),
              font(9.5), muted, 4);
    paragraph(tr("Knowledge base: %1").arg(figure.kbVersion), font(9.5), muted, 4);
    paragraph(tr("Every figure is a model output. The sources of the inputs that move them are listed at the end; "
                 "the knowledge base gives each one's verbatim quote."),
              font(9.5), muted, 4);
}

/** The tornado: each input's swing of the output around the scenario's value, largest first. */
void drawTornado(QPainter &p, const QRectF &area, const std::vector<TornadoBar> &bars, double scenarioValue,
                 const MetricInfo &info)
{
    if (bars.empty()) {
        p.setFont(font(10));
        p.drawText(area, Qt::TextWordWrap, tr("No input moves this output."));
        return;
    }
    const double labelWidth = area.width() * 0.42;
    const QRectF plot(area.left() + labelWidth + 8, area.top() + 24, area.width() - labelWidth - 8, area.height() - 70);
    double lo = scenarioValue;
    double hi = scenarioValue;
    for (const TornadoBar &bar : bars) {
        lo = std::min({lo, bar.outputAtLow, bar.outputAtHigh});
        hi = std::max({hi, bar.outputAtLow, bar.outputAtHigh});
    }
    if (hi - lo < 1e-12)
        hi = lo + 1e-12;
    const auto xOf = [&](double v) { return plot.left() + (v - lo) / (hi - lo) * plot.width(); };
    const double rowHeight = std::min(36.0, plot.height() / double(bars.size()));
    const double barHeight = rowHeight * 0.55;

    p.setFont(font(8));
    p.setPen(muted);
    p.drawText(QRectF(plot.left(), area.top(), plot.width(), 20), Qt::AlignLeft | Qt::AlignVCenter,
               formatMetricValue(info, lo * info.displayScale));
    p.drawText(QRectF(plot.left(), area.top(), plot.width(), 20), Qt::AlignRight | Qt::AlignVCenter,
               formatMetricValue(info, hi * info.displayScale));
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const TornadoBar &bar = bars[i];
        const double top = plot.top() + double(i) * rowHeight;
        p.setFont(font(8));
        p.setPen(ink);
        p.drawText(QRectF(area.left(), top, labelWidth, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                   QFontMetricsF(p.font(), p.device()).elidedText(bar.label, Qt::ElideRight, labelWidth));
        const double middle = top + (rowHeight - barHeight) / 2;
        const double centre = xOf(scenarioValue);
        p.fillRect(QRectF(QPointF(std::min(centre, xOf(bar.outputAtLow)), middle),
                          QPointF(std::max(centre, xOf(bar.outputAtLow)), middle + barHeight)),
                   lowColor);
        p.fillRect(QRectF(QPointF(std::min(centre, xOf(bar.outputAtHigh)), middle),
                          QPointF(std::max(centre, xOf(bar.outputAtHigh)), middle + barHeight)),
                   highColor);
    }
    p.setPen(QPen(ink, 0.8));
    p.drawLine(QPointF(xOf(scenarioValue), plot.top() - 4),
               QPointF(xOf(scenarioValue), plot.top() + rowHeight * double(bars.size()) + 4));
    const double legendTop = plot.top() + rowHeight * double(bars.size()) + 16;
    p.setFont(font(8));
    p.fillRect(QRectF(area.left(), legendTop + 2, 10, 8), lowColor);
    p.setPen(ink);
    p.drawText(QPointF(area.left() + 14, legendTop + 10), tr("input at the low end of its range"));
    p.fillRect(QRectF(area.left() + 200, legendTop + 2, 10, 8), highColor);
    p.drawText(QPointF(area.left() + 214, legendTop + 10), tr("input at the high end"));
    p.drawText(QPointF(area.left() + 340, legendTop + 10),
               tr("line: the scenario, %1").arg(formatMetricValue(info, scenarioValue * info.displayScale)));
}

} // namespace

ScenarioReport::ScenarioReport(std::shared_ptr<const AppContext> context, Scenario scenario)
    : m_context(std::move(context))
    , m_scenario(std::move(scenario))
{ }

QStringList ScenarioReport::stepNames()
{
    return {tr("Scenario and baseline"), tr("Cover"),   tr("Levers"), tr("Headlines"), tr("Charts"), tr("Map"),
            tr("Sensitivity"),           tr("Sources"), tr("Writing")};
}

QString ScenarioReport::cancelledMessage()
{
    return tr("Cancelled: no report was written");
}

bool ScenarioReport::enterStep(int index)
{
    if (m_cancel && m_cancel->load()) {
        m_cancelled = true;
        return false;
    }
    if (m_progress) {
        const QStringList names = stepNames();
        m_progress(ReportProgress {index, int(names.size()), names.at(index - 1)});
    }
    if (m_cancel && m_cancel->load()) {
        m_cancelled = true;
        return false;
    }
    return true;
}

Expected<QByteArray> ScenarioReport::render()
{
    m_cancelled = false;
    const Status cancelled = Status::failure(cancelledMessage());
    const ModelEngine &engine = m_context->modelEngine();
    const KnowledgeBase &kb = m_context->knowledgeBase();

    if (!enterStep(ScenarioStep))
        return cancelled;
    const Results baseline = engine.baseline();
    const Results scenarioRun = engine.run(m_scenario);
    const QList<LeverRow> levers = differingLevers(*m_context, m_scenario);
    QList<HeadlineRow> headlines;
    for (const HeadlineModel::Headline &headline : HeadlineModel::headlines())
        headlines.append(headlineRow(engine, m_scenario, headline));
    // The figures, and the sources of everything they show: the charts' and the headlines' inputs (those that move
    // them), the levers the scenario moves, the inputs on the tornado.
    QList<ChartFigure> charts;
    QList<ChartSource> sources;
    for (const ChartRequest &request : keyCharts()) {
        auto figure = buildChartFigure(*m_context, request, baseline, scenarioRun, m_scenario);
        if (!figure)
            return figure.status();
        charts.append(figure.value());
        sources += figure->sources;
    }
    for (const HeadlineModel::Headline &headline : HeadlineModel::headlines()) {
        const ChartRequest request {metricId(headline.metric), {headline.region}, headline.segment, QString()};
        if (auto figure = buildChartFigure(*m_context, request, baseline, scenarioRun, m_scenario))
            sources += figure->sources;
    }
    const HeadlineModel::Headline &tornadoHeadline = HeadlineModel::headlines().first();
    auto bars = tornado(engine, m_scenario, headlineOutput(tornadoHeadline));
    if (!bars)
        return bars.status();
    std::vector<TornadoBar> tornadoShown = bars.value();
    if (tornadoShown.size() > std::size_t(tornadoBars))
        tornadoShown.resize(std::size_t(tornadoBars));
    QStringList otherSourceIds;
    for (const Lever &lever : engine.levers().levers()) {
        if (m_scenario.leverValue(lever) != lever.baseline)
            otherSourceIds.append(lever.sourceId);
    }
    for (const TornadoBar &bar : tornadoShown) {
        if (bar.isLever)
            otherSourceIds.append(engine.levers().find(bar.id)->sourceId);
        else
            otherSourceIds.append(engine.parameters()[std::size_t(engine.parameterIndex(bar.id))].sourceId);
    }
    for (const ChartSource &source : sourcesById(kb, otherSourceIds))
        sources.append(source);
    std::sort(sources.begin(), sources.end(), [](const ChartSource &a, const ChartSource &b) {
        return a.title.localeAwareCompare(b.title) < 0 || (a.title == b.title && a.id < b.id);
    });
    sources.erase(std::unique(sources.begin(), sources.end(),
                              [](const ChartSource &a, const ChartSource &b) { return a.id == b.id; }),
                  sources.end());
    const QString name = m_scenario.name.isEmpty() ? tr("Baseline") : m_scenario.name;

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setResolution(72); // one device unit per point
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF()));
    pdf.setTitle(tr("TechRace scenario report: %1").arg(name));
    pdf.setCreator(QStringLiteral("TechRace %1").arg(QStringLiteral(TECHRACE_VERSION)));
    QPainter p;
    if (!p.begin(&pdf))
        return Status::failure(tr("Cannot draw the PDF"));
    p.setRenderHint(QPainter::Antialiasing);

    // Lay the tables out first, so every footer can say "page i of n".
    const QRectF content(margin, margin, pdf.width() - 2 * margin, pdf.height() - 2 * margin - footerHeight);
    const QList<Column> leverColumns = {{tr("Lever"), 0.30},
                                        {tr("Baseline"), 0.12, Qt::AlignRight},
                                        {tr("Scenario"), 0.12, Qt::AlignRight},
                                        {tr("Unit"), 0.10},
                                        {tr("Knowledge-base source"), 0.36}};
    QList<QStringList> leverCells;
    QList<double> leverHeights;
    for (const LeverRow &row : levers) {
        leverCells.append({row.label, row.baseline, row.scenario, row.unit, row.source});
        leverHeights.append(rowHeight(leverColumns, leverCells.last(), font(8.5), &pdf, content.width()));
    }
    const double headingSpace = 80;
    const double headerRow = rowHeight(leverColumns, {tr("Lever")}, font(8.5, true), &pdf, content.width());
    const auto leverPages = paginate(leverCells, leverHeights, content.height() - headingSpace - headerRow,
                                     content.height() - headingSpace - headerRow);

    const QList<Column> sourceColumns = {
        {tr("Title"), 0.40}, {tr("Publisher"), 0.22}, {tr("Date"), 0.10}, {tr("Address"), 0.28}};
    QList<QStringList> sourceCells;
    QList<double> sourceHeights;
    for (const ChartSource &row : sources) {
        // Break long addresses anywhere: a URL has no spaces to wrap at.
        QString url = row.url;
        for (qsizetype i = 40; i < url.size(); i += 41)
            url.insert(i, QChar(0x200B));
        sourceCells.append({row.title, row.publisher, row.published, url});
        sourceHeights.append(rowHeight(sourceColumns, sourceCells.last(), font(8.5), &pdf, content.width()));
    }
    const auto sourcePages = paginate(sourceCells, sourceHeights, content.height() - headingSpace - headerRow,
                                      content.height() - headingSpace - headerRow);
    // Cover, levers, headlines, two pages of charts (the map on the second), sensitivity, sources.
    const int pageCount = int(1 + leverPages.size() + 1 + 2 + 1 + sourcePages.size());
    Pages pages(pdf, p, name, pageCount);

    if (!enterStep(CoverStep))
        return cancelled;
    pages.next();
    drawCover(p, pages.content(), m_scenario, m_date.isValid() ? m_date : QDate::currentDate(), charts.first(),
              int(levers.size()));

    if (!enterStep(LeversStep))
        return cancelled;
    for (qsizetype i = 0; i < leverPages.size(); ++i) {
        pages.next();
        const QRectF area = pages.content();
        const double used = drawHeading(
            p, area, i == 0 ? tr("Levers that differ from the baseline") : tr("Levers (continued)"),
            tr("The baseline is what the knowledge base says holds today; the scenario changes these levers only."));
        if (levers.isEmpty()) {
            p.setFont(font(11));
            p.drawText(area.adjusted(0, used, 0, 0), Qt::TextWordWrap,
                       tr("No lever differs from the baseline: this scenario is the baseline."));
        } else {
            drawTable(p, area.adjusted(0, used, 0, 0), leverColumns, leverPages.at(i));
        }
    }

    if (!enterStep(HeadlinesStep))
        return cancelled;
    pages.next();
    {
        const QRectF area = pages.content();
        double used = drawHeading(p, area, tr("Headline indicators against the baseline"),
                                  tr("The change is split lever by lever: starting from the baseline, each lever "
                                     "the scenario moves is set in turn; the largest contributions are listed."));
        const QList<Column> columns = {{tr("Indicator"), 0.28},
                                       {tr("Year"), 0.07, Qt::AlignRight},
                                       {tr("Baseline"), 0.11, Qt::AlignRight},
                                       {tr("Scenario"), 0.11, Qt::AlignRight},
                                       {tr("Change"), 0.11, Qt::AlignRight},
                                       {tr("Largest contributions"), 0.32}};
        QList<QStringList> rows;
        for (const HeadlineRow &row : headlines)
            rows.append({row.title, QString::number(row.year), row.baseline, row.scenario, row.change,
                         row.drivers.isEmpty() ? QStringLiteral("—") : row.drivers});
        used += drawTable(p, area.adjusted(0, used, 0, 0), columns, rows);
    }

    if (!enterStep(ChartsStep))
        return cancelled;
    // Two charts to a page; the third shares its page with the map.
    for (qsizetype i = 0; i < charts.size(); ++i) {
        if (i % 2 == 0)
            pages.next();
        const QRectF area = pages.content();
        const QRectF half = i % 2 == 0
            ? QRectF(area.topLeft(), QSizeF(area.width(), area.height() / 2 - 8))
            : QRectF(QPointF(area.left(), area.center().y() + 8), QSizeF(area.width(), area.height() / 2 - 8));
        ChartPainter::paint(p, charts.at(i), half);
    }

    if (!enterStep(MapStep))
        return cancelled;
    {
        MapController map(m_context);
        addModelSeries(map, *m_context, [&](SeriesRun run) -> const Results & {
            return run == SeriesRun::Baseline ? baseline : scenarioRun;
        });
        MapRequest request;
        request.metricId = QStringLiteral("model.") + metricId(Metric::SelfSufficiency);
        request.year = mapYear;
        request.mode = MapMode::Scenario;
        auto frame = map.frame(request);
        if (!frame)
            return frame.status();
        const QRectF area = pages.content();
        const QRectF mapArea(area.left(), area.center().y() + 8, area.width(), area.height() / 2 - 8);
        // The map painter's text and legend are sized for a picture about the width of `export map`'s default:
        // draw at that size, scaled down into the half page.
        const double scale = mapArea.width() / mapDrawingWidth;
        p.save();
        p.translate(mapArea.topLeft());
        p.scale(scale, scale);
        map.painter().paint(p, QRectF(QPointF(0, 0), mapArea.size() / scale), frame.value());
        p.restore();
    }

    if (!enterStep(SensitivityStep))
        return cancelled;
    pages.next();
    {
        const MetricInfo &info = metricInfo(tornadoHeadline.metric);
        const QRectF area = pages.content();
        const double used =
            drawHeading(p, area, tr("Sensitivity: %1, %2").arg(tornadoHeadline.title).arg(tornadoHeadline.year),
                        tr("Each bar moves one input over its range (a lever over its slider, a parameter from "
                           "its low to its high estimate), all else as in the scenario; the %1 inputs that "
                           "move it most.")
                            .arg(tornadoBars));
        const double value =
            scenarioRun.at(findSeries(engine, headlineOutput(tornadoHeadline)).value(), tornadoHeadline.year);
        drawTornado(p, area.adjusted(0, used, 0, 0), tornadoShown, value, info);
    }

    if (!enterStep(SourcesStep))
        return cancelled;
    for (qsizetype i = 0; i < sourcePages.size(); ++i) {
        pages.next();
        const QRectF area = pages.content();
        const double used =
            drawHeading(p, area, i == 0 ? tr("Sources") : tr("Sources (continued)"),
                        tr("The %1 sources behind this report's figures: those of every input that moves a chart or a "
                           "headline, of the levers the scenario moves and of the inputs on the tornado. The "
                           "knowledge base holds the verbatim quote behind each figure.")
                            .arg(sources.size()));
        drawTable(p, area.adjusted(0, used, 0, 0), sourceColumns, sourcePages.at(i));
    }

    if (!enterStep(WritingStep))
        return cancelled;
    if (!p.end())
        return Status::failure(tr("Cannot finish the PDF"));
    Q_ASSERT(pages.page() == pageCount);
    return bytes;
}

Status ScenarioReport::write(const QString &path)
{
    m_cancelled = false;
    if (Status target = checkExportTarget(path); !target)
        return target;
    auto bytes = render();
    if (!bytes)
        return bytes.status();
    return writeBytesAtomically(path, bytes.value());
}

} // namespace techrace
