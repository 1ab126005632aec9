#pragma once
// Time as the platform sees it: injectable, so tests never sleep; always UTC on the wire.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace manzuma::core {

using TimePoint = std::chrono::system_clock::time_point;

/// The source of "now".
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

/// The real clock.
class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that moves only when told (tests).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint t) : now_(t) {}
  TimePoint now() const override { return now_; }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  TimePoint now_;
};

/// UTC ISO-8601 with milliseconds: 2026-11-23T08:58:58.123Z (sorts as text, same in both databases).
std::string iso8601(TimePoint t);
/// Parses what iso8601() writes, or a date-time with "Z"/offset and optional fraction; nullopt if malformed.
std::optional<TimePoint> parse_iso8601(std::string_view s);

}  // namespace manzuma::core
