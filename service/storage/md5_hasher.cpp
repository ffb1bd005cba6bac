#include "service/storage/md5_hasher.h"

#include <openssl/evp.h>

namespace estate::service {

Md5Hasher::Md5Hasher() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(ctx_, EVP_md5(), nullptr);
}

Md5Hasher::~Md5Hasher() {
  EVP_MD_CTX_free(ctx_);
}

void Md5Hasher::Update(std::string_view data) {
  EVP_DigestUpdate(ctx_, data.data(), data.size());
}

std::string Md5Hasher::Finish() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, out, &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string Md5Of(std::string_view data) {
  Md5Hasher h;
  h.Update(data);
  return h.Finish();
}

}  // namespace estate::service
