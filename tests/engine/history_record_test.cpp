#include "engine/history/history_record.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

namespace estate {
namespace {

HistoryRecord Sample() {
  HistoryRecord r;
  r.op = "insert";
  r.bucket = "lake";
  r.object = "strong/k1";
  r.generation = 7351234567890;
  r.digest = "c99465aa";
  r.call_ns = 1000;
  r.return_ns = 21'500'000;
  r.client = 3;
  r.site = 1;
  r.outcome = "ok";
  r.if_generation_match = 0;
  r.mode = "strong";
  return r;
}

TEST(HistoryRecordTest, JsonLineHasAFixedShapeAndRoundTrips) {
  const std::string line = ToJsonLine(Sample());
  EXPECT_EQ(line,
            R"({"op":"insert","bucket":"lake","object":"strong/k1","generation":7351234567890,)"
            R"("digest":"c99465aa","call_ns":1000,"return_ns":21500000,"client":3,"site":1,)"
            R"("outcome":"ok","if_generation_match":0,"mode":"strong"})");
  Result<HistoryRecord> back = ParseHistoryLine(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, Sample());
}

TEST(HistoryRecordTest, WriterEmitsOneLinePerRecord) {
  std::ostringstream out;
  HistoryWriter w(out);
  w.Write(Sample());
  w.Write(Sample());
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}

TEST(HistoryRecordTest, ParseErrorsNameTheFieldAndWhatWasExpected) {
  auto err = [](const std::string& line) { return ParseHistoryLine(line).status().message(); };
  EXPECT_EQ(err("not json"), "history line: not valid JSON");
  EXPECT_EQ(err("[1,2]"), "history line: expected a JSON object");
  std::string good = ToJsonLine(Sample());
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    s.replace(s.find(from), from.size(), to);
    return err(s);
  };
  EXPECT_EQ(with(R"("call_ns":1000)", R"("call_ns":"x")"),
            "history line: field \"call_ns\": expected an integer, found \"x\"");
  EXPECT_EQ(with(R"("op":"insert")", R"("op":"upsert")"),
            "history line: field \"op\": expected one of insert, get, patch, delete, list, found "
            "\"upsert\"");
  EXPECT_EQ(with(R"("site":1)", R"("site":40)"),
            "history line: field \"site\": expected a site id from 0 to 31, found 40");
  EXPECT_EQ(with(R"("return_ns":21500000)", R"("return_ns":5)"),
            "history line: field \"return_ns\": expected a time not before call_ns, found 5");
  EXPECT_EQ(with(R"("bucket":"lake",)", ""),
            "history line: field \"bucket\": expected a string, found nothing");
  EXPECT_EQ(with(R"("client":3)", R"("client":-3)"),
            "history line: field \"client\": expected a non-negative integer, found -3");
}

TEST(HistoryRecordTest, RandomBytesNeverCrashTheParser) {
  std::mt19937_64 rng(11);
  const std::string good = ToJsonLine(Sample());
  for (int i = 0; i < 3000; ++i) {
    std::string s = good;
    for (int k = 0; k < 3; ++k)
      s[rng() % s.size()] = static_cast<char>(rng());
    Result<HistoryRecord> r = ParseHistoryLine(s);
    if (r.ok()) {
      EXPECT_TRUE(ParseHistoryLine(ToJsonLine(*r)).ok());
    }
  }
}

}  // namespace
}  // namespace estate
