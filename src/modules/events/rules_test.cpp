// The event rules without a database: times and the status machine (its days are platform::Validator::day).

#include "modules/events/rules.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace manzuma::modules::events {
namespace {

TEST(EventRules, Times) {
  EXPECT_TRUE(is_clock_time("09:30"));
  EXPECT_TRUE(is_clock_time("23:59"));
  EXPECT_FALSE(is_clock_time("24:00"));
  EXPECT_FALSE(is_clock_time("9:30"));
  EXPECT_FALSE(is_clock_time("09:60"));
}

TEST(EventRules, PlannedMovesToHeldOrCancelledOnly) {
  EXPECT_NO_THROW(require_transition(EventStatus::planned, EventStatus::held));
  EXPECT_NO_THROW(require_transition(EventStatus::planned, EventStatus::cancelled));
  try {
    require_transition(EventStatus::cancelled, EventStatus::held);
    FAIL() << "expected a conflict";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::conflict);
    EXPECT_EQ(e.message_en(), "The event is cancelled; it cannot move to held");
  }
  EXPECT_THROW(require_transition(EventStatus::held, EventStatus::planned), core::Error);
}

TEST(EventRules, RegistrationWhilePlannedAttendanceOnceHeld) {
  EXPECT_NO_THROW(require_open_for_registration(EventStatus::planned));
  EXPECT_THROW(require_open_for_registration(EventStatus::held), core::Error);
  EXPECT_NO_THROW(require_held(EventStatus::held));
  EXPECT_THROW(require_held(EventStatus::planned), core::Error);
}

}  // namespace
}  // namespace manzuma::modules::events
