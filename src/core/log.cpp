#include "core/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/json.hpp"

namespace manzuma::core {

namespace {
thread_local std::string t_request_id;

// One JSON object per line. A message that is itself a JSON object (the access log) is merged in;
// any other message is escaped into "msg".
class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char ts[64];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    std::string line = "{\"ts\":\"";
    line += ts;
    line += "\",\"level\":\"";
    const auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += '"';
    if (!t_request_id.empty()) line += ",\"request_id\":\"" + json_escape(t_request_id) + '"';
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    if (payload.size() >= 2 && payload.front() == '{' && payload.back() == '}') {
      if (payload.size() > 2) line += ',';
      line.append(payload.substr(1));
    } else {
      line += ",\"msg\":\"" + json_escape(payload) + "\"}";
    }
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonFormatter>(); }
};

class RequestIdFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string& id = t_request_id.empty() ? dash_ : t_request_id;
    dest.append(id.data(), id.data() + id.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<RequestIdFlag>(); }

 private:
  std::string dash_ = "-";
};
}  // namespace

void init_logging(std::string_view level, std::string_view format) {
  auto logger = std::make_shared<spdlog::logger>("manzuma", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (format == "text") {
    auto f = std::make_unique<spdlog::pattern_formatter>();
    f->add_flag<RequestIdFlag>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ [%*] %v");
    logger->set_formatter(std::move(f));
  } else {
    logger->set_formatter(std::make_unique<JsonFormatter>());
  }
  logger->set_level(spdlog::level::from_str(std::string(level)));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

const std::string& current_request_id() { return t_request_id; }

RequestIdScope::RequestIdScope(std::string request_id) : previous_(std::move(t_request_id)) {
  t_request_id = std::move(request_id);
}
RequestIdScope::~RequestIdScope() { t_request_id = std::move(previous_); }

std::string json_escape(std::string_view s) {
  std::string quoted;
  json::detail::write_string(quoted, s);
  return quoted.substr(1, quoted.size() - 2);
}

}  // namespace manzuma::core
