#include "core/day.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace manzuma::core {

namespace chr = std::chrono;

std::optional<chr::year_month_day> parse_day(std::string_view text, Years years) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = ascii_digits(text, 0, 4), m = ascii_digits(text, 5, 2), d = ascii_digits(text, 8, 2);
  if (y < years.first || y > years.last || m < 0 || d < 0) return std::nullopt;
  const chr::year_month_day day{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string format_day(chr::year_month_day day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return buf;
}

chr::year_month_day add_days(chr::year_month_day day, std::int64_t days) {
  return chr::year_month_day{chr::sys_days{day} + chr::days{days}};
}

std::string add_days(std::string_view day, std::int64_t days) {
  return format_day(add_days(parse_day(day).value(), days));
}

chr::year_month_day add_months(chr::year_month_day day, std::int64_t months) {
  const chr::year_month ym = chr::year_month{day.year(), day.month()} + chr::months{months};
  const chr::day last = chr::year_month_day_last{ym.year(), chr::month_day_last{ym.month()}}.day();
  return {ym.year(), ym.month(), day.day() > last ? last : day.day()};
}

std::int64_t days_between(chr::year_month_day from, chr::year_month_day to) {
  return (chr::sys_days{to} - chr::sys_days{from}).count();
}

std::int64_t days_between(std::string_view from, std::string_view to) {
  return days_between(parse_day(from).value(), parse_day(to).value());
}

std::string today(const Clock& clock) { return format_day(chr::year_month_day{chr::floor<chr::days>(clock.now())}); }

std::optional<chr::year_month> parse_month(std::string_view text, Years years) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const int y = ascii_digits(text, 0, 4), m = ascii_digits(text, 5, 2);
  if (y < years.first || y > years.last || m < 1 || m > 12) return std::nullopt;
  return chr::year_month{chr::year{y}, chr::month{static_cast<unsigned>(m)}};
}

std::string format_month(chr::year_month month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
  return buf;
}

}  // namespace manzuma::core
