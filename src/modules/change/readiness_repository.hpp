#pragma once
// SQL for readiness surveys, saturation, entity settings and the national view. Reads the initiatives, groups,
// impacts, actions and risks the portfolio side (repository.hpp) writes, and organisation names; writes only
// surveys, links, responses, tallies and entity settings.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/change/readiness_model.hpp"

namespace manzuma::modules::change::readiness {

/// The saturation capacity of an entity the program office has not set.
inline constexpr std::int64_t kDefaultCapacity = 60;

/// The organisation kinds that run change initiatives and have settings the program office keeps (entities).
inline constexpr std::array<std::string_view, 4> kGovernmentKinds = {"ministry", "authority", "government_company",
                                                                     "governorate"};

struct SurveyRow {
  std::int64_t id = 0;
  std::int64_t initiative_id = 0;
  std::int64_t round = 0;
  std::string title_ar;
  std::string title_en;
  std::string opens_on;
  std::string closes_on;
  SurveyStatus status = SurveyStatus::open;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(SurveyRow, (),
                      (id, initiative_id, round, title_ar, title_en, opens_on, closes_on, status, version))

/// A link found by its token's hash, with what the respondent's page shows.
struct LinkFacts {
  std::int64_t survey_id = 0;
  std::int64_t group_id = 0;
  std::int64_t organization_id = 0;
  bool used = false;
  std::string title_ar;
  std::string title_en;
  std::string opens_on;
  std::string closes_on;
  SurveyStatus status = SurveyStatus::open;
  InitiativeStatus initiative_status = InitiativeStatus::active;
  std::string initiative_title_ar;
  std::string initiative_title_en;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::string group_name_ar;
  std::string group_name_en;
};
BOOST_DESCRIBE_STRUCT(LinkFacts, (),
                      (survey_id, group_id, organization_id, used, title_ar, title_en, opens_on, closes_on, status,
                       initiative_status, initiative_title_ar, initiative_title_en, organization_name_ar,
                       organization_name_en, group_name_ar, group_name_en))

struct OrganizationFacts {
  std::int64_t id = 0;
  std::string path;
  std::string kind;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(OrganizationFacts, (), (id, path, kind, name_ar, name_en))

/// A stakeholder group of an entity.
struct GroupFacts {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string name_ar;
  std::string name_en;
  std::int64_t size = 0;
};
BOOST_DESCRIBE_STRUCT(GroupFacts, (), (id, organization_id, name_ar, name_en, size))

/// The impact of one loading initiative (active or on hold) on one group, with its dates.
struct ImpactLoad {
  std::int64_t organization_id = 0;
  std::int64_t group_id = 0;
  std::int64_t initiative_id = 0;
  std::string title_ar;
  std::string title_en;
  std::string starts_on;
  std::string ends_on;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(ImpactLoad, (),
                      (organization_id, group_id, initiative_id, title_ar, title_en, starts_on, ends_on, total))

/// Sums of one survey's (or several surveys') answers per element.
struct TallySums {
  std::int64_t responses = 0;
  std::int64_t awareness = 0;
  std::int64_t desire = 0;
  std::int64_t knowledge = 0;
  std::int64_t ability = 0;
  std::int64_t reinforcement = 0;
};
BOOST_DESCRIBE_STRUCT(TallySums, (), (responses, awareness, desire, knowledge, ability, reinforcement))

/// One round as stored: the survey with its groups' responses and links (no means), and each group's sums.
struct SurveyRound {
  ChangeSurvey survey;
  /// One per survey.groups, in the same order.
  std::vector<TallySums> sums;
};

// ---- Surveys (the initiative itself: initiative_access.hpp) ----
/// The initiative's rounds in order, with their links and tallies per group.
std::vector<SurveyRound> surveys_of(db::Session& s, std::int64_t initiative_id);
std::optional<SurveyRow> find_survey(db::Session& s, std::int64_t initiative_id, std::int64_t survey_id);
std::int64_t insert_survey(db::Session& s, const SurveyRow& row, std::int64_t created_by, std::string_view now);
/// Writes `row` if its stored version is still `row.version - 1`.
bool update_survey(db::Session& s, const SurveyRow& row, std::string_view now);
std::optional<GroupFacts> find_group(db::Session& s, std::int64_t group_id);
void insert_links(db::Session& s, std::int64_t survey_id, std::int64_t group_id,
                  const std::vector<std::string>& token_hashes, std::string_view now);
std::optional<LinkFacts> find_link(db::Session& s, std::string_view token_hash);
/// Marks the link used; false when it was used already (one response per link).
bool use_link(db::Session& s, std::string_view token_hash);
/// Stores an answer (without its link) and adds it to the survey's tally of the group.
void insert_response(db::Session& s, std::int64_t survey_id, std::int64_t group_id, const SurveyAnswer& a,
                     std::string_view comment, std::string_view today);

// ---- Saturation and entity settings ----
std::optional<OrganizationFacts> find_organization(db::Session& s, std::int64_t id);
std::int64_t capacity_of(db::Session& s, std::int64_t organization_id);
std::vector<GroupFacts> groups_of(db::Session& s, std::int64_t organization_id);
/// Impacts of the entity's loading initiatives that overlap [first_month, last_month] ("YYYY-MM"); every
/// entity's when `organization_id` is empty.
std::vector<ImpactLoad> loads_of(db::Session& s, std::optional<std::int64_t> organization_id,
                                 std::string_view first_month, std::string_view last_month);
/// Organisations of kGovernmentKinds with their settings.
core::Page<ChangeEntity> entities(db::Session& s, const core::ListQuery& q);
std::optional<ChangeEntity> find_entity(db::Session& s, std::int64_t organization_id);
/// Inserts or updates the settings row; false on a stale version.
bool save_entity(db::Session& s, std::int64_t organization_id, std::int64_t capacity, bool governance_project,
                 std::int64_t expected_version, std::string_view now);

// ---- National view ----
// Few, narrow reads of whole tables (ids, statuses, dates, sums): the national view is assembled in memory, which
// at 20,000 initiatives is cheaper than joining names and grouping in SQL for each figure.

/// Every initiative's entity, gate, status and dates.
struct InitiativeState {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::int64_t gate_id = 0;
  std::string status;
  std::string starts_on;
  std::string ends_on;
};
BOOST_DESCRIBE_STRUCT(InitiativeState, (), (id, organization_id, gate_id, status, starts_on, ends_on))
std::vector<InitiativeState> initiative_states(db::Session& s);

struct NamedOrganization {
  std::int64_t id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(NamedOrganization, (), (id, name_ar, name_en))
/// The organisations that have initiatives, by Arabic name.
std::vector<NamedOrganization> organizations_with_initiatives(db::Session& s);

struct EntitySettings {
  std::int64_t organization_id = 0;
  std::int64_t capacity = 0;
  bool governance_project = false;
};
BOOST_DESCRIBE_STRUCT(EntitySettings, (), (organization_id, capacity, governance_project))
std::vector<EntitySettings> entity_settings(db::Session& s);

/// Open actions past their due day of one initiative.
struct LateActions {
  std::int64_t initiative_id = 0;
  std::int64_t n = 0;
  std::string oldest;
};
BOOST_DESCRIBE_STRUCT(LateActions, (), (initiative_id, n, oldest))
std::vector<LateActions> late_actions(db::Session& s, std::string_view today);

struct InitiativeCount {
  std::int64_t initiative_id = 0;
  std::int64_t n = 0;
};
BOOST_DESCRIBE_STRUCT(InitiativeCount, (), (initiative_id, n))
/// Open risks scored 15 or more, per initiative.
std::vector<InitiativeCount> high_risks(db::Session& s);

struct InitiativeTitle {
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
};
BOOST_DESCRIBE_STRUCT(InitiativeTitle, (), (id, title_ar, title_en))
std::vector<InitiativeTitle> initiative_titles(db::Session& s, const std::vector<std::int64_t>& ids);

/// One survey's answers summed over its groups that have `min_responses` answers or more (`answered` counts every
/// answer).
struct SurveySums {
  std::int64_t initiative_id = 0;
  std::int64_t round = 0;
  SurveyStatus status = SurveyStatus::open;
  std::string closes_on;
  std::int64_t answered = 0;
  std::int64_t responses = 0;
  std::int64_t awareness = 0;
  std::int64_t desire = 0;
  std::int64_t knowledge = 0;
  std::int64_t ability = 0;
  std::int64_t reinforcement = 0;
};
BOOST_DESCRIBE_STRUCT(SurveySums, (),
                      (initiative_id, round, status, closes_on, answered, responses, awareness, desire, knowledge,
                       ability, reinforcement))
/// Every survey with answers.
std::vector<SurveySums> survey_sums(db::Session& s, std::int64_t min_responses);

struct ImpactTotal {
  std::int64_t initiative_id = 0;
  std::int64_t group_id = 0;
  std::int64_t total = 0;
};
BOOST_DESCRIBE_STRUCT(ImpactTotal, (), (initiative_id, group_id, total))
/// Impacts of loading initiatives (active or on hold) overlapping [first_month, last_month].
std::vector<ImpactTotal> loading_impacts(db::Session& s, std::string_view first_month, std::string_view last_month);

}  // namespace manzuma::modules::change::readiness
