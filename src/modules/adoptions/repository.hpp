#pragma once
// SQL for adoptions and their plans only. Reads the names of editions, practices, organisations and users
// by id (the rows other areas own) and never writes them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/adoptions/model.hpp"

namespace manzuma::modules::adoptions {

/// Which adoptions a caller may read: all, or those of organisations under `entity_paths`, of practices
/// contributed under `practice_paths`, or of practices `practice_owner_id` owns.
struct ReadScope {
  bool all = false;
  std::vector<std::string> entity_paths;
  std::vector<std::string> practice_paths;
  std::int64_t practice_owner_id = 0;
};

/// The facts about an adoption the service's rules need.
struct AdoptionRow {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t practice_id = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::string practice_organization_path;
  std::optional<std::int64_t> practice_owner_id;
  std::string objective_ar;
  std::string objective_en;
  std::string starts_on;
  std::string ends_on;
  AdoptionStatus status = AdoptionStatus::draft;
  std::string status_reason;
  std::optional<std::string> submitted_at;
  std::optional<std::string> approved_at;
  std::optional<std::int64_t> approved_by;
  std::optional<std::string> completed_at;
  std::optional<std::string> withdrawn_at;
  std::int64_t version = 1;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(AdoptionRow, (),
                      (id, edition_id, practice_id, organization_id, organization_path, practice_organization_path,
                       practice_owner_id, objective_ar, objective_en, starts_on, ends_on, status, status_reason,
                       submitted_at, approved_at, approved_by, completed_at, withdrawn_at, version, updated_at))

struct EditionRow {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string status;
  std::string title_ar;
  std::string title_en;
};
BOOST_DESCRIBE_STRUCT(EditionRow, (), (id, number, status, title_ar, title_en))

struct PracticeRow {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t edition_number = 0;
  std::string status;
  std::string title_ar;
  std::string title_en;
};
BOOST_DESCRIBE_STRUCT(PracticeRow, (), (id, edition_id, edition_number, status, title_ar, title_en))

std::optional<AdoptionRow> find_row(db::Session& s, std::int64_t id);
/// The listed shape with names and health on `today`.
std::optional<Adoption> find(db::Session& s, std::int64_t id, std::string_view today);
core::Page<Adoption> list(db::Session& s, const core::ListQuery& q, const ReadScope& scope, std::string_view today);
/// Editions that are not closed and published practices, newest edition first.
AdoptionChoices choices(db::Session& s);
std::optional<EditionRow> find_edition(db::Session& s, std::int64_t id);
std::optional<PracticeRow> find_practice(db::Session& s, std::int64_t id);
std::optional<std::int64_t> existing_adoption(db::Session& s, std::int64_t edition_id, std::int64_t practice_id,
                                              std::int64_t organization_id);
std::int64_t insert(db::Session& s, const AdoptionRow& a, std::int64_t practice_edition_id, std::int64_t created_by,
                    std::string_view now);
/// Writes `a` if its stored version is still `a.version - 1`.
bool update(db::Session& s, const AdoptionRow& a);
void touch_progress(db::Session& s, std::int64_t adoption_id, std::string_view now);

/// The user `user_id` is active and holds a role in the organisation at `path` or below it.
bool member_of(db::Session& s, std::int64_t user_id, std::string_view path);
/// The organisation path of an attachment, if it exists.
std::optional<std::string> attachment_path(db::Session& s, std::int64_t attachment_id);

std::vector<PlanAction> actions_of(db::Session& s, std::int64_t adoption_id, std::string_view today);
std::optional<PlanAction> find_action(db::Session& s, std::int64_t adoption_id, std::int64_t action_id,
                                      std::string_view today);
std::int64_t insert_action(db::Session& s, const PlanAction& a);
bool update_action(db::Session& s, const PlanAction& a);
bool add_evidence(db::Session& s, std::int64_t action_id, std::int64_t attachment_id, std::int64_t by,
                  std::string_view now);
bool remove_evidence(db::Session& s, std::int64_t action_id, std::int64_t attachment_id);
std::vector<ActionComment> comments_of(db::Session& s, std::int64_t action_id);
ActionComment insert_comment(db::Session& s, std::int64_t action_id, std::int64_t author_id, std::string_view body,
                             std::string_view now);

std::vector<Milestone> milestones_of(db::Session& s, std::int64_t adoption_id);
std::optional<Milestone> find_milestone(db::Session& s, std::int64_t adoption_id, std::int64_t id);
std::int64_t insert_milestone(db::Session& s, const Milestone& m);
bool update_milestone(db::Session& s, const Milestone& m);

std::vector<Indicator> indicators_of(db::Session& s, std::int64_t adoption_id);
std::optional<Indicator> find_indicator(db::Session& s, std::int64_t adoption_id, std::int64_t id);
std::int64_t insert_indicator(db::Session& s, const Indicator& i);
bool update_indicator(db::Session& s, const Indicator& i);
void upsert_value(db::Session& s, std::int64_t indicator_id, std::string_view period, double actual, std::int64_t by,
                  std::string_view now);

/// Open actions of approved plans due on or before `until`, with their entity, for the due scan.
struct DueAction {
  std::int64_t id = 0;
  std::int64_t adoption_id = 0;
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> owner_id;
  std::string title_ar;
  std::string title_en;
  std::string due_on;
};
BOOST_DESCRIBE_STRUCT(DueAction, (), (id, adoption_id, organization_id, owner_id, title_ar, title_en, due_on))
std::vector<DueAction> open_actions_due_by(db::Session& s, std::string_view until);

}  // namespace manzuma::modules::adoptions
