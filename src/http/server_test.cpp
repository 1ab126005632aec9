#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace manzuma::http {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Generous on purpose: these bound how long a broken server can hang a test, they never measure speed.
constexpr auto kWait = 30s;

struct RawResponse {
  int status = 0;
  Fields headers;  // names in lower case
  std::string body;

  std::optional<std::string> header(std::string_view name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return v;
    return std::nullopt;
  }
  int count(std::string_view name) const {
    int n = 0;
    for (const auto& [k, v] : headers) n += k == name;
    return n;
  }
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// A deliberately dumb client on plain POSIX sockets, so a test can send exactly the bytes it wants
// (garbage, half a header, one byte at a time) and every wait is bounded.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(fd_);
      throw std::runtime_error("connect() failed");
    }
  }
  ~RawClient() { close(); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  /// Closes abruptly: the peer sees a reset instead of a FIN.
  void reset() {
    linger abort{};
    abort.l_onoff = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &abort, sizeof(abort));
    close();
  }

  /// False when the peer has gone (EPIPE, reset).
  bool send(std::string_view data) {
    while (!data.empty()) {
      const auto n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  /// Reads one response; for a HEAD request no body follows the header whatever Content-Length says.
  std::optional<RawResponse> read_response(bool head = false) {
    const auto deadline = Clock::now() + kWait;
    std::size_t header_end;
    while ((header_end = pending_.find("\r\n\r\n")) == std::string::npos)
      if (!fill(deadline)) return std::nullopt;
    RawResponse res;
    const std::string head_text = pending_.substr(0, header_end);
    pending_.erase(0, header_end + 4);
    std::size_t line_end = head_text.find("\r\n");
    const std::string status_line = head_text.substr(0, line_end);
    if (status_line.size() < 12 || status_line.compare(0, 5, "HTTP/") != 0) return std::nullopt;
    res.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head_text.find("\r\n", start);
      const std::string line =
          head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      res.headers.emplace_back(lower(line.substr(0, colon)), value);
    }
    if (head || res.status == 204 || res.status == 304) return res;
    const auto length = res.header("content-length");
    if (!length) return std::nullopt;  // the server must always frame its bodies
    const std::size_t size = std::stoul(*length);
    while (pending_.size() < size)
      if (!fill(deadline)) return std::nullopt;
    res.body = pending_.substr(0, size);
    pending_.erase(0, size);
    return res;
  }

  /// Reads raw bytes until `marker` has arrived; returns everything read up to and including it.
  std::optional<std::string> read_until(std::string_view marker) {
    const auto deadline = Clock::now() + kWait;
    std::size_t at;
    while ((at = pending_.find(marker)) == std::string::npos)
      if (!fill(deadline)) return std::nullopt;
    std::string out = pending_.substr(0, at + marker.size());
    pending_.erase(0, at + marker.size());
    return out;
  }

  /// True when the server closes the connection (EOF or reset) within kWait; what it sent before is kept
  /// in `rest`.
  bool wait_closed(std::string* rest = nullptr) {
    const auto deadline = Clock::now() + kWait;
    while (fill(deadline)) {
    }
    if (rest) *rest = pending_;
    return closed_;
  }

  /// True when nothing arrives and the connection stays open for `period`.
  bool quiet_for(std::chrono::milliseconds period) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(period.count())) == 0;
  }

  std::string& pending() { return pending_; }

 private:
  // Appends what the socket has; false on EOF, error or deadline.
  bool fill(Clock::time_point deadline) {
    if (closed_) return false;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return false;
      char chunk[16384];
      const auto n = ::recv(fd_, chunk, sizeof(chunk), 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        closed_ = true;
        return false;
      }
      pending_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }

  int fd_ = -1;
  std::string pending_;
  bool closed_ = false;
};

// The application side of the tests: a handler that says what it received, plus a few special paths.
class EchoApp {
 public:
  explicit EchoApp(std::string file_path = {}) : file_path_(std::move(file_path)) {}

