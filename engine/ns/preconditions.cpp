// GCS precondition semantics: "0" in ifGenerationMatch means "no live object"; a missing
// target fails every other condition, since there is no value to compare.
#include "engine/ns/preconditions.h"

#include <string>

#include "engine/ns/name_validation.h"

namespace estate {
namespace {

Status Failed(const char* condition, int64_t wanted, std::string_view bucket, std::string_view name,
              const std::string& actual) {
  return Status::PreconditionFailed("precondition " + std::string(condition) + "=" +
                                    std::to_string(wanted) + " failed for object " +
                                    QuoteObject(bucket, name) + ": " + actual);
}

}  // namespace

std::string QuoteObject(std::string_view bucket, std::string_view name) {
  std::string full(bucket);
  full += '/';
  full += name;
  return QuoteForMessage(full);
}

Status CheckPreconditions(const Preconditions& pre, const ObjectMeta* target,
                          std::string_view bucket, std::string_view name) {
  const std::string absent = "no live generation exists";
  auto gen_text = [&] { return "actual generation is " + std::to_string(target->generation); };
  auto meta_text = [&] {
    return "actual metageneration is " + std::to_string(target->metageneration);
  };
  if (pre.if_generation_match) {
    const int64_t want = *pre.if_generation_match;
    if (target == nullptr) {
      if (want != 0) return Failed("ifGenerationMatch", want, bucket, name, absent);
    } else if (target->generation != want) {
      return Failed("ifGenerationMatch", want, bucket, name, gen_text());
    }
  }
  if (pre.if_generation_not_match) {
    const int64_t want = *pre.if_generation_not_match;
    if (target == nullptr) return Failed("ifGenerationNotMatch", want, bucket, name, absent);
    if (target->generation == want) {
      return Failed("ifGenerationNotMatch", want, bucket, name, gen_text());
    }
  }
  if (pre.if_metageneration_match) {
    const int64_t want = *pre.if_metageneration_match;
    if (target == nullptr) return Failed("ifMetagenerationMatch", want, bucket, name, absent);
    if (target->metageneration != want) {
      return Failed("ifMetagenerationMatch", want, bucket, name, meta_text());
    }
  }
  if (pre.if_metageneration_not_match) {
    const int64_t want = *pre.if_metageneration_not_match;
    if (target == nullptr) return Failed("ifMetagenerationNotMatch", want, bucket, name, absent);
    if (target->metageneration == want) {
      return Failed("ifMetagenerationNotMatch", want, bucket, name, meta_text());
    }
  }
  return Status::Ok();
}

}  // namespace estate
