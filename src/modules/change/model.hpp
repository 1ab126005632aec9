#pragma once
// The change portfolio (issue 8): gates, teams, stakeholder groups, initiatives with their impact grid,
// stakeholders, plans, risks, challenges and gate reviews. Wire and row shapes, described once (STYLE.md habit 3).
// Every type lives in manzuma::modules::change; OpenAPI component names are the unqualified names, so they are
// unique across the app (hence the Change prefix on the generic ones).

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules::change {

enum class InitiativeType { digital_service, system, restructuring, policy, process, other };
BOOST_DESCRIBE_ENUM(InitiativeType, digital_service, system, restructuring, policy, process, other)

/// completed and cancelled are final.
enum class InitiativeStatus { active, on_hold, completed, cancelled };
BOOST_DESCRIBE_ENUM(InitiativeStatus, active, on_hold, completed, cancelled)

enum class ChangeActionKind { communication, sponsorship, coaching, training, resistance };
BOOST_DESCRIBE_ENUM(ChangeActionKind, communication, sponsorship, coaching, training, resistance)

enum class ChangeActionStatus { not_started, in_progress, done, cancelled };
BOOST_DESCRIBE_ENUM(ChangeActionStatus, not_started, in_progress, done, cancelled)

enum class RiskStatus { open, mitigating, closed };
BOOST_DESCRIBE_ENUM(RiskStatus, open, mitigating, closed)

/// From score = likelihood × impact: ≤ 4 low, 5–12 medium, ≥ 15 high.
enum class RiskLevel { low, medium, high };
BOOST_DESCRIBE_ENUM(RiskLevel, low, medium, high)

enum class ChallengeCategory { resistance, skills, resources, technology, leadership, communication, process, other };
BOOST_DESCRIBE_ENUM(ChallengeCategory, resistance, skills, resources, technology, leadership, communication, process,
                    other)

enum class ChallengeStatus { open, in_progress, resolved };
BOOST_DESCRIBE_ENUM(ChallengeStatus, open, in_progress, resolved)

/// check: a checklist item the reviewers tick; evidence: a document the entity attaches.
enum class GateCriterionKind { check, evidence };
BOOST_DESCRIBE_ENUM(GateCriterionKind, check, evidence)

enum class GateReviewStatus { open, decided };
BOOST_DESCRIBE_ENUM(GateReviewStatus, open, decided)

enum class GateDecision { pass, pass_with_conditions, hold };
BOOST_DESCRIBE_ENUM(GateDecision, pass, pass_with_conditions, hold)

/// The ADKAR elements in order (readiness, helper B's half, uses them).
enum class AdkarElement { awareness, desire, knowledge, ability, reinforcement };
BOOST_DESCRIBE_ENUM(AdkarElement, awareness, desire, knowledge, ability, reinforcement)

enum class SurveyStatus { open, closed };
BOOST_DESCRIBE_ENUM(SurveyStatus, open, closed)

/// An id with its names in both languages (a team, a group, a user) for the forms' choices.
struct ChangeChoice {
  std::int64_t id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(ChangeChoice, (), (id, name_ar, name_en))

// ---------------------------------------------------------------------------------------------
// Gates

struct GateCriterion {
  std::int64_t id = 0;
  std::int64_t position = 0;
  GateCriterionKind kind = GateCriterionKind::check;
  std::string text_ar;
  std::string text_en;
};
BOOST_DESCRIBE_STRUCT(GateCriterion, (), (id, position, kind, text_ar, text_en))

struct ChangeGate {
  std::int64_t id = 0;
  std::int64_t position = 0;
  std::string name_ar;
  std::string name_en;
  std::string description_ar;
  std::string description_en;
  std::vector<GateCriterion> criteria;
  /// Initiatives at this gate now.
  std::int64_t initiatives = 0;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ChangeGate, (),
                      (id, position, name_ar, name_en, description_ar, description_en, criteria, initiatives, version))

struct GateCriterionInput {
  GateCriterionKind kind = GateCriterionKind::check;
  std::string text_ar;
  std::string text_en;
};
BOOST_DESCRIBE_STRUCT(GateCriterionInput, (), (kind, text_ar, text_en))

/// A new gate, appended after the last one.
struct ChangeGateInput {
  std::string name_ar;
  std::string name_en;
  std::string description_ar;
  std::string description_en;
  std::vector<GateCriterionInput> criteria;
};
BOOST_DESCRIBE_STRUCT(ChangeGateInput, (), (name_ar, name_en, description_ar, description_en, criteria))

/// Replaces a gate's texts and, while no open review uses it, its criteria as a whole (send the version).
struct ChangeGateUpdate {
  std::string name_ar;
  std::string name_en;
  std::string description_ar;
  std::string description_en;
  std::vector<GateCriterionInput> criteria;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeGateUpdate, (), (name_ar, name_en, description_ar, description_en, criteria, version))

// ---------------------------------------------------------------------------------------------
// Teams

struct ChangeTeamMember {
  std::int64_t user_id = 0;
  std::string name_ar;
  std::string name_en;
  std::string email;
  /// e.g. "Prosci practitioner, 2025"
  std::string training;
};
BOOST_DESCRIBE_STRUCT(ChangeTeamMember, (), (user_id, name_ar, name_en, email, training))

struct ChangeTeam {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> head_id;
  std::optional<std::string> head_name_ar;
  std::optional<std::string> head_name_en;
  std::string programs_ar;
  std::string programs_en;
  std::vector<ChangeTeamMember> members;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(ChangeTeam, (),
                      (id, organization_id, organization_name_ar, organization_name_en, name_ar, name_en, head_id,
                       head_name_ar, head_name_en, programs_ar, programs_en, members, version, created_at, updated_at))

struct ChangeTeamInput {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> head_id;
  std::string programs_ar;
  std::string programs_en;
};
BOOST_DESCRIBE_STRUCT(ChangeTeamInput, (), (organization_id, name_ar, name_en, head_id, programs_ar, programs_en))

struct ChangeTeamUpdate {
  std::string name_ar;
  std::string name_en;
  std::optional<std::int64_t> head_id;
  std::string programs_ar;
  std::string programs_en;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeTeamUpdate, (), (name_ar, name_en, head_id, programs_ar, programs_en, version))

/// Adds a member or changes their training.
struct ChangeTeamMemberInput {
  std::string training;
};
BOOST_DESCRIBE_STRUCT(ChangeTeamMemberInput, (), (training))

// ---------------------------------------------------------------------------------------------
// Stakeholder groups (an entity's; shared by its initiatives so saturation can sum their load)

struct ChangeGroup {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t size = 1;
  std::string location_ar;
  std::string location_en;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ChangeGroup, (), (id, organization_id, name_ar, name_en, size, location_ar, location_en, version))

struct ChangeGroupInput {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t size = 0;
  std::string location_ar;
  std::string location_en;
};
BOOST_DESCRIBE_STRUCT(ChangeGroupInput, (), (organization_id, name_ar, name_en, size, location_ar, location_en))

struct ChangeGroupUpdate {
  std::string name_ar;
  std::string name_en;
  std::int64_t size = 0;
  std::string location_ar;
  std::string location_en;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeGroupUpdate, (), (name_ar, name_en, size, location_ar, location_en, version))

// ---------------------------------------------------------------------------------------------
// Initiatives

/// An initiative as listed.
struct Initiative {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string title_ar;
  std::string title_en;
  InitiativeType type = InitiativeType::other;
  InitiativeStatus status = InitiativeStatus::active;
  std::int64_t gate_id = 0;
  std::int64_t gate_position = 0;
  std::string gate_name_ar;
  std::string gate_name_en;
  std::string starts_on;
  std::string ends_on;
  std::optional<std::int64_t> head_id;
  std::optional<std::string> head_name_ar;
  std::optional<std::string> head_name_en;
  std::string program_ar;
  std::string program_en;
  /// The sum of its impact rows' totals.
  std::int64_t impact_total = 0;
  std::int64_t action_count = 0;
  /// Actions past due and neither done nor cancelled.
  std::int64_t late_actions = 0;
  std::int64_t version = 1;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Initiative, (),
                      (id, organization_id, organization_name_ar, organization_name_en, title_ar, title_en, type,
                       status, gate_id, gate_position, gate_name_ar, gate_name_en, starts_on, ends_on, head_id,
                       head_name_ar, head_name_en, program_ar, program_en, impact_total, action_count, late_actions,
                       version, updated_at))

/// A move between gates: forward through a review, backward with a reason.
struct GateMove {
  std::int64_t id = 0;
  std::int64_t from_gate_id = 0;
  std::int64_t from_position = 0;
  std::int64_t to_gate_id = 0;
  std::int64_t to_position = 0;
  std::optional<std::int64_t> review_id;
  std::string reason;
  std::int64_t moved_by = 0;
  std::string moved_by_name_ar;
  std::string moved_by_name_en;
  std::string moved_at;
};
BOOST_DESCRIBE_STRUCT(GateMove, (),
                      (id, from_gate_id, from_position, to_gate_id, to_position, review_id, reason, moved_by,
                       moved_by_name_ar, moved_by_name_en, moved_at))

/// One initiative: the list item's fields and the rest.
struct InitiativeDetail {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string title_ar;
  std::string title_en;
  InitiativeType type = InitiativeType::other;
  InitiativeStatus status = InitiativeStatus::active;
  std::int64_t gate_id = 0;
  std::int64_t gate_position = 0;
  std::string gate_name_ar;
  std::string gate_name_en;
  std::string starts_on;
  std::string ends_on;
  std::optional<std::int64_t> head_id;
  std::optional<std::string> head_name_ar;
  std::optional<std::string> head_name_en;
  std::string program_ar;
  std::string program_en;
  std::int64_t impact_total = 0;
  std::int64_t action_count = 0;
  std::int64_t late_actions = 0;
  std::int64_t version = 1;
  std::string updated_at;
  std::string description_ar;
  std::string description_en;
  std::string sponsor_ar;
  std::string sponsor_en;
  std::string program_target_ar;
  std::string program_target_en;
  std::optional<std::int64_t> team_id;
  std::optional<std::string> team_name_ar;
  std::optional<std::string> team_name_en;
  std::string gate_reached_at;
  /// Oldest first.
  std::vector<GateMove> moves;
  /// The caller may change it (and its impact, stakeholders, plans, risks, reviews).
  bool can_manage = false;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(InitiativeDetail, (),
                      (id, organization_id, organization_name_ar, organization_name_en, title_ar, title_en, type,
                       status, gate_id, gate_position, gate_name_ar, gate_name_en, starts_on, ends_on, head_id,
                       head_name_ar, head_name_en, program_ar, program_en, impact_total, action_count, late_actions,
                       version, updated_at, description_ar, description_en, sponsor_ar, sponsor_en, program_target_ar,
                       program_target_en, team_id, team_name_ar, team_name_en, gate_reached_at, moves, can_manage,
                       created_at))

/// A new initiative; it starts at the first gate, active.
struct InitiativeInput {
  std::int64_t organization_id = 0;
  std::string title_ar;
  std::string title_en;
  std::string description_ar;
  std::string description_en;
  InitiativeType type = InitiativeType::other;
  std::string sponsor_ar;
  std::string sponsor_en;
  std::optional<std::int64_t> head_id;
  std::optional<std::int64_t> team_id;
  std::string starts_on;
  std::string ends_on;
  std::string program_ar;
  std::string program_en;
  std::string program_target_ar;
  std::string program_target_en;
};
BOOST_DESCRIBE_STRUCT(InitiativeInput, (),
                      (organization_id, title_ar, title_en, description_ar, description_en, type, sponsor_ar,
                       sponsor_en, head_id, team_id, starts_on, ends_on, program_ar, program_en, program_target_ar,
                       program_target_en))

/// Replaces the editable fields and the status (completed and cancelled are final); send the version.
struct InitiativeUpdate {
  std::string title_ar;
  std::string title_en;
  std::string description_ar;
  std::string description_en;
  InitiativeType type = InitiativeType::other;
  std::string sponsor_ar;
  std::string sponsor_en;
  std::optional<std::int64_t> head_id;
  std::optional<std::int64_t> team_id;
  std::string starts_on;
  std::string ends_on;
  std::string program_ar;
  std::string program_en;
  std::string program_target_ar;
  std::string program_target_en;
  InitiativeStatus status = InitiativeStatus::active;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(InitiativeUpdate, (),
                      (title_ar, title_en, description_ar, description_en, type, sponsor_ar, sponsor_en, head_id,
                       team_id, starts_on, ends_on, program_ar, program_en, program_target_ar, program_target_en,
                       status, version))

/// What the initiative form offers for one entity: its teams, stakeholder groups and users.
struct InitiativeChoices {
  std::vector<ChangeChoice> teams;
  std::vector<ChangeChoice> groups;
  std::vector<ChangeChoice> users;
  /// Who may review a gate: active program-office and platform-administrator users (a change-team head cannot
  /// list users, and a review names them).
  std::vector<ChangeChoice> reviewers;
};
BOOST_DESCRIBE_STRUCT(InitiativeChoices, (), (teams, groups, users, reviewers))

// ---------------------------------------------------------------------------------------------
// Impact assessment

/// The degree of impact 0–5 on each of the ten aspects.
struct ImpactAspects {
  std::int64_t processes = 0;
  std::int64_t systems = 0;
  std::int64_t tools = 0;
  std::int64_t job_roles = 0;
  std::int64_t behaviours = 0;
  std::int64_t mindset = 0;
  std::int64_t reporting = 0;
  std::int64_t performance = 0;
  std::int64_t compensation = 0;
  std::int64_t location = 0;
};
BOOST_DESCRIBE_STRUCT(ImpactAspects, (),
                      (processes, systems, tools, job_roles, behaviours, mindset, reporting, performance, compensation,
                       location))

struct ImpactRow {
  std::int64_t group_id = 0;
  std::string group_name_ar;
  std::string group_name_en;
  std::int64_t size = 0;
  std::string location_ar;
  std::string location_en;
  std::int64_t processes = 0;
  std::int64_t systems = 0;
  std::int64_t tools = 0;
  std::int64_t job_roles = 0;
  std::int64_t behaviours = 0;
  std::int64_t mindset = 0;
  std::int64_t reporting = 0;
  std::int64_t performance = 0;
  std::int64_t compensation = 0;
  std::int64_t location = 0;
  /// The sum of the ten (0–50).
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(ImpactRow, (),
                      (group_id, group_name_ar, group_name_en, size, location_ar, location_en, processes, systems,
                       tools, job_roles, behaviours, mindset, reporting, performance, compensation, location, total))

struct ImpactGrid {
  std::vector<ImpactRow> rows;
  /// Each aspect summed over the rows.
  ImpactAspects aspect_totals;
  std::int64_t total = 0;
  /// The sum of the sizes of the groups with a row.
  std::int64_t affected_people = 0;
};
BOOST_DESCRIBE_STRUCT(ImpactGrid, (), (rows, aspect_totals, total, affected_people))

// ---------------------------------------------------------------------------------------------
// Stakeholders

struct Stakeholder {
  std::int64_t id = 0;
  std::string name_ar;
  std::string name_en;
  std::string role_ar;
  std::string role_en;
  /// 1–5
  std::int64_t influence = 1;
  /// 1 strong opposition, 3 neutral, 5 champion
  std::int64_t support = 3;
  bool sponsor = false;
  std::string roadmap_ar;
  std::string roadmap_en;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(Stakeholder, (),
                      (id, name_ar, name_en, role_ar, role_en, influence, support, sponsor, roadmap_ar, roadmap_en,
                       version))

struct StakeholderInput {
  std::string name_ar;
  std::string name_en;
  std::string role_ar;
  std::string role_en;
  std::int64_t influence = 0;
  std::int64_t support = 0;
  bool sponsor = false;
  std::string roadmap_ar;
  std::string roadmap_en;
};
BOOST_DESCRIBE_STRUCT(StakeholderInput, (),
                      (name_ar, name_en, role_ar, role_en, influence, support, sponsor, roadmap_ar, roadmap_en))

struct StakeholderUpdate {
  std::string name_ar;
  std::string name_en;
  std::string role_ar;
  std::string role_en;
  std::int64_t influence = 0;
  std::int64_t support = 0;
  bool sponsor = false;
  std::string roadmap_ar;
  std::string roadmap_en;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(StakeholderUpdate, (),
                      (name_ar, name_en, role_ar, role_en, influence, support, sponsor, roadmap_ar, roadmap_en,
                       version))

// ---------------------------------------------------------------------------------------------
// Plans (communication, sponsorship, coaching, training, resistance management)

struct ChangeAction {
  std::int64_t id = 0;
  ChangeActionKind kind = ChangeActionKind::communication;
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> owner_name_ar;
  std::optional<std::string> owner_name_en;
  std::string starts_on;
  std::string due_on;
  ChangeActionStatus status = ChangeActionStatus::not_started;
  /// Set when it is done (the day it was marked done).
  std::optional<std::string> done_on;
  /// due_on is before today and it is neither done nor cancelled.
  bool late = false;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ChangeAction, (),
                      (id, kind, title_ar, title_en, owner_id, owner_name_ar, owner_name_en, starts_on, due_on, status,
                       done_on, late, version))

struct ChangeActionInput {
  ChangeActionKind kind = ChangeActionKind::communication;
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> owner_id;
  std::string starts_on;
  std::string due_on;
  std::optional<ChangeActionStatus> status;
};
BOOST_DESCRIBE_STRUCT(ChangeActionInput, (), (kind, title_ar, title_en, owner_id, starts_on, due_on, status))

struct ChangeActionUpdate {
  ChangeActionKind kind = ChangeActionKind::communication;
  std::string title_ar;
  std::string title_en;
  std::optional<std::int64_t> owner_id;
  std::string starts_on;
  std::string due_on;
  ChangeActionStatus status = ChangeActionStatus::not_started;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeActionUpdate, (), (kind, title_ar, title_en, owner_id, starts_on, due_on, status, version))

// ---------------------------------------------------------------------------------------------
// Risks

struct ChangeRisk {
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  /// 1–5 each
  std::int64_t likelihood = 1;
  std::int64_t impact = 1;
  /// likelihood × impact
  std::int64_t score = 1;
  RiskLevel level = RiskLevel::low;
  std::optional<std::int64_t> owner_id;
  std::optional<std::string> owner_name_ar;
  std::optional<std::string> owner_name_en;
  std::string mitigation_ar;
  std::string mitigation_en;
  RiskStatus status = RiskStatus::open;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ChangeRisk, (),
                      (id, title_ar, title_en, likelihood, impact, score, level, owner_id, owner_name_ar, owner_name_en,
                       mitigation_ar, mitigation_en, status, version))

struct ChangeRiskInput {
  std::string title_ar;
  std::string title_en;
  std::int64_t likelihood = 0;
  std::int64_t impact = 0;
  std::optional<std::int64_t> owner_id;
  std::string mitigation_ar;
  std::string mitigation_en;
  std::optional<RiskStatus> status;
};
BOOST_DESCRIBE_STRUCT(ChangeRiskInput, (),
                      (title_ar, title_en, likelihood, impact, owner_id, mitigation_ar, mitigation_en, status))

struct ChangeRiskUpdate {
  std::string title_ar;
  std::string title_en;
  std::int64_t likelihood = 0;
  std::int64_t impact = 0;
  std::optional<std::int64_t> owner_id;
  std::string mitigation_ar;
  std::string mitigation_en;
  RiskStatus status = RiskStatus::open;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeRiskUpdate, (),
                      (title_ar, title_en, likelihood, impact, owner_id, mitigation_ar, mitigation_en, status, version))

// ---------------------------------------------------------------------------------------------
// Challenges

struct ChangeChallenge {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::optional<std::int64_t> initiative_id;
  std::optional<std::string> initiative_title_ar;
  std::optional<std::string> initiative_title_en;
  /// Free text in the writer's language.
  std::string body;
  ChallengeCategory category = ChallengeCategory::other;
  ChallengeStatus status = ChallengeStatus::open;
  std::int64_t raised_by = 0;
  std::string raised_by_name_ar;
  std::string raised_by_name_en;
  std::int64_t version = 1;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(ChangeChallenge, (),
                      (id, organization_id, organization_name_ar, organization_name_en, initiative_id,
                       initiative_title_ar, initiative_title_en, body, category, status, raised_by, raised_by_name_ar,
                       raised_by_name_en, version, created_at))

struct ChangeChallengeInput {
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> initiative_id;
  std::string body;
  ChallengeCategory category = ChallengeCategory::other;
};
BOOST_DESCRIBE_STRUCT(ChangeChallengeInput, (), (organization_id, initiative_id, body, category))

struct ChangeChallengeUpdate {
  ChallengeCategory category = ChallengeCategory::other;
  ChallengeStatus status = ChallengeStatus::open;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(ChangeChallengeUpdate, (), (category, status, version))

// ---------------------------------------------------------------------------------------------
// Gate reviews

struct GateReviewer {
  std::int64_t user_id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(GateReviewer, (), (user_id, name_ar, name_en))

/// A review's answer to one criterion of its gate.
struct GateCheck {
  std::int64_t criterion_id = 0;
  GateCriterionKind kind = GateCriterionKind::check;
  std::string text_ar;
  std::string text_en;
  bool met = false;
  std::string note;
  std::optional<std::int64_t> attachment_id;
  std::optional<std::string> attachment_name;
};
BOOST_DESCRIBE_STRUCT(GateCheck, (), (criterion_id, kind, text_ar, text_en, met, note, attachment_id, attachment_name))

struct GateReview {
  std::int64_t id = 0;
  std::int64_t gate_id = 0;
  std::int64_t gate_position = 0;
  std::string gate_name_ar;
  std::string gate_name_en;
  GateReviewStatus status = GateReviewStatus::open;
  std::optional<GateDecision> decision;
  std::string conditions;
  std::string comments;
  std::vector<GateReviewer> reviewers;
  /// One per criterion of the gate, in the gate's order.
  std::vector<GateCheck> checks;
  std::int64_t requested_by = 0;
  std::string requested_by_name_ar;
  std::string requested_by_name_en;
  std::string requested_at;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_by_name_ar;
  std::optional<std::string> decided_by_name_en;
  std::optional<std::string> decided_at;
  /// The caller is one of its reviewers and it is open.
  bool can_decide = false;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(GateReview, (),
                      (id, gate_id, gate_position, gate_name_ar, gate_name_en, status, decision, conditions, comments,
                       reviewers, checks, requested_by, requested_by_name_ar, requested_by_name_en, requested_at,
                       decided_by, decided_by_name_ar, decided_by_name_en, decided_at, can_decide, version))

/// Requests a review of the next gate by these reviewers (program-office or platform-admin users).
struct GateReviewInput {
  std::vector<std::int64_t> reviewer_ids;
};
BOOST_DESCRIBE_STRUCT(GateReviewInput, (), (reviewer_ids))

struct GateCheckInput {
  bool met = false;
  std::string note;
  /// Required to meet an evidence criterion: an attachment uploaded under the initiative's organisation.
  std::optional<std::int64_t> attachment_id;
};
BOOST_DESCRIBE_STRUCT(GateCheckInput, (), (met, note, attachment_id))

struct GateDecisionInput {
  GateDecision decision = GateDecision::hold;
  /// Required for pass_with_conditions.
  std::string conditions;
  /// Required for hold.
  std::string comments;
};
BOOST_DESCRIBE_STRUCT(GateDecisionInput, (), (decision, conditions, comments))

/// Moves an initiative back to an earlier gate (never forward: that is a review's decision).
struct GateMoveInput {
  std::int64_t gate_id = 0;
  std::string reason;
};
BOOST_DESCRIBE_STRUCT(GateMoveInput, (), (gate_id, reason))

}  // namespace manzuma::modules::change
