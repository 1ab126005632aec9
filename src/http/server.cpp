#include "http/server.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <csignal>
#include <ctime>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace manzuma::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using Strand = asio::strand<asio::io_context::executor_type>;
using Socket = asio::basic_stream_socket<tcp, Strand>;
using Acceptor = asio::basic_socket_acceptor<tcp, Strand>;
using Timer = asio::basic_waitable_timer<Clock, asio::wait_traits<Clock>, Strand>;

// Every awaited operation reports its error as a value: a client that resets its connection is
// ordinary traffic, not an exception to unwind through the coroutine.
constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

// How long stop() lets in-flight requests finish before their connections are closed.
constexpr auto kGracePeriod = std::chrono::seconds(10);
// After that, how long closed connections get to unwind before the io threads are stopped outright
// (a handler stuck in the database would otherwise keep run() from returning).
constexpr auto kForceCloseWait = std::chrono::seconds(2);
// A refusal is small and fits in the socket's send buffer; a client that will not take even that is gone.
constexpr auto kRefusalWriteTimeout = std::chrono::seconds(5);
// After a refusal we read and discard what the client still sends, for at most this long and this much,
// so that closing does not reset the connection before the client has read the refusal. The time is the guard
// against a slow sender; the byte cap only stops a fast one early, and must exceed what a client plausibly still
// has in flight: at 1 MiB, a 2 MiB JSON body refused at its header was reset mid-upload now and then, and the
// client saw a failed send instead of the 413 (bad_input_test, under load).
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = std::size_t{16} * 1024 * 1024;
// Connections being refused with 503 at once; beyond this a new connection is closed without an answer,
// so a flood cannot turn the refusals themselves into the exhausted resource.
constexpr std::size_t kMaxRefusing = 64;
constexpr std::size_t kReadChunk = std::size_t{8} * 1024;
// A keep-alive connection keeps a read buffer this large between requests; a larger one (after a big
// header or body) is given back.
constexpr std::size_t kKeptBufferBytes = std::size_t{64} * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

Response internal_error_response() {
  Response res;
  res.status = 500;
  res.content_type = "application/problem+json";
  res.body = R"({"type":"about:blank","title":"Internal Server Error","status":500})";
  return res;
}

// Used only when the refusal handler is missing or throws, so the client still gets a valid answer.
Response fallback_refusal(int status) {
  Response res;
  res.status = status;
  res.content_type = "application/problem+json";
  const std::string_view reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
  res.body = fmt::format(R"({{"type":"about:blank","title":"{}","status":{}}})", reason, status);
  return res;
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower_ascii(x) == lower_ascii(y); });
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// A handler that copied user input into a header must not be able to split the response.
bool is_safe_field(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) return false;
  return std::none_of(value.begin(), value.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

// Framing is the server's job: a handler's own Content-Length or Connection could contradict the body.
bool is_framing_field(std::string_view name) {
  return iequals(name, "content-length") || iequals(name, "transfer-encoding") || iequals(name, "connection");
}

// RFC 9110 §6.6.1: an origin server with a clock sends Date. Formatting it once a second per thread
// keeps it off the per-request cost.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[40] = {};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // Spelled out instead of strftime("%a %b"), which follows the process locale.
    const auto formatted =
        fmt::format_to_n(text, sizeof(text) - 1, "{}, {:02} {} {} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday], tm.tm_mday,
                         kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    *formatted.out = '\0';
    cached_second = now;
  }
  return text;
}

// Splits the request target into the decoded path and query. Accepts origin-form ("/a?b"), absolute-form
// ("http://host/a?b", RFC 9112 §3.2.2, which a server must accept) and "*" (OPTIONS).
bool decode_target(std::string_view target, Request& req) {
  if (target == "*") {
    req.path = "*";
    return true;
  }
  if (target.empty()) return false;
  if (target.front() != '/') {
    const auto scheme_end = target.find("://");
    if (scheme_end == std::string_view::npos) return false;
    const std::string_view scheme = target.substr(0, scheme_end);
    if (!iequals(scheme, "http") && !iequals(scheme, "https")) return false;
    const auto path_start = target.find('/', scheme_end + 3);
    target = path_start == std::string_view::npos ? std::string_view("/") : target.substr(path_start);
  }
  const auto question = target.find('?');
  if (!decode_path(target.substr(0, question), req.path)) return false;
  if (question != std::string_view::npos && !parse_query(target.substr(question + 1), req.query)) return false;
  return true;
}

