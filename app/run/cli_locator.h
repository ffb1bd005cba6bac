// Where the `estate` command line is: $ESTATE_CLI when set, else next to estate-studio (an
// install, or a build tree where both land in one directory), else ../cli/estate beside it
// (this project's build tree), else the path this build wrote it to.
#pragma once

#include <QString>

namespace estate::studio {

// The first candidate that is an executable file, or an empty string.
QString FindEstateCli();

}  // namespace estate::studio
