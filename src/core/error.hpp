#pragma once
// The one error type a request that cannot go on throws. Only src/http/ turns it into problem+json.

#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace manzuma::core {

/// What went wrong, from the client's point of view; decides the HTTP status.
enum class ErrorKind {
  invalid_input,           // 400
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  method_not_allowed,      // 405
  conflict,                // 409
  payload_too_large,       // 413
  unsupported_media_type,  // 415
  too_many_requests,       // 429
  internal,                // 500
  unavailable,             // 503
};

/// One failed field of a request body or query: `field` is a dotted path ("items[2].name").
struct FieldError {
  std::string field;
  std::string code;
  std::string message_ar;
  std::string message_en;
};

/// A request that cannot go on. The messages are public; `internal_detail` is logged, never sent.
class Error : public std::exception {
 public:
  Error(ErrorKind kind, std::string code, std::string message_ar, std::string message_en, std::string field = {})
      : kind_(kind),
        code_(std::move(code)),
        message_ar_(std::move(message_ar)),
        message_en_(std::move(message_en)),
        field_(std::move(field)) {}

  /// A validation failure naming every bad field at once.
  static Error invalid(std::vector<FieldError> errors);
  /// A validation failure of one field.
  static Error invalid_field(std::string field, std::string code, std::string message_ar, std::string message_en);
  /// A record that does not exist (or that the caller may not know exists); full sentences in both languages.
  static Error not_found(std::string message_ar, std::string message_en);
  static Error forbidden();
  static Error unauthenticated();
  /// Something broke inside; the client sees a generic message, the log sees `detail`.
  static Error internal(std::string detail);

  const char* what() const noexcept override { return message_en_.c_str(); }
  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& message_ar() const { return message_ar_; }
  const std::string& message_en() const { return message_en_; }
  const std::string& field() const { return field_; }
  const std::vector<FieldError>& errors() const { return errors_; }
  const std::string& internal_detail() const { return internal_detail_; }
  /// Seconds a client should wait (429, 503); 0 when not set.
  int retry_after() const { return retry_after_; }

  Error& with_detail(std::string detail) & {
    internal_detail_ = std::move(detail);
    return *this;
  }
  Error&& with_detail(std::string detail) && {
    internal_detail_ = std::move(detail);
    return std::move(*this);
  }
  Error&& with_retry_after(int seconds) && {
    retry_after_ = seconds;
    return std::move(*this);
  }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string message_ar_;
  std::string message_en_;
  std::string field_;
  std::vector<FieldError> errors_;
  std::string internal_detail_;
  int retry_after_ = 0;
};

/// The HTTP status that belongs to a kind.
int http_status(ErrorKind kind);

}  // namespace manzuma::core