// The completion of a detached coroutine: only an exception that escaped it needs attention.
auto log_if_failed(const char* what) {
  return [what](const std::exception_ptr& error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      spdlog::error("http: {} failed: {}", what, e.what());
    } catch (...) {
      spdlog::error("http: {} failed", what);
    }
  };
}

unsigned resolve_threads(unsigned configured, unsigned per_core) {
  if (configured > 0) return configured;
  return std::max(1u, std::thread::hardware_concurrency()) * per_core;
}

// The socket as Beast's read operations see it. The watchdog cancels the read in progress when the
// request deadline passes; a composed read whose previous step completed just before that cancel would
// start another step nothing cancels, so every read started after the deadline fails at once.
class DeadlineReader {
 public:
  using executor_type = Strand;

  DeadlineReader(Socket& socket, const bool& timed_out) : socket_(socket), timed_out_(timed_out) {}

  executor_type get_executor() { return socket_.get_executor(); }

  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    return asio::async_initiate<Token, void(beast::error_code, std::size_t)>(
        [this](auto handler, const MutableBuffers& buffers) {
          if (!timed_out_) {
            socket_.async_read_some(buffers, std::move(handler));
            return;
          }
          auto executor = asio::get_associated_executor(handler, socket_.get_executor());
          asio::post(executor, [handler = std::move(handler)]() mutable {
            std::move(handler)(beast::error_code(beast::error::timeout), std::size_t{0});
          });
        },
        token, buffers);
  }

 private:
  Socket& socket_;
  const bool& timed_out_;
};

}  // namespace

struct Server::Impl {
  class Connection;

  Impl(const core::Config& config, ServerHandlers handlers);
  ~Impl();

  void listen();
  void run();
  void stop();

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> drain();
  void begin_stop();
  std::vector<std::shared_ptr<Connection>> connections();
  void connection_closed(bool counted);

  Response call_handler(Request& req);
  Response make_refusal(int status, const Request& partial);

  const core::Config config_;
  const ServerHandlers handlers_;
  const unsigned io_threads_;

  // Declared before the io_context: connections still queued in it when it is destroyed update these.
  std::atomic<std::size_t> open_{0};      // every accepted socket still open
  std::atomic<std::size_t> serving_{0};   // those counted against max_connections
  std::atomic<std::size_t> refusing_{0};  // those being answered 503
  std::atomic<bool> stopping_{false};
  std::atomic<bool> tearing_down_{false};
  std::mutex registry_mutex_;
  // weak: a connection owns itself (its coroutine and its watchdog hold it); the registry only finds it.
  std::unordered_map<Connection*, std::weak_ptr<Connection>> registry_;

  // One io_context run by all io threads, with a strand per connection, rather than one context per
  // thread: keep-alive connections live long and differ in load, and a shared queue lets whichever
  // thread is free take the next ready connection instead of pinning each to the thread that accepted it.
  asio::io_context ioc_;
  // Serialises the acceptor, the signal set and the stop sequence.
  Strand control_;
  Acceptor acceptor_;
  Timer accept_backoff_;
  Timer drain_timer_;
  std::optional<asio::signal_set> signals_;
  bool stop_started_ = false;  // on control_
  std::uint16_t port_ = 0;
  // Handlers block on the database, so they run here and never on an io thread. Declared last so it is
  // joined first, while everything a finishing handler touches still exists.
  asio::thread_pool workers_;
};

