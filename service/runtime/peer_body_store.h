// PeerBodyStore: where the object bytes that ride on peer frames come from and go to. The
// peer network stays ignorant of objects: it asks the store to open the bytes named by a
// frame's body key on the sending side, and hands the bytes it reads to the store on the
// receiving side, before the frame's message is delivered to the engine.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/result.h"

namespace estate::service {

// An open file to send; closes it when destroyed.
class BodyFile {
 public:
  BodyFile(int fd, uint64_t size) : fd_(fd), size_(size) {}
  BodyFile(BodyFile&& o) noexcept : fd_(o.fd_), size_(o.size_) { o.fd_ = -1; }
  BodyFile(const BodyFile&) = delete;
  BodyFile& operator=(const BodyFile&) = delete;
  BodyFile& operator=(BodyFile&&) = delete;
  ~BodyFile();

  int fd() const { return fd_; }
  uint64_t size() const { return size_; }

 private:
  int fd_;
  uint64_t size_;
};

// Receives one body in pieces.
class BodySink {
 public:
  virtual ~BodySink() = default;
  virtual Status Append(std::string_view bytes) = 0;
  // Makes the bytes durable under their key. Errors: the bytes do not match the key.
  virtual Status Finish() = 0;
};

class PeerBodyStore {
 public:
  virtual ~PeerBodyStore() = default;
  // Opens the bytes named `key` for sending. Called on a link thread. Errors: 404 when this
  // site does not hold them (the frame is then not sent).
  virtual Result<BodyFile> OpenBody(const std::string& key) = 0;
  // Starts receiving `size` bytes for `key`. Called on a connection thread. A failure here,
  // in Append or in Finish drops the frame's message; the bytes are still read off the wire.
  virtual Result<std::unique_ptr<BodySink>> BeginBody(const std::string& key, uint64_t size) = 0;
};

}  // namespace estate::service
