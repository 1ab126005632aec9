#pragma once
// Every setting of the server, with its default. Filled from flags and MANZUMA_* variables by src/app/.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/crypto.hpp"

namespace manzuma::core {

struct HttpLimits {
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_json_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 25 * 1024 * 1024;
  std::size_t max_json_depth = 32;
  std::size_t max_connections = 2048;
  /// A client must send its whole request within this time, or the connection is closed.
  std::chrono::seconds read_timeout{15};
  /// A kept-alive connection with no new request is closed after this.
  std::chrono::seconds idle_timeout{60};
};

struct SessionPolicy {
  std::chrono::minutes idle{30};
  std::chrono::hours absolute{12};
};

struct Config {
  std::string listen_address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string data_dir = "var";
  /// The search index's generations (src/search/README.md); empty means <data_dir>/search. Each server keeps
  /// its own: two processes cannot write one index.
  std::string search_dir;
  std::string database_url = "sqlite:var/manzuma.db";
  std::string web_root = "web/dist";
  std::string log_level = "info";
  std::string log_format = "json";  // json | text
  /// io threads accepting and parsing HTTP; 0 means one per core.
  unsigned io_threads = 0;
  /// threads running handlers (which block on the database); 0 means 4 per core.
  unsigned workers = 0;
  /// database connections in the pool; 0 means one per worker.
  unsigned db_pool = 0;
  /// honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front.
  bool trust_proxy = false;
  /// Outgoing mail for the daily digest ("smtp://host:25", "smtps://user:password@host:465") and its sender
  /// ("Manzuma <noreply@example.om>"); digests are e-mailed only when both are set.
  std::string smtp_url;
  std::string smtp_from;
  /// Minutes between notification scans while serving (due notices, digests); 0 turns the timer off.
  unsigned notify_scan_minutes = 60;
  /// Milliseconds a list total or dashboard figure may be served from memory when this server wrote nothing
  /// since (the bound on seeing other processes' writes; ADR 0008); 0 remembers nothing.
  unsigned memo_max_age_ms = 2000;
  HttpLimits http;
  SessionPolicy session;
  PasswordCost password_cost = default_password_cost();
};

}  // namespace manzuma::core
