// WireWriter: appends a compact binary encoding (LEB128 varints, length-prefixed strings) of
// engine messages and log entries. The same bytes cross SimGrid mailboxes and real TCP links,
// so the encoding is explicit and independent of host layout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estate {

class WireWriter {
 public:
  void PutU8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void PutBool(bool v) { PutU8(v ? 1 : 0); }
  void PutVarint(uint64_t v);
  // Zig-zag encoded, so small negative numbers stay small.
  void PutSignedVarint(int64_t v);
  void PutFixed32(uint32_t v);
  void PutString(std::string_view s);
  // A presence flag, then the value when present.
  void PutOptionalSignedVarint(const std::optional<int64_t>& v) {
    PutBool(v.has_value());
    if (v) PutSignedVarint(*v);
  }

  const std::string& data() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace estate
