#include "app/editor/scenario_editor.h"

#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/editor/array_editor.h"
#include "app/editor/json_form.h"
#include "app/editor/json_text_tab.h"
#include "app/editor/section_fields.h"
#include "app/editor/validation_list.h"
#include "app/editor/workload_editor.h"

namespace estate::studio {
namespace {

using Json = ScenarioDocument::Json;

std::string FirstToken(const std::string& pointer) {
  if (pointer.size() < 2) return {};
  return pointer.substr(1, pointer.find('/', 1) - 1);
}

QString FailureLabel(const Json& failure, size_t index) {
  if (!failure.is_object()) return QStringLiteral("#%1").arg(index);
  std::string text =
      failure.value("at", std::string("?")) + " " + failure.value("kind", std::string("?"));
  if (failure.contains("target") && failure["target"].is_string())
    text += " " + failure["target"].get<std::string>();
  return QString::fromStdString(text);
}

}  // namespace

ScenarioEditor::ScenarioEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName("sectionTabs");
  general_ = new JsonForm(document_, GeneralFields(), tabs_);
  general_->SetBase("");
  sites_ = new ArrayEditor(document_, "/sites", SiteFields(), LabelByField("id"),
                           Json{{"id", "site-new"}, {"kind", "onprem"}, {"nodes", 1}}, tabs_);
  links_ = new ArrayEditor(document_, "/links", LinkFields(), LabelByField("id"),
                           Json{{"id", "link-new"},
                                {"from", ""},
                                {"to", ""},
                                {"bandwidth", "10Gbps"},
                                {"latency", "10ms"}},
                           tabs_);
  mounts_ =
      new ArrayEditor(document_, "/mounts", MountFields(), LabelByField("path"),
                      Json{{"path", "bucket/"}, {"home", ""}, {"consistency", "eventual"}}, tabs_);
  workload_ = new WorkloadEditor(document_, tabs_);
  failures_ = new ArrayEditor(document_, "/failures", FailureFields(), FailureLabel,
                              Json{{"at", "1h"}, {"kind", "link-down"}, {"target", ""}}, tabs_);
  expectations_ = new ArrayEditor(document_, "/expectations", ExpectationFields(), LabelByField(""),
                                  Json("availability.all >= 99.9%"), tabs_);
  json_tab_ = new JsonTextTab(document_, tabs_);
  tabs_->addTab(general_, tr("General"));
  tabs_->addTab(sites_, tr("Sites"));
  tabs_->addTab(links_, tr("Links"));
  tabs_->addTab(mounts_, tr("Mounts && policies"));
  tabs_->addTab(workload_, tr("Workload"));
  tabs_->addTab(failures_, tr("Failures"));
  tabs_->addTab(expectations_, tr("Expectations"));
  tabs_->addTab(json_tab_, tr("JSON"));

  validation_ = new ValidationList(document_, this);
  auto* vertical = new QSplitter(Qt::Vertical, this);
  horizontal_ = new QSplitter(Qt::Horizontal, vertical);
  horizontal_->addWidget(tabs_);
  vertical->addWidget(horizontal_);
  vertical->addWidget(validation_);
  vertical->setStretchFactor(0, 4);
  vertical->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(vertical);
  connect(validation_, &ValidationList::pointerActivated, this,
          [this](const std::string& pointer) { Reveal(pointer); });
}

void ScenarioEditor::SetSidePanel(QWidget* side) {
  horizontal_->insertWidget(0, side);
  horizontal_->setStretchFactor(0, 1);
  horizontal_->setStretchFactor(1, 1);
}

QWidget* ScenarioEditor::Reveal(const std::string& pointer) {
  const std::string section = FirstToken(pointer);
  QWidget* tab = nullptr;
  QWidget* field = nullptr;
  for (ArrayEditor* array : {sites_, links_, mounts_, failures_, expectations_}) {
    if (array->pointer() == "/" + section) {
      tab = array;
      field = array->Reveal(pointer);
    }
  }
  if (section == "workload") {
    tab = workload_;
    field = workload_->Reveal(pointer);
  } else if (tab == nullptr && section != "ui") {
    field = general_->WidgetFor(pointer);
    if (field != nullptr) tab = general_;
  }
  if (field == nullptr) {
    tab = json_tab_;
    json_tab_->Reveal(pointer);
    field = json_tab_->editor();
  }
  tabs_->setCurrentWidget(tab);
  field->setFocus(Qt::OtherFocusReason);
  return field;
}

}  // namespace estate::studio
