#include "app/export/chart_png_export.h"

#include <QDir>
#include <QPixmap>

namespace estate::studio {

Result<QStringList> ExportChartsPng(const std::vector<std::pair<QString, QWidget*>>& charts,
                                    const QString& dir) {
  if (!QDir().mkpath(dir))
    return Status::Internal(dir.toStdString() + ": cannot create the directory");
  QStringList written;
  for (const auto& [name, widget] : charts) {
    const QString path = QDir(dir).filePath(name + ".png");
    // A page not shown yet has never been laid out: give it its size hint first.
    if (!widget->isVisible() && widget->size().isEmpty()) widget->resize(widget->sizeHint());
    if (!widget->grab().save(path, "PNG")) {
      return Status::Internal(path.toStdString() + ": cannot write the image");
    }
    written << path;
  }
  return written;
}

}  // namespace estate::studio
