// The edition rules without a database: dates and the status machine.

#include "modules/editions/rules.hpp"

#include <gtest/gtest.h>

namespace manzuma::modules::editions {
namespace {

TEST(EditionRules, DatesMustBeRealDays) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2023-13-01"));
  EXPECT_FALSE(is_iso_date("2023-1-01"));
  EXPECT_FALSE(is_iso_date("01/06/2023"));
  EXPECT_FALSE(is_iso_date(""));
}

TEST(EditionRules, EndBeforeStartNamesEndsOn) {
  platform::Validator v;
  check_period(v, "2023-06-01", "2023-05-31");
  try {
    v.check();
    FAIL() << "expected a validation error";
  } catch (const core::Error& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].field, "ends_on");
    EXPECT_EQ(e.errors()[0].code, "before_start");
  }
  platform::Validator same_day;
  check_period(same_day, "2023-06-01", "2023-06-01");
  EXPECT_FALSE(same_day.has_errors());
}

TEST(EditionRules, OnlyPlanningToOpenToClosed) {
  EXPECT_NO_THROW(require_transition(EditionStatus::planning, EditionStatus::open));
  EXPECT_NO_THROW(require_transition(EditionStatus::open, EditionStatus::closed));
  for (auto [from, to] :
       {std::pair{EditionStatus::planning, EditionStatus::closed},
        std::pair{EditionStatus::open, EditionStatus::planning}, std::pair{EditionStatus::closed, EditionStatus::open},
        std::pair{EditionStatus::open, EditionStatus::open}}) {
    try {
      require_transition(from, to);
      FAIL() << "expected a conflict";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
      EXPECT_EQ(e.code(), "invalid_transition");
    }
  }
  try {
    require_transition(EditionStatus::closed, EditionStatus::open);
  } catch (const core::Error& e) {
    EXPECT_EQ(e.message_en(), "The edition is closed; it cannot move to open (closing is final)");
  }
}

}  // namespace
}  // namespace manzuma::modules::editions
