// HTTP glue for editions: parse, call the service, return. No SQL, no rules.

#include "modules/editions/routes.hpp"

#include "modules/editions/service.hpp"

namespace manzuma::modules {

void editions_routes(http::Router& r, EditionService&) { r.set_tag("editions"); }

}  // namespace manzuma::modules
