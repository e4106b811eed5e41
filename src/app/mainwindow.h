#pragma once

#include "engineerror.h"
#include "imagefilter.h"
#include "removalexecutor.h"
#include "removalplan.h"
#include "snapshot.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QCompleter;
class QLabel;
class QStringListModel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace Strata {

class EngineSession;
class ImageSortProxy;
class ImageTableModel;
class LanguageManager;
class LayerPanel;
class RemovalPreviewDialog;

// The image table of one engine, removal with confirmation, and the log of what the engine
// answered. Loading and removing run off the UI thread; this window only reacts to signals.
// With a LanguageManager, View → Language switches the interface language while it runs.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(EngineSession *session, LanguageManager *languages = nullptr,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    ImageTableModel *imageModel() const { return m_model; }
    RemovalExecutor *removalExecutor() const { return m_executor; }

public Q_SLOTS:
    void refresh();
    void removeSelected();
    void forceRemoveSelected();
    void explainCurrentImage();
    // Selects every table row of these images (what a layer picked in the layer panel uses).
    void selectImages(const QStringList &imageIds);
    void cancelRemoval();
    // Ctrl+F: puts the cursor in the filter field over the table.
    void focusFilter();
    // Escape: shows every row again.
    void clearFilter();
    // Selects every row the filter shows.
    void selectMatching();
    // Opens the removal preview for every row the filter shows (see matchingReferences()).
    void removeMatching();
    // Image → Prune…: `docker image prune [-a]`, previewed, then sent as its planned DELETEs.
    void pruneImages();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createStatusBar();
    void createLayerDock();
    void createLanguageMenu();
    void createFilter();
    void applyFilter(const QString &text);
    void showFilterError(const ImageFilter::Error &error);
    void rememberFilter();
    QStringList matchingReferences() const;
    QString selectedSizeText() const;
    void retranslate();
    void applyListOptions();
    void showSnapshot(const Snapshot &snapshot);
    void showLoadError(const EngineError &error);
    void showEngineBanner();
    void updateActions();
    void updateStatus();
    QString selectionStatus() const;
    QStringList selectedReferences() const;
    void confirmAndRemove(bool force);
    RemovalPreviewDialog *openPreview(const Snapshot &snapshot, const QStringList &references,
                                      bool force, bool noPrune, const QString &notice);
    void showStalePreview(const Snapshot &snapshot, const RemovalPlan &plan);
    void logDivergence(int index, const PlannedStep &predicted, const RemovalOutcome &actual);
    void logRequestStarted(int index, const RemovalRequest &request);
    void logOutcome(int index, const RemovalOutcome &outcome);
    void finishRemoval(RemovalExecutor::Ending ending);
    void appendLog(const QString &line);

    std::unique_ptr<Ui::MainWindow> m_ui;
    EngineSession *m_session;
    ImageTableModel *m_model;
    ImageSortProxy *m_proxy;
    RemovalExecutor *m_executor;
    QTimer *m_ageTimer;
    QAction *m_refreshAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_forceRemoveAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_digestsAction = nullptr;
    QAction *m_allAction = nullptr;
    QAction *m_usageAction = nullptr;
    LayerPanel *m_layerPanel = nullptr;
    QDockWidget *m_layerDock = nullptr;
    QAction *m_whyAction = nullptr;
    QAction *m_quitAction = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_imageMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    LanguageManager *m_languages = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_clearFilterAction = nullptr;
    QAction *m_selectMatchingAction = nullptr;
    QAction *m_removeMatchingAction = nullptr;
    QAction *m_pruneAction = nullptr;
    QStringListModel *m_recentFilters = nullptr;
    QCompleter *m_filterCompleter = nullptr;
    ImageFilter::Error m_filterError;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    EngineError m_lastError;
    QList<RemovalRequest> m_removalRequests;
    int m_removalStarted = 0;
    int m_removalRecords = 0; // records the engine answered in this run
    // Set while a prune runs: the records and reclaimed space its preview promised.
    int m_prunePredictedRecords = -1;
    QString m_prunePredictedSpace;
    int m_removalTotal = 0;
    int m_removalSucceeded = 0;
    int m_removalRefused = 0;
};

} // namespace Strata
