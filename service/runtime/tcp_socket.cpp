#include "service/runtime/tcp_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace estate::service {
namespace {

Status SocketError(const std::string& what) {
  return Status::Unavailable(what + ": " + std::strerror(errno));
}

std::string Where(const std::string& host, int port) {
  return host + ":" + std::to_string(port);
}

timeval TimevalOf(DurationNs d) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(d / kSecond);
  tv.tv_usec = static_cast<suseconds_t>((d % kSecond) / kMicrosecond);
  return tv;
}

}  // namespace

TcpSocket& TcpSocket::operator=(TcpSocket&& o) noexcept {
  if (this != &o) {
    Close();
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

void TcpSocket::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<TcpSocket> TcpSocket::Connect(const std::string& host, int port, DurationNs timeout) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    return Status::Unavailable(Where(host, port) + ": " + ::gai_strerror(rc));
  }
  Status last = Status::Unavailable(Where(host, port) + ": no address");
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    TcpSocket s(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
    if (!s.valid()) {
      last = SocketError(Where(host, port));
      continue;
    }
    // Non-blocking connect, so the attempt is bounded by `timeout`.
    const int flags = ::fcntl(s.fd_, F_GETFL);
    ::fcntl(s.fd_, F_SETFL, flags | O_NONBLOCK);
    int rc = ::connect(s.fd_, a->ai_addr, a->ai_addrlen);
    if (rc != 0 && errno == EINPROGRESS) {
      pollfd p{s.fd_, POLLOUT, 0};
      rc = ::poll(&p, 1, static_cast<int>(timeout / kMillisecond));
      if (rc == 1) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(s.fd_, SOL_SOCKET, SO_ERROR, &err, &len);
        errno = err;
        rc = err == 0 ? 0 : -1;
      } else {
        if (rc == 0) errno = ETIMEDOUT;
        rc = -1;
      }
    }
    if (rc != 0) {
      last = SocketError("connect to " + Where(host, port));
      continue;
    }
    ::fcntl(s.fd_, F_SETFL, flags);
    const int one = 1;
    ::setsockopt(s.fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::setsockopt(s.fd_, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    ::freeaddrinfo(found);
    return s;
  }
  ::freeaddrinfo(found);
  return last;
}

Result<TcpSocket> TcpSocket::Listen(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0) {
    return Status::Invalid(Where(host, port) + ": " + ::gai_strerror(rc));
  }
  Status last = Status::Unavailable(Where(host, port) + ": no address");
  for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
    TcpSocket s(::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol));
    if (!s.valid()) continue;
    const int one = 1;
    ::setsockopt(s.fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (::bind(s.fd_, a->ai_addr, a->ai_addrlen) != 0 || ::listen(s.fd_, 64) != 0) {
      last = SocketError("listen on " + Where(host, port));
      continue;
    }
    ::freeaddrinfo(found);
    return s;
  }
  ::freeaddrinfo(found);
  return last;
}

Result<TcpSocket> TcpSocket::Accept() const {
  for (;;) {
    const int fd = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) {
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
      return TcpSocket(fd);
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    return SocketError("accept");
  }
}

Status TcpSocket::ReadExact(void* data, size_t size) const {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::recv(fd_, p, size, 0);
    if (n > 0) {
      p += n;
      size -= static_cast<size_t>(n);
      continue;
    }
    if (n == 0) return Status::Unavailable("connection closed by peer");
    if (errno == EINTR) continue;
    return SocketError("read");
  }
  return Status::Ok();
}

Status TcpSocket::WriteAll(std::string_view data) const {
  while (!data.empty()) {
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return SocketError("write");
  }
  return Status::Ok();
}

Status TcpSocket::SendFile(int file_fd, uint64_t size) const {
  off_t offset = 0;
  while (static_cast<uint64_t>(offset) < size) {
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(size - offset, 1 << 30));
    const ssize_t n = ::sendfile(fd_, file_fd, &offset, chunk);
    if (n > 0) continue;
    if (n == 0) return Status::Internal("file shorter than its recorded size");
    if (errno == EINTR) continue;
    return SocketError("sendfile");
  }
  return Status::Ok();
}

void TcpSocket::SetTimeouts(DurationNs read, DurationNs write) const {
  const timeval r = TimevalOf(read);
  const timeval w = TimevalOf(write);
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &r, sizeof r);
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &w, sizeof w);
}

void TcpSocket::Shutdown() const {
  if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
}

int TcpSocket::LocalPort() const {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return -1;
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port);
  return -1;
}

}  // namespace estate::service
