// ArrayEditor: one scenario array (sites, links, mounts, failures, expectations, bursts) as a
// list of its elements beside a JsonForm for the selected one, with add, duplicate and remove.
// Elements with validation errors are marked in the list, so that errors in elements not
// shown stay visible.
#pragma once

#include <QWidget>
#include <functional>
#include <string>
#include <vector>

#include "app/document/scenario_document.h"
#include "app/editor/json_form.h"

class QListWidget;
class QPushButton;

namespace estate::studio {

class ArrayEditor : public QWidget {
  Q_OBJECT

 public:
  // How an element is named in the list, e.g. its "id".
  using Labeler = std::function<QString(const ScenarioDocument::Json& element, size_t index)>;

  // `pointer`: the array ("/links"); `new_element`: what Add appends.
  ArrayEditor(ScenarioDocument* document, std::string pointer, std::vector<FieldSpec> fields,
              Labeler labeler, ScenarioDocument::Json new_element, QWidget* parent = nullptr);

  // Selects the element `pointer` lies in and returns the field widget that edits it (or the
  // form, when no field does); nullptr when `pointer` is not in this array.
  QWidget* Reveal(const std::string& pointer);
  // -1 when nothing is selected.
  int CurrentIndex() const;
  void Select(int index);
  JsonForm* form() const { return form_; }
  const std::string& pointer() const { return pointer_; }

 signals:
  void selected(int index);

 private:
  void Refresh();
  void Add(bool duplicate);
  void RemoveCurrent();
  size_t Count() const;

  ScenarioDocument* document_;
  std::string pointer_;
  Labeler labeler_;
  ScenarioDocument::Json new_element_;
  QListWidget* list_ = nullptr;
  JsonForm* form_ = nullptr;
  QPushButton* remove_ = nullptr;
  QPushButton* duplicate_ = nullptr;
};

// Labels by a string field ("id", "path"), falling back to "#index".
ArrayEditor::Labeler LabelByField(std::string key);

}  // namespace estate::studio
