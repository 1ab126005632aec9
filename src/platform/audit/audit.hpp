#pragma once
// The audit log: every write appends a row whose hash covers the previous row's hash and the row itself,
// so an edited, inserted or deleted row is found by verify().

#include <boost/describe/class.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"

namespace manzuma::platform {

/// What a write did, recorded with who did it.
struct AuditEvent {
  /// "<resource>.<verb>": "organization.create", "user.password_reset", "auth.login".
  std::string action;
  std::string resource_type;
  std::string resource_id;
  std::optional<std::int64_t> organization_id;
  /// The changed fields: {"name_ar": {"from": "…", "to": "…"}} for updates, the new values for creates.
  boost::json::object changes;
};

struct AuditEntry {
  std::int64_t seq = 0;
  std::string at;
  std::optional<std::int64_t> actor_id;
  std::string actor_label;
  std::string action;
  std::string resource_type;
  std::string resource_id;
  std::optional<std::int64_t> organization_id;
  std::string request_id;
  std::string remote_address;
  std::string changes;
  std::string prev_hash;
  std::string hash;
};
BOOST_DESCRIBE_STRUCT(AuditEntry, (),
                      (seq, at, actor_id, actor_label, action, resource_type, resource_id, organization_id, request_id,
                       remote_address, changes, prev_hash, hash))

/// The verdict of walking the whole chain.
struct AuditVerification {
  bool intact = true;
  std::int64_t checked = 0;
  /// The first row that does not fit the chain.
  std::optional<std::int64_t> first_bad_seq;
  /// "altered", "inserted" or "deleted" when not intact.
  std::optional<std::string> problem;
};
BOOST_DESCRIBE_STRUCT(AuditVerification, (), (intact, checked, first_bad_seq, problem))

/// The field-by-field difference of two encoded records ({"field": {"from": a, "to": b}}).
boost::json::object changes_between(const boost::json::value& before, const boost::json::value& after);

/// Appends `event` inside the caller's write transaction. `actor` is null for sign-in attempts and the CLI;
/// `label` then names who acted ("cli", the e-mail typed at sign-in).
void audit(db::Session& s, const core::Clock& clock, const core::Actor* actor, const core::Origin& origin,
           AuditEvent event, std::string_view label = {});

/// Walks the chain from the first row and reports the first that was altered, inserted or deleted.
AuditVerification verify_audit(db::Database& db);

/// A page of the log, newest first. Filters: actor_id, action, resource_type, resource_id, organization_id,
/// from, to (ISO-8601 times).
core::Page<AuditEntry> list_audit(db::Database& db, const core::ListQuery& query);

}  // namespace manzuma::platform
