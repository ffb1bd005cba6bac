#include "service/runtime/peer_body_store.h"

#include <unistd.h>

namespace estate::service {

BodyFile::~BodyFile() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace estate::service
