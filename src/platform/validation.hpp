#pragma once
// Field validation shared by every service: collects all failures, then throws one 400 naming each field.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace manzuma::platform {

class Validator {
 public:
  /// Trims `value` and checks it has between `min` and `max` characters and no control characters.
  /// Returns the trimmed text (what gets stored).
  std::string text(std::string_view field, std::string_view value, std::size_t min, std::size_t max);
  /// As text(), and the value must contain Arabic letters (an Arabic name written in Arabic).
  std::string arabic_text(std::string_view field, std::string_view value, std::size_t min, std::size_t max);
  /// An e-mail address, lower-cased.
  std::string email(std::string_view field, std::string_view value);
  /// Records a failure.
  void fail(std::string_view field, std::string code, std::string message_ar, std::string message_en);
  bool has_errors() const { return !errors_.empty(); }
  /// Throws the collected failures, if any.
  void check() const;

 private:
  std::vector<core::FieldError> errors_;
};

/// A 409 for a write against a stale version.
core::Error stale_version();

}  // namespace manzuma::platform
