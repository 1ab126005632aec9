#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace manzuma::core {
namespace {

TEST(Clock, Iso8601RoundTrips) {
  const auto t = parse_iso8601("2026-11-23T08:58:58.123Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(iso8601(*t), "2026-11-23T08:58:58.123Z");
  EXPECT_EQ(iso8601(*parse_iso8601("2026-11-23T12:58:58+04:00")), "2026-11-23T08:58:58.000Z");
}

TEST(Clock, RejectsMalformedDates) {
  EXPECT_FALSE(parse_iso8601("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-11-23"));
  EXPECT_FALSE(parse_iso8601("2026-11-23T08:58:58"));
  EXPECT_FALSE(parse_iso8601("2026-11-23T08:58:58Zjunk"));
}

TEST(Clock, ManualClockMovesOnlyWhenTold) {
  ManualClock c(*parse_iso8601("2026-01-01T00:00:00Z"));
  c.advance(std::chrono::minutes(90));
  EXPECT_EQ(iso8601(c.now()), "2026-01-01T01:30:00.000Z");
}

}  // namespace
}  // namespace manzuma::core
