#pragma once
// Rules for the change portfolio: gates, teams, stakeholder groups, initiatives with their impact grid,
// stakeholders, plans, risks, challenges and gate reviews. Every write: permission → validation → transaction →
// audit event → commit. Another entity's records do not exist for the caller (404, access.hpp); a reader who may
// not change them gets 403.

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/change/model.hpp"

namespace manzuma::modules::change {

class ChangeService {
 public:
  ChangeService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Gates (configured by the program office: change.govern)
  std::vector<ChangeGate> gates(const core::Actor& actor);
  ChangeGate create_gate(const core::Actor& actor, const ChangeGateInput& in);
  ChangeGate update_gate(const core::Actor& actor, std::int64_t id, const ChangeGateUpdate& in);
  void delete_gate(const core::Actor& actor, std::int64_t id);

  // Teams. Filter: organization_id.
  core::Page<ChangeTeam> teams(const core::Actor& actor, const core::ListQuery& q);
  ChangeTeam team(const core::Actor& actor, std::int64_t id);
  ChangeTeam create_team(const core::Actor& actor, const ChangeTeamInput& in);
  ChangeTeam update_team(const core::Actor& actor, std::int64_t id, const ChangeTeamUpdate& in);
  /// Adds the user to the team or changes their training.
  ChangeTeam put_member(const core::Actor& actor, std::int64_t id, std::int64_t user_id,
                        const ChangeTeamMemberInput& in);
  ChangeTeam remove_member(const core::Actor& actor, std::int64_t id, std::int64_t user_id);

  // Stakeholder groups of an entity. Filter: organization_id.
  core::Page<ChangeGroup> groups(const core::Actor& actor, const core::ListQuery& q);
  ChangeGroup create_group(const core::Actor& actor, const ChangeGroupInput& in);
  ChangeGroup update_group(const core::Actor& actor, std::int64_t id, const ChangeGroupUpdate& in);
  void delete_group(const core::Actor& actor, std::int64_t id);

  // Initiatives. Filters: organization_id, gate_id, status, type; sorts: id, title, starts_on, ends_on, updated_at.
  core::Page<Initiative> initiatives(const core::Actor& actor, const core::ListQuery& q);
  InitiativeDetail initiative(const core::Actor& actor, std::int64_t id);
  /// Throws not found unless the caller reads initiative `id` (checked before a request body is decoded).
  void require_visible(const core::Actor& actor, std::int64_t id);
  /// The same for a team, a stakeholder group and a challenge.
  void require_team_visible(const core::Actor& actor, std::int64_t id);
  void require_group_visible(const core::Actor& actor, std::int64_t id);
  void require_challenge_visible(const core::Actor& actor, std::int64_t id);
  InitiativeChoices choices(const core::Actor& actor, std::int64_t organization_id);
  InitiativeDetail create_initiative(const core::Actor& actor, const InitiativeInput& in);
  InitiativeDetail update_initiative(const core::Actor& actor, std::int64_t id, const InitiativeUpdate& in);

  // Impact grid
  ImpactGrid impacts(const core::Actor& actor, std::int64_t id);
  ImpactGrid put_impact(const core::Actor& actor, std::int64_t id, std::int64_t group_id, const ImpactAspects& in);
  ImpactGrid delete_impact(const core::Actor& actor, std::int64_t id, std::int64_t group_id);

  // Stakeholders
  std::vector<Stakeholder> stakeholders(const core::Actor& actor, std::int64_t id);
  Stakeholder add_stakeholder(const core::Actor& actor, std::int64_t id, const StakeholderInput& in);
  Stakeholder update_stakeholder(const core::Actor& actor, std::int64_t id, std::int64_t sid,
                                 const StakeholderUpdate& in);
  void delete_stakeholder(const core::Actor& actor, std::int64_t id, std::int64_t sid);

  // Plans
  std::vector<ChangeAction> actions(const core::Actor& actor, std::int64_t id);
  ChangeAction add_action(const core::Actor& actor, std::int64_t id, const ChangeActionInput& in);
  ChangeAction update_action(const core::Actor& actor, std::int64_t id, std::int64_t aid, const ChangeActionUpdate& in);
  void delete_action(const core::Actor& actor, std::int64_t id, std::int64_t aid);

  // Risks
  std::vector<ChangeRisk> risks(const core::Actor& actor, std::int64_t id);
  ChangeRisk add_risk(const core::Actor& actor, std::int64_t id, const ChangeRiskInput& in);
  ChangeRisk update_risk(const core::Actor& actor, std::int64_t id, std::int64_t rid, const ChangeRiskUpdate& in);
  void delete_risk(const core::Actor& actor, std::int64_t id, std::int64_t rid);

  // Challenges. Filters: organization_id, initiative_id, category, status; q.
  core::Page<ChangeChallenge> challenges(const core::Actor& actor, const core::ListQuery& q);
  ChangeChallenge raise_challenge(const core::Actor& actor, const ChangeChallengeInput& in);
  ChangeChallenge update_challenge(const core::Actor& actor, std::int64_t id, const ChangeChallengeUpdate& in);

  // Gate reviews
  std::vector<GateReview> reviews(const core::Actor& actor, std::int64_t id);
  /// A review of the next gate (position + 1); notifies the reviewers.
  GateReview request_review(const core::Actor& actor, std::int64_t id, const GateReviewInput& in);
  /// Throws unless the caller may answer the review's checks (`decide` false: the entity's managers and the
  /// review's reviewers) or decide it (`decide` true: its reviewers only): 404 when they do not read the initiative
  /// or the review is not its, 403 otherwise (checked before a request body is decoded).
  void require_review_access(const core::Actor& actor, std::int64_t id, std::int64_t review_id, bool decide);
  GateReview put_check(const core::Actor& actor, std::int64_t id, std::int64_t review_id, std::int64_t criterion_id,
                       const GateCheckInput& in);
  /// Only a reviewer on the review decides; pass moves the initiative to the review's gate. Notifies the requester.
  GateReview decide(const core::Actor& actor, std::int64_t id, std::int64_t review_id, const GateDecisionInput& in);
  /// Backwards only, with a reason; an open review is closed as hold with the reason as its comment.
  InitiativeDetail move_back(const core::Actor& actor, std::int64_t id, const GateMoveInput& in);

 private:
  std::string today() const;
  std::string now() const;

  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules::change
