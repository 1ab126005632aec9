// HTTP glue for dashboard: parse, call the service, return. No SQL, no rules.

#include "modules/dashboard/routes.hpp"

#include "modules/dashboard/service.hpp"

namespace manzuma::modules {

void dashboard_routes(http::Router& r, DashboardService&) { r.set_tag("dashboard"); }

}  // namespace manzuma::modules
