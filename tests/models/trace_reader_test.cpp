#include "models/workload/trace_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "models/workload/zipf_sampler.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using OpKind = TraceOp::Kind;

// Writes `content` to a fresh file in the test's temporary directory.
std::string WriteFile(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "trace_reader_test_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

Trace ReadOrDie(const std::string& path, const std::string& format) {
  Result<Trace> t = ReadTrace(path, format, "default-bucket");
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? std::move(t).value() : Trace{};
}

TEST(TraceReaderTest, ReadsCsv) {
  const std::string path = WriteFile("ok.csv",
                                     "timestamp_s,op,bucket,key,size,site\r\n"
                                     "2.5,write,b1,k/1,100,site-a\r\n"
                                     "1.25,read,,k/1,,site-b\r\n"
                                     "\r\n"
                                     "1.25,list,b2,,,\r\n"
                                     "3,delete,b1,\"k,2 \"\"quoted\"\"\",0,\r\n");
  const Trace t = ReadOrDie(path, "csv");
  ASSERT_EQ(t.ops.size(), 4u);
  EXPECT_EQ(t.skipped, 0u);
  // Sorted by time; the two 1.25 s operations keep their file order.
  EXPECT_EQ(t.ops[0].at, 1'250'000'000);
  EXPECT_EQ(t.ops[0].kind, OpKind::kRead);
  EXPECT_EQ(t.ops[0].bucket, "default-bucket");
  EXPECT_EQ(t.ops[0].key, "k/1");
  EXPECT_EQ(t.ops[0].size, 0u);
  EXPECT_EQ(t.ops[0].site, "site-b");
  EXPECT_FALSE(t.ops[0].ranged);
  EXPECT_EQ(t.ops[1].at, 1'250'000'000);
  EXPECT_EQ(t.ops[1].kind, OpKind::kList);
  EXPECT_EQ(t.ops[1].bucket, "b2");
  EXPECT_EQ(t.ops[1].key, "");
  EXPECT_EQ(t.ops[1].site, "");
  EXPECT_EQ(t.ops[2].at, 2'500'000'000);
  EXPECT_EQ(t.ops[2].kind, OpKind::kWrite);
  EXPECT_EQ(t.ops[2].bucket, "b1");
  EXPECT_EQ(t.ops[2].size, 100u);
  EXPECT_EQ(t.ops[2].site, "site-a");
  EXPECT_EQ(t.ops[3].at, 3'000'000'000);
  EXPECT_EQ(t.ops[3].kind, OpKind::kDelete);
  EXPECT_EQ(t.ops[3].key, "k,2 \"quoted\"");
}

TEST(TraceReaderTest, ReadsJsonLines) {
  const std::string path = WriteFile(
      "ok.jsonl",
      "{\"timestamp_s\": 0.5, \"op\": \"read\", \"bucket\": \"b\", \"key\": \"x\", \"size\": 10, "
      "\"site\": \"s1\"}\n"
      "\n"
      "   \n"
      "{\"timestamp_s\": 0.25, \"op\": \"write\", \"key\": \"y\", \"size\": 1e3, \"extra\": []}\n"
      "{\"timestamp_s\": 1, \"op\": \"list\", \"bucket\": \"b\", \"site\": null}");
  const Trace t = ReadOrDie(path, "jsonl");
  ASSERT_EQ(t.ops.size(), 3u);
  EXPECT_EQ(t.ops[0].at, 250'000'000);
  EXPECT_EQ(t.ops[0].kind, OpKind::kWrite);
  EXPECT_EQ(t.ops[0].bucket, "default-bucket");
  EXPECT_EQ(t.ops[0].key, "y");
  EXPECT_EQ(t.ops[0].size, 1000u);
  EXPECT_EQ(t.ops[1].at, 500'000'000);
  EXPECT_EQ(t.ops[1].kind, OpKind::kRead);
  EXPECT_EQ(t.ops[1].bucket, "b");
  EXPECT_EQ(t.ops[1].key, "x");
  EXPECT_EQ(t.ops[1].size, 10u);
  EXPECT_EQ(t.ops[1].site, "s1");
  EXPECT_EQ(t.ops[2].at, 1'000'000'000);
  EXPECT_EQ(t.ops[2].kind, OpKind::kList);
  EXPECT_EQ(t.ops[2].key, "");
  EXPECT_EQ(t.ops[2].site, "");
}

TEST(TraceReaderTest, ReadsIbmCos) {
  const std::string path = WriteFile("ok.ibm",
                                     "1219008 REST.PUT.OBJECT 8d4fcda3d675bac9 1056\n"
                                     "1221974 REST.HEAD.OBJECT 39d177fb735ac5df 528\n"
                                     "1232488 REST.GET.OBJECT 3b8255e0a2f72c7a 39424 100 39423\n"
                                     "1232437\tREST.GET.OBJECT   3b8255e0a2f72c7a\n"
                                     "\n"
                                     "1240000 REST.DELETE.OBJECT 8d4fcda3d675bac9\n"
                                     "1250000 REST.GET.BUCKET whatever 1 2 3 4 5\n"
                                     "1250001 REST.PUT.PART abc 5242880\n");
  const Trace t = ReadOrDie(path, "ibm-cos");
  EXPECT_EQ(t.skipped, 1u);
  ASSERT_EQ(t.ops.size(), 6u);
  for (const TraceOp& op : t.ops)
    EXPECT_EQ(op.bucket, "default-bucket");
  EXPECT_EQ(t.ops[0].at, 1219008 * kMillisecond);
  EXPECT_EQ(t.ops[0].kind, OpKind::kWrite);
  EXPECT_EQ(t.ops[0].key, "8d4fcda3d675bac9");
  EXPECT_EQ(t.ops[0].size, 1056u);
  // HEAD: a read that moves no data.
  EXPECT_EQ(t.ops[1].kind, OpKind::kRead);
  EXPECT_EQ(t.ops[1].size, 528u);
  EXPECT_TRUE(t.ops[1].ranged);
  EXPECT_EQ(t.ops[1].range_start, 0u);
  EXPECT_EQ(t.ops[1].range_end, 0u);
  // Sorted: the plain GET logged later happened first.
  EXPECT_EQ(t.ops[2].at, 1232437 * kMillisecond);
  EXPECT_EQ(t.ops[2].kind, OpKind::kRead);
  EXPECT_EQ(t.ops[2].size, 0u);
  EXPECT_FALSE(t.ops[2].ranged);
  EXPECT_EQ(t.ops[3].at, 1232488 * kMillisecond);
  EXPECT_TRUE(t.ops[3].ranged);
  EXPECT_EQ(t.ops[3].range_start, 100u);
  EXPECT_EQ(t.ops[3].range_end, 39424u);  // the trace's inclusive end, made exclusive
  EXPECT_EQ(t.ops[3].size, 39424u);
  EXPECT_EQ(t.ops[4].kind, OpKind::kDelete);
  EXPECT_EQ(t.ops[5].kind, OpKind::kWrite);
  EXPECT_EQ(t.ops[5].key, "abc");
  EXPECT_EQ(t.ops[5].size, 5242880u);
}

TEST(TraceReaderTest, ReadsTheShippedTrace) {
  const Trace t = ReadOrDie(testing::SourcePath("scenarios/traces/small-trace.csv"), "csv");
  ASSERT_EQ(t.ops.size(), 3000u);
  EXPECT_TRUE(std::is_sorted(t.ops.begin(), t.ops.end(),
                             [](const TraceOp& a, const TraceOp& b) { return a.at < b.at; }));
  EXPECT_EQ(t.ops.front().at, 3'705'000'000);
  EXPECT_EQ(t.ops.front().kind, OpKind::kWrite);
  EXPECT_EQ(t.ops.front().bucket, "retail-lake");
  EXPECT_EQ(t.ops.front().key, "sales/2026/11/22/store-0015/part-00018.parquet");
  EXPECT_EQ(t.ops.front().size, 32590149u);
  EXPECT_EQ(t.ops.front().site, "gcp-us-central1");
}

struct BadInput {
  std::string format;
  std::string content;
  std::string message;  // after "<path>"
};

TEST(TraceReaderTest, ExplainsEveryRejection) {
  const std::string header = "timestamp_s,op,bucket,key,size,site\n";
  const std::vector<BadInput> cases = {
      {"csv", "", ":1: expected the header \"timestamp_s,op,bucket,key,size,site\", found nothing"},
      {"csv", "1,read,b,k,1,s\n",
       ":1: expected the header \"timestamp_s,op,bucket,key,size,site\", found "
       "\"1,read,b,k,1,s\""},
      {"csv", header + "1,read,b,k,abc,s\n",
       ":2: field \"size\": expected a non-negative integer, found \"abc\""},
      {"csv", header + "1,read,b,k,-5,s\n",
       ":2: field \"size\": expected a non-negative integer, found \"-5\""},
      {"csv", header + "1,read,b,k,99999999999999999999,s\n",
       ":2: field \"size\": expected a non-negative integer, found \"99999999999999999999\""},
      {"csv", header + "-1,read,b,k,1,s\n",
       ":2: field \"timestamp_s\": expected a non-negative number of seconds, found \"-1\""},
      {"csv", header + "nan,read,b,k,1,s\n",
       ":2: field \"timestamp_s\": expected a non-negative number of seconds, found \"nan\""},
      {"csv", header + "1e300,read,b,k,1,s\n",
       ":2: field \"timestamp_s\": expected at most 9.2e9 seconds, found \"1e300\""},
      {"csv", header + "1,read,b,k,1,s\n2,scan,b,k,1,s\n",
       ":3: field \"op\": expected one of read, write, list, delete, found \"scan\""},
      {"csv", header + "1,read,b,k,1\n",
       ":2: expected 6 fields (timestamp_s,op,bucket,key,size,site), found 5"},
      {"csv", header + "1,read,b,\"k,1,s\n",
       ":2: expected a closing quote, found the end of the line"},
      {"csv", header + "1,read,b,\"k\"x,1,s\n",
       ":2: expected a comma after a quoted field, found \"x\""},
      {"csv", header + "1,write,b,,1,s\n",
       ":2: field \"key\": expected an object name, found \"\""},
      {"csv", header + "1,bad\x01op" + std::string(50, 'z') + ",b,k,1,s\n",
       ":2: field \"op\": expected one of read, write, list, delete, found "
       "\"bad\\x01op" +
           std::string(34, 'z') + "...\""},
      {"jsonl", "[1, 2]\n", ":1: expected a JSON object, found [1,2]"},
      {"jsonl", "{\"op\": \"read\", \"key\": \"k\"}\n",
       ":1: field \"timestamp_s\": expected a non-negative number of seconds, found nothing"},
      {"jsonl", "{\"timestamp_s\": \"1\", \"op\": \"read\", \"key\": \"k\"}\n",
       ":1: field \"timestamp_s\": expected a non-negative number of seconds, found \"1\""},
      {"jsonl", "\n{\"timestamp_s\": 1, \"op\": \"get\", \"key\": \"k\"}\n",
       ":2: field \"op\": expected one of \"read\", \"write\", \"list\", \"delete\", found "
       "\"get\""},
      {"jsonl", "{\"timestamp_s\": 1, \"op\": \"read\", \"key\": \"k\", \"size\": \"10\"}",
       ":1: field \"size\": expected a non-negative integer, found \"10\""},
      {"jsonl", "{\"timestamp_s\": 1, \"op\": \"read\", \"key\": \"k\", \"size\": -3}",
       ":1: field \"size\": expected a non-negative integer, found -3"},
      {"jsonl", "{\"timestamp_s\": 1, \"op\": \"read\", \"key\": \"k\", \"size\": 1.5}",
       ":1: field \"size\": expected a non-negative integer, found 1.5"},
      {"jsonl", "{\"timestamp_s\": 1, \"op\": \"read\", \"bucket\": 5, \"key\": \"k\"}",
       ":1: field \"bucket\": expected a string, found 5"},
      {"jsonl", "{\"timestamp_s\": 1, \"op\": \"read\"}",
       ":1: field \"key\": expected an object name, found nothing"},
      {"jsonl", std::string(100, '[') + std::string(100, ']'),
       ":1: invalid JSON: nested deeper than 64 levels"},
      {"ibm-cos", "12.5 REST.GET.OBJECT k\n",
       ":1: field \"timestamp\": expected a non-negative integer (milliseconds), found \"12.5\""},
      {"ibm-cos", "-3 REST.GET.OBJECT k\n",
       ":1: field \"timestamp\": expected a non-negative integer (milliseconds), found \"-3\""},
      {"ibm-cos", "9223372036855 REST.GET.OBJECT k\n",
       ":1: field \"timestamp\": expected at most 9223372036854 milliseconds, found "
       "\"9223372036855\""},
      {"ibm-cos", "1 REST.GET.OBJECT k 10 0\n",
       ":1: expected \"timestamp op key [size] [start end]\", found 5 fields"},
      {"ibm-cos", "1 REST.GET.OBJECT\n",
       ":1: expected \"timestamp op key [size] [start end]\", found 2 fields"},
      {"ibm-cos", "\n\n1\n", ":3: expected \"timestamp op key [size] [start end]\", found 1 field"},
      {"ibm-cos", "1 REST.PUT.OBJECT k ten\n",
       ":1: field \"size\": expected a non-negative integer, found \"ten\""},
      {"ibm-cos", "1 REST.GET.OBJECT k 10 x 5\n",
       ":1: field \"start\": expected a non-negative integer, found \"x\""},
      {"ibm-cos", "1 REST.GET.OBJECT k 100 100 50\n",
       ":1: field \"end\": expected an integer offset >= the start 100, found \"50\""},
      {"xml", "", ": trace format: expected \"csv\", \"jsonl\" or \"ibm-cos\", found \"xml\""},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const BadInput& c = cases[i];
    const std::string path = WriteFile("bad" + std::to_string(i), c.content);
    const Result<Trace> t = ReadTrace(path, c.format, "b");
    ASSERT_FALSE(t.ok()) << "case " << i << ": " << c.message;
    EXPECT_TRUE(t.status().IsInvalid());
    EXPECT_EQ(t.status().message(), path + c.message) << "case " << i;
  }
}

TEST(TraceReaderTest, ExplainsBadJsonSyntaxWithTheColumn) {
  const std::string path = WriteFile("syntax.jsonl", "{\"timestamp_s\": 1,}\n");
  const Result<Trace> t = ReadTrace(path, "jsonl", "b");
  ASSERT_FALSE(t.ok());
  EXPECT_TRUE(t.status().message().starts_with(path + ":1:19: invalid JSON: "))
      << t.status().message();
  const std::string big = WriteFile("big.jsonl", "{\"timestamp_s\": 1e999}\n");
  const Result<Trace> b = ReadTrace(big, "jsonl", "b");
  ASSERT_FALSE(b.ok());
  EXPECT_TRUE(b.status().message().starts_with(big + ":1")) << b.status().message();
}

TEST(TraceReaderTest, ExplainsUnreadableFiles) {
  const std::string missing = ::testing::TempDir() + "trace_reader_test_no_such_file.csv";
  const Result<Trace> t = ReadTrace(missing, "csv", "b");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), missing + ": cannot read the trace: No such file or directory");
  const Result<Trace> d = ReadTrace(::testing::TempDir(), "csv", "b");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(),
            ::testing::TempDir() + ": cannot read the trace: it is a directory");
}

// A small in-process fuzz: mutated fixtures and random bytes never crash a reader, and every
// rejection names the input. (tests/fuzz/trace_reader_fuzz.cpp goes further with libFuzzer.)
TEST(TraceReaderTest, NeverCrashesOnMangledInput) {
  const std::vector<std::string> seeds = {
      "timestamp_s,op,bucket,key,size,site\n1,read,b,k,10,s\n2,write,,\"q\"\"k\",5,\n",
      "{\"timestamp_s\": 1, \"op\": \"read\", \"key\": \"k\", \"size\": 3}\n",
      "1219008 REST.PUT.OBJECT 8d4f 1056\n1232488 REST.GET.OBJECT 3b82 39424 0 39423\n"};
  const std::string alphabet = "0123456789.,-+e\" \t\r\n{}[]:REST.GETPUTreadwritelist\\\x00\xff";
  SplitMix64 rng(77);
  for (int i = 0; i < 20000; ++i) {
    std::string text = seeds[i % seeds.size()];
    const int edits = 1 + static_cast<int>(rng.Next() % 8);
    for (int e = 0; e < edits; ++e) {
      const size_t at = text.empty() ? 0 : rng.Next() % text.size();
      const char c = alphabet[rng.Next() % alphabet.size()];
      switch (rng.Next() % 3) {
        case 0:
          if (!text.empty()) text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + at, c);
          break;
        default:
          if (!text.empty()) text.erase(at, 1 + rng.Next() % 4);
      }
    }
    for (const char* format : {"csv", "jsonl", "ibm-cos"}) {
      const Result<Trace> t = ParseTrace(text, "fuzz", format, "b");
      if (!t.ok()) {
        ASSERT_TRUE(t.status().message().starts_with("fuzz")) << text;
      }
    }
  }
}

}  // namespace
}  // namespace estate
