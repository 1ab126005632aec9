#pragma once
// Registration of the editions routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class EditionService;

void editions_routes(http::Router& r, EditionService& svc);

}  // namespace manzuma::modules
