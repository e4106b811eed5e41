#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;

#include <memory>

namespace Ui {
class LayerPanel;
}

namespace Strata {

class LayerDetailsModel;
class LayerTreeModel;
class SharingView;

// How images share layers, in three tabs: the layers of one image with the history step behind
// each ("Layers"), every layer as a tree ("Layer tree") and the sharing drawn ("Sharing").
// Selecting a layer anywhere selects it in the other tabs and reports every image using it.
class LayerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerPanel)

public:
    explicit LayerPanel(QWidget *parent = nullptr);
    ~LayerPanel() override;

    QString imageId() const { return m_imageId; }
    QString selectedChainId() const { return m_selectedChainId; }
    const LayerGraph &graph() const { return m_graph; }
    LayerTreeModel *treeModel() const { return m_treeModel; }
    LayerDetailsModel *detailsModel() const { return m_detailsModel; }
    SharingView *sharingView() const { return m_sharingView; }

public Q_SLOTS:
    void setSnapshot(const Strata::Snapshot &snapshot);
    // Shows this image's layers and marks it in the sharing view; emits nothing.
    void showImage(const QString &imageId);

Q_SIGNALS:
    // The person selected a layer (every image whose chain includes it) or an image's column
    // in the sharing view (that image alone).
    void imagesSelected(const QStringList &imageIds);
    // The person asked why the selected layer is still there.
    void explainLayerRequested(const QString &chainId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void connectViews();
    void createWhyAction();
    void selectLayer(const QString &chainId);
    void activateImage(const QString &imageId);
    void updateImageLabel();

    std::unique_ptr<Ui::LayerPanel> m_ui;
    LayerTreeModel *m_treeModel;
    LayerDetailsModel *m_detailsModel;
    SharingView *m_sharingView;
    QAction *m_whyAction = nullptr;
    Snapshot m_snapshot;
    LayerGraph m_graph;
    QString m_imageId;
    QString m_selectedChainId;
    bool m_syncing = false; // a view follows another's selection: not the person's choice
};

} // namespace Strata
