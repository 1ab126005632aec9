#pragma once
// SQL for notifications only: a user's notices, read marks, and the daily digests.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/notifications/model.hpp"

namespace manzuma::modules::notifications {

/// The user's notices, newest first; filter: unread.
core::Page<Notification> list(db::Session& s, std::int64_t user_id, const core::ListQuery& q);
std::int64_t unread_count(db::Session& s, std::int64_t user_id);
/// The notice if it is the user's.
std::optional<Notification> find(db::Session& s, std::int64_t user_id, std::int64_t id);
/// Marks the user's notice read (once); returns whether a row changed.
bool mark_read(db::Session& s, std::int64_t user_id, std::int64_t id, std::string_view now);
std::int64_t mark_all_read(db::Session& s, std::int64_t user_id, std::string_view now);

/// One notice of a day, for a digest.
struct DayNotice {
  std::int64_t user_id = 0;
  std::string kind, title_ar, title_en, link;
};
BOOST_DESCRIBE_STRUCT(DayNotice, (), (user_id, kind, title_ar, title_en, link))

/// The notices created on `day` (UTC) of users who have no digest of that day yet, by user then id.
std::vector<DayNotice> notices_without_digest(db::Session& s, std::string_view day, std::string_view next_day);

/// The stored digest row (lists as JSON text).
struct DigestRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string digest_on;
  std::int64_t notice_count = 0;
  std::string counts, items, summary_ar, summary_en, created_at;
  std::optional<std::string> emailed_at;
};
BOOST_DESCRIBE_STRUCT(DigestRow, (),
                      (id, user_id, digest_on, notice_count, counts, items, summary_ar, summary_en, created_at,
                       emailed_at))

/// Stores a digest unless the user already has one for that day; returns whether it was stored.
bool insert_digest(db::Session& s, const DigestRow& d);
core::Page<DigestRow> list_digests(db::Session& s, std::int64_t user_id, const core::ListQuery& q);

/// A digest waiting for e-mail, with where to send it.
struct UnsentDigest {
  std::int64_t id = 0;
  std::string digest_on, summary_ar, summary_en, email, locale;
};
BOOST_DESCRIBE_STRUCT(UnsentDigest, (), (id, digest_on, summary_ar, summary_en, email, locale))

/// Digests of days on or after `since` not yet e-mailed, of active users.
std::vector<UnsentDigest> unsent_digests(db::Session& s, std::string_view since);
/// Claims a digest for sending (sets emailed_at if still unset); false when another scan took it.
bool claim_digest(db::Session& s, std::int64_t id, std::string_view now);
/// Gives a claimed digest back after a failed send.
void release_digest(db::Session& s, std::int64_t id);

}  // namespace manzuma::modules::notifications
