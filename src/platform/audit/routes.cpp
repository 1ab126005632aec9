// HTTP glue for the audit log (program office and platform administrators).

#include "platform/routes.hpp"

#include "http/list_query.hpp"
#include "platform/audit/audit.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::platform {

namespace {
const std::vector<ExportLabel> kAuditLabels = {
    {"seq", "التسلسل", "Sequence"},
    {"at", "الوقت", "At"},
    {"actor_id", "معرّف المنفّذ", "Actor ID"},
    {"actor_label", "المنفّذ", "Actor"},
    {"action", "الإجراء", "Action"},
    {"resource_type", "نوع السجل", "Record type"},
    {"resource_id", "معرّف السجل", "Record ID"},
    {"organization_id", "الجهة", "Organisation"},
    {"request_id", "معرّف الطلب", "Request ID"},
    {"remote_address", "العنوان", "Address"},
    {"changes", "التغييرات", "Changes"},
    {"prev_hash", "البصمة السابقة", "Previous hash"},
    {"hash", "البصمة", "Hash"},
};
}  // namespace

void audit_routes(http::Router& r, db::Database& db) {
  static const std::vector<std::string_view> kFilters = {
      "actor_id", "action", "resource_type", "resource_id", "organization_id", "from", "to"};
  r.set_tag("audit");
  r.get<core::Page<AuditEntry>>(
      "/api/v1/audit",
      {.action = "audit.read", .summary = "The audit log, newest first", .query = http::list_query_doc(kFilters)},
      [&db](http::Context& c) { return list_audit(db, http::parse_list_query(c.request, kFilters, {"seq"})); });
  list_export<AuditEntry>(
      r, "/api/v1/audit",
      {.action = "audit.read", .title_ar = "سجل التدقيق", .title_en = "audit", .labels = kAuditLabels}, kFilters,
      {"seq"}, [&db](http::Context&, const core::ListQuery& q) { return list_audit(db, q); });
  r.get<AuditVerification>("/api/v1/audit/verify",
                           {.action = "audit.read", .summary = "Walk the hash chain and report the first broken row"},
                           [&db](http::Context&) { return verify_audit(db); });
}

}  // namespace manzuma::platform
