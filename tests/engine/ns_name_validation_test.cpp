// GCS naming rules, each rejection checked by its exact message.
#include <gtest/gtest.h>

#include <string>

#include "engine/ns/name_validation.h"

namespace estate {
namespace {

std::string ObjectError(std::string_view name) {
  return ValidateObjectName(name).message();
}
std::string BucketError(std::string_view name) {
  return ValidateBucketName(name).message();
}

TEST(ObjectNameTest, AcceptsOrdinaryAndUnicodeNames) {
  EXPECT_TRUE(ValidateObjectName("a").ok());
  EXPECT_TRUE(ValidateObjectName("photos/2024/cat.jpg").ok());
  EXPECT_TRUE(ValidateObjectName("caf\xc3\xa9/\xe2\x82\xac/\xf0\x9f\x98\x80").ok());
  EXPECT_TRUE(ValidateObjectName(std::string(1024, 'x')).ok());
  EXPECT_TRUE(ValidateObjectName(".a").ok());
  EXPECT_TRUE(ValidateObjectName("...").ok());
  EXPECT_TRUE(ValidateObjectName(".well-known/other").ok());
}

TEST(ObjectNameTest, Length) {
  EXPECT_EQ(ObjectError(""), "invalid object name \"\": must be 1-1024 bytes long, got 0");
  EXPECT_EQ(ObjectError(std::string(1025, 'x')), "invalid object name \"" + std::string(80, 'x') +
                                                     "...\": must be 1-1024 bytes long, got 1025");
  EXPECT_TRUE(ValidateObjectName("").IsInvalid());
}

TEST(ObjectNameTest, Utf8) {
  EXPECT_EQ(ObjectError("a\xff"),
            "invalid object name \"a\\xff\": not valid UTF-8: invalid byte 0xff at byte offset 1");
  EXPECT_EQ(ObjectError("\x80z"),
            "invalid object name \"\\x80z\": not valid UTF-8: unexpected "
            "continuation byte 0x80 at byte offset 0");
  EXPECT_EQ(ObjectError("ab\xc0\xaf"),
            "invalid object name \"ab\\xc0\\xaf\": not valid UTF-8: "
            "overlong encoding at byte offset 2");
  EXPECT_EQ(ObjectError("\xe0\x80\xaf"),
            "invalid object name \"\\xe0\\x80\\xaf\": not valid "
            "UTF-8: overlong encoding at byte offset 0");
  EXPECT_EQ(ObjectError("\xed\xa0\x80"),
            "invalid object name \"\\xed\\xa0\\x80\": not valid "
            "UTF-8: UTF-16 surrogate code point at byte offset 0");
  EXPECT_EQ(ObjectError("x\xe2\x82"),
            "invalid object name \"x\\xe2\\x82\": not valid UTF-8: "
            "truncated multi-byte sequence at byte offset 1");
  EXPECT_EQ(ObjectError("\xc3z"),
            "invalid object name \"\\xc3z\": not valid UTF-8: truncated "
            "multi-byte sequence at byte offset 0");
  EXPECT_EQ(ObjectError("\xf4\x90\x80\x80"),
            "invalid object name \"\\xf4\\x90\\x80\\x80\": not valid UTF-8: code point above "
            "U+10FFFF at byte offset 0");
}

TEST(ObjectNameTest, ForbiddenCharactersAndNames) {
  EXPECT_EQ(ObjectError("a\nb"),
            "invalid object name \"a\\x0ab\": must not contain carriage "
            "return or line feed characters");
  EXPECT_EQ(ObjectError("a\rb"),
            "invalid object name \"a\\x0db\": must not contain carriage "
            "return or line feed characters");
  EXPECT_EQ(ObjectError("."), "invalid object name \".\": must not be \".\" or \"..\"");
  EXPECT_EQ(ObjectError(".."), "invalid object name \"..\": must not be \".\" or \"..\"");
  EXPECT_EQ(ObjectError(".well-known/acme-challenge/tok"),
            "invalid object name \".well-known/acme-challenge/tok\": must not start with "
            "\".well-known/acme-challenge/\"");
}

TEST(BucketNameTest, AcceptsValidNames) {
  for (const char* ok :
       {"abc", "my-bucket_1", "a.b.c", "0bucket9", "example.com", "999.1.1.1", "a-b.c_d.e"}) {
    EXPECT_TRUE(ValidateBucketName(ok).ok()) << ok;
  }
  EXPECT_TRUE(ValidateBucketName(std::string(63, 'a')).ok());
  const std::string c63(63, 'c');
  EXPECT_TRUE(
      ValidateBucketName(c63 + "." + c63 + "." + c63 + "." + std::string(30, 'c')).ok());  // 222
}

TEST(BucketNameTest, Length) {
  EXPECT_EQ(BucketError("ab"),
            "invalid bucket name \"ab\": must be at least 3 characters long, got 2");
  EXPECT_EQ(BucketError(std::string(64, 'a')),
            "invalid bucket name \"" + std::string(64, 'a') +
                "\": must be at most 63 characters long unless it contains dots, got 64");
  const std::string c63(63, 'c');
  const std::string long_dotted = c63 + "." + c63 + "." + c63 + "." + std::string(31, 'c');  // 223
  EXPECT_EQ(BucketError(long_dotted), "invalid bucket name \"" + long_dotted.substr(0, 80) +
                                          "...\": must be at most 222 characters long, got 223");
  const std::string long_component = "a." + std::string(64, 'b');
  EXPECT_EQ(BucketError(long_component),
            "invalid bucket name \"" + long_component +
                "\": each dot-separated component must be at most 63 characters long, got 64");
}

TEST(BucketNameTest, Characters) {
  EXPECT_EQ(BucketError("Ab1"),
            "invalid bucket name \"Ab1\": may contain only lowercase "
            "letters, digits, '-', '_' and '.', found \"A\" at offset 0");
  EXPECT_EQ(BucketError("my bucket"),
            "invalid bucket name \"my bucket\": may contain only "
            "lowercase letters, digits, '-', '_' and '.', found \" \" "
            "at offset 2");
  EXPECT_EQ(BucketError("-abc"),
            "invalid bucket name \"-abc\": must start and end with a letter or digit");
  EXPECT_EQ(BucketError("abc_"),
            "invalid bucket name \"abc_\": must start and end with a letter or digit");
  EXPECT_EQ(BucketError("a..b"),
            "invalid bucket name \"a..b\": must not contain empty dot-separated components");
}

TEST(BucketNameTest, ReservedForms) {
  EXPECT_EQ(BucketError("192.168.5.4"),
            "invalid bucket name \"192.168.5.4\": must not be an IP address in dotted-decimal "
            "form");
  EXPECT_EQ(BucketError("goog-bucket"),
            "invalid bucket name \"goog-bucket\": must not begin with \"goog\"");
  EXPECT_EQ(BucketError("my-google-bucket"),
            "invalid bucket name \"my-google-bucket\": must "
            "not contain \"google\" or a close misspelling of it");
  EXPECT_EQ(BucketError("g00gle-stuff"),
            "invalid bucket name \"g00gle-stuff\": must not "
            "contain \"google\" or a close misspelling of it");
  EXPECT_EQ(BucketError("xgoog1e"),
            "invalid bucket name \"xgoog1e\": must not contain "
            "\"google\" or a close misspelling of it");
}

TEST(QuoteForMessageTest, EscapesAndElides) {
  EXPECT_EQ(QuoteForMessage("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(QuoteForMessage("\t"), "\"\\x09\"");
  EXPECT_EQ(QuoteForMessage(std::string(81, 'z')), "\"" + std::string(80, 'z') + "...\"");
}

}  // namespace
}  // namespace estate
