// manzuma: one binary for the server and its administration commands.

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/app.hpp"
#include "app/gen/gen.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "platform/accounts/service.hpp"
#include "platform/audit/audit.hpp"
#include "platform/auth/service.hpp"
#include "search/eval.hpp"

#ifndef MANZUMA_VERSION
#define MANZUMA_VERSION "dev"
#endif

namespace {

using namespace manzuma;

// "127.0.0.1:8080", "[::1]:8080" or ":8080".
void parse_listen(const std::string& s, core::Config& c) {
  const auto colon = s.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT, got '" + s + "'");
  std::string host = s.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const int port = std::stoi(s.substr(colon + 1));
  if (port < 0 || port > 65535) throw CLI::ValidationError("--listen", "port out of range");
  c.listen_address = host.empty() ? "0.0.0.0" : host;
  c.port = static_cast<std::uint16_t>(port);
}

core::PasswordCost parse_cost(const std::string& name) {
  if (name == "interactive") return core::default_password_cost();
  if (name == "moderate") return {3, 256ull * 1024 * 1024};
  // Only for test suites, which sign in hundreds of times: argon2id at its smallest cost.
  if (name == "minimum") return {1, 8ull * 1024 * 1024};
  throw CLI::ValidationError("--password-cost", "must be interactive, moderate or minimum");
}

std::string read_line_from_stdin() {
  std::string line;
  std::getline(std::cin, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void print_error(const core::Error& e) {
  std::fprintf(stderr, "error: %s\n", e.message_en().c_str());
  for (const auto& f : e.errors()) std::fprintf(stderr, "  %s: %s\n", f.field.c_str(), f.message_en.c_str());
  if (!e.internal_detail().empty()) std::fprintf(stderr, "  (%s)\n", e.internal_detail().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Manzuma: institutional innovation and change management for government"};
  cli.require_subcommand(1);
  // Global options may follow the command too: `manzuma migrate --log-format text`.
  cli.fallthrough();
  cli.set_help_all_flag("--help-all", "All commands and options");

  core::Config config;
  std::string listen = "127.0.0.1:8080";
  std::string cost = "interactive";
  cli.add_option("--database-url", config.database_url, "sqlite:PATH or postgresql://user@host:port/db")
      ->envname("MANZUMA_DATABASE_URL")
      ->capture_default_str();
  cli.add_option("--data-dir", config.data_dir, "Where attachments and other files live")
      ->envname("MANZUMA_DATA_DIR")
      ->capture_default_str();
  cli.add_option("--search-dir", config.search_dir, "The search index (default: <data-dir>/search)")
      ->envname("MANZUMA_SEARCH_DIR");
  cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")
      ->envname("MANZUMA_LOG_LEVEL")
      ->capture_default_str();
  cli.add_option("--log-format", config.log_format, "json or text")
      ->envname("MANZUMA_LOG_FORMAT")
      ->check(CLI::IsMember({"json", "text"}))
      ->capture_default_str();
  cli.add_option("--smtp-url", config.smtp_url, "SMTP server for the daily digest e-mail (smtp://host:25)")
      ->envname("MANZUMA_SMTP_URL");
  cli.add_option("--smtp-from", config.smtp_from, "Sender of the digest e-mail (Manzuma <noreply@example.om>)")
      ->envname("MANZUMA_SMTP_FROM");
  cli.add_option("--password-cost", cost, "argon2id cost: interactive, moderate (slower), minimum (tests only)")
      ->envname("MANZUMA_PASSWORD_COST")
      ->capture_default_str();

  auto* serve = cli.add_subcommand("serve", "Migrate, then serve the API and the web app");
  serve->add_option("--listen", listen, "HOST:PORT to listen on")->envname("MANZUMA_LISTEN")->capture_default_str();
  serve->add_option("--web-root", config.web_root, "The built web app")
      ->envname("MANZUMA_WEB_ROOT")
      ->capture_default_str();
  serve->add_option("--io-threads", config.io_threads, "HTTP threads (0: one per core)")->envname("MANZUMA_IO_THREADS");
  serve->add_option("--workers", config.workers, "Handler threads (0: four per core)")->envname("MANZUMA_WORKERS");
  serve->add_option("--db-pool", config.db_pool, "Database connections (0: one per worker)")
      ->envname("MANZUMA_DB_POOL");
  serve->add_option("--max-json-body", config.http.max_json_body_bytes, "Largest JSON body in bytes")
      ->envname("MANZUMA_MAX_JSON_BODY")
      ->capture_default_str();
  serve->add_option("--max-upload", config.http.max_upload_bytes, "Largest upload in bytes")
      ->envname("MANZUMA_MAX_UPLOAD")
      ->capture_default_str();
  serve
      ->add_option("--notify-scan-minutes", config.notify_scan_minutes,
                   "Minutes between notification scans (0: no timer; run `manzuma notify scan` instead)")
      ->envname("MANZUMA_NOTIFY_SCAN_MINUTES")
      ->capture_default_str();
  serve->add_flag("--trust-proxy", config.trust_proxy, "Honour X-Forwarded-For/Proto from a reverse proxy")
      ->envname("MANZUMA_TRUST_PROXY");

  cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* seed = cli.add_subcommand("seed", "Load data");
  seed->require_subcommand(1);
  seed->add_subcommand("demo", "Demo organisations and one user per role");
  auto* gen_data = cli.add_subcommand(
      "gen-data", "Fill a new database with a deterministic benchmark dataset (then run `manzuma reindex`)");
  std::string gen_scale = "small", gen_database;
  std::uint64_t gen_seed = 1;
  gen_data->add_option("--scale", gen_scale, "small (seconds; what tests use) or national (DESIGN.md §6)")
      ->check(CLI::IsMember({"small", "national"}))
      ->capture_default_str();
  gen_data->add_option("--seed", gen_seed, "Same seed, same data")->capture_default_str();
  gen_data->add_option("--database", gen_database, "Database URL (overrides --database-url/MANZUMA_DATABASE_URL)");

  auto* user = cli.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create a user with one role; prints a generated password");
  std::string email, name_ar, name_en, role = "viewer";
  std::int64_t org_id = 0;
  bool password_stdin = false;
  user_add->add_option("--email", email)->required();
  user_add->add_option("--name-ar", name_ar, "Arabic name")->required();
  user_add->add_option("--name-en", name_en, "English name")->required();
  user_add->add_option("--organization", org_id, "Organisation id")->required();
  user_add->add_option("--role", role)->capture_default_str();
  user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input instead");
  auto* user_passwd = user->add_subcommand("passwd", "Set a user's password (read from standard input)");
  bool generate = false;
  user_passwd->add_option("--email", email)->required();
  user_passwd->add_flag("--generate", generate, "Generate a password and print it instead of reading one");

  auto* token = cli.add_subcommand("token", "API tokens");
  token->require_subcommand(1);
  auto* token_create = token->add_subcommand("create", "Create an API token for a user; prints the secret once");
  std::string token_name;
  std::vector<std::string> scopes{"read"};
  int days = 90;
  token_create->add_option("--email", email)->required();
  token_create->add_option("--name", token_name)->required();
  token_create->add_option("--scope", scopes, "read and/or write")->capture_default_str();
  token_create->add_option("--days", days, "Days until it expires (1-365)")->capture_default_str();

  auto* audit = cli.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  audit->add_subcommand("verify", "Check the hash chain; exit 1 and name the first bad row if broken");
  auto* notify = cli.add_subcommand("notify", "Notifications");
  notify->require_subcommand(1);
  auto* notify_scan = notify->add_subcommand(
      "scan", "Store today's due notices (MoU renewals, overdue actions, …), build daily digests, e-mail them");
  std::string scan_today;
  notify_scan->add_option("--today", scan_today, "The day to scan for, YYYY-MM-DD (default: today, UTC)");
  cli.add_subcommand("reindex",
                     "Rebuild the search index from the database (safe while a server runs: it switches when done)");
  auto* search_eval =
      cli.add_subcommand("search-eval", "Measure search quality on a judged collection (recall@10, MRR@10, nDCG@10)");
  std::string eval_corpus, eval_queries, eval_analyzer = "manzuma";
  bool eval_json = false;
  search_eval->add_option("--corpus", eval_corpus, "JSON lines {\"id\",\"title\",\"text\"}")->required();
  search_eval->add_option("--queries", eval_queries, "JSON lines {\"query\",\"relevant\":[ids]}")->required();
  search_eval->add_option("--analyzer", eval_analyzer, "manzuma, xapian-arabic or none")
      ->check(CLI::IsMember({"manzuma", "xapian-arabic", "none"}))
      ->capture_default_str();
  search_eval->add_flag("--json", eval_json, "Print one JSON object as the last line instead of a table");
  cli.add_subcommand("version", "Print the version");
  cli.add_subcommand("openapi", "Print the API description (OpenAPI 3.1) that the web app's types are made from");

  try {
    cli.parse(argc, argv);
    if (cli.got_subcommand("serve")) parse_listen(listen, config);
    if (!gen_database.empty()) config.database_url = gen_database;
    config.password_cost = parse_cost(cost);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  if (cli.got_subcommand("version")) {
    std::printf("manzuma %s\n", MANZUMA_VERSION);
    return 0;
  }

  if (cli.got_subcommand("openapi")) {
    // Describing the routes touches no data, so an in-memory database keeps this free of side effects.
    config.database_url = "sqlite::memory:";
    config.db_pool = 1;
    core::init_logging("warn", config.log_format);
    app::App app(config);
    app.build_routes();
    std::printf("%s\n", core::json::to_text(app.router().openapi(MANZUMA_VERSION)).c_str());
    return 0;
  }

  if (cli.got_subcommand("search-eval")) {
    // Needs no database: the collection is indexed in a temporary directory.
    try {
      const auto r = search::evaluate(eval_corpus, eval_queries, *search::parse_analyzer(eval_analyzer));
      if (eval_json) {
        // Printed by hand: Boost.JSON writes 0.94 as 9.4E-1, correct but hard to read in a log.
        std::printf(
            "{\"analyzer\":\"%s\",\"documents\":%zu,\"queries\":%zu,\"recall@10\":%.6f,\"mrr@10\":%.6f,"
            "\"ndcg@10\":%.6f}\n",
            r.analyzer.c_str(), r.documents, r.queries, r.recall_at_10, r.mrr_at_10, r.ndcg_at_10);
      } else {
        std::printf("%-15s %10s %8s %10s %8s %8s\n", "analyzer", "documents", "queries", "recall@10", "mrr@10",
                    "ndcg@10");
        std::printf("%-15s %10zu %8zu %10.4f %8.4f %8.4f\n", r.analyzer.c_str(), r.documents, r.queries, r.recall_at_10,
                    r.mrr_at_10, r.ndcg_at_10);
      }
      return 0;
    } catch (const core::Error& e) {
      print_error(e);
      return 1;
    }
  }

  core::init_logging(config.log_level, config.log_format);
  try {
    app::App app(config);
    const core::Origin cli_origin{"cli", "local", "manzuma cli"};

    if (cli.got_subcommand("migrate")) {
      const int n = app.migrate();
      std::printf("%d migration(s) applied; the schema is current.\n", n);
      return 0;
    }
    if (cli.got_subcommand("seed")) {
      app.migrate();
      if (app::seed_demo(app)) {
        std::printf("Demo data loaded. Demo users (password %s):\n", std::string(app::kDemoPassword).c_str());
        for (const char* e :
             {"office@demo.manzuma.om (program office)", "coordinator@demo.manzuma.om (entity coordinator)",
              "change.head@demo.manzuma.om", "practice.owner@demo.manzuma.om", "contributor@demo.manzuma.om",
              "assessor@demo.manzuma.om", "viewer@demo.manzuma.om"})
          std::printf("  %s\n", e);
      } else {
        std::printf("Demo data is already loaded.\n");
      }
      return 0;
    }
    if (gen_data->parsed()) {
      app.migrate();
      app::gen::Options options;
      options.scale = gen_scale == "national" ? app::gen::Scale::national : app::gen::Scale::small;
      options.seed = gen_seed;
      options.password_cost = config.password_cost;
      const auto summary = app::gen::generate(app.db(), options);
      std::printf("Generated %lld rows in %.1f s (%.0f rows/s)\n", static_cast<long long>(summary.rows),
                  summary.seconds, summary.seconds > 0 ? static_cast<double>(summary.rows) / summary.seconds : 0.0);
      return 0;
    }
    if (cli.got_subcommand("serve")) {
      app.migrate();
      const auto admin = app.ensure_first_admin();
      app.build_routes();
      app.serve([&](std::uint16_t port) {
        const std::string host = config.listen_address == "0.0.0.0" ? "127.0.0.1" : config.listen_address;
        std::printf("\nManzuma is running: http://%s:%u\n", host.c_str(), port);
        if (admin) {
          std::printf("First sign-in (shown once; change it after signing in):\n  e-mail:   %s\n  password: %s\n",
                      admin->email.c_str(), admin->password.c_str());
        } else {
          std::printf(
              "Sign in as admin@manzuma.local (reset with: manzuma user passwd --email admin@manzuma.local "
              "--generate)\n");
        }
        std::fflush(stdout);
      });
      return 0;
    }
    if (user->parsed()) {
      app.migrate();
      if (user_add->parsed()) {
        platform::UserInput in;
        in.email = email;
        in.name_ar = name_ar;
        in.name_en = name_en;
        auto r = core::json::enum_from_name<core::Role>(role);
        if (!r) throw core::Error::invalid_field("role", "enum", "دور غير معروف", "Unknown role: " + role);
        in.memberships = {{org_id, *r}};
        if (password_stdin) in.password = read_line_from_stdin();
        auto created = app.accounts().create_as_system(in, cli_origin, "cli");
        std::printf("Created user %lld (%s).\n", static_cast<long long>(created.user.id), created.user.email.c_str());
        if (created.temporary_password) std::printf("Password (shown once): %s\n", created.temporary_password->c_str());
        return 0;
      }
      const std::string password = generate ? core::random_password(20) : read_line_from_stdin();
      if (!app.accounts().set_password_as_system(email, password, cli_origin)) {
        std::fprintf(stderr, "error: no user has the e-mail %s\n", email.c_str());
        return 1;
      }
      std::printf("Password changed; the user's sessions were ended.\n");
      if (generate) std::printf("New password (shown once): %s\n", password.c_str());
      return 0;
    }
    if (token->parsed()) {
      app.migrate();
      platform::TokenInput in;
      in.name = token_name;
      for (const auto& s : scopes) {
        auto sc = core::json::enum_from_name<platform::TokenScope>(s);
        if (!sc) throw core::Error::invalid_field("scope", "enum", "صلاحية غير معروفة", "Unknown scope: " + s);
        in.scopes.push_back(*sc);
      }
      in.expires_in_days = days;
      auto t = app.auth().create_token_as_system(email, in, cli_origin);
      std::printf("Token %lld created, expires %s. Secret (shown once):\n%s\n", static_cast<long long>(t.token.id),
                  t.token.expires_at.c_str(), t.secret.c_str());
      return 0;
    }
    if (notify->parsed()) {
      app.migrate();
      const auto r = app.scan_notifications(scan_today);
      std::printf("%s: %lld notice(s) created, %lld digest(s) built, %lld e-mailed, %lld e-mail failure(s)\n",
                  r.today.c_str(), static_cast<long long>(r.notices_created), static_cast<long long>(r.digests_built),
                  static_cast<long long>(r.digests_emailed), static_cast<long long>(r.email_failures));
      return r.email_failures == 0 ? 0 : 2;
    }
    if (cli.got_subcommand("reindex")) {
      app.migrate();
      const auto started = std::chrono::steady_clock::now();
      auto last = started - std::chrono::seconds(1);
      const auto count = app.reindex([&](std::size_t done, std::size_t total) {
        // At most a few lines a second, and always the last.
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last < std::chrono::milliseconds(250)) return;
        last = now;
        std::fprintf(stderr, "indexed %zu/%zu …\n", done, total);
      });
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::printf("Indexed %zu document(s) in %.1f s into %s (a running server switches to it within a second).\n",
                  count, seconds, app.config().search_dir.c_str());
      return 0;
    }
    if (audit->parsed()) {
      const auto v = platform::verify_audit(app.db());
      if (v.intact) {
        std::printf("intact: %lld rows checked\n", static_cast<long long>(v.checked));
        return 0;
      }
      std::printf("broken: row %lld was %s (%lld rows before it are intact)\n",
                  static_cast<long long>(v.first_bad_seq.value_or(0)), v.problem.value_or("changed").c_str(),
                  static_cast<long long>(v.checked));
      return 1;
    }
  } catch (const core::Error& e) {
    print_error(e);
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
