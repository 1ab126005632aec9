#include "modules/notifications/repository.hpp"

#include "db/query.hpp"

namespace manzuma::modules::notifications {

namespace {
constexpr std::string_view kColumns =
    "id, kind, title_ar, title_en, body_ar, body_en, link, resource_type, resource_id, created_at, read_at";
constexpr std::string_view kDigestColumns =
    "id, user_id, digest_on, notice_count, counts, items, summary_ar, summary_en, created_at, emailed_at";
}  // namespace

core::Page<Notification> list(db::Session& s, std::int64_t user_id, const core::ListQuery& q) {
  db::Where w;
  w.add("user_id = ?", user_id);
  if (auto unread = q.bool_filter("unread")) w.add(*unread ? "read_at IS NULL" : "read_at IS NOT NULL");
  // Newest first, always: a notice list is a timeline.
  return db::fetch_page<Notification>(
      s, std::move(w), q,
      {"SELECT " + std::string(kColumns) + " FROM notifications", "SELECT COUNT(*) FROM notifications", "id", true},
      [](const Notification& n) {
        return std::pair{std::string(), n.id};
      });
}

std::int64_t unread_count(db::Session& s, std::int64_t user_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", user_id)
      .value_or(0);
}

std::optional<Notification> find(db::Session& s, std::int64_t user_id, std::int64_t id) {
  return s.query_one<Notification>(
      "SELECT " + std::string(kColumns) + " FROM notifications WHERE id = ? AND user_id = ?", id, user_id);
}

bool mark_read(db::Session& s, std::int64_t user_id, std::int64_t id, std::string_view now) {
  return s.exec("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
                std::string(now), id, user_id) == 1;
}

std::int64_t mark_all_read(db::Session& s, std::int64_t user_id, std::string_view now) {
  return s.exec("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", std::string(now),
                user_id);
}

std::vector<DayNotice> notices_without_digest(db::Session& s, std::string_view day, std::string_view next_day) {
  return s.query<DayNotice>(
      "SELECT n.user_id, n.kind, n.title_ar, n.title_en, n.link FROM notifications n"
      " JOIN users u ON u.id = n.user_id WHERE u.active = 1 AND n.created_at >= ? AND n.created_at < ?"
      " AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = n.user_id AND d.digest_on = ?)"
      " ORDER BY n.user_id, n.id",
      std::string(day), std::string(next_day), std::string(day));
}

bool insert_digest(db::Session& s, const DigestRow& d) {
  return s.exec(
             "INSERT INTO notification_digests (user_id, digest_on, notice_count, counts, items, summary_ar,"
             " summary_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             d.user_id, d.digest_on, d.notice_count, d.counts, d.items, d.summary_ar, d.summary_en, d.created_at) == 1;
}

core::Page<DigestRow> list_digests(db::Session& s, std::int64_t user_id, const core::ListQuery& q) {
  db::Where w;
  w.add("user_id = ?", user_id);
  return db::fetch_page<DigestRow>(s, std::move(w), q,
                                   {"SELECT " + std::string(kDigestColumns) + " FROM notification_digests",
                                    "SELECT COUNT(*) FROM notification_digests", "id", true},
                                   [](const DigestRow& d) {
                                     return std::pair{std::string(), d.id};
                                   });
}

std::vector<UnsentDigest> unsent_digests(db::Session& s, std::string_view since) {
  return s.query<UnsentDigest>(
      "SELECT d.id, d.digest_on, d.summary_ar, d.summary_en, u.email, u.locale FROM notification_digests d"
      " JOIN users u ON u.id = d.user_id WHERE d.emailed_at IS NULL AND d.digest_on >= ? AND u.active = 1"
      " ORDER BY d.id",
      std::string(since));
}

bool claim_digest(db::Session& s, std::int64_t id, std::string_view now) {
  return s.exec("UPDATE notification_digests SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL", std::string(now),
                id) == 1;
}

void release_digest(db::Session& s, std::int64_t id) {
  s.exec("UPDATE notification_digests SET emailed_at = NULL WHERE id = ?", id);
}

}  // namespace manzuma::modules::notifications
