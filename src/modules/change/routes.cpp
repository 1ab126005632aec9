// HTTP glue for the change portfolio: parse, call the service, return. No SQL, no rules.

#include "modules/change/routes.hpp"

#include <charconv>

#include "http/list_query.hpp"
#include "modules/change/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules::change {

namespace {

const std::string kBase = "/api/v1/change";

// ?organization_id= of the choices route: a positive id, else 400 naming it.
std::int64_t organization_param(const http::Context& c) {
  const auto raw = c.request.query_param("organization_id");
  std::int64_t v = 0;
  if (raw) {
    auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
    if (ec == std::errc() && p == raw->data() + raw->size() && v > 0) return v;
  }
  throw core::Error::invalid_field("organization_id", "required", "حدد الجهة (organization_id)",
                                   "Name the organisation (organization_id)");
}

}  // namespace

void change_routes(http::Router& r, ChangeService& svc) {
  using http::Method;
  r.set_tag("change");
  auto initiative_visible = [&svc](http::Context& c) { svc.require_visible(c.actor(), c.id()); };

  // Gates
  r.get<std::vector<ChangeGate>>(kBase + "/gates",
                                 {.action = "change.read",
                                  .summary = "The governance gates in order, with their criteria and how many "
                                             "initiatives are at each"},
                                 [&svc](http::Context& c) { return svc.gates(c.actor()); });
  r.post<ChangeGateInput, ChangeGate>(
      kBase + "/gates", {.action = "change.govern", .summary = "Add a gate after the last one", .status = 201},
      [&svc](http::Context& c, ChangeGateInput in) { return svc.create_gate(c.actor(), in); });
  r.put<ChangeGateUpdate, ChangeGate>(
      kBase + "/gates/{id}",
      {.action = "change.govern",
       .summary = "Edit a gate; its criteria are replaced as a whole, only while no open review uses it (send the "
                  "version)"},
      [&svc](http::Context& c, ChangeGateUpdate in) { return svc.update_gate(c.actor(), c.id(), in); });
  r.del<void>(kBase + "/gates/{id}",
              {.action = "change.govern",
               .summary = "Delete a gate no initiative is at and no review names (later gates move up)"},
              [&svc](http::Context& c) { svc.delete_gate(c.actor(), c.id()); });

  // Teams
  static const std::vector<std::string_view> kTeamFilters = {"organization_id"};
  static const std::vector<std::string_view> kIdSort = {"id"};
  r.get<core::Page<ChangeTeam>>(kBase + "/teams",
                                {.action = "change.read",
                                 .summary = "The change-management teams of the entities the caller reads",
                                 .query = http::list_query_doc(kTeamFilters)},
                                [&svc](http::Context& c) {
                                  return svc.teams(c.actor(), http::parse_list_query(c.request, kTeamFilters, kIdSort));
                                });
  r.post<ChangeTeamInput, ChangeTeam>(
      kBase + "/teams",
      {.action = "change.manage", .summary = "Create an entity's change-management team", .status = 201},
      [&svc](http::Context& c, ChangeTeamInput in) { return svc.create_team(c.actor(), in); });
  r.get<ChangeTeam>(kBase + "/teams/{id}", {.action = "change.read", .summary = "One team with its members"},
                    [&svc](http::Context& c) { return svc.team(c.actor(), c.id()); });
  auto team_visible = [&svc](http::Context& c) { svc.require_team_visible(c.actor(), c.id()); };
  r.checked<ChangeTeamUpdate, ChangeTeam>(
      Method::put, kBase + "/teams/{id}",
      {.action = "change.manage", .summary = "Edit a team's names, head and programs (send the version)"}, team_visible,
      [&svc](http::Context& c, ChangeTeamUpdate in) { return svc.update_team(c.actor(), c.id(), in); });
  r.checked<ChangeTeamMemberInput, ChangeTeam>(
      Method::put, kBase + "/teams/{id}/members/{user_id}",
      {.action = "change.manage", .summary = "Add a user of the entity to the team, or change their training"},
      team_visible, [&svc](http::Context& c, ChangeTeamMemberInput in) {
        return svc.put_member(c.actor(), c.id(), c.id("user_id"), in);
      });
  r.del<ChangeTeam>(kBase + "/teams/{id}/members/{user_id}",
                    {.action = "change.manage", .summary = "Remove a member from the team"},
                    [&svc](http::Context& c) { return svc.remove_member(c.actor(), c.id(), c.id("user_id")); });

  // Stakeholder groups
  r.get<core::Page<ChangeGroup>>(kBase + "/groups",
                                 {.action = "change.read",
                                  .summary = "The stakeholder groups of the entities the caller reads",
                                  .query = http::list_query_doc(kTeamFilters)},
                                 [&svc](http::Context& c) {
                                   return svc.groups(c.actor(),
                                                     http::parse_list_query(c.request, kTeamFilters, kIdSort));
                                 });
  r.post<ChangeGroupInput, ChangeGroup>(
      kBase + "/groups", {.action = "change.manage", .summary = "Add a stakeholder group to an entity", .status = 201},
      [&svc](http::Context& c, ChangeGroupInput in) { return svc.create_group(c.actor(), in); });
  r.checked<ChangeGroupUpdate, ChangeGroup>(
      Method::put, kBase + "/groups/{id}",
      {.action = "change.manage", .summary = "Edit a stakeholder group (send the version)"},
      [&svc](http::Context& c) { svc.require_group_visible(c.actor(), c.id()); },
      [&svc](http::Context& c, ChangeGroupUpdate in) { return svc.update_group(c.actor(), c.id(), in); });
  r.del<void>(kBase + "/groups/{id}",
              {.action = "change.manage", .summary = "Delete a stakeholder group no impact row or survey uses"},
              [&svc](http::Context& c) { svc.delete_group(c.actor(), c.id()); });

  // Initiatives
  static const std::vector<std::string_view> kFilters = {"organization_id", "gate_id", "status", "type"};
  static const std::vector<std::string_view> kSorts = {"id", "title", "starts_on", "ends_on", "updated_at"};
  r.get<core::Page<Initiative>>(kBase + "/initiatives",
                                {.action = "change.read",
                                 .summary = "List the change initiatives of the entities the caller reads",
                                 .query = http::list_query_doc(kFilters)},
                                [&svc](http::Context& c) {
                                  return svc.initiatives(c.actor(),
                                                         http::parse_list_query(c.request, kFilters, kSorts));
                                });
  platform::list_export<Initiative>(
      r, kBase + "/initiatives",
      {.action = "change.read",
       .title_ar = "مبادرات التغيير",
       .title_en = "change initiatives",
       .labels = platform::record_export_labels()},
      kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.initiatives(c.actor(), q); });
  r.get<InitiativeChoices>(
      kBase + "/initiatives/choices",
      {.action = "change.manage",
       .summary = "The teams, stakeholder groups and users of one entity (?organization_id=) for the forms",
       .query = {"organization_id"}},
      [&svc](http::Context& c) { return svc.choices(c.actor(), organization_param(c)); });
  r.post<InitiativeInput, InitiativeDetail>(
      kBase + "/initiatives",
      {.action = "change.manage", .summary = "Register a change initiative (at the first gate)", .status = 201},
      [&svc](http::Context& c, InitiativeInput in) { return svc.create_initiative(c.actor(), in); });
  r.get<InitiativeDetail>(kBase + "/initiatives/{id}",
                          {.action = "change.read", .summary = "One initiative with its gate moves"},
                          [&svc](http::Context& c) { return svc.initiative(c.actor(), c.id()); });
  r.checked<InitiativeUpdate, InitiativeDetail>(
      Method::put, kBase + "/initiatives/{id}",
      {.action = "change.manage",
       .summary = "Edit an initiative or change its status (completed and cancelled are final; send the version)"},
      initiative_visible,
      [&svc](http::Context& c, InitiativeUpdate in) { return svc.update_initiative(c.actor(), c.id(), in); });

  // Impact grid
  r.get<ImpactGrid>(kBase + "/initiatives/{id}/impacts",
                    {.action = "change.read", .summary = "The impact grid: degrees 0–5 per group and aspect, totals"},
                    [&svc](http::Context& c) { return svc.impacts(c.actor(), c.id()); });
  r.checked<ImpactAspects, ImpactGrid>(
      Method::put, kBase + "/initiatives/{id}/impacts/{group_id}",
      {.action = "change.manage", .summary = "Set the impact on one of the entity's groups (ten degrees 0–5)"},
      initiative_visible,
      [&svc](http::Context& c, ImpactAspects in) { return svc.put_impact(c.actor(), c.id(), c.id("group_id"), in); });
  r.del<ImpactGrid>(kBase + "/initiatives/{id}/impacts/{group_id}",
                    {.action = "change.manage", .summary = "Remove a group from the impact grid"},
                    [&svc](http::Context& c) { return svc.delete_impact(c.actor(), c.id(), c.id("group_id")); });

  // Stakeholders
  r.get<std::vector<Stakeholder>>(kBase + "/initiatives/{id}/stakeholders",
                                  {.action = "change.read", .summary = "The stakeholder map: influence and support"},
                                  [&svc](http::Context& c) { return svc.stakeholders(c.actor(), c.id()); });
  r.checked<StakeholderInput, Stakeholder>(
      Method::post, kBase + "/initiatives/{id}/stakeholders",
      {.action = "change.manage", .summary = "Add a stakeholder", .status = 201}, initiative_visible,
      [&svc](http::Context& c, StakeholderInput in) { return svc.add_stakeholder(c.actor(), c.id(), in); });
  r.checked<StakeholderUpdate, Stakeholder>(
      Method::put, kBase + "/initiatives/{id}/stakeholders/{sid}",
      {.action = "change.manage", .summary = "Edit a stakeholder (send the version)"}, initiative_visible,
      [&svc](http::Context& c, StakeholderUpdate in) {
        return svc.update_stakeholder(c.actor(), c.id(), c.id("sid"), in);
      });
  r.del<void>(kBase + "/initiatives/{id}/stakeholders/{sid}",
              {.action = "change.manage", .summary = "Remove a stakeholder"},
              [&svc](http::Context& c) { svc.delete_stakeholder(c.actor(), c.id(), c.id("sid")); });

  // Plans
  r.get<std::vector<ChangeAction>>(
      kBase + "/initiatives/{id}/actions",
      {.action = "change.read", .summary = "The change plans' actions (communication, sponsorship, coaching, ...)"},
      [&svc](http::Context& c) { return svc.actions(c.actor(), c.id()); });
  r.checked<ChangeActionInput, ChangeAction>(
      Method::post, kBase + "/initiatives/{id}/actions",
      {.action = "change.manage", .summary = "Add a plan action", .status = 201}, initiative_visible,
      [&svc](http::Context& c, ChangeActionInput in) { return svc.add_action(c.actor(), c.id(), in); });
  r.checked<ChangeActionUpdate, ChangeAction>(
      Method::put, kBase + "/initiatives/{id}/actions/{aid}",
      {.action = "change.manage", .summary = "Edit a plan action or its status (send the version)"}, initiative_visible,
      [&svc](http::Context& c, ChangeActionUpdate in) {
        return svc.update_action(c.actor(), c.id(), c.id("aid"), in);
      });
  r.del<void>(kBase + "/initiatives/{id}/actions/{aid}", {.action = "change.manage", .summary = "Remove a plan action"},
              [&svc](http::Context& c) { svc.delete_action(c.actor(), c.id(), c.id("aid")); });

  // Risks
  r.get<std::vector<ChangeRisk>>(kBase + "/initiatives/{id}/risks",
                                 {.action = "change.read", .summary = "The risks, highest score first"},
                                 [&svc](http::Context& c) { return svc.risks(c.actor(), c.id()); });
  r.checked<ChangeRiskInput, ChangeRisk>(
      Method::post, kBase + "/initiatives/{id}/risks",
      {.action = "change.manage", .summary = "Add a risk (likelihood and impact 1–5)", .status = 201},
      initiative_visible, [&svc](http::Context& c, ChangeRiskInput in) { return svc.add_risk(c.actor(), c.id(), in); });
  r.checked<ChangeRiskUpdate, ChangeRisk>(
      Method::put, kBase + "/initiatives/{id}/risks/{rid}",
      {.action = "change.manage", .summary = "Edit a risk (send the version)"}, initiative_visible,
      [&svc](http::Context& c, ChangeRiskUpdate in) { return svc.update_risk(c.actor(), c.id(), c.id("rid"), in); });
  r.del<void>(kBase + "/initiatives/{id}/risks/{rid}", {.action = "change.manage", .summary = "Remove a risk"},
              [&svc](http::Context& c) { svc.delete_risk(c.actor(), c.id(), c.id("rid")); });

  // Challenges
  static const std::vector<std::string_view> kChallengeFilters = {"organization_id", "initiative_id", "category",
                                                                  "status"};
  r.get<core::Page<ChangeChallenge>>(kBase + "/challenges",
                                     {.action = "change.read",
                                      .summary = "Challenges raised by the change teams the caller reads",
                                      .query = http::list_query_doc(kChallengeFilters)},
                                     [&svc](http::Context& c) {
                                       return svc.challenges(
                                           c.actor(), http::parse_list_query(c.request, kChallengeFilters, kIdSort));
                                     });
  r.post<ChangeChallengeInput, ChangeChallenge>(
      kBase + "/challenges", {.action = "change.manage", .summary = "Raise a challenge", .status = 201},
      [&svc](http::Context& c, ChangeChallengeInput in) { return svc.raise_challenge(c.actor(), in); });
  r.checked<ChangeChallengeUpdate, ChangeChallenge>(
      Method::put, kBase + "/challenges/{id}",
      {.action = "change.manage", .summary = "Re-categorise a challenge or change its status (send the version)"},
      [&svc](http::Context& c) { svc.require_challenge_visible(c.actor(), c.id()); },
      [&svc](http::Context& c, ChangeChallengeUpdate in) { return svc.update_challenge(c.actor(), c.id(), in); });

  // Gate reviews
  r.get<std::vector<GateReview>>(kBase + "/initiatives/{id}/reviews",
                                 {.action = "change.read", .summary = "The initiative's gate reviews, newest first"},
                                 [&svc](http::Context& c) { return svc.reviews(c.actor(), c.id()); });
  r.checked<GateReviewInput, GateReview>(
      Method::post, kBase + "/initiatives/{id}/reviews",
      {.action = "change.manage",
       .summary = "Request a review of the next gate by program-office reviewers (they are notified)",
       .status = 201},
      initiative_visible,
      [&svc](http::Context& c, GateReviewInput in) { return svc.request_review(c.actor(), c.id(), in); });
  r.checked<GateCheckInput, GateReview>(
      Method::put, kBase + "/initiatives/{id}/reviews/{rid}/checks/{criterion_id}",
      {.action = "change.review",
       .summary = "Answer one criterion of an open review (the entity's managers or the review's reviewers)"},
      [&svc](http::Context& c) { svc.require_review_access(c.actor(), c.id(), c.id("rid"), false); },
      [&svc](http::Context& c, GateCheckInput in) {
        return svc.put_check(c.actor(), c.id(), c.id("rid"), c.id("criterion_id"), in);
      });
  r.checked<GateDecisionInput, GateReview>(
      Method::post, kBase + "/initiatives/{id}/reviews/{rid}/decision",
      {.action = "change.review",
       .summary = "Decide an open review: pass, pass with conditions or hold (only a reviewer on it)"},
      [&svc](http::Context& c) { svc.require_review_access(c.actor(), c.id(), c.id("rid"), true); },
      [&svc](http::Context& c, GateDecisionInput in) { return svc.decide(c.actor(), c.id(), c.id("rid"), in); });
  r.checked<GateMoveInput, InitiativeDetail>(
      Method::post, kBase + "/initiatives/{id}/gate",
      {.action = "change.manage",
       .summary = "Move an initiative back to an earlier gate with a reason (forward only through a review)"},
      initiative_visible, [&svc](http::Context& c, GateMoveInput in) { return svc.move_back(c.actor(), c.id(), in); });
}

}  // namespace manzuma::modules::change
