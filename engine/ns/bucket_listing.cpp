// Object listing with GCS semantics: prefix, delimiter grouping, startOffset/endOffset, page
// size, page tokens that hold a position (not an offset), and versions=true, which walks
// live and noncurrent generations merged in (name, generation) order.
#include <limits>
#include <optional>

#include "engine/ns/bucket.h"
#include "engine/ns/page_token.h"

namespace estate {
namespace {

constexpr int64_t kAllGenerations = std::numeric_limits<int64_t>::max();

// The smallest string greater than every string that starts with p, or nullopt when none
// exists (p is all 0xff bytes).
std::optional<std::string> PrefixSuccessor(std::string_view p) {
  std::string s(p);
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xff)
    s.pop_back();
  if (s.empty()) return std::nullopt;
  s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

}  // namespace

// Walks generations in (name, generation) order from a position; live generations always,
// noncurrent ones when the listing asks for versions.
class Bucket::Stream {
 public:
  Stream(const Bucket& bucket, bool versions)
      : bucket_(bucket),
        versions_(versions),
        live_(bucket.live_.Begin()),
        noncurrent_(bucket.noncurrent_.end()) {}

  // Positions at the first generation after (name, after_generation): generations of name
  // above after_generation, then later names.
  void Seek(std::string_view name, int64_t after_generation) {
    live_ = bucket_.live_.Seek(name);
    if (live_.Valid() && live_.name() == name && live_.generation() <= after_generation) {
      live_.Next();
    }
    if (versions_) {
      noncurrent_ = bucket_.noncurrent_.upper_bound(NoncurrentKey(name, after_generation));
    }
  }
  void SeekEnd() {
    live_ = bucket_.live_.Seek(std::string_view("\xff\xff\xff\xff", 4));
    while (live_.Valid())
      live_.Next();
    noncurrent_ = bucket_.noncurrent_.end();
  }

  bool Valid() const { return live_.Valid() || noncurrent_ != bucket_.noncurrent_.end(); }
  // REQUIRES: Valid().
  std::string_view name() const { return LiveFirst() ? live_.name() : noncurrent_->first.first; }
  int64_t generation() const {
    return LiveFirst() ? live_.generation() : noncurrent_->first.second;
  }
  ObjectMeta meta() const {
    return LiveFirst() ? bucket_.WithBucket(live_.meta()) : noncurrent_->second;
  }
  void Next() {
    if (LiveFirst()) {
      live_.Next();
    } else {
      ++noncurrent_;
    }
  }

 private:
  bool LiveFirst() const {
    if (noncurrent_ == bucket_.noncurrent_.end()) return true;
    if (!live_.Valid()) return false;
    const int c = live_.name().compare(noncurrent_->first.first);
    return c < 0 || (c == 0 && live_.generation() < noncurrent_->first.second);
  }

  const Bucket& bucket_;
  const bool versions_;
  ObjectIndex::Iterator live_;
  std::map<NoncurrentKey, ObjectMeta>::const_iterator noncurrent_;
};

Result<ListPage> Bucket::List(const ListOptions& options) const {
  if (options.max_results < 1 || options.max_results > 1000) {
    return Status::Invalid("maxResults must be between 1 and 1000, got " +
                           std::to_string(options.max_results));
  }
  const uint32_t fingerprint = ListingFingerprint(options);
  const std::string_view prefix = options.prefix;
  const std::string_view delimiter = options.delimiter;

  Stream stream(*this, options.versions);
  const std::string_view lower = std::max(prefix, std::string_view(options.start_offset));
  stream.Seek(lower, -1);
  if (!options.page_token.empty()) {
    Result<PageToken> token = DecodePageToken(options.page_token);
    if (!token.ok()) return token.status();
    if (token->fingerprint != fingerprint) {
      return Status::Invalid(
          "invalid page token: it was issued for a listing with a different "
          "prefix, delimiter, offsets or versions setting");
    }
    if (token->kind == PageToken::Kind::kAfterObject) {
      if (std::string_view(token->key) >= lower) stream.Seek(token->key, token->generation);
    } else if (std::optional<std::string> next = PrefixSuccessor(token->key)) {
      if (std::string_view(*next) > lower) stream.Seek(*next, -1);
    } else {
      stream.SeekEnd();
    }
  }

  ListPage page;
  int emitted = 0;
  PageToken last;
  last.fingerprint = fingerprint;
  while (stream.Valid()) {
    const std::string_view name = stream.name();
    if (!name.starts_with(prefix)) break;  // names >= prefix without it sort after all with it
    if (!options.end_offset.empty() && name >= std::string_view(options.end_offset)) break;
    if (emitted == options.max_results) {
      page.next_page_token = EncodePageToken(last);
      break;
    }
    ++emitted;
    const size_t cut =
        delimiter.empty() ? std::string_view::npos : name.find(delimiter, prefix.size());
    if (cut != std::string_view::npos) {
      std::string group(name.substr(0, cut + delimiter.size()));
      last.kind = PageToken::Kind::kAfterPrefix;
      last.key = group;
      last.generation = 0;
      std::optional<std::string> next = PrefixSuccessor(group);
      page.prefixes.push_back(std::move(group));
      if (next) {
        stream.Seek(*next, -1);
      } else {
        stream.SeekEnd();
      }
      continue;
    }
    last.kind = PageToken::Kind::kAfterObject;
    last.key = std::string(name);
    last.generation = options.versions ? stream.generation() : kAllGenerations;
    page.items.push_back(stream.meta());
    stream.Next();
  }
  return page;
}

}  // namespace estate