  ServerHandlers handlers() {
    return ServerHandlers{
        .handle = [this](Request& req) { return handle(req); },
        .body_limit = [](const Request& req) -> std::size_t { return req.path == "/upload" ? 4096 : 64; },
        .refusal =
            [](int status, const Request& req) {
              Response res;
              res.status = status;
              res.content_type = "application/problem+json";
              res.body = "{\"status\":" + std::to_string(status) + ",\"path\":\"" + req.path + "\"}";
              return res;
            },
    };
  }

  /// Blocks until a request to /slow is inside the handler.
  bool wait_slow_started() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kWait, [&] { return slow_started_; });
  }
  void release_slow() {
    std::lock_guard lock(mutex_);
    slow_released_ = true;
    changed_.notify_all();
  }

 private:
  Response handle(Request& req) {
    Response res;
    res.content_type = "text/plain";
    if (req.path == "/slow") {
      std::unique_lock lock(mutex_);
      slow_started_ = true;
      changed_.notify_all();
      changed_.wait_for(lock, kWait, [&] { return slow_released_; });
      res.body = "slow done";
      return res;
    }
    if (req.path == "/file") {
      res.content_type = "application/octet-stream";
      res.file_path = file_path_;
      return res;
    }
    if (req.path == "/missing-file") {
      res.file_path = "/nonexistent/manzuma-server-test/missing.bin";
      return res;
    }
    if (req.path == "/fixed") {
      res.body = "0123456789";
      return res;
    }
    if (req.path == "/cookies") {
      res.headers.emplace_back("Set-Cookie", "a=1; Path=/");
      res.headers.emplace_back("Set-Cookie", "b=2; Path=/");
      res.headers.emplace_back("X-Split", "evil\r\nInjected: yes");
      res.body = "ok";
      return res;
    }
    if (req.path == "/no-content") {
      res.status = 204;
      return res;
    }
    if (req.path == "/throw") throw std::runtime_error("handler failure");
    std::string query;
    for (const auto& [k, v] : req.query) query += k + "=" + v + ";";
    res.body = std::string(method_name(req.method)) + " " + req.path + " q=" + query + " body=" + req.body +
               " remote=" + req.remote_address + " x-test=" + std::string(req.header("x-test").value_or("-")) +
               " target=" + req.target;
    return res;
  }

  std::string file_path_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool slow_started_ = false;
  bool slow_released_ = false;
};

core::Config test_config() {
  core::Config config;
  config.listen_address = "127.0.0.1";
  config.port = 0;
  config.io_threads = 2;
  config.workers = 2;
  config.http.max_header_bytes = 1024;
  config.http.max_connections = 64;
  config.http.read_timeout = std::chrono::seconds(1);
  config.http.idle_timeout = std::chrono::seconds(30);
  return config;
}

