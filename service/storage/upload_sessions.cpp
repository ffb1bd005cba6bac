#include "service/storage/upload_sessions.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "service/storage/errno_status.h"

namespace estate::service {
namespace {

using nlohmann::json;

Status FsyncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open directory", dir);
  const int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::Ok() : ErrnoStatus("cannot fsync", dir);
}

// Writes a small file atomically and durably: temp file, fsync, rename, directory fsync.
Status WriteDurably(const std::string& dir, const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus("cannot create", tmp);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = written && ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return ErrnoStatus("cannot write", tmp);
  if (::rename(tmp.c_str(), path.c_str()) != 0) return ErrnoStatus("cannot rename", tmp);
  return FsyncDir(dir);
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("no file " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json OptionalInt(const std::optional<int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}

std::optional<int64_t> IntOrNull(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

}  // namespace

bool UploadSessions::ValidId(std::string_view id) {
  if (id.size() != 32) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<std::unique_ptr<UploadSessions>> UploadSessions::Open(const std::string& dir,
                                                             ObjectStore& objects) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return ErrnoStatus("cannot create", dir);
  return std::unique_ptr<UploadSessions>(new UploadSessions(dir, objects));
}

std::mutex& UploadSessions::MutexOf(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& m = locks_[id];
  if (!m) m = std::make_unique<std::mutex>();
  return *m;
}

Result<std::string> UploadSessions::Create(const UploadSessionInfo& info) {
  unsigned char raw[16];
  if (RAND_bytes(raw, sizeof raw) != 1) return Status::Internal("no randomness for an upload id");
  static const char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char c : raw) {
    id += kHex[c >> 4];
    id += kHex[c & 15];
  }
  json j = {
      {"bucket", info.bucket},
      {"name", info.name},
      {"resource", info.resource_json},
      {"content_type", info.content_type},
      {"total", info.total ? json(*info.total) : json(nullptr)},
      {"if_generation_match", OptionalInt(info.preconditions.if_generation_match)},
      {"if_generation_not_match", OptionalInt(info.preconditions.if_generation_not_match)},
      {"if_metageneration_match", OptionalInt(info.preconditions.if_metageneration_match)},
      {"if_metageneration_not_match", OptionalInt(info.preconditions.if_metageneration_not_match)}};
  const std::string part = PathOf(id, ".part");
  const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus("cannot create", part);
  ::close(fd);
  // The bytes of names are arbitrary: never fail on invalid UTF-8 in them.
  Status s = WriteDurably(dir_, PathOf(id, ".json"),
                          j.dump(-1, ' ', false, json::error_handler_t::replace));
  if (!s.ok()) return s;
  return id;
}

Result<std::unique_ptr<UploadLease>> UploadSessions::Acquire(const std::string& id) {
  if (!ValidId(id)) return Status::NotFound("no upload session " + id.substr(0, 40));
  std::unique_ptr<UploadLease> lease(
      new UploadLease(*this, id, std::unique_lock<std::mutex>(MutexOf(id))));
  Result<std::string> text = ReadFile(PathOf(id, ".json"));
  if (!text.ok()) return Status::NotFound("no upload session " + id);
  json j = json::parse(*text, nullptr, false);
  if (j.is_discarded()) return Status::Internal("upload session " + id + " is corrupt");
  UploadSessionInfo& info = lease->info_;
  info.bucket = j.value("bucket", "");
  info.name = j.value("name", "");
  info.resource_json = j.value("resource", "");
  info.content_type = j.value("content_type", "");
  if (j.contains("total") && j["total"].is_number_unsigned())
    info.total = j["total"].get<uint64_t>();
  info.preconditions.if_generation_match = IntOrNull(j, "if_generation_match");
  info.preconditions.if_generation_not_match = IntOrNull(j, "if_generation_not_match");
  info.preconditions.if_metageneration_match = IntOrNull(j, "if_metageneration_match");
  info.preconditions.if_metageneration_not_match = IntOrNull(j, "if_metageneration_not_match");
  Result<std::string> done = ReadFile(PathOf(id, ".done"));
  if (done.ok()) {
    lease->finished_ = *done;
    return lease;
  }
  struct stat st {};
  if (::stat(PathOf(id, ".part").c_str(), &st) != 0)
    return ErrnoStatus("cannot stat", PathOf(id, ".part"));
  lease->received_ = static_cast<uint64_t>(st.st_size);
  return lease;
}

Status UploadSessions::Cancel(const std::string& id) {
  if (!ValidId(id)) return Status::NotFound("no upload session " + id.substr(0, 40));
  std::unique_lock<std::mutex> lock(MutexOf(id));
  if (::unlink(PathOf(id, ".json").c_str()) != 0)
    return Status::NotFound("no upload session " + id);
  ::unlink(PathOf(id, ".part").c_str());
  ::unlink(PathOf(id, ".done").c_str());
  return FsyncDir(dir_);
}

UploadLease::~UploadLease() {
  if (fd_ >= 0) ::close(fd_);
}

Status UploadLease::Append(std::string_view bytes) {
  const std::string path = sessions_.PathOf(id_, ".part");
  if (fd_ < 0) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd_ < 0) return ErrnoStatus("cannot open", path);
  }
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("cannot write", path);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
    received_ += static_cast<uint64_t>(n);
  }
  return Status::Ok();
}

Status UploadLease::Sync() {
  if (fd_ >= 0 && ::fsync(fd_) != 0)
    return ErrnoStatus("cannot fsync", sessions_.PathOf(id_, ".part"));
  return Status::Ok();
}

Result<ContentAddress> UploadLease::Complete() {
  Status s = Sync();
  if (!s.ok()) return s;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  return sessions_.objects_.Adopt(sessions_.PathOf(id_, ".part"));
}

Status UploadLease::MarkFinished(const std::string& object_json) {
  finished_ = object_json;
  Status s = WriteDurably(sessions_.dir_, sessions_.PathOf(id_, ".done"), object_json);
  if (s.ok()) ::unlink(sessions_.PathOf(id_, ".part").c_str());
  return s;
}

}  // namespace estate::service
