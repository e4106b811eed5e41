#include "mainwindow.h"

#include "ui_mainwindow.h"

#include "applogging.h"
#include "engineerrortext.h"
#include "enginesession.h"
#include "filterquery.h"
#include "imagesortproxy.h"
#include "humanize.h"
#include "imagetablemodel.h"
#include "languagemanager.h"
#include "layerpanel.h"
#include "pruneplanner.h"
#include "removalplanner.h"
#include "removalpreviewdialog.h"
#include "whydialog.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCompleter>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>

namespace Strata {

namespace {

// How often the CREATED column is brought up to date ("1 minute ago" -> "2 minutes ago").
constexpr int AgeRefreshMilliseconds = 30 * 1000;
// Recently used filters kept for the field's completer, newest first.
constexpr int MaxRecentFilters = 10;

QString recentFiltersKey()
{
    return QStringLiteral("filter/recent");
}

// The settings store LanguageManager uses too.
QSettings settingsStore()
{
    return QSettings(QStringLiteral("strata"), QStringLiteral("strata"));
}

} // namespace

MainWindow::MainWindow(EngineSession *session, LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session)
    , m_model(new ImageTableModel(this))
    , m_proxy(new ImageSortProxy(this))
    , m_executor(new RemovalExecutor(this))
    , m_ageTimer(new QTimer(this))
    , m_languages(languages)
{
    m_ui->setupUi(this);
    m_session->setParent(this);
    m_proxy->setSourceModel(m_model);
    m_ui->imageTable->setModel(m_proxy);
    QHeaderView *rowHeader = m_ui->imageTable->verticalHeader();
    rowHeader->hide();
    rowHeader->setDefaultSectionSize(fontMetrics().height() + 8);
    // Repository names vary most in length; that column takes the spare width.
    m_ui->imageTable->horizontalHeader()->setSectionResizeMode(
        ImageTableModel::RepositoryColumn, QHeaderView::Stretch);
    m_ui->imageTable->sortByColumn(ImageTableModel::CreatedColumn, Qt::DescendingOrder);
    m_ui->splitter->setStretchFactor(0, 4);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({400, 90});
    m_ui->engineBanner->hide();

    createActions();
    createStatusBar();
    createLayerDock();
    createLanguageMenu();
    createFilter();
    applyListOptions();

    connect(m_session, &EngineSession::snapshotLoaded, this, &MainWindow::showSnapshot);
    connect(m_session, &EngineSession::loadFailed, this, &MainWindow::showLoadError);
    connect(m_session, &EngineSession::loadStarted, this, [this] {
        updateActions();
        updateStatus();
    });
    connect(m_ui->retryButton, &QPushButton::clicked, this, &MainWindow::refresh);
    connect(m_ui->imageTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] {
                updateActions();
                updateStatus();
            });
    connect(m_executor, &RemovalExecutor::requestStarted, this, &MainWindow::logRequestStarted);
    connect(m_executor, &RemovalExecutor::outcomeReady, this, &MainWindow::logOutcome);
    connect(m_executor, &RemovalExecutor::progressChanged, this, [this](int done, int total) {
        m_progressBar->setRange(0, total);
        m_progressBar->setValue(done);
    });
    connect(m_executor, &RemovalExecutor::finished, this, &MainWindow::finishRemoval);
    connect(m_executor, &RemovalExecutor::planStale, this, &MainWindow::showStalePreview);
    connect(m_executor, &RemovalExecutor::diverged, this, &MainWindow::logDivergence);
    m_executor->setSnapshotCache(m_session->cache());
    connect(m_ageTimer, &QTimer::timeout, this,
            [this] { m_model->setNow(QDateTime::currentSecsSinceEpoch()); });
    m_ageTimer->start(AgeRefreshMilliseconds);

