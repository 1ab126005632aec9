// /healthz, /readyz, /metrics, the OpenAPI document and the version: the routes operators and tools use.

#include <boost/describe.hpp>

#include "app/app.hpp"
#include "core/json.hpp"

#ifndef MANZUMA_VERSION
#define MANZUMA_VERSION "dev"
#endif

namespace manzuma::app {

namespace {

struct Health {
  std::string status;
};
BOOST_DESCRIBE_STRUCT(Health, (), (status))

struct Readiness {
  std::string status;
  std::int64_t migrations_applied = 0;
  std::int64_t migrations_known = 0;
};
BOOST_DESCRIBE_STRUCT(Readiness, (), (status, migrations_applied, migrations_known))

struct Version {
  std::string version;
  std::string database;
};
BOOST_DESCRIBE_STRUCT(Version, (), (version, database))

core::Error not_ready(std::string detail) {
  return core::Error(core::ErrorKind::unavailable, "not_ready", "الخدمة غير جاهزة بعد", "The service is not ready")
      .with_detail(std::move(detail))
      .with_retry_after(5);
}

}  // namespace

void App::system_routes() {
  router_.set_tag("system");
  router_.get<Health>("/healthz", {.action = http::kPublic, .summary = "Alive"},
                      [](http::Context&) { return Health{"ok"}; });
  router_.get<Readiness>("/readyz", {.action = http::kPublic, .summary = "Database reachable and migrations current"},
                         [this](http::Context&) {
                           db::MigrationStatus st;
                           try {
                             st = migration_status();
                           } catch (const std::exception& e) {
                             throw not_ready(e.what());
                           }
                           if (!st.current())
                             throw not_ready(std::to_string(st.known - st.applied) + " migrations pending");
                           return Readiness{"ready", st.applied, st.known};
                         });
  router_.add(
      http::Method::get, "/metrics",
      {.action = http::kPublic, .summary = "Prometheus metrics", .produces = "text/plain"}, [this](http::Context& c) {
        const auto pool = db_->stats();
        const double uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
        c.response.content_type = "text/plain; version=0.0.4; charset=utf-8";
        c.response.body = metrics_.render({
            {"manzuma_uptime_seconds", "Seconds since the process started.", uptime},
            {"manzuma_db_pool_size", "Database connections the pool may open.", double(pool.size)},
            {"manzuma_db_pool_in_use", "Database connections lent out now.", double(pool.in_use)},
            {"manzuma_db_pool_acquired_total", "Connections lent since start.", double(pool.acquired)},
            {"manzuma_db_pool_waited_total", "Times a request waited for a connection.", double(pool.waited)},
            {"manzuma_http_open_connections", "Open client connections.",
             open_connections_ ? double(open_connections_()) : 0.0},
        });
      });
  router_.add(http::Method::get, "/api/v1/openapi.json",
              {.action = http::kPublic, .summary = "This API, described as OpenAPI 3.1"},
              [this](http::Context& c) { c.response.body = core::json::to_text(router_.openapi(MANZUMA_VERSION)); });
  router_.get<Version>(
      "/api/v1/version", {.action = http::kPublic, .summary = "Server version and database kind"},
      [this](http::Context&) {
        return Version{MANZUMA_VERSION, db_->dialect() == db::Dialect::sqlite ? "sqlite" : "postgresql"};
      });
}

}  // namespace manzuma::app
