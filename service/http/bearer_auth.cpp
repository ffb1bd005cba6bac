#include "service/http/bearer_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace estate::service {
namespace {

std::string Sha256(std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(out), len);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

BearerAuth::BearerAuth(const std::vector<std::string>& tokens) {
  for (const std::string& t : tokens)
    digests_.push_back(Sha256(t));
}

Status BearerAuth::Check(std::string_view authorization) const {
  if (!enabled()) return Status::Ok();
  const size_t space = authorization.find(' ');
  if (authorization.empty() || space == std::string_view::npos ||
      !EqualsIgnoringCase(authorization.substr(0, space), "bearer")) {
    return Status::Unauthorized(
        "Anonymous caller does not have storage access; send "
        "\"Authorization: Bearer TOKEN\"");
  }
  std::string_view token = authorization.substr(space + 1);
  while (!token.empty() && token.front() == ' ')
    token.remove_prefix(1);
  if (token.empty()) return Status::Unauthorized("empty bearer token");
  const std::string presented = Sha256(token);
  int matches = 0;
  for (const std::string& d : digests_)
    matches |= CRYPTO_memcmp(presented.data(), d.data(), d.size()) == 0;
  if (!matches) return Status::Forbidden("the bearer token is not allowed to access this service");
  return Status::Ok();
}

}  // namespace estate::service
