#include "app/compare/compare_view.h"

#include <QAbstractAxis>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include "app/compare/comparison_figures.h"
#include "app/compare/mode_bar_chart.h"
#include "app/document/scenario_document.h"
#include "app/results/result_chart.h"
#include "app/run/cli_locator.h"
#include "app/run/cli_process.h"
#include "app/run/run_request.h"
#include "app/run/run_workspace.h"

namespace estate::studio {
namespace {

const ComparisonRow* RowNamed(const std::vector<ComparisonRow>& rows, const std::string& key) {
  for (const ComparisonRow& r : rows) {
    if (r.key == key) return &r;
  }
  return nullptr;
}

QWidget* Boxed(const QString& title, QWidget* content, QWidget* parent) {
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->addWidget(content);
  return box;
}

}  // namespace

CompareView::CompareView(ScenarioDocument* document, RunWorkspace* workspace, QWidget* parent)
    : QWidget(parent),
      document_(document),
      workspace_(workspace),
      process_(new CliProcess(this)),
      cli_(FindEstateCli()) {
  duration_ = new QLineEdit("2h", this);
  duration_->setObjectName("compareDuration");
  duration_->setMaximumWidth(duration_->fontMetrics().horizontalAdvance("0000min") * 2);
  duration_->setToolTip(tr("Simulated duration of each mode's run; empty for the scenario's"));
  start_ = new QPushButton(tr("Compare modes"), this);
  start_->setObjectName("compareButton");
  start_->setToolTip(tr("Run the scenario once per consistency mode (estate compare)"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setEnabled(false);
  recommendation_ = new QLabel(tr("Compare the five consistency modes on this scenario."), this);
  recommendation_->setObjectName("recommendation");
  recommendation_->setWordWrap(true);
  recommendation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  log_ = new QPlainTextEdit(this);
  log_->setReadOnly(true);
  log_->setMaximumBlockCount(2000);
  log_->setMaximumHeight(90);
  log_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  auto* body = new QWidget(this);
  write_p99_ = new ModeBarChart(tr("Write latency p99"), tr("ms"), body);
  write_p99_->setObjectName("compareWriteP99");
  availability_ = new ModeBarChart(tr("Availability"), tr("%"), body);
  availability_->setObjectName("compareAvailability");
  egress_cost_ = new ModeBarChart(tr("GCS egress cost"), tr("cost"), body);
  egress_cost_->setObjectName("compareEgressCost");
  t_visibility_ = new ResultChart(tr("t-visibility"), body);
  t_visibility_->setObjectName("compareTVisibility");
  t_visibility_->setToolTip(
      tr("Probability that a read t after a write, at another site, sees "
         "it (docs/COMPARE.md)"));
  table_ = new QTableWidget(body);
  table_->setObjectName("compareTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->setMinimumHeight(300);
  auto* grid = new QGridLayout(body);
  grid->addWidget(Boxed(tr("Write latency"), write_p99_, body), 0, 0);
  grid->addWidget(Boxed(tr("Availability"), availability_, body), 0, 1);
  grid->addWidget(Boxed(tr("Staleness"), t_visibility_, body), 1, 0);
  grid->addWidget(Boxed(tr("Cost"), egress_cost_, body), 1, 1);
  grid->addWidget(Boxed(tr("Figures by mode"), table_, body), 2, 0, 1, 2);
  for (int row = 0; row < 2; ++row)
    grid->setRowMinimumHeight(row, 280);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setWidget(body);

  auto* controls = new QHBoxLayout;
  auto* form = new QFormLayout;
  form->addRow(tr("Duration per mode"), duration_);
  controls->addLayout(form);
  controls->addStretch();
  controls->addWidget(start_);
  controls->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(recommendation_);
  layout->addWidget(log_);
  layout->addWidget(scroll, 1);

  connect(start_, &QPushButton::clicked, this, &CompareView::StartCompare);
  connect(cancel_, &QPushButton::clicked, this, &CompareView::CancelCompare);
  connect(process_, &CliProcess::stdoutLine, log_, &QPlainTextEdit::appendPlainText);
  connect(process_, &CliProcess::stderrLine, log_, &QPlainTextEdit::appendPlainText);
  connect(process_, &CliProcess::finished, this, &CompareView::Finished);
}

QString CompareView::recommendation_text() const {
  return recommendation_->text();
}

void CompareView::SetDuration(const QString& duration) {
  duration_->setText(duration);
}

bool CompareView::StartCompare() {
  if (process_->running()) return false;
  if (!document_->validation().ok()) {
    QStringList lines;
    for (const std::string& m : document_->validation().Messages())
      lines << QString::fromStdString(m);
    emit errorRaised(tr("The scenario is not valid"), lines.join('\n'));
    return false;
  }
  if (cli_.isEmpty()) {
    emit errorRaised(tr("Cannot compare"), tr("The estate command line was not found next to "
                                              "estate-studio; set ESTATE_CLI to its path."));
    return false;
  }
  out_dir_ = workspace_->NewRunDir("compare");
  QDir().mkpath(out_dir_);
  const QString input = QDir(out_dir_).filePath("input.json");
  QSaveFile file(input);
  const std::string text =
      RunnableScenario(document_->json(), document_->BaseDirectory()).dump(2) + "\n";
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(text.data(), static_cast<qint64>(text.size())) < 0 || !file.commit()) {
    emit errorRaised(tr("Cannot compare"), input + ": " + file.errorString());
    return false;
  }
  QStringList args = {"compare", input,
                      "--out",   out_dir_,
                      "--jobs",  QString::number(std::max(1, QThread::idealThreadCount()))};
  if (!duration_->text().trimmed().isEmpty()) args << "--duration" << duration_->text().trimmed();
  if (seed_ != 0) args << "--seed" << QString::number(seed_);
  log_->clear();
  log_->appendPlainText(QStringLiteral("$ %1 %2").arg(cli_, args.join(' ')));
  recommendation_->setText(tr("Comparing..."));
  start_->setEnabled(false);
  cancel_->setEnabled(true);
  process_->Start(cli_, args);
  return true;
}

void CompareView::CancelCompare() {
  process_->Cancel();
}

void CompareView::Finished(int exit_code) {
  start_->setEnabled(true);
  cancel_->setEnabled(false);
  if (process_->cancelled()) {
    recommendation_->setText(tr("Cancelled."));
    return;
  }
  // 0: a mode recommended; 1: none qualified; 3: a run failed but the comparison is written.
  if ((exit_code == 0 || exit_code == 1 || exit_code == 3) &&
      QFile::exists(QDir(out_dir_).filePath("comparison.json"))) {
    if (ShowComparison(out_dir_)) emit comparisonReady(out_dir_);
    return;
  }
  recommendation_->setText(tr("The comparison failed (exit %1).").arg(exit_code));
  const QString log = log_->toPlainText();
  emit errorRaised(tr("The comparison failed"),
                   !process_->error().isEmpty() ? process_->error() : log.section('\n', 1));
}

bool CompareView::ShowComparison(const QString& dir) {
  QFile file(QDir(dir).filePath("comparison.json"));
  nlohmann::json comparison;
  if (file.open(QIODevice::ReadOnly)) {
    comparison = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
  }
  if (!comparison.is_object()) {
    emit errorRaised(tr("Cannot read the comparison"), file.fileName() + tr(": not readable JSON"));
    return false;
  }
  comparison_ = comparison;
  out_dir_ = dir;
  const std::vector<std::string> modes = ComparedModes(comparison_);
  const std::vector<ComparisonRow> rows = ComparisonRows(comparison_);

  const nlohmann::json& rec = comparison_["recommendation"];
  recommendation_->setText(rec.is_object() && rec.contains("text") && rec["text"].is_string()
                               ? QString::fromStdString(rec["text"].get<std::string>())
                               : tr("No recommendation."));
  write_p99_->Show(modes, RowNamed(rows, "write_p99")->values, 1e3);
  availability_->Show(modes, RowNamed(rows, "availability")->values, 100);
  egress_cost_->Show(modes, RowNamed(rows, "egress_cost")->values, 1);
  if (comparison_.contains("egress_price") && comparison_["egress_price"].contains("currency") &&
      comparison_["egress_price"]["currency"].is_string()) {
    const QString currency =
        QString::fromStdString(comparison_["egress_price"]["currency"].get<std::string>());
    for (QAbstractAxis* axis : egress_cost_->chart()->axes(Qt::Vertical))
      axis->setTitleText(currency);
  }

  t_visibility_->Clear();
  for (size_t i = 0; i < modes.size(); ++i) {
    std::vector<QPointF> points;
    for (const auto& [t, p] : TVisibilityCurve(comparison_, modes[i]))
      points.emplace_back(t, p);
    if (!points.empty())
      t_visibility_->AddLine(QString::fromStdString(modes[i]), points, static_cast<int>(i));
  }
  t_visibility_->Finish(tr("t after the write (ms)"), tr("P(read sees it)"), true, 1.0);

  table_->clear();
  table_->setRowCount(static_cast<int>(rows.size()));
  table_->setColumnCount(static_cast<int>(modes.size()));
  QStringList headers, figures;
  for (const std::string& m : modes)
    headers << QString::fromStdString(m);
  for (const ComparisonRow& r : rows)
    figures << r.figure;
  table_->setHorizontalHeaderLabels(headers);
  table_->setVerticalHeaderLabels(figures);
  for (size_t row = 0; row < rows.size(); ++row) {
    for (size_t col = 0; col < modes.size(); ++col) {
      const std::optional<double>& v = rows[row].values[col];
      auto* item = new QTableWidgetItem(v ? FormatFigure(*v, rows[row].unit) : QStringLiteral("-"));
      if (v) item->setData(Qt::UserRole, *v);
      table_->setItem(static_cast<int>(row), static_cast<int>(col), item);
    }
  }
  return true;
}

}  // namespace estate::studio
