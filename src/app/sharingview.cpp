#include "sharingview.h"

#include "digest.h"
#include "humanize.h"
#include "imagelisting.h"
#include "layerdetails.h"

#include <QAccessible>
#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QSet>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace Strata {

namespace {

constexpr int Margin = 8;
constexpr int ColumnGap = 6;
constexpr int BlockGap = 2;      // between a layer and the one stacked on it
constexpr int PixelsPerDecade = 14; // extra height for every tenfold of bytes beyond 1 kB

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

SharingView::SharingView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Layer sharing"));
}

void SharingView::setSnapshot(const Snapshot &snapshot, const LayerGraph &graph)
{
    m_snapshot = snapshot;
    m_graph = graph;
    m_selectedLayer = -1;
    QList<qsizetype> shown;
    for (qsizetype i = 0; i < snapshot.images().size(); ++i) {
        if (ImageListing::isVisibleWithoutAll(snapshot, snapshot.images().at(i)))
            shown.append(i);
    }
    orderColumns(shown);
}

void SharingView::setImages(const QStringList &imageIds)
{
    QList<qsizetype> shown;
    for (const QString &id : imageIds) {
        const qsizetype index = m_snapshot.indexOfImage(id);
        if (index >= 0 && !shown.contains(index))
            shown.append(index);
    }
    orderColumns(shown);
}

// Depth-first over the forest: the images whose top is a layer come when the walk reaches it,
// so every layer's users form one run of adjacent columns.
void SharingView::orderColumns(const QList<qsizetype> &imageIndexes)
{
    const QSet<qsizetype> wanted(imageIndexes.cbegin(), imageIndexes.cend());
    m_columns.clear();
    QList<qsizetype> stack(m_graph.roots().crbegin(), m_graph.roots().crend());
    while (!stack.isEmpty()) {
        const LayerGraph::Layer &layer = m_graph.layers().at(stack.takeLast());
        for (const qsizetype image : layer.topOf) {
            if (wanted.contains(image))
                m_columns.append(image);
        }
        stack.append(QList<qsizetype>(layer.children.crbegin(), layer.children.crend()));
    }
    for (const qsizetype image : imageIndexes) {
        if (m_graph.chainOf(image).isEmpty()) // no layers known: an empty column at the end
            m_columns.append(image);
    }
    m_focusColumn = m_columns.isEmpty() ? -1 : std::clamp(m_focusColumn, 0,
                                                          int(m_columns.size()) - 1);
    m_focusDepth = -1;
    layoutBands();
}

// Logarithmic, so a 20-byte layer and a 300 MB one both fit on screen; unknown and tiny sizes
// get the minimum, which still holds a line of text.
int SharingView::blockHeight(qint64 bytes) const
{
    const int minimum = fontMetrics().height() + 6;
    if (bytes <= 1000)
        return minimum;
    return minimum + int(std::lround(PixelsPerDecade * (std::log10(double(bytes)) - 3.0)));
}

void SharingView::layoutBands()
{
    m_bands.clear();
    m_bandByColumnDepth.clear();
    for (int column = 0; column < m_columns.size(); ++column) {
        const QList<qsizetype> chain = chainOfColumn(column);
        QList<int> bands;
        for (int depth = 0; depth < chain.size(); ++depth) {
            // The same layer at the same depth in the column to the left: widen its band.
            const int left = column > 0 ? m_bandByColumnDepth.at(column - 1).value(depth, -1)
                                        : -1;
            if (left >= 0 && m_bands.at(left).layer == chain.at(depth)) {
                m_bands[left].lastColumn = column;
                bands.append(left);
                continue;
            }
            Band band;
            band.layer = chain.at(depth);
            band.firstColumn = band.lastColumn = column;
            if (depth > 0) {
                const Band &below = m_bands.at(bands.at(depth - 1));
                band.bottom = below.bottom + below.height;
            }
            band.height = blockHeight(m_graph.layers().at(band.layer).size);
            bands.append(int(m_bands.size()));
            m_bands.append(band);
        }
        m_bandByColumnDepth.append(bands);
    }
    updateGeometry();
    update();
}

QList<qsizetype> SharingView::chainOfColumn(int column) const
{
    return m_graph.chainOf(m_columns.at(column));
}

int SharingView::columnWidth() const
{
    return std::max(72, fontMetrics().averageCharWidth() * 13 + 12);
}

int SharingView::labelHeight() const
{
    return 2 * fontMetrics().height() + 8;
}

