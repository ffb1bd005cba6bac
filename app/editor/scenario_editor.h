// ScenarioEditor: the Scenario page: one tab per section (general, sites, links, mounts,
// workload, failures, expectations), the raw JSON tab, and the validation list beneath.
// Reveal() turns a JSON pointer (a validation error, a topology selection) into the tab and
// field that edit it.
#pragma once

#include <QWidget>
#include <string>

#include "app/document/scenario_document.h"

class QSplitter;
class QTabWidget;

namespace estate::studio {

class ArrayEditor;
class JsonForm;
class JsonTextTab;
class ValidationList;
class WorkloadEditor;

class ScenarioEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ScenarioEditor(ScenarioDocument* document, QWidget* parent = nullptr);

  // Shows the tab and field that edit `pointer`, gives the field focus, and returns it (the
  // JSON tab's text editor when no form field edits it).
  QWidget* Reveal(const std::string& pointer);

  // Puts `side` (the topology view) left of the section tabs.
  void SetSidePanel(QWidget* side);

  QTabWidget* tabs() const { return tabs_; }
  JsonTextTab* json_tab() const { return json_tab_; }
  ValidationList* validation_list() const { return validation_; }
  ArrayEditor* sites() const { return sites_; }
  ArrayEditor* links() const { return links_; }
  ArrayEditor* mounts() const { return mounts_; }
  ArrayEditor* failures() const { return failures_; }
  ArrayEditor* expectations() const { return expectations_; }
  WorkloadEditor* workload() const { return workload_; }
  JsonForm* general() const { return general_; }

 private:
  ScenarioDocument* document_;
  QSplitter* horizontal_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  JsonForm* general_ = nullptr;
  ArrayEditor* sites_ = nullptr;
  ArrayEditor* links_ = nullptr;
  ArrayEditor* mounts_ = nullptr;
  WorkloadEditor* workload_ = nullptr;
  ArrayEditor* failures_ = nullptr;
  ArrayEditor* expectations_ = nullptr;
  JsonTextTab* json_tab_ = nullptr;
  ValidationList* validation_ = nullptr;
};

}  // namespace estate::studio
