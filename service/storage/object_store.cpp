#include "service/storage/object_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

#include "service/storage/errno_status.h"

namespace estate::service {
namespace {

Status FsyncPath(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open directory", path);
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::Ok() : ErrnoStatus("cannot fsync", path);
}

Status EnsureDir(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
    return ErrnoStatus("cannot create", path);
  return Status::Ok();
}

// Compares two files byte for byte.
Result<bool> SameBytes(const std::string& a, const std::string& b) {
  const int fa = ::open(a.c_str(), O_RDONLY | O_CLOEXEC);
  if (fa < 0) return ErrnoStatus("cannot read", a);
  const int fb = ::open(b.c_str(), O_RDONLY | O_CLOEXEC);
  if (fb < 0) {
    ::close(fa);
    return ErrnoStatus("cannot read", b);
  }
  std::string ba(1 << 16, '\0'), bb(1 << 16, '\0');
  bool same = true;
  for (;;) {
    const ssize_t na = ::read(fa, ba.data(), ba.size());
    const ssize_t nb = ::read(fb, bb.data(), bb.size());
    if (na != nb || na < 0 || std::memcmp(ba.data(), bb.data(), static_cast<size_t>(na)) != 0) {
      same = false;
      break;
    }
    if (na == 0) break;
  }
  ::close(fa);
  ::close(fb);
  return same;
}

std::string StagingName() {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t base = std::random_device{}();
  char name[64];
  std::snprintf(name, sizeof name, "%016llx-%llu", static_cast<unsigned long long>(base),
                static_cast<unsigned long long>(++counter));
  return name;
}

// Feeds a BodySink's bytes into a writer that must end at the announced address.
class ReceivedBody : public BodySink {
 public:
  ReceivedBody(std::unique_ptr<ObjectWriter> writer, ContentAddress expected)
      : writer_(std::move(writer)), expected_(std::move(expected)) {}
  Status Append(std::string_view bytes) override { return writer_->Append(bytes); }
  Status Finish() override { return writer_->Commit(expected_).status(); }

 private:
  std::unique_ptr<ObjectWriter> writer_;
  ContentAddress expected_;
};

}  // namespace

ObjectWriter::~ObjectWriter() {
  if (fd_ >= 0) ::close(fd_);
  ::unlink(path_.c_str());
}

Status ObjectWriter::Append(std::string_view bytes) {
  crc_.Update(bytes);
  md5_.Update(bytes);
  size_ += bytes.size();
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot write", path_);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Result<ContentAddress> ObjectWriter::Commit(const std::optional<ContentAddress>& expected) {
  ContentAddress address{md5_.Finish(), crc_.value(), size_};
  if (expected && !(*expected == address)) {
    return Status::Invalid("bytes do not match their announced address " + expected->Key() +
                           " (they are " + address.Key() + ")");
  }
  if (::fsync(fd_) != 0) return ErrnoStatus("cannot fsync", path_);
  ::close(fd_);
  fd_ = -1;
  // The staging name goes either way (the destructor removes it): the bytes now live under
  // their address.
  Status s = store_.Install(path_, address);
  if (!s.ok()) return s;
  return address;
}

Result<std::unique_ptr<ObjectStore>> ObjectStore::Open(const std::string& dir) {
  std::unique_ptr<ObjectStore> store(new ObjectStore(dir));
  for (const std::string& d : {dir, dir + "/objects", dir + "/staging"}) {
    Status s = EnsureDir(d);
    if (!s.ok()) return s;
  }
  static const char kHex[] = "0123456789abcdef";
  for (int i = 0; i < 256; ++i) {
    Status s = EnsureDir(dir + "/objects/" + kHex[i >> 4] + kHex[i & 15]);
    if (!s.ok()) return s;
  }
  Status s = FsyncPath(dir + "/objects");
  if (!s.ok()) return s;
  // Staged bytes that no one committed before a crash were never acknowledged.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/staging", ec))
    std::filesystem::remove(entry.path(), ec);
  return store;
}

std::string ObjectStore::PathOf(const ContentAddress& address) const {
  const std::string key = address.Key();
  return dir_ + "/objects/" + key.substr(0, 2) + "/" + key;
}

Result<std::unique_ptr<ObjectWriter>> ObjectStore::NewWriter() {
  const std::string path = dir_ + "/staging/" + StagingName();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus("cannot create", path);
  return std::unique_ptr<ObjectWriter>(new ObjectWriter(*this, fd, path));
}

Status ObjectStore::Install(const std::string& staged, const ContentAddress& address) {
  const std::string final_path = PathOf(address);
  // link() never replaces an existing name, so two writers of one address cannot race.
  if (::link(staged.c_str(), final_path.c_str()) != 0) {
    if (errno != EEXIST) return ErrnoStatus("cannot link", final_path);
    Result<bool> same = SameBytes(staged, final_path);
    if (!same.ok()) return same.status();
    if (!*same) {
      return Status::Conflict("different bytes with the same MD5, CRC32C and size as " +
                              address.Key() + " are already stored");
    }
    return Status::Ok();  // identical bytes: already durable
  }
  return FsyncPath(final_path.substr(0, final_path.rfind('/')));
}

Result<ContentAddress> ObjectStore::Adopt(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot read", path);
  Crc32cHasher crc;
  Md5Hasher md5;
  uint64_t size = 0;
  std::string buf(1 << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      return ErrnoStatus("cannot read", path);
    }
    if (n == 0) break;
    const std::string_view piece(buf.data(), static_cast<size_t>(n));
    crc.Update(piece);
    md5.Update(piece);
    size += piece.size();
  }
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return ErrnoStatus("cannot fsync", path);
  ContentAddress address{md5.Finish(), crc.value(), size};
  Status s = Install(path, address);
  if (!s.ok()) return s;
  return address;
}

bool ObjectStore::Contains(const ContentAddress& address) const {
  struct stat st {};
  return ::stat(PathOf(address).c_str(), &st) == 0 &&
         static_cast<uint64_t>(st.st_size) == address.size;
}

Result<BodyFile> ObjectStore::OpenRead(const ContentAddress& address) const {
  const std::string path = PathOf(address);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT)
      return Status::NotFound("bytes " + address.Key() + " are not at this site");
    return ErrnoStatus("cannot read", path);
  }
  return BodyFile(fd, address.size);
}

Result<std::string> ObjectStore::ReadAll(const ContentAddress& address) const {
  Result<BodyFile> file = OpenRead(address);
  if (!file.ok()) return file.status();
  std::string bytes(address.size, '\0');
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n =
        ::pread(file->fd(), bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoStatus("cannot read", PathOf(address));
    if (n == 0) return Status::Internal(PathOf(address) + " is shorter than its content address");
    got += static_cast<size_t>(n);
  }
  return bytes;
}

Result<BodyFile> ObjectStore::OpenBody(const std::string& key) {
  std::optional<ContentAddress> address = ContentAddress::FromKey(key);
  if (!address) return Status::Invalid("not a content address: " + key);
  return OpenRead(*address);
}

Result<std::unique_ptr<BodySink>> ObjectStore::BeginBody(const std::string& key, uint64_t size) {
  std::optional<ContentAddress> address = ContentAddress::FromKey(key);
  if (!address || address->size != size) {
    return Status::Invalid("object bytes of " + std::to_string(size) +
                           " bytes under a bad content address");
  }
  Result<std::unique_ptr<ObjectWriter>> writer = NewWriter();
  if (!writer.ok()) return writer.status();
  return std::unique_ptr<BodySink>(new ReceivedBody(std::move(*writer), *address));
}

}  // namespace estate::service
