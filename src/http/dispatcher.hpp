#pragma once
// The request pipeline, free of Beast: request id, routing (404/405/OPTIONS/HEAD), authentication,
// the route's policy gate, the handler, errors as RFC 9457 problem+json, security headers, static files,
// metrics and the access log.

#include <functional>
#include <optional>
#include <string_view>

#include "core/actor.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace manzuma::http {

/// Who is calling: the actor of a valid session or token, nullopt when the request carries none.
/// Throws core::Error for a bad token or a failed CSRF check. `public_route` is true for routes anyone may
/// call (sign-in): a leftover session there must not turn into a CSRF refusal.
using Authenticator = std::function<std::optional<core::Actor>(const Request&, bool public_route)>;
/// May this actor call routes guarded by `action` at all? (Checks against a resource's organisation
/// happen later, in the service that loads the resource.)
using Authorizer = std::function<bool(const core::Actor&, std::string_view action)>;

/// Remembers the answers to POSTs that carried an Idempotency-Key, per user, so a retry gets the same
/// answer instead of a second write.
struct IdempotencyStore {
  /// The stored answer for (user, key), if any. Throws conflict when the key was used for another request.
  std::function<std::optional<Response>(std::int64_t user_id, std::string_view key, std::string_view route,
                                        std::string_view request_hash)>
      find;
  std::function<void(std::int64_t user_id, std::string_view key, std::string_view route, std::string_view request_hash,
                     const Response& response)>
      save;
};

class Dispatcher {
 public:
  Dispatcher(const Router& router, const core::Config& config, Metrics& metrics, const StaticFiles* static_files);

  void set_authenticator(Authenticator a) { authenticate_ = std::move(a); }
  void set_authorizer(Authorizer a) { authorize_ = std::move(a); }
  void set_idempotency_store(IdempotencyStore s) { idempotency_ = std::move(s); }

  /// Produces the response; never throws.
  Response handle(Request& request) noexcept;
  /// The body limit for a request whose headers have arrived: uploads get the upload limit.
  std::size_t body_limit(const Request& request) const;
  /// The problem+json answer for a request the server refused before it reached a handler.
  Response refusal(int status, const Request& request) const;

 private:
  /// Sets `route_label` to the matched route's pattern, and `logged_path` to what the access log may write.
  Response route(Request& request, std::string& route_label, std::string& logged_path);

  const Router& router_;
  const core::Config& config_;
  Metrics& metrics_;
  const StaticFiles* static_files_;
  Authenticator authenticate_;
  Authorizer authorize_;
  IdempotencyStore idempotency_;
};

/// Renders `e` as problem+json; `detail` is in `locale` ("ar" or "en"), both languages are included.
Response problem(const core::Error& e, const Request& request, std::string_view locale);

}  // namespace manzuma::http
