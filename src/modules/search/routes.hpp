#pragma once
// Registration of the search routes; src/app/ calls it once at start-up.

#include "http/router.hpp"

namespace manzuma::modules {

class SearchService;

void search_routes(http::Router& r, SearchService& svc);

}  // namespace manzuma::modules
