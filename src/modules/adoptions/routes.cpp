// HTTP glue for adoptions: parse, call the service, return. No SQL, no rules.

#include "modules/adoptions/routes.hpp"

#include "http/list_query.hpp"
#include "modules/adoptions/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

namespace {

// A write on one adoption whose body is decoded only after the caller is known to see the adoption, so
// another entity's adoption is a 404 whatever the body holds.
template <class In, class Out, class F>
void scoped_write(http::Router& r, http::Method method, std::string path, http::RouteDoc doc, AdoptionService& svc,
                  F fn) {
  r.checked<In, Out>(
      method, std::move(path), std::move(doc), [&svc](http::Context& c) { svc.require_visible(c.actor(), c.id()); },
      std::move(fn));
}

}  // namespace

void adoptions_routes(http::Router& r, AdoptionService& svc) {
  static const std::vector<std::string_view> kFilters = {"edition_id", "practice_id", "organization_id", "status",
                                                         "health"};
  static const std::vector<std::string_view> kSorts = {"id", "starts_on", "ends_on", "updated_at"};
  using http::Method;
  r.set_tag("adoptions");
  r.get<core::Page<Adoption>>(
      "/api/v1/adoptions",
      {.action = "adoptions.read",
       .summary = "List the adoptions the caller may see, with each plan's health and its reasons",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<Adoption>(
      r, "/api/v1/adoptions",
      {.action = "adoptions.read",
       .title_ar = "الخطط التطبيقية",
       .title_en = "adoptions",
       .labels = platform::record_export_labels()},
      kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<AdoptionChoices>(
      "/api/v1/adoptions/choices",
      {.action = "adoptions.manage", .summary = "The open editions and published practices an entity may adopt"},
      [&svc](http::Context& c) { return svc.choices(c.actor()); });
  r.post<AdoptionInput, AdoptionDetail>(
      "/api/v1/adoptions",
      {.action = "adoptions.manage",
       .summary = "Adopt a published practice in an edition (a draft plan)",
       .status = 201},
      [&svc](http::Context& c, AdoptionInput in) { return svc.create(c.actor(), in); });
  r.get<AdoptionDetail>("/api/v1/adoptions/{id}",
                        {.action = "adoptions.read",
                         .summary = "One adoption with its plan: actions, milestones, indicators, health, what the "
                                    "caller may do"},
                        [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  scoped_write<AdoptionUpdate, AdoptionDetail>(
      r, Method::put, "/api/v1/adoptions/{id}",
      {.action = "adoptions.manage", .summary = "Edit the objective and dates (send the version)"}, svc,
      [&svc](http::Context& c, AdoptionUpdate in) { return svc.update(c.actor(), c.id(), in); });

  struct Move {
    const char* name;
    std::string_view action;
    std::string_view summary;
  };
  static const Move kMoves[] = {
      {"submit", "adoptions.manage", "Submit the plan to the program office for approval"},
      {"approve", "adoptions.approve", "Approve a submitted plan (program office)"},
      {"return", "adoptions.approve", "Return a submitted plan to draft with a reason (program office)"},
      {"complete", "adoptions.manage", "Mark an approved plan completed"},
      {"withdraw", "adoptions.manage", "Withdraw an adoption that is not completed, with a reason"},
  };
  for (const auto& m : kMoves) {
    const std::string name = m.name;
    scoped_write<AdoptionTransition, AdoptionDetail>(
        r, Method::post, "/api/v1/adoptions/{id}/" + name, {.action = m.action, .summary = m.summary}, svc,
        [&svc, name](http::Context& c, AdoptionTransition in) { return svc.transition(c.actor(), c.id(), name, in); });
  }

  scoped_write<PlanActionInput, PlanAction>(
      r, Method::post, "/api/v1/adoptions/{id}/actions",
      {.action = "adoptions.manage", .summary = "Add an action to the plan", .status = 201}, svc,
      [&svc](http::Context& c, PlanActionInput in) { return svc.add_action(c.actor(), c.id(), in); });
  scoped_write<PlanActionUpdate, PlanAction>(
      r, Method::put, "/api/v1/adoptions/{id}/actions/{action_id}",
      {.action = "adoptions.manage",
       .summary = "Edit an action or update its progress (done only at 100%; send the version)"},
      svc, [&svc](http::Context& c, PlanActionUpdate in) {
        return svc.update_action(c.actor(), c.id(), c.id("action_id"), in);
      });
  scoped_write<EvidenceInput, PlanAction>(
      r, Method::post, "/api/v1/adoptions/{id}/actions/{action_id}/evidence",
      {.action = "adoptions.manage",
       .summary = "Link an attachment uploaded under the adopting organisation as evidence",
       .status = 201},
      svc, [&svc](http::Context& c, EvidenceInput in) {
        return svc.add_evidence(c.actor(), c.id(), c.id("action_id"), in);
      });
  r.del<PlanAction>("/api/v1/adoptions/{id}/actions/{action_id}/evidence/{attachment_id}",
                    {.action = "adoptions.manage", .summary = "Unlink evidence from an action"},
                    [&svc](http::Context& c) {
                      return svc.remove_evidence(c.actor(), c.id(), c.id("action_id"), c.id("attachment_id"));
                    });
  r.get<std::vector<ActionComment>>(
      "/api/v1/adoptions/{id}/actions/{action_id}/comments",
      {.action = "adoptions.read", .summary = "The comment thread of an action, oldest first"},
      [&svc](http::Context& c) { return svc.comments(c.actor(), c.id(), c.id("action_id")); });
  scoped_write<ActionCommentInput, ActionComment>(
      r, Method::post, "/api/v1/adoptions/{id}/actions/{action_id}/comments",
      {.action = "adoptions.manage", .summary = "Comment on an action", .status = 201}, svc,
      [&svc](http::Context& c, ActionCommentInput in) {
        return svc.add_comment(c.actor(), c.id(), c.id("action_id"), in);
      });

  scoped_write<MilestoneInput, Milestone>(
      r, Method::post, "/api/v1/adoptions/{id}/milestones",
      {.action = "adoptions.manage", .summary = "Add a milestone", .status = 201}, svc,
      [&svc](http::Context& c, MilestoneInput in) { return svc.add_milestone(c.actor(), c.id(), in); });
  scoped_write<MilestoneUpdate, Milestone>(
      r, Method::put, "/api/v1/adoptions/{id}/milestones/{milestone_id}",
      {.action = "adoptions.manage", .summary = "Edit a milestone or record it reached (send the version)"}, svc,
      [&svc](http::Context& c, MilestoneUpdate in) {
        return svc.update_milestone(c.actor(), c.id(), c.id("milestone_id"), in);
      });

  scoped_write<IndicatorInput, Indicator>(
      r, Method::post, "/api/v1/adoptions/{id}/indicators",
      {.action = "adoptions.manage", .summary = "Add an outcome indicator", .status = 201}, svc,
      [&svc](http::Context& c, IndicatorInput in) { return svc.add_indicator(c.actor(), c.id(), in); });
  scoped_write<IndicatorUpdate, Indicator>(
      r, Method::put, "/api/v1/adoptions/{id}/indicators/{indicator_id}",
      {.action = "adoptions.manage", .summary = "Edit an outcome indicator (send the version)"}, svc,
      [&svc](http::Context& c, IndicatorUpdate in) {
        return svc.update_indicator(c.actor(), c.id(), c.id("indicator_id"), in);
      });
  scoped_write<IndicatorValueInput, Indicator>(
      r, Method::put, "/api/v1/adoptions/{id}/indicators/{indicator_id}/values/{period}",
      {.action = "adoptions.manage",
       .summary = "Record the actual value of a period (YYYY-MM or YYYY-Qn); replaces an earlier one"},
      svc, [&svc](http::Context& c, IndicatorValueInput in) {
        return svc.record_value(c.actor(), c.id(), c.id("indicator_id"), std::string(c.param("period")), in);
      });
}

}  // namespace manzuma::modules
