#pragma once
// The HTTP/1.1 server (Boost.Beast, in server.cpp only). It parses requests into http::Request, hands
// them to a handler on a worker pool (handlers may block on the database), and writes http::Response.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/config.hpp"
#include "http/message.hpp"

namespace manzuma::http {

/// What the server calls. Both must be thread-safe and must not throw.
struct ServerHandlers {
  /// Produces the response for a complete request (runs on a worker thread).
  std::function<Response(Request&)> handle;
  /// The largest body accepted for a request whose headers (no body yet) are given.
  std::function<std::size_t(const Request&)> body_limit;
  /// The response for a request the server itself refused (status 400, 408, 413, 431, 503), so the
  /// body is problem+json like every other error.
  std::function<Response(int status, const Request&)> refusal;
};

class Server {
 public:
  Server(const core::Config& config, ServerHandlers handlers);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens; throws if the address is taken. Port 0 picks a free port (tests).
  void listen();
  /// The bound port (after listen()).
  std::uint16_t port() const;
  /// Serves until stop() or SIGTERM/SIGINT; returns after in-flight requests finished.
  void run();
  /// Stops accepting, lets in-flight requests finish, then makes run() return. Thread-safe.
  void stop();

  /// Connections open now (for /metrics).
  std::size_t open_connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace manzuma::http
