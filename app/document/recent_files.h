// The File > Open Recent list: the last scenarios opened or saved, newest first, kept in
// QSettings so that it survives restarts.
#pragma once

#include <QStringList>

namespace estate::studio {

class RecentFiles {
 public:
  static constexpr int kMaxEntries = 8;

  // Reads the list from the application's QSettings.
  RecentFiles();

  // Moves `path` (made absolute) to the front, drops the oldest beyond kMaxEntries, and
  // stores the list.
  void Add(const QString& path);
  // Drops `path`, e.g. a file that no longer opens.
  void Remove(const QString& path);
  void Clear();
  const QStringList& paths() const { return paths_; }

 private:
  void Store() const;

  QStringList paths_;
};

}  // namespace estate::studio
