#include "app/window/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include "app/compare/compare_view.h"
#include "app/document/scenario_document.h"
#include "app/editor/array_editor.h"
#include "app/editor/scenario_editor.h"
#include "app/export/chart_png_export.h"
#include "app/export/report_exporter.h"
#include "app/results/results_dashboard.h"
#include "app/results/run_result.h"
#include "app/run/cli_locator.h"
#include "app/run/run_panel.h"
#include "app/topology/topology_view.h"
#include "app/whatif/what_if_panel.h"
#include "app/window/about_dialog.h"

namespace estate::studio {
namespace {

constexpr char kScenarioFilter[] = "Scenarios (*.json);;All files (*)";

QString LocalJsonFile(const QMimeData* mime) {
  if (mime == nullptr || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls()) {
    if (url.isLocalFile() && url.toLocalFile().endsWith(".json", Qt::CaseInsensitive))
      return url.toLocalFile();
  }
  return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName("mainWindow");
  setAcceptDrops(true);
  document_ = new ScenarioDocument(this);
  pages_ = new QTabWidget(this);
  pages_->setObjectName("pages");
  pages_->setDocumentMode(true);
  editor_ = new ScenarioEditor(document_, pages_);
  topology_ = new TopologyView(document_, editor_);
  editor_->SetSidePanel(topology_);
  connect(topology_, &TopologyView::elementSelected, this,
          [this](const std::string& pointer) { editor_->Reveal(pointer); });
  connect(editor_->sites(), &ArrayEditor::selected, this,
          [this](int i) { topology_->SelectPointer("/sites/" + std::to_string(i)); });
  connect(editor_->links(), &ArrayEditor::selected, this,
          [this](int i) { topology_->SelectPointer("/links/" + std::to_string(i)); });
  pages_->addTab(editor_, tr("&Scenario"));
  run_panel_ = new RunPanel(document_, &workspace_, pages_);
  pages_->addTab(run_panel_, tr("&Run"));
  dashboard_ = new ResultsDashboard(pages_);
  dashboard_->setObjectName("dashboard");
  pages_->addTab(dashboard_, tr("Res&ults"));
  what_if_ = new WhatIfPanel(document_, &workspace_, pages_);
  pages_->addTab(what_if_, tr("&What-if"));
  compare_ = new CompareView(document_, &workspace_, pages_);
  compare_->setObjectName("compareView");
  pages_->addTab(compare_, tr("&Compare"));
  connect(compare_, &CompareView::errorRaised, this, &MainWindow::ShowError);
  setCentralWidget(pages_);

  exporter_ = new ReportExporter(FindEstateCli(), this);
  BuildMenus();
  connect(document_, &ScenarioDocument::dirtyChanged, this, &MainWindow::UpdateTitle);
  connect(document_, &ScenarioDocument::pathChanged, this, &MainWindow::UpdateTitle);
  UpdateTitle();
  RestoreGeometry();
  statusBar()->showMessage(tr("Ready"));
}

void MainWindow::BuildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* fresh = file->addAction(tr("&New"), this, [this] {
    if (MaybeSave()) document_->New();
  });
  fresh->setShortcut(QKeySequence::New);
  fresh->setToolTip(tr("Start a new scenario from a minimal two-site deployment"));
  QAction* open = file->addAction(tr("&Open..."), this, [this] {
    if (!MaybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open scenario"), document_->BaseDirectory(), tr(kScenarioFilter));
    if (!path.isEmpty()) OpenFile(path);
  });
  open->setShortcut(QKeySequence::Open);
  recent_menu_ = file->addMenu(tr("Open &Recent"));
  RebuildRecentMenu();
  file->addSeparator();
  QAction* save = file->addAction(tr("&Save"), this, [this] { SaveDocument(); });
  save->setShortcut(QKeySequence::Save);
  QAction* save_as = file->addAction(tr("Save &As..."), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save scenario as"),
                                                      document_->path(), tr(kScenarioFilter));
    if (!path.isEmpty()) SaveDocumentAs(path);
  });
  save_as->setShortcut(QKeySequence::SaveAs);
  file->addSeparator();
  QAction* export_report = file->addAction(tr("&Export Report..."), this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the report into"));
    if (!dir.isEmpty()) ExportResults(dir);
  });
  export_report->setShortcut(Qt::CTRL | Qt::Key_E);
  export_report->setToolTip(tr("The charts as PNG and the report as HTML and PDF"));
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (int i = 0; i < pages_->count(); ++i) {
    QAction* page = view->addAction(pages_->tabText(i).remove('&'), this,
                                    [this, i] { pages_->setCurrentIndex(i); });
    page->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
  }
  view->addSeparator();
  view->addAction(tr("Fit &Topology"), this, [this] { topology_->FitAll(); });

  QMenu* run = menuBar()->addMenu(tr("&Run"));
  QAction* start = run->addAction(tr("&Run Scenario"), this, [this] {
    if (run_panel_->StartRun()) pages_->setCurrentWidget(run_panel_);
  });
  start->setShortcut(Qt::Key_F5);
  QAction* cancel = run->addAction(tr("&Cancel Run"), run_panel_, &RunPanel::CancelRun);
  cancel->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
  connect(run_panel_, &RunPanel::errorRaised, this, &MainWindow::ShowError);
  connect(run_panel_, &RunPanel::resultsReady, this, &MainWindow::ShowResults);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Estate Studio"), this, [this] {
    auto* about = new AboutDialog(FindEstateCli(), this);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
  });
}

