// ScenarioDocument: opening, editing by pointer, the unsaved marker, saving, and validation
// by estate validate's own parser.
#include "app/document/scenario_document.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using studio::ScenarioDocument;
using testing::SourcePath;

class ScenarioDocumentTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::StudioTestApp(); }
};

TEST_F(ScenarioDocumentTest, ANewDocumentIsAValidUnsavedScenario) {
  ScenarioDocument doc;
  EXPECT_TRUE(doc.validation().ok()) << doc.validation().Messages().front();
  EXPECT_FALSE(doc.dirty());
  EXPECT_TRUE(doc.path().isEmpty());
  EXPECT_EQ(doc.DisplayName(), "untitled.json");
  EXPECT_EQ(doc.validation().scenario.sites.size(), 2u);
}

TEST_F(ScenarioDocumentTest, OpensTheDefaultScenarioAsValid) {
  ScenarioDocument doc;
  const std::string path = SourcePath("scenarios/retail-gcp-two-site.json");
  ASSERT_TRUE(doc.Open(QString::fromStdString(path)).ok());
  EXPECT_TRUE(doc.validation().ok());
  EXPECT_EQ(doc.validation().scenario.links.size(), 3u);
  EXPECT_EQ(doc.Find("/links/2/bandwidth")->get<std::string>(), "40Gbps");
  EXPECT_EQ(doc.Find("/links/9"), nullptr);
  EXPECT_EQ(doc.Find("not a pointer"), nullptr);
  EXPECT_FALSE(doc.dirty());
}

TEST_F(ScenarioDocumentTest, AnEditMarksDirtyRevalidatesAndNamesItsOrigin) {
  ScenarioDocument doc;
  QSignalSpy changed(&doc, &ScenarioDocument::changed);
  QSignalSpy dirty(&doc, &ScenarioDocument::dirtyChanged);
  const QObject origin;
  doc.Set("/links/0/bandwidth", "fast", &origin);
  ASSERT_EQ(changed.size(), 1);
  EXPECT_EQ(changed[0][0].value<const QObject*>(), &origin);
  ASSERT_EQ(dirty.size(), 1);
  EXPECT_TRUE(doc.dirty());
  ASSERT_EQ(doc.validation().errors.size(), 1u);
  EXPECT_EQ(doc.validation().Messages()[0],
            "untitled.json: /links/0/bandwidth: expected a bandwidth such as \"100Gbps\", found "
            "\"fast\"");
  doc.Remove("/links/0/bandwidth", &origin);
  EXPECT_EQ(doc.validation().errors.at(0).pointer, "/links/0/bandwidth");
  EXPECT_EQ(doc.validation().errors.at(0).found, "nothing");
}

TEST_F(ScenarioDocumentTest, SetCreatesMissingObjectsAndRemoveDeletesArrayElements) {
  ScenarioDocument doc;
  doc.Set("/sites/1/disk/read_bw", "10Gbps", nullptr);
  EXPECT_EQ(doc.Find("/sites/1/disk")->dump(), "{\"read_bw\":\"10Gbps\"}");
  doc.Remove("/expectations/0", nullptr);
  EXPECT_TRUE(doc.Find("/expectations")->empty());
}

TEST_F(ScenarioDocumentTest, SavingKeepsKeyOrderAndClearsDirty) {
  const std::string dir = testing::FreshDirectory("studio-document");
  ScenarioDocument doc;
  ASSERT_TRUE(
      doc.Open(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json"))).ok());
  doc.Set("/links/0/bandwidth", "50Gbps", nullptr);
  const QString copy = QString::fromStdString(dir + "/copy.json");
  ASSERT_TRUE(doc.SaveAs(copy).ok());
  EXPECT_FALSE(doc.dirty());
  EXPECT_EQ(doc.DisplayName(), "copy.json");
  const std::string text = testing::ReadFileOrEmpty(dir + "/copy.json");
  // "$schema" stays first and "ui" last, as in the file (a sorted dump would swap them).
  EXPECT_EQ(text.find("\"$schema\""), 4u) << text.substr(0, 40);
  EXPECT_GT(text.find("\"ui\""), text.find("\"expectations\""));
  EXPECT_NE(text.find("\"bandwidth\": \"50Gbps\""), std::string::npos);
  // What was saved is what `estate validate` accepts.
  const testing::CliRun validate =
      testing::RunCli(ESTATE_CLI_PATH, {"validate", dir + "/copy.json"});
  EXPECT_EQ(validate.exit_code, 0) << validate.output;
}

TEST_F(ScenarioDocumentTest, AFileThatIsNotJsonIsRefusedWithLineAndColumn) {
  const std::string dir = testing::FreshDirectory("studio-document-broken");
  testing::WriteTextFile(dir + "/broken.json", "{\n  \"name\": ,\n}");
  ScenarioDocument doc;
  const Status s = doc.Open(QString::fromStdString(dir + "/broken.json"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind(dir + "/broken.json:2:11: invalid JSON: ", 0), 0u) << s.message();
  EXPECT_EQ(doc.DisplayName(), "untitled.json");  // the previous document stays open
  const Status missing = doc.Open(QString::fromStdString(dir + "/missing.json"));
  EXPECT_EQ(missing.message().rfind(dir + "/missing.json: cannot read: ", 0), 0u);
}

}  // namespace
}  // namespace estate