// One client connection, served by one coroutine on its own strand. A watchdog timer enforces the
// deadlines (idle, whole request, write progress); while reading it cancels rather than closes, so that a
// client too slow with its request still gets its 408.
class Server::Impl::Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Impl& server, Socket socket, bool refuse)
      : server_(server), socket_(std::move(socket)), timer_(socket_.get_executor()), refuse_(refuse) {
    beast::error_code ec;
    const auto endpoint = socket_.remote_endpoint(ec);
    if (!ec) {
      const auto address = endpoint.address();
      // A dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d; logs and rate limits want a.b.c.d.
      if (address.is_v6() && address.to_v6().is_v4_mapped()) {
        remote_ = asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
      } else {
        remote_ = address.to_string();
      }
    }
  }

  ~Connection() {
    {
      std::lock_guard lock(server_.registry_mutex_);
      server_.registry_.erase(this);
    }
    if (refuse_) --server_.refusing_;
    server_.connection_closed(!refuse_);
  }

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Strand executor() { return socket_.get_executor(); }

  static asio::awaitable<void> serve(std::shared_ptr<Connection> self) {
    try {
      co_await self->serve_requests();
    } catch (const std::exception& e) {
      // Nothing a client sends should get here; if something does, this connection ends and no other.
      spdlog::error("http connection from {} failed: {}", self->remote_, e.what());
    }
    self->finish();
  }

  /// The server is stopping: a connection waiting for its next request closes now; one in the middle of
  /// a request finishes it and then closes (serve_requests checks stopping_).
  void on_stop() {
    if (finished_ || phase_ != Phase::idle) return;
    beast::error_code ec;
    socket_.cancel(ec);
  }

  /// The grace period is over: close whatever this connection is doing.
  void force_close() {
    if (finished_) return;
    beast::error_code ec;
    socket_.close(ec);
  }

 private:
  enum class Phase { idle, reading, handling, writing };

  asio::awaitable<void> serve_requests() {
    const auto& limits = server_.config_.http;
    if (refuse_) {
      Request partial;
      partial.remote_address = remote_;
      co_await refuse(503, partial, 11, false);
      co_return;
    }
    // The first request has read_timeout from the accept; later ones idle_timeout to begin and then
    // read_timeout from their first byte.
    set_deadline(Clock::now() + limits.read_timeout);
    bool first = true;
    for (;;) {
      if (server_.stopping_) co_return;
      if (buffer_.size() == 0) {
        phase_ = Phase::idle;
        if (!first) set_deadline(Clock::now() + limits.idle_timeout);
        auto [ec, n] = co_await socket_.async_read_some(buffer_.prepare(kReadChunk), kAwait);
        if (ec || timed_out_) {
          spdlog::debug("http {}: closed while idle: {}", remote_, timed_out_ ? "timeout" : ec.message());
          co_return;
        }
        buffer_.commit(n);
      }
      phase_ = Phase::reading;
      if (!first) set_deadline(Clock::now() + limits.read_timeout);
      first = false;
      const bool keep_alive = co_await serve_request();
      if (!keep_alive) co_return;
      if (buffer_.size() == 0 && buffer_.capacity() > kKeptBufferBytes) buffer_.shrink_to_fit();
    }
  }

  // Reads one request, answers it, and says whether the connection may carry another.
  asio::awaitable<bool> serve_request() {
    const auto& limits = server_.config_.http;
    parser_.emplace();
    auto& parser = *parser_;
    parser.header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(limits.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    // No limit while the header is read: Beast would check Content-Length against its 1 MB default the
    // moment the header ends, before body_limit() has had its say.
    parser.body_limit(boost::none);
    DeadlineReader reader(socket_, timed_out_);

    {
      auto [ec, n] = co_await bhttp::async_read_header(reader, buffer_, parser, kAwait);
      if (ec) {
        Request partial;
        partial.remote_address = remote_;
        co_await on_read_error(ec, partial, false);
        co_return false;
      }
    }

    const auto& header = parser.get();
    Request req;
    req.method = parse_method(std::string_view(header.method_string()));
    req.target = std::string(header.target());
    req.remote_address = remote_;
    for (const auto& field : header) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(), lower_ascii);
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    const unsigned version = header.version();
    const bool head = req.method == Method::head;
    if (!decode_target(req.target, req)) {
      spdlog::debug("http {}: undecodable target", remote_);
      co_await refuse(400, req, version, head);
      co_return false;
    }
    // RFC 9112 §3.2: exactly one Host in HTTP/1.1. §6.3: a Transfer-Encoding that does not end in chunked
    // leaves the body length unknown; guessing would let a proxy in front and this server disagree on
    // where the next request starts (request smuggling).
    if ((version == 11 && header.count(bhttp::field::host) != 1) ||
        (header.find(bhttp::field::transfer_encoding) != header.end() && !parser.chunked())) {
      spdlog::debug("http {}: missing Host or unusable Transfer-Encoding", remote_);
      co_await refuse(400, req, version, head);
      co_return false;
    }

    std::size_t limit = 0;
    try {
      limit = server_.handlers_.body_limit(req);
    } catch (const std::exception& e) {
      spdlog::error("http body_limit handler threw: {}", e.what());
    }
    if (const auto length = parser.content_length(); length && *length > limit) {
      spdlog::debug("http {}: body of {} bytes over the limit of {}", remote_, *length, limit);
      co_await refuse(413, req, version, head);
      co_return false;
    }
    // Still needed for a chunked body, whose size is known only as it arrives.
    parser.body_limit(static_cast<std::uint64_t>(limit));

    if (!parser.is_done()) {
      const auto expect = header[bhttp::field::expect];
      if (version == 11 && iequals(std::string_view(expect), "100-continue")) {
        auto [ec, n] = co_await asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()), kAwait);
        if (ec) {
          spdlog::debug("http {}: writing 100-continue failed: {}", remote_, ec.message());
          co_return false;
        }
      }
      auto [ec, n] = co_await bhttp::async_read(reader, buffer_, parser, kAwait);
      if (ec) {
        co_await on_read_error(ec, req, true);
        co_return false;
      }
    }
    req.body = std::move(parser.get().body());
    const bool client_keeps_alive = parser.get().keep_alive();
    parser_.reset();

    phase_ = Phase::handling;
    set_deadline(Clock::time_point::max());
    Response res = co_await run_handler(req);

    const bool keep_alive = client_keeps_alive && !server_.stopping_;
    // A client that takes no part of the response for as long as it may sit idle between requests is gone.
    const auto stall_timeout = std::chrono::duration_cast<Clock::duration>(limits.idle_timeout);
    const bool written = co_await write_response(std::move(res), version, keep_alive, head, stall_timeout);
    const bool another_request = written && keep_alive;
    co_return another_request;
  }

  asio::awaitable<void> on_read_error(beast::error_code ec, const Request& partial, bool header_done) {
    const unsigned version = 11;
    const bool head = header_done && partial.method == Method::head;
    if (timed_out_) {
      spdlog::debug("http {}: request not complete within read_timeout", remote_);
      co_await refuse(408, partial, version, head);
    } else if (ec == bhttp::error::header_limit) {
      spdlog::debug("http {}: header over the limit", remote_);
      co_await refuse(431, partial, version, head);
    } else if (ec == bhttp::error::body_limit) {
      spdlog::debug("http {}: chunked body over the limit", remote_);
      co_await refuse(413, partial, version, head);
    } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
               ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      spdlog::debug("http {}: malformed request: {}", remote_, ec.message());
      co_await refuse(400, partial, version, head);
    } else {
      spdlog::debug("http {}: connection ended mid-request: {}", remote_, ec.message());
    }
  }

  // Answers with a refusal the server itself decided on, then closes.
  asio::awaitable<void> refuse(int status, const Request& partial, unsigned version, bool head) {
    Response res = server_.make_refusal(status, partial);
    const bool written = co_await write_response(std::move(res), version, false, head, kRefusalWriteTimeout);
    if (written) co_await linger();
  }

  // Closing a socket with unread input makes the kernel send a reset, which can destroy the response
  // before the client reads it (a client still uploading the body we refused, for one). So: stop
  // sending, read and discard for a bounded time, then close.
  asio::awaitable<void> linger() {
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_send, ec);
    if (ec) co_return;
    phase_ = Phase::writing;  // the watchdog closes the socket when time is up
    set_deadline(Clock::now() + kLingerTime);
    std::size_t discarded = 0;
    while (discarded < kLingerBytes) {
      auto [read_ec, n] = co_await socket_.async_read_some(buffer_.prepare(kReadChunk), kAwait);
      if (read_ec) break;
      discarded += n;
    }
  }

  // Runs the handler on the worker pool and resumes on this connection's strand. The work guard keeps
  // run() from returning while a handler is still busy.
  asio::awaitable<Response> run_handler(Request& req) {
    return asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [this, &req](auto completion) {
          auto work = asio::make_work_guard(asio::get_associated_executor(completion));
          asio::post(server_.workers_,
                     [this, &req, completion = std::move(completion), work = std::move(work)]() mutable {
                       Response res = server_.call_handler(req);
                       auto executor = work.get_executor();
                       asio::post(executor, [completion = std::move(completion), res = std::move(res)]() mutable {
                         std::move(completion)(std::move(res));
                       });
                     });
        },
        asio::use_awaitable);
  }

  // Fills the parts of the header every body type shares.
  template <class Body>
  static void fill_header(bhttp::response<Body>& header, const Response& res, unsigned version, bool keep_alive,
                          bool bodiless_status) {
    header.version(version);
    header.result(static_cast<unsigned>(res.status));
    if (!res.content_type.empty() && !bodiless_status) header.set(bhttp::field::content_type, res.content_type);
    bool has_date = false;
    for (const auto& [name, value] : res.headers) {
      if (!is_safe_field(name, value)) {
        spdlog::warn("http: dropped response header '{}' with characters not allowed in a header", name);
        continue;
      }
      if (is_framing_field(name)) continue;
      has_date = has_date || iequals(name, "date");
      header.insert(name, value);
    }
    if (!has_date) header.set(bhttp::field::date, http_date());
    header.keep_alive(keep_alive);
  }

  asio::awaitable<bool> write_response(Response res, unsigned version, bool keep_alive, bool head,
                                       Clock::duration stall_timeout) {
    if (res.status < 200 || res.status > 599) {
      spdlog::error("http: handler answered with status {}, sending 500", res.status);
      res = internal_error_response();
    }
    // RFC 9110 §8.6: 204 and 304 carry no body and (for 204) no Content-Length.
    const bool bodiless_status = res.status == 204 || res.status == 304;
    if (res.file_path && !bodiless_status) {
      bhttp::file_body::value_type file;
      beast::error_code ec;
      file.open(res.file_path->c_str(), beast::file_mode::scan, ec);
      if (!ec) {
        const std::uint64_t size = file.size();
        if (head) {
          bhttp::response<bhttp::empty_body> msg;
          fill_header(msg, res, version, keep_alive, false);
          msg.content_length(size);
          co_return co_await write_message(msg, stall_timeout);
        }
        bhttp::response<bhttp::file_body> msg;
        fill_header(msg, res, version, keep_alive, false);
        msg.body() = std::move(file);
        msg.content_length(size);
        co_return co_await write_message(msg, stall_timeout);
      }
      spdlog::error("http: cannot open {} for a response: {}", *res.file_path, ec.message());
      res = internal_error_response();
    }
    if (head || bodiless_status) {
      bhttp::response<bhttp::empty_body> msg;
      fill_header(msg, res, version, keep_alive, bodiless_status);
      if (!bodiless_status) msg.content_length(res.body.size());
      co_return co_await write_message(msg, stall_timeout);
    }
    bhttp::response<bhttp::string_body> msg;
    fill_header(msg, res, version, keep_alive, false);
    msg.content_length(res.body.size());
    msg.body() = std::move(res.body);
    co_return co_await write_message(msg, stall_timeout);
  }

  // Writes piece by piece so the deadline measures progress: a large file to a slow but live client is
  // fine, a client that stops reading is not.
  template <class Body>
  asio::awaitable<bool> write_message(bhttp::response<Body>& msg, Clock::duration stall_timeout) {
    bhttp::serializer<false, Body> serializer{msg};
    phase_ = Phase::writing;
    while (!serializer.is_done()) {
      set_deadline(Clock::now() + stall_timeout);
      auto [ec, n] = co_await bhttp::async_write_some(socket_, serializer, kAwait);
      if (ec) {
        spdlog::debug("http {}: write failed: {}", remote_, ec.message());
        co_return false;
      }
    }
    co_return true;
  }

  void set_deadline(Clock::time_point deadline) {
    deadline_ = deadline;
    if (!watchdog_armed_) {
      arm_watchdog();
    } else if (deadline < timer_.expiry()) {
      timer_.expires_at(deadline);  // cancels the wait; on_watchdog re-arms for the new deadline
    }
    // A later deadline needs nothing: the watchdog wakes at the old one, sees time left, and waits again.
  }

  void arm_watchdog() {
    watchdog_armed_ = true;
    timer_.expires_at(deadline_);
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->on_watchdog(); });
  }

  void on_watchdog() {
    watchdog_armed_ = false;
    if (finished_) return;
    if (Clock::now() < deadline_) {
      arm_watchdog();
      return;
    }
    timed_out_ = true;
    beast::error_code ec;
    if (phase_ == Phase::idle || phase_ == Phase::reading) {
      socket_.cancel(ec);  // the send side stays usable for the 408
    } else {
      socket_.close(ec);
    }
  }

  void finish() {
    finished_ = true;
    timer_.cancel();
    beast::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
  }

  Impl& server_;
  Socket socket_;
  Timer timer_;
  const bool refuse_;
  std::string remote_;
  beast::flat_buffer buffer_;  // kept across requests on this connection
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Phase phase_ = Phase::idle;
  Clock::time_point deadline_ = Clock::time_point::max();
  bool watchdog_armed_ = false;
  bool timed_out_ = false;
  bool finished_ = false;
};

