#include "http/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <span>

#include "core/crypto.hpp"
#include "core/json.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace manzuma::http {

namespace bj = boost::json;

namespace {

std::string_view status_title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

// A request id a client or proxy sent is kept only if it is short and harmless in a log line.
bool acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  return true;
}

void add_security_headers(Response& r, bool secure) {
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "same-origin");
  r.set_header("Cross-Origin-Opener-Policy", "same-origin");
  r.set_header("Cross-Origin-Resource-Policy", "same-origin");
  r.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  // The app ships everything it needs (fonts included): nothing loads from another host.
  r.set_header("Content-Security-Policy",
               "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
               "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
               "frame-ancestors 'none'");
  if (secure) r.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

std::string allow_header(std::vector<Method> methods) {
  const bool has_get = std::find(methods.begin(), methods.end(), Method::get) != methods.end();
  if (has_get) methods.push_back(Method::head);
  methods.push_back(Method::options);
  std::string out;
  for (auto m : methods) {
    if (!out.empty()) out += ", ";
    out += method_name(m);
  }
  return out;
}

}  // namespace

Response problem(const core::Error& e, const Request& request, std::string_view locale) {
  const int status = core::http_status(e.kind());
  bj::object o;
  o["type"] = "urn:manzuma:problem:" + e.code();
  o["title"] = status_title(status);
  o["status"] = status;
  o["code"] = e.code();
  o["detail"] = locale == "en" ? e.message_en() : e.message_ar();
  o["detail_ar"] = e.message_ar();
  o["detail_en"] = e.message_en();
  if (!e.field().empty()) o["field"] = e.field();
  if (!e.errors().empty()) {
    // Enough to mend a form; a body of thousands of bad keys must not become a response ten times its size.
    constexpr std::size_t kMaxErrors = 20;
    bj::array errs;
    if (e.errors().size() > kMaxErrors) o["errors_truncated"] = true;
    for (const auto& f : std::span(e.errors()).first(std::min(e.errors().size(), kMaxErrors)))
      errs.push_back(
          bj::object{{"field", f.field}, {"code", f.code}, {"message_ar", f.message_ar}, {"message_en", f.message_en}});
    o["errors"] = std::move(errs);
  }
  // A path refused for broken UTF-8 (/x/%FF) must not make the answer itself broken JSON.
  o["instance"] = core::valid_utf8(request.path) ? request.path : std::string();
  if (!request.request_id.empty()) o["request_id"] = request.request_id;
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = core::json::to_text(o);
  if (e.retry_after() > 0) r.set_header("Retry-After", std::to_string(e.retry_after()));
  if (status == 401) r.set_header("WWW-Authenticate", "Bearer realm=\"manzuma\"");
  return r;
}

Dispatcher::Dispatcher(const Router& router, const core::Config& config, Metrics& metrics,
                       const StaticFiles* static_files)
    : router_(router), config_(config), metrics_(metrics), static_files_(static_files) {}

std::size_t Dispatcher::body_limit(const Request& request) const {
  const auto ct = core::ascii_lower(request.header("content-type").value_or(""));
  if (ct.starts_with("multipart/form-data")) return config_.http.max_upload_bytes;
  return config_.http.max_json_body_bytes;
}

Response Dispatcher::refusal(int status, const Request& request) const {
  core::ErrorKind kind = core::ErrorKind::invalid_input;
  std::string code = "bad_request", ar = "الطلب غير صالح", en = "The request is malformed";
  switch (status) {
    case 408:
      code = "request_timeout", ar = "انتهت مهلة استلام الطلب", en = "The request was not received in time";
      break;
    case 413:
      kind = core::ErrorKind::payload_too_large, code = "payload_too_large", ar = "حجم الطلب أكبر من المسموح",
      en = "The request body is larger than allowed";
      break;
    case 431:
      code = "headers_too_large", ar = "ترويسات الطلب أكبر من المسموح", en = "The request headers are too large";
      break;
    case 503:
      kind = core::ErrorKind::unavailable, code = "overloaded", ar = "الخادم مشغول، حاول بعد قليل",
      en = "The server is busy; try again shortly";
      break;
    default:
      break;
  }
  core::Error error(kind, code, ar, en);
  if (status == 400) {
    // A query parameter that does not decode (?q=%FF) is named, as any other bad parameter is.
    if (auto name = undecodable_parameter(request.target))
      error = core::Error::invalid_field(*name, "encoding", "قيمة المعامل ليست نصًا صالحًا (UTF-8)",
                                         "The parameter is not valid UTF-8 (or a %-escape is malformed)");
  }
  Response r = problem(error, request, preferred_locale(request));
  r.status = status;  // 408 and 431 have no ErrorKind of their own
  if (status == 503) r.set_header("Retry-After", "1");
  add_security_headers(r, false);
  return r;
}

