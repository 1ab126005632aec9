#pragma once
// SQL for the change portfolio (gates, teams, groups, initiatives and what hangs off them, challenges, gate
// reviews). Reads the names of organisations, users and attachments by id and never writes them. The readiness
// half (readiness_repository.*) owns the survey tables.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/change/model.hpp"

namespace manzuma::modules::change::portfolio {

/// Which entities' records a caller may read: all, or the organisations under `paths`.
struct ReadScope {
  bool all = false;
  std::vector<std::string> paths;
};

/// The facts about an initiative the rules need (the table's columns, its organisation's path, its gate's place).
struct InitiativeRow {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::optional<std::int64_t> team_id;
  std::string title_ar;
  std::string title_en;
  std::string description_ar;
  std::string description_en;
  InitiativeType type = InitiativeType::other;
  std::string sponsor_ar;
  std::string sponsor_en;
  std::optional<std::int64_t> head_id;
  std::string starts_on;
  std::string ends_on;
  std::string program_ar;
  std::string program_en;
  std::string program_target_ar;
  std::string program_target_en;
  InitiativeStatus status = InitiativeStatus::active;
  std::int64_t gate_id = 0;
  std::int64_t gate_position = 0;
  std::string gate_reached_at;
  std::int64_t version = 1;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(InitiativeRow, (),
                      (id, organization_id, organization_path, team_id, title_ar, title_en, description_ar,
                       description_en, type, sponsor_ar, sponsor_en, head_id, starts_on, ends_on, program_ar,
                       program_en, program_target_ar, program_target_en, status, gate_id, gate_position,
                       gate_reached_at, version, updated_at))

/// Something owned by an entity (a team, a group, a challenge): its id, entity and the entity's path.
struct Owned {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(Owned, (), (id, organization_id, organization_path, version))

/// The user is active and holds a role in the organisation at `path` or below it.
bool member_of(db::Session& s, std::int64_t user_id, std::string_view path);
/// The user is active and holds a national role (program office or platform administrator).
bool national_user(db::Session& s, std::int64_t user_id);
/// The organisation path of an attachment and its file name, if it exists.
std::optional<std::pair<std::string, std::string>> attachment_of(db::Session& s, std::int64_t attachment_id);

// Gates
/// Every gate in order, each with its initiatives counted within `scope` (the national view: all).
std::vector<ChangeGate> gates(db::Session& s, const ReadScope& scope);
/// One gate, its initiatives counted in every entity.
std::optional<ChangeGate> find_gate(db::Session& s, std::int64_t id);
std::optional<ChangeGate> gate_at(db::Session& s, std::int64_t position);
std::int64_t last_position(db::Session& s);
std::int64_t insert_gate(db::Session& s, const ChangeGate& g, std::string_view now);
bool update_gate(db::Session& s, const ChangeGate& g, std::string_view now);
/// Makes the gate's criteria `criteria`: its current rows are retired (kept for the reviews that answered them) and
/// new rows inserted; nothing is deleted.
void replace_criteria(db::Session& s, std::int64_t gate_id, const std::vector<GateCriterionInput>& criteria);
/// Reviews naming the gate (`open_only`: the open ones).
std::int64_t reviews_at(db::Session& s, std::int64_t gate_id, bool open_only);
/// Gate moves from or to the gate.
std::int64_t moves_naming(db::Session& s, std::int64_t gate_id);
/// Deletes the gate and its criteria (retired ones too: no review names the gate); later gates move up one place.
void delete_gate(db::Session& s, std::int64_t id, std::int64_t position);

// Teams
core::Page<ChangeTeam> teams(db::Session& s, const core::ListQuery& q, const ReadScope& scope);
std::optional<Owned> find_team_owner(db::Session& s, std::int64_t id);
std::optional<ChangeTeam> find_team(db::Session& s, std::int64_t id);
std::int64_t insert_team(db::Session& s, const ChangeTeam& t, std::string_view now);
bool update_team(db::Session& s, const ChangeTeam& t);
bool is_member(db::Session& s, std::int64_t team_id, std::int64_t user_id);
void put_member(db::Session& s, std::int64_t team_id, std::int64_t user_id, std::string_view training,
                std::string_view now);
bool remove_member(db::Session& s, std::int64_t team_id, std::int64_t user_id);

// Stakeholder groups
core::Page<ChangeGroup> groups(db::Session& s, const core::ListQuery& q, const ReadScope& scope);
std::optional<Owned> find_group_owner(db::Session& s, std::int64_t id);
std::optional<ChangeGroup> find_group(db::Session& s, std::int64_t id);
std::int64_t insert_group(db::Session& s, const ChangeGroup& g, std::string_view now);
bool update_group(db::Session& s, const ChangeGroup& g, std::string_view now);
/// Impact rows and surveys (links, tallies, responses) that use the group.
bool group_in_use(db::Session& s, std::int64_t id);
void delete_group(db::Session& s, std::int64_t id);

// Initiatives
core::Page<Initiative> initiatives(db::Session& s, const core::ListQuery& q, const ReadScope& scope,
                                   std::string_view today);
std::optional<InitiativeRow> find_initiative_row(db::Session& s, std::int64_t id);
/// Takes the initiative's row lock for the rest of the transaction (PostgreSQL; SQLite writes one at a time), so
/// two gate writes on one initiative (two review requests, a decision and a move back) run one after the other.
void lock_initiative(db::Session& s, std::int64_t id);
/// The detail without can_manage (the service's).
std::optional<InitiativeDetail> find_initiative(db::Session& s, std::int64_t id, std::string_view today);
std::int64_t insert_initiative(db::Session& s, const InitiativeRow& i, std::int64_t created_by, std::string_view now);
/// Writes `i` if its stored version is still `i.version - 1`.
bool update_initiative(db::Session& s, const InitiativeRow& i);
void insert_move(db::Session& s, std::int64_t initiative_id, std::int64_t from_gate, std::int64_t to_gate,
                 std::optional<std::int64_t> review_id, std::string_view reason, std::int64_t by, std::string_view now);
InitiativeChoices choices(db::Session& s, std::int64_t organization_id, std::string_view path);

// Impact
ImpactGrid impact_grid(db::Session& s, std::int64_t initiative_id);
void upsert_impact(db::Session& s, std::int64_t initiative_id, std::int64_t group_id, const ImpactAspects& a,
                   std::string_view now);
bool delete_impact(db::Session& s, std::int64_t initiative_id, std::int64_t group_id);

// Stakeholders
std::vector<Stakeholder> stakeholders(db::Session& s, std::int64_t initiative_id);
std::optional<Stakeholder> find_stakeholder(db::Session& s, std::int64_t initiative_id, std::int64_t id);
std::int64_t insert_stakeholder(db::Session& s, std::int64_t initiative_id, const Stakeholder& k, std::string_view now);
bool update_stakeholder(db::Session& s, const Stakeholder& k, std::string_view now);
bool delete_stakeholder(db::Session& s, std::int64_t initiative_id, std::int64_t id);

// Plans
std::vector<ChangeAction> actions(db::Session& s, std::int64_t initiative_id, std::string_view today);
std::optional<ChangeAction> find_action(db::Session& s, std::int64_t initiative_id, std::int64_t id,
                                        std::string_view today);
std::int64_t insert_action(db::Session& s, std::int64_t initiative_id, const ChangeAction& a, std::string_view now);
bool update_action(db::Session& s, const ChangeAction& a, std::string_view now);
bool delete_action(db::Session& s, std::int64_t initiative_id, std::int64_t id);

// Risks
std::vector<ChangeRisk> risks(db::Session& s, std::int64_t initiative_id);
std::optional<ChangeRisk> find_risk(db::Session& s, std::int64_t initiative_id, std::int64_t id);
std::int64_t insert_risk(db::Session& s, std::int64_t initiative_id, const ChangeRisk& r, std::string_view now);
bool update_risk(db::Session& s, const ChangeRisk& r, std::string_view now);
bool delete_risk(db::Session& s, std::int64_t initiative_id, std::int64_t id);

// Challenges
core::Page<ChangeChallenge> challenges(db::Session& s, const core::ListQuery& q, const ReadScope& scope);
std::optional<Owned> find_challenge_owner(db::Session& s, std::int64_t id);
std::optional<ChangeChallenge> find_challenge(db::Session& s, std::int64_t id);
std::int64_t insert_challenge(db::Session& s, const ChangeChallenge& c, std::string_view now);
bool update_challenge(db::Session& s, const ChangeChallenge& c, std::string_view now);

// Gate reviews
/// Newest first, can_decide left false (the service's).
std::vector<GateReview> reviews(db::Session& s, std::int64_t initiative_id);
std::optional<GateReview> find_review(db::Session& s, std::int64_t initiative_id, std::int64_t id);
std::optional<std::int64_t> open_review(db::Session& s, std::int64_t initiative_id);
/// Inserts the review, its reviewers and one unanswered check per criterion of the gate.
std::int64_t insert_review(db::Session& s, std::int64_t initiative_id, std::int64_t gate_id,
                           const std::vector<std::int64_t>& reviewer_ids, std::int64_t requested_by,
                           std::string_view now);
bool update_check(db::Session& s, std::int64_t review_id, std::int64_t criterion_id, bool met, std::string_view note,
                  std::optional<std::int64_t> attachment_id, std::string_view now);
/// Decides an open review; false when it was no longer open.
bool decide_review(db::Session& s, std::int64_t review_id, GateDecision decision, std::string_view conditions,
                   std::string_view comments, std::int64_t by, std::string_view now);

}  // namespace manzuma::modules::change::portfolio
