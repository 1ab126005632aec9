// HTTP glue for research: parse, call the service, return. No SQL, no rules.

#include "modules/research/routes.hpp"

#include "modules/research/service.hpp"

namespace manzuma::modules {

void research_routes(http::Router& r, ResearchStudyService&) { r.set_tag("research"); }

}  // namespace manzuma::modules
