// The main window's scenario editor, driven as a user would: forms and the JSON tab stay in
// sync, and validation errors appear at the field their pointer names.
#include "app/editor/scenario_editor.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

#include "app/document/scenario_document.h"
#include "app/editor/array_editor.h"
#include "app/editor/json_text_tab.h"
#include "app/editor/validation_list.h"
#include "app/window/main_window.h"
#include "tests/app/studio_test_app.h"
#include "tests/support/cli_runner.h"
#include "tests/support/source_path.h"

namespace estate {
namespace {

using studio::MainWindow;
using testing::SourcePath;

class ScenarioEditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::StudioTestApp();
    window_ = std::make_unique<MainWindow>();
    window_->show();
  }
  void OpenDefault() {
    ASSERT_TRUE(
        window_->OpenFile(QString::fromStdString(SourcePath("scenarios/retail-gcp-two-site.json")))
            .ok());
  }
  // Types `text` into a line edit and presses Enter, as a user would.
  static void Type(QLineEdit* edit, const QString& text) {
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
  }

  std::unique_ptr<MainWindow> window_;
};

TEST_F(ScenarioEditorTest, OpeningTheDefaultScenarioFillsTheForms) {
  OpenDefault();
  studio::ScenarioEditor* editor = window_->editor();
  EXPECT_EQ(editor->links()->findChild<QListWidget*>("/links")->count(), 3);
  editor->links()->Select(2);
  auto* bandwidth = editor->findChild<QLineEdit*>("/links/2/bandwidth");
  ASSERT_NE(bandwidth, nullptr);
  EXPECT_EQ(bandwidth->text(), "40Gbps");
  EXPECT_EQ(editor->findChild<QLineEdit*>("/name")->text(), "retail-gcp-two-site");
  EXPECT_EQ(editor->findChild<QLineEdit*>("/workload/rate/site-a")->text(), "60");
  EXPECT_EQ(editor->validation_list()->item(0)->text(),
            "Valid: 3 sites, 3 links, 5 mounts, 1 failures, 4 expectations");
  EXPECT_FALSE(window_->isWindowModified());
  // Tooltips come from the schema's descriptions.
  EXPECT_TRUE(bandwidth->toolTip().startsWith("Link capacity, each direction."))
      << bandwidth->toolTip().toStdString();
}

TEST_F(ScenarioEditorTest, ChangingALinkBandwidthInTheFormUpdatesTheJsonTab) {
  OpenDefault();
  studio::ScenarioEditor* editor = window_->editor();
  editor->links()->Select(1);
  auto* bandwidth = editor->findChild<QLineEdit*>("/links/1/bandwidth");
  ASSERT_NE(bandwidth, nullptr);
  Type(bandwidth, "25Gbps");
  EXPECT_EQ(window_->document()->Find("/links/1/bandwidth")->get<std::string>(), "25Gbps");
  const nlohmann::json shown = nlohmann::json::parse(editor->json_tab()->text().toStdString());
  EXPECT_EQ(shown["links"][1]["bandwidth"], "25Gbps");
  EXPECT_EQ(shown["links"][0]["bandwidth"], "100Gbps");
  EXPECT_TRUE(window_->isWindowModified());
  EXPECT_TRUE(window_->windowTitle().startsWith("retail-gcp-two-site.json"));
}

TEST_F(ScenarioEditorTest, EditingTheJsonTabUpdatesTheForms) {
  OpenDefault();
  studio::ScenarioEditor* editor = window_->editor();
  nlohmann::ordered_json doc = window_->document()->json();
  doc["links"][0]["latency"] = "42ms";
  editor->json_tab()->editor()->setPlainText(QString::fromStdString(doc.dump(2)));
  ASSERT_TRUE(editor->json_tab()->ApplyNow());
  editor->links()->Select(0);
  EXPECT_EQ(editor->findChild<QLineEdit*>("/links/0/latency")->text(), "42ms");
  // Text that is not JSON leaves the document alone.
  editor->json_tab()->editor()->setPlainText("{ \"name\": ");
  EXPECT_FALSE(editor->json_tab()->ApplyNow());
  EXPECT_EQ(window_->document()->Find("/links/0/latency")->get<std::string>(), "42ms");
}

TEST_F(ScenarioEditorTest, AChoiceFieldWritesTheChosenValue) {
  OpenDefault();
  studio::ScenarioEditor* editor = window_->editor();
  editor->mounts()->Select(0);
  auto* consistency = editor->findChild<QComboBox*>("/mounts/0/consistency");
  ASSERT_NE(consistency, nullptr);
  EXPECT_EQ(consistency->currentText(), "eventual");
  consistency->setCurrentIndex(consistency->findData("session"));
  emit consistency->activated(consistency->currentIndex());
  EXPECT_EQ(window_->document()->Find("/mounts/0/consistency")->get<std::string>(), "session");
}

TEST_F(ScenarioEditorTest, AnInvalidScenarioShowsItsErrorAtTheField) {
  const std::string dir = testing::FreshDirectory("studio-invalid");
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(
      testing::ReadFileOrEmpty(SourcePath("scenarios/retail-gcp-two-site.json")));
  doc["links"][2]["bandwidth"] = "fast";
  doc.erase("$schema");
  doc["prices"] = SourcePath("scenarios/prices.json");
  const std::string path = dir + "/bad.json";
  testing::WriteTextFile(path, doc.dump(2));
  ASSERT_TRUE(window_->OpenFile(QString::fromStdString(path)).ok());

  // The editor opened the Links tab at link 2 and focused its bandwidth field.
  studio::ScenarioEditor* editor = window_->editor();
  EXPECT_EQ(editor->tabs()->currentWidget(), editor->links());
  EXPECT_EQ(editor->links()->CurrentIndex(), 2);
  auto* field = editor->findChild<QLineEdit*>("/links/2/bandwidth");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->property("validationError").toString().toStdString(),
            "expected a bandwidth such as \"100Gbps\", found \"fast\"");
  EXPECT_TRUE(field->toolTip().contains("found \"fast\""));
  EXPECT_EQ(editor->findChild<QLineEdit*>("/links/2/latency")->property("validationError"),
            QString());
  // The list shows exactly the line `estate validate` prints for the file.
  const testing::CliRun validate = testing::RunCli(ESTATE_CLI_PATH, {"validate", path});
  EXPECT_EQ(validate.exit_code, 1);
  ASSERT_EQ(editor->validation_list()->count(), 1);
  EXPECT_EQ(editor->validation_list()->item(0)->text().toStdString() + "\n", validate.output);

  // Fixing the field clears the error.
  field->setText("10Gbps");
  emit field->editingFinished();
  EXPECT_TRUE(window_->document()->validation().ok());
  EXPECT_EQ(field->property("validationError").toString(), QString());
}

TEST_F(ScenarioEditorTest, AddingASiteAddsItsRateFieldToTheWorkload) {
  studio::ScenarioEditor* editor = window_->editor();  // the new-document scenario
  EXPECT_EQ(editor->findChild<QLineEdit*>("/workload/rate/site-new"), nullptr);
  editor->sites()->findChild<QPushButton*>("addButton")->click();
  EXPECT_EQ(window_->document()->Find("/sites")->size(), 3u);
  EXPECT_NE(editor->findChild<QLineEdit*>("/workload/rate/site-new"), nullptr);
  EXPECT_EQ(editor->sites()->CurrentIndex(), 2);
}

}  // namespace
}  // namespace estate
