#include "platform/audit/audit.hpp"

#include <boost/json.hpp>

#include "core/crypto.hpp"
#include "core/json.hpp"
#include "db/query.hpp"

namespace manzuma::platform {

namespace bj = boost::json;

namespace {

constexpr std::string_view kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes the hash covers: every column but the hash itself, in a fixed order and encoding.
std::string canonical(const AuditEntry& e) {
  bj::array a{e.seq,
              bj::string(e.at),
              e.actor_id ? bj::value(*e.actor_id) : bj::value(nullptr),
              bj::string(e.actor_label),
              bj::string(e.action),
              bj::string(e.resource_type),
              bj::string(e.resource_id),
              e.organization_id ? bj::value(*e.organization_id) : bj::value(nullptr),
              bj::string(e.request_id),
              bj::string(e.remote_address),
              bj::string(e.changes)};
  return bj::serialize(a);
}

std::string chain_hash(std::string_view prev_hash, const AuditEntry& e) {
  return core::sha256_hex(std::string(prev_hash) + '\n' + canonical(e));
}

struct Head {
  std::int64_t seq = 0;
  std::string hash;
};
BOOST_DESCRIBE_STRUCT(Head, (), (seq, hash))

constexpr std::string_view kColumns =
    "seq, at, actor_id, actor_label, action, resource_type, resource_id, organization_id, request_id, "
    "remote_address, changes, prev_hash, hash";

}  // namespace

bj::object changes_between(const bj::value& before, const bj::value& after) {
  bj::object out;
  if (!before.is_object() || !after.is_object()) return out;
  for (const auto& kv : after.as_object()) {
    const auto* old = before.as_object().if_contains(kv.key());
    if (!old || *old != kv.value()) out[kv.key()] = bj::object{{"from", old ? *old : nullptr}, {"to", kv.value()}};
  }
  return out;
}

void audit(db::Session& s, const core::Clock& clock, const core::Actor* actor, const core::Origin& origin,
           AuditEvent event, std::string_view label) {
  // Taking the head row first serialises concurrent writers (a row lock on PostgreSQL; SQLite already
  // holds the write lock), so the chain never forks.
  auto head = s.query_one<Head>("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash");
  if (!head) throw core::Error::internal("audit_head row is missing");
  AuditEntry e;
  e.seq = head->seq;
  e.at = core::iso8601(clock.now());
  if (actor) e.actor_id = actor->user_id;
  e.actor_label = actor ? actor->email : std::string(label.empty() ? "system" : label);
  e.action = std::move(event.action);
  e.resource_type = std::move(event.resource_type);
  e.resource_id = std::move(event.resource_id);
  e.organization_id = event.organization_id;
  e.request_id = origin.request_id;
  e.remote_address = origin.remote_address;
  e.changes = bj::serialize(event.changes);
  e.prev_hash = head->hash;
  e.hash = chain_hash(e.prev_hash, e);
  s.exec(
      "INSERT INTO audit_log (seq, at, actor_id, actor_label, action, resource_type, resource_id, organization_id,"
      " request_id, remote_address, changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.seq, e.at, e.actor_id, e.actor_label, e.action, e.resource_type, e.resource_id, e.organization_id, e.request_id,
      e.remote_address, e.changes, e.prev_hash, e.hash);
  s.exec("UPDATE audit_head SET hash = ? WHERE id = 1", e.hash);
}

AuditVerification verify_audit(db::Database& db) {
  return db.read([](db::Session& s) {
    AuditVerification v;
    std::string prev(kGenesis);
    std::int64_t expected = 1;
    auto fail = [&](std::int64_t seq, std::string problem) {
      v.intact = false;
      v.first_bad_seq = seq;
      v.problem = std::move(problem);
      return v;
    };
    const std::string sql =
        "SELECT " + std::string(kColumns) + " FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 1000";
    for (;;) {
      auto rows = s.query<AuditEntry>(sql, expected);
      if (rows.empty()) break;
      for (const auto& e : rows) {
        if (e.seq != expected) return fail(expected, "deleted");
        if (e.prev_hash != prev) return fail(e.seq, "inserted");
        if (chain_hash(prev, e) != e.hash) return fail(e.seq, "altered");
        prev = e.hash;
        ++expected;
        ++v.checked;
      }
    }
    auto head = s.query_one<Head>("SELECT seq, hash FROM audit_head WHERE id = 1");
    if (!head) return fail(expected, "deleted");
    // Rows removed from the end leave the head pointing past the last row.
    if (head->seq != expected - 1 || head->hash != prev)
      return fail(expected, head->seq >= expected ? "deleted" : "inserted");
    return v;
  });
}

core::Page<AuditEntry> list_audit(db::Database& db, const core::ListQuery& q) {
  db::Where w;
  if (auto v = q.int_filter("actor_id")) w.add("actor_id = ?", *v);
  if (auto v = q.filter("action")) w.add("action = ?", *v);
  if (auto v = q.filter("resource_type")) w.add("resource_type = ?", *v);
  if (auto v = q.filter("resource_id")) w.add("resource_id = ?", *v);
  if (auto v = q.int_filter("organization_id")) w.add("organization_id = ?", *v);
  for (const char* bound : {"from", "to"}) {
    if (auto v = q.filter(bound)) {
      auto t = core::parse_iso8601(*v);
      if (!t)
        throw core::Error::invalid_field("filter[" + std::string(bound) + "]", "invalid_date",
                                         "التاريخ يجب أن يكون بصيغة ISO-8601 مثل 2026-01-31T00:00:00Z",
                                         "The date must be ISO-8601, e.g. 2026-01-31T00:00:00Z");
      w.add(std::string(bound) == "from" ? "at >= ?" : "at < ?", core::iso8601(*t));
    }
  }
  if (!q.q.empty())
    w.add("(actor_label LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\')", db::contains_pattern(q.q),
          db::contains_pattern(q.q));
  return db.read([&](db::Session& s) {
    return db::fetch_page<AuditEntry>(
        s, std::move(w), q,
        {"SELECT " + std::string(kColumns) + " FROM audit_log", "SELECT COUNT(*) FROM audit_log", "seq", true, "seq"},
        [](const AuditEntry& e) {
          return std::pair{std::string(), e.seq};
        });
  });
}

}  // namespace manzuma::platform
