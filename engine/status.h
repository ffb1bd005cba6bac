// Status: the outcome of an engine operation, as a value. Codes mirror the GCS JSON API's
// HTTP codes and reasons so that the service can return them verbatim and the simulator can
// count them by kind. No exception crosses an engine API.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace estate {

enum class StatusCode : int {
  kOk = 200,
  kInvalid = 400,             // reason "invalid": a malformed name or argument
  kUnauthorized = 401,        // reason "required": no credentials
  kForbidden = 403,           // reason "forbidden": credentials not allowed
  kNotFound = 404,            // reason "notFound"
  kConflict = 409,            // reason "conflict": e.g. bucket exists, bucket not empty
  kPreconditionFailed = 412,  // reason "conditionNotMet": a generation precondition failed
  kResourceExhausted = 429,   // reason "rateLimitExceeded": throttled; retry later
  kInternal = 500,            // reason "internalError"
  kUnavailable = 503,         // reason "backendError": retryable, e.g. no quorum
};

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status Invalid(std::string msg) { return {StatusCode::kInvalid, std::move(msg)}; }
  static Status Unauthorized(std::string msg) {
    return {StatusCode::kUnauthorized, std::move(msg)};
  }
  static Status Forbidden(std::string msg) { return {StatusCode::kForbidden, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Conflict(std::string msg) { return {StatusCode::kConflict, std::move(msg)}; }
  static Status PreconditionFailed(std::string msg) {
    return {StatusCode::kPreconditionFailed, std::move(msg)};
  }
  static Status ResourceExhausted(std::string msg) {
    return {StatusCode::kResourceExhausted, std::move(msg)};
  }
  static Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }
  static Status Unavailable(std::string msg) {
    return {StatusCode::kUnavailable, std::move(msg)};
  }
  // 503 for a request turned away before it could take any effect (no leader, replica
  // unreachable): the client may retry without wondering whether the first attempt landed.
  // Plain Unavailable means the outcome is unknown.
  static Status Refused(std::string msg) {
    Status s(StatusCode::kUnavailable, std::move(msg));
    s.refused_ = true;
    return s;
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  bool IsInvalid() const { return code_ == StatusCode::kInvalid; }
  bool IsNotFound() const { return code_ == StatusCode::kNotFound; }
  bool IsConflict() const { return code_ == StatusCode::kConflict; }
  bool IsPreconditionFailed() const { return code_ == StatusCode::kPreconditionFailed; }
  bool IsResourceExhausted() const { return code_ == StatusCode::kResourceExhausted; }
  bool IsUnavailable() const { return code_ == StatusCode::kUnavailable; }
  // True for Refused(): the operation certainly had no effect.
  bool refused() const { return refused_; }

  StatusCode code() const { return code_; }
  int http_code() const { return static_cast<int>(code_); }
  // The GCS JSON API "reason" string for this code, e.g. "conditionNotMet".
  std::string_view reason() const;
  const std::string& message() const { return message_; }
  // "412 conditionNotMet: <message>", or "OK".
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  Status(StatusCode code, std::string msg) : code_(code), message_(std::move(msg)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  bool refused_ = false;
};

}  // namespace estate
