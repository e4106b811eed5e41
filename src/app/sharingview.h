#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QColor>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace Strata {

// Which images share which layers, drawn: one column per image, its layers stacked from the
// bottom, each block as tall as the logarithm of its bytes (never too thin to read). Columns
// follow a depth-first walk of the layer forest, so the images using one layer always sit side
// by side and the layer is drawn once, as a band across all of them.
//
// Keyboard: Up and Down move the focus along the focused column's chain (Down from the base
// reaches the image's name), Left and Right to the next layer beside the focused band, Home and
// End to the first and last column; Enter or Space selects.
// TODO: bands are not accessible objects of their own; a screen reader learns the focused one
// from the widget's accessible description. Per-band QAccessibleInterface children would let
// it list them.
class SharingView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharingView)

public:
    explicit SharingView(QWidget *parent = nullptr);

    // Shows the images `docker image ls` lists (no intermediate images).
    void setSnapshot(const Snapshot &snapshot, const LayerGraph &graph);
    // Shows only these images (unknown IDs are left out).
    void setImages(const QStringList &imageIds);

    QStringList columnImageIds() const;
    // Where the layer is drawn: one rectangle per run of adjacent columns using it (one, as
    // the columns are ordered), none when no shown image uses it.
    QList<QRect> layerRects(const QString &chainId) const;
    QRect columnRect(int column) const;
    // The focused layer's chain ID; empty when the focus is on an image's name or nothing.
    QString focusedChainId() const;
    int focusedColumn() const { return m_focusColumn; }
    QString selectedChainId() const;
    QString currentImageId() const { return m_currentImage; }

    // Marks the image's column (or, for an image without a column, its top layer) and moves the
    // focus there, without emitting anything.
    void setCurrentImage(const QString &imageId);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void layerActivated(const QString &chainId);
    void imageActivated(const QString &imageId);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    // One rectangle of a layer: the columns [first, last] it spans, and its height in pixels.
    struct Band
    {
        qsizetype layer = -1;
        int firstColumn = 0;
        int lastColumn = 0;
        int bottom = 0; // pixels above the baseline
        int height = 0;
    };
    struct Hit
    {
        int column = -1;
        int depth = -2; // -1: the image's name; -2: nothing
    };

    void orderColumns(const QList<qsizetype> &imageIndexes);
    void layoutBands();
    int blockHeight(qint64 bytes) const;
    int columnWidth() const;
    int labelHeight() const;
    int stackHeight() const;
    int baseline() const;
    QRect bandRect(const Band &band) const;
    QRect labelRect(int column) const;
    const Band *bandAt(int column, int depth) const;
    QList<qsizetype> chainOfColumn(int column) const;
    Hit hitAt(const QPoint &point) const;

    void paintBand(QPainter &painter, const Band &band) const;
    void paintLabel(QPainter &painter, int column) const;
    QColor fillFor(const Band &band) const;

    void moveFocus(int column, int depth);
    void moveSideways(int direction);
    void activateFocus();
    void focusChanged();
    QString describe(int column, int depth) const;

    Snapshot m_snapshot;
    LayerGraph m_graph;
    QList<qsizetype> m_columns;           // snapshot image indexes, left to right
    QList<Band> m_bands;
    QList<QList<int>> m_bandByColumnDepth; // per column, per depth: index into m_bands
    QString m_currentImage;
    qsizetype m_selectedLayer = -1;
    int m_focusColumn = -1;
    int m_focusDepth = -1;
};

} // namespace Strata
