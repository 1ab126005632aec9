#pragma once
// Registration of the practices routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class PracticeService;

void practices_routes(http::Router& r, PracticeService& svc);

}  // namespace manzuma::modules
