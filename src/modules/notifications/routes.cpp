// HTTP glue for notifications: parse, call the service, return. No SQL, no rules.

#include "modules/notifications/routes.hpp"

#include "modules/notifications/service.hpp"

namespace manzuma::modules {

void notifications_routes(http::Router& r, NotificationService&) { r.set_tag("notifications"); }

}  // namespace manzuma::modules
