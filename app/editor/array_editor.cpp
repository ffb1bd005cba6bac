#include "app/editor/array_editor.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace estate::studio {
namespace {

using Json = ScenarioDocument::Json;

// The index of the element `pointer` lies in ("/links/2/bandwidth" in "/links" gives 2).
int ElementIndex(const std::string& array, const std::string& pointer) {
  if (pointer.size() <= array.size() + 1 || pointer.rfind(array + "/", 0) != 0) return -1;
  const std::string rest = pointer.substr(array.size() + 1);
  const std::string token = rest.substr(0, rest.find('/'));
  if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoi(token);
}

}  // namespace

ArrayEditor::Labeler LabelByField(std::string key) {
  return [key](const Json& element, size_t index) {
    if (element.is_object() && element.contains(key) && element[key].is_string())
      return QString::fromStdString(element[key].get<std::string>());
    if (element.is_string()) return QString::fromStdString(element.get<std::string>());
    return QStringLiteral("#%1").arg(index);
  };
}

ArrayEditor::ArrayEditor(ScenarioDocument* document, std::string pointer,
                         std::vector<FieldSpec> fields, Labeler labeler, Json new_element,
                         QWidget* parent)
    : QWidget(parent),
      document_(document),
      pointer_(std::move(pointer)),
      labeler_(std::move(labeler)),
      new_element_(std::move(new_element)) {
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  auto* left = new QWidget(splitter);
  auto* left_layout = new QVBoxLayout(left);
  left_layout->setContentsMargins(0, 0, 0, 0);
  list_ = new QListWidget(left);
  list_->setObjectName(QString::fromStdString(pointer_));
  left_layout->addWidget(list_);
  auto* buttons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add"), left);
  add->setObjectName("addButton");
  add->setToolTip(tr("Append a new element"));
  duplicate_ = new QPushButton(tr("Duplicate"), left);
  duplicate_->setObjectName("duplicateButton");
  duplicate_->setToolTip(tr("Append a copy of the selected element"));
  remove_ = new QPushButton(tr("Remove"), left);
  remove_->setObjectName("removeButton");
  remove_->setToolTip(tr("Remove the selected element"));
  buttons->addWidget(add);
  buttons->addWidget(duplicate_);
  buttons->addWidget(remove_);
  left_layout->addLayout(buttons);
  form_ = new JsonForm(document_, std::move(fields), splitter);
  splitter->addWidget(left);
  splitter->addWidget(form_);
  // The list keeps its natural width; the form takes the rest.
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(splitter);

  connect(add, &QPushButton::clicked, this, [this] { Add(false); });
  connect(duplicate_, &QPushButton::clicked, this, [this] { Add(true); });
  connect(remove_, &QPushButton::clicked, this, &ArrayEditor::RemoveCurrent);
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    const bool any = row >= 0;
    form_->setVisible(any);
    remove_->setEnabled(any);
    duplicate_->setEnabled(any);
    if (any) form_->SetBase(pointer_ + "/" + std::to_string(row));
    emit selected(row);
  });
  connect(document_, &ScenarioDocument::changed, this, &ArrayEditor::Refresh);
  Refresh();
}

size_t ArrayEditor::Count() const {
  const Json* array = document_->Find(pointer_);
  return array != nullptr && array->is_array() ? array->size() : 0;
}

void ArrayEditor::Refresh() {
  const Json* array = document_->Find(pointer_);
  const size_t n = Count();
  const QSignalBlocker block(list_);
  const int current = list_->currentRow();
  while (static_cast<size_t>(list_->count()) > n)
    delete list_->takeItem(list_->count() - 1);
  while (static_cast<size_t>(list_->count()) < n)
    list_->addItem(QString());
  std::vector<bool> has_error(n, false);
  for (const ScenarioError& e : document_->validation().errors) {
    const int i = ElementIndex(pointer_, e.pointer);
    if (i >= 0 && static_cast<size_t>(i) < n) has_error[static_cast<size_t>(i)] = true;
  }
  for (size_t i = 0; i < n; ++i) {
    QListWidgetItem* item = list_->item(static_cast<int>(i));
    item->setText(labeler_((*array)[i], i));
    item->setForeground(has_error[i] ? QColor(0xc6, 0x28, 0x28) : list_->palette().text().color());
    item->setToolTip(has_error[i] ? tr("This element has errors") : QString());
  }
  const int keep = n == 0 ? -1 : std::min(std::max(current, 0), static_cast<int>(n) - 1);
  list_->setCurrentRow(keep);
  const bool any = keep >= 0;
  form_->setVisible(any);
  remove_->setEnabled(any);
  duplicate_->setEnabled(any);
  const std::string base = any ? pointer_ + "/" + std::to_string(keep) : std::string();
  if (any && form_->base() != base) form_->SetBase(base);
}

void ArrayEditor::Add(bool duplicate) {
  const Json* array = document_->Find(pointer_);
  Json copy = array != nullptr && array->is_array() ? *array : Json::array();
  const int current = CurrentIndex();
  copy.push_back(duplicate && current >= 0 ? copy[static_cast<size_t>(current)] : new_element_);
  const int added = static_cast<int>(copy.size()) - 1;
  document_->Set(pointer_, std::move(copy), this);
  Select(added);
}

void ArrayEditor::RemoveCurrent() {
  const int current = CurrentIndex();
  if (current < 0) return;
  document_->Remove(pointer_ + "/" + std::to_string(current), this);
}

int ArrayEditor::CurrentIndex() const {
  return list_->currentRow();
}

void ArrayEditor::Select(int index) {
  list_->setCurrentRow(index);
}

QWidget* ArrayEditor::Reveal(const std::string& pointer) {
  const int index = ElementIndex(pointer_, pointer);
  if (index < 0 || static_cast<size_t>(index) >= Count()) {
    return pointer == pointer_ ? list_ : nullptr;
  }
  Select(index);
  QWidget* field = form_->WidgetFor(pointer);
  return field != nullptr ? field : form_;
}

}  // namespace estate::studio
