// The server's per-request hot paths, each alone (Google Benchmark): writing a page of records as JSON, the
// RBAC decision, and turning a session cookie into an Actor against a real SQLite database. wrk (run.sh)
// measures whole requests; these say which part of a request costs what. Run by bench/run.sh (make bench).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/migrations.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/crypto.hpp"
#include "core/json.hpp"
#include "core/page.hpp"
#include "corpus.hpp"
#include "db/database.hpp"
#include "db/migrate.hpp"
#include "modules/policies.hpp"
#include "modules/practices/model.hpp"
#include "platform/accounts/service.hpp"
#include "platform/auth/service.hpp"
#include "platform/organizations/model.hpp"
#include "platform/rbac.hpp"

namespace {

using namespace manzuma;
using core::Role;

constexpr std::size_t kPageSize = 50;

// --- JSON serialisation of a page ------------------------------------------------------------------------

std::string words(bench::Rng& rng, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += bench::arabic_word(rng);
  }
  return s;
}

std::string english_words(bench::Rng& rng, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += bench::kEnglishWords[rng.below(std::size(bench::kEnglishWords))];
  }
  return s;
}

// A full page of organisations as GET /api/v1/organizations returns it: a ministry's entities, Arabic and
// English names, paths three levels deep.
const core::Page<platform::Organization>& organizations_page() {
  static const auto page = [] {
    bench::Rng rng(7001);
    core::Page<platform::Organization> p;
    for (std::size_t i = 0; i < kPageSize; ++i) {
      platform::Organization o;
      o.id = static_cast<std::int64_t>(100 + i);
      o.kind = i % 3 ? platform::OrganizationKind::authority : platform::OrganizationKind::governorate;
      o.name_ar = "هيئة " + words(rng, 2 + rng.below(3));
      o.name_en = "Authority for " + english_words(rng, 2 + rng.below(3));
      o.parent_id = 7;
      o.path = "/1/7/" + std::to_string(o.id) + "/";
      if (i % 4 == 0) o.governorate_id = 12;
      o.created_at = "2026-03-01T08:15:00Z";
      o.updated_at = "2026-11-20T10:42:13Z";
      o.version = 3;
      p.items.push_back(std::move(o));
    }
    p.next = "eyJrIjoi2YfZitim2KkiLCJpZCI6MTQ5fQ";
    p.total = 460;
    return p;
  }();
  return page;
}

// A full page of the practice catalogue: the heaviest common list (titles, summaries, benefits and
// prerequisites in both languages; about 2 KB of text per item).
const core::Page<modules::Practice>& practices_page() {
  static const auto page = [] {
    bench::Rng rng(7002);
    core::Page<modules::Practice> p;
    for (std::size_t i = 0; i < kPageSize; ++i) {
      modules::Practice x;
      x.id = static_cast<std::int64_t>(1 + i);
      x.edition_id = 2;
      x.edition_number = 2;
      x.organization_id = static_cast<std::int64_t>(8 + i % 20);
      x.organization_name_ar = "وزارة " + words(rng, 2);
      x.organization_name_en = "Ministry of " + english_words(rng, 2);
      if (i % 5) {
        x.owner_id = static_cast<std::int64_t>(300 + i);
        x.owner_name_ar = "سالم بن خميس " + words(rng, 1);
        x.owner_name_en = "Salim bin Khamis Al Harthy";
      }
      x.category = static_cast<modules::PracticeCategory>(i % 9);
      x.title_ar = bench::title(rng);
      x.title_en = english_words(rng, 5);
      x.summary_ar = bench::body(rng, 40);
      x.summary_en = english_words(rng, 40);
      x.benefits_ar = bench::body(rng, 25);
      x.benefits_en = english_words(rng, 25);
      x.prerequisites_ar = bench::body(rng, 15);
      x.prerequisites_en = english_words(rng, 15);
      x.status = modules::PracticeStatus::published;
      x.created_at = "2026-02-11T09:00:00Z";
      x.updated_at = "2026-10-02T13:21:45Z";
      p.items.push_back(std::move(x));
    }
    p.next = "eyJpZCI6NTB9";
    p.total = 1200;
    return p;
  }();
  return page;
}

