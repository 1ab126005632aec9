#pragma once
// Calendar days as the MoU rules need them: "YYYY-MM-DD" text in, text out (how dates are stored).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace manzuma::modules::partnerships {

/// A valid calendar day written YYYY-MM-DD, or nullopt.
std::optional<std::chrono::year_month_day> parse_day(std::string_view text);
std::string format_day(std::chrono::year_month_day day);
/// `day` plus `months`; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb).
std::string add_months(std::chrono::year_month_day day, std::int64_t months);
/// `day` plus `days` (negative goes back).
std::string add_days(std::chrono::year_month_day day, std::int64_t days);
/// Whole days from `from` to `to` (negative when `to` is earlier); both must be valid days.
std::int64_t days_between(std::string_view from, std::string_view to);
/// Today's UTC day.
std::string today(const core::Clock& clock);

}  // namespace manzuma::modules::partnerships
