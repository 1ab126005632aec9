#pragma once
// Registration of the dashboard routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class DashboardService;

void dashboard_routes(http::Router& r, DashboardService& svc);

}  // namespace manzuma::modules
