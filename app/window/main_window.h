// MainWindow: the workbench. Pages: Scenario (topology and section editors), Run (progress
// and log), Results (the dashboard), What-if, Compare. The window owns the scenario document
// and the menus; each page is its own class and talks to the others through the document and
// the signals wired here.
#pragma once

#include <QMainWindow>
#include <QString>

#include "app/document/recent_files.h"
#include "app/run/run_workspace.h"
#include "engine/status.h"

class QMenu;
class QTabWidget;

namespace estate::studio {

class CompareView;
class ReportExporter;
class ResultsDashboard;
class RunPanel;
struct RunOutcome;
class ScenarioDocument;
class ScenarioEditor;
class TopologyView;
class WhatIfPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // Opens `path` into the editor. Unreadable files and non-JSON files leave the current
  // scenario open and are reported in a dialog; a scenario with errors opens, with its first
  // error shown at its field. Returns the open's status.
  Status OpenFile(const QString& path);
  // Saves to the document's file, or asks for one. Returns false when nothing was saved.
  bool SaveDocument();
  bool SaveDocumentAs(const QString& path);

  // Exports the results on the Results page into `dir`: each chart as PNG, then the report
  // as HTML and PDF through `estate report`. False (with the reason raised) when there are no
  // results; exportFinished() follows otherwise.
  bool ExportResults(const QString& dir);

  ScenarioDocument* document() const { return document_; }
  ScenarioEditor* editor() const { return editor_; }
  TopologyView* topology() const { return topology_; }
  RunPanel* run_panel() const { return run_panel_; }
  ResultsDashboard* dashboard() const { return dashboard_; }
  WhatIfPanel* what_if() const { return what_if_; }
  CompareView* compare() const { return compare_; }
  ReportExporter* exporter() const { return exporter_; }
  RunWorkspace* workspace() { return &workspace_; }
  QTabWidget* pages() const { return pages_; }
  // The text of the last error dialog, for tests and the status bar.
  const QString& last_error() const { return last_error_; }

 signals:
  // The files written (PNGs first) and, when something failed, why.
  void exportFinished(const QStringList& written, const QString& error);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void BuildMenus();
  void RebuildRecentMenu();
  void UpdateTitle();
  // False when the user cancelled (unsaved changes kept).
  bool MaybeSave();
  void ShowError(const QString& title, const QString& text);
  void RestoreGeometry();
  void ShowResults(const RunOutcome& outcome);

  ScenarioDocument* document_ = nullptr;
  QTabWidget* pages_ = nullptr;
  ScenarioEditor* editor_ = nullptr;
  TopologyView* topology_ = nullptr;
  RunPanel* run_panel_ = nullptr;
  ResultsDashboard* dashboard_ = nullptr;
  WhatIfPanel* what_if_ = nullptr;
  CompareView* compare_ = nullptr;
  ReportExporter* exporter_ = nullptr;
  RunWorkspace workspace_;
  QMenu* recent_menu_ = nullptr;
  RecentFiles recent_;
  QString last_error_;
};

}  // namespace estate::studio
