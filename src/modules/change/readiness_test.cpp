// The pure rules of readiness and saturation: the ADKAR barrier point and the heatmap's cells.

#include "modules/change/readiness.hpp"

#include <gtest/gtest.h>

#include "modules/change/insights.hpp"

namespace manzuma::modules::change {
namespace {

// Sums of `n` answers per element (awareness, desire, knowledge, ability, reinforcement).
readiness::TallySums sums(std::int64_t n, std::int64_t a, std::int64_t d, std::int64_t k, std::int64_t ab,
                          std::int64_t r) {
  return {n, a, d, k, ab, r};
}

TEST(BarrierPoint, IsTheFirstElementInAdkarOrderAtThreeOrBelow) {
  EXPECT_EQ(barrier_point(sums(10, 42, 38, 29, 21, 15)), AdkarElement::knowledge);
  // Exactly 3 is a barrier ("scoring 3 or less").
  EXPECT_EQ(barrier_point(sums(10, 40, 30, 20, 40, 40)), AdkarElement::desire);
  EXPECT_EQ(barrier_point(sums(10, 10, 10, 10, 10, 10)), AdkarElement::awareness);
  EXPECT_EQ(barrier_point(sums(10, 40, 40, 40, 40, 30)), AdkarElement::reinforcement);
}

TEST(BarrierPoint, NoneWhenEveryMeanIsAboveThree) {
  EXPECT_EQ(barrier_point(sums(100, 301, 400, 500, 350, 440)), std::nullopt);
  EXPECT_EQ(barrier_point(sums(0, 0, 0, 0, 0, 0)), std::nullopt);
}

TEST(BarrierPoint, IsJudgedOnTheSumsNotOnRoundedMeans) {
  // 3001 / 1000 shows as 3.00 yet is above 3: not a barrier; 2999 / 1000 also shows as 3.00 and is one.
  EXPECT_EQ(barrier_point(sums(1000, 3001, 3001, 3001, 3001, 3001)), std::nullopt);
  EXPECT_EQ(mean(3001, 1000), 3.0);
  EXPECT_EQ(barrier_point(sums(1000, 3001, 2999, 3001, 3001, 3001)), AdkarElement::desire);
}

TEST(SurveyResults, HiddenWhileOpenAndUnderTheMinimum) {
  SurveyGroupResult g;
  publish_result(g, sums(kMinResponses, 20, 10, 20, 20, 20), false);
  EXPECT_EQ(g.results_hidden_reason, ResultsHiddenReason::open);
  EXPECT_FALSE(g.awareness);
  EXPECT_FALSE(g.barrier_point);
  publish_result(g, sums(kMinResponses - 1, 16, 8, 16, 16, 16), true);
  EXPECT_EQ(g.results_hidden_reason, ResultsHiddenReason::too_few);
  EXPECT_FALSE(g.desire);
  publish_result(g, sums(kMinResponses, 20, 10, 20, 20, 20), true);
  EXPECT_FALSE(g.results_hidden_reason);
  EXPECT_EQ(g.desire, 2.0);
  EXPECT_EQ(g.barrier_point, AdkarElement::desire);
  EXPECT_TRUE(survey_closed(SurveyStatus::open, "2026-01-01", "2026-01-02"));
  EXPECT_FALSE(survey_closed(SurveyStatus::open, "2026-01-02", "2026-01-02"));
  EXPECT_TRUE(survey_closed(SurveyStatus::closed, "2026-01-09", "2026-01-02"));
}

TEST(MonthRange, CrossesTheYear) {
  EXPECT_EQ(month_range("2026-11", 4), (std::vector<std::string>{"2026-11", "2026-12", "2027-01", "2027-02"}));
  EXPECT_TRUE(month_range("2026-13", 2).empty());
}

readiness::ImpactLoad load(std::int64_t group, std::int64_t initiative, std::string starts, std::string ends,
                           std::int64_t total) {
  return {1, group, initiative, "مبادرة", "Initiative " + std::to_string(initiative), starts, ends, total};
}

TEST(SaturationRows, SumsOverlappingInitiativesPerGroupAndMonth) {
  const std::vector<readiness::GroupFacts> groups = {{10, 1, "أ", "A", 40}, {20, 1, "ب", "B", 8}};
  const std::vector<readiness::ImpactLoad> loads = {
      load(10, 1, "2026-01-15", "2026-03-02", 30),  // Jan–Mar
      load(10, 2, "2026-03-31", "2026-05-01", 35),  // Mar–May: March is 65
      load(20, 3, "2025-06-01", "2026-01-31", 12),  // before the window, ends in January
      load(99, 4, "2026-01-01", "2026-12-31", 50),  // another entity's group: ignored
  };
  const auto months = month_range("2026-01", 6);
  const auto rows = saturation_rows(groups, loads, months, 60);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].cells.size(), 6u);
  const auto& a = rows[0].cells;
  EXPECT_EQ(a[0].load, 30);
  EXPECT_EQ(a[1].load, 30);
  EXPECT_EQ(a[2].load, 65);
  EXPECT_EQ(a[3].load, 35);
  EXPECT_EQ(a[4].load, 35);
  EXPECT_EQ(a[5].load, 0);
  // Over means above the capacity; at it is not over.
  EXPECT_FALSE(a[1].over);
  EXPECT_TRUE(a[2].over);
  EXPECT_EQ(a[2].month, "2026-03");
  // The cell names its initiatives, heaviest first.
  ASSERT_EQ(a[2].initiatives.size(), 2u);
  EXPECT_EQ(a[2].initiatives[0].id, 2);
  EXPECT_EQ(a[2].initiatives[0].total, 35);
  EXPECT_EQ(a[2].initiatives[1].id, 1);
  const auto& b = rows[1].cells;
  EXPECT_EQ(b[0].load, 12);
  EXPECT_EQ(b[1].load, 0);
  EXPECT_TRUE(b[1].initiatives.empty());
}

TEST(SaturationRows, AtCapacityIsNotOverAndCountsWithoutNames) {
  const std::vector<readiness::GroupFacts> groups = {{10, 1, "أ", "A", 40}};
  const std::vector<readiness::ImpactLoad> loads = {load(10, 1, "2026-01-01", "2026-01-31", 30),
                                                    load(10, 2, "2026-01-01", "2026-01-31", 30)};
  auto rows = saturation_rows(groups, loads, month_range("2026-01", 1), 60, false);
  EXPECT_EQ(rows[0].cells[0].load, 60);
  EXPECT_FALSE(rows[0].cells[0].over);
  EXPECT_TRUE(rows[0].cells[0].initiatives.empty());
  rows = saturation_rows(groups, loads, month_range("2026-01", 1), 59);
  EXPECT_TRUE(rows[0].cells[0].over);
}

}  // namespace
}  // namespace manzuma::modules::change
