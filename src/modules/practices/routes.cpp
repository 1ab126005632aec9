// HTTP glue for practices: parse, call the service, return. No SQL, no rules.

#include "modules/practices/routes.hpp"

#include "modules/practices/service.hpp"

namespace manzuma::modules {

void practices_routes(http::Router& r, PracticeService&) { r.set_tag("practices"); }

}  // namespace manzuma::modules
