// Saving the dashboard's charts and tables as PNG files, as they are drawn on screen.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <utility>
#include <vector>

#include "engine/result.h"

namespace estate::studio {

// Writes DIR/<name>.png for each (name, widget), creating DIR. Returns the paths written, or
// Internal naming the file that could not be written.
Result<QStringList> ExportChartsPng(const std::vector<std::pair<QString, QWidget*>>& charts,
                                    const QString& dir);

}  // namespace estate::studio
