#pragma once
// Adoptions: an entity adopts a practice in an edition with an applied implementation plan (actions,
// milestones, outcome indicators). Wire and row shapes, described once (STYLE.md habit 3).

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

enum class AdoptionStatus { draft, submitted, approved, completed, withdrawn };
BOOST_DESCRIBE_ENUM(AdoptionStatus, draft, submitted, approved, completed, withdrawn)

/// Computed for approved plans only: how the implementation is going.
enum class PlanHealth { on_track, late, stalled, not_started };
BOOST_DESCRIBE_ENUM(PlanHealth, on_track, late, stalled, not_started)

enum class ActionStatus { not_started, in_progress, done, blocked, cancelled };
BOOST_DESCRIBE_ENUM(ActionStatus, not_started, in_progress, done, blocked, cancelled)

/// Which way an outcome indicator should move.
enum class IndicatorDirection { increase, decrease };
BOOST_DESCRIBE_ENUM(IndicatorDirection, increase, decrease)

/// One reason behind a plan's health, in both languages ("2 actions overdue: …").
struct HealthReason {
  /// actions_overdue, plan_ended, no_progress, stalled, on_track
  std::string code;
  std::string text_ar;
  std::string text_en;
};
BOOST_DESCRIBE_STRUCT(HealthReason, (), (code, text_ar, text_en))

/// An adoption as listed: the row, the names around it, and its computed health.
struct Adoption {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t edition_number = 0;
  std::int64_t practice_id = 0;
  /// The edition the practice was published in (may be earlier than edition_id).
  std::int64_t practice_edition_id = 0;
  std::string practice_title_ar;
  std::string practice_title_en;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string objective_ar;
  std::string objective_en;
  std::string starts_on;
  std::string ends_on;
  AdoptionStatus status = AdoptionStatus::draft;
  /// The program office's reason for returning the plan, or the reason it was withdrawn.
  std::string status_reason;
  std::optional<std::string> submitted_at;
  std::optional<std::string> approved_at;
  std::optional<std::int64_t> approved_by;
  std::optional<std::string> approved_by_name_ar;
  std::optional<std::string> approved_by_name_en;
  std::optional<std::string> completed_at;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> last_progress_at;
  /// Mean of the plan's action percents (cancelled actions left out), 0 without actions.
  double overall_percent = 0;
  std::int64_t action_count = 0;
  std::int64_t overdue_count = 0;
  /// Set for approved plans only.
  std::optional<PlanHealth> health;
  std::vector<HealthReason> health_reasons;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Adoption, (),
                      (id, edition_id, edition_number, practice_id, practice_edition_id, practice_title_ar,
                       practice_title_en, organization_id, organization_name_ar, organization_name_en, objective_ar,
                       objective_en, starts_on, ends_on, status, status_reason, submitted_at, approved_at, approved_by,
                       approved_by_name_ar, approved_by_name_en, completed_at, withdrawn_at, last_progress_at,
                       overall_percent, action_count, overdue_count, health, health_reasons, version, created_at,
                       updated_at))

struct AdoptionInput {
  std::int64_t edition_id = 0;
  std::int64_t practice_id = 0;
  std::int64_t organization_id = 0;
  std::string objective_ar;
  std::string objective_en;
  std::string starts_on;
  std::string ends_on;
};
BOOST_DESCRIBE_STRUCT(AdoptionInput, (),
                      (edition_id, practice_id, organization_id, objective_ar, objective_en, starts_on, ends_on))