    retranslate();
    updateActions();
    // The table, not the filter field above it, has the keyboard: Delete and F5 act on it.
    m_ui->imageTable->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_refreshAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), {}, this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_removeAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), {}, this);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);

    m_forceRemoveAction = new QAction(this);
    m_forceRemoveAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_forceRemoveAction->setObjectName(QStringLiteral("forceRemoveAction"));
    connect(m_forceRemoveAction, &QAction::triggered, this, &MainWindow::forceRemoveSelected);

    m_cancelAction = new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), {}, this);
    m_cancelAction->setObjectName(QStringLiteral("cancelAction"));
    connect(m_cancelAction, &QAction::triggered, this, &MainWindow::cancelRemoval);

    m_digestsAction = new QAction(this);
    m_digestsAction->setCheckable(true);
    m_digestsAction->setObjectName(QStringLiteral("digestsAction"));
    connect(m_digestsAction, &QAction::toggled, this, &MainWindow::applyListOptions);

    m_allAction = new QAction(this);
    m_allAction->setCheckable(true);
    m_allAction->setObjectName(QStringLiteral("allAction"));
    connect(m_allAction, &QAction::toggled, this, &MainWindow::applyListOptions);

    m_usageAction = new QAction(this);
    m_usageAction->setCheckable(true);
    m_usageAction->setObjectName(QStringLiteral("usageAction"));
    connect(m_usageAction, &QAction::toggled, this, &MainWindow::applyListOptions);

    m_whyAction = new QAction(QIcon::fromTheme(QStringLiteral("help-about")), {}, this);
    m_whyAction->setObjectName(QStringLiteral("whyAction"));
    connect(m_whyAction, &QAction::triggered, this, &MainWindow::explainCurrentImage);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), {}, this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_fileMenu = m_ui->menuBar->addMenu(QString());
    m_fileMenu->addAction(m_refreshAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_imageMenu = m_ui->menuBar->addMenu(QString());
    m_imageMenu->addActions({m_removeAction, m_forceRemoveAction, m_cancelAction});
    m_imageMenu->addSeparator();
    m_pruneAction = new QAction(this);
    m_pruneAction->setObjectName(QStringLiteral("pruneAction"));
    connect(m_pruneAction, &QAction::triggered, this, &MainWindow::pruneImages);
    m_imageMenu->addAction(m_pruneAction);
    m_imageMenu->addSeparator();
    m_imageMenu->addAction(m_whyAction);
    m_viewMenu = m_ui->menuBar->addMenu(QString());
    m_viewMenu->addActions({m_digestsAction, m_allAction, m_usageAction});

    m_ui->mainToolBar->addActions({m_refreshAction, m_removeAction});
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addActions({m_digestsAction, m_allAction});
    m_ui->imageTable->addActions({m_removeAction, m_forceRemoveAction, m_whyAction});
}

void MainWindow::createLayerDock()
{
    m_layerPanel = new LayerPanel(this);
    m_layerDock = new QDockWidget(this);
    m_layerDock->setObjectName(QStringLiteral("layerDock"));
    m_layerDock->setWidget(m_layerPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_layerDock);
    // The table stays the main thing; the panel starts low and can be dragged taller.
    resizeDocks({m_layerDock}, {300}, Qt::Vertical);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_layerDock->toggleViewAction());
    connect(m_session, &EngineSession::snapshotLoaded, m_layerPanel, &LayerPanel::setSnapshot);
    connect(m_ui->imageTable->selectionModel(), &QItemSelectionModel::currentRowChanged,
            m_layerPanel, [this](const QModelIndex &current) {
                m_layerPanel->showImage(
                    current.data(ImageTableModel::FullImageIdRole).toString());
            });
    connect(m_layerPanel, &LayerPanel::imagesSelected, this, &MainWindow::selectImages);
    connect(m_layerPanel, &LayerPanel::explainLayerRequested, this, [this](const QString &id) {
        auto *dialog = new WhyDialog(this);
        dialog->setObjectName(QStringLiteral("whyDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->explainLayer(m_model->snapshot(), m_model->layerGraph(), id);
        dialog->open();
    });
}

void MainWindow::createLanguageMenu()
{
    if (!m_languages)
        return;
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const LanguageManager::Language &language : LanguageManager::availableLanguages()) {
        QAction *action = m_languageMenu->addAction(language.nativeName);
        action->setObjectName(QStringLiteral("language_") + language.code);
        action->setData(language.code);
        action->setCheckable(true);
        action->setChecked(language.code == m_languages->currentLanguage());
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        m_languages->chooseLanguage(action->data().toString());
    });
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString &code) {
        for (QAction *action : m_languageGroup->actions())
            action->setChecked(action->data().toString() == code);
    });
}

