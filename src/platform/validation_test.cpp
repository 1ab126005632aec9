// The shared field checks: each failure names its field and carries the code the area's clients expect.

#include "platform/validation.hpp"

#include <gtest/gtest.h>

namespace manzuma::platform {
namespace {

std::vector<core::FieldError> failures(const Validator& v) {
  try {
    v.check();
  } catch (const core::Error& e) {
    return e.errors();
  }
  return {};
}

TEST(Validator, ADayIsARealCalendarDay) {
  Validator v;
  EXPECT_TRUE(v.day("signed_on", "2024-02-29"));
  EXPECT_FALSE(v.has_errors());
  EXPECT_FALSE(v.day("signed_on", "2023-02-29"));
  EXPECT_FALSE(v.day("due_on", "31/12/2026", "date"));
  const auto e = failures(v);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].field, "signed_on");
  EXPECT_EQ(e[0].code, "invalid_date");
  EXPECT_EQ(e[0].message_en, "Not a valid date (YYYY-MM-DD)");
  EXPECT_FALSE(e[0].message_ar.empty());
  EXPECT_EQ(e[1].field, "due_on");
  EXPECT_EQ(e[1].code, "date");
}

TEST(Validator, ADayOutsideTheAreasYearsFails) {
  Validator v;
  EXPECT_FALSE(v.day("starts_on", "1899-12-31", "date", {1900, 2200}));
  EXPECT_TRUE(v.day("ends_on", "1900-01-01", "date", {1900, 2200}));
  ASSERT_EQ(failures(v).size(), 1u);
  EXPECT_EQ(failures(v)[0].field, "starts_on");
}

TEST(Validator, AnEndBeforeTheStartNamesTheEnd) {
  Validator v;
  EXPECT_FALSE(v.day_range("starts_on", "2023-06-01", "ends_on", "2023-05-31"));
  auto e = failures(v);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "ends_on");
  EXPECT_EQ(e[0].code, "before_start");

  Validator same_day;
  EXPECT_TRUE(same_day.day_range("starts_on", "2023-06-01", "ends_on", "2023-06-01"));
  EXPECT_FALSE(same_day.has_errors());
}

TEST(Validator, ARangeWithBadDaysNamesEachAndSkipsTheOrder) {
  Validator v;
  EXPECT_FALSE(v.day_range("opens_on", "2026-02-30", "closes_on", "2026-01-01", "date"));
  auto e = failures(v);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].field, "opens_on");
  EXPECT_EQ(e[0].code, "date");

  Validator both;
  EXPECT_FALSE(both.day_range("starts_on", "2026-02-30", "ends_on", "31/12/2026"));
  e = failures(both);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].field, "starts_on");
  EXPECT_EQ(e[1].field, "ends_on");
}

}  // namespace
}  // namespace manzuma::platform
