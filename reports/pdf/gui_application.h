// Qt's painting, fonts and QTextDocument need a QGuiApplication. The report's PDF is made by a
// command-line tool, often on a machine without a display: there the offscreen platform is
// chosen, unless QT_QPA_PLATFORM says otherwise.
#pragma once

namespace estate::reports {

// Creates the process's QGuiApplication if there is none yet (it lives until exit). Sets
// QT_QPA_PLATFORM=offscreen first when it is unset and neither DISPLAY nor WAYLAND_DISPLAY is;
// on the offscreen platform only Qt's critical messages reach stderr. Makes Qt's hashing
// deterministic (QHashSeed), so that the same report gives the same PDF.
// REQUIRES: called from the main thread.
void EnsureGuiApplication();

}  // namespace estate::reports