void MainWindow::createFilter()
{
    m_findAction = new QAction(QIcon::fromTheme(QStringLiteral("edit-find")), {}, this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusFilter);
    m_viewMenu->insertAction(m_viewMenu->actions().value(0), m_findAction);
    m_viewMenu->insertSeparator(m_viewMenu->actions().value(1));

    // Escape anywhere over the table or the filter shows every row again.
    m_clearFilterAction = new QAction(this);
    m_clearFilterAction->setObjectName(QStringLiteral("clearFilterAction"));
    m_clearFilterAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_clearFilterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_clearFilterAction, &QAction::triggered, this, &MainWindow::clearFilter);
    m_ui->centralWidget->addAction(m_clearFilterAction);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, &MainWindow::rememberFilter);
    m_ui->filterErrorLabel->hide();

    m_recentFilters = new QStringListModel(
        settingsStore().value(recentFiltersKey()).toStringList(), this);
    m_filterCompleter = new QCompleter(m_recentFilters, this);
    m_filterCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->filterEdit->setCompleter(m_filterCompleter);

    m_selectMatchingAction = new QAction(this);
    m_selectMatchingAction->setObjectName(QStringLiteral("selectMatchingAction"));
    connect(m_selectMatchingAction, &QAction::triggered, this, &MainWindow::selectMatching);
    m_removeMatchingAction = new QAction(this);
    m_removeMatchingAction->setObjectName(QStringLiteral("removeMatchingAction"));
    connect(m_removeMatchingAction, &QAction::triggered, this, &MainWindow::removeMatching);
    m_ui->selectMatchingButton->setDefaultAction(m_selectMatchingAction);
    m_ui->removeMatchingButton->setDefaultAction(m_removeMatchingAction);
    m_imageMenu->insertActions(m_pruneAction, {m_selectMatchingAction, m_removeMatchingAction});
}

void MainWindow::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void MainWindow::clearFilter()
{
    const bool wasEditing = m_ui->filterEdit->hasFocus();
    m_ui->filterEdit->clear();
    if (wasEditing)
        m_ui->imageTable->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::applyFilter(const QString &text)
{
    // Docker's terms pick rows exactly as `docker image ls --filter …` would; the other words
    // then narrow those rows as plain text. A refused filter leaves the table as it was, so
    // the rows do not flicker away while a term is half typed.
    // TODO: until its '=' is typed, a key ("dangling") is a plain word and hides every row
    // for a moment; telling a half-typed key from a search for that word needs a rule we
    // have not settled. ImageFilter's `ambiguous` (several before/since values, where the
    // engine's answer varies between runs) is not shown yet either.
    const FilterQuery query = FilterQuery::parse(text);
    ImageFilter::Error error = query.error();
    QSet<QString> keys;
    if (!error.isError() && query.hasFilter()) {
        ImageFilter::Options options;
        options.all = m_model->options().all;
        // As strata-cli ls: the engine's own API version decides `until` and how refusals read.
        if (!m_session->info().maxApiVersion.isEmpty())
            options.apiVersion = m_session->info().maxApiVersion;
        const QList<ImageListRow> rows = query.filter().rows(
            m_model->snapshot(), options, m_model->options().digests, &error);
        for (const ImageListRow &row : rows)
            keys.insert(ImageSortProxy::rowKey(row));
    }
    showFilterError(error);
    if (!error.isError()) {
        if (query.hasFilter())
            m_proxy->setRowSet(keys);
        else
            m_proxy->clearRowSet();
        m_proxy->setFilterFixedString(query.freeText());
    }
    updateActions();
    updateStatus();
}

void MainWindow::showFilterError(const ImageFilter::Error &error)
{
    m_filterError = error;
    // The CLI's own words ("Error response from daemon: …"), so they can be searched for.
    const QString text = error.isError() ? error.cliText().trimmed() : QString();
    m_ui->filterErrorLabel->setText(text);
    m_ui->filterErrorLabel->setVisible(error.isError());
    m_ui->filterEdit->setToolTip(
        error.isError() ? tr("This filter is refused; the table still shows the last valid "
                             "one.\n%1").arg(text)
                        : tr("Text, or Docker filters: reference=, before=, since=, "
                             "dangling=, label=, until=. Several values of one key match "
                             "any of them; different keys must all match."));
}

void MainWindow::rememberFilter()
{
    const QString text = m_ui->filterEdit->text().trimmed();
    if (text.isEmpty() || m_filterError.isError())
        return;
    QStringList recent = m_recentFilters->stringList();
    recent.removeAll(text);
    recent.prepend(text);
    while (recent.size() > MaxRecentFilters)
        recent.removeLast();
    m_recentFilters->setStringList(recent);
    QSettings store = settingsStore();
    store.setValue(recentFiltersKey(), recent);
}

void MainWindow::selectMatching()
{
    m_ui->imageTable->selectAll();
}

QStringList MainWindow::matchingReferences() const
{
    // Decision: Strata sends the rows' references (repo:tag, repo@digest, or the ID of a
    // <none> row), each once, in the order `docker image ls --filter …` lists the rows, not
    // the IDs that `docker image rm $(docker image ls -q --filter …)` sends. That command
    // sends an image's ID once per row, and the engine refuses an ID with several tags
    // ("must be forced") and answers "No such image" to the repeats, while removing by
    // reference untags exactly the rows shown, as Delete on a selection does.
    QStringList references;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
            continue;
        const QString reference = m_model->rowAt(row).removalReference();
        if (!references.contains(reference))
            references.append(reference);
    }
    return references;
}

