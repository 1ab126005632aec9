#pragma once
// The running application: configuration, database, services and routes, built once in dependency order.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "modules/notifications/model.hpp"

namespace manzuma::platform {
class OrganizationService;
class AccountService;
class AuthService;
class AttachmentService;
}  // namespace manzuma::platform

namespace manzuma::search {
class Indexer;
}  // namespace manzuma::search

namespace manzuma::modules {
class NotificationService;
class EditionService;
class PracticeService;
class ResearchStudyService;
class AdoptionService;
class EventService;
class PartnershipService;
class DashboardService;
class SearchService;
}  // namespace manzuma::modules

namespace manzuma::modules::change {
class ChangeService;
class ReadinessService;
class ChangeInsightsService;
}  // namespace manzuma::modules::change

namespace manzuma::app {

/// The first administrator's sign-in, when this run created it.
struct FirstAdmin {
  std::string email;
  std::string password;
};

class App {
 public:
  /// Opens the database (creating the SQLite file's folder and the data dir) and the services.
  explicit App(core::Config config);
  ~App();

  const core::Config& config() const { return config_; }
  db::Database& db() { return *db_; }
  const core::Clock& clock() const { return clock_; }
  platform::OrganizationService& organizations() { return *organizations_; }
  platform::AccountService& accounts() { return *accounts_; }
  platform::AuthService& auth() { return *auth_; }
  platform::AttachmentService& attachments() { return *attachments_; }
  modules::NotificationService& notifications() { return *notifications_; }
  modules::EditionService& editions() { return *editions_; }
  modules::PracticeService& practices() { return *practices_; }
  modules::ResearchStudyService& research() { return *research_; }
  modules::AdoptionService& adoptions() { return *adoptions_; }
  modules::EventService& events() { return *events_; }
  modules::PartnershipService& partnerships() { return *partnerships_; }
  modules::DashboardService& dashboard() { return *dashboard_; }
  modules::change::ChangeService& change() { return *change_; }
  modules::change::ReadinessService& readiness() { return *readiness_; }
  modules::change::ChangeInsightsService& change_insights() { return *change_insights_; }
  /// The search index and the sources that feed it (config().search_dir).
  search::Indexer& indexer() { return *indexer_; }

  /// Applies pending migrations; returns how many.
  int migrate();
  db::MigrationStatus migration_status();

  /// Creates the first platform administrator (admin@manzuma.local) when no one holds that role.
  std::optional<FirstAdmin> ensure_first_admin();

  /// Registers every route; throws if a route names a policy action the policy table does not know.
  void build_routes();
  const http::Router& router() const { return router_; }

  /// Runs the notification scan for `today` (YYYY-MM-DD; empty: today, UTC): due notices, digests, e-mail.
  modules::ScanResult scan_notifications(std::string_view today = {});

  /// Rebuilds the search index from the database into a new generation and makes it live (`manzuma reindex`);
  /// `progress(done, total)` as it goes. Returns the documents indexed.
  std::size_t reindex(const std::function<void(std::size_t, std::size_t)>& progress = {});

  /// Builds the search index if there is none and catches it up; listens, calls `on_ready(port)`, and serves
  /// until SIGTERM/SIGINT; then closes the database cleanly. Meanwhile a timer runs the notification scan at
  /// start and every `notify_scan_minutes`, and another applies the search outbox every second.
  void serve(const std::function<void(std::uint16_t)>& on_ready);

 private:
  void system_routes();

  core::Config config_;
  core::SystemClock clock_;
  std::unique_ptr<db::Database> db_;
  std::vector<db::Migration> migrations_;
  std::unique_ptr<platform::OrganizationService> organizations_;
  std::unique_ptr<platform::AccountService> accounts_;
  std::unique_ptr<platform::AuthService> auth_;
  std::unique_ptr<platform::AttachmentService> attachments_;
  std::unique_ptr<modules::NotificationService> notifications_;
  std::unique_ptr<modules::EditionService> editions_;
  std::unique_ptr<modules::PracticeService> practices_;
  std::unique_ptr<modules::ResearchStudyService> research_;
  std::unique_ptr<modules::AdoptionService> adoptions_;
  std::unique_ptr<modules::EventService> events_;
  std::unique_ptr<modules::PartnershipService> partnerships_;
  std::unique_ptr<modules::DashboardService> dashboard_;
  std::unique_ptr<modules::change::ChangeService> change_;
  std::unique_ptr<modules::change::ReadinessService> readiness_;
  std::unique_ptr<modules::change::ChangeInsightsService> change_insights_;
  std::unique_ptr<search::Indexer> indexer_;
  std::unique_ptr<modules::SearchService> search_;
  http::Router router_;
  http::Metrics metrics_;
  std::unique_ptr<http::StaticFiles> static_files_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::function<std::size_t()> open_connections_;
};

/// Seeds the demo organisations and one user per role (see DOMAIN.md). Returns false when already seeded.
bool seed_demo(App& app);

/// The demo users' shared password (demo data only; printed by `manzuma seed demo`).
inline constexpr std::string_view kDemoPassword = "Manzuma-Demo-2026!";

}  // namespace manzuma::app
