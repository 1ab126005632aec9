#include "modules/partnerships/dates.hpp"

#include <charconv>
#include <cstdio>

namespace manzuma::modules::partnerships {

namespace chr = std::chrono;

std::optional<chr::year_month_day> parse_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [&](std::size_t pos, std::size_t len, auto& out) {
    for (std::size_t i = pos; i < pos + len; ++i)
      if (text[i] < '0' || text[i] > '9') return false;
    return std::from_chars(text.data() + pos, text.data() + pos + len, out).ec == std::errc{};
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  const chr::year_month_day day{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!day.ok()) return std::nullopt;
  return day;
}

std::string format_day(chr::year_month_day day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return buf;
}

std::string add_months(chr::year_month_day day, std::int64_t months) {
  const chr::year_month ym = chr::year_month{day.year(), day.month()} + chr::months{months};
  const chr::year_month_day_last last{ym.year(), chr::month_day_last{ym.month()}};
  const chr::day d = day.day() > last.day() ? last.day() : day.day();
  return format_day({ym.year(), ym.month(), d});
}

std::string add_days(chr::year_month_day day, std::int64_t days) {
  return format_day(chr::year_month_day{chr::sys_days{day} + chr::days{days}});
}

std::int64_t days_between(std::string_view from, std::string_view to) {
  const auto a = parse_day(from), b = parse_day(to);
  if (!a || !b) return 0;
  return (chr::sys_days{*b} - chr::sys_days{*a}).count();
}

std::string today(const core::Clock& clock) {
  return format_day(chr::year_month_day{chr::floor<chr::days>(clock.now())});
}

}  // namespace manzuma::modules::partnerships
