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

// The parser reads the fixed layout digit by digit (no sscanf): every instant the writer can produce must come
// back exactly, across month ends, leap days and centuries.
TEST(Clock, Iso8601RoundTripsEveryWrittenInstant) {
  auto t = *parse_iso8601("1999-12-31T23:59:59.999Z");
  for (int i = 0; i < 20000; ++i) {
    t += std::chrono::milliseconds(3'600'000LL * 37 + 1'234 + i);
    const auto text = iso8601(t);
    const auto back = parse_iso8601(text);
    ASSERT_TRUE(back) << text;
    EXPECT_EQ(*back, t) << text;
  }
  EXPECT_EQ(iso8601(*parse_iso8601("2028-02-29T00:00:00Z")), "2028-02-29T00:00:00.000Z");
}

TEST(Clock, ParsesFractionsAndOffsets) {
  EXPECT_EQ(iso8601(*parse_iso8601("2026-11-23T08:58:58.5Z")), "2026-11-23T08:58:58.500Z");
  EXPECT_EQ(iso8601(*parse_iso8601("2026-11-23T08:58:58.123456Z")), "2026-11-23T08:58:58.123Z");
  EXPECT_EQ(iso8601(*parse_iso8601("2026-11-23T01:30:00-02:30")), "2026-11-23T04:00:00.000Z");
  EXPECT_EQ(iso8601(*parse_iso8601("2026-01-01T02:00:00.250+04:00")), "2025-12-31T22:00:00.250Z");
}

TEST(Clock, RejectsWhatIsNotIso8601) {
  for (const char* bad :
       {"", "2026-11-23T08:58:58.Z", "2026-11-23 08:58:58Z", "2026-11-23t08:58:58Z", "2026-11-23T08:58:58z",
        "2026-11- 3T08:58:58Z", "2026-+1-23T08:58:58Z", "+026-11-23T08:58:58Z", "2026-13-23T08:58:58Z",
        "2026-00-23T08:58:58Z", "2026-11-00T08:58:58Z", "2026-11-23T24:00:00Z", "2026-11-23T08:60:00Z",
        "2026-11-23T08:58:61Z", "2026-11-23T08:58:58+0a:00", "2026-11-23T08:58:58+04:00:00", "2026-11-23T08:58:58+0400",
        "2026/11/23T08:58:58Z", "2026-11-23T08:58:5Z"})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

TEST(Clock, ManualClockMovesOnlyWhenTold) {
  ManualClock c(*parse_iso8601("2026-01-01T00:00:00Z"));
  c.advance(std::chrono::minutes(90));
  EXPECT_EQ(iso8601(c.now()), "2026-01-01T01:30:00.000Z");
}

}  // namespace
}  // namespace manzuma::core
