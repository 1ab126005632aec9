#include "harness.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

#ifndef MANZUMA_BINARY
#error "MANZUMA_BINARY must name the manzuma executable"
#endif

namespace manzuma::api_test {

namespace fs = std::filesystem;

namespace {

size_t write_body(char* p, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, size * n);
  return size * n;
}

size_t write_header(char* p, size_t size, size_t n, void* out) {
  std::string line(p, size * n);
  auto* h = static_cast<std::map<std::string, std::vector<std::string>>*>(out);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    (*h)[name].push_back(value);
  }
  return size * n;
}

// Runs a program with arguments and environment additions; returns exit code and stdout.
std::pair<int, std::string> run(const std::vector<std::string>& argv,
                                const std::vector<std::pair<std::string, std::string>>& env,
                                std::string_view stdin_text = {}) {
  int out_pipe[2], in_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(in_pipe) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    close(out_pipe[0]);
    close(in_pipe[1]);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(in_pipe[0]);
  if (!stdin_text.empty()) (void)!write(in_pipe[1], stdin_text.data(), stdin_text.size());
  close(in_pipe[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(out_pipe[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string pg_base_url() {
  if (const char* f = std::getenv("MANZUMA_TEST_PG_URL_FILE")) {
    std::ifstream in(f);
    std::string url;
    std::getline(in, url);
    if (url.empty()) throw std::runtime_error(std::string("no PostgreSQL URL in ") + f);
    return url;
  }
  if (const char* u = std::getenv("MANZUMA_TEST_PG_URL")) return u;
  return {};
}

}  // namespace

const bj::value& Response::json() const {
  if (!parsed_) {
    boost::system::error_code ec;
    auto v = bj::parse(body, ec);
    if (ec)
      throw std::runtime_error("response is not JSON (status " + std::to_string(status) + "): " + body.substr(0, 300));
    parsed_ = std::move(v);
  }
  return *parsed_;
}

std::string Response::header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() || it->second.empty() ? std::string() : it->second.front();
}

std::vector<std::string> Response::error_fields() const {
  std::vector<std::string> out;
  const auto& v = json();
  if (auto* errs = v.as_object().if_contains("errors"))
    for (const auto& e : errs->as_array()) out.emplace_back(e.at("field").as_string());
  return out;
}

Client::Client(std::string base_url) : base_(std::move(base_url)), curl_(curl_easy_init()) {
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_COOKIEFILE, "");  // in-memory cookie jar
}

Client::~Client() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Response Client::request(std::string_view method, std::string_view path, std::optional<std::string> body,
                         std::vector<std::string> headers) {
  CURL* c = static_cast<CURL*>(curl_);
  Response r;
  const std::string url = base_ + std::string(path);
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, std::string(method).c_str());
  curl_easy_setopt(c, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
  if (body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
  } else {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, nullptr);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(-1));
    if (method != "GET" && method != "HEAD") curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
    if (method == "GET") curl_easy_setopt(c, CURLOPT_HTTPGET, 1L), curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "GET");
  }
  struct curl_slist* list = nullptr;
  bool has_type = false;
  for (const auto& h : headers) {
    list = curl_slist_append(list, h.c_str());
    has_type = has_type || h.rfind("Content-Type:", 0) == 0;
  }
  if (body && !has_type) list = curl_slist_append(list, "Content-Type: application/json");
  list = curl_slist_append(list, "Expect:");
  if (!csrf_.empty()) list = curl_slist_append(list, ("X-CSRF-Token: " + csrf_).c_str());
  if (!bearer_.empty()) list = curl_slist_append(list, ("Authorization: Bearer " + bearer_).c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(list);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

Response Client::login(std::string_view email, std::string_view password) {
  auto r = post("/api/v1/auth/login", bj::object{{"email", email}, {"password", password}});
  if (r.status == 200) csrf_ = std::string(r.json().at("csrf_token").as_string());
  return r;
}

Server::Server(ServerOptions options) {
  static std::atomic<int> counter{0};
  dir_ = (fs::temp_directory_path() / ("manzuma-api-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
             .string();
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  const std::string pg =
      std::getenv("MANZUMA_TEST_BACKEND") && std::string(std::getenv("MANZUMA_TEST_BACKEND")) == "postgres"
          ? pg_base_url()
          : std::string();
  if (!pg.empty()) {
    // A database of its own on the shared throwaway cluster.
    const std::string name = "api_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto [code, out] = run({"psql", pg, "-q", "-c", "CREATE DATABASE " + name}, {});
    if (code != 0) throw std::runtime_error("cannot create PostgreSQL database " + name);
    database_url_ = pg.substr(0, pg.rfind('/') + 1) + name;
  } else {
    database_url_ = "sqlite:" + dir_ + "/manzuma.db";
  }
  env_ = {{"MANZUMA_DATABASE_URL", database_url_},
          {"MANZUMA_DATA_DIR", dir_ + "/data"},
          {"MANZUMA_PASSWORD_COST", "minimum"},
          // Tests write behind the server's back (sql(), CLI commands) to set up states the API refuses; a total
          // remembered for up to 2 s (ADR 0008) would hide them. db_test covers the remembering itself.
          {"MANZUMA_MEMO_MAX_AGE_MS", "0"},
          {"MANZUMA_LOG_LEVEL", "warn"},
          {"MANZUMA_WEB_ROOT", dir_ + "/web"}};
  if (options.seed_demo) {
    auto [code, out] = run({MANZUMA_BINARY, "seed", "demo"}, env_);
    if (code != 0) throw std::runtime_error("manzuma seed demo failed: " + out);
  }
  if (!options.setup.empty()) {
    std::vector<std::string> argv{MANZUMA_BINARY};
    argv.insert(argv.end(), options.setup.begin(), options.setup.end());
    auto [code, out] = run(argv, env_);
    if (code != 0) throw std::runtime_error("manzuma " + options.setup.front() + " failed: " + out);
  }
  auto serve_env = env_;
  serve_env.emplace_back("MANZUMA_LISTEN", "127.0.0.1:0");
  for (auto& kv : options.env) serve_env.push_back(kv);

  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    // If the test process dies (a crash, a timeout), the server goes with it instead of lingering.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(out_pipe[1], 1);
    const int log = open((dir_ + "/server.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (log >= 0) dup2(log, 2);
    close(out_pipe[0]);
    for (const auto& [k, v] : serve_env) setenv(k.c_str(), v.c_str(), 1);
    execl(MANZUMA_BINARY, MANZUMA_BINARY, "serve", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out_pipe[1]);
  // Read the banner: the URL, then (first run) the administrator's password.
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out_pipe[0], POLLIN, 0};
    if (poll(&p, 1, 200) > 0) {
      char buf[1024];
      const ssize_t n = read(out_pipe[0], buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    const auto u = out.find("http://");
    const auto pw = out.find("password: ");
    if (u != std::string::npos && pw != std::string::npos && out.find('\n', pw) != std::string::npos) {
      url_ = out.substr(u, out.find('\n', u) - u);
      admin_password_ = out.substr(pw + 10, out.find('\n', pw) - pw - 10);
      break;
    }
    // A database that came with its own administrator (gen-data) gets no first-run password.
    const auto known = out.find("Sign in as ");
    if (u != std::string::npos && known != std::string::npos && out.find('\n', known) != std::string::npos) {
      url_ = out.substr(u, out.find('\n', u) - u);
      break;
    }
  }
  close(out_pipe[0]);
  if (url_.empty()) {
    std::ifstream log(dir_ + "/server.log");
    std::string text((std::istreambuf_iterator<char>(log)), {});
    throw std::runtime_error("the server did not start; stdout: " + out + "\nlog: " + text);
  }
}

Server::~Server() {
  stop();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

int Server::stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Server& Server::shared() {
  static Server s;
  return s;
}

std::pair<int, std::string> Server::cli(const std::vector<std::string>& args, std::string_view stdin_text) const {
  std::vector<std::string> argv{MANZUMA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, env_, stdin_text);
}

void Server::sql(const std::string& statement) const {
  auto [code, out] = postgres() ? run({"psql", database_url_, "-q", "-c", statement}, {})
                                : run({"sqlite3", database_url_.substr(7), statement}, {});
  if (code != 0) throw std::runtime_error("SQL failed: " + statement);
}

std::string Server::query(const std::string& statement) const {
  auto [code, out] = postgres() ? run({"psql", database_url_, "-q", "-A", "-t", "-c", statement}, {})
                                : run({"sqlite3", database_url_.substr(7), statement}, {});
  if (code != 0) throw std::runtime_error("SQL failed: " + statement);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string url_encode(std::string_view text) {
  char* e = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  std::string out(e);
  curl_free(e);
  return out;
}

std::string unique(std::string_view prefix) {
  static std::atomic<int> n{0};
  return std::string(prefix) + "-" + std::to_string(getpid()) + "-" + std::to_string(++n);
}

Client& as(std::string_view email) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Client>> clients;
  std::lock_guard lock(mu);
  auto& c = clients[std::string(email)];
  if (!c) {
    c = std::make_unique<Client>(Server::shared().url());
    auto r = c->login(email);
    if (r.status != 200) throw std::runtime_error("demo sign-in failed for " + std::string(email) + ": " + r.body);
  }
  return *c;
}

Client& admin() {
  static std::unique_ptr<Client> c;
  if (!c) {
    c = std::make_unique<Client>(Server::shared().url());
    auto r = c->login("admin@manzuma.local", Server::shared().admin_password());
    if (r.status != 200) throw std::runtime_error("admin sign-in failed: " + r.body);
  }
  return *c;
}

}  // namespace manzuma::api_test