Server::Impl::Impl(const core::Config& config, ServerHandlers handlers)
    : config_(config),
      handlers_(std::move(handlers)),
      io_threads_(resolve_threads(config.io_threads, 1)),
      ioc_(static_cast<int>(io_threads_)),
      control_(asio::make_strand(ioc_)),
      acceptor_(control_),
      accept_backoff_(control_),
      drain_timer_(control_),
      workers_(resolve_threads(config.workers, 4)) {}

Server::Impl::~Impl() {
  tearing_down_ = true;
  // A handler still running (after a forced stop) finishes before the connection it answers is destroyed.
  workers_.stop();
  workers_.join();
}

void Server::Impl::listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(config_.listen_address, ec);
  if (ec) {
    // Not an address literal: resolve it ("localhost").
    asio::ip::tcp::resolver resolver(ioc_);
    auto results = resolver.resolve(config_.listen_address, "", ec);
    if (ec || results.empty()) {
      throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", config_.listen_address, config_.port,
                                           ec ? ec.message() : "no address"));
    }
    address = results.begin()->endpoint().address();
  }
  const tcp::endpoint endpoint(address, config_.port);
  const auto fail = [&](std::string_view step) {
    throw std::runtime_error(
        fmt::format("cannot listen on {}:{} ({}): {}", config_.listen_address, config_.port, step, ec.message()));
  };
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) fail("open");
  acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) fail("reuse_address");
  acceptor_.bind(endpoint, ec);
  if (ec) fail("bind");
  acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) fail("listen");
  port_ = acceptor_.local_endpoint(ec).port();
  spdlog::info("http: listening on {}:{}", address.to_string(), port_);
}

