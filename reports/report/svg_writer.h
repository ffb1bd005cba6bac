// DrawingSvg: a Drawing as an inline <svg> element for XHTML: no external reference, every text
// escaped, coordinates with two decimals at most (the same drawing gives the same bytes). Each
// group is a <g class="kind">; a series group also carries data-series="name" and
// data-points="N", a band data-band and a marker data-marker, for tests and scripts.
#pragma once

#include <string>

#include "reports/report/drawing.h"

namespace estate::reports {

std::string DrawingSvg(const Drawing& drawing);

}  // namespace estate::reports
