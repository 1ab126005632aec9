#pragma once
// Logging: spdlog underneath; every line carries the request id of the request being served.

#include <spdlog/spdlog.h>

#include <string>
#include <string_view>

namespace manzuma::core {

/// Sets up the default logger: `format` is "json" (one object per line) or "text"; `level` a spdlog level name.
void init_logging(std::string_view level, std::string_view format);

/// The request id of the request this thread is serving ("" outside a request).
const std::string& current_request_id();

/// Marks this thread as serving `request_id` until the guard ends.
class RequestIdScope {
 public:
  explicit RequestIdScope(std::string request_id);
  ~RequestIdScope();
  RequestIdScope(const RequestIdScope&) = delete;
  RequestIdScope& operator=(const RequestIdScope&) = delete;

 private:
  std::string previous_;
};

/// Escapes `s` as the inside of a JSON string.
std::string json_escape(std::string_view s);

}  // namespace manzuma::core
