#include "models/workload/trace_reader.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "engine/json_excerpt.h"
#include "models/json/json_nesting.h"

namespace estate {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kCsvHeader = "timestamp_s,op,bucket,key,size,site";
constexpr std::string_view kIbmShape = "\"timestamp op key [size] [start end]\"";
constexpr size_t kMaxShown = 40;  // a found value longer than this is cut in messages
// The largest timestamps whose nanoseconds fit a TimeNs, about 292 years.
constexpr double kMaxSeconds = 9.2e9;
constexpr int64_t kMaxMillis = std::numeric_limits<TimeNs>::max() / kMillisecond;

// A found value as it appears in a message: quoted, control bytes escaped, long text cut.
std::string Shown(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > kMaxShown) out += "...";
  return out + "\"";
}

// A JSON value as it appears in a message: its JSON text, cut like Shown.
std::string ShownJson(const Json& j) {
  return JsonExcerpt(j, kMaxShown + 3);
}

// The place of a record, for messages.
struct Where {
  std::string_view file;
  size_t line;
};

Status At(const Where& w, std::string_view what) {
  return Status::Invalid(std::string(w.file) + ":" + std::to_string(w.line) + ": " +
                         std::string(what));
}

Status FieldError(const Where& w, std::string_view field, std::string_view expected,
                  const std::string& found) {
  return At(w, "field \"" + std::string(field) + "\": expected " + std::string(expected) +
                   ", found " + found);
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && IsBlank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back()))
    s.remove_suffix(1);
  return s;
}

// Whole-field numbers only: from_chars neither throws nor skips trailing junk silently.
template <typename T>
std::optional<T> ParseNumber(std::string_view s) {
  T value{};
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(value)) return std::nullopt;
  }
  return value;
}

std::optional<TraceOp::Kind> KindFromName(std::string_view s) {
  if (s == "read") return TraceOp::Kind::kRead;
  if (s == "write") return TraceOp::Kind::kWrite;
  if (s == "list") return TraceOp::Kind::kList;
  if (s == "delete") return TraceOp::Kind::kDelete;
  return std::nullopt;
}

constexpr double kNotANumber = std::numeric_limits<double>::quiet_NaN();

// Seconds (NaN when the field held no number) to nanoseconds, or the timestamp_s error.
std::optional<Status> SecondsToNs(double seconds, const Where& w, const std::string& found,
                                  TimeNs* out) {
  if (!(seconds >= 0))
    return FieldError(w, "timestamp_s", "a non-negative number of seconds", found);
  if (seconds > kMaxSeconds) return FieldError(w, "timestamp_s", "at most 9.2e9 seconds", found);
  *out = static_cast<TimeNs>(std::llround(seconds * 1e9));
  return std::nullopt;
}

// Lines without their terminator ("\n" or "\r\n"), numbered from 1.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

// Splits one CSV record (RFC 4180 quoting; a quoted field cannot span lines). Returns what
// went wrong, as "expected ..., found ...", or nothing.
std::optional<std::string> SplitCsv(std::string_view line, std::vector<std::string>* fields) {
  fields->clear();
  size_t i = 0;
  for (;;) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      for (++i;; ++i) {
        if (i >= line.size()) return "expected a closing quote, found the end of the line";
        if (line[i] != '"') {
          field += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      }
      if (i < line.size() && line[i] != ',')
        return "expected a comma after a quoted field, found " + Shown(line.substr(i, 1));
    } else {
      const size_t comma = std::min(line.find(',', i), line.size());
      field.assign(line.substr(i, comma - i));
      i = comma;
    }
    fields->push_back(std::move(field));
    if (i >= line.size()) return std::nullopt;
    ++i;  // past the comma
  }
}

// Checks shared by csv and jsonl once the fields are typed.
std::optional<Status> CheckKey(const Where& w, const TraceOp& op, const std::string& found) {
  if (op.kind != TraceOp::Kind::kList && op.key.empty())
    return FieldError(w, "key", "an object name", found);
  return std::nullopt;
}