void MainWindow::RebuildRecentMenu() {
  recent_menu_->clear();
  for (const QString& path : recent_.paths()) {
    recent_menu_->addAction(path, this, [this, path] {
      if (MaybeSave()) OpenFile(path);
    });
  }
  recent_menu_->addSeparator();
  recent_menu_->addAction(tr("Clear"), this, [this] {
    recent_.Clear();
    RebuildRecentMenu();
  });
  recent_menu_->setEnabled(!recent_.paths().isEmpty());
}

Status MainWindow::OpenFile(const QString& path) {
  const Status status = document_->Open(path);
  if (!status.ok()) {
    recent_.Remove(path);
    RebuildRecentMenu();
    ShowError(tr("Cannot open scenario"), QString::fromStdString(status.message()));
    return status;
  }
  recent_.Add(document_->path());
  RebuildRecentMenu();
  const ScenarioParse& parse = document_->validation();
  if (!parse.errors.empty()) {
    pages_->setCurrentWidget(editor_);
    editor_->Reveal(parse.errors.front().pointer);
    statusBar()->showMessage(tr("%1: %2 problems; the first is shown")
                                 .arg(document_->DisplayName())
                                 .arg(parse.errors.size()));
  } else {
    statusBar()->showMessage(tr("Opened %1").arg(document_->path()));
  }
  return status;
}

bool MainWindow::SaveDocument() {
  if (document_->path().isEmpty()) {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save scenario"), QString(), tr(kScenarioFilter));
    return !path.isEmpty() && SaveDocumentAs(path);
  }
  return SaveDocumentAs(document_->path());
}

bool MainWindow::SaveDocumentAs(const QString& path) {
  const Status status = document_->SaveAs(path);
  if (!status.ok()) {
    ShowError(tr("Cannot save scenario"), QString::fromStdString(status.message()));
    return false;
  }
  recent_.Add(document_->path());
  RebuildRecentMenu();
  statusBar()->showMessage(tr("Saved %1").arg(document_->path()));
  return true;
}

void MainWindow::ShowResults(const RunOutcome& outcome) {
  Result<RunResult> result = LoadRunResult(outcome.out_dir);
  if (!result.ok()) {
    ShowError(tr("Cannot read the results"), QString::fromStdString(result.status().message()));
    return;
  }
  dashboard_->Show(std::move(*result));
  pages_->setCurrentWidget(dashboard_);
}

bool MainWindow::ExportResults(const QString& dir) {
  if (!dashboard_->current()) {
    ShowError(tr("Nothing to export"), tr("Run the scenario first (F5): the export covers the "
                                          "run on the Results page."));
    return false;
  }
  if (exporter_->running()) return false;
  Result<QStringList> pngs = ExportChartsPng(dashboard_->Charts(), QDir(dir).filePath("charts"));
  if (!pngs.ok()) {
    ShowError(tr("Export failed"), QString::fromStdString(pngs.status().message()));
    return false;
  }
  const QStringList images = *pngs;
  auto once = std::make_shared<QMetaObject::Connection>();
  *once = connect(exporter_, &ReportExporter::finished, this,
                  [this, images, once](const QStringList& written, const QString& error) {
                    disconnect(*once);
                    if (!error.isEmpty()) {
                      ShowError(tr("Report export"), error);
                    } else {
                      statusBar()->showMessage(tr("Exported %1").arg(written.join(", ")));
                    }
                    emit exportFinished(images + written, error);
                  });
  statusBar()->showMessage(tr("Exporting the report..."));
  exporter_->Export(dashboard_->current()->dir, dir);
  return true;
}

void MainWindow::UpdateTitle() {
  setWindowTitle(tr("%1[*] - Estate Studio").arg(document_->DisplayName()));
  setWindowModified(document_->dirty());
}

bool MainWindow::MaybeSave() {
  if (!document_->dirty()) return true;
  const auto answer =
      QMessageBox::question(this, tr("Unsaved changes"),
                            tr("%1 has unsaved changes. Save them?").arg(document_->DisplayName()),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
  if (answer == QMessageBox::Save) return SaveDocument();
  return answer == QMessageBox::Discard;
}

void MainWindow::ShowError(const QString& title, const QString& text) {
  last_error_ = text;
  statusBar()->showMessage(text);
  // Window-modal but not blocking: the event loop (and a test driving it) carries on.
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setObjectName("errorDialog");
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::RestoreGeometry() {
  QSettings settings;
  if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1200, 800);
  restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!MaybeSave()) {
    event->ignore();
    return;
  }
  QSettings settings;
  settings.setValue("window/geometry", saveGeometry());
  settings.setValue("window/state", saveState());
  event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (!LocalJsonFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QString path = LocalJsonFile(event->mimeData());
  if (path.isEmpty() || !MaybeSave()) return;
  event->acceptProposedAction();
  OpenFile(path);
}

}  // namespace estate::studio