// What the router does with a handler's result: core::json::to_text_of (http/router.hpp, add_typed).
template <class T>
void write_page(benchmark::State& state, const core::Page<T>& page) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = core::json::to_text_of(page);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * page.items.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["page_bytes"] = static_cast<double>(bytes);
}

// The same text built the other way (a Boost.JSON document, then serialised): what the direct writer
// replaced, kept to show the difference.
template <class T>
void write_page_via_document(benchmark::State& state, const core::Page<T>& page) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = core::json::to_text(core::json::encode(page));
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * page.items.size()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_OrganizationsPageJson(benchmark::State& state) { write_page(state, organizations_page()); }
BENCHMARK(BM_OrganizationsPageJson);
void BM_OrganizationsPageJsonViaDocument(benchmark::State& state) {
  write_page_via_document(state, organizations_page());
}
BENCHMARK(BM_OrganizationsPageJsonViaDocument);
void BM_PracticesPageJson(benchmark::State& state) { write_page(state, practices_page()); }
BENCHMARK(BM_PracticesPageJson);
void BM_PracticesPageJsonViaDocument(benchmark::State& state) { write_page_via_document(state, practices_page()); }
BENCHMARK(BM_PracticesPageJsonViaDocument);

// --- Policy checks -----------------------------------------------------------------------------------------

core::Membership membership(std::int64_t org, std::string path, Role role) { return {org, std::move(path), role}; }

// An entity coordinator of a ministry who also leads a change team in one of its authorities and views a
// governorate branch.
core::Actor coordinator() {
  core::Actor a;
  a.user_id = 42;
  a.email = "coordinator@gen.manzuma.om";
  a.memberships = {membership(7, "/1/7/", Role::entity_coordinator), membership(31, "/1/7/31/", Role::change_team_head),
                   membership(55, "/1/12/55/", Role::viewer)};
  return a;
}

core::Actor program_office() {
  core::Actor a;
  a.user_id = 2;
  a.email = "office@gen.manzuma.om";
  a.memberships = {membership(1, "/1/", Role::program_office)};
  return a;
}

