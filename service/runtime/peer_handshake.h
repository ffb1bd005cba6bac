// The handshake that opens every peer connection: mutual challenge-response over HMAC-SHA256
// with the deployment's shared secret, so that neither side accepts engine messages from, or
// sends object bytes to, a process that does not hold the secret. The secret itself never
// crosses the wire and each connection uses fresh nonces, so a recorded handshake cannot be
// replayed. MACs are compared in constant time.
//
//   acceptor -> dialer   challenge: "ESTPEER1", acceptor site u16, nonce_a[32]
//   dialer -> acceptor   hello:     "ESTPEER1", dialer site u16, stream u16, nonce_d[32],
//                                   HMAC(secret, "dial" | nonce_a | nonce_d | ids | stream)
//   acceptor -> dialer   accept:    HMAC(secret, "accept" | nonce_d | nonce_a | ids | stream)
//
// The acceptor closes the connection without a word on a bad hello. Links are one-way: the
// dialer sends engine messages, the acceptor receives them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/result.h"
#include "engine/site.h"
#include "service/runtime/tcp_socket.h"

namespace estate::service {

// Who opened an accepted connection, once proved.
struct PeerHello {
  SiteId site = 0;
  uint16_t stream = 0;
};

// HMAC-SHA256 of the handshake fields; 32 raw bytes.
std::string HandshakeMac(std::string_view secret, std::string_view role, std::string_view nonce1,
                         std::string_view nonce2, SiteId from, SiteId to, uint16_t stream);
// Constant-time equality (the time does not depend on where the first difference is).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Dialer side, on a freshly connected socket. Errors: 503 when the connection fails; 403 when
// the acceptor is not site `peer` or cannot prove it holds the secret (or refused ours).
Status DialHandshake(const TcpSocket& socket, std::string_view secret, SiteId self, SiteId peer,
                     uint16_t stream);
// Acceptor side. Errors: 503 when the connection fails; 403 when the dialer's proof is wrong
// (the caller closes the socket).
Result<PeerHello> AcceptHandshake(const TcpSocket& socket, std::string_view secret, SiteId self);

}  // namespace estate::service
