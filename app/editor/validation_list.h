// ValidationList: every problem `estate validate` would report for the document, one line
// each with its JSON pointer, or a one-line summary when the scenario is valid. Activating a
// line asks the editor to show that field.
#pragma once

#include <QListWidget>
#include <string>

#include "app/document/scenario_document.h"

namespace estate::studio {

class ValidationList : public QListWidget {
  Q_OBJECT

 public:
  explicit ValidationList(ScenarioDocument* document, QWidget* parent = nullptr);

 signals:
  void pointerActivated(const std::string& pointer);

 private:
  void Show();

  ScenarioDocument* document_;
};

}  // namespace estate::studio