void MainWindow::removeMatching()
{
    const QStringList references = matchingReferences();
    if (references.isEmpty() || m_executor->isRunning())
        return;
    openPreview(m_session->snapshot(), references, false, false,
                tr("The %n row(s) matching “%1”, by reference, in the order docker image ls "
                   "lists them.", nullptr, int(references.size()))
                    .arg(m_ui->filterEdit->text().trimmed()));
}

void MainWindow::pruneImages()
{
    if (m_executor->isRunning())
        return;
    const QStringList choices{tr("Dangling images only (docker image prune)"),
                              tr("All unused images (docker image prune -a)")};
    bool chosen = false;
    const QString choice = QInputDialog::getItem(this, tr("Prune Images"),
                                                 tr("Which images to prune:"), choices, 0,
                                                 false, &chosen);
    if (!chosen)
        return;
    PrunePlanner::Options options;
    options.all = choice == choices.at(1);
    const PrunePlanner::Result result = PrunePlanner::plan(m_session->snapshot(), options);
    const QString reclaimed = result.spaceReclaimed < 0 ? tr("unknown")
                                                        : Humanize::size(result.spaceReclaimed);
    const QString flag = options.all ? QStringLiteral(" -a") : QString();
    appendLog(QStringLiteral("$ docker image prune") + flag);
    if (result.error.isError()) {
        appendLog(result.error.cliText().trimmed());
        return;
    }
    if (result.requests.isEmpty()) {
        appendLog(QStringLiteral("Total reclaimed space: ") + reclaimed);
        return;
    }
    // The prune runs as the DELETEs the engine itself would make (force=false, prune=true),
    // not as one POST /images/prune (EngineClient::pruneImages): the executor checks the
    // preview against the engine right before sending and stops at the first answer it did
    // not promise, which a single engine-side prune cannot do. tst_filterui shows the engine's
    // own prune answers as PrunePlanner predicts.
    QStringList references;
    for (const RemovalRequest &request : result.requests)
        references << request.reference;
    appendLog(tr("Preview: %n record(s), Total reclaimed space: %1", nullptr,
                 int(result.records.size()))
                  .arg(reclaimed));
    RemovalPreviewDialog *dialog = openPreview(
        m_session->snapshot(), references, false, false,
        tr("docker image prune%1 answers with %n record(s), as below; Total reclaimed space: "
           "%2", nullptr, int(result.records.size()))
            .arg(flag, reclaimed));
    // Connected after openPreview's own handler, so this runs once the run has started.
    const int records = int(result.records.size());
    connect(dialog, &QDialog::accepted, this, [this, records, reclaimed] {
        m_prunePredictedRecords = records;
        m_prunePredictedSpace = reclaimed;
    });
}

void MainWindow::selectImages(const QStringList &imageIds)
{
    // select() leaves the current row alone, so the panel is not asked to show another image.
    QItemSelection selection;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (imageIds.contains(index.data(ImageTableModel::FullImageIdRole).toString()))
            selection.select(index, index);
    }
    m_ui->imageTable->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setMaximumWidth(200);
    m_progressBar->setFormat(QStringLiteral("%v/%m"));
    m_progressBar->hide();
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelRemoval);
    m_ui->statusBar->addWidget(m_statusLabel, 1);
    m_ui->statusBar->addPermanentWidget(m_progressBar);
    m_ui->statusBar->addPermanentWidget(m_cancelButton);
}

