#pragma once
// SQL for partnerships only: MoUs, their parties and areas, and follow-up actions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/partnerships/model.hpp"

namespace manzuma::modules::partnerships {

/// The stored columns of an MoU (status as stored: never computed here).
struct PartnershipRow {
  std::int64_t id = 0;
  std::string title_ar, title_en, summary_ar, summary_en, signed_on;
  std::int64_t duration_months = 0;
  std::string expires_on;
  PartnershipStatus status = PartnershipStatus::draft;
  std::int64_t renewal_reminder_days = 60;
  std::optional<std::string> terminated_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(PartnershipRow, (),
                      (id, title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, expires_on, status,
                       renewal_reminder_days, terminated_on, version, created_at, updated_at))

/// The stored columns of a follow-up action.
struct ActionRow {
  std::int64_t id = 0;
  std::int64_t partnership_id = 0;
  std::int64_t owner_id = 0;
  std::string title_ar, title_en, due_on;
  FollowUpStatus status = FollowUpStatus::open;
  std::optional<std::string> completed_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(ActionRow, (),
                      (id, partnership_id, owner_id, title_ar, title_en, due_on, status, completed_on, version,
                       created_at, updated_at))

std::optional<PartnershipRow> find(db::Session& s, std::int64_t id);
/// The whole MoU as of `today` (status, renewal and overdue flags computed), or nullopt.
std::optional<Partnership> load(db::Session& s, std::int64_t id, std::string_view today);
/// Filters: status (as of today), organization_id (a party), expires_before, expires_after.
core::Page<PartnershipSummary> list(db::Session& s, const core::ListQuery& q, std::string_view today);

std::int64_t insert(db::Session& s, const PartnershipRow& p);
/// Writes `p` if its stored version is still `p.version - 1`; false when someone else changed it first.
bool update(db::Session& s, const PartnershipRow& p);
void replace_parties(db::Session& s, std::int64_t id, const std::vector<std::int64_t>& organization_ids);
void replace_areas(db::Session& s, std::int64_t id, const std::vector<CooperationArea>& areas);

/// Organisations among `ids` that exist.
std::int64_t count_organizations(db::Session& s, const std::vector<std::int64_t>& ids);
/// The user's names when they are an active user.
std::optional<std::pair<std::string, std::string>> active_user_names(db::Session& s, std::int64_t user_id);

std::optional<ActionRow> find_action(db::Session& s, std::int64_t partnership_id, std::int64_t action_id);
std::optional<PartnershipAction> load_action(db::Session& s, std::int64_t action_id, std::string_view today);
std::int64_t insert_action(db::Session& s, const ActionRow& a);
bool update_action(db::Session& s, const ActionRow& a);

/// Active MoUs whose expiry falls within their reminder days of `today` (today ≤ expiry ≤ today + days).
std::vector<PartnershipRow> renewal_due(db::Session& s, std::string_view today);
/// Active MoUs whose expiry is before `today`.
std::vector<PartnershipRow> past_expiry(db::Session& s, std::string_view today);
/// Marks them expired (stored status), returns how many.
std::int64_t mark_expired(db::Session& s, std::int64_t id, std::string_view now);
/// Open actions due before `today`, on MoUs that are not terminated.
std::vector<ActionRow> overdue_actions(db::Session& s, std::string_view today);

}  // namespace manzuma::modules::partnerships
