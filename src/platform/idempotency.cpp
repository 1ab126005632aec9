#include "platform/idempotency.hpp"

#include <boost/describe.hpp>

namespace manzuma::platform {

namespace {

constexpr auto kKeep = std::chrono::hours(24);

struct Row {
  std::string route;
  std::string request_hash;
  std::int64_t status = 0;
  std::string body;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(Row, (), (route, request_hash, status, body, created_at))

}  // namespace

std::optional<StoredAnswer> find_answer(db::Database& db, const core::Clock& clock, std::int64_t user_id,
                                        std::string_view key, std::string_view route, std::string_view request_hash) {
  auto row = db.read([&](db::Session& s) {
    return s.query_one<Row>(
        "SELECT route, request_hash, status, body, created_at FROM idempotency_keys WHERE idem_key = ? AND user_id = ?",
        key, user_id);
  });
  if (!row || row->created_at < core::iso8601(clock.now() - kKeep)) return std::nullopt;
  if (row->route != route || row->request_hash != request_hash)
    throw core::Error(core::ErrorKind::conflict, "idempotency_key_reused",
                      "استُخدم مفتاح عدم التكرار هذا لطلب مختلف؛ استخدم مفتاحًا جديدًا",
                      "This Idempotency-Key was used for a different request; use a new key", "Idempotency-Key");
  return StoredAnswer{row->status, row->body};
}

void save_answer(db::Database& db, const core::Clock& clock, std::int64_t user_id, std::string_view key,
                 std::string_view route, std::string_view request_hash, const StoredAnswer& answer) {
  const auto now = clock.now();
  db.write([&](db::Session& s) {
    s.exec("DELETE FROM idempotency_keys WHERE created_at < ?", core::iso8601(now - kKeep));
    s.exec(
        "INSERT INTO idempotency_keys (idem_key, user_id, route, request_hash, status, body, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key, user_id) DO NOTHING",
        key, user_id, route, request_hash, answer.status, answer.body, core::iso8601(now));
  });
}

}  // namespace manzuma::platform
