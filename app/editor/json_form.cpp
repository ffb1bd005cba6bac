#include "app/editor/json_form.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>
#include <optional>

#include "app/editor/schema_descriptions.h"

namespace estate::studio {
namespace {

using Json = ScenarioDocument::Json;

bool IsUnder(const std::string& pointer, const std::string& field) {
  return pointer == field || (pointer.size() > field.size() && pointer.rfind(field, 0) == 0 &&
                              pointer[field.size()] == '/');
}

QString Display(const Json* value, FieldKind kind) {
  if (value == nullptr) return {};
  if (value->is_string()) return QString::fromStdString(value->get<std::string>());
  if (kind == FieldKind::kList && value->is_array()) {
    QStringList items;
    for (const Json& item : *value)
      items << (item.is_string() ? QString::fromStdString(item.get<std::string>())
                                 : QString::fromStdString(item.dump()));
    return items.join(", ");
  }
  return QString::fromStdString(value->dump());
}

// The value a field's text stands for; std::nullopt removes the field. Text that does not
// convert is kept as a string, for the validator to report at this field.
std::optional<Json> Parse(const QString& text, FieldKind kind) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) return std::nullopt;
  const std::string s = trimmed.toStdString();
  bool ok = false;
  switch (kind) {
    case FieldKind::kNumber: {
      const double v = trimmed.toDouble(&ok);
      if (ok) return Json(v);
      break;
    }
    case FieldKind::kInteger: {
      const qlonglong v = trimmed.toLongLong(&ok);
      if (ok) return Json(static_cast<int64_t>(v));
      break;
    }
    case FieldKind::kBool:
      if (s == "true" || s == "false") return Json(s == "true");
      break;
    case FieldKind::kList: {
      Json list = Json::array();
      for (const QString& item : trimmed.split(',', Qt::SkipEmptyParts))
        list.push_back(item.trimmed().toStdString());
      return list;
    }
    case FieldKind::kJson: {
      Json v = Json::parse(s, nullptr, /*allow_exceptions=*/false);
      if (!v.is_discarded()) return v;
      break;
    }
    default:
      break;
  }
  return Json(s);
}

}  // namespace

QString ErrorText(const ScenarioError& error) {
  return QString::fromStdString("expected " + error.expected + ", found " + error.found);
}

JsonForm::JsonForm(ScenarioDocument* document, std::vector<FieldSpec> fields, QWidget* parent)
    : QWidget(parent), document_(document), fields_(std::move(fields)) {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  banner_ = new QLabel(this);
  banner_->setWordWrap(true);
  banner_->setStyleSheet("color: #c62828;");
  banner_->hide();
  outer->addWidget(banner_);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* body = new QWidget(scroll);
  layout_ = new QFormLayout(body);
  layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  scroll->setWidget(body);
  outer->addWidget(scroll);
  Build();
  connect(document_, &ScenarioDocument::changed, this, [this](const QObject* origin) {
    if (origin != this) Reload();
    ShowErrors(document_->validation().errors);
  });
}

void JsonForm::SetBase(const std::string& base) {
  base_ = base;
  for (size_t i = 0; i < editors_.size(); ++i)
    editors_[i]->setObjectName(QString::fromStdString(PointerOf(i)));
  Reload();
  ShowErrors(document_->validation().errors);
}

void JsonForm::SetFields(std::vector<FieldSpec> fields) {
  fields_ = std::move(fields);
  Build();
  Reload();
  ShowErrors(document_->validation().errors);
}

void JsonForm::Build() {
  while (layout_->rowCount() > 0)
    layout_->removeRow(0);
  editors_.clear();
  for (size_t i = 0; i < fields_.size(); ++i) {
    const FieldSpec& f = fields_[i];
    QWidget* editor = nullptr;
    if (f.kind == FieldKind::kChoice || f.kind == FieldKind::kBool) {
      auto* combo = new QComboBox(this);
      combo->addItem(tr("(default)"), QString());
      const QStringList choices =
          f.kind == FieldKind::kBool ? QStringList{"true", "false"} : f.choices;
      for (const QString& c : choices)
        combo->addItem(c, c);
      connect(combo, &QComboBox::activated, this, [this, i] { Commit(i); });
      editor = combo;
    } else {
      auto* line = new QLineEdit(this);
      line->setPlaceholderText(f.placeholder);
      line->setClearButtonEnabled(true);
      connect(line, &QLineEdit::editingFinished, this, [this, i] { Commit(i); });
      editor = line;
    }
    editor->setObjectName(QString::fromStdString(PointerOf(i)));
    editors_.push_back(editor);
    layout_->addRow(f.label, editor);
  }
}

void JsonForm::Reload() {
  loading_ = true;
  for (size_t i = 0; i < fields_.size(); ++i) {
    const Json* value = document_->Find(PointerOf(i));
    const QString text = Display(value, fields_[i].kind);
    if (auto* combo = qobject_cast<QComboBox*>(editors_[i])) {
      int index = combo->findData(text);
      if (index < 0 && !text.isEmpty()) {  // a value the form does not offer: show it anyway
        combo->addItem(text, text);
        index = combo->count() - 1;
      }
      combo->setCurrentIndex(std::max(index, 0));
    } else if (auto* line = qobject_cast<QLineEdit*>(editors_[i])) {
      if (line->text() != text) line->setText(text);
    }
  }
  loading_ = false;
}

void JsonForm::Commit(size_t field) {
  if (loading_) return;
  QString text;
  if (auto* combo = qobject_cast<QComboBox*>(editors_[field])) {
    text = combo->currentData().toString();
  } else if (auto* line = qobject_cast<QLineEdit*>(editors_[field])) {
    text = line->text();
  }
  const std::string pointer = PointerOf(field);
  const std::optional<Json> value = Parse(text, fields_[field].kind);
  const Json* current = document_->Find(pointer);
  if (!value) {
    if (current != nullptr) document_->Remove(pointer, this);
  } else if (current == nullptr || *current != *value) {
    document_->Set(pointer, *value, this);
  }
}

QWidget* JsonForm::WidgetFor(const std::string& pointer) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (IsUnder(pointer, PointerOf(i))) return editors_[i];
  }
  return nullptr;
}

void JsonForm::ShowErrors(const std::vector<ScenarioError>& errors) {
  std::map<QWidget*, QStringList> at_field;
  QStringList elsewhere;
  for (const ScenarioError& e : errors) {
    if (!IsUnder(e.pointer, base_) && !base_.empty()) continue;
    if (QWidget* w = WidgetFor(e.pointer)) {
      at_field[w] << ErrorText(e);
    } else if (e.pointer == base_ || !base_.empty()) {
      // At this element, or at one of its fields the form has no widget for.
      elsewhere << QString::fromStdString((e.pointer.empty() ? "/" : e.pointer) + ": ") +
                       ErrorText(e);
    }
  }
  for (size_t i = 0; i < editors_.size(); ++i) {
    QWidget* w = editors_[i];
    const auto it = at_field.find(w);
    const QString error = it == at_field.end() ? QString() : it->second.join('\n');
    w->setProperty("validationError", error);
    w->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828;"));
    QString tip = SchemaDescriptions::Shared().For(PointerOf(i));
    if (!error.isEmpty()) tip += (tip.isEmpty() ? "" : "\n\n") + tr("Error: ") + error;
    w->setToolTip(tip);
  }
  banner_->setText(elsewhere.join('\n'));
  banner_->setVisible(!elsewhere.isEmpty());
}

}  // namespace estate::studio
