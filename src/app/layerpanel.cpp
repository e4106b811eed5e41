#include "layerpanel.h"
#include "ui_layerpanel.h"

#include "applogging.h"
#include "layerdetails.h"
#include "layerdetailsmodel.h"
#include "layertreemodel.h"
#include "sharingview.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScopedValueRollback>

#include <utility>

namespace Strata {

namespace {

// Expanding every node of a very large forest costs more than it shows.
constexpr qsizetype ExpandAllLimit = 2000;

} // namespace

LayerPanel::LayerPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LayerPanel>())
    , m_treeModel(new LayerTreeModel(this))
    , m_detailsModel(new LayerDetailsModel(this))
    , m_sharingView(new SharingView)
{
    m_ui->setupUi(this);
    m_sharingView->setObjectName(QStringLiteral("sharingView"));
    m_ui->sharingScroll->setWidget(m_sharingView); // the scroll area owns it now

    m_ui->layerTable->setModel(m_detailsModel);
    QHeaderView *columns = m_ui->layerTable->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The command and the sharing images are the long texts: they split the spare width.
    columns->setSectionResizeMode(LayerDetailsModel::CreatedByColumn, QHeaderView::Stretch);
    columns->setSectionResizeMode(LayerDetailsModel::SharedWithColumn, QHeaderView::Stretch);
    m_ui->layerTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_ui->layerTree->setModel(m_treeModel);
    m_ui->layerTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->layerTree->header()->setStretchLastSection(false);
    m_ui->layerTree->header()->setSectionResizeMode(LayerTreeModel::ImagesColumn,
                                                    QHeaderView::Stretch);
    connectViews();
    createWhyAction();
    updateImageLabel();
}

LayerPanel::~LayerPanel() = default;

void LayerPanel::createWhyAction()
{
    // Right-click on a layer anywhere in the panel: every image and container that keeps it.
    m_whyAction = new QAction(this);
    m_whyAction->setObjectName(QStringLiteral("whyLayerAction"));
    connect(m_whyAction, &QAction::triggered, this, [this] {
        if (!m_selectedChainId.isEmpty())
            Q_EMIT explainLayerRequested(m_selectedChainId);
    });
    for (QWidget *view : {static_cast<QWidget *>(m_ui->layerTree),
                          static_cast<QWidget *>(m_ui->layerTable),
                          static_cast<QWidget *>(m_sharingView)}) {
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addAction(m_whyAction);
    }
    m_whyAction->setText(tr("&Why Is This Layer Still Here?…"));
}

void LayerPanel::connectViews()
{
    connect(m_ui->layerTree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectLayer(current.data(LayerTreeModel::ChainIdRole).toString());
            });
    connect(m_ui->layerTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectLayer(current.data(LayerDetailsModel::ChainIdRole).toString());
            });
    connect(m_sharingView, &SharingView::layerActivated, this, &LayerPanel::selectLayer);
    connect(m_sharingView, &SharingView::imageActivated, this, &LayerPanel::activateImage);
}

void LayerPanel::setSnapshot(const Snapshot &snapshot)
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_snapshot = snapshot;
    m_graph = LayerGraph(snapshot);
    m_treeModel->setSnapshot(m_snapshot, m_graph);
    if (m_graph.layers().size() <= ExpandAllLimit)
        m_ui->layerTree->expandAll();
    else
        m_ui->layerTree->expandToDepth(1);
    m_sharingView->setSnapshot(m_snapshot, m_graph);
    if (m_snapshot.indexOfImage(m_imageId) < 0)
        m_imageId.clear();
    if (m_graph.indexOf(m_selectedChainId) < 0)
        m_selectedChainId.clear();
    m_detailsModel->setImage(m_snapshot, m_graph, m_imageId);
    m_sharingView->setCurrentImage(m_imageId);
    updateImageLabel();
}

void LayerPanel::showImage(const QString &imageId)
{
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_imageId = m_snapshot.indexOfImage(imageId) >= 0 ? imageId : QString();
    m_detailsModel->setImage(m_snapshot, m_graph, m_imageId);
    m_sharingView->setCurrentImage(m_imageId);
    updateImageLabel();
}

void LayerPanel::activateImage(const QString &imageId)
{
    showImage(imageId);
    Q_EMIT imagesSelected({imageId});
}

// One layer chosen in any tab: the other tabs follow without reporting again.
void LayerPanel::selectLayer(const QString &chainId)
{
    if (m_syncing || chainId.isEmpty())
        return;
    const QScopedValueRollback<bool> syncing(m_syncing, true);
    m_selectedChainId = chainId;
    const QModelIndex treeIndex = m_treeModel->indexOfLayer(chainId);
    if (treeIndex.isValid() && m_ui->layerTree->currentIndex() != treeIndex) {
        m_ui->layerTree->setCurrentIndex(treeIndex);
        m_ui->layerTree->scrollTo(treeIndex); // expands the layers below it
    }
    for (int row = 0; row < m_detailsModel->rowCount(); ++row) {
        const QModelIndex index = m_detailsModel->index(row, 0);
        if (index.data(LayerDetailsModel::ChainIdRole).toString() == chainId) {
            if (m_ui->layerTable->currentIndex().row() != row)
                m_ui->layerTable->selectRow(row);
            break;
        }
    }
    const QStringList imageIds = m_treeModel->imageIdsOf(m_graph.indexOf(chainId));
    qCDebug(lcApp).noquote() << "layer" << chainId.mid(7, 12) << "selected, used by"
                             << imageIds.size() << "images";
    Q_EMIT imagesSelected(imageIds);
}

void LayerPanel::updateImageLabel()
{
    const ImageRecord *image = m_snapshot.image(m_imageId);
    if (!image) {
        m_ui->imageLabel->setText(tr("Select an image to see its layers."));
        return;
    }
    m_ui->imageLabel->setText(
        tr("Layers of %1, base first. %n layer(s).", "", int(image->diffIds.size()))
            .arg(LayerDetails::imageName(*image)));
}

void LayerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_whyAction)
        m_whyAction->setText(tr("&Why Is This Layer Still Here?…"));
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_treeModel->retranslate();
        m_detailsModel->retranslate();
        updateImageLabel();
    }
    QWidget::changeEvent(event);
}

} // namespace Strata