int SharingView::stackHeight() const
{
    int height = 0;
    for (const Band &band : m_bands)
        height = std::max(height, band.bottom + band.height);
    return height;
}

int SharingView::baseline() const
{
    return height() - Margin - labelHeight();
}

QSize SharingView::sizeHint() const
{
    const int columns = int(m_columns.size());
    const int width = columns == 0 ? 200 : 2 * Margin + columns * columnWidth()
            + (columns - 1) * ColumnGap;
    return {width, 2 * Margin + stackHeight() + labelHeight()};
}

QSize SharingView::minimumSizeHint() const
{
    return sizeHint();
}

QRect SharingView::columnRect(int column) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    const int left = Margin + column * (columnWidth() + ColumnGap);
    return QRect(left, Margin, columnWidth(), height() - 2 * Margin);
}

QRect SharingView::bandRect(const Band &band) const
{
    const int left = columnRect(band.firstColumn).left();
    const int right = columnRect(band.lastColumn).right();
    const int bottom = baseline() - band.bottom;
    return QRect(QPoint(left, bottom - band.height + BlockGap), QPoint(right, bottom - 1));
}

QRect SharingView::labelRect(int column) const
{
    const QRect columnArea = columnRect(column);
    return QRect(columnArea.left(), baseline() + 4, columnArea.width(), labelHeight() - 4);
}

QList<QRect> SharingView::layerRects(const QString &chainId) const
{
    const qsizetype layer = m_graph.indexOf(chainId);
    QList<QRect> rects;
    for (const Band &band : m_bands) {
        if (band.layer == layer)
            rects.append(bandRect(band));
    }
    return rects;
}

const SharingView::Band *SharingView::bandAt(int column, int depth) const
{
    if (column < 0 || column >= m_bandByColumnDepth.size() || depth < 0
        || depth >= m_bandByColumnDepth.at(column).size()) {
        return nullptr;
    }
    return &m_bands.at(m_bandByColumnDepth.at(column).at(depth));
}

QString SharingView::focusedChainId() const
{
    const Band *band = bandAt(m_focusColumn, m_focusDepth);
    return band ? m_graph.layers().at(band->layer).chainId : QString();
}

QString SharingView::selectedChainId() const
{
    return m_selectedLayer < 0 ? QString() : m_graph.layers().at(m_selectedLayer).chainId;
}

QStringList SharingView::columnImageIds() const
{
    QStringList ids;
    for (const qsizetype image : m_columns)
        ids.append(m_snapshot.images().at(image).id);
    return ids;
}

void SharingView::setCurrentImage(const QString &imageId)
{
    m_currentImage = imageId;
    const qsizetype image = m_snapshot.indexOfImage(imageId);
    const int column = int(m_columns.indexOf(image));
    if (column >= 0) {
        moveFocus(column, -1);
        return;
    }
    // An image without a column (an intermediate one) is a prefix of a shown image's chain:
    // focus its top layer in the first column that has it.
    const QList<qsizetype> chain = m_graph.chainOf(image);
    for (int c = 0; c < m_columns.size() && !chain.isEmpty(); ++c) {
        if (chainOfColumn(c).mid(0, chain.size()) == chain) {
            moveFocus(c, int(chain.size()) - 1);
            return;
        }
    }
    update();
}

SharingView::Hit SharingView::hitAt(const QPoint &point) const
{
    for (int column = 0; column < m_columns.size(); ++column) {
        const QRect area = columnRect(column);
        if (point.x() < area.left() || point.x() > area.right())
            continue;
        if (point.y() > baseline())
            return {column, -1};
        for (int depth = 0; depth < m_bandByColumnDepth.at(column).size(); ++depth) {
            if (bandRect(*bandAt(column, depth)).adjusted(0, -BlockGap, 0, 0).contains(point))
                return {column, depth};
        }
        return {};
    }
    return {};
}

QColor SharingView::fillFor(const Band &band) const
{
    // Hue by chain ID so a layer keeps its colour across refreshes; a band across several
    // columns is saturated, a layer of one image stays pale, so sharing shows at a glance.
    const int hue = int(qHash(m_graph.layers().at(band.layer).chainId) % 24) * 15;
    const bool shared = band.lastColumn > band.firstColumn;
    if (isDark(palette()))
        return shared ? QColor::fromHsl(hue, 110, 95) : QColor::fromHsl(hue, 25, 62);
    return shared ? QColor::fromHsl(hue, 150, 180) : QColor::fromHsl(hue, 40, 228);
}

