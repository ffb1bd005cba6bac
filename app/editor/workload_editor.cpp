#include "app/editor/workload_editor.h"

#include <QGroupBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "app/editor/array_editor.h"
#include "app/editor/json_form.h"
#include "app/editor/section_fields.h"

namespace estate::studio {
namespace {

std::vector<std::string> SiteIds(const ScenarioDocument& document) {
  std::vector<std::string> ids;
  const ScenarioDocument::Json* sites = document.Find("/sites");
  if (sites == nullptr || !sites->is_array()) return ids;
  for (const auto& site : *sites) {
    if (site.is_object() && site.contains("id") && site["id"].is_string())
      ids.push_back(site["id"].get<std::string>());
  }
  return ids;
}

}  // namespace

WorkloadEditor::WorkloadEditor(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), site_ids_(SiteIds(*document)) {
  auto* splitter = new QSplitter(Qt::Vertical, this);
  form_ = new JsonForm(document_, WorkloadFields(site_ids_), splitter);
  form_->SetBase("/workload");
  auto* bursts_box = new QGroupBox(tr("Bursts"), splitter);
  auto* bursts_layout = new QVBoxLayout(bursts_box);
  bursts_ = new ArrayEditor(
      document_, "/workload/bursts", BurstFields(),
      [](const ScenarioDocument::Json& burst, size_t index) {
        if (!burst.is_object()) return QStringLiteral("#%1").arg(index);
        return QString::fromStdString(
            burst.value("at", std::string("?")) + " x" +
            (burst.contains("multiplier") ? burst["multiplier"].dump() : std::string("?")));
      },
      ScenarioDocument::Json{{"at", "9h"}, {"duration", "30min"}, {"multiplier", 2}}, bursts_box);
  bursts_layout->addWidget(bursts_);
  splitter->addWidget(form_);
  splitter->addWidget(bursts_box);
  splitter->setStretchFactor(0, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);
  connect(document_, &ScenarioDocument::changed, this, &WorkloadEditor::FollowSites);
}

void WorkloadEditor::FollowSites() {
  std::vector<std::string> ids = SiteIds(*document_);
  if (ids == site_ids_) return;
  site_ids_ = std::move(ids);
  form_->SetFields(WorkloadFields(site_ids_));
}

QWidget* WorkloadEditor::Reveal(const std::string& pointer) {
  if (QWidget* burst = bursts_->Reveal(pointer)) return burst;
  QWidget* field = form_->WidgetFor(pointer);
  return field != nullptr ? field : form_;
}

}  // namespace estate::studio
