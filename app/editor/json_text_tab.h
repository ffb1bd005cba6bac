// JsonTextTab: the raw JSON of the scenario, kept in sync with the forms both ways. Form edits
// rewrite the text at once; typing here updates the document after a short pause, once the
// text parses as JSON (until then the line and column of the syntax error are shown and the
// document keeps its last good content).
#pragma once

#include <QWidget>

#include "app/document/scenario_document.h"

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace estate::studio {

class JsonTextTab : public QWidget {
  Q_OBJECT

 public:
  explicit JsonTextTab(ScenarioDocument* document, QWidget* parent = nullptr);

  QString text() const;
  QPlainTextEdit* editor() const { return editor_; }
  // Applies pending typing now instead of after the pause; returns false while the text is
  // not JSON.
  bool ApplyNow();
  // Moves the cursor to the line that holds the value at `pointer`, when it can be found.
  void Reveal(const std::string& pointer);

 private:
  void ShowDocument();

  ScenarioDocument* document_;
  QPlainTextEdit* editor_ = nullptr;
  QLabel* status_ = nullptr;
  QTimer* pause_ = nullptr;
  bool showing_ = false;
};

}  // namespace estate::studio
