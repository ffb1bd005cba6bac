// Md5Hasher: incremental MD5 through OpenSSL's EVP interface, for the md5Hash GCS reports.
// MD5 identifies content here; it is never used as a security boundary on its own (see
// ObjectStore for how a collision is handled).
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace estate::service {

class Md5Hasher {
 public:
  Md5Hasher();
  ~Md5Hasher();
  Md5Hasher(const Md5Hasher&) = delete;
  Md5Hasher& operator=(const Md5Hasher&) = delete;

  void Update(std::string_view data);
  // The 16-byte digest of everything passed so far. The hasher is spent afterwards.
  std::string Finish();

 private:
  evp_md_ctx_st* ctx_;
};

// MD5 of data in one call.
std::string Md5Of(std::string_view data);

}  // namespace estate::service
