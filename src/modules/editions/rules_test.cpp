// The edition rules without a database: the status machine (its days are platform::Validator::day_range).

#include "modules/editions/rules.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace manzuma::modules::editions {
namespace {

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