void MainWindow::retranslate()
{
    m_refreshAction->setText(tr("&Refresh"));
    m_refreshAction->setToolTip(tr("Read the engine's images again (F5)"));
    m_removeAction->setText(tr("Re&move…"));
    m_removeAction->setToolTip(tr("Remove the selected images (Delete)"));
    m_forceRemoveAction->setText(tr("&Force Remove…"));
    m_cancelAction->setText(tr("&Cancel Removal"));
    m_digestsAction->setText(tr("Show &Digests"));
    m_digestsAction->setToolTip(tr("One row per digest, with a DIGEST column (--digests)"));
    m_allAction->setText(tr("Show &Intermediate Images"));
    m_allAction->setToolTip(tr("Also list untagged parent images (-a)"));
    m_usageAction->setText(tr("Show &Shared and Unique Size"));
    m_usageAction->setToolTip(tr("SHARED SIZE and UNIQUE SIZE columns, as docker system df -v"));
    m_whyAction->setText(tr("&Why Is This Still Here?…"));
    m_whyAction->setToolTip(tr("Every reason the selected image exists"));
    m_quitAction->setText(tr("&Quit"));
    m_fileMenu->setTitle(tr("&File"));
    m_imageMenu->setTitle(tr("&Image"));
    m_viewMenu->setTitle(tr("&View"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop after the current request"));
    m_findAction->setText(tr("&Filter…"));
    m_findAction->setToolTip(tr("Show only the rows containing some text (Ctrl+F)"));
    m_clearFilterAction->setText(tr("Clear Filter"));
    m_selectMatchingAction->setText(tr("Select &Matching"));
    m_selectMatchingAction->setToolTip(tr("Select every row the filter shows"));
    m_removeMatchingAction->setText(tr("Remove Matc&hing…"));
    m_removeMatchingAction->setToolTip(tr("Preview removing every row the filter shows"));
    m_pruneAction->setText(tr("&Prune…"));
    m_pruneAction->setToolTip(tr("Remove dangling or all unused images, as docker image prune"));
    showFilterError(m_filterError);
    m_statusLabel->setAccessibleName(tr("Status"));
    m_progressBar->setAccessibleName(tr("Removal progress"));
    if (m_languageMenu) {
        //: The menu of interface languages. Its entries are named in their own languages.
        m_languageMenu->setTitle(tr("&Language"));
    }
    m_layerDock->setWindowTitle(tr("Layers"));
    m_model->retranslate();
    m_ui->imageTable->resizeColumnsToContents();
    showEngineBanner();
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_executor->isRunning()) {
        // The request in flight cannot be taken back; the engine finishes it either way.
        const auto answer = QMessageBox::question(
            this, tr("Removal in progress"),
            tr("Strata is removing images. Stop after the current request and quit?"));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
    }
    m_executor->cancel();
    event->accept();
}

void MainWindow::refresh()
{
    m_session->reload();
}

void MainWindow::applyListOptions()
{
    ImageListOptions options;
    options.all = m_allAction->isChecked();
    options.digests = m_digestsAction->isChecked();
    m_model->setOptions(options);
    m_ui->imageTable->setColumnHidden(ImageTableModel::DigestColumn, !options.digests);
    for (const int column : {ImageTableModel::SharedSizeColumn, ImageTableModel::UniqueSizeColumn})
        m_ui->imageTable->setColumnHidden(column, !m_usageAction->isChecked());
    QList<int> shown;
    for (int column = 0; column < ImageTableModel::ColumnCount; ++column) {
        if (!m_ui->imageTable->isColumnHidden(column))
            shown.append(column);
    }
    m_proxy->setFilterColumns(shown);
    // -a and --digests change which rows Docker's filter terms keep.
    applyFilter(m_ui->filterEdit->text());
    m_ui->imageTable->resizeColumnsToContents();
    updateStatus();
}

void MainWindow::showSnapshot(const Snapshot &snapshot)
{
    m_lastError = {};
    m_model->setNow(QDateTime::currentSecsSinceEpoch());
    m_model->setSnapshot(snapshot);
    applyFilter(m_ui->filterEdit->text());
    m_ui->imageTable->resizeColumnsToContents();
    if (!m_ui->imageTable->currentIndex().isValid() && m_proxy->rowCount() > 0) {
        // Show the first image's layers without selecting it: selection is what Delete uses.
        m_ui->imageTable->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                            QItemSelectionModel::NoUpdate);
    }
    showEngineBanner();
    updateActions();
    updateStatus();
}

void MainWindow::showLoadError(const EngineError &error)
{
    m_lastError = error;
    showEngineBanner();
    updateActions();
    updateStatus();
}

