#pragma once
// What other areas ask of notifications: store a notice for a user inside their own write transaction, and
// find whom to tell.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace manzuma::modules {

/// One in-app notice for one user. Titles and bodies in both languages; the web app shows the user's.
struct Notice {
  std::int64_t user_id = 0;
  /// What happened: "research.assigned", "adoption.submitted", "adoption.approved", "action.assigned",
  /// "action.due", "action.overdue", "partnership.renewal", …
  std::string kind;
  std::string title_ar;
  std::string title_en;
  std::string body_ar;
  std::string body_en;
  /// The web app's path of the record, e.g. "/adoptions/12".
  std::string link;
  std::string resource_type;
  std::string resource_id;
  /// When set, a second notice with the same key for the same user is dropped (scans that run repeatedly).
  std::optional<std::string> dedupe_key;
};

/// A producer of time-driven notices (due and overdue actions, MoU renewals) for the day `today`
/// (YYYY-MM-DD). NotificationService::scan calls every registered source in its write transaction and stores
/// what they return; give each notice a dedupe_key, so running the scan again on the same day adds nothing.
using DueSource = std::function<std::vector<Notice>(db::Session& s, std::string_view today)>;

/// Stores `n` in the caller's transaction, so a notice exists exactly when the write that caused it commits.
/// Returns false when a notice with the same dedupe key was already stored.
bool notify(db::Session& s, const core::Clock& clock, const Notice& n);

/// Active users holding a national role (the program office and platform administrators).
std::vector<std::int64_t> program_office_users(db::Session& s);

/// Active users holding one of `roles` in the organisation `organization_id` or in one of its ancestors.
std::vector<std::int64_t> entity_users(db::Session& s, std::int64_t organization_id,
                                       std::initializer_list<core::Role> roles);

}  // namespace manzuma::modules
