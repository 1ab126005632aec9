#pragma once
// Readiness and insights of the change portfolio: ADKAR surveys answered through anonymous links, the
// saturation heatmap, the program office's entity settings and the national view. Wire shapes, described once.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/change/model.hpp"

namespace manzuma::modules::change {

/// The fewest answers a group's results are shown for (anonymity): below it a group's means and barrier point stay
/// hidden, in the survey's own view and in every national figure. Results are also hidden while the survey is open.
inline constexpr std::int64_t kMinResponses = 5;

/// Why a group's means are hidden: the survey is still open, or the group has fewer than kMinResponses answers.
enum class ResultsHiddenReason { open, too_few };
BOOST_DESCRIBE_ENUM(ResultsHiddenReason, open, too_few)

/// One stakeholder group's answers to one survey round: means 1–5 and the barrier point, shown only once the survey
/// is closed (status closed, or past closes_on) and the group has at least kMinResponses answers; until then they are
/// null and results_hidden_reason says why.
struct SurveyGroupResult {
  std::int64_t group_id = 0;
  std::string group_name_ar;
  std::string group_name_en;
  std::int64_t responses = 0;
  /// Links issued to the group for this survey.
  std::int64_t links = 0;
  std::optional<double> awareness;
  std::optional<double> desire;
  std::optional<double> knowledge;
  std::optional<double> ability;
  std::optional<double> reinforcement;
  /// The first element, in ADKAR order, whose mean is 3 or less.
  std::optional<AdkarElement> barrier_point;
  /// Set when the means and the barrier point are hidden.
  std::optional<ResultsHiddenReason> results_hidden_reason;
};
BOOST_DESCRIBE_STRUCT(SurveyGroupResult, (),
                      (group_id, group_name_ar, group_name_en, responses, links, awareness, desire, knowledge, ability,
                       reinforcement, barrier_point, results_hidden_reason))

/// One round of an initiative's readiness survey.
struct ChangeSurvey {
  std::int64_t id = 0;
  std::int64_t initiative_id = 0;
  std::int64_t round = 0;
  std::string title_ar;
  std::string title_en;
  std::string opens_on;
  std::string closes_on;
  SurveyStatus status = SurveyStatus::open;
  std::int64_t links_total = 0;
  std::int64_t links_used = 0;
  std::int64_t responses = 0;
  std::vector<SurveyGroupResult> groups;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ChangeSurvey, (),
                      (id, initiative_id, round, title_ar, title_en, opens_on, closes_on, status, links_total,
                       links_used, responses, groups, version))

struct SurveyInput {
  std::string title_ar;
  std::string title_en;
  std::string opens_on;
  std::string closes_on;
};
BOOST_DESCRIBE_STRUCT(SurveyInput, (), (title_ar, title_en, opens_on, closes_on))

/// Edits a round or closes (reopens) it; send the version you read.
struct SurveyUpdate {
  std::string title_ar;
  std::string title_en;
  std::string closes_on;
  SurveyStatus status = SurveyStatus::open;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(SurveyUpdate, (), (title_ar, title_en, closes_on, status, version))

/// Asks for `count` (1–500) new links for one group of the initiative's entity.
struct SurveyLinkRequest {
  std::int64_t group_id = 0;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(SurveyLinkRequest, (), (group_id, count))

struct SurveyLink {
  /// Shown once: only its SHA-256 is kept.
  std::string token;
  /// The web app's page for the respondent: "/s/<token>".
  std::string path;
};
BOOST_DESCRIBE_STRUCT(SurveyLink, (), (token, path))

struct SurveyLinkBatch {
  std::int64_t group_id = 0;
  std::vector<SurveyLink> links;
};
BOOST_DESCRIBE_STRUCT(SurveyLinkBatch, (), (group_id, links))

/// What a respondent sees before answering (no account).
struct PublicSurvey {
  std::string title_ar;
  std::string title_en;
  std::string initiative_title_ar;
  std::string initiative_title_en;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string group_name_ar;
  std::string group_name_en;
  std::string closes_on;
  SurveyStatus status = SurveyStatus::open;
  /// The link was used already.
  bool answered = false;
};
BOOST_DESCRIBE_STRUCT(PublicSurvey, (),
                      (title_ar, title_en, initiative_title_ar, initiative_title_en, organization_name_ar,
                       organization_name_en, group_name_ar, group_name_en, closes_on, status, answered))

/// One anonymous answer: each element 1–5.
struct SurveyAnswer {
  std::int64_t awareness = 0;
  std::int64_t desire = 0;
  std::int64_t knowledge = 0;
  std::int64_t ability = 0;
  std::int64_t reinforcement = 0;
  std::optional<std::string> comment;
};
BOOST_DESCRIBE_STRUCT(SurveyAnswer, (), (awareness, desire, knowledge, ability, reinforcement, comment))

// ---- Saturation ---------------------------------------------------------------------------------------------

struct SaturationInitiative {
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  /// Its impact total on the group.
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(SaturationInitiative, (), (id, title_ar, title_en, total))

struct SaturationCell {
  /// "YYYY-MM"
  std::string month;
  std::int64_t load = 0;
  /// load > the entity's capacity
  bool over = false;
  std::vector<SaturationInitiative> initiatives;
};
BOOST_DESCRIBE_STRUCT(SaturationCell, (), (month, load, over, initiatives))

struct SaturationRow {
  std::int64_t group_id = 0;
  std::string group_name_ar;
  std::string group_name_en;
  std::int64_t size = 0;
  std::vector<SaturationCell> cells;
};
BOOST_DESCRIBE_STRUCT(SaturationRow, (), (group_id, group_name_ar, group_name_en, size, cells))

/// An entity's groups × months heatmap of change load against its capacity.
struct Saturation {
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::int64_t capacity = 0;
  std::vector<std::string> months;
  std::vector<SaturationRow> groups;
  std::int64_t over_cells = 0;
};
BOOST_DESCRIBE_STRUCT(Saturation, (),
                      (organization_id, organization_name_ar, organization_name_en, capacity, months, groups,
                       over_cells))

// ---- Entity settings ----------------------------------------------------------------------------------------

/// A government entity's change settings (the default capacity when the program office set none).
struct ChangeEntity {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::string kind;
  std::int64_t capacity = 0;
  bool governance_project = false;
  std::int64_t initiatives = 0;
  /// 0 while the entity has the defaults.
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeEntity, (),
                      (organization_id, name_ar, name_en, kind, capacity, governance_project, initiatives, version))

struct ChangeEntityUpdate {
  std::int64_t capacity = 0;
  bool governance_project = false;
  /// The version read (required; 0 for an entity with the defaults).
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeEntityUpdate, (), (capacity, governance_project, version))

// ---- National view ------------------------------------------------------------------------------------------

struct NationalChangeTotals {
  std::int64_t initiatives = 0;
  std::int64_t active = 0;
  /// Entities with at least one initiative.
  std::int64_t entities = 0;
  std::int64_t late_actions = 0;
  std::int64_t saturated_entities = 0;
  std::int64_t responses = 0;
};
BOOST_DESCRIBE_STRUCT(NationalChangeTotals, (),
                      (initiatives, active, entities, late_actions, saturated_entities, responses))

struct NationalGate {
  std::int64_t gate_id = 0;
  std::int64_t position = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t initiatives = 0;
};
BOOST_DESCRIBE_STRUCT(NationalGate, (), (gate_id, position, name_ar, name_en, initiatives))

struct NationalEntity {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  bool governance_project = false;
  std::int64_t initiatives = 0;
  /// Initiatives at each gate, in gate order.
  std::vector<std::int64_t> by_gate;
  std::int64_t late_actions = 0;
  /// Months of the next twelve in which a group is over capacity.
  std::int64_t saturated_months = 0;
  /// Mean of the five elements over each initiative's latest closed round (groups with kMinResponses answers or
  /// more).
  std::optional<double> readiness;
};
BOOST_DESCRIBE_STRUCT(NationalEntity, (),
                      (organization_id, name_ar, name_en, governance_project, initiatives, by_gate, late_actions,
                       saturated_months, readiness))

/// Answers of the closed surveys that closed in one month (groups with kMinResponses answers or more).
struct ReadinessMonth {
  std::string month;
  std::int64_t responses = 0;
  std::optional<double> awareness;
  std::optional<double> desire;
  std::optional<double> knowledge;
  std::optional<double> ability;
  std::optional<double> reinforcement;
};
BOOST_DESCRIBE_STRUCT(ReadinessMonth, (), (month, responses, awareness, desire, knowledge, ability, reinforcement))

struct LatePlan {
  std::int64_t initiative_id = 0;
  std::string title_ar;
  std::string title_en;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::int64_t late_actions = 0;
  std::string oldest_due_on;
};
BOOST_DESCRIBE_STRUCT(LatePlan, (),
                      (initiative_id, title_ar, title_en, organization_name_ar, organization_name_en, late_actions,
                       oldest_due_on))

struct SaturatedEntity {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t months_over = 0;
  std::string worst_month;
  std::int64_t worst_load = 0;
  std::int64_t capacity = 0;
};
BOOST_DESCRIBE_STRUCT(SaturatedEntity, (),
                      (organization_id, name_ar, name_en, months_over, worst_month, worst_load, capacity))

/// One of the governance project's entities, side by side with the others.
struct GovernanceEntity {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t initiatives = 0;
  std::vector<std::int64_t> by_gate;
  std::optional<double> awareness;
  std::optional<double> desire;
  std::optional<double> knowledge;
  std::optional<double> ability;
  std::optional<double> reinforcement;
  std::optional<AdkarElement> barrier_point;
  std::int64_t late_actions = 0;
  std::int64_t high_risks = 0;
  std::int64_t saturated_months = 0;
};
BOOST_DESCRIBE_STRUCT(GovernanceEntity, (),
                      (organization_id, name_ar, name_en, initiatives, by_gate, awareness, desire, knowledge, ability,
                       reinforcement, barrier_point, late_actions, high_risks, saturated_months))

/// The program office's view of every entity's change portfolio.
struct NationalChange {
  NationalChangeTotals totals;
  std::vector<NationalGate> gates;
  std::vector<NationalEntity> by_entity;
  std::vector<ReadinessMonth> readiness_trend;
  std::vector<LatePlan> late_plans;
  std::vector<SaturatedEntity> saturated;
  std::vector<GovernanceEntity> governance_project;
};
BOOST_DESCRIBE_STRUCT(NationalChange, (),
                      (totals, gates, by_entity, readiness_trend, late_plans, saturated, governance_project))

}  // namespace manzuma::modules::change