Result<Trace> ParseCsv(std::string_view text, std::string_view file,
                       const std::string& default_bucket) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  Lines lines(text);
  std::string_view line;
  const std::string expected_header = "expected the header \"" + std::string(kCsvHeader) + "\"";
  if (!lines.Next(&line)) return At({file, 1}, expected_header + ", found nothing");
  if (line != kCsvHeader) return At({file, 1}, expected_header + ", found " + Shown(line));
  Trace trace;
  std::vector<std::string> f;
  while (lines.Next(&line)) {
    const Where w{file, lines.number()};
    if (TrimBlanks(line).empty()) continue;
    if (auto error = SplitCsv(line, &f)) return At(w, *error);
    if (f.size() != 6)
      return At(w, "expected 6 fields (" + std::string(kCsvHeader) + "), found " +
                       std::to_string(f.size()));
    TraceOp op;
    const double seconds = ParseNumber<double>(TrimBlanks(f[0])).value_or(kNotANumber);
    if (auto e = SecondsToNs(seconds, w, Shown(f[0]), &op.at)) return *e;
    const auto kind = KindFromName(TrimBlanks(f[1]));
    if (!kind) return FieldError(w, "op", "one of read, write, list, delete", Shown(f[1]));
    op.kind = *kind;
    op.bucket = f[2].empty() ? default_bucket : f[2];
    op.key = f[3];
    if (auto e = CheckKey(w, op, Shown(f[3]))) return *e;
    if (!TrimBlanks(f[4]).empty()) {
      const auto size = ParseNumber<uint64_t>(TrimBlanks(f[4]));
      if (!size) return FieldError(w, "size", "a non-negative integer", Shown(f[4]));
      op.size = *size;
    }
    op.site = f[5];
    trace.ops.push_back(std::move(op));
  }
  return trace;
}

