#pragma once
// Registration of the partnerships routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class PartnershipService;

void partnerships_routes(http::Router& r, PartnershipService& svc);

}  // namespace manzuma::modules
