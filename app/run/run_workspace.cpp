#include "app/run/run_workspace.h"

#include <QDir>

namespace estate::studio {

RunWorkspace::RunWorkspace() : dir_(QDir::tempPath() + "/estate-studio-XXXXXX") {}

QString RunWorkspace::NewRunDir(const QString& label) {
  return QDir(dir_.path())
      .filePath(QStringLiteral("%1-%2").arg(next_++, 3, 10, QChar('0')).arg(label));
}

}  // namespace estate::studio
