#pragma once
// Calendar days as the platform stores and sends them: "YYYY-MM-DD" text (sorts as text, same in both
// databases), parsed strictly and shifted here, in one place, for every area.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace manzuma::core {

/// The years a day may fall in: every four-digit year unless an area narrows it (a plan starting in 0026
/// is a typo, not history).
struct Years {
  int first = 0;
  int last = 9999;
};

/// A real calendar day written YYYY-MM-DD (ASCII digits, four-digit year) within `years`, or nullopt.
std::optional<std::chrono::year_month_day> parse_day(std::string_view text, Years years = {});
/// YYYY-MM-DD.
std::string format_day(std::chrono::year_month_day day);
/// `day` plus `days` (negative goes back).
std::chrono::year_month_day add_days(std::chrono::year_month_day day, std::int64_t days);
/// As above on text; `day` must be a valid day (throws std::bad_optional_access otherwise).
std::string add_days(std::string_view day, std::int64_t days);
/// `day` plus `months`; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb).
std::chrono::year_month_day add_months(std::chrono::year_month_day day, std::int64_t months);
/// Whole days from `from` to `to` (negative when `to` is earlier).
std::int64_t days_between(std::chrono::year_month_day from, std::chrono::year_month_day to);
/// As above on text; both must be valid days (throws std::bad_optional_access otherwise).
std::int64_t days_between(std::string_view from, std::string_view to);
/// Today's UTC day, YYYY-MM-DD.
std::string today(const Clock& clock);

/// A month written YYYY-MM (ASCII digits, four-digit year) within `years`, or nullopt.
std::optional<std::chrono::year_month> parse_month(std::string_view text, Years years = {});
/// YYYY-MM.
std::string format_month(std::chrono::year_month month);

}  // namespace manzuma::core
