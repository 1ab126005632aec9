// HTTP glue for organisations: parse, call the service, return. No SQL, no rules.

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/organizations/service.hpp"

namespace manzuma::platform {

void organization_routes(http::Router& r, OrganizationService& svc) {
  static const std::vector<std::string_view> kFilters = {"kind",   "parent_id", "governorate_id",
                                                         "active", "country",   "within"};
  static const std::vector<std::string_view> kSorts = {"name_ar", "name_en", "id"};
  r.set_tag("organizations");
  r.get<core::Page<Organization>>(
      "/api/v1/organizations",
      {.action = "organizations.read",
       .summary = "List organisations (filter[parent_id]=0 for roots, filter[within]=id for a subtree)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  r.get<Organization>("/api/v1/organizations/{id}", {.action = "organizations.read", .summary = "One organisation"},
                      [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<OrganizationInput, Organization>(
      "/api/v1/organizations", {.action = "organizations.create", .summary = "Create an organisation", .status = 201},
      [&svc](http::Context& c, OrganizationInput in) { return svc.create(c.actor(), in); });
  r.put<OrganizationUpdate, Organization>(
      "/api/v1/organizations/{id}",
      {.action = "organizations.update", .summary = "Edit or move an organisation (send the version you read)"},
      [&svc](http::Context& c, OrganizationUpdate in) { return svc.update(c.actor(), c.id(), in); });
}

}  // namespace manzuma::platform
