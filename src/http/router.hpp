#pragma once
// Routes: method + path template ("/api/v1/organizations/{id}") + the policy action that guards it +
// typed input/output, from which the OpenAPI document is produced (so it cannot drift from the code).

#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/actor.hpp"
#include "core/json.hpp"
#include "http/message.hpp"

namespace manzuma::http {

/// The action name of routes anyone may call, signed in or not.
inline constexpr std::string_view kPublic = "public";

/// What a handler sees.
class Context {
 public:
  Context(const Request& request, Response& response, const core::Actor* actor,
          std::vector<std::pair<std::string, std::string>> params, std::size_t max_json_depth)
      : request(request), response(response), actor_(actor), params_(std::move(params)), max_depth_(max_json_depth) {}

  const Request& request;
  Response& response;

  /// The signed-in caller; throws unauthenticated on a public route without a session.
  const core::Actor& actor() const;
  const core::Actor* actor_or_null() const { return actor_; }
  /// A path parameter ("{id}" -> "id"), already percent-decoded.
  std::string_view param(std::string_view name) const;
  /// A path parameter that must be a positive 64-bit id; anything else is a 404 (no such record).
  std::int64_t id(std::string_view name = "id") const;
  /// The body parsed as JSON (415 unless the content type is JSON; 400 when malformed).
  boost::json::value json_body() const;
  /// "ar" or "en", from the signed-in user, else Accept-Language, else Arabic.
  std::string_view locale() const;

 private:
  const core::Actor* actor_;
  std::vector<std::pair<std::string, std::string>> params_;
  std::size_t max_depth_;
};

/// Documentation and policy of one route.
struct RouteDoc {
  /// The policy action guarding the route ("organizations.create"), or kPublic.
  std::string_view action;
  std::string_view summary;
  /// Query parameters the route reads (documented as strings).
  std::vector<std::string> query = {};
  /// Status of a successful response.
  int status = 200;
  /// multipart/form-data body (allowed up to the upload limit instead of the JSON limit).
  bool upload = false;
  /// The handler writes a non-JSON body itself (file download, metrics text).
  std::string_view produces = "application/json";
  /// The answer carries a secret shown once (a password, a token): it is never stored for Idempotency-Key
  /// replays; a replay is told the first request already succeeded.
  bool returns_secret = false;
  /// A path parameter is a secret (a one-time link's token): the access log writes the route's pattern, never
  /// the path, so the logs cannot answer or trace the link.
  bool secret_in_path = false;
};

using Handler = std::function<void(Context&)>;
using SchemaFn = boost::json::value (*)(boost::json::object& components);

struct Route {
  Method method;
  std::string path;
  std::vector<std::string> segments;
  RouteDoc doc;
  std::string tag;
  SchemaFn request_schema = nullptr;
  SchemaFn response_schema = nullptr;
  Handler handler;
};

class Router {
 public:
  /// Registers a route; throws std::logic_error on a duplicate method+path or an empty action (every
  /// route must declare its policy).
  void add(Method method, std::string path, RouteDoc doc, Handler handler, SchemaFn request_schema = nullptr,
           SchemaFn response_schema = nullptr);

  /// GET returning Out (encoded as JSON).
  template <class Out, class F>
  void get(std::string path, RouteDoc doc, F fn) {
    add_typed<void, Out>(Method::get, std::move(path), std::move(doc), std::move(fn));
  }
  /// POST taking In (decoded from JSON, unknown fields rejected) and returning Out (void: 204).
  template <class In, class Out, class F>
  void post(std::string path, RouteDoc doc, F fn) {
    add_typed<In, Out>(Method::post, std::move(path), std::move(doc), std::move(fn));
  }
  template <class In, class Out, class F>
  void put(std::string path, RouteDoc doc, F fn) {
    add_typed<In, Out>(Method::put, std::move(path), std::move(doc), std::move(fn));
  }
  template <class In, class Out, class F>
  void patch(std::string path, RouteDoc doc, F fn) {
    add_typed<In, Out>(Method::patch, std::move(path), std::move(doc), std::move(fn));
  }
  template <class Out, class F>
  void del(std::string path, RouteDoc doc, F fn) {
    add_typed<void, Out>(Method::delete_, std::move(path), std::move(doc), std::move(fn));
  }
  /// As post/put/patch, with `check(c)` run before the body is decoded: it throws for a record the caller may not
  /// see or act on, so another entity's record is refused the same way whatever the body holds.
  template <class In, class Out, class Check, class F>
  void checked(Method method, std::string path, RouteDoc doc, Check check, F fn) {
    add_typed<In, Out>(method, std::move(path), std::move(doc), std::move(fn), std::move(check));
  }

  /// Groups the routes registered from now on under an OpenAPI tag.
  void set_tag(std::string tag) { tag_ = std::move(tag); }

  struct Match {
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    /// Methods the path accepts, when it matched a path but not the method (for 405 and Allow).
    std::vector<Method> allowed;
  };
  Match match(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

  /// The OpenAPI 3.1 document of every registered route.
  boost::json::value openapi(std::string_view version) const;

 private:
  struct NoCheck {
    void operator()(Context&) const {}
  };

  template <class In, class Out, class F, class Check = NoCheck>
  void add_typed(Method method, std::string path, RouteDoc doc, F fn, Check check = {}) {
    const int status = doc.status;
    Handler h = [fn = std::move(fn), check = std::move(check), status](Context& c) {
      check(c);
      auto respond = [&](auto&&... in) {
        if constexpr (std::is_void_v<Out>) {
          fn(c, std::forward<decltype(in)>(in)...);
          if (c.response.status == 200) c.response.status = 204;
        } else {
          Out out = fn(c, std::forward<decltype(in)>(in)...);
          if (c.response.status == 200) c.response.status = status;
          c.response.body = core::json::to_text_of(out);
        }
      };
      if constexpr (std::is_void_v<In>) {
        respond();
      } else {
        respond(core::json::decode<In>(c.json_body()));
      }
    };
    SchemaFn req = nullptr, res = nullptr;
    if constexpr (!std::is_void_v<In>) req = &core::json::schema<In>;
    if constexpr (!std::is_void_v<Out>) res = &core::json::schema<Out>;
    if (std::is_void_v<Out> && doc.status == 200) doc.status = 204;
    add(method, std::move(path), std::move(doc), std::move(h), req, res);
  }

  std::vector<Route> routes_;
  std::string tag_;
};

}  // namespace manzuma::http