void Server::Impl::run() {
  if (!acceptor_.is_open()) throw std::runtime_error("http server: run() called before listen()");
  signals_.emplace(control_, SIGINT, SIGTERM);
  signals_->async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("http: signal {} received, stopping", signal);
    begin_stop();
  });
  asio::co_spawn(control_, accept_loop(), log_if_failed("accept loop"));

  const auto run_io = [this] {
    for (;;) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: io thread caught: {}", e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(io_threads_ - 1);
  for (unsigned i = 1; i < io_threads_; ++i) threads.emplace_back(run_io);
  run_io();
  for (auto& thread : threads) thread.join();
  spdlog::info("http: stopped");
}

void Server::Impl::stop() {
  // Set here and not only in drain(): a response written after stop() returns must already say
  // "Connection: close", even if drain() has not run yet.
  stopping_ = true;
  asio::post(control_, [this] { begin_stop(); });
}

void Server::Impl::begin_stop() {
  if (stop_started_) return;
  stop_started_ = true;
  asio::co_spawn(control_, drain(), log_if_failed("stop sequence"));
}

asio::awaitable<void> Server::Impl::accept_loop() {
  const std::size_t max_connections = std::max<std::size_t>(1, config_.http.max_connections);
  for (;;) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kAwait);
    if (stopping_ || !acceptor_.is_open()) co_return;
    if (ec) {
      spdlog::warn("http: accept failed: {}", ec.message());
      // Out of descriptors (EMFILE) fails again at once; a short pause keeps the loop from spinning.
      accept_backoff_.expires_after(std::chrono::milliseconds(50));
      co_await accept_backoff_.async_wait(kAwait);
      continue;
    }
    beast::error_code option_ec;
    socket.set_option(tcp::no_delay(true), option_ec);

    const bool refuse = serving_.load() >= max_connections;
    if (refuse) {
      if (refusing_.load() >= kMaxRefusing) continue;  // closed unanswered by the socket's destructor
      ++refusing_;
    } else {
      ++serving_;
    }
    ++open_;
    auto connection = std::make_shared<Connection>(*this, std::move(socket), refuse);
    {
      std::lock_guard lock(registry_mutex_);
      registry_.emplace(connection.get(), connection);
    }
    const Strand executor = connection->executor();
    asio::co_spawn(executor, Connection::serve(std::move(connection)), log_if_failed("connection"));
  }
}

