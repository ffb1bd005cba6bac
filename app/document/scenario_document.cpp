#include "app/document/scenario_document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <optional>

#include "app/document/new_scenario.h"

namespace estate::studio {
namespace {

using Json = ScenarioDocument::Json;

// nlohmann throws on a malformed pointer; the views only build well-formed ones, but a pointer
// typed by a user (or read from a file) must not take the app down.
std::optional<Json::json_pointer> MakePointer(const std::string& pointer) {
  try {
    return Json::json_pointer(pointer);
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

ScenarioDocument::ScenarioDocument(QObject* parent) : QObject(parent) {
  Load(NewScenarioJson(), QString());
}

void ScenarioDocument::New() {
  Load(NewScenarioJson(), QString());
}

Status ScenarioDocument::Open(const QString& path) {
  const std::string file = path.toStdString();
  QFile in(path);
  if (!in.open(QIODevice::ReadOnly)) {
    return Status::Invalid(file + ": cannot read: " + in.errorString().toStdString());
  }
  const QByteArray bytes = in.readAll();
  const std::string_view text(bytes.constData(), static_cast<size_t>(bytes.size()));
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // The validator words JSON errors with line and column; use its message.
    return Status::Invalid(ParseScenario(text, file).json_error);
  }
  Load(std::move(doc), QFileInfo(path).absoluteFilePath());
  return Status::Ok();
}

Status ScenarioDocument::Save() {
  return SaveAs(path_);
}

Status ScenarioDocument::SaveAs(const QString& path) {
  QSaveFile out(path);
  const std::string text = Text();
  if (!out.open(QIODevice::WriteOnly) ||
      out.write(text.data(), static_cast<qint64>(text.size())) !=
          static_cast<qint64>(text.size()) ||
      !out.commit()) {
    return Status::Internal(path.toStdString() +
                            ": cannot write: " + out.errorString().toStdString());
  }
  const QString absolute = QFileInfo(path).absoluteFilePath();
  if (absolute != path_) {
    path_ = absolute;
    Validate();  // messages name the new file
    emit pathChanged(path_);
  }
  SetDirty(false);
  return Status::Ok();
}

std::string ScenarioDocument::Text() const {
  return doc_.dump(2) + "\n";
}

const Json* ScenarioDocument::Find(const std::string& pointer) const {
  const std::optional<Json::json_pointer> p = MakePointer(pointer);
  if (!p || !doc_.contains(*p)) return nullptr;
  return &doc_.at(*p);
}

void ScenarioDocument::Set(const std::string& pointer, Json value, const QObject* origin) {
  const std::optional<Json::json_pointer> p = MakePointer(pointer);
  if (!p) return;
  try {
    doc_[*p] = std::move(value);
  } catch (const Json::exception&) {
    return;  // the path runs through a string or number: nothing to set
  }
  Edited(origin);
}

void ScenarioDocument::Remove(const std::string& pointer, const QObject* origin) {
  const std::optional<Json::json_pointer> p = MakePointer(pointer);
  if (!p || p->empty() || !doc_.contains(*p)) return;
  Json& parent = doc_.at(p->parent_pointer());
  if (parent.is_object()) {
    parent.erase(p->back());
  } else if (parent.is_array()) {
    parent.erase(static_cast<size_t>(std::stoul(p->back())));
  }
  Edited(origin);
}

void ScenarioDocument::Replace(Json doc, const QObject* origin) {
  doc_ = std::move(doc);
  Edited(origin);
}

QString ScenarioDocument::DisplayName() const {
  return path_.isEmpty() ? QStringLiteral("untitled.json") : QFileInfo(path_).fileName();
}

QString ScenarioDocument::BaseDirectory() const {
  return path_.isEmpty() ? QDir::currentPath() : QFileInfo(path_).absolutePath();
}

void ScenarioDocument::Load(Json doc, const QString& path) {
  doc_ = std::move(doc);
  const bool moved = path != path_;
  path_ = path;
  Validate();
  if (moved) emit pathChanged(path_);
  SetDirty(false);
  emit changed(nullptr);
}

void ScenarioDocument::Edited(const QObject* origin) {
  Validate();
  SetDirty(true);
  emit changed(origin);
}

void ScenarioDocument::SetDirty(bool dirty) {
  if (dirty == dirty_) return;
  dirty_ = dirty;
  emit dirtyChanged(dirty_);
}

void ScenarioDocument::Validate() {
  // Messages name the file as `estate validate` would when given its path.
  const QString file = path_.isEmpty() ? DisplayName() : path_;
  validation_ = ParseScenario(doc_.dump(), file.toStdString());
}

}  // namespace estate::studio
