#pragma once
// Registration of the adoptions routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class AdoptionService;

void adoptions_routes(http::Router& r, AdoptionService& svc);

}  // namespace manzuma::modules
