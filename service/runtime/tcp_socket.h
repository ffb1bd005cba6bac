// TcpSocket: a blocking TCP socket that owns its descriptor, with the few operations the peer
// links need (exact reads, whole writes, sendfile, timeouts). Errors are Status values naming
// the peer address and the system's reason.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/result.h"
#include "engine/time.h"

namespace estate::service {

class TcpSocket {
 public:
  TcpSocket() = default;
  explicit TcpSocket(int fd) : fd_(fd) {}
  TcpSocket(TcpSocket&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  TcpSocket& operator=(TcpSocket&& o) noexcept;
  TcpSocket(const TcpSocket&) = delete;
  TcpSocket& operator=(const TcpSocket&) = delete;
  ~TcpSocket() { Close(); }

  // Connects to host:port (a name or a numeric address), waiting at most `timeout`.
  static Result<TcpSocket> Connect(const std::string& host, int port, DurationNs timeout);
  // Listens on host:port; port 0 picks a free port (see LocalPort()).
  static Result<TcpSocket> Listen(const std::string& host, int port);

  // Waits for the next connection. Fails once the socket is shut down.
  Result<TcpSocket> Accept() const;
  // Reads exactly size bytes. Errors: 503 when the peer closed or the read timed out.
  Status ReadExact(void* data, size_t size) const;
  Status WriteAll(std::string_view data) const;
  // Sends size bytes of file descriptor file_fd from offset 0.
  Status SendFile(int file_fd, uint64_t size) const;
  // Bounds each blocking read and write; 0 means wait forever.
  void SetTimeouts(DurationNs read, DurationNs write) const;
  // Wakes up any thread blocked on this socket; it then fails. Safe from any thread.
  void Shutdown() const;
  void Close();

  int LocalPort() const;
  bool valid() const { return fd_ >= 0; }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

}  // namespace estate::service
