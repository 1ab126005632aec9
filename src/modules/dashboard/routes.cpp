// HTTP glue for dashboard: parse, call the service, return. No SQL, no rules.

#include "modules/dashboard/routes.hpp"

#include <charconv>

#include "core/error.hpp"
#include "modules/dashboard/service.hpp"

namespace manzuma::modules {

namespace {

// ?edition_id=N (absent: every edition); anything else in the query is a 400 naming it.
std::optional<std::int64_t> edition_param(const http::Context& c) {
  std::optional<std::int64_t> out;
  for (const auto& [key, value] : c.request.query) {
    if (key != "edition_id")
      throw core::Error::invalid_field(key, "invalid_parameter", "معامل غير معروف", "Unknown query parameter");
    if (value.empty()) continue;
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || p != value.data() + value.size() || n < 1)
      throw core::Error::invalid_field("edition_id", "invalid_parameter", "رقم النسخة غير صالح",
                                       "The edition id is not valid");
    out = n;
  }
  return out;
}

}  // namespace

void dashboard_routes(http::Router& r, DashboardService& svc) {
  r.set_tag("dashboard");
  r.get<NationalFigures>("/api/v1/dashboard/national",
                         {.action = "dashboard.national",
                          .summary = "Headline figures of one edition (edition_id) or of all editions",
                          .query = {"edition_id"}},
                         [&svc](http::Context& c) { return svc.national(c.actor(), edition_param(c)); });
  r.get<EditionTrend>("/api/v1/dashboard/editions",
                      {.action = "dashboard.national", .summary = "The main figures of every edition, oldest first"},
                      [&svc](http::Context& c) { return svc.editions(c.actor()); });
  r.get<AdoptionMatrix>("/api/v1/dashboard/matrix",
                        {.action = "dashboard.national",
                         .summary = "The entity × practice adoption matrix (status, health, percent per cell)",
                         .query = {"edition_id"}},
                        [&svc](http::Context& c) { return svc.matrix(c.actor(), edition_param(c)); });
  r.get<EntityDashboard>(
      "/api/v1/dashboard/entities/{id}",
      {.action = "dashboard.entity",
       .summary = "One entity's adoptions and their progress (its own coordinator and change-team head too)",
       .query = {"edition_id"}},
      [&svc](http::Context& c) { return svc.entity(c.actor(), c.id(), edition_param(c)); });
}

}  // namespace manzuma::modules
