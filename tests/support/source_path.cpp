#include "tests/support/source_path.h"

#include <cstdlib>

namespace estate::testing {

std::string SourcePath(const std::string& relative) {
  const char* root = std::getenv("ESTATE_SOURCE_DIR");
  std::string base = root ? root : ESTATE_CONFIGURED_SOURCE_DIR;
  return base + "/" + relative;
}

}  // namespace estate::testing
