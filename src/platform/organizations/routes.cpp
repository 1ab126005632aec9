// HTTP glue for organisations: parse, call the service, return. No SQL, no rules.

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/export/export_route.hpp"
#include "platform/organizations/service.hpp"

namespace manzuma::platform {

namespace {
const std::vector<ExportLabel> kOrganizationLabels = {
    {"id", "المعرّف", "ID"},
    {"kind", "النوع", "Kind"},
    {"name_ar", "الاسم بالعربية", "Name (Arabic)"},
    {"name_en", "الاسم بالإنجليزية", "Name (English)"},
    {"parent_id", "الجهة الأم", "Parent"},
    {"path", "المسار", "Path"},
    {"governorate_id", "المحافظة", "Governorate"},
    {"country", "الدولة", "Country"},
    {"active", "نشطة", "Active"},
    {"version", "الإصدار", "Version"},
    {"created_at", "أُنشئت في", "Created at"},
    {"updated_at", "عُدّلت في", "Updated at"},
};
}  // namespace

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
  list_export<Organization>(r, "/api/v1/organizations",
                            {.action = "organizations.read",
                             .title_ar = "الجهات",
                             .title_en = "organizations",
                             .labels = kOrganizationLabels},
                            kFilters, kSorts,
                            [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
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
