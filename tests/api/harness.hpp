#pragma once
// Starts the real `manzuma` binary on a fresh database (SQLite, or PostgreSQL when the suite runs against
// the throwaway cluster) and speaks HTTP to it with libcurl. Tests own their data: names are unique per test.

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manzuma::api_test {

namespace bj = boost::json;

inline constexpr std::string_view kDemoPassword = "Manzuma-Demo-2026!";

struct Response {
  long status = 0;
  std::string body;
  /// Header names lower-cased; repeated headers (Set-Cookie) keep every value.
  std::map<std::string, std::vector<std::string>> headers;

  /// The body as JSON, parsed once; valid as long as this Response lives.
  const bj::value& json() const;
  std::string header(std::string_view lower_name) const;
  /// The `field` of every entry of a problem's `errors`.
  std::vector<std::string> error_fields() const;

 private:
  mutable std::optional<bj::value> parsed_;
};

/// One browser-like client: its own cookie jar, and the CSRF token of its session.
class Client {
 public:
  explicit Client(std::string base_url);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  Response request(std::string_view method, std::string_view path, std::optional<std::string> body = std::nullopt,
                   std::vector<std::string> headers = {});
  Response get(std::string_view path) { return request("GET", path); }
  Response post(std::string_view path, const bj::value& body) { return request("POST", path, bj::serialize(body)); }
  Response put(std::string_view path, const bj::value& body) { return request("PUT", path, bj::serialize(body)); }
  Response patch(std::string_view path, const bj::value& body) { return request("PATCH", path, bj::serialize(body)); }
  Response del(std::string_view path) { return request("DELETE", path); }

  /// Signs in; keeps the cookie and the CSRF token. Returns the response of the sign-in.
  Response login(std::string_view email, std::string_view password = kDemoPassword);
  /// Sends `Authorization: Bearer` instead of the cookie.
  void use_token(std::string token) { bearer_ = std::move(token); }
  void set_csrf(std::string csrf) { csrf_ = std::move(csrf); }
  const std::string& csrf() const { return csrf_; }

 private:
  std::string base_;
  void* curl_;
  std::string csrf_;
  std::string bearer_;
};

struct ServerOptions {
  /// Extra MANZUMA_* variables for `serve`.
  std::vector<std::pair<std::string, std::string>> env;
  bool seed_demo = true;
  /// A `manzuma` command run on the new database before `serve`, e.g. {"gen-data", "--scale", "small"}.
  std::vector<std::string> setup;
};

/// A running server on its own database and data dir, stopped (SIGTERM) when destroyed.
class Server {
 public:
  explicit Server(ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The server all tests of this process share.
  static Server& shared();

  const std::string& url() const { return url_; }
  const std::string& database_url() const { return database_url_; }
  /// The server's own folder: database, `data/` (its MANZUMA_DATA_DIR), `web/`, the log.
  const std::string& work_dir() const { return dir_; }
  /// The generated first administrator's password (empty when the database already had an administrator).
  const std::string& admin_password() const { return admin_password_; }
  bool postgres() const { return database_url_.starts_with("postgresql://"); }

  /// Runs `manzuma <args>` against this server's database; returns exit code and stdout.
  std::pair<int, std::string> cli(const std::vector<std::string>& args, std::string_view stdin_text = {}) const;
  /// Runs SQL directly on the database (sqlite3 or psql), for tamper tests.
  void sql(const std::string& statement) const;
  /// Runs one SELECT directly on the database; its rows as text, one per line, columns separated by '|'.
  std::string query(const std::string& statement) const;
  /// Sends SIGTERM and waits for exit; returns the exit status.
  int stop();

 private:
  std::string dir_;
  std::string url_;
  std::string database_url_;
  std::string admin_password_;
  int pid_ = -1;
  std::vector<std::pair<std::string, std::string>> env_;
};

/// Percent-encodes `text` for a query string.
std::string url_encode(std::string_view text);

/// A name no other test (or earlier run) uses: prefix + a counter + the process id.
std::string unique(std::string_view prefix);

/// A signed-in client for a demo user on the shared server.
Client& as(std::string_view email);
/// The first administrator on the shared server.
Client& admin();

}  // namespace manzuma::api_test
