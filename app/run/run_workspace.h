// RunWorkspace: where this session's runs write their results: a temporary directory,
// removed when the app exits, with one numbered subdirectory per run so that the previous
// run's results stay readable for overlays and comparisons.
#pragma once

#include <QString>
#include <QTemporaryDir>

namespace estate::studio {

class RunWorkspace {
 public:
  RunWorkspace();

  // A new, not yet existing directory: ROOT/007-label.
  QString NewRunDir(const QString& label);
  QString root() const { return dir_.path(); }

 private:
  QTemporaryDir dir_;
  int next_ = 1;
};

}  // namespace estate::studio
