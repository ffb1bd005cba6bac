// BearerAuth: "Authorization: Bearer TOKEN" against the tokens of the configuration. The
// presented token and the configured ones are compared as SHA-256 digests, in constant time
// and against every configured token, so neither the time taken nor an early exit tells an
// attacker how much of a guess was right, or how long a real token is.
//
// Threading: immutable after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/status.h"

namespace estate::service {

class BearerAuth {
 public:
  // No tokens: authentication is off and every request is allowed (the configuration must ask
  // for that explicitly).
  explicit BearerAuth(const std::vector<std::string>& tokens);

  // `authorization` is the header's value ("" when absent). OK; 401 when there is no bearer
  // token; 403 when the token is not one of the configured ones.
  Status Check(std::string_view authorization) const;
  bool enabled() const { return !digests_.empty(); }

 private:
  std::vector<std::string> digests_;
};

}  // namespace estate::service
