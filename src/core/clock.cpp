#include "core/clock.hpp"

#include <cstdio>
#include <ctime>

#include "core/day.hpp"
#include "core/text.hpp"

namespace manzuma::core {

std::string iso8601(TimePoint t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  int frac = static_cast<int>(ms % 1000);
  if (frac < 0) frac += 1000, --secs;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
  return buf;
}

// Every authenticated request parses two of these (the session's expiry and last activity), so the fixed
// layout is read digit by digit: sscanf took about 6,000 instructions a call, 14% of a session lookup
// (bench/micro/platform_bench). Stricter than sscanf's %d too: no spaces or signs inside the fields.
std::optional<TimePoint> parse_iso8601(std::string_view s) {
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto date = parse_day(s.substr(0, 10));
  const int h = ascii_digits(s, 11, 2), mi = ascii_digits(s, 14, 2), sec = ascii_digits(s, 17, 2);
  if (!date || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return std::nullopt;
  std::size_t i = 19;
  int millis = 0;
  if (s[i] == '.') {
    int n = 0;
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++n)
      if (n < 3) millis = millis * 10 + (s[i] - '0');
    if (n == 0) return std::nullopt;
    for (; n < 3; ++n) millis *= 10;
  }
  int offset_min = 0;
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
    const int oh = ascii_digits(s, i + 1, 2), om = ascii_digits(s, i + 4, 2);
    if (oh < 0 || om < 0) return std::nullopt;
    offset_min = (s[i] == '+' ? 1 : -1) * (oh * 60 + om);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  using namespace std::chrono;
  return sys_days{*date} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{millis} - minutes{offset_min};
}

}  // namespace manzuma::core
