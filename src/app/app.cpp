#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <stop_token>
#include <thread>

#include "app/migrations.hpp"
#include "core/crypto.hpp"
#include "core/day.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "modules/adoptions/api.hpp"
#include "modules/adoptions/routes.hpp"
#include "modules/adoptions/service.hpp"
#include "modules/change/api.hpp"
#include "modules/change/insights.hpp"
#include "modules/change/readiness.hpp"
#include "modules/change/readiness_routes.hpp"
#include "modules/change/routes.hpp"
#include "modules/change/service.hpp"
#include "modules/dashboard/routes.hpp"
#include "modules/dashboard/service.hpp"
#include "modules/editions/api.hpp"
#include "modules/editions/routes.hpp"
#include "modules/editions/service.hpp"
#include "modules/events/api.hpp"
#include "modules/events/routes.hpp"
#include "modules/events/service.hpp"
#include "modules/notifications/routes.hpp"
#include "modules/notifications/service.hpp"
#include "modules/partnerships/api.hpp"
#include "modules/partnerships/routes.hpp"
#include "modules/partnerships/service.hpp"
#include "modules/policies.hpp"
#include "modules/practices/api.hpp"
#include "modules/practices/routes.hpp"
#include "modules/practices/service.hpp"
#include "modules/research/api.hpp"
#include "modules/research/routes.hpp"
#include "modules/research/service.hpp"
#include "modules/search/routes.hpp"
#include "modules/search/service.hpp"
#include "platform/accounts/service.hpp"
#include "platform/attachments/service.hpp"
#include "platform/auth/service.hpp"
#include "platform/idempotency.hpp"
#include "platform/organizations/service.hpp"
#include "platform/rbac.hpp"
#include "platform/routes.hpp"
#include "search/sync.hpp"

