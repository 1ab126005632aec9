// The calendar arithmetic behind every area's days: expiry, reminders, plan health, notices.

#include "core/day.hpp"

#include <gtest/gtest.h>

namespace manzuma::core {
namespace {

TEST(Day, ParsesOnlyRealDaysWithFourDigitYears) {
  EXPECT_TRUE(parse_day("2024-02-29"));
  EXPECT_TRUE(parse_day("0000-01-01"));
  EXPECT_FALSE(parse_day("2023-02-29"));
  EXPECT_FALSE(parse_day("2024-13-01"));
  EXPECT_FALSE(parse_day("2024-00-10"));
  EXPECT_FALSE(parse_day("2024-04-31"));
  EXPECT_FALSE(parse_day("2024-1-01"));
  EXPECT_FALSE(parse_day("2024-01-01T00:00"));
  EXPECT_FALSE(parse_day("+024-01-01"));
  EXPECT_FALSE(parse_day("-024-01-01"));
  EXPECT_FALSE(parse_day(" 2024-01-01"));
  EXPECT_FALSE(parse_day("2024/01/01"));
  EXPECT_FALSE(parse_day("01/06/2023"));
  EXPECT_FALSE(parse_day("٢٠٢٦-٠١-٠١"));
  EXPECT_FALSE(parse_day(""));
  EXPECT_EQ(format_day(*parse_day("2024-02-29")), "2024-02-29");
  EXPECT_EQ(format_day(*parse_day("0987-06-05")), "0987-06-05");
}

TEST(Day, AnAreaMayNarrowTheYears) {
  EXPECT_TRUE(parse_day("1900-01-01", {1900, 2200}));
  EXPECT_TRUE(parse_day("2200-12-31", {1900, 2200}));
  EXPECT_FALSE(parse_day("1899-12-31", {1900, 2200}));
  EXPECT_FALSE(parse_day("2201-01-01", {1900, 2200}));
  EXPECT_FALSE(parse_day("2023-02-29", {1900, 2200}));
}

TEST(Day, MonthsAddedClampToTheMonthsLastDay) {
  EXPECT_EQ(format_day(add_months(*parse_day("2025-05-20"), 24)), "2027-05-20");
  EXPECT_EQ(format_day(add_months(*parse_day("2024-01-31"), 1)), "2024-02-29");
  EXPECT_EQ(format_day(add_months(*parse_day("2025-11-30"), 3)), "2026-02-28");
  EXPECT_EQ(format_day(add_months(*parse_day("2025-12-15"), 1)), "2026-01-15");
  EXPECT_EQ(format_day(add_months(*parse_day("2026-03-31"), -1)), "2026-02-28");
}

TEST(Day, DaysBetweenAndAddDays) {
  EXPECT_EQ(days_between("2026-11-23", "2027-01-22"), 60);
  EXPECT_EQ(days_between("2026-03-01", "2026-02-28"), -1);
  EXPECT_EQ(days_between("2025-12-31", "2026-01-02"), 2);
  EXPECT_EQ(days_between(*parse_day("2024-02-28"), *parse_day("2024-03-01")), 2);
  EXPECT_EQ(format_day(add_days(*parse_day("2026-12-31"), 1)), "2027-01-01");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
  EXPECT_THROW(add_days("2026-02-30", 1), std::bad_optional_access);
}

TEST(Day, TodayIsTheUtcDay) {
  ManualClock clock(*parse_iso8601("2026-11-23T23:59:59Z"));
  EXPECT_EQ(today(clock), "2026-11-23");
  clock.advance(std::chrono::seconds{1});
  EXPECT_EQ(today(clock), "2026-11-24");
}

TEST(Day, Months) {
  EXPECT_EQ(format_month(*parse_month("2026-03")), "2026-03");
  EXPECT_EQ(format_month(*parse_month("2026-12") + std::chrono::months{1}), "2027-01");
  EXPECT_FALSE(parse_month("2026-13"));
  EXPECT_FALSE(parse_month("2026-00"));
  EXPECT_FALSE(parse_month("2026-3"));
  EXPECT_FALSE(parse_month("2026-03-01"));
  EXPECT_FALSE(parse_month("1899-12", {1900, 9999}));
}

}  // namespace
}  // namespace manzuma::core
