// HTTP glue for partnerships: parse, call the service, return. No SQL, no rules.

#include "modules/partnerships/routes.hpp"

#include "http/list_query.hpp"
#include "modules/partnerships/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

void partnerships_routes(http::Router& r, PartnershipService& svc) {
  static const std::vector<std::string_view> kFilters = {"status", "organization_id", "expires_before",
                                                         "expires_after"};
  static const std::vector<std::string_view> kSorts = {"expires_on", "signed_on", "title_ar", "title_en", "id"};
  r.set_tag("partnerships");
  r.get<core::Page<PartnershipSummary>>(
      "/api/v1/partnerships",
      {.action = "partnerships.read",
       .summary = "List memoranda of cooperation (status as of today; filter[organization_id] = a party)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<PartnershipSummary>(
      r, "/api/v1/partnerships",
      {.action = "partnerships.read",
       .title_ar = "مذكرات التعاون",
       .title_en = "partnerships",
       .labels = platform::record_export_labels()},
      kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<Partnership>("/api/v1/partnerships/{id}",
                     {.action = "partnerships.read", .summary = "One MoU with its parties, areas and actions"},
                     [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<PartnershipInput, Partnership>(
      "/api/v1/partnerships", {.action = "partnerships.manage", .summary = "Create an MoU (as a draft)", .status = 201},
      [&svc](http::Context& c, PartnershipInput in) { return svc.create(c.actor(), in); });
  r.put<PartnershipUpdate, Partnership>(
      "/api/v1/partnerships/{id}",
      {.action = "partnerships.manage", .summary = "Edit an MoU (send the version you read)"},
      [&svc](http::Context& c, PartnershipUpdate in) { return svc.update(c.actor(), c.id(), in); });
  r.post<PartnershipTransition, Partnership>(
      "/api/v1/partnerships/{id}/status", {.action = "partnerships.manage", .summary = "Activate or terminate an MoU"},
      [&svc](http::Context& c, PartnershipTransition in) { return svc.transition(c.actor(), c.id(), in); });
  r.post<PartnershipActionInput, PartnershipAction>(
      "/api/v1/partnerships/{id}/actions",
      {.action = "partnerships.manage", .summary = "Add a follow-up action (its owner is notified)", .status = 201},
      [&svc](http::Context& c, PartnershipActionInput in) { return svc.add_action(c.actor(), c.id(), in); });
  r.put<PartnershipActionUpdate, PartnershipAction>(
      "/api/v1/partnerships/{id}/actions/{action_id}",
      {.action = "partnerships.manage", .summary = "Edit a follow-up action or change its status"},
      [&svc](http::Context& c, PartnershipActionUpdate in) {
        return svc.update_action(c.actor(), c.id(), c.id("action_id"), in);
      });
}

}  // namespace manzuma::modules