asio::awaitable<void> Server::Impl::drain() {
  stopping_ = true;
  beast::error_code ec;
  acceptor_.close(ec);
  accept_backoff_.cancel();
  if (signals_) {
    signals_->cancel(ec);
    signals_->clear(ec);  // gives SIGINT and SIGTERM back their default action
  }
  for (auto& connection : connections()) {
    Connection* raw = connection.get();
    asio::post(raw->executor(), [connection = std::move(connection)] { connection->on_stop(); });
  }

  // connection_closed() cancels this wait when the last connection goes.
  drain_timer_.expires_after(kGracePeriod);
  if (open_.load() > 0) co_await drain_timer_.async_wait(kAwait);
  if (open_.load() == 0) co_return;

  spdlog::warn("http: {} connections still busy {} s after stop; closing them", open_.load(),
               std::chrono::duration_cast<std::chrono::seconds>(kGracePeriod).count());
  for (auto& connection : connections()) {
    Connection* raw = connection.get();
    asio::post(raw->executor(), [connection = std::move(connection)] { connection->force_close(); });
  }
  drain_timer_.expires_after(kForceCloseWait);
  if (open_.load() > 0) co_await drain_timer_.async_wait(kAwait);
  if (open_.load() > 0) {
    spdlog::warn("http: handlers still running; stopping the io threads without them");
    ioc_.stop();
  }
}

