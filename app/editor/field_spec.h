// FieldSpec: one field of a form editor: where its value lives, relative to the element the
// form shows, and which widget edits it. Values are written to the document as the user
// typed them when they do not convert (e.g. "fast" for a bandwidth), so that the validator,
// not the form, says what is wrong and where.
#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace estate::studio {

enum class FieldKind {
  kText,      // a string; empty removes the field
  kQuantity,  // a string with a unit, "100Gbps", "15ms", "4PB"
  kNumber,    // a JSON number
  kInteger,   // a JSON integer
  kChoice,    // one of `choices`, or absent
  kBool,      // true, false or absent
  kList,      // an array of strings, typed comma-separated
  kJson,      // any JSON value, typed as JSON (e.g. partition groups)
};

struct FieldSpec {
  // JSON pointer relative to the form's element, without the leading "/" ("disk/read_bw");
  // empty for the element itself (an expectation string).
  std::string key;
  QString label;
  FieldKind kind = FieldKind::kText;
  QStringList choices;  // kChoice
  QString placeholder;  // an example value shown while the field is empty
};

// `base` + "/" + `key`, or `base` when `key` is empty.
inline std::string FieldPointer(const std::string& base, const std::string& key) {
  return key.empty() ? base : base + "/" + key;
}

}  // namespace estate::studio