Response Dispatcher::handle(Request& request) noexcept {
  const auto started = std::chrono::steady_clock::now();
  if (auto id = request.header("x-request-id"); id && acceptable_request_id(*id))
    request.request_id = *id;
  else
    request.request_id = core::random_token(12);
  core::RequestIdScope scope(request.request_id);

  if (config_.trust_proxy) {
    if (auto fwd = request.header("x-forwarded-for")) {
      // The rightmost entry is the one our proxy appended; anything left of it the client wrote.
      const auto comma = fwd->rfind(',');
      request.remote_address = core::trim(comma == std::string_view::npos ? *fwd : fwd->substr(comma + 1));
    }
    if (auto proto = request.header("x-forwarded-proto")) request.secure = *proto == "https";
  }

  std::string route_label = "unmatched";
  std::string logged_path = request.path;
  Response r;
  try {
    r = route(request, route_label, logged_path);
  } catch (const core::Error& e) {
    if (e.kind() == core::ErrorKind::internal)
      spdlog::error("internal error: {}", e.internal_detail());
    else if (!e.internal_detail().empty())
      spdlog::info("{}: {}", e.code(), e.internal_detail());
    r = problem(e, request, preferred_locale(request));
  } catch (const std::exception& e) {
    spdlog::error("unhandled exception: {}", e.what());
    r = problem(core::Error::internal(e.what()), request, preferred_locale(request));
  } catch (...) {
    spdlog::error("unhandled non-standard exception");
    r = problem(core::Error::internal("unknown"), request, preferred_locale(request));
  }

  add_security_headers(r, request.secure);
  if (!r.header("Cache-Control") && !r.file_path) r.set_header("Cache-Control", "no-store");
  r.set_header("X-Request-Id", request.request_id);

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_.observe(method_name(request.method), route_label, r.status, seconds);
  if (spdlog::should_log(spdlog::level::info)) {
    spdlog::info(
        R"({{"msg":"request","method":"{}","path":"{}","route":"{}","status":{},"duration_ms":{:.3f},"bytes":{},"remote":"{}"}})",
        method_name(request.method), core::json_escape(logged_path), core::json_escape(route_label), r.status,
        seconds * 1000.0, r.file_path ? r.file_size : r.body.size(), core::json_escape(request.remote_address));
  }
  return r;
}

Response Dispatcher::route(Request& request, std::string& route_label, std::string& logged_path) {
  auto match = router_.match(request.method, request.path);
  if (!match.route) {
    if (!match.allowed.empty()) {
      route_label = "unmatched";
      Response r;
      if (request.method == Method::options) {
        r.status = 204;
        r.content_type.clear();
      } else {
        r = problem(core::Error(core::ErrorKind::method_not_allowed, "method_not_allowed",
                                "طريقة الطلب غير مسموحة لهذا المسار", "This method is not allowed on this path"),
                    request, preferred_locale(request));
      }
      r.set_header("Allow", allow_header(match.allowed));
      return r;
    }
    const bool api = request.path.starts_with("/api/");
    if (!api && static_files_ && (request.method == Method::get || request.method == Method::head)) {
      if (auto file = static_files_->serve(request.path)) {
        route_label = "static";
        return std::move(*file);
      }
    }
    throw core::Error(core::ErrorKind::not_found, "route_not_found", "المسار المطلوب غير موجود", "No such path");
  }

  const Route& route = *match.route;
  route_label = route.path;
  if (route.doc.secret_in_path) logged_path = route.path;

  std::optional<core::Actor> actor;
  if (authenticate_) actor = authenticate_(request, route.doc.action == kPublic);
  if (route.doc.action != kPublic) {
    if (!actor) throw core::Error::unauthenticated();
    if (actor->token_id && !is_safe(request.method) &&
        std::find(actor->token_scopes.begin(), actor->token_scopes.end(), "write") == actor->token_scopes.end())
      throw core::Error(core::ErrorKind::forbidden, "token_scope", "رمز الوصول لا يسمح بالكتابة",
                        "This API token may only read");
    if (!authorize_ || !authorize_(*actor, route.doc.action)) throw core::Error::forbidden();
  }

  // A POST with an Idempotency-Key is answered once per user and key; a retry gets the first answer.
  std::string idem_key, idem_hash;
  if (request.method == Method::post && actor && idempotency_.find) {
    if (auto key = request.header("idempotency-key")) {
      if (key->empty() || key->size() > 200 || core::has_control_chars(*key))
        throw core::Error::invalid_field("Idempotency-Key", "invalid_idempotency_key",
                                         "مفتاح عدم التكرار يجب أن يكون نصًا حتى ٢٠٠ حرف",
                                         "The Idempotency-Key must be text of at most 200 characters");
      idem_key = *key;
      idem_hash = core::sha256_hex(request.path + '\n' + request.body);
      if (auto stored = idempotency_.find(actor->user_id, idem_key, route.path, idem_hash)) {
        if (route.doc.returns_secret)
          throw core::Error(core::ErrorKind::conflict, "secret_already_issued",
                            "نُفِّذ هذا الطلب من قبل، وما أُنشئ فيه من أسرار يُعرض مرة واحدة فقط",
                            "This request already succeeded; the secret it created is shown only once");
        stored->set_header("Idempotent-Replayed", "true");
        return std::move(*stored);
      }
    }
  }

  Response response;
  Context ctx(request, response, actor ? &*actor : nullptr, std::move(match.params), config_.http.max_json_depth);
  route.handler(ctx);
  if (!idem_key.empty() && !response.file_path)
    idempotency_.save(actor->user_id, idem_key, route.path, idem_hash, response);
  return response;
}

}  // namespace manzuma::http
