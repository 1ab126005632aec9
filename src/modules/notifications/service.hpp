#pragma once
// Rules for notifications: each user reads and marks only their own notices; the scan stores time-driven
// notices from the registered due sources and builds (and optionally e-mails) the daily digests.

#include <mutex>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/notifications/api.hpp"
#include "modules/notifications/model.hpp"
#include "modules/notifications/smtp.hpp"

namespace manzuma::modules {

class NotificationService {
 public:
  NotificationService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The caller's notices, newest first (filter[unread]=true), with their unread count.
  NotificationList list(const core::Actor& actor, const core::ListQuery& q);
  UnreadCount unread(const core::Actor& actor);
  /// Marks one of the caller's notices read; another user's notice does not exist for them (404).
  Notification mark_read(const core::Actor& actor, std::int64_t id);
  MarkedRead mark_all_read(const core::Actor& actor);
  /// The caller's daily digests, newest first.
  core::Page<Digest> digests(const core::Actor& actor, const core::ListQuery& q);

  /// Registers a producer of time-driven notices; call at start-up, before any scan runs.
  void add_due_source(DueSource source);
  /// Turns on e-mailing of digests (both settings set); call at start-up.
  void set_email(notifications::SmtpSettings smtp) { smtp_ = std::move(smtp); }

  /// Asks every due source for `today`'s notices (YYYY-MM-DD) and stores them (dedupe keys make this
  /// idempotent), builds the digests of the past week's days that have none, then e-mails unsent digests when
  /// SMTP is configured. Safe to run repeatedly and from several processes.
  ScanResult scan(std::string_view today);

 private:
  db::Database& db_;
  const core::Clock& clock_;
  std::vector<DueSource> sources_;
  notifications::SmtpSettings smtp_;
  // One scan at a time in this process (the timer and a request may overlap); PostgreSQL adds a lock across
  // processes.
  std::mutex scan_mutex_;
};

}  // namespace manzuma::modules
