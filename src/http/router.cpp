#include "http/router.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "core/text.hpp"

namespace manzuma::http {

namespace bj = boost::json;

namespace {
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const auto j = path.find('/', i);
    const auto end = j == std::string_view::npos ? path.size() : j;
    out.emplace_back(path.substr(i, end - i));
    i = end;
  }
  return out;
}

bool is_param(std::string_view seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
}  // namespace

const core::Actor& Context::actor() const {
  if (!actor_) throw core::Error::unauthenticated();
  return *actor_;
}

std::string_view Context::param(std::string_view name) const {
  for (const auto& [k, v] : params_)
    if (k == name) return v;
  throw core::Error::internal("route has no path parameter '" + std::string(name) + "'");
}

std::int64_t Context::id(std::string_view name) const {
  const auto s = param(name);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size() || v <= 0)
    throw core::Error(core::ErrorKind::not_found, "not_found", "السجل المطلوب غير موجود",
                      "The requested record was not found", std::string(name));
  return v;
}

bj::value Context::json_body() const {
  const auto ct = request.header("content-type").value_or("");
  const auto semi = ct.find(';');
  const auto mime = core::ascii_lower(ct.substr(0, semi));
  auto trimmed = std::string_view(mime);
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (trimmed != "application/json" && !(trimmed.starts_with("application/") && trimmed.ends_with("+json")))
    throw core::Error(core::ErrorKind::unsupported_media_type, "unsupported_media_type",
                      "يجب إرسال البيانات بصيغة JSON (Content-Type: application/json)",
                      "Send the body as JSON (Content-Type: application/json)");
  if (request.body.empty())
    throw core::Error(core::ErrorKind::invalid_input, "empty_body", "نص الطلب فارغ", "The request body is empty");
  return core::json::parse(request.body, max_depth_);
}

std::string_view Context::locale() const {
  if (actor_ && (actor_->locale == "en" || actor_->locale == "ar")) return actor_->locale;
  return preferred_locale(request);
}

void Router::add(Method method, std::string path, RouteDoc doc, Handler handler, SchemaFn request_schema,
                 SchemaFn response_schema) {
  if (doc.action.empty()) throw std::logic_error("route " + path + " declares no policy action");
  for (const auto& r : routes_)
    if (r.method == method && r.path == path)
      throw std::logic_error("route registered twice: " + std::string(method_name(method)) + " " + path);
  Route r{method, path, split_path(path), std::move(doc), tag_, request_schema, response_schema, std::move(handler)};
  routes_.push_back(std::move(r));
}

Router::Match Router::match(Method method, std::string_view path) const {
  const auto segs = split_path(path);
  Match m;
  // A literal segment beats a parameter ("/users/me" before "/users/{id}"): score by literal count.
  int best_score = -1;
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::vector<std::pair<std::string, std::string>> params;
    int score = 0;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (is_param(r.segments[i]))
        params.emplace_back(r.segments[i].substr(1, r.segments[i].size() - 2), segs[i]);
      else if (r.segments[i] == segs[i])
        ++score;
      else
        ok = false;
    }
    if (!ok) continue;
    const bool method_ok = r.method == method || (method == Method::head && r.method == Method::get);
    if (!method_ok) {
      if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) m.allowed.push_back(r.method);
      continue;
    }
    if (score > best_score) {
      best_score = score;
      m.route = &r;
      m.params = std::move(params);
    }
  }
  if (m.route) m.allowed.clear();
  return m;
}

