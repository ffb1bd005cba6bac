#include "service/storage/errno_status.h"

#include <cerrno>
#include <cstring>

namespace estate::service {

Status ErrnoStatus(const std::string& what, const std::string& path) {
  return Status::Internal(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace estate::service
