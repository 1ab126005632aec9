#pragma once
// Our own request and response types: what handlers and modules see. No Beast here (DESIGN.md §4).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace manzuma::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

/// "GET", "POST", ...
std::string_view method_name(Method m);
Method parse_method(std::string_view name);
/// GET, HEAD and OPTIONS change nothing.
inline bool is_safe(Method m) { return m == Method::get || m == Method::head || m == Method::options; }

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  /// The raw request target: path and query, still percent-encoded.
  std::string target;
  /// The decoded path without the query.
  std::string path;
  /// Decoded query parameters in order.
  Fields query;
  /// Header names in lower case.
  Fields headers;
  std::string body;
  std::string remote_address;
  /// True when the client reached us over TLS (directly, or through a trusted proxy).
  bool secure = false;
  std::string request_id;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string_view> cookie(std::string_view name) const;
  std::optional<std::string_view> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  /// Extra headers (Set-Cookie may repeat).
  Fields headers;
  /// When set, the body is this file on disk, streamed by the server (static files, attachments).
  std::optional<std::string> file_path;
  std::uint64_t file_size = 0;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;
};

/// The request's preferred language from Accept-Language: "en" when English comes first, else Arabic.
std::string_view preferred_locale(const Request& request);

/// Splits "a=1&b=%D8%A7" into decoded pairs ('+' is a space). Returns false on a malformed escape or
/// broken UTF-8.
bool parse_query(std::string_view query, Fields& out);

/// The name of the first parameter of `target`'s query that parse_query refuses (its value, or the name itself,
/// is a malformed escape or broken UTF-8), for the 400 to name it; "query" when the name cannot be read either,
/// nullopt when every parameter decodes.
std::optional<std::string> undecodable_parameter(std::string_view target);

/// Percent-decodes a path; false on a malformed escape, broken UTF-8 or an encoded NUL or slash.
bool decode_path(std::string_view raw, std::string& out);

}  // namespace manzuma::http