bj::value Router::openapi(std::string_view version) const {
  bj::object components;
  bj::object paths;
  bj::object problem_ref{{"$ref", "#/components/schemas/Problem"}};
  for (const auto& r : routes_) {
    bj::object op;
    op["operationId"] = std::string(method_name(r.method)) + r.path;
    op["summary"] = r.doc.summary;
    if (!r.tag.empty()) op["tags"] = bj::array{bj::value(r.tag)};
    op["x-policy"] = r.doc.action;
    if (r.doc.action == kPublic) op["security"] = bj::array{};
    bj::array parameters;
    for (const auto& seg : r.segments)
      if (is_param(seg))
        parameters.push_back(bj::object{{"name", seg.substr(1, seg.size() - 2)},
                                        {"in", "path"},
                                        {"required", true},
                                        {"schema", bj::object{{"type", "string"}}}});
    for (const auto& q : r.doc.query)
      parameters.push_back(bj::object{{"name", q}, {"in", "query"}, {"schema", bj::object{{"type", "string"}}}});
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    if (r.request_schema) {
      op["requestBody"] = bj::object{
          {"required", true},
          {"content", bj::object{{"application/json", bj::object{{"schema", r.request_schema(components)}}}}}};
    } else if (r.doc.upload) {
      bj::object file{{"type", "string"}, {"format", "binary"}};
      bj::object organization{{"type", "integer"},
                              {"description", "The organisation the file belongs to (default: the uploader's)"}};
      bj::object schema{
          {"type", "object"},
          {"properties", bj::object{{"file", std::move(file)}, {"organization_id", std::move(organization)}}},
          {"required", bj::array{"file"}}};
      bj::object content{{"multipart/form-data", bj::object{{"schema", std::move(schema)}}}};
      op["requestBody"] = bj::object{{"required", true}, {"content", std::move(content)}};
    }
    bj::object responses;
    bj::object ok{{"description", "OK"}};
    if (r.response_schema)
      ok["content"] = bj::object{{"application/json", bj::object{{"schema", r.response_schema(components)}}}};
    else if (r.doc.produces != "application/json")
      ok["content"] = bj::object{{std::string(r.doc.produces), bj::object{{"schema", bj::object{{"type", "string"}}}}}};
    responses[std::to_string(r.doc.status)] = std::move(ok);
    responses["default"] =
        bj::object{{"description", "Problem (RFC 9457)"},
                   {"content", bj::object{{"application/problem+json", bj::object{{"schema", problem_ref}}}}}};
    op["responses"] = std::move(responses);

    std::string lower(method_name(r.method));
    for (auto& c : lower) c = static_cast<char>(c - 'A' + 'a');
    auto& item = paths[r.path];
    if (!item.is_object()) item = bj::object{};
    item.as_object()[lower] = std::move(op);
  }
  components["Problem"] = bj::object{
      {"type", "object"},
      {"required", bj::array{"type", "title", "status"}},
      {"properties",
       bj::object{{"type", bj::object{{"type", "string"}}},
                  {"title", bj::object{{"type", "string"}}},
                  {"status", bj::object{{"type", "integer"}}},
                  {"detail", bj::object{{"type", "string"}}},
                  {"code", bj::object{{"type", "string"}}},
                  {"detail_ar", bj::object{{"type", "string"}}},
                  {"detail_en", bj::object{{"type", "string"}}},
                  {"field", bj::object{{"type", "string"}}},
                  {"request_id", bj::object{{"type", "string"}}},
                  {"errors",
                   bj::object{{"type", "array"},
                              {"items", bj::object{{"type", "object"},
                                                   {"required", bj::array{"field", "code", "message_ar", "message_en"}},
                                                   {"properties",
                                                    bj::object{{"field", bj::object{{"type", "string"}}},
                                                               {"code", bj::object{{"type", "string"}}},
                                                               {"message_ar", bj::object{{"type", "string"}}},
                                                               {"message_en", bj::object{{"type", "string"}}}}}}}}}}}};
  return bj::object{
      {"openapi", "3.1.0"},
      {"info", bj::object{{"title", "Manzuma API"}, {"version", version}}},
      {"paths", std::move(paths)},
      {"components",
       bj::object{
           {"schemas", std::move(components)},
           {"securitySchemes",
            bj::object{{"session", bj::object{{"type", "apiKey"}, {"in", "cookie"}, {"name", "manzuma_session"}}},
                       {"token", bj::object{{"type", "http"}, {"scheme", "bearer"}}}}}}},
      {"security", bj::array{bj::object{{"session", bj::array{}}}, bj::object{{"token", bj::array{}}}}}};
}

}  // namespace manzuma::http