namespace manzuma::app {

namespace fs = std::filesystem;

namespace {

unsigned cores() { return std::max(1u, std::thread::hardware_concurrency()); }

core::Config resolved(core::Config c) {
  if (c.io_threads == 0) c.io_threads = cores();
  if (c.workers == 0) c.workers = 4 * cores();
  if (c.db_pool == 0) c.db_pool = c.workers;
  if (c.search_dir.empty()) c.search_dir = (fs::path(c.data_dir) / "search").string();
  return c;
}

}  // namespace

App::App(core::Config config) : config_(resolved(std::move(config))) {
  core::crypto_init();
  fs::create_directories(config_.data_dir);
  if (config_.database_url.starts_with("sqlite:")) {
    const fs::path file = config_.database_url.substr(7);
    if (file != ":memory:" && file.has_parent_path()) fs::create_directories(file.parent_path());
  }
  db_ = db::Database::open(config_.database_url, config_.db_pool);
  db_->set_memo_max_age(std::chrono::milliseconds(config_.memo_max_age_ms));
  migrations_ = db::load_migrations(embedded_migrations());
  organizations_ = std::make_unique<platform::OrganizationService>(*db_, clock_);
  accounts_ = std::make_unique<platform::AccountService>(*db_, clock_, config_.password_cost);
  auth_ = std::make_unique<platform::AuthService>(*db_, clock_, config_, *accounts_);
  attachments_ =
      std::make_unique<platform::AttachmentService>(*db_, clock_, config_.data_dir, config_.http.max_upload_bytes);
  notifications_ = std::make_unique<modules::NotificationService>(*db_, clock_);
  editions_ = std::make_unique<modules::EditionService>(*db_, clock_);
  practices_ = std::make_unique<modules::PracticeService>(*db_, clock_);
  research_ = std::make_unique<modules::ResearchStudyService>(*db_, clock_);
  adoptions_ = std::make_unique<modules::AdoptionService>(*db_, clock_);
  events_ = std::make_unique<modules::EventService>(*db_, clock_);
  partnerships_ = std::make_unique<modules::PartnershipService>(*db_, clock_);
  dashboard_ = std::make_unique<modules::DashboardService>(*db_, clock_);
  change_ = std::make_unique<modules::change::ChangeService>(*db_, clock_);
  readiness_ = std::make_unique<modules::change::ReadinessService>(*db_, clock_);
  change_insights_ = std::make_unique<modules::change::ChangeInsightsService>(*db_, clock_);
  // Every area with records a user may search feeds the one index (its api.hpp); the writes enqueue them.
  indexer_ = std::make_unique<search::Indexer>(*db_, config_.search_dir);
  for (auto source :
       {modules::practices_search_source(), modules::research_search_source(), modules::events_search_source(),
        modules::editions_search_source(), modules::partnerships_search_source(), modules::adoptions_search_source(),
        modules::change::initiatives_search_source()})
    indexer_->add_source(std::move(source));
  search_ = std::make_unique<modules::SearchService>(*db_, *indexer_);
  // Studies, adoptions and change initiatives are read by organisation path: a move changes who finds them.
  organizations_->add_move_listener([](db::Session& s, std::string_view path) {
    modules::enqueue_studies_under(s, path);
    modules::enqueue_adoptions_under(s, path);
    modules::change::enqueue_initiatives_under(s, path);
  });
  // Time-driven notices: each area that has them registers its due source with the scan.
  notifications_->add_due_source(
      [this](db::Session& s, std::string_view today) { return partnerships_->due_notices(s, today); });
  notifications_->add_due_source([](db::Session& s, std::string_view today) { return modules::due_notices(s, today); });
  notifications_->set_email({config_.smtp_url, config_.smtp_from});
  // Files other entities may open through an area's records (a published toolkit, a study under review).
  attachments_->add_reader_rule(modules::toolkit_file_readable);
  attachments_->add_reader_rule(modules::study_file_readable);
  modules::register_all_policies();
}

App::~App() = default;

int App::migrate() { return db::migrate(*db_, migrations_); }

db::MigrationStatus App::migration_status() { return db::migration_status(*db_, migrations_); }

std::optional<FirstAdmin> App::ensure_first_admin() {
  if (accounts_->any_with_role(core::Role::platform_admin)) return std::nullopt;
  const core::Origin origin{"first-run", "local", "manzuma"};
  // The administrator belongs to the program office; on an empty database, one is created for them.
  auto office = db_->read([](db::Session& s) {
    return s.query_one<std::int64_t>("SELECT id FROM organizations WHERE kind = 'program_office' ORDER BY id LIMIT 1");
  });
  if (!office) {
    office = organizations_
                 ->create_as_system({platform::OrganizationKind::program_office, "مكتب البرنامج الوطني",
                                     "National Program Office", std::nullopt, std::nullopt, platform::Country::OM},
                                    origin)
                 .id;
  }
  platform::UserInput in;
  in.email = "admin@manzuma.local";
  in.name_ar = "مدير المنصة";
  in.name_en = "Platform Administrator";
  in.memberships = {{*office, core::Role::platform_admin}};
  auto created = accounts_->create_as_system(in, origin, "first-run");
  return FirstAdmin{created.user.email, created.temporary_password.value_or("")};
}

void App::build_routes() {
  system_routes();
  platform::auth_routes(router_, *auth_, *accounts_, config_);
  platform::organization_routes(router_, *organizations_);
  platform::account_routes(router_, *accounts_);
  platform::audit_routes(router_, *db_);
  platform::attachment_routes(router_, *attachments_);
  modules::notifications_routes(router_, *notifications_);
  modules::editions_routes(router_, *editions_);
  modules::practices_routes(router_, *practices_);
  modules::research_routes(router_, *research_);
  modules::adoptions_routes(router_, *adoptions_);
  modules::events_routes(router_, *events_);
  modules::partnerships_routes(router_, *partnerships_);
  modules::change::change_routes(router_, *change_);
  modules::change::change_readiness_routes(router_, *readiness_, *change_insights_);
  modules::dashboard_routes(router_, *dashboard_);
  modules::search_routes(router_, *search_);
  for (const auto& r : router_.routes())
    if (r.doc.action != http::kPublic && !platform::is_known_action(r.doc.action))
      throw std::logic_error("route " + r.path + " names unknown policy action '" + std::string(r.doc.action) + "'");
}

modules::ScanResult App::scan_notifications(std::string_view today) {
  const std::string day = today.empty() ? core::today(clock_) : std::string(today);
  return notifications_->scan(day);
}

std::size_t App::reindex(const std::function<void(std::size_t, std::size_t)>& progress) {
  return indexer_->rebuild(progress);
}

void App::serve(const std::function<void(std::uint16_t)>& on_ready) {
  // Before listening: the first search finds a complete index, and a second server on the same search
  // directory stops here with a clear message (the index takes one writer).
  const auto applied = indexer_->catch_up();
  spdlog::info("search index in {} is current ({} outbox rows applied at start)", config_.search_dir, applied);
  static_files_ = std::make_unique<http::StaticFiles>(config_.web_root);
  http::Dispatcher dispatcher(router_, config_, metrics_, static_files_.get());
  dispatcher.set_authenticator([this](const http::Request& r, bool public_route) {
    platform::Credentials c;
    c.session_cookie = r.cookie(platform::kSessionCookie);
    c.authorization = r.header("authorization");
    c.csrf_header = r.header("x-csrf-token");
    c.unsafe_method = !http::is_safe(r.method) && !public_route;
    c.origin = {r.request_id, r.remote_address, std::string(r.header("user-agent").value_or("").substr(0, 300))};
    return auth_->authenticate(c);
  });
  dispatcher.set_authorizer(
      [](const core::Actor& a, std::string_view action) { return platform::may_call(a, action); });
  dispatcher.set_idempotency_store({[this](std::int64_t user, std::string_view key, std::string_view route,
                                           std::string_view hash) -> std::optional<http::Response> {
                                      auto stored = platform::find_answer(*db_, clock_, user, key, route, hash);
                                      if (!stored) return std::nullopt;
                                      http::Response r;
                                      r.status = static_cast<int>(stored->status);
                                      r.body = std::move(stored->body);
                                      if (r.body.empty()) r.content_type.clear();
                                      return r;
                                    },
                                    [this](std::int64_t user, std::string_view key, std::string_view route,
                                           std::string_view hash, const http::Response& r) {
                                      platform::save_answer(*db_, clock_, user, key, route, hash, {r.status, r.body});
                                    }});

  http::Server server(config_, {[&](http::Request& r) { return dispatcher.handle(r); },
                                [&](const http::Request& r) { return dispatcher.body_limit(r); },
                                [&](int status, const http::Request& r) { return dispatcher.refusal(status, r); }});
  open_connections_ = [&server] { return server.open_connections(); };
  server.listen();
  on_ready(server.port());
  {
    // The notification scan at start and then every notify_scan_minutes; the jthread is asked to stop and
    // joined when serving ends, interrupting its wait.
    std::jthread timer;
    if (config_.notify_scan_minutes > 0) {
      timer = std::jthread([this](std::stop_token stop) {
        std::mutex m;
        std::condition_variable_any cv;
        while (!stop.stop_requested()) {
          try {
            const auto r = scan_notifications();
            spdlog::info("notification scan {}: {} notices, {} digests, {} e-mailed", r.today, r.notices_created,
                         r.digests_built, r.digests_emailed);
          } catch (const std::exception& e) {
            spdlog::error("notification scan failed: {}", e.what());
          }
          std::unique_lock lock(m);
          cv.wait_for(lock, stop, std::chrono::minutes(config_.notify_scan_minutes), [] { return false; });
        }
      });
    }
    // Applies the search outbox every second: writes made by other servers on the same database (and by
    // `manzuma reindex`) reach this one's index even when nobody searches here. Searches catch up themselves.
    std::jthread search_sync([this](std::stop_token stop) {
      std::mutex m;
      std::condition_variable_any cv;
      while (!stop.stop_requested()) {
        try {
          indexer_->catch_up();
        } catch (const std::exception& e) {
          spdlog::error("search catch-up failed: {}", e.what());
        }
        std::unique_lock lock(m);
        cv.wait_for(lock, stop, std::chrono::seconds(1), [] { return false; });
      }
    });
    server.run();
  }
  open_connections_ = nullptr;
  db_->close_idle();
  spdlog::info("stopped");
}

}  // namespace manzuma::app
