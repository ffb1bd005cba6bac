#include "service/runtime/peer_handshake.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace estate::service {
namespace {

constexpr std::string_view kMagic = "ESTPEER1";
constexpr size_t kNonce = 32;
constexpr size_t kMac = 32;
constexpr size_t kChallengeSize = 8 + 2 + kNonce;
constexpr size_t kHelloSize = 8 + 2 + 2 + kNonce + kMac;

void PutU16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v & 0xff));
}

uint16_t GetU16(std::string_view in, size_t at) {
  return static_cast<uint16_t>((static_cast<uint8_t>(in[at]) << 8) |
                               static_cast<uint8_t>(in[at + 1]));
}

Result<std::string> Nonce() {
  std::string n(kNonce, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(n.data()), static_cast<int>(n.size())) != 1) {
    return Status::Internal("no randomness for a handshake nonce");
  }
  return n;
}

Result<std::string> ReadBytes(const TcpSocket& socket, size_t size) {
  std::string out(size, '\0');
  Status s = socket.ReadExact(out.data(), out.size());
  if (!s.ok()) return s;
  return out;
}

}  // namespace

std::string HandshakeMac(std::string_view secret, std::string_view role, std::string_view nonce1,
                         std::string_view nonce2, SiteId from, SiteId to, uint16_t stream) {
  std::string data(role);
  data += '|';
  data += nonce1;
  data += nonce2;
  PutU16(data, from);
  PutU16(data, to);
  PutU16(data, stream);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len);
  return std::string(reinterpret_cast<const char*>(mac), len);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // Lengths are public (MACs and tokens of a fixed format); only the contents are secret.
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status DialHandshake(const TcpSocket& socket, std::string_view secret, SiteId self, SiteId peer,
                     uint16_t stream) {
  Result<std::string> challenge = ReadBytes(socket, kChallengeSize);
  if (!challenge.ok()) return challenge.status();
  if (challenge->compare(0, kMagic.size(), kMagic) != 0) {
    return Status::Forbidden("the peer did not answer with the Estate peer protocol");
  }
  const SiteId acceptor = GetU16(*challenge, 8);
  if (acceptor != peer) {
    return Status::Forbidden("the peer is site " + std::to_string(acceptor) + ", expected site " +
                             std::to_string(peer));
  }
  const std::string nonce_a = challenge->substr(10, kNonce);
  Result<std::string> nonce_d = Nonce();
  if (!nonce_d.ok()) return nonce_d.status();
  std::string hello(kMagic);
  PutU16(hello, self);
  PutU16(hello, stream);
  hello += *nonce_d;
  hello += HandshakeMac(secret, "dial", nonce_a, *nonce_d, self, peer, stream);
  Status s = socket.WriteAll(hello);
  if (!s.ok()) return s;
  Result<std::string> accept = ReadBytes(socket, kMac);
  if (!accept.ok()) {
    return Status::Forbidden("site " + std::to_string(peer) +
                             " refused the handshake (is the shared secret the same?)");
  }
  const std::string expected =
      HandshakeMac(secret, "accept", *nonce_d, nonce_a, peer, self, stream);
  if (!ConstantTimeEquals(*accept, expected)) {
    return Status::Forbidden("site " + std::to_string(peer) + " does not hold the shared secret");
  }
  return Status::Ok();
}

Result<PeerHello> AcceptHandshake(const TcpSocket& socket, std::string_view secret, SiteId self) {
  Result<std::string> nonce_a = Nonce();
  if (!nonce_a.ok()) return nonce_a.status();
  std::string challenge(kMagic);
  PutU16(challenge, self);
  challenge += *nonce_a;
  Status s = socket.WriteAll(challenge);
  if (!s.ok()) return s;
  Result<std::string> hello = ReadBytes(socket, kHelloSize);
  if (!hello.ok()) return hello.status();
  if (hello->compare(0, kMagic.size(), kMagic) != 0) {
    return Status::Forbidden("a connection without the Estate peer protocol");
  }
  PeerHello who;
  who.site = GetU16(*hello, 8);
  who.stream = GetU16(*hello, 10);
  const std::string nonce_d = hello->substr(12, kNonce);
  const std::string mac = hello->substr(12 + kNonce, kMac);
  const std::string expected =
      HandshakeMac(secret, "dial", *nonce_a, nonce_d, who.site, self, who.stream);
  if (!ConstantTimeEquals(mac, expected)) {
    return Status::Forbidden("site " + std::to_string(who.site) +
                             " failed the shared-secret handshake");
  }
  s = socket.WriteAll(
      HandshakeMac(secret, "accept", nonce_d, *nonce_a, self, who.site, who.stream));
  if (!s.ok()) return s;
  return who;
}

}  // namespace estate::service
