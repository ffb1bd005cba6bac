// A failed file-system call as a Status: what was being done, to which path, and errno's text.
#pragma once

#include <string>

#include "engine/status.h"

namespace estate::service {

// REQUIRES: errno still holds the failed call's error.
Status ErrnoStatus(const std::string& what, const std::string& path);

}  // namespace estate::service
