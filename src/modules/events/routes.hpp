#pragma once
// Registration of the events routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class EventService;

void events_routes(http::Router& r, EventService& svc);

}  // namespace manzuma::modules
