#pragma once
// In-app notices as their reader sees them, and the daily digest.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

/// One notice of the signed-in user.
struct Notification {
  std::int64_t id = 0;
  std::string kind;
  std::string title_ar;
  std::string title_en;
  std::string body_ar;
  std::string body_en;
  /// The web app's path of the record ("/partnerships/3").
  std::string link;
  std::string resource_type;
  std::string resource_id;
  std::string created_at;
  /// Null while unread.
  std::optional<std::string> read_at;
};
BOOST_DESCRIBE_STRUCT(Notification, (),
                      (id, kind, title_ar, title_en, body_ar, body_en, link, resource_type, resource_id, created_at,
                       read_at))

/// A page of the caller's notices, newest first, with their unread count (what the bell shows).
struct NotificationList {
  std::vector<Notification> items;
  std::optional<std::string> next;
  std::int64_t total = 0;
  std::int64_t unread = 0;
};
BOOST_DESCRIBE_STRUCT(NotificationList, (), (items, next, total, unread))

struct UnreadCount {
  std::int64_t unread = 0;
};
BOOST_DESCRIBE_STRUCT(UnreadCount, (), (unread))

struct MarkedRead {
  /// How many notices this call marked read.
  std::int64_t marked = 0;
};
BOOST_DESCRIBE_STRUCT(MarkedRead, (), (marked))

/// How many notices of one kind the day had, with the kind's name in both languages.
struct DigestCount {
  std::string kind;
  std::string label_ar;
  std::string label_en;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(DigestCount, (), (kind, label_ar, label_en, count))

struct DigestItem {
  std::string kind;
  std::string title_ar;
  std::string title_en;
  std::string link;
};
BOOST_DESCRIBE_STRUCT(DigestItem, (), (kind, title_ar, title_en, link))

/// One user's summary of one day's notices.
struct Digest {
  std::int64_t id = 0;
  /// The UTC day summarised.
  std::string digest_on;
  std::int64_t notice_count = 0;
  std::vector<DigestCount> counts;
  /// The day's notices (at most 50).
  std::vector<DigestItem> items;
  /// The digest as plain text, as it is e-mailed.
  std::string summary_ar;
  std::string summary_en;
  std::string created_at;
  std::optional<std::string> emailed_at;
};
BOOST_DESCRIBE_STRUCT(Digest, (),
                      (id, digest_on, notice_count, counts, items, summary_ar, summary_en, created_at, emailed_at))

/// What one run of the notification scan did.
struct ScanResult {
  std::string today;
  std::int64_t notices_created = 0;
  std::int64_t digests_built = 0;
  std::int64_t digests_emailed = 0;
  std::int64_t email_failures = 0;
};
BOOST_DESCRIBE_STRUCT(ScanResult, (), (today, notices_created, digests_built, digests_emailed, email_failures))

}  // namespace manzuma::modules
