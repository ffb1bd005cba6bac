#include "engine/wire/wire_writer.h"

namespace estate {

void WireWriter::PutVarint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void WireWriter::PutSignedVarint(int64_t v) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void WireWriter::PutFixed32(uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void WireWriter::PutString(std::string_view s) {
  PutVarint(s.size());
  out_.append(s);
}

}  // namespace estate
