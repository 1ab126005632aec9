#pragma once
// Registration of the readiness and insights routes (/api/v1/change/...): surveys and their public answer page,
// saturation, entity settings and the national view; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules::change {

class ReadinessService;
class ChangeInsightsService;

void change_readiness_routes(http::Router& r, ReadinessService& readiness, ChangeInsightsService& insights);

}  // namespace manzuma::modules::change
