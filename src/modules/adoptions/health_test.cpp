// The health rules of an approved plan, without a database.

#include "modules/adoptions/health.hpp"

#include <gtest/gtest.h>

namespace manzuma::modules::adoptions {
namespace {

HealthFacts approved(std::optional<std::string> last_progress) {
  HealthFacts f;
  f.status = AdoptionStatus::approved;
  f.ends_on = "2026-12-31";
  f.approved_at = "2026-09-01T08:00:00.000Z";
  f.last_progress_at = std::move(last_progress);
  return f;
}

TEST(PlanHealth, OnlyApprovedPlansHaveAHealth) {
  auto f = approved(std::nullopt);
  for (auto s :
       {AdoptionStatus::draft, AdoptionStatus::submitted, AdoptionStatus::completed, AdoptionStatus::withdrawn}) {
    f.status = s;
    EXPECT_FALSE(assess_health(f, "2026-11-23").health);
  }
}

TEST(PlanHealth, ApprovedWithoutProgressIsNotStarted) {
  auto v = assess_health(approved(std::nullopt), "2026-11-23");
  EXPECT_EQ(v.health, PlanHealth::not_started);
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_EQ(v.reasons[0].code, "no_progress");
}

TEST(PlanHealth, OverdueActionsMakeItLateAndAreNamed) {
  auto f = approved("2026-11-20T10:00:00.000Z");
  f.overdue = {{"حصر المخاطر", "Risk inventory", "2026-11-13"}, {"تدريب", "Training", "2026-11-20"}};
  auto v = assess_health(f, "2026-11-23");
  EXPECT_EQ(v.health, PlanHealth::late);
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_EQ(v.reasons[0].text_en, "2 actions overdue: Risk inventory (due 2026-11-13); Training (due 2026-11-20)");
  EXPECT_NE(v.reasons[0].text_ar.find("إجراءان متأخران"), std::string::npos);
}

TEST(PlanHealth, APassedPlanEndIsLateEvenWithProgress) {
  auto f = approved("2026-11-22T10:00:00.000Z");
  f.ends_on = "2026-11-22";
  auto v = assess_health(f, "2026-11-23");
  EXPECT_EQ(v.health, PlanHealth::late);
  EXPECT_EQ(v.reasons.at(0).code, "plan_ended");
  // The last day of the plan is still inside it.
  EXPECT_EQ(assess_health(f, "2026-11-22").health, PlanHealth::on_track);
}

TEST(PlanHealth, ThirtyDaysWithoutAnUpdateIsStalled) {
  // 2026-10-24 is 30 days before 2026-11-23: still on track that day, stalled the day before.
  EXPECT_EQ(assess_health(approved("2026-10-24T09:00:00.000Z"), "2026-11-23").health, PlanHealth::on_track);
  auto v = assess_health(approved("2026-10-23T09:00:00.000Z"), "2026-11-23");
  EXPECT_EQ(v.health, PlanHealth::stalled);
  EXPECT_EQ(v.reasons.at(0).text_en, "No progress update for 31 days (last on 2026-10-23)");
}

TEST(PlanHealth, ProgressBeforeARecentApprovalIsNotStalled) {
  auto f = approved("2026-08-01T09:00:00.000Z");
  f.approved_at = "2026-11-10T08:00:00.000Z";
  EXPECT_EQ(assess_health(f, "2026-11-23").health, PlanHealth::on_track);
}

TEST(Dates, StrictPeriods) {
  EXPECT_TRUE(valid_period("2026-03"));
  EXPECT_TRUE(valid_period("2026-Q4"));
  EXPECT_FALSE(valid_period("2026-Q5"));
  EXPECT_FALSE(valid_period("2026-00"));
  EXPECT_FALSE(valid_period("2026-3"));
  EXPECT_FALSE(valid_period("2026-Q0"));
  EXPECT_FALSE(valid_period("20x6-Q1"));
  EXPECT_FALSE(valid_period("2026-03-01"));
}

}  // namespace
}  // namespace manzuma::modules::adoptions