void SharingView::paintBand(QPainter &painter, const Band &band) const
{
    const QRect rect = bandRect(band);
    const LayerGraph::Layer &layer = m_graph.layers().at(band.layer);
    const bool selected = band.layer == m_selectedLayer;
    QColor fill = selected ? palette().color(QPalette::Highlight) : fillFor(band);
    painter.setBrush(fill);
    painter.setPen(QPen(isDark(palette()) ? fill.lighter(160) : fill.darker(150), 1));
    painter.drawRect(rect.adjusted(0, 0, -1, -1));

    const QColor text = selected ? palette().color(QPalette::HighlightedText)
        : fill.lightness() > 140 ? QColor(20, 20, 20) : QColor(240, 240, 240);
    painter.setPen(text);
    //: Size of a layer that the engine's history did not tell
    const QString size = layer.size < 0 ? tr("unknown") : Humanize::size(layer.size);
    const int columns = band.lastColumn - band.firstColumn + 1;
    QString label = columns > 1
        ? tr("%1 · %2 · %n images", "", columns).arg(size, Digest::shortId(layer.chainId))
        : tr("%1 · %2").arg(size, Digest::shortId(layer.chainId));
    const QRect textArea = rect.adjusted(4, 0, -4, 0);
    if (fontMetrics().horizontalAdvance(label) > textArea.width())
        label = size;
    painter.drawText(textArea, Qt::AlignCenter,
                     fontMetrics().elidedText(label, Qt::ElideRight, textArea.width()));
}

void SharingView::paintLabel(QPainter &painter, int column) const
{
    const ImageRecord &image = m_snapshot.images().at(m_columns.at(column));
    const QString name = LayerDetails::imageName(image);
    // "repository" over "tag" (or "@digest"), each elided on its own line.
    qsizetype split = name.lastIndexOf(u':');
    if (name.contains(u'@'))
        split = name.indexOf(u'@');
    if (split > 0 && name.indexOf(u'/', split) >= 0)
        split = -1; // a registry port, not a tag
    const QString first = split > 0 ? name.left(split) : name;
    const QString second = split > 0 ? name.mid(split) : QString();

    QFont font = painter.font();
    font.setBold(image.id == m_currentImage);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::Text));
    const QRect area = labelRect(column);
    const QFontMetrics metrics(font);
    const int line = metrics.height();
    painter.drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignHCenter,
                     metrics.elidedText(first, Qt::ElideMiddle, area.width()));
    painter.drawText(QRect(area.left(), area.top() + line, area.width(), line), Qt::AlignHCenter,
                     metrics.elidedText(second, Qt::ElideRight, area.width()));
    font.setBold(false);
    painter.setFont(font);
}

void SharingView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (m_columns.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No images"));
        return;
    }
    const int current = int(m_columns.indexOf(m_snapshot.indexOfImage(m_currentImage)));
    if (current >= 0) {
        QColor strip = palette().color(QPalette::Highlight);
        strip.setAlpha(40);
        painter.fillRect(columnRect(current).adjusted(-ColumnGap / 2, -Margin / 2,
                                                      ColumnGap / 2, Margin / 2), strip);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(Margin, baseline(), width() - Margin, baseline());
    for (const Band &band : std::as_const(m_bands))
        paintBand(painter, band);
    for (int column = 0; column < m_columns.size(); ++column)
        paintLabel(painter, column);

    if (hasFocus() && m_focusColumn >= 0) {
        const Band *band = bandAt(m_focusColumn, m_focusDepth);
        const QRect focus = band ? bandRect(*band) : labelRect(m_focusColumn);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::SolidLine));
        painter.drawRect(focus.adjusted(1, 1, -1, -1));
        if (band && band->lastColumn > band->firstColumn) {
            // Which column Up climbs in: a tick under the focused column.
            const QRect column = columnRect(m_focusColumn);
            painter.drawLine(column.left() + 4, focus.bottom() - 3, column.right() - 4,
                             focus.bottom() - 3);
        }
    }
}

void SharingView::moveFocus(int column, int depth)
{
    if (m_columns.isEmpty())
        return;
    m_focusColumn = std::clamp(column, 0, int(m_columns.size()) - 1);
    m_focusDepth = std::clamp(depth, -1, int(m_bandByColumnDepth.at(m_focusColumn).size()) - 1);
    focusChanged();
}

