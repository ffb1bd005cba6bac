// JsonForm: a form of labelled fields bound to one element of the scenario (the document
// root, a site, a link, ...), read from and written to the ScenarioDocument by JSON pointer.
// Each field widget's objectName is its full pointer ("/links/1/bandwidth"), and a field with
// a validation error carries it in its "validationError" property, its tooltip and a red frame.
#pragma once

#include <QLabel>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "app/document/scenario_document.h"
#include "app/editor/field_spec.h"

class QFormLayout;

namespace estate::studio {

class JsonForm : public QWidget {
  Q_OBJECT

 public:
  JsonForm(ScenarioDocument* document, std::vector<FieldSpec> fields, QWidget* parent = nullptr);

  // Binds the form to the element at `base` ("" for the document root) and shows its values.
  void SetBase(const std::string& base);
  const std::string& base() const { return base_; }
  // Replaces the fields (e.g. the workload's per-site rates after a site was added).
  void SetFields(std::vector<FieldSpec> fields);
  const std::vector<FieldSpec>& fields() const { return fields_; }

  // The widget that edits `pointer` or a value inside it, or nullptr.
  QWidget* WidgetFor(const std::string& pointer) const;
  // Marks the fields that `errors` point at (or into); errors at the element itself, or at
  // fields the form does not show, are listed above the fields.
  void ShowErrors(const std::vector<ScenarioError>& errors);
  // Reads every field from the document again.
  void Reload();

 private:
  void Build();
  void Commit(size_t field);
  std::string PointerOf(size_t field) const { return FieldPointer(base_, fields_[field].key); }

  ScenarioDocument* document_;
  std::vector<FieldSpec> fields_;
  std::string base_;
  std::vector<QWidget*> editors_;  // one per field
  QFormLayout* layout_ = nullptr;
  QLabel* banner_ = nullptr;  // errors not shown at a field
  bool loading_ = false;
};

// The form's wording of one error: "expected a bandwidth such as "100Gbps", found "fast"".
QString ErrorText(const ScenarioError& error);

}  // namespace estate::studio
