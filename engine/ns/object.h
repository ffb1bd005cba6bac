// Value types of the namespace, with GCS JSON API semantics. These are what callers see; the
// object index stores them in a compact internal form.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/site.h"
#include "engine/time.h"

namespace estate {

enum class StorageClass : uint8_t { kStandard, kNearline, kColdline, kArchive };

// "STANDARD", "NEARLINE", "COLDLINE", "ARCHIVE".
const char* StorageClassName(StorageClass c);
// Parses a GCS storage class name (upper case). Returns nullopt when unknown.
std::optional<StorageClass> ParseStorageClass(std::string_view name);

struct BucketMeta {
  std::string name;
  bool versioning = false;  // keep noncurrent generations
  StorageClass default_storage_class = StorageClass::kStandard;
  int64_t metageneration = 1;
  TimeNs create_time = 0;
  TimeNs update_time = 0;
};

// What a writer supplies for a new object generation.
struct ObjectWrite {
  uint64_t size = 0;
  uint32_t crc32c = 0;
  std::string md5;  // 16 raw bytes, or empty when unknown
  std::string content_type = "application/octet-stream";
  std::map<std::string, std::string> metadata;  // custom metadata
  std::optional<StorageClass> storage_class;    // defaults to the bucket's

  friend bool operator==(const ObjectWrite&, const ObjectWrite&) = default;
};

// A metadata patch: only the fields that are set change. A metadata value of nullopt removes
// that key, as JSON null does in the GCS API.
struct ObjectPatch {
  std::optional<std::string> content_type;
  std::map<std::string, std::optional<std::string>> metadata;
  std::optional<StorageClass> storage_class;

  friend bool operator==(const ObjectPatch&, const ObjectPatch&) = default;
};

struct ObjectMeta {
  std::string bucket;
  std::string name;
  int64_t generation = 0;      // new and increasing on every overwrite
  int64_t metageneration = 1;  // 1 on creation, +1 on every metadata patch
  uint64_t size = 0;
  uint32_t crc32c = 0;
  std::string md5;
  std::string content_type;
  std::map<std::string, std::string> metadata;
  StorageClass storage_class = StorageClass::kStandard;
  TimeNs create_time = 0;             // when this generation was written
  TimeNs update_time = 0;             // last metadata change of this generation
  std::optional<TimeNs> delete_time;  // set on noncurrent (archived) generations
  SiteSet residency;                  // sites that hold this generation's bytes

  bool live() const { return !delete_time.has_value(); }
};

// GCS preconditions. if_generation_match == 0 means "only if no live object exists".
struct Preconditions {
  std::optional<int64_t> if_generation_match;
  std::optional<int64_t> if_generation_not_match;
  std::optional<int64_t> if_metageneration_match;
  std::optional<int64_t> if_metageneration_not_match;

  bool empty() const {
    return !if_generation_match && !if_generation_not_match && !if_metageneration_match &&
           !if_metageneration_not_match;
  }
  friend bool operator==(const Preconditions&, const Preconditions&) = default;
};

struct ListOptions {
  std::string prefix;
  std::string delimiter;     // empty: no grouping
  std::string start_offset;  // inclusive lower bound on names
  std::string end_offset;    // exclusive upper bound; empty: none
  int max_results = 1000;    // items + prefixes per page, 1..1000 as in GCS
  std::string page_token;    // opaque; from the previous page's next_page_token
  bool versions = false;     // include noncurrent generations
};

struct ListPage {
  std::vector<ObjectMeta> items;
  std::vector<std::string> prefixes;  // with a delimiter: the distinct "directories"
  std::string next_page_token;        // empty on the last page
};

}  // namespace estate
