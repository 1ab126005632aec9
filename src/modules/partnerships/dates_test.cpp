// The calendar arithmetic behind MoU expiry and reminders.

#include "modules/partnerships/dates.hpp"

#include <gtest/gtest.h>

namespace manzuma::modules::partnerships {
namespace {

TEST(PartnershipDates, ParsesOnlyRealDays) {
  EXPECT_TRUE(parse_day("2024-02-29"));
  EXPECT_FALSE(parse_day("2023-02-29"));
  EXPECT_FALSE(parse_day("2024-13-01"));
  EXPECT_FALSE(parse_day("2024-1-01"));
  EXPECT_FALSE(parse_day("2024-01-01T00:00"));
  EXPECT_FALSE(parse_day("+024-01-01"));
  EXPECT_FALSE(parse_day(""));
}

TEST(PartnershipDates, MonthsAddedClampToTheMonthsLastDay) {
  EXPECT_EQ(add_months(*parse_day("2025-05-20"), 24), "2027-05-20");
  EXPECT_EQ(add_months(*parse_day("2024-01-31"), 1), "2024-02-29");
  EXPECT_EQ(add_months(*parse_day("2025-11-30"), 3), "2026-02-28");
  EXPECT_EQ(add_months(*parse_day("2025-12-15"), 1), "2026-01-15");
}

TEST(PartnershipDates, DaysBetweenAndAddDays) {
  EXPECT_EQ(days_between("2026-11-23", "2027-01-22"), 60);
  EXPECT_EQ(days_between("2026-03-01", "2026-02-28"), -1);
  EXPECT_EQ(add_days(*parse_day("2026-12-31"), 1), "2027-01-01");
  EXPECT_EQ(add_days(*parse_day("2024-03-01"), -1), "2024-02-29");
}

TEST(PartnershipDates, TodayIsTheUtcDay) {
  core::ManualClock clock(*core::parse_iso8601("2026-11-23T23:59:59Z"));
  EXPECT_EQ(today(clock), "2026-11-23");
}

}  // namespace
}  // namespace manzuma::modules::partnerships
