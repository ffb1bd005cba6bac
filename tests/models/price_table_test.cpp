#include "models/cost/price_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/source_path.h"

namespace estate {
namespace {

TEST(PriceTableTest, ReadsTheShippedTable) {
  const std::string path = testing::SourcePath("scenarios/prices.json");
  const Result<PriceTable> table = PriceTable::Read(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->currency(), "USD");
  EXPECT_EQ(table->origin(), path);
  EXPECT_NE(table->note().find("Assumptions"), std::string::npos);
  EXPECT_EQ(table->prices().size(), 6u);
  const Result<Price> port = table->Find("interconnect_port_10g_per_hour");
  ASSERT_TRUE(port.ok());
  EXPECT_EQ(port->value, 2.328);
  EXPECT_EQ(port->unit, "USD/hour");
  EXPECT_EQ(port->as_of, "2026-11");
  EXPECT_NE(port->source.find("Dedicated Interconnect"), std::string::npos);
  for (const char* name : {"gcs_egress_per_gib_interconnect", "gcs_storage_standard_per_gib_month",
                           "interconnect_port_100g_per_hour", "interconnect_port_400g_per_hour",
                           "onprem_storage_per_tb_month"})
    EXPECT_TRUE(table->Find(name).ok()) << name;
  EXPECT_EQ(table->Find("onprem_storage_per_tb_month")->value, 8.0);
}

TEST(PriceTableTest, NoteIsOptional) {
  const Result<PriceTable> table = PriceTable::Parse(
      R"({"currency": "EUR", "prices": {"p": {"value": 0, "unit": "EUR/h", "source": "s",
      "as_of": "2026-01"}}})",
      "t.json");
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->currency(), "EUR");
  EXPECT_EQ(table->note(), "");
  EXPECT_EQ(table->Find("p")->value, 0);
}

TEST(PriceTableTest, AbsentPriceNamesThePriceAndTheOrigin) {
  const Result<PriceTable> table =
      PriceTable::Parse(R"({"currency": "USD", "prices": {}})", "p.json");
  ASSERT_TRUE(table.ok());
  const Result<Price> price = table->Find("interconnect_port_10g_per_hour");
  ASSERT_FALSE(price.ok());
  EXPECT_TRUE(price.status().IsNotFound());
  EXPECT_EQ(price.status().message(),
            "p.json: /prices/interconnect_port_10g_per_hour: expected a price named "
            "\"interconnect_port_10g_per_hour\", found nothing");
}

// A one-price table whose price entry is `entry`.
std::string WithEntry(const std::string& entry) {
  return R"({"currency": "USD", "prices": {"interconnect_port_10g_per_hour": )" + entry + "}}";
}

TEST(PriceTableTest, RejectsMalformedTablesSayingWhere) {
  const std::string ok_rest = R"("unit": "USD/hour", "source": "s", "as_of": "2026-11")";
  struct Case {
    std::string json;
    std::string message;
  };
  const std::vector<Case> cases = {
      {WithEntry("{" + ok_rest + "}"),
       "prices.json: /prices/interconnect_port_10g_per_hour/value: expected a non-negative "
       "number, found nothing"},
      {WithEntry(R"({"value": -1, )" + ok_rest + "}"),
       "prices.json: /prices/interconnect_port_10g_per_hour/value: expected a non-negative "
       "number, found -1"},
      {WithEntry(R"({"value": "2.328", )" + ok_rest + "}"),
       "prices.json: /prices/interconnect_port_10g_per_hour/value: expected a non-negative "
       "number, found \"2.328\""},
      {WithEntry(R"({"value": 1, "unit": 5, "source": "s", "as_of": "x"})"),
       "prices.json: /prices/interconnect_port_10g_per_hour/unit: expected a string, found 5"},
      {WithEntry(R"({"value": 1, "unit": "u", "as_of": "x"})"),
       "prices.json: /prices/interconnect_port_10g_per_hour/source: expected a string, found "
       "nothing"},
      {WithEntry(R"({"vaule": 1, )" + ok_rest + "}"),
       "prices.json: /prices/interconnect_port_10g_per_hour/vaule: expected one of the fields "
       "value, unit, source, as_of, found unknown field \"vaule\""},
      {WithEntry("2.328"),
       "prices.json: /prices/interconnect_port_10g_per_hour: expected an object, found 2.328"},
      {R"({"currency": "USD", "prices": {"a/b~c": 1}})",
       "prices.json: /prices/a~1b~0c: expected an object, found 1"},
      {R"({"currency": "USD", "prices": [1, 2]})",
       "prices.json: /prices: expected an object, found [1,2]"},
      {R"({"currency": "USD"})", "prices.json: /prices: expected an object, found nothing"},
      {R"({"prices": {}})", "prices.json: /currency: expected a string, found nothing"},
      {R"({"currency": "USD", "note": 3, "prices": {}})",
       "prices.json: /note: expected a string, found 3"},
      {R"({"currency": "USD", "prices": {}, "discount": 0.1})",
       "prices.json: /discount: expected one of the fields currency, note, prices, found unknown "
       "field \"discount\""},
      {"[]", "prices.json: /: expected an object, found []"},
      {std::string(65, '[') + std::string(65, ']'),
       "prices.json: invalid JSON: nested deeper than 64 levels"},
      {R"({"currency": "USD", "prices": {"p": {"value": 1e400}}})",
       "prices.json: invalid JSON: [json.exception.out_of_range.406] number overflow parsing "
       "'1e400'"},
  };
  for (const Case& c : cases) {
    const Result<PriceTable> table = PriceTable::Parse(c.json, "prices.json");
    ASSERT_FALSE(table.ok()) << c.json;
    EXPECT_TRUE(table.status().IsInvalid());
    EXPECT_EQ(table.status().message(), c.message) << c.json;
  }
  // 64 levels are accepted by the guard (and then rejected as the wrong shape).
  const Result<PriceTable> deep =
      PriceTable::Parse(std::string(64, '[') + std::string(64, ']'), "d.json");
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.status().message().rfind("d.json: /: expected an object, found [[[[", 0), 0u);
}

TEST(PriceTableTest, SyntaxErrorsGiveLineAndColumn) {
  const Result<PriceTable> table =
      PriceTable::Parse("{\n  \"currency\": \"USD\",\n  oops\n}", "s.json");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message().rfind("s.json:3:3: invalid JSON: ", 0), 0u)
      << table.status().message();
}

TEST(PriceTableTest, ReadNamesThePath) {
  const std::string missing = ::testing::TempDir() + "price_table_test_missing.json";
  const Result<PriceTable> absent = PriceTable::Read(missing);
  ASSERT_FALSE(absent.ok());
  EXPECT_TRUE(absent.status().IsNotFound());
  EXPECT_EQ(absent.status().message(), missing + ": cannot read the price table: no such file");

  const std::string dir = ::testing::TempDir() + "price_table_test_dir";
  std::filesystem::create_directories(dir);
  const Result<PriceTable> directory = PriceTable::Read(dir);
  ASSERT_FALSE(directory.ok());
  EXPECT_TRUE(directory.status().IsInvalid());
  EXPECT_EQ(directory.status().message(), dir + ": cannot read the price table: it is a directory");
}

}  // namespace
}  // namespace estate