// A Server running on a background thread, stopped and joined at the end of the test.
class RunningServer {
 public:
  RunningServer(const core::Config& config, ServerHandlers handlers) : server_(config, std::move(handlers)) {
    server_.listen();
    returned_ = std::async(std::launch::async, [this] { server_.run(); });
  }
  ~RunningServer() {
    server_.stop();
    returned_.wait();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  Server& server() { return server_; }
  std::uint16_t port() const { return server_.port(); }
  /// Calls stop() and waits (boundedly) for run() to return.
  bool stop_and_wait() {
    server_.stop();
    return returned_.wait_for(kWait) == std::future_status::ready;
  }

 private:
  Server server_;
  std::future<void> returned_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_path_ = std::filesystem::temp_directory_path() /
                 ("manzuma_server_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".bin");
    file_content_.reserve(100'000);
    for (int i = 0; i < 100'000; ++i) file_content_ += static_cast<char>('a' + i % 26);
    std::ofstream(file_path_, std::ios::binary) << file_content_;
    app_ = std::make_unique<EchoApp>(file_path_.string());
    server_ = std::make_unique<RunningServer>(test_config(), app_->handlers());
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove(file_path_);
  }

  std::uint16_t port() const { return server_->port(); }

  std::filesystem::path file_path_;
  std::string file_content_;
  std::unique_ptr<EchoApp> app_;
  std::unique_ptr<RunningServer> server_;
};

TEST_F(ServerTest, ListenPicksARealPortForPortZero) { EXPECT_NE(port(), 0); }

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /hello?a=1&b=%D8%A7+x HTTP/1.1\r\nHost: t\r\nX-Test: first\r\n\r\n"));
  auto first = client.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body,
            "GET /hello q=a=1;b=\xD8\xA7 x; body= remote=127.0.0.1 x-test=first target=/hello?a=1&b=%D8%A7+x");
  EXPECT_EQ(first->header("content-type"), "text/plain");
  EXPECT_EQ(first->header("content-length"), std::to_string(first->body.size()));
  EXPECT_FALSE(first->header("server")) << "the server must not advertise itself";
  EXPECT_TRUE(first->header("date"));
  EXPECT_NE(first->header("connection"), "close");

  ASSERT_TRUE(client.send("GET /second HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto second = client.read_response();
  ASSERT_TRUE(second) << "the connection must stay open for a second request";
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->body, "GET /second q= body= remote=127.0.0.1 x-test=- target=/second");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\nGET /two HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto one = client.read_response();
  auto two = client.read_response();
  ASSERT_TRUE(one && two);
  EXPECT_NE(one->body.find("/one"), std::string::npos);
  EXPECT_NE(two->body.find("/two"), std::string::npos);
}

TEST_F(ServerTest, PostBodyReachesTheHandler) {
  RawClient client(port());
  ASSERT_TRUE(
      client.send("POST /things HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n"
                  "hello world"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "POST /things q= body=hello world remote=127.0.0.1 x-test=- target=/things");
}

TEST_F(ServerTest, ChunkedBodyWithinTheLimitIsAccepted) {
  RawClient client(port());
  ASSERT_TRUE(
      client.send("POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("body=hello world "), std::string::npos);
}

TEST_F(ServerTest, BodyLimitIsDecidedPerRequest) {
  RawClient client(port());
  const std::string body(1000, 'x');  // over the default 64 but under /upload's 4096
  ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\n" + body));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServerTest, BodyOverTheLimitGets413AndClose) {
  RawClient client(port());
  // Only the header: the refusal must come from Content-Length alone, before any body is read.
  ASSERT_TRUE(client.send("POST /things HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(res->header("content-type"), "application/problem+json");
  EXPECT_EQ(res->body, "{\"status\":413,\"path\":\"/things\"}");
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitGets413) {
  RawClient client(port());
  const std::string chunk(50, 'y');
  ASSERT_TRUE(client.send("POST /things HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + chunk +
                          "\r\n32\r\n" + chunk + "\r\n0\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponseBeforeTheBody) {
  RawClient client(port());
  ASSERT_TRUE(client.send("POST /things HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = client.read_until("\r\n\r\n");
  ASSERT_TRUE(interim);
  EXPECT_EQ(*interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(client.send("abc"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("body=abc "), std::string::npos);
}

TEST_F(ServerTest, HugeHeaderGets431) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431);
  EXPECT_EQ(res->header("content-type"), "application/problem+json");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, GarbageGets400AndClose) {
  RawClient client(port());
  ASSERT_TRUE(client.send("\x01\x02 this is not HTTP \x7f\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, UndecodableTargetsGet400) {
  for (const std::string target : {"/a%2Fb", "/bad%zz", "/ok?x=%zz", "/a%00b", "no-slash"}) {
    RawClient client(port());
    ASSERT_TRUE(client.send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n"));
    auto res = client.read_response();
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 400) << target;
  }
}

TEST_F(ServerTest, AmbiguousFramingGets400) {
  const std::string requests[] = {
      // Content-Length and Transfer-Encoding together, the classic smuggling pair.
      "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      // Two different lengths.
      "POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
      // A transfer coding that does not end in chunked: the body length is unknowable.
      "POST /a HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\nxxxx",
      // HTTP/1.1 needs exactly one Host.
      "GET /a HTTP/1.1\r\n\r\n",
      "GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
  };
  for (const auto& request : requests) {
    RawClient client(port());
    ASSERT_TRUE(client.send(request));
    auto res = client.read_response();
    ASSERT_TRUE(res) << request;
    EXPECT_EQ(res->status, 400) << request;
    EXPECT_TRUE(client.wait_closed()) << request;
  }
}

TEST_F(ServerTest, AbsoluteFormTargetIsServed) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET http://example.org/abs?q=1 HTTP/1.1\r\nHost: example.org\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("GET /abs q=q=1;"), std::string::npos);
}

TEST_F(ServerTest, Http10ClosesAfterTheResponse) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, Http10KeepAliveIsHonoured) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  auto first = client.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->header("connection"), "keep-alive");
  ASSERT_TRUE(client.send("GET /again HTTP/1.0\r\n\r\n"));
  auto second = client.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed());
}

TEST_F(ServerTest, SlowClientIsClosedAfterReadTimeout) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\n"));
  // A byte every 200 ms keeps the connection busy but never finishes the header; each byte must not
  // extend the deadline (read_timeout is 1 s for the whole request).
  const auto give_up = Clock::now() + kWait;
  bool closed = false;
  while (!closed && Clock::now() < give_up) {
    if (!client.quiet_for(200ms)) break;  // the server answered or closed
    closed = !client.send("X");
  }
  std::string received;
  ASSERT_TRUE(client.wait_closed(&received));
  EXPECT_EQ(received.rfind("HTTP/1.1 408 ", 0), 0u) << received;
  EXPECT_NE(received.find("{\"status\":408,"), std::string::npos) << received;
}

TEST_F(ServerTest, SilentConnectionIsClosedWithoutAnAnswer) {
  RawClient client(port());
  std::string received;
  ASSERT_TRUE(client.wait_closed(&received));
  EXPECT_EQ(received, "");
}

TEST_F(ServerTest, HeadGivesContentLengthButNoBody) {
  RawClient client(port());
  ASSERT_TRUE(client.send("HEAD /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto head = client.read_response(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("content-length"), "10");
  // Had a body followed, the next response would not start right after the header.
  ASSERT_TRUE(client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto get = client.read_response();
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "0123456789");
}

TEST_F(ServerTest, FileResponseStreamsTheFile) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /file HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->header("content-type"), "application/octet-stream");
  EXPECT_EQ(res->header("content-length"), std::to_string(file_content_.size()));
  EXPECT_TRUE(res->body == file_content_);

  ASSERT_TRUE(client.send("HEAD /file HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto head = client.read_response(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), std::to_string(file_content_.size()));
  EXPECT_TRUE(client.quiet_for(200ms)) << "HEAD must not send the file";
}

TEST_F(ServerTest, MissingFileGivesPlain500) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /missing-file HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(res->header("content-type"), "application/problem+json");
  EXPECT_EQ(res->body, R"({"type":"about:blank","title":"Internal Server Error","status":500})");
}

TEST_F(ServerTest, HandlerExceptionGives500AndTheConnectionLives) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  ASSERT_TRUE(client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(ServerTest, RepeatedHeadersAreKeptAndUnsafeOnesDropped) {
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /cookies HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->count("set-cookie"), 2);
  EXPECT_FALSE(res->header("x-split"));
  EXPECT_FALSE(res->header("injected"));
}

TEST_F(ServerTest, NoContentHasNeitherBodyNorLength) {
  RawClient client(port());
  ASSERT_TRUE(client.send("DELETE /no-content HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_FALSE(res->header("content-length"));
  EXPECT_FALSE(res->header("content-type"));
  ASSERT_TRUE(client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "0123456789");
}

TEST_F(ServerTest, ResetMidBodyDoesNotHurtTheServer) {
  {
    RawClient client(port());
    ASSERT_TRUE(client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nabc"));
    client.reset();
  }
  RawClient client(port());
  ASSERT_TRUE(client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = client.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ServerLimits, ConnectionsOverTheMaximumGet503) {
  EchoApp app;
  auto config = test_config();
  config.http.max_connections = 2;
  RunningServer running(config, app.handlers());

  // Each held connection answers a request first, so the server has certainly accepted it.
  RawClient first(running.port());
  RawClient second(running.port());
  for (RawClient* client : {&first, &second}) {
    ASSERT_TRUE(client->send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
    auto res = client->read_response();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  EXPECT_EQ(running.server().open_connections(), 2u);

  RawClient third(running.port());
  ASSERT_TRUE(third.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto refused = third.read_response();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->header("content-type"), "application/problem+json");
  EXPECT_TRUE(third.wait_closed());
  third.close();

  // A freed slot is usable again once the server has noticed the close.
  first.close();
  const auto give_up = Clock::now() + kWait;
  while (running.server().open_connections() > 1 && Clock::now() < give_up) std::this_thread::sleep_for(10ms);
  RawClient fourth(running.port());
  ASSERT_TRUE(fourth.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  auto res = fourth.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST(ServerLimits, IdleKeepAliveConnectionIsClosed) {
  EchoApp app;
  auto config = test_config();
  config.http.idle_timeout = std::chrono::seconds(1);
  RunningServer running(config, app.handlers());
  RawClient client(running.port());
  ASSERT_TRUE(client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_TRUE(client.read_response());
  std::string rest;
  EXPECT_TRUE(client.wait_closed(&rest));
  EXPECT_EQ(rest, "");
}

TEST(ServerStop, InFlightResponseIsDeliveredBeforeRunReturns) {
  EchoApp app;
  RunningServer running(test_config(), app.handlers());
  RawClient busy(running.port());
  RawClient idle(running.port());
  ASSERT_TRUE(idle.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_TRUE(idle.read_response());
  ASSERT_TRUE(busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n"));
  ASSERT_TRUE(app.wait_slow_started());

  running.server().stop();
  app.release_slow();
  ASSERT_TRUE(running.stop_and_wait()) << "run() must return once the in-flight request is answered";

  // run() has returned, so whatever the server wrote is already in this socket's buffer.
  auto res = busy.read_response();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "slow done");
  EXPECT_EQ(res->header("connection"), "close");
  EXPECT_TRUE(busy.wait_closed());
  EXPECT_TRUE(idle.wait_closed());
  EXPECT_EQ(running.server().open_connections(), 0u);
  EXPECT_THROW(RawClient late(running.port()), std::runtime_error) << "no longer accepting";
}

TEST(ServerStop, StopBeforeRunMakesRunReturn) {
  EchoApp app;
  Server server(test_config(), app.handlers());
  server.listen();
  server.stop();
  auto returned = std::async(std::launch::async, [&] { server.run(); });
  EXPECT_EQ(returned.wait_for(kWait), std::future_status::ready);
}

TEST(ServerListen, TakenPortThrows) {
  EchoApp app;
  RunningServer first(test_config(), app.handlers());
  auto config = test_config();
  config.port = first.port();
  Server second(config, app.handlers());
  // reuse_address allows rebinding a port in TIME_WAIT, never one with a live listener.
  EXPECT_THROW(second.listen(), std::runtime_error);
}

TEST(ServerListen, BadAddressThrows) {
  EchoApp app;
  auto config = test_config();
  config.listen_address = "not an address";
  Server server(config, app.handlers());
  EXPECT_THROW(server.listen(), std::runtime_error);
}

}  // namespace
}  // namespace manzuma::http
