// WorkloadEditor: the workload section: object count and sizes, popularity, the operation
// mix, the diurnal curve, a trace, a rate per site (one field per site of the scenario,
// following sites as they are added or renamed) and the bursts.
#pragma once

#include <QWidget>
#include <string>
#include <vector>

#include "app/document/scenario_document.h"

namespace estate::studio {

class ArrayEditor;
class JsonForm;

class WorkloadEditor : public QWidget {
  Q_OBJECT

 public:
  explicit WorkloadEditor(ScenarioDocument* document, QWidget* parent = nullptr);

  // The field widget for `pointer` (under /workload), selecting a burst if needed.
  QWidget* Reveal(const std::string& pointer);
  JsonForm* form() const { return form_; }

 private:
  void FollowSites();

  ScenarioDocument* document_;
  JsonForm* form_ = nullptr;
  ArrayEditor* bursts_ = nullptr;
  std::vector<std::string> site_ids_;
};

}  // namespace estate::studio
