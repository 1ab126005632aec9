// HTTP glue for events: parse, call the service, return. No SQL, no rules.

#include "modules/events/routes.hpp"

#include "modules/events/service.hpp"

namespace manzuma::modules {

void events_routes(http::Router& r, EventService&) { r.set_tag("events"); }

}  // namespace manzuma::modules
