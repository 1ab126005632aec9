#pragma once
// Registration of the notifications routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class NotificationService;

void notifications_routes(http::Router& r, NotificationService& svc);

}  // namespace manzuma::modules
