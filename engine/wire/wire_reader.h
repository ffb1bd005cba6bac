// WireReader: decodes what WireWriter wrote. Every getter fails softly: on truncated or
// malformed input it returns false and the reader stays failed, so a decoder can read all its
// fields and check ok() once. It never reads past the buffer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estate {

class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}

  bool GetU8(uint8_t* v);
  bool GetBool(bool* v);
  bool GetVarint(uint64_t* v);
  bool GetSignedVarint(int64_t* v);
  bool GetFixed32(uint32_t* v);
  // REQUIRES: the string's bytes fit in what is left of the buffer.
  bool GetString(std::string* s);
  // Reads what WireWriter::PutOptionalSignedVarint wrote.
  bool GetOptionalSignedVarint(std::optional<int64_t>* v);

  bool ok() const { return ok_; }
  // True when every byte was consumed and nothing failed.
  bool done() const { return ok_ && pos_ == data_.size(); }

 private:
  bool Fail() {
    ok_ = false;
    return false;
  }

  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace estate
