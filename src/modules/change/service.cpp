// Stub bodies: replaced method by method as the portfolio is built.
#include "modules/change/service.hpp"

#include "core/error.hpp"

namespace manzuma::modules::change {

namespace {
[[noreturn]] void not_yet() { throw core::Error::internal("change: not implemented yet"); }
}  // namespace

std::vector<ChangeGate> ChangeService::gates(const core::Actor&) { not_yet(); }
ChangeGate ChangeService::create_gate(const core::Actor&, const ChangeGateInput&) { not_yet(); }
ChangeGate ChangeService::update_gate(const core::Actor&, std::int64_t, const ChangeGateUpdate&) { not_yet(); }
void ChangeService::delete_gate(const core::Actor&, std::int64_t) { not_yet(); }
core::Page<ChangeTeam> ChangeService::teams(const core::Actor&, const core::ListQuery&) { not_yet(); }
ChangeTeam ChangeService::team(const core::Actor&, std::int64_t) { not_yet(); }
ChangeTeam ChangeService::create_team(const core::Actor&, const ChangeTeamInput&) { not_yet(); }
ChangeTeam ChangeService::update_team(const core::Actor&, std::int64_t, const ChangeTeamUpdate&) { not_yet(); }
ChangeTeam ChangeService::put_member(const core::Actor&, std::int64_t, std::int64_t, const ChangeTeamMemberInput&) {
  not_yet();
}
ChangeTeam ChangeService::remove_member(const core::Actor&, std::int64_t, std::int64_t) { not_yet(); }
core::Page<ChangeGroup> ChangeService::groups(const core::Actor&, const core::ListQuery&) { not_yet(); }
ChangeGroup ChangeService::create_group(const core::Actor&, const ChangeGroupInput&) { not_yet(); }
ChangeGroup ChangeService::update_group(const core::Actor&, std::int64_t, const ChangeGroupUpdate&) { not_yet(); }
void ChangeService::delete_group(const core::Actor&, std::int64_t) { not_yet(); }
core::Page<Initiative> ChangeService::initiatives(const core::Actor&, const core::ListQuery&) { not_yet(); }
InitiativeDetail ChangeService::initiative(const core::Actor&, std::int64_t) { not_yet(); }
void ChangeService::require_visible(const core::Actor&, std::int64_t) { not_yet(); }
void ChangeService::require_team_visible(const core::Actor&, std::int64_t) { not_yet(); }
void ChangeService::require_group_visible(const core::Actor&, std::int64_t) { not_yet(); }
void ChangeService::require_challenge_visible(const core::Actor&, std::int64_t) { not_yet(); }
InitiativeChoices ChangeService::choices(const core::Actor&, std::int64_t) { not_yet(); }
InitiativeDetail ChangeService::create_initiative(const core::Actor&, const InitiativeInput&) { not_yet(); }
InitiativeDetail ChangeService::update_initiative(const core::Actor&, std::int64_t, const InitiativeUpdate&) {
  not_yet();
}
ImpactGrid ChangeService::impacts(const core::Actor&, std::int64_t) { not_yet(); }
ImpactGrid ChangeService::put_impact(const core::Actor&, std::int64_t, std::int64_t, const ImpactAspects&) {
  not_yet();
}
ImpactGrid ChangeService::delete_impact(const core::Actor&, std::int64_t, std::int64_t) { not_yet(); }
std::vector<Stakeholder> ChangeService::stakeholders(const core::Actor&, std::int64_t) { not_yet(); }
Stakeholder ChangeService::add_stakeholder(const core::Actor&, std::int64_t, const StakeholderInput&) { not_yet(); }
Stakeholder ChangeService::update_stakeholder(const core::Actor&, std::int64_t, std::int64_t,
                                              const StakeholderUpdate&) {
  not_yet();
}
void ChangeService::delete_stakeholder(const core::Actor&, std::int64_t, std::int64_t) { not_yet(); }
std::vector<ChangeAction> ChangeService::actions(const core::Actor&, std::int64_t) { not_yet(); }
ChangeAction ChangeService::add_action(const core::Actor&, std::int64_t, const ChangeActionInput&) { not_yet(); }
ChangeAction ChangeService::update_action(const core::Actor&, std::int64_t, std::int64_t, const ChangeActionUpdate&) {
  not_yet();
}
void ChangeService::delete_action(const core::Actor&, std::int64_t, std::int64_t) { not_yet(); }
std::vector<ChangeRisk> ChangeService::risks(const core::Actor&, std::int64_t) { not_yet(); }
ChangeRisk ChangeService::add_risk(const core::Actor&, std::int64_t, const ChangeRiskInput&) { not_yet(); }
ChangeRisk ChangeService::update_risk(const core::Actor&, std::int64_t, std::int64_t, const ChangeRiskUpdate&) {
  not_yet();
}
void ChangeService::delete_risk(const core::Actor&, std::int64_t, std::int64_t) { not_yet(); }
core::Page<ChangeChallenge> ChangeService::challenges(const core::Actor&, const core::ListQuery&) { not_yet(); }
ChangeChallenge ChangeService::raise_challenge(const core::Actor&, const ChangeChallengeInput&) { not_yet(); }
ChangeChallenge ChangeService::update_challenge(const core::Actor&, std::int64_t, const ChangeChallengeUpdate&) {
  not_yet();
}
std::vector<GateReview> ChangeService::reviews(const core::Actor&, std::int64_t) { not_yet(); }
GateReview ChangeService::request_review(const core::Actor&, std::int64_t, const GateReviewInput&) { not_yet(); }
GateReview ChangeService::put_check(const core::Actor&, std::int64_t, std::int64_t, std::int64_t,
                                    const GateCheckInput&) {
  not_yet();
}
GateReview ChangeService::decide(const core::Actor&, std::int64_t, std::int64_t, const GateDecisionInput&) {
  not_yet();
}
InitiativeDetail ChangeService::move_back(const core::Actor&, std::int64_t, const GateMoveInput&) { not_yet(); }

std::string ChangeService::today() const { return core::iso8601(clock_.now()).substr(0, 10); }
std::string ChangeService::now() const { return core::iso8601(clock_.now()); }

}  // namespace manzuma::modules::change
