#pragma once
// Field validation shared by every service: collects all failures, then throws one 400 naming each field.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/day.hpp"
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
  /// A real calendar day written YYYY-MM-DD (core::parse_day) within `years`, or nullopt after recording a
  /// failure that carries `code` (most areas say "invalid_date"; adoptions and change say "date").
  std::optional<std::chrono::year_month_day> day(std::string_view field, std::string_view value,
                                                 std::string code = "invalid_date", core::Years years = {});
  /// day() on both ends, then "before_start" on `end_field` when the end is before the start. True when all hold.
  bool day_range(std::string_view start_field, std::string_view start, std::string_view end_field, std::string_view end,
                 std::string code = "invalid_date", core::Years years = {});
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
