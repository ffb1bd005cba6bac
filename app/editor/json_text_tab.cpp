#include "app/editor/json_text_tab.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace estate::studio {
namespace {
constexpr int kPauseMs = 600;
}  // namespace

JsonTextTab::JsonTextTab(ScenarioDocument* document, QWidget* parent)
    : QWidget(parent), document_(document) {
  editor_ = new QPlainTextEdit(this);
  editor_->setObjectName("jsonText");
  editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  editor_->setLineWrapMode(QPlainTextEdit::NoWrap);
  editor_->setToolTip(tr("The scenario as JSON; edits here update the forms"));
  status_ = new QLabel(this);
  status_->setWordWrap(true);
  pause_ = new QTimer(this);
  pause_->setSingleShot(true);
  pause_->setInterval(kPauseMs);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(editor_);
  layout->addWidget(status_);
  connect(pause_, &QTimer::timeout, this, &JsonTextTab::ApplyNow);
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    if (!showing_) pause_->start();
  });
  connect(document_, &ScenarioDocument::changed, this, [this](const QObject* origin) {
    if (origin != this) ShowDocument();
  });
  ShowDocument();
}

QString JsonTextTab::text() const {
  return editor_->toPlainText();
}

void JsonTextTab::ShowDocument() {
  pause_->stop();
  const QString text = QString::fromStdString(document_->Text());
  if (editor_->toPlainText() == text) return;
  const int position = editor_->textCursor().position();
  showing_ = true;
  editor_->setPlainText(text);
  showing_ = false;
  QTextCursor cursor = editor_->textCursor();
  cursor.setPosition(std::min(position, static_cast<int>(text.size())));
  editor_->setTextCursor(cursor);
  status_->clear();
}

bool JsonTextTab::ApplyNow() {
  pause_->stop();
  const std::string text = editor_->toPlainText().toStdString();
  ScenarioDocument::Json doc =
      ScenarioDocument::Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    status_->setStyleSheet("color: #c62828;");
    status_->setText(QString::fromStdString(
        ParseScenario(text, document_->DisplayName().toStdString()).json_error));
    return false;
  }
  status_->clear();
  if (doc != document_->json()) document_->Replace(std::move(doc), this);
  return true;
}

void JsonTextTab::Reveal(const std::string& pointer) {
  // The pretty-printed text puts each member on its own line: find the last token's key,
  // searching from the line of each enclosing token in turn.
  const QString text = editor_->toPlainText();
  qsizetype at = 0;
  size_t start = 1;
  while (start <= pointer.size() && !pointer.empty()) {
    const size_t slash = pointer.find('/', start);
    const std::string token =
        pointer.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    const bool index = !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
    if (!index) {
      const qsizetype found = text.indexOf(QString::fromStdString("\"" + token + "\":"), at);
      if (found >= 0) at = found;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  QTextCursor cursor(editor_->document()->findBlock(static_cast<int>(at)));
  editor_->setTextCursor(cursor);
  editor_->centerCursor();
}

}  // namespace estate::studio
