#include "app/run/cli_locator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace estate::studio {

QString FindEstateCli() {
  const QString dir = QCoreApplication::applicationDirPath();
  const QStringList candidates = {qEnvironmentVariable("ESTATE_CLI"), dir + "/estate",
                                  dir + "/../cli/estate", QStringLiteral(ESTATE_CLI_BUILD_PATH)};
  for (const QString& candidate : candidates) {
    if (candidate.isEmpty()) continue;
    const QFileInfo info(candidate);
    if (info.isFile() && info.isExecutable()) return info.canonicalFilePath();
  }
  return {};
}

}  // namespace estate::studio
