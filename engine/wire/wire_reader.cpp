#include "engine/wire/wire_reader.h"

namespace estate {

bool WireReader::GetU8(uint8_t* v) {
  if (!ok_ || pos_ >= data_.size()) return Fail();
  *v = static_cast<uint8_t>(data_[pos_++]);
  return true;
}

bool WireReader::GetBool(bool* v) {
  uint8_t b = 0;
  if (!GetU8(&b) || b > 1) return Fail();
  *v = b == 1;
  return true;
}

bool WireReader::GetVarint(uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t byte = 0;
    if (!GetU8(&byte)) return false;
    // The tenth byte may only contribute the top bit of a 64-bit value.
    if (shift == 63 && byte > 1) return Fail();
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return Fail();
}

bool WireReader::GetSignedVarint(int64_t* v) {
  uint64_t u = 0;
  if (!GetVarint(&u)) return false;
  *v = static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
  return true;
}

bool WireReader::GetFixed32(uint32_t* v) {
  if (!ok_ || data_.size() - pos_ < 4) return Fail();
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i)
    r |= static_cast<uint32_t>(static_cast<uint8_t>(data_[pos_ + i])) << (8 * i);
  pos_ += 4;
  *v = r;
  return true;
}

bool WireReader::GetString(std::string* s) {
  uint64_t len = 0;
  if (!GetVarint(&len)) return false;
  if (len > data_.size() - pos_) return Fail();
  s->assign(data_.substr(pos_, len));
  pos_ += len;
  return true;
}

bool WireReader::GetOptionalSignedVarint(std::optional<int64_t>* v) {
  bool present = false;
  if (!GetBool(&present)) return false;
  if (!present) {
    v->reset();
    return true;
  }
  int64_t x = 0;
  if (!GetSignedVarint(&x)) return false;
  *v = x;
  return true;
}

}  // namespace estate
