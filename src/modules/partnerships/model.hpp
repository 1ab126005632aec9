#pragma once
// Memoranda of cooperation (MoUs): parties, dates, areas of cooperation and follow-up actions.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

/// draft → active → expired (by date) | terminated.
enum class PartnershipStatus { draft, active, expired, terminated };
BOOST_DESCRIBE_ENUM(PartnershipStatus, draft, active, expired, terminated)

/// open → done | cancelled; done and cancelled may be reopened.
enum class FollowUpStatus { open, done, cancelled };
BOOST_DESCRIBE_ENUM(FollowUpStatus, open, done, cancelled)

/// A signing organisation, with its names for display.
struct PartnershipParty {
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(PartnershipParty, (), (organization_id, name_ar, name_en))

/// One area of cooperation in both languages.
struct CooperationArea {
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(CooperationArea, (), (name_ar, name_en))

/// A follow-up action of an MoU; `overdue` is open and past its due day.
struct PartnershipAction {
  std::int64_t id = 0;
  std::int64_t partnership_id = 0;
  std::int64_t owner_id = 0;
  std::string owner_name_ar;
  std::string owner_name_en;
  std::string title_ar;
  std::string title_en;
  std::string due_on;
  FollowUpStatus status = FollowUpStatus::open;
  std::optional<std::string> completed_on;
  bool overdue = false;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(PartnershipAction, (),
                      (id, partnership_id, owner_id, owner_name_ar, owner_name_en, title_ar, title_en, due_on, status,
                       completed_on, overdue, version, created_at, updated_at))

/// An MoU as lists show it: the parties' names, the expiry and whether its renewal is due.
struct PartnershipSummary {
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  std::string signed_on;
  std::int64_t duration_months = 0;
  std::string expires_on;
  /// The status as of today: an active MoU past its expiry reads as expired.
  PartnershipStatus status = PartnershipStatus::draft;
  std::int64_t renewal_reminder_days = 60;
  /// Active and expiring within the reminder days.
  bool renewal_due = false;
  /// Days from today to the expiry (negative once expired).
  std::int64_t days_to_expiry = 0;
  std::vector<PartnershipParty> parties;
  std::int64_t open_actions = 0;
  std::int64_t overdue_actions = 0;
};
BOOST_DESCRIBE_STRUCT(PartnershipSummary, (),
                      (id, title_ar, title_en, signed_on, duration_months, expires_on, status, renewal_reminder_days,
                       renewal_due, days_to_expiry, parties, open_actions, overdue_actions))

/// One MoU with everything its page shows.
struct Partnership {
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  std::string summary_ar;
  std::string summary_en;
  std::string signed_on;
  std::int64_t duration_months = 0;
  std::string expires_on;
  PartnershipStatus status = PartnershipStatus::draft;
  std::int64_t renewal_reminder_days = 60;
  bool renewal_due = false;
  std::int64_t days_to_expiry = 0;
  std::optional<std::string> terminated_on;
  std::vector<PartnershipParty> parties;
  std::vector<CooperationArea> areas;
  std::vector<PartnershipAction> actions;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Partnership, (),
                      (id, title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, expires_on, status,
                       renewal_reminder_days, renewal_due, days_to_expiry, terminated_on, parties, areas, actions,
                       version, created_at, updated_at))

/// A new MoU, created as a draft.
struct PartnershipInput {
  std::string title_ar;
  std::string title_en;
  std::optional<std::string> summary_ar;
  std::optional<std::string> summary_en;
  /// YYYY-MM-DD.
  std::string signed_on;
  /// 1..120 months; the expiry is signed_on plus this.
  std::int64_t duration_months = 0;
  /// At least two distinct organisations.
  std::vector<std::int64_t> party_ids;
  std::vector<CooperationArea> areas;
  /// Days before expiry when the program office is reminded; 60 when left out.
  std::optional<std::int64_t> renewal_reminder_days;
};
BOOST_DESCRIBE_STRUCT(PartnershipInput, (),
                      (title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, party_ids, areas,
                       renewal_reminder_days))

/// A full replacement of the editable fields; `version` must be the one last read (409 otherwise).
struct PartnershipUpdate {
  std::string title_ar;
  std::string title_en;
  std::optional<std::string> summary_ar;
  std::optional<std::string> summary_en;
  std::string signed_on;
  std::int64_t duration_months = 0;
  std::vector<std::int64_t> party_ids;
  std::vector<CooperationArea> areas;
  std::optional<std::int64_t> renewal_reminder_days;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PartnershipUpdate, (),
                      (title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, party_ids, areas,
                       renewal_reminder_days, version))

/// A move along draft → active → terminated (expiry comes by date, never by request).
struct PartnershipTransition {
  PartnershipStatus status = PartnershipStatus::active;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PartnershipTransition, (), (status, version))

struct PartnershipActionInput {
  std::string title_ar;
  std::string title_en;
  std::int64_t owner_id = 0;
  /// YYYY-MM-DD.
  std::string due_on;
};
BOOST_DESCRIBE_STRUCT(PartnershipActionInput, (), (title_ar, title_en, owner_id, due_on))

/// Edits a follow-up action, including its status (the list's inline status change sends the rest unchanged).
struct PartnershipActionUpdate {
  std::string title_ar;
  std::string title_en;
  std::int64_t owner_id = 0;
  std::string due_on;
  FollowUpStatus status = FollowUpStatus::open;
  std::int64_t version = 0;
};
BOOST_DESCRIBE_STRUCT(PartnershipActionUpdate, (), (title_ar, title_en, owner_id, due_on, status, version))

}  // namespace manzuma::modules
