#include "service/storage/object_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/ns/base64.h"
#include "tests/service/scratch_dir.h"

namespace estate::service {
namespace {

std::string ReadAll(const BodyFile& f) {
  std::string out(f.size(), '\0');
  EXPECT_EQ(::pread(f.fd(), out.data(), out.size(), 0), static_cast<ssize_t>(out.size()));
  return out;
}

Result<ContentAddress> Put(ObjectStore& store, const std::string& bytes) {
  auto w = store.NewWriter();
  if (!w.ok()) return w.status();
  Status s = (*w)->Append(bytes.substr(0, bytes.size() / 2));
  if (s.ok()) s = (*w)->Append(bytes.substr(bytes.size() / 2));
  if (!s.ok()) return s;
  return (*w)->Commit();
}

size_t FilesUnder(const std::filesystem::path& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    n += e.is_regular_file();
  return n;
}

TEST(ContentAddress, KeyHoldsMd5Crc32cAndSizeAndParsesBack) {
  // MD5("hello") and CRC32C("hello"), as GCS reports them: XUFAKrxLKna5cZ2REBfFkg== and
  // mnG7TA==.
  ContentAddress a{*Base64Decode("XUFAKrxLKna5cZ2REBfFkg=="), 0x9a71bb4c, 5};
  EXPECT_EQ(a.Key(), "5d41402abc4b2a76b9719d911017c592-9a71bb4c-5");
  EXPECT_EQ(ContentAddress::FromKey(a.Key()), a);
}

TEST(ContentAddress, FromKeyRejectsAnythingThatIsNotAKey) {
  for (const char* bad : {"", "../../etc/passwd", "5d41402abc4b2a76b9719d911017c592-9a71bb4c-",
                          "5d41402abc4b2a76b9719d911017c592-9a71bb4c-05",
                          "5D41402ABC4B2A76B9719D911017C592-9a71bb4c-5",
                          "5d41402abc4b2a76b9719d911017c592-9a71bb4c-5/..",
                          "5d41402abc4b2a76b9719d911017c592-9a71bb4c-99999999999999999999"}) {
    EXPECT_FALSE(ContentAddress::FromKey(bad).has_value()) << bad;
  }
}

TEST(ObjectStore, CommitStoresTheBytesUnderTheirContentAddress) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<ContentAddress> a = Put(**store, "hello");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->Key(), "5d41402abc4b2a76b9719d911017c592-9a71bb4c-5");
  EXPECT_TRUE((*store)->Contains(*a));
  EXPECT_TRUE(std::filesystem::exists(dir.sub("data") + "/objects/5d/" + a->Key()));
  auto f = (*store)->OpenRead(*a);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(ReadAll(*f), "hello");
  // Nothing is left in staging.
  EXPECT_EQ(FilesUnder(dir.sub("data") + "/staging"), 0u);
}

TEST(ObjectStore, IdenticalBytesShareOneFileAndAnAbandonedWriterLeavesNothing) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(Put(**store, "same bytes").ok());
  ASSERT_TRUE(Put(**store, "same bytes").ok());
  {
    auto w = (*store)->NewWriter();
    ASSERT_TRUE((*w)->Append("never committed").ok());
  }
  EXPECT_EQ(FilesUnder(dir.sub("data") + "/objects"), 1u);
  EXPECT_EQ(FilesUnder(dir.sub("data") + "/staging"), 0u);
}

TEST(ObjectStore, DifferentBytesUnderAnExistingAddressAreRefused) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  Result<ContentAddress> real = Put(**store, "victim");
  ASSERT_TRUE(real.ok());
  // Stand-in for a crafted MD5+CRC32C collision: other bytes already sit under the address
  // "victim" will have when it is written again.
  const std::string path =
      dir.sub("data") + "/objects/" + real->Key().substr(0, 2) + "/" + real->Key();
  std::filesystem::remove(path);
  std::ofstream(path, std::ios::binary) << "forged";
  Result<ContentAddress> again = Put(**store, "victim");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
}

TEST(ObjectStore, CommitWithAnExpectedAddressRefusesOtherBytes) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  auto w = (*store)->NewWriter();
  ASSERT_TRUE((*w)->Append("hellO").ok());
  ContentAddress expected{*Base64Decode("XUFAKrxLKna5cZ2REBfFkg=="), 0x9a71bb4c, 5};
  Result<ContentAddress> r = (*w)->Commit(expected);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().IsInvalid());
  EXPECT_FALSE((*store)->Contains(expected));
}

TEST(ObjectStore, BytesSurviveReopenAndStagingLeftoversAreRemoved) {
  testing::ScratchDir dir;
  ContentAddress a;
  {
    auto store = ObjectStore::Open(dir.sub("data"));
    ASSERT_TRUE(store.ok());
    a = *Put(**store, std::string(100000, 'x'));
    std::ofstream(dir.sub("data") + "/staging/crashed-upload") << "partial";
  }
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->Contains(a));
  EXPECT_EQ(FilesUnder(dir.sub("data") + "/staging"), 0u);
}

TEST(ObjectStore, AdoptLinksAFinishedFileIn) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  const std::string part = dir.sub("data") + "/upload.part";
  std::ofstream(part, std::ios::binary) << "hello";
  Result<ContentAddress> a = (*store)->Adopt(part);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->Key(), "5d41402abc4b2a76b9719d911017c592-9a71bb4c-5");
  EXPECT_TRUE(std::filesystem::exists(part));  // the caller removes it when done
  EXPECT_TRUE((*store)->Contains(*a));
  // Adopting the same bytes again is harmless.
  EXPECT_TRUE((*store)->Adopt(part).ok());
}

TEST(ObjectStore, PeerBodiesAreOpenedAndReceivedByKeyOnly) {
  testing::ScratchDir dir;
  auto store = ObjectStore::Open(dir.sub("data"));
  ASSERT_TRUE(store.ok());
  EXPECT_TRUE((*store)->OpenBody("../../meta/CURRENT").status().IsInvalid());
  EXPECT_TRUE((*store)->BeginBody("../x", 5).status().IsInvalid());
  const std::string key = "5d41402abc4b2a76b9719d911017c592-9a71bb4c-5";
  EXPECT_TRUE((*store)->OpenBody(key).status().IsNotFound());
  auto sink = (*store)->BeginBody(key, 5);
  ASSERT_TRUE(sink.ok());
  ASSERT_TRUE((*sink)->Append("hel").ok());
  ASSERT_TRUE((*sink)->Append("lo").ok());
  ASSERT_TRUE((*sink)->Finish().ok());
  auto body = (*store)->OpenBody(key);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(ReadAll(*body), "hello");
  // Bytes that do not match their key are not stored.
  auto wrong = (*store)->BeginBody("00000000000000000000000000000000-00000000-5", 5);
  ASSERT_TRUE(wrong.ok());
  ASSERT_TRUE((*wrong)->Append("hello").ok());
  EXPECT_TRUE((*wrong)->Finish().IsInvalid());
}

}  // namespace
}  // namespace estate::service
