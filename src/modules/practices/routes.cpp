// HTTP glue for practices: parse, call the service, return. No SQL, no rules.

#include "modules/practices/routes.hpp"

#include "core/json.hpp"
#include "http/list_query.hpp"
#include "modules/practices/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

void practices_routes(http::Router& r, PracticeService& svc) {
  static const std::vector<std::string_view> kFilters = {"edition_id", "category", "organization_id", "owner_id",
                                                         "status"};
  static const std::vector<std::string_view> kSorts = {"title_ar", "title_en", "id"};
  r.set_tag("practices");
  r.get<core::Page<Practice>>(
      "/api/v1/practices",
      {.action = "practices.read",
       .summary = "The practice catalogue (q searches titles and summaries)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<Practice>(
      r, "/api/v1/practices",
      {.action = "practices.read",
       .title_ar = "الممارسات الإدارية",
       .title_en = "practices",
       .labels = platform::record_export_labels()},
      kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<PracticeDetail>("/api/v1/practices/{id}",
                        {.action = "practices.read", .summary = "One practice with its toolkit"},
                        [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<PracticeInput, PracticeDetail>(
      "/api/v1/practices",
      {.action = "practices.create", .summary = "Add a draft practice to an edition", .status = 201},
      [&svc](http::Context& c, PracticeInput in) { return svc.create(c.actor(), in); });
  auto editable = [&svc](http::Context& c) { svc.require_editable(c.actor(), c.id()); };
  r.checked<PracticeUpdate, PracticeDetail>(
      http::Method::put, "/api/v1/practices/{id}",
      {.action = "practices.update", .summary = "Edit a practice (national roles, or its owner; send the version)"},
      editable, [&svc](http::Context& c, PracticeUpdate in) { return svc.update(c.actor(), c.id(), in); });
  r.checked<PracticeStatusChange, PracticeDetail>(
      http::Method::post, "/api/v1/practices/{id}/status",
      {.action = "practices.publish", .summary = "Publish, archive or restore a practice"}, editable,
      [&svc](http::Context& c, PracticeStatusChange in) { return svc.change_status(c.actor(), c.id(), in); });
  r.del<void>("/api/v1/practices/{id}",
              {.action = "practices.delete", .summary = "Delete a draft practice nobody adopted"},
              [&svc](http::Context& c) { svc.remove(c.actor(), c.id()); });
  r.checked<ToolkitItemInput, ToolkitItem>(
      http::Method::post, "/api/v1/practices/{id}/toolkit",
      {.action = "practices.update", .summary = "Add a file or link to a practice's toolkit", .status = 201}, editable,
      [&svc](http::Context& c, ToolkitItemInput in) { return svc.add_item(c.actor(), c.id(), in); });
  r.checked<ToolkitItemInput, ToolkitItem>(http::Method::put, "/api/v1/practices/{id}/toolkit/{item_id}",
                                           {.action = "practices.update", .summary = "Edit a toolkit item"}, editable,
                                           [&svc](http::Context& c, ToolkitItemInput in) {
                                             return svc.update_item(c.actor(), c.id(), c.id("item_id"), in);
                                           });
  r.del<void>("/api/v1/practices/{id}/toolkit/{item_id}",
              {.action = "practices.update", .summary = "Remove a toolkit item"},
              [&svc](http::Context& c) { svc.remove_item(c.actor(), c.id(), c.id("item_id")); });
}

}  // namespace manzuma::modules