// A present, non-null member, or nullptr.
const Json* Member(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::optional<Status> StringMember(const Json& object, const char* name, const Where& w,
                                   std::string* out) {
  const Json* j = Member(object, name);
  if (!j) return std::nullopt;
  if (!j->is_string()) return FieldError(w, name, "a string", ShownJson(*j));
  *out = j->get<std::string>();
  return std::nullopt;
}

std::optional<Status> SizeMember(const Json& object, const Where& w, uint64_t* out) {
  const Json* j = Member(object, "size");
  if (!j) return std::nullopt;
  if (j->is_number_unsigned()) {
    *out = j->get<uint64_t>();
    return std::nullopt;
  }
  // 1e6 and 4.0 are integers too, as long as they fit.
  if (j->is_number_float()) {
    const double d = j->get<double>();
    if (d >= 0 && d < 0x1.0p64 && d == std::floor(d)) {
      *out = static_cast<uint64_t>(d);
      return std::nullopt;
    }
  }
  return FieldError(w, "size", "a non-negative integer", ShownJson(*j));
}

Result<Trace> ParseJsonl(std::string_view text, std::string_view file,
                         const std::string& default_bucket) {
  Lines lines(text);
  std::string_view line;
  Trace trace;
  while (lines.Next(&line)) {
    const Where w{file, lines.number()};
    if (TrimBlanks(line).empty()) continue;
    if (JsonNestsDeeperThan(line)) return At(w, "invalid JSON: nested deeper than 64 levels");
    Json record;
    // nlohmann reports bad JSON by exception; none leaves this function.
    try {
      record = Json::parse(line.begin(), line.end());
    } catch (const Json::parse_error& e) {
      const std::string what = e.what();
      const size_t column = what.find(", column ");
      const size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
      return Status::Invalid(std::string(file) + ":" + std::to_string(w.line) + ":" +
                             std::to_string(std::max<size_t>(e.byte, 1)) + ": invalid JSON: " +
                             (colon == std::string::npos ? what : what.substr(colon + 2)));
    } catch (const Json::exception& e) {  // e.g. a number too large for a double
      const std::string what = e.what();
      const size_t bracket = what.find("] ");
      return At(
          w, "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)));
    }
    if (!record.is_object()) return At(w, "expected a JSON object, found " + ShownJson(record));
    TraceOp op;
    const Json* ts = Member(record, "timestamp_s");
    const double seconds = ts && ts->is_number() ? ts->get<double>() : kNotANumber;
    if (auto e = SecondsToNs(seconds, w, ts ? ShownJson(*ts) : "nothing", &op.at)) return *e;
    const Json* name = Member(record, "op");
    const auto kind =
        name && name->is_string() ? KindFromName(name->get<std::string>()) : std::nullopt;
    if (!kind)
      return FieldError(w, "op", "one of \"read\", \"write\", \"list\", \"delete\"",
                        name ? ShownJson(*name) : "nothing");
    op.kind = *kind;
    if (auto e = StringMember(record, "bucket", w, &op.bucket)) return *e;
    if (op.bucket.empty()) op.bucket = default_bucket;
    if (auto e = StringMember(record, "key", w, &op.key)) return *e;
    const Json* key = Member(record, "key");
    if (auto e = CheckKey(w, op, key ? ShownJson(*key) : "nothing")) return *e;
    if (auto e = SizeMember(record, w, &op.size)) return *e;
    if (auto e = StringMember(record, "site", w, &op.site)) return *e;
    trace.ops.push_back(std::move(op));
  }
  return trace;
}

enum class IbmOp { kGet, kHead, kWrite, kDelete, kOther };

IbmOp ClassifyIbm(std::string_view op) {
  if (op == "REST.GET.OBJECT") return IbmOp::kGet;
  if (op == "REST.HEAD.OBJECT") return IbmOp::kHead;
  if (op == "REST.DELETE.OBJECT") return IbmOp::kDelete;
  // Whole-object writes, server-side copies and the steps of a multipart upload.
  static constexpr std::string_view kWrites[] = {
      "REST.PUT.OBJECT",      "REST.POST.OBJECT", "REST.COPY.OBJECT",
      "REST.COPY.OBJECT_PUT", "REST.PUT.PART",    "REST.COPY.PART",
      "REST.POST.UPLOADS",    "REST.POST.UPLOAD", "REST.COMPLETE.UPLOAD"};
  for (const std::string_view w : kWrites)
    if (op == w) return IbmOp::kWrite;
  return IbmOp::kOther;
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  for (;;) {
    line = TrimBlanks(line);
    if (line.empty()) return words;
    size_t end = 0;
    while (end < line.size() && !IsBlank(line[end]))
      ++end;
    words.push_back(line.substr(0, end));
    line.remove_prefix(end);
  }
}

Result<Trace> ParseIbmCos(std::string_view text, std::string_view file,
                          const std::string& default_bucket) {
  Lines lines(text);
  std::string_view line;
  Trace trace;
  while (lines.Next(&line)) {
    const Where w{file, lines.number()};
    const std::vector<std::string_view> words = Words(line);
    if (words.empty()) continue;
    const auto shape_error = [&] {
      return At(w, "expected " + std::string(kIbmShape) + ", found " +
                       std::to_string(words.size()) + (words.size() == 1 ? " field" : " fields"));
    };
    if (words.size() < 2) return shape_error();
    const auto millis = ParseNumber<int64_t>(words[0]);
    if (!millis || *millis < 0)
      return FieldError(w, "timestamp", "a non-negative integer (milliseconds)", Shown(words[0]));
    if (*millis > kMaxMillis)
      return FieldError(w, "timestamp", "at most " + std::to_string(kMaxMillis) + " milliseconds",
                        Shown(words[0]));
    const IbmOp kind = ClassifyIbm(words[1]);
    if (kind == IbmOp::kOther) {
      ++trace.skipped;
      continue;
    }
    if (words.size() != 3 && words.size() != 4 && words.size() != 6) return shape_error();
    TraceOp op;
    op.at = *millis * kMillisecond;
    op.bucket = default_bucket;
    op.key = std::string(words[2]);
    if (words.size() >= 4) {
      const auto size = ParseNumber<uint64_t>(words[3]);
      if (!size) return FieldError(w, "size", "a non-negative integer", Shown(words[3]));
      op.size = *size;
    }
    uint64_t start = 0, end = 0;
    if (words.size() == 6) {
      const auto s = ParseNumber<uint64_t>(words[4]);
      if (!s) return FieldError(w, "start", "a non-negative integer", Shown(words[4]));
      const auto e = ParseNumber<uint64_t>(words[5]);
      if (!e || *e < *s)
        return FieldError(w, "end", "an integer offset >= the start " + std::to_string(*s),
                          Shown(words[5]));
      start = *s;
      end = *e;
    }
    switch (kind) {
      case IbmOp::kGet:
        op.kind = TraceOp::Kind::kRead;
        if (words.size() == 6) {
          // The trace's end offset is inclusive, as in an HTTP Range header.
          op.ranged = true;
          op.range_start = start;
          op.range_end = end == std::numeric_limits<uint64_t>::max() ? end : end + 1;
        }
        break;
      case IbmOp::kHead:
        // Metadata only: a request that moves no data, but still names the object's size.
        op.kind = TraceOp::Kind::kRead;
        op.ranged = true;
        break;
      case IbmOp::kWrite:
        op.kind = TraceOp::Kind::kWrite;
        break;
      case IbmOp::kDelete:
        op.kind = TraceOp::Kind::kDelete;
        break;
      case IbmOp::kOther:  // skipped above
        break;
    }
    trace.ops.push_back(std::move(op));
  }
  return trace;
}

bool KnownFormat(std::string_view format) {
  return format == "csv" || format == "jsonl" || format == "ibm-cos";
}

Status FormatError(std::string_view file, std::string_view format) {
  return Status::Invalid(std::string(file) +
                         ": trace format: expected \"csv\", \"jsonl\" or \"ibm-cos\", found " +
                         Shown(format));
}

}  // namespace

std::string_view KindName(TraceOp::Kind kind) {
  switch (kind) {
    case TraceOp::Kind::kRead:
      return "read";
    case TraceOp::Kind::kWrite:
      return "write";
    case TraceOp::Kind::kList:
      return "list";
    case TraceOp::Kind::kDelete:
      return "delete";
  }
  return "unknown";
}

Result<Trace> ParseTrace(std::string_view text, std::string_view name, std::string_view format,
                         const std::string& default_bucket) {
  if (!KnownFormat(format)) return FormatError(name, format);
  Result<Trace> trace = format == "csv"     ? ParseCsv(text, name, default_bucket)
                        : format == "jsonl" ? ParseJsonl(text, name, default_bucket)
                                            : ParseIbmCos(text, name, default_bucket);
  if (!trace.ok()) return trace;
  // Traces merged from several clients are often out of order by a little; replay needs time
  // order, and the stable sort keeps same-instant requests in the order they were logged.
  std::stable_sort(trace->ops.begin(), trace->ops.end(),
                   [](const TraceOp& a, const TraceOp& b) { return a.at < b.at; });
  return trace;
}

Result<Trace> ReadTrace(const std::string& path, const std::string& format,
                        const std::string& default_bucket) {
  if (!KnownFormat(format)) return FormatError(path, format);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::Invalid(path + ": cannot read the trace: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Invalid(path + ": cannot read the trace: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Invalid(path + ": cannot read the trace: " + std::strerror(errno));
  return ParseTrace(text.str(), path, format, default_bucket);
}

}  // namespace estate