void MainWindow::showEngineBanner()
{
    QPalette palette = m_ui->engineBanner->palette();
    if (m_lastError.isError()) {
        QString text = QStringLiteral("<b>%1</b><br>%2").arg(
            EngineErrorText::headline(m_lastError).toHtmlEscaped(),
            EngineErrorText::advice(m_lastError, m_session->endpoint()).toHtmlEscaped());
        if (!m_lastError.detail.isEmpty())
            text += QStringLiteral("<br><small>%1</small>")
                        .arg(m_lastError.detail.toHtmlEscaped());
        if (!m_session->snapshot().isEmpty())
            text += QStringLiteral("<br>")
                + tr("The table shows what was read before the error.").toHtmlEscaped();
        m_ui->bannerLabel->setText(text);
        palette.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
        palette.setColor(QPalette::WindowText, QColor(0x5f, 0x12, 0x0e));
        m_ui->retryButton->show();
        m_ui->engineBanner->show();
    } else if (m_session->isSandbox()) {
        m_ui->bannerLabel->setText(
            QStringLiteral("<b>%1</b> %2")
                .arg(tr("Sandbox engine.").toHtmlEscaped(),
                     tr("No Docker engine of yours was reachable, so Strata started a throwaway "
                        "one at %1 with sample images. Removing them here touches nothing of "
                        "yours.")
                         .arg(m_session->endpoint().address)
                         .toHtmlEscaped()));
        palette.setColor(QPalette::Window, QColor(0xfe, 0xf3, 0xc7));
        palette.setColor(QPalette::WindowText, QColor(0x5c, 0x3d, 0x00));
        m_ui->retryButton->hide();
        m_ui->engineBanner->show();
    } else {
        m_ui->engineBanner->hide();
    }
    m_ui->engineBanner->setPalette(palette);
}

void MainWindow::updateActions()
{
    const bool removing = m_executor->isRunning();
    const bool hasSelection = m_ui->imageTable->selectionModel()->hasSelection();
    const bool usable = !m_session->isLoading() && !m_lastError.isError();
    m_removeAction->setEnabled(hasSelection && !removing && usable);
    m_whyAction->setEnabled(hasSelection && usable);
    m_forceRemoveAction->setEnabled(hasSelection && !removing && usable);
    m_cancelAction->setEnabled(removing);
    const bool anyShown = m_proxy->rowCount() > 0;
    m_selectMatchingAction->setEnabled(anyShown);
    m_removeMatchingAction->setEnabled(anyShown && !removing && usable);
    m_pruneAction->setEnabled(!removing && usable);
    // Refresh stays available while loading: it abandons a load stuck on a silent engine.
    m_refreshAction->setEnabled(!removing);
    m_progressBar->setVisible(removing);
    m_cancelButton->setVisible(removing);
}

void MainWindow::updateStatus()
{
    const Snapshot &snapshot = m_session->snapshot();
    QString text;
    if (m_session->isLoading()) {
        text = tr("Reading images from %1…").arg(m_session->endpoint().address);
    } else {
        const qint64 onDisk = m_model->diskUsage().layersSize;
        //: %1 is "N images", %2 "N rows shown", %3 a size, %4 the engine address.
        text = tr("%1, %2, %3 on disk — %4")
                   .arg(tr("%n image(s)", nullptr, int(snapshot.images().size())),
                        tr("%n row(s) shown", nullptr, m_proxy->rowCount()),
                        onDisk < 0 ? tr("size unknown") : Humanize::size(onDisk),
                        m_session->endpoint().address);
        const QString selection = selectionStatus();
        if (!selection.isEmpty())
            text += QStringLiteral(" — ") + selection;
    }
    m_statusLabel->setText(text);
}

QString MainWindow::selectionStatus() const
{
    // What removing the selection frees, from the same planner as the preview: shared layers
    // count only when every image using them goes.
    const QStringList references = selectedReferences();
    if (references.isEmpty())
        return {};
    QList<RemovalRequest> requests;
    for (const QString &reference : references)
        requests.append({reference, false, false});
    const RemovalPlan plan = RemovalPlanner::plan(m_session->snapshot(), requests);
    const QString freed = plan.bytesFreed < 0 ? tr("an unknown amount")
                                              : Humanize::size(plan.bytesFreed);
    //: %2 is the size of the selected images with every shared layer counted once.
    return tr("%n selected (%2 of layers): removing them frees %1", nullptr,
              int(references.size()))
        .arg(freed, selectedSizeText());
}