// Left and Right leave the focused band: a band across five columns is one thing to step over.
void SharingView::moveSideways(int direction)
{
    const Band *band = bandAt(m_focusColumn, m_focusDepth);
    const int next = band ? (direction > 0 ? band->lastColumn + 1 : band->firstColumn - 1)
                          : m_focusColumn + direction;
    if (next < 0 || next >= m_columns.size())
        return;
    moveFocus(next, std::min(m_focusDepth, int(m_bandByColumnDepth.at(next).size()) - 1));
}

void SharingView::activateFocus()
{
    if (m_focusColumn < 0)
        return;
    if (const Band *band = bandAt(m_focusColumn, m_focusDepth)) {
        m_selectedLayer = band->layer;
        update();
        Q_EMIT layerActivated(m_graph.layers().at(band->layer).chainId);
        return;
    }
    m_currentImage = m_snapshot.images().at(m_columns.at(m_focusColumn)).id;
    update();
    Q_EMIT imageActivated(m_currentImage);
}

void SharingView::focusChanged()
{
    update();
    const Band *band = bandAt(m_focusColumn, m_focusDepth);
    const QRect focus = band ? bandRect(*band) : labelRect(m_focusColumn);
    for (QWidget *widget = parentWidget(); widget; widget = widget->parentWidget()) {
        if (auto *area = qobject_cast<QScrollArea *>(widget); area && area->widget() == this) {
            // Only the focused column needs to show; a wide band may not fit.
            const QRect column = columnRect(m_focusColumn);
            area->ensureVisible(column.center().x(), focus.center().y(), column.width(),
                                focus.height() / 2 + Margin);
            break;
        }
    }
    setAccessibleDescription(describe(m_focusColumn, m_focusDepth));
    if (hasFocus()) {
        QAccessibleEvent event(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&event);
    }
}

QString SharingView::describe(int column, int depth) const
{
    if (column < 0 || column >= m_columns.size())
        return {};
    if (const Band *band = bandAt(column, depth)) {
        const LayerGraph::Layer &layer = m_graph.layers().at(band->layer);
        QStringList names;
        for (const qsizetype image : layer.users)
            names.append(LayerDetails::imageName(m_snapshot.images().at(image)));
        //: Size of a layer that the engine's history did not tell
        const QString size = layer.size < 0 ? tr("unknown") : Humanize::size(layer.size);
        return tr("Layer %1, %2, used by %n image(s): %3", "", int(layer.users.size()))
            .arg(Digest::shortId(layer.chainId), size, names.join(QLatin1String(", ")));
    }
    const ImageRecord &image = m_snapshot.images().at(m_columns.at(column));
    return tr("Image %1, %n layer(s)", "", int(m_bandByColumnDepth.at(column).size()))
        .arg(LayerDetails::imageName(image));
}

void SharingView::keyPressEvent(QKeyEvent *event)
{
    if (m_columns.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
        moveFocus(m_focusColumn, m_focusDepth + 1);
        break;
    case Qt::Key_Down:
        moveFocus(m_focusColumn, m_focusDepth - 1);
        break;
    case Qt::Key_Left:
        moveSideways(-1);
        break;
    case Qt::Key_Right:
        moveSideways(+1);
        break;
    case Qt::Key_Home:
        moveFocus(0, m_focusDepth);
        break;
    case Qt::Key_End:
        moveFocus(int(m_columns.size()) - 1, m_focusDepth);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activateFocus();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SharingView::mousePressEvent(QMouseEvent *event)
{
    const Hit hit = hitAt(event->position().toPoint());
    if (event->button() != Qt::LeftButton || hit.depth < -1) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    moveFocus(hit.column, hit.depth);
    activateFocus();
}

void SharingView::focusInEvent(QFocusEvent *event)
{
    if (m_focusColumn < 0 && !m_columns.isEmpty())
        m_focusColumn = 0;
    if (m_focusColumn >= 0)
        focusChanged();
    QWidget::focusInEvent(event);
}

void SharingView::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

bool SharingView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit hit = hitAt(help->pos());
        if (hit.depth >= -1)
            QToolTip::showText(help->globalPos(), describe(hit.column, hit.depth), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void SharingView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
        layoutBands(); // block heights and column widths follow the font
        break;
    case QEvent::LanguageChange:
        setAccessibleName(tr("Layer sharing"));
        setAccessibleDescription(describe(m_focusColumn, m_focusDepth));
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace Strata