/// Edits the objective and the plan's dates; send the version you read.
struct AdoptionUpdate {
  std::string objective_ar;
  std::string objective_en;
  std::string starts_on;
  std::string ends_on;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(AdoptionUpdate, (), (objective_ar, objective_en, starts_on, ends_on, version))

/// A state change; `reason` is required to return or withdraw.
struct AdoptionTransition {
  std::int64_t version = 0;
  std::optional<std::string> reason;
};
BOOST_DESCRIBE_STRUCT(AdoptionTransition, (), (version, reason))

struct Evidence {
  std::int64_t attachment_id = 0;
  std::string filename;
  std::string mime_type;
  std::int64_t size = 0;
  std::int64_t added_by = 0;
  std::string added_at;
};
BOOST_DESCRIBE_STRUCT(Evidence, (), (attachment_id, filename, mime_type, size, added_by, added_at))

struct PlanAction {
  std::int64_t id = 0;
  std::int64_t adoption_id = 0;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> owner_name_ar;
  std::optional<std::string> owner_name_en;
  std::string title_ar;
  std::string title_en;
  std::string starts_on;
  std::string due_on;
  ActionStatus status = ActionStatus::not_started;
  std::int64_t percent_done = 0;
  /// Open (not done or cancelled) and past its due date today.
  bool overdue = false;
  std::vector<Evidence> evidence;
  std::int64_t comment_count = 0;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(PlanAction, (),
                      (id, adoption_id, owner_id, owner_name_ar, owner_name_en, title_ar, title_en, starts_on, due_on,
                       status, percent_done, overdue, evidence, comment_count, version, created_at, updated_at))

struct PlanActionInput {
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> owner_id;
  std::string starts_on;
  std::string due_on;
  std::optional<ActionStatus> status;
  std::optional<std::int64_t> percent_done;
};
BOOST_DESCRIBE_STRUCT(PlanActionInput, (), (title_ar, title_en, owner_id, starts_on, due_on, status, percent_done))

/// A full replacement of an action's editable fields (progress included); send the version you read.
struct PlanActionUpdate {
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> owner_id;
  std::string starts_on;
  std::string due_on;
  ActionStatus status = ActionStatus::not_started;
  std::int64_t percent_done = 0;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PlanActionUpdate, (),
                      (title_ar, title_en, owner_id, starts_on, due_on, status, percent_done, version))

struct EvidenceInput {
  std::int64_t attachment_id = 0;
};
BOOST_DESCRIBE_STRUCT(EvidenceInput, (), (attachment_id))

struct ActionComment {
  std::int64_t id = 0;
  std::int64_t action_id = 0;
  std::int64_t author_id = 0;
  std::string author_name_ar;
  std::string author_name_en;
  std::string body;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(ActionComment, (), (id, action_id, author_id, author_name_ar, author_name_en, body, created_at))

struct ActionCommentInput {
  std::string body;
};
BOOST_DESCRIBE_STRUCT(ActionCommentInput, (), (body))

struct Milestone {
  std::int64_t id = 0;
  std::int64_t adoption_id = 0;
  std::string title_ar;
  std::string title_en;
  std::string due_on;
  std::optional<std::string> reached_on;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Milestone, (),
                      (id, adoption_id, title_ar, title_en, due_on, reached_on, version, created_at, updated_at))

struct MilestoneInput {
  std::string title_ar;
  std::string title_en;
  std::string due_on;
  std::optional<std::string> reached_on;
};
BOOST_DESCRIBE_STRUCT(MilestoneInput, (), (title_ar, title_en, due_on, reached_on))

struct MilestoneUpdate {
  std::string title_ar;
  std::string title_en;
  std::string due_on;
  std::optional<std::string> reached_on;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(MilestoneUpdate, (), (title_ar, title_en, due_on, reached_on, version))

struct IndicatorValue {
  std::int64_t indicator_id = 0;
  /// "2026-03" (a month) or "2026-Q1" (a quarter).
  std::string period;
  double actual = 0;
  std::string recorded_at;
};
BOOST_DESCRIBE_STRUCT(IndicatorValue, (), (indicator_id, period, actual, recorded_at))

struct IndicatorValueInput {
  double actual = 0;
};
BOOST_DESCRIBE_STRUCT(IndicatorValueInput, (), (actual))

struct Indicator {
  std::int64_t id = 0;
  std::int64_t adoption_id = 0;
  std::string name_ar;
  std::string name_en;
  std::string unit;
  double baseline = 0;
  double target = 0;
  IndicatorDirection direction = IndicatorDirection::increase;
  /// Oldest period first.
  std::vector<IndicatorValue> values;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Indicator, (),
                      (id, adoption_id, name_ar, name_en, unit, baseline, target, direction, values, version,
                       created_at, updated_at))

struct IndicatorInput {
  std::string name_ar;
  std::string name_en;
  std::string unit;
  double baseline = 0;
  double target = 0;
  IndicatorDirection direction = IndicatorDirection::increase;
};
BOOST_DESCRIBE_STRUCT(IndicatorInput, (), (name_ar, name_en, unit, baseline, target, direction))

struct IndicatorUpdate {
  std::string name_ar;
  std::string name_en;
  std::string unit;
  double baseline = 0;
  double target = 0;
  IndicatorDirection direction = IndicatorDirection::increase;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(IndicatorUpdate, (), (name_ar, name_en, unit, baseline, target, direction, version))

/// What the caller may do with an adoption now (the web app shows only these).
struct AdoptionPermissions {
  bool edit_plan = false;
  bool comment = false;
  /// Transitions the caller may make from the current status: submit, approve, return, complete, withdraw.
  std::vector<std::string> transitions;
};
BOOST_DESCRIBE_STRUCT(AdoptionPermissions, (), (edit_plan, comment, transitions))

/// An adoption with its whole plan.
struct AdoptionDetail {
  Adoption adoption;
  std::vector<PlanAction> actions;
  std::vector<Milestone> milestones;
  std::vector<Indicator> indicators;
  AdoptionPermissions permissions;
};
BOOST_DESCRIBE_STRUCT(AdoptionDetail, (), (adoption, actions, milestones, indicators, permissions))

/// An edition an adoption can be made in (not closed).
struct EditionChoice {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string title_ar;
  std::string title_en;
  std::string status;
};
BOOST_DESCRIBE_STRUCT(EditionChoice, (), (id, number, title_ar, title_en, status))

/// A published practice that can be adopted (in its own edition or a later one).
struct PracticeChoice {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t edition_number = 0;
  std::string title_ar;
  std::string title_en;
  std::string organization_name_ar;
  std::string organization_name_en;
};
BOOST_DESCRIBE_STRUCT(PracticeChoice, (),
                      (id, edition_id, edition_number, title_ar, title_en, organization_name_ar, organization_name_en))

/// What the "Adopt a practice" form offers.
struct AdoptionChoices {
  std::vector<EditionChoice> editions;
  std::vector<PracticeChoice> practices;
};
BOOST_DESCRIBE_STRUCT(AdoptionChoices, (), (editions, practices))

}  // namespace manzuma::modules
