// HTTP glue for partnerships: parse, call the service, return. No SQL, no rules.

#include "modules/partnerships/routes.hpp"

#include "modules/partnerships/service.hpp"

namespace manzuma::modules {

void partnerships_routes(http::Router& r, PartnershipService&) { r.set_tag("partnerships"); }

}  // namespace manzuma::modules
