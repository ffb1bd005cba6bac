// The header parsers of the HTTP front end: Range, Content-Range, x-goog-hash and
// multipart/related bodies.
#include <gtest/gtest.h>

#include "engine/ns/base64.h"
#include "service/http/goog_hash.h"
#include "service/http/http_ranges.h"
#include "service/http/multipart_related.h"

namespace estate::service {
namespace {

std::optional<std::pair<uint64_t, uint64_t>> Range(const char* header, uint64_t size) {
  Result<std::optional<ByteRange>> r = ParseRangeHeader(header, size);
  EXPECT_TRUE(r.ok()) << header;
  if (!r.ok() || !r->has_value()) return std::nullopt;
  return std::make_pair((*r)->offset, (*r)->length);
}

TEST(RangeHeader, SingleRangesAreClippedToTheObject) {
  using P = std::pair<uint64_t, uint64_t>;
  EXPECT_EQ(Range("bytes=0-4", 11), P(0, 5));
  EXPECT_EQ(Range("bytes=6-", 11), P(6, 5));
  EXPECT_EQ(Range("bytes=-5", 11), P(6, 5));
  EXPECT_EQ(Range("bytes=-50", 11), P(0, 11));
  EXPECT_EQ(Range("bytes=3-100", 11), P(3, 8));
  EXPECT_EQ(Range(" bytes=10-10 ", 11), P(10, 1));
}

TEST(RangeHeader, WhatIsNotServedPartiallyMeansTheWholeObject) {
  for (const char* h : {"", "items=0-1", "bytes=0-1,3-4", "bytes=5-2", "bytes=x-", "bytes=1"}) {
    EXPECT_EQ(Range(h, 11), std::nullopt) << h;
  }
}

TEST(RangeHeader, StartsBeyondTheEndAreUnsatisfiable) {
  EXPECT_FALSE(ParseRangeHeader("bytes=11-", 11).ok());
  EXPECT_FALSE(ParseRangeHeader("bytes=0-", 0).ok());
  EXPECT_FALSE(ParseRangeHeader("bytes=-0", 11).ok());
}

TEST(ContentRange, EveryFormTheUploadProtocolUses) {
  Result<ContentRange> chunk = ParseContentRange("bytes 0-262143/*");
  ASSERT_TRUE(chunk.ok());
  EXPECT_EQ(chunk->first, 0u);
  EXPECT_EQ(chunk->last, 262143u);
  EXPECT_FALSE(chunk->total.has_value());
  EXPECT_FALSE(chunk->open_end);
  Result<ContentRange> last = ParseContentRange("bytes 262144-300000/300001");
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->total, 300001u);
  Result<ContentRange> stream = ParseContentRange("bytes 0-*/*");
  ASSERT_TRUE(stream.ok());
  EXPECT_TRUE(stream->open_end);
  EXPECT_EQ(stream->first, 0u);
  Result<ContentRange> query = ParseContentRange("bytes */*");
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->first.has_value());
  EXPECT_FALSE(query->total.has_value());
  Result<ContentRange> finish = ParseContentRange("bytes */42");
  ASSERT_TRUE(finish.ok());
  EXPECT_EQ(finish->total, 42u);
}

TEST(ContentRange, MalformedRangesSayWhy) {
  EXPECT_EQ(ParseContentRange("bytes 5-4/*").status().message(),
            "Content-Range \"bytes 5-4/*\": LAST is before FIRST");
  EXPECT_EQ(ParseContentRange("bytes 0-10/10").status().message(),
            "Content-Range \"bytes 0-10/10\": LAST is beyond TOTAL");
  EXPECT_TRUE(ParseContentRange("items 0-1/2").status().IsInvalid());
  EXPECT_TRUE(ParseContentRange("bytes 0-1").status().IsInvalid());
  EXPECT_TRUE(ParseContentRange("bytes a-1/2").status().IsInvalid());
}

TEST(GoogHash, ParsesBothHashesAndFormatsThemBack) {
  DeclaredHashes d = ParseGoogHash("crc32c=yZRlqg==,md5=XrY7u+Ae7tCTyyK7j1rNww==");
  EXPECT_EQ(d.crc32c, 0xc99465aau);
  EXPECT_EQ(d.md5, Base64Decode("XrY7u+Ae7tCTyyK7j1rNww=="));
  DeclaredHashes junk = ParseGoogHash("md5=short, crc32c=!!, other=1");
  EXPECT_FALSE(junk.crc32c.has_value());
  EXPECT_FALSE(junk.md5.has_value());
  ObjectMeta m;
  m.crc32c = 0xc99465aa;
  EXPECT_EQ(FormatGoogHash(m), "crc32c=yZRlqg==");
  m.md5 = *Base64Decode("XrY7u+Ae7tCTyyK7j1rNww==");
  EXPECT_EQ(FormatGoogHash(m), "crc32c=yZRlqg==,md5=XrY7u+Ae7tCTyyK7j1rNww==");
}

TEST(MultipartRelated, SplitsTheNodeClientsTwoParts) {
  EXPECT_EQ(MultipartBoundary("multipart/related; boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Related;boundary=\"a b\""), "a b");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), std::nullopt);
  EXPECT_EQ(MultipartBoundary("multipart/related"), std::nullopt);
  const std::string body =
      "--abc\r\nContent-Type: application/json\r\n\r\n{\"name\":\"x\"}\r\n"
      "--abc\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--abc--\r\n";
  Result<std::vector<MultipartPart>> parts = ParseMultipartRelated(body, "abc");
  ASSERT_TRUE(parts.ok()) << parts.status().ToString();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].headers.at("content-type"), "application/json");
  EXPECT_EQ((*parts)[0].body, "{\"name\":\"x\"}");
  EXPECT_EQ((*parts)[1].body, "line1\r\nline2");
}

TEST(MultipartRelated, TruncatedBodiesAreRefused) {
  EXPECT_EQ(ParseMultipartRelated("no delimiter", "abc").status().message(),
            "multipart body without its first boundary delimiter");
  EXPECT_EQ(ParseMultipartRelated("--abc\r\nX: y\r\n\r\ndata", "abc").status().message(),
            "multipart body without its closing delimiter");
  EXPECT_TRUE(ParseMultipartRelated("--abc\r\nX: y", "abc").status().IsInvalid());
}

}  // namespace
}  // namespace estate::service
