#include "app/document/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace estate::studio {
namespace {
constexpr char kKey[] = "recentFiles";
}  // namespace

RecentFiles::RecentFiles() : paths_(QSettings().value(kKey).toStringList()) {}

void RecentFiles::Add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  paths_.removeAll(absolute);
  paths_.prepend(absolute);
  while (paths_.size() > kMaxEntries)
    paths_.removeLast();
  Store();
}

void RecentFiles::Remove(const QString& path) {
  paths_.removeAll(QFileInfo(path).absoluteFilePath());
  Store();
}

void RecentFiles::Clear() {
  paths_.clear();
  Store();
}

void RecentFiles::Store() const {
  QSettings().setValue(kKey, paths_);
}

}  // namespace estate::studio
