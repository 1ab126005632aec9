// HTTP glue for editions: parse, call the service, return. No SQL, no rules.

#include "modules/editions/routes.hpp"

#include "http/list_query.hpp"
#include "modules/editions/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

void editions_routes(http::Router& r, EditionService& svc) {
  static const std::vector<std::string_view> kFilters = {"status", "year"};
  static const std::vector<std::string_view> kSorts = {"number", "year", "starts_on", "id"};
  r.set_tag("editions");
  r.get<core::Page<Edition>>(
      "/api/v1/editions",
      {.action = "editions.read",
       .summary = "List editions (filter by status, year)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<Edition>(r, "/api/v1/editions",
                                 {.action = "editions.read",
                                  .title_ar = "النسخ",
                                  .title_en = "editions",
                                  .labels = platform::record_export_labels()},
                                 kFilters, kSorts,
                                 [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<Edition>("/api/v1/editions/{id}", {.action = "editions.read", .summary = "One edition"},
                 [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<EditionInput, Edition>(
      "/api/v1/editions", {.action = "editions.manage", .summary = "Create an edition (in planning)", .status = 201},
      [&svc](http::Context& c, EditionInput in) { return svc.create(c.actor(), in); });
  r.put<EditionUpdate, Edition>(
      "/api/v1/editions/{id}", {.action = "editions.manage", .summary = "Edit an edition (send the version you read)"},
      [&svc](http::Context& c, EditionUpdate in) { return svc.update(c.actor(), c.id(), in); });
  r.post<EditionTransition, Edition>(
      "/api/v1/editions/{id}/transition",
      {.action = "editions.manage", .summary = "Move an edition on: planning → open → closed"},
      [&svc](http::Context& c, EditionTransition in) { return svc.transition(c.actor(), c.id(), in); });
}

}  // namespace manzuma::modules
