// HTTP glue for adoptions: parse, call the service, return. No SQL, no rules.

#include "modules/adoptions/routes.hpp"

#include "modules/adoptions/service.hpp"

namespace manzuma::modules {

void adoptions_routes(http::Router& r, AdoptionService&) { r.set_tag("adoptions"); }

}  // namespace manzuma::modules