std::vector<std::shared_ptr<Server::Impl::Connection>> Server::Impl::connections() {
  std::vector<std::shared_ptr<Connection>> out;
  std::lock_guard lock(registry_mutex_);
  out.reserve(registry_.size());
  for (const auto& [raw, weak] : registry_) {
    if (auto connection = weak.lock()) out.push_back(std::move(connection));
  }
  return out;
}

void Server::Impl::connection_closed(bool counted) {
  if (counted) --serving_;
  // Sequentially consistent, as is the store of stopping_ before drain() reads open_: either drain()
  // sees zero, or this sees stopping_ and wakes it.
  if (--open_ == 0 && stopping_ && !tearing_down_) {
    asio::post(control_, [this] { drain_timer_.cancel(); });
  }
}

Response Server::Impl::call_handler(Request& req) {
  try {
    return handlers_.handle(req);
  } catch (const std::exception& e) {
    spdlog::error("http: handler threw for {} {}: {}", method_name(req.method), req.path, e.what());
  } catch (...) {
    spdlog::error("http: handler threw a non-exception for {} {}", method_name(req.method), req.path);
  }
  return internal_error_response();
}

Response Server::Impl::make_refusal(int status, const Request& partial) {
  if (handlers_.refusal) {
    try {
      return handlers_.refusal(status, partial);
    } catch (const std::exception& e) {
      spdlog::error("http: refusal handler threw: {}", e.what());
    }
  }
  return fallback_refusal(status);
}

Server::Server(const core::Config& config, ServerHandlers handlers)
    : impl_(std::make_unique<Impl>(config, std::move(handlers))) {}

Server::~Server() = default;

void Server::listen() { impl_->listen(); }

std::uint16_t Server::port() const { return impl_->port_; }

void Server::run() { impl_->run(); }

void Server::stop() { impl_->stop(); }

std::size_t Server::open_connections() const { return impl_->open_.load(); }

}  // namespace manzuma::http
