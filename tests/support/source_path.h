// Locates files of the source tree from a test, wherever ctest runs it.
#pragma once

#include <string>

namespace estate::testing {

// Absolute path of `relative` under the source root: $ESTATE_SOURCE_DIR when set (ctest sets
// it), else the root this binary was configured from.
std::string SourcePath(const std::string& relative);

}  // namespace estate::testing
