// ScenarioDocument: the scenario being edited, as one JSON document that every view reads and
// writes by JSON pointer, with its file, unsaved-changes marker and latest validation. Views
// stay in sync by listening to changed(): each edit names its origin, so the view that made it
// need not reload itself. Validation is `estate validate`'s own (ParseScenario), run on every
// change; its errors carry the JSON pointers the views use to mark fields.
#pragma once

#include <QObject>
#include <QString>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/status.h"
#include "sim/scenario/scenario_parser.h"

namespace estate::studio {

class ScenarioDocument : public QObject {
  Q_OBJECT

 public:
  // Ordered, so that saving keeps the file's key order (nlohmann::json would sort keys).
  using Json = nlohmann::ordered_json;

  explicit ScenarioDocument(QObject* parent = nullptr);

  // A new, valid scenario with no file: one GCP region, one on-prem site, a link, a mount.
  void New();
  // Reads `path`. A file that cannot be read or is not JSON leaves the document unchanged and
  // returns Invalid with "file: cannot read: ..." or "file:line:column: invalid JSON: ...".
  // A JSON file with scenario errors opens; validation() lists the errors.
  Status Open(const QString& path);
  // Writes the document to path() (REQUIRES: !path().isEmpty()) or to `path`, atomically.
  Status Save();
  Status SaveAs(const QString& path);

  const Json& json() const { return doc_; }
  // The document as the file holds it: two-space indentation and a final newline.
  std::string Text() const;
  // The value at `pointer`, or nullptr when there is none (or the pointer is malformed).
  const Json* Find(const std::string& pointer) const;

  // Edits. Each marks the document dirty, revalidates and emits changed(origin).
  // Set creates missing parent objects; Remove of a missing value does nothing.
  void Set(const std::string& pointer, Json value, const QObject* origin);
  void Remove(const std::string& pointer, const QObject* origin);
  void Replace(Json doc, const QObject* origin);

  bool dirty() const { return dirty_; }
  // Absolute path of the file, empty for a new document.
  const QString& path() const { return path_; }
  // The file name, or "untitled.json". Validation messages name the path, or this.
  QString DisplayName() const;
  // The directory relative file names in the scenario resolve against (prices, traces).
  QString BaseDirectory() const;
  const ScenarioParse& validation() const { return validation_; }

 signals:
  // The content changed; `origin` is the view that made the change (nullptr: load or new).
  void changed(const QObject* origin);
  void dirtyChanged(bool dirty);
  void pathChanged(const QString& path);

 private:
  void Load(Json doc, const QString& path);
  void Edited(const QObject* origin);
  void SetDirty(bool dirty);
  void Validate();

  Json doc_;
  QString path_;
  bool dirty_ = false;
  ScenarioParse validation_;
};

}  // namespace estate::studio