QString MainWindow::selectedSizeText() const
{
    // A layer is its chain (the diff IDs from the base up to it): images built on the same
    // base share those chains, so each is summed once, as the disk holds it once.
    const QList<ImageRecord> &images = m_session->snapshot().images();
    QSet<qsizetype> imageIndexes;
    for (const QModelIndex &row : m_ui->imageTable->selectionModel()->selectedRows()) {
        const QModelIndex source = m_proxy->mapToSource(row);
        imageIndexes.insert(m_model->rowAt(source.row()).imageIndex);
    }
    QSet<QString> chains;
    qint64 total = 0;
    for (const qsizetype index : std::as_const(imageIndexes)) {
        if (index < 0 || index >= images.size())
            return tr("size unknown");
        const ImageRecord &image = images.at(index);
        if (image.layerSizes.size() != image.diffIds.size())
            return tr("size unknown");
        for (qsizetype layer = 0; layer < image.diffIds.size(); ++layer) {
            const QString chain = image.diffIds.mid(0, layer + 1).join(QLatin1Char(' '));
            if (!chains.contains(chain)) {
                chains.insert(chain);
                total += image.layerSizes.at(layer);
            }
        }
    }
    return Humanize::size(total);
}

void MainWindow::explainCurrentImage()
{
    const QModelIndex current = m_ui->imageTable->currentIndex();
    if (!current.isValid())
        return;
    auto *dialog = new WhyDialog(this);
    dialog->setObjectName(QStringLiteral("whyDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->explainImage(m_model->snapshot(), m_model->layerGraph(),
                         current.data(ImageTableModel::FullImageIdRole).toString());
    dialog->open();
}

QStringList MainWindow::selectedReferences() const
{
    // In the order the rows appear in the view, each reference once.
    QList<QModelIndex> rows = m_ui->imageTable->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList references;
    for (const QModelIndex &row : std::as_const(rows)) {
        const QString reference = row.data(ImageTableModel::RemovalReferenceRole).toString();
        if (!references.contains(reference))
            references.append(reference);
    }
    return references;
}

void MainWindow::removeSelected()
{
    confirmAndRemove(false);
}

void MainWindow::forceRemoveSelected()
{
    confirmAndRemove(true);
}

void MainWindow::confirmAndRemove(bool force)
{
    const QStringList references = selectedReferences();
    if (references.isEmpty() || m_executor->isRunning())
        return;
    openPreview(m_session->snapshot(), references, force, false, QString());
}

RemovalPreviewDialog *MainWindow::openPreview(const Snapshot &snapshot,
                                              const QStringList &references, bool force,
                                              bool noPrune, const QString &notice)
{
    auto *dialog = new RemovalPreviewDialog(snapshot, references, this);
    dialog->setObjectName(QStringLiteral("removalPreviewDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setForce(force);
    dialog->setNoPrune(noPrune);
    dialog->setNotice(notice);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<RemovalRequest> requests = dialog->requests();
        m_removalTotal = int(requests.size());
        m_removalRequests = requests;
        m_removalStarted = 0;
        m_removalRecords = 0;
        m_prunePredictedRecords = -1;
        m_removalSucceeded = 0;
        m_removalRefused = 0;
        m_progressBar->setRange(0, m_removalTotal);
        m_progressBar->setValue(0);
        if (dialog->plan().isPredictable()) {
            // The executor checks the preview against the engine right before sending
            // anything, and stops at the first answer the preview did not promise.
            m_executor->start(m_session->endpoint(), dialog->snapshot(), requests,
                              dialog->plan());
        } else {
            // TODO: Podman and the containerd image store answer differently from Docker's
            // classic store, so a checked run would stop at the first answer. Until the
            // planner models them, their runs go unchecked; the preview said so.
            m_executor->start(m_session->endpoint(), requests);
        }
        updateActions();
    });
    dialog->open();
    return dialog;
}

void MainWindow::showStalePreview(const Snapshot &snapshot, const RemovalPlan &plan)
{
    appendLog(tr("The engine changed since the preview, so nothing was removed. Here is the "
                 "preview for the engine as it is now."));
    QStringList references;
    for (const PlannedStep &step : plan.steps)
        references << step.request.reference;
    const RemovalRequest first = plan.steps.isEmpty() ? RemovalRequest{}
                                                      : plan.steps.constFirst().request;
    openPreview(snapshot, references, first.force, first.noPrune,
                tr("The engine changed since the last preview. Check the new preview before "
                   "removing."));
}

void MainWindow::logDivergence(int index, const PlannedStep &predicted,
                               const RemovalOutcome &actual)
{
    Q_UNUSED(actual)
    appendLog(tr("Stopped after request %1: the engine answered differently from the preview, "
                 "so nothing more was sent. The preview promised:")
                  .arg(index + 1));
    for (const RemovalRecord &record : predicted.records)
        appendLog(QStringLiteral("  ") + record.text());
    if (!predicted.succeeds())
        appendLog(QStringLiteral("  Error response from daemon: ") + predicted.errorMessage);
}

void MainWindow::cancelRemoval()
{
    if (!m_executor->isRunning())
        return;
    m_executor->cancel();
    appendLog(tr("Cancelling after the current request…"));
}

void MainWindow::logRequestStarted(int index, const RemovalRequest &request)
{
    m_removalStarted = qMax(m_removalStarted, index + 1);
    QString command = QStringLiteral("docker image rm");
    if (request.force)
        command += QStringLiteral(" -f");
    if (request.noPrune)
        command += QStringLiteral(" --no-prune");
    appendLog(QStringLiteral("[%1/%2] $ %3 %4")
                  .arg(index + 1)
                  .arg(m_removalTotal)
                  .arg(command, request.reference));
}

void MainWindow::logOutcome(int /*index*/, const RemovalOutcome &outcome)
{
    ++(outcome.succeeded() ? m_removalSucceeded : m_removalRefused);
    m_removalRecords += int(outcome.records.size());
    // Records and engine errors stay verbatim: people search for these exact words.
    for (const RemovalRecord &record : outcome.records)
        appendLog(record.text());
    if (outcome.succeeded())
        return;
    if (outcome.httpStatus == 0)
        appendLog(tr("Could not reach the engine: %1").arg(outcome.errorMessage));
    else
        appendLog(QStringLiteral("Error response from daemon: ") + outcome.errorMessage);
}

void MainWindow::finishRemoval(RemovalExecutor::Ending ending)
{
    switch (ending) {
    case RemovalExecutor::Ending::Completed:
        appendLog(m_removalRefused == 0
                      ? tr("Done: %n request(s) succeeded.", nullptr, m_removalSucceeded)
                      : tr("Done: %1 succeeded, %2 refused by the engine.")
                            .arg(m_removalSucceeded)
                            .arg(m_removalRefused));
        break;
    case RemovalExecutor::Ending::Cancelled: {
        appendLog(tr("Cancelled after %1 of %2 request(s): %3 succeeded, %4 refused by the "
                     "engine.", nullptr, m_removalTotal)
                      .arg(m_removalStarted)
                      .arg(m_removalTotal)
                      .arg(m_removalSucceeded)
                      .arg(m_removalRefused));
        QStringList unsent;
        for (qsizetype i = m_removalStarted; i < m_removalRequests.size(); ++i)
            unsent << m_removalRequests.at(i).reference;
        if (!unsent.isEmpty())
            appendLog(tr("Not sent: %1").arg(unsent.join(QLatin1Char(' '))));
        break;
    }
    case RemovalExecutor::Ending::Failed:
        appendLog(tr("Stopped: the engine could not be reached."));
        break;
    case RemovalExecutor::Ending::Stale:
        break; // showStalePreview() said it and opened the new preview
    case RemovalExecutor::Ending::Diverged:
        appendLog(tr("Stopped: the engine's answer differed from the preview."));
        break;
    }
    if (m_prunePredictedRecords >= 0) {
        // The engine's answers against the prune preview; prune itself reports the sum.
        appendLog(tr("Prune: records answered by the engine: %1; promised by the preview: %2.")
                      .arg(m_removalRecords)
                      .arg(m_prunePredictedRecords));
        if (ending == RemovalExecutor::Ending::Completed
            && m_removalRecords == m_prunePredictedRecords)
            appendLog(QStringLiteral("Total reclaimed space: ") + m_prunePredictedSpace);
        m_prunePredictedRecords = -1;
    }
    updateActions();
    m_session->reload();
}

void MainWindow::appendLog(const QString &line)
{
    m_ui->removalLog->appendPlainText(line);
    QScrollBar *bar = m_ui->removalLog->verticalScrollBar();
    bar->setValue(bar->maximum());
}

} // namespace Strata
