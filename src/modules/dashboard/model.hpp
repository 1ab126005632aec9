#pragma once
// The national dashboard's read model: figures per edition and over time, the entity × practice adoption
// matrix, and an entity's page. Nothing here is stored; every figure is counted from the areas' tables.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

struct StatusCount {
  std::string status;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(StatusCount, (), (status, count))

/// The headline figures of one edition, or of all editions when edition_id is null.
struct NationalFigures {
  std::optional<std::int64_t> edition_id;
  /// Published practices in the catalogue.
  std::int64_t practices = 0;
  std::int64_t research = 0;
  std::vector<StatusCount> research_by_status;
  /// Distinct entities with a submitted, approved or completed adoption.
  std::int64_t entities_adopting = 0;
  std::int64_t adoptions = 0;
  std::int64_t plans_on_track = 0;
  std::int64_t plans_late = 0;
  std::int64_t plans_stalled = 0;
  std::int64_t plans_not_started = 0;
  std::int64_t plans_completed = 0;
  /// Open plan actions (not done, not cancelled) past their due date.
  std::int64_t actions_overdue = 0;
  /// Trained people counted by held events.
  std::int64_t people_trained = 0;
  /// MoUs in force (active); MoUs are not per edition, so this is national whatever the edition.
  std::int64_t mous_active = 0;
};
BOOST_DESCRIBE_STRUCT(NationalFigures, (),
                      (edition_id, practices, research, research_by_status, entities_adopting, adoptions,
                       plans_on_track, plans_late, plans_stalled, plans_not_started, plans_completed, actions_overdue,
                       people_trained, mous_active))

/// One edition's figures, for the chart over editions.
struct EditionFigures {
  std::int64_t edition_id = 0;
  std::int64_t number = 0;
  std::int64_t year = 0;
  std::string title_ar;
  std::string title_en;
  std::string status;
  std::int64_t practices = 0;
  std::int64_t research = 0;
  std::int64_t entities_adopting = 0;
  std::int64_t plans_on_track = 0;
  std::int64_t plans_late = 0;
  std::int64_t plans_stalled = 0;
  std::int64_t people_trained = 0;
};
BOOST_DESCRIBE_STRUCT(EditionFigures, (),
                      (edition_id, number, year, title_ar, title_en, status, practices, research, entities_adopting,
                       plans_on_track, plans_late, plans_stalled, people_trained))

struct EditionTrend {
  std::vector<EditionFigures> editions;
};
BOOST_DESCRIBE_STRUCT(EditionTrend, (), (editions))

struct MatrixEntity {
  std::int64_t id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(MatrixEntity, (), (id, name_ar, name_en))

struct MatrixPractice {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::string title_ar;
  std::string title_en;
};
BOOST_DESCRIBE_STRUCT(MatrixPractice, (), (id, edition_id, title_ar, title_en))

/// One adoption: an entity's plan for a practice, its state and progress.
struct AdoptionProgress {
  std::int64_t adoption_id = 0;
  std::int64_t organization_id = 0;
  std::int64_t practice_id = 0;
  std::int64_t edition_id = 0;
  std::string practice_title_ar;
  std::string practice_title_en;
  std::string organization_name_ar;
  std::string organization_name_en;
  /// The adoption's status (draft, submitted, approved, completed, withdrawn).
  std::string status;
  /// For approved plans only: on_track, late, stalled or not_started (the PlanHealth wire names; the rule
  /// is in dashboard/README.md).
  std::optional<std::string> health;
  /// Mean percent done of the plan's actions (done counts 100, cancelled left out); 0 without actions.
  std::int64_t percent = 0;
  std::int64_t actions = 0;
  std::int64_t actions_overdue = 0;
  std::optional<std::string> last_progress_at;
};
BOOST_DESCRIBE_STRUCT(AdoptionProgress, (),
                      (adoption_id, organization_id, practice_id, edition_id, practice_title_ar, practice_title_en,
                       organization_name_ar, organization_name_en, status, health, percent, actions, actions_overdue,
                       last_progress_at))

/// Rows are entities with an adoption, columns the edition's practices, cells the adoptions.
struct AdoptionMatrix {
  std::optional<std::int64_t> edition_id;
  std::vector<MatrixEntity> entities;
  std::vector<MatrixPractice> practices;
  std::vector<AdoptionProgress> cells;
};
BOOST_DESCRIBE_STRUCT(AdoptionMatrix, (), (edition_id, entities, practices, cells))

struct EntityDashboard {
  MatrixEntity entity;
  std::optional<std::int64_t> edition_id;
  std::int64_t plans_on_track = 0;
  std::int64_t plans_late = 0;
  std::int64_t plans_stalled = 0;
  std::int64_t actions_overdue = 0;
  std::vector<AdoptionProgress> adoptions;
};
BOOST_DESCRIBE_STRUCT(EntityDashboard, (),
                      (entity, edition_id, plans_on_track, plans_late, plans_stalled, actions_overdue, adoptions))

}  // namespace manzuma::modules
