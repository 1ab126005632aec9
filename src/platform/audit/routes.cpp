// HTTP glue for the audit log (program office and platform administrators).

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/audit/audit.hpp"

namespace manzuma::platform {

void audit_routes(http::Router& r, db::Database& db) {
  static const std::vector<std::string_view> kFilters = {
      "actor_id", "action", "resource_type", "resource_id", "organization_id", "from", "to"};
  r.set_tag("audit");
  r.get<core::Page<AuditEntry>>(
      "/api/v1/audit",
      {.action = "audit.read", .summary = "The audit log, newest first", .query = http::list_query_doc(kFilters)},
      [&db](http::Context& c) { return list_audit(db, http::parse_list_query(c.request, kFilters, {"seq"})); });
  r.get<AuditVerification>("/api/v1/audit/verify",
                           {.action = "audit.read", .summary = "Walk the hash chain and report the first broken row"},
                           [&db](http::Context&) { return verify_audit(db); });
}

}  // namespace manzuma::platform