// A request on an adoption plan of an authority under the ministry: may the route be called at all (the
// dispatcher), then is the record in the caller's scope (the service).
void BM_PolicyCoordinator(benchmark::State& state) {
  modules::register_all_policies();  // the whole table, as the app has it: the coarse check scans it
  const auto actor = coordinator();
  for (auto _ : state) {
    bool ok = platform::may_call(actor, "adoptions.manage") &&
              platform::in_scope(actor, "/1/7/31/204/", {Role::entity_coordinator, Role::change_team_head});
    benchmark::DoNotOptimize(ok);
    if (!ok) state.SkipWithError("the coordinator was refused");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PolicyCoordinator);

void BM_PolicyProgramOffice(benchmark::State& state) {
  modules::register_all_policies();  // the whole table, as the app has it: the coarse check scans it
  const auto actor = program_office();
  for (auto _ : state) {
    bool ok = platform::may_call(actor, "adoptions.manage") &&
              platform::in_scope(actor, "/1/7/31/204/", {Role::entity_coordinator, Role::change_team_head});
    benchmark::DoNotOptimize(ok);
    if (!ok) state.SkipWithError("the program office was refused");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PolicyProgramOffice);

// The coordinator asks for a record of another ministry: the route is allowed, the scope is not (the
// yes/no answer; require_scope would then throw forbidden, which costs more than the check itself).
void BM_PolicyDenial(benchmark::State& state) {
  modules::register_all_policies();  // the whole table, as the app has it: the coarse check scans it
  const auto actor = coordinator();
  for (auto _ : state) {
    bool ok = platform::may_call(actor, "adoptions.manage") &&
              platform::in_scope(actor, "/1/9/77/310/", {Role::entity_coordinator, Role::change_team_head});
    benchmark::DoNotOptimize(ok);
    if (ok) state.SkipWithError("another ministry's record was allowed");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PolicyDenial);

// What GET /api/v1/me adds: every action of the table the coordinator may call.
void BM_PermittedActions(benchmark::State& state) {
  modules::register_all_policies();  // the whole table, as the app has it: the coarse check scans it
  const auto actor = coordinator();
  for (auto _ : state) benchmark::DoNotOptimize(platform::permitted_actions(actor));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PermittedActions);

// --- Session lookup ----------------------------------------------------------------------------------------

constexpr std::size_t kUsers = 10'000;
constexpr std::size_t kMinistries = 60;
constexpr std::size_t kEntitiesPerMinistry = 6;

std::string session_cookie(std::size_t i) {
  // 43 characters, like core::random_token(32); only its SHA-256 is stored.
  std::string s = "bench-session-" + std::to_string(i);
  s.resize(43, 'x');
  return s;
}

// A migrated SQLite database in a temporary directory: a program office, 60 ministries with six entities
// each, 10,000 users with one to three memberships and one live session each. Built once, shared by threads.
struct SessionWorld {
  std::filesystem::path dir;
  std::unique_ptr<db::Database> db;
  // Fixed "now": no session reaches the 60 s touch, so every lookup is a read, as nearly all are.
  core::ManualClock clock{std::chrono::system_clock::now()};
  core::Config config;
  std::unique_ptr<platform::AccountService> accounts;
  std::unique_ptr<platform::AuthService> auth;

  SessionWorld() {
    core::crypto_init();
    dir = std::filesystem::temp_directory_path() / ("manzuma-platform-bench-" + core::random_token(6));
    std::filesystem::create_directories(dir);
    db = db::Database::open("sqlite:" + (dir / "bench.db").string(), 2);
    const auto files = app::embedded_migrations();
    db::migrate(*db, db::load_migrations(files));

    const auto now = clock.now();
    const auto at = core::iso8601(now);
    const auto expires = core::iso8601(now + std::chrono::hours(12));
    config.password_cost = {1, 8ull * 1024 * 1024};  // the dummy hash AuthService makes at start

    std::vector<std::pair<std::int64_t, std::string>> ministries, entities;
    bench::Rng rng(7003);
    db->write([&](db::Session& s) {
      s.exec(
          "INSERT INTO organizations (id, kind, name_ar, name_en, parent_id, path, country, created_at, updated_at)"
          " VALUES (1, 'program_office', 'مكتب البرنامج', 'Program office', NULL, '/1/', 'OM', ?, ?)",
          at, at);
      std::int64_t id = 2;
      for (std::size_t m = 0; m < kMinistries; ++m, ++id) {
        const auto path = "/1/" + std::to_string(id) + "/";
        s.exec(
            "INSERT INTO organizations (id, kind, name_ar, name_en, parent_id, path, country, created_at,"
            " updated_at) VALUES (?, 'ministry', ?, ?, 1, ?, 'OM', ?, ?)",
            id, "وزارة " + std::to_string(id), "Ministry " + std::to_string(id), path, at, at);
        ministries.emplace_back(id, path);
      }
      for (const auto& [mid, mpath] : ministries)
        for (std::size_t e = 0; e < kEntitiesPerMinistry; ++e, ++id) {
          const auto path = mpath + std::to_string(id) + "/";
          s.exec(
              "INSERT INTO organizations (id, kind, name_ar, name_en, parent_id, path, country, created_at,"
              " updated_at) VALUES (?, 'authority', ?, ?, ?, ?, 'OM', ?, ?)",
              id, "هيئة " + std::to_string(id), "Authority " + std::to_string(id), mid, path, at, at);
          entities.emplace_back(id, path);
        }
      for (std::size_t u = 1; u <= kUsers; ++u) {
        const auto uid = static_cast<std::int64_t>(u);
        s.exec("INSERT INTO users (id, email, name_ar, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)", uid,
               "user" + std::to_string(u) + "@gen.manzuma.om", "مستخدم " + std::to_string(u),
               "User " + std::to_string(u), at, at);
        const auto& ministry = ministries[rng.below(ministries.size())];
        const auto& entity = entities[rng.below(entities.size())];
        s.exec("INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES (?, ?, ?, ?)", uid,
               entity.first, std::string(core::json::enum_name(u % 7 ? Role::contributor : Role::entity_coordinator)),
               at);
        if (u % 2)
          s.exec("INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES (?, ?, 'viewer', ?)", uid,
                 ministry.first, at);
        if (u % 3 == 0)
          s.exec("INSERT INTO memberships (user_id, organization_id, role, created_at) VALUES (?, 1, 'viewer', ?)", uid,
                 at);
        s.exec(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at,"
            " remote_address, user_agent) VALUES (?, ?, ?, ?, ?, ?, '10.0.0.1', 'Mozilla/5.0 (bench)')",
            core::sha256_hex(session_cookie(u)), uid, core::random_token(24), at, at, expires);
      }
    });
    accounts = std::make_unique<platform::AccountService>(*db, clock, config.password_cost);
    auth = std::make_unique<platform::AuthService>(*db, clock, config, *accounts);
  }

  ~SessionWorld() {
    auth.reset();
    accounts.reset();
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

SessionWorld& session_world() {
  static SessionWorld world;
  return world;
}

// What the dispatcher asks for on every authenticated GET (src/app/app.cpp set_authenticator): the cookie's
// SHA-256, the session joined to its user, the user's memberships with their organisations' paths.
void BM_SessionLookup(benchmark::State& state) {
  auto& w = session_world();
  bench::Rng rng(9000 + static_cast<std::uint64_t>(state.thread_index()));
  std::vector<std::string> cookies;
  for (std::size_t i = 0; i < 1024; ++i) cookies.push_back(session_cookie(1 + rng.below(kUsers)));
  platform::Credentials c;
  c.origin = {"req-1", "127.0.0.1", "Mozilla/5.0 (bench)"};
  std::size_t i = 0;
  for (auto _ : state) {
    c.session_cookie = cookies[i++ & 1023];
    auto actor = w.auth->authenticate(c);
    if (!actor || actor->memberships.empty()) {
      state.SkipWithError("a live session was not found");
      break;
    }
    benchmark::DoNotOptimize(actor);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SessionLookup)->Threads(1)->Threads(2)->UseRealTime();

// A cookie that matches no session (signed out, expired and swept, forged): the hash and one SELECT that
// finds nothing. There is no session cache, so this is the only other path.
void BM_SessionLookupUnknown(benchmark::State& state) {
  auto& w = session_world();
  platform::Credentials c;
  const std::string cookie = session_cookie(kUsers + 1);
  c.session_cookie = cookie;
  for (auto _ : state) {
    auto actor = w.auth->authenticate(c);
    if (actor) state.SkipWithError("an unknown cookie found a session");
    benchmark::DoNotOptimize(actor);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SessionLookupUnknown);

// The parts alone, to read BM_SessionLookup by: the token hash, and the memberships query through the same
// Database API (a statement the connection has already prepared).
void BM_SessionTokenHash(benchmark::State& state) {
  const std::string cookie = session_cookie(1);
  for (auto _ : state) benchmark::DoNotOptimize(core::sha256_hex(cookie));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SessionTokenHash);

void BM_MembershipsQuery(benchmark::State& state) {
  auto& w = session_world();
  bench::Rng rng(9100);
  for (auto _ : state) {
    const auto uid = static_cast<std::int64_t>(1 + rng.below(kUsers));
    auto m = w.db->read([&](db::Session& s) {
      return s.query<core::Membership>(
          "SELECT m.organization_id, o.path AS organization_path, m.role FROM memberships m"
          " JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? AND o.active = 1",
          uid);
    });
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MembershipsQuery);

}  // namespace

BENCHMARK_MAIN();
