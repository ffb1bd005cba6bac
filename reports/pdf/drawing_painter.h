// Paints a report Drawing (reports/report/drawing.h) with QPainter: the same shapes the SVG
// writer emits, so that the PDF's figures are the HTML's.
#pragma once

#include <QPainter>

#include "reports/report/drawing.h"

namespace estate::reports {

// Paints in the drawing's own coordinates; the caller's transform scales them.
void PaintDrawing(QPainter& painter, const Drawing& drawing);

}  // namespace estate::reports
