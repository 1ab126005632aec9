#pragma once
// Registration of the research routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class ResearchStudyService;

void research_routes(http::Router& r, ResearchStudyService& svc);

}  // namespace manzuma::modules
