#pragma once
// Registration of the change portfolio's routes (/api/v1/change/...); src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules::change {

class ChangeService;

void change_routes(http::Router& r, ChangeService& svc);

}  // namespace manzuma::modules::change
