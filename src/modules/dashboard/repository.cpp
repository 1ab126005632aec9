#include "modules/dashboard/repository.hpp"

#include <map>

#include "modules/adoptions/api.hpp"
#include "modules/events/api.hpp"

namespace manzuma::modules::dashboard {

namespace {

// Adoptions that count as an entity taking a practice up (a draft is not yet; a withdrawn one no longer).
constexpr std::string_view kCounted = "('submitted', 'approved', 'completed')";

struct AdoptionTotals {
  std::int64_t entities_adopting = 0;
  std::int64_t adoptions = 0;
  std::int64_t plans_on_track = 0;
  std::int64_t plans_late = 0;
  std::int64_t plans_stalled = 0;
  std::int64_t plans_not_started = 0;
  std::int64_t plans_completed = 0;
};
BOOST_DESCRIBE_STRUCT(AdoptionTotals, (),
                      (entities_adopting, adoptions, plans_on_track, plans_late, plans_stalled, plans_not_started,
                       plans_completed))

struct EditionAdoptionTotals {
  std::int64_t edition_id = 0;
  std::int64_t entities_adopting = 0;
  std::int64_t adoptions = 0;
  std::int64_t plans_on_track = 0;
  std::int64_t plans_late = 0;
  std::int64_t plans_stalled = 0;
  std::int64_t plans_not_started = 0;
  std::int64_t plans_completed = 0;
};
BOOST_DESCRIBE_STRUCT(EditionAdoptionTotals, (),
                      (edition_id, entities_adopting, adoptions, plans_on_track, plans_late, plans_stalled,
                       plans_not_started, plans_completed))

struct EditionCount {
  std::int64_t edition_id = 0;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(EditionCount, (), (edition_id, count))

std::string adoption_totals_sql(bool per_edition, bool one_edition) {
  std::string sql = "SELECT " + std::string(per_edition ? "x.edition_id, " : "") +
                    "COUNT(DISTINCT CASE WHEN x.status IN " + std::string(kCounted) +
                    " THEN x.organization_id END) AS entities_adopting,"
                    " COALESCE(SUM(CASE WHEN x.status IN " +
                    std::string(kCounted) +
                    " THEN 1 ELSE 0 END), 0) AS adoptions,"
                    " COALESCE(SUM(CASE WHEN x.health = 'on_track' THEN 1 ELSE 0 END), 0) AS plans_on_track,"
                    " COALESCE(SUM(CASE WHEN x.health = 'late' THEN 1 ELSE 0 END), 0) AS plans_late,"
                    " COALESCE(SUM(CASE WHEN x.health = 'stalled' THEN 1 ELSE 0 END), 0) AS plans_stalled,"
                    " COALESCE(SUM(CASE WHEN x.health = 'not_started' THEN 1 ELSE 0 END), 0) AS plans_not_started,"
                    " COALESCE(SUM(CASE WHEN x.status = 'completed' THEN 1 ELSE 0 END), 0) AS plans_completed"
                    " FROM (SELECT a.edition_id, a.organization_id, a.status, " +
                    std::string(kPlanHealthSql) + " AS health FROM adoptions a" +
                    (one_edition ? " WHERE a.edition_id = ?" : "") + ") x";
  if (per_edition) sql += " GROUP BY x.edition_id";
  return sql;
}

}  // namespace

bool edition_exists(db::Session& s, std::int64_t edition_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM editions WHERE id = ?", edition_id).value_or(0) > 0;
}

std::optional<MatrixEntity> find_entity(db::Session& s, std::int64_t organization_id) {
  return s.query_one<MatrixEntity>("SELECT id, name_ar, name_en FROM organizations WHERE id = ?", organization_id);
}

NationalFigures national(db::Session& s, std::optional<std::int64_t> edition_id, const Today& t) {
  NationalFigures f;
  f.edition_id = edition_id;
  std::vector<db::Value> ed;
  if (edition_id) ed.push_back(*edition_id);
  const std::string and_edition = edition_id ? " AND edition_id = ?" : "";
  const std::string where_edition = edition_id ? " WHERE edition_id = ?" : "";

  f.practices =
      s.query_one_values<std::int64_t>("SELECT COUNT(*) FROM practices WHERE status = 'published'" + and_edition, ed)
          .value_or(0);
  f.research_by_status = s.query_values<StatusCount>(
      "SELECT status, COUNT(*) AS count FROM research_studies" + where_edition + " GROUP BY status ORDER BY status",
      ed);
  for (const auto& r : f.research_by_status) f.research += r.count;

  std::vector<db::Value> p = plan_health_binds(t.today);
  if (edition_id) p.push_back(*edition_id);
  const auto totals = s.query_one_values<AdoptionTotals>(adoption_totals_sql(false, edition_id.has_value()), p);
  if (totals) {
    f.entities_adopting = totals->entities_adopting;
    f.adoptions = totals->adoptions;
    f.plans_on_track = totals->plans_on_track;
    f.plans_late = totals->plans_late;
    f.plans_stalled = totals->plans_stalled;
    f.plans_not_started = totals->plans_not_started;
    f.plans_completed = totals->plans_completed;
  }

  std::vector<db::Value> o{t.today};
  if (edition_id) o.push_back(*edition_id);
  f.actions_overdue = s.query_one_values<std::int64_t>(
                           "SELECT COUNT(*) FROM plan_actions pa JOIN adoptions a ON a.id = pa.adoption_id"
                           " WHERE a.status = 'approved' AND pa.due_on < ? AND pa.status NOT IN ('done', 'cancelled')" +
                               std::string(edition_id ? " AND a.edition_id = ?" : ""),
                           o)
                          .value_or(0);
  // The events area's own count (attended training plus reported figures), so the figure matches its pages.
  if (edition_id)
    f.people_trained = trained_in_edition(s, *edition_id);
  else
    for (auto id : s.query<std::int64_t>("SELECT id FROM editions")) f.people_trained += trained_in_edition(s, id);
  f.mous_active = s.query_one<std::int64_t>("SELECT COUNT(*) FROM partnerships WHERE status = 'active'").value_or(0);
  return f;
}

std::vector<EditionFigures> by_edition(db::Session& s, const Today& t) {
  auto out = s.query<EditionFigures>(
      "SELECT id AS edition_id, number, year, title_ar, title_en, status FROM editions ORDER BY number");
  std::map<std::int64_t, EditionFigures*> at;
  for (auto& e : out) at[e.edition_id] = &e;
  for (const auto& c : s.query<EditionCount>(
           "SELECT edition_id, COUNT(*) AS count FROM practices WHERE status = 'published' GROUP BY edition_id"))
    if (auto it = at.find(c.edition_id); it != at.end()) it->second->practices = c.count;
  for (const auto& c :
       s.query<EditionCount>("SELECT edition_id, COUNT(*) AS count FROM research_studies GROUP BY edition_id"))
    if (auto it = at.find(c.edition_id); it != at.end()) it->second->research = c.count;
  for (auto& e : out) e.people_trained = trained_in_edition(s, e.edition_id);
  for (const auto& c :
       s.query_values<EditionAdoptionTotals>(adoption_totals_sql(true, false), plan_health_binds(t.today)))
    if (auto it = at.find(c.edition_id); it != at.end()) {
      it->second->entities_adopting = c.entities_adopting;
      it->second->plans_on_track = c.plans_on_track;
      it->second->plans_late = c.plans_late;
      it->second->plans_stalled = c.plans_stalled;
    }
  return out;
}

std::vector<MatrixPractice> matrix_practices(db::Session& s, std::optional<std::int64_t> edition_id) {
  std::vector<db::Value> p;
  if (edition_id) p.push_back(*edition_id);
  return s.query_values<MatrixPractice>(
      "SELECT id, edition_id, title_ar, title_en FROM practices WHERE status = 'published'" +
          std::string(edition_id ? " AND edition_id = ?" : "") + " ORDER BY edition_id, id",
      p);
}

std::vector<AdoptionProgress> adoptions(db::Session& s, std::optional<std::int64_t> edition_id,
                                        std::optional<std::int64_t> organization_id, bool with_drafts, const Today& t) {
  std::string sql =
      "SELECT a.id AS adoption_id, a.organization_id, a.practice_id, a.edition_id,"
      " p.title_ar AS practice_title_ar, p.title_en AS practice_title_en,"
      " o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, a.status, " +
      std::string(kPlanHealthSql) +
      " AS health,"
      " COALESCE((SELECT CAST(ROUND(AVG(CASE WHEN pa.status = 'done' THEN 100 ELSE pa.percent_done END)) AS INTEGER)"
      "  FROM plan_actions pa WHERE pa.adoption_id = a.id AND pa.status <> 'cancelled'), 0) AS percent,"
      " (SELECT COUNT(*) FROM plan_actions pa WHERE pa.adoption_id = a.id AND pa.status <> 'cancelled') AS actions,"
      " (SELECT COUNT(*) FROM plan_actions pa WHERE pa.adoption_id = a.id AND pa.due_on < ?"
      "  AND pa.status NOT IN ('done', 'cancelled')) AS actions_overdue,"
      " a.last_progress_at"
      " FROM adoptions a JOIN practices p ON p.id = a.practice_id JOIN organizations o ON o.id = a.organization_id"
      " WHERE 1 = 1";
  std::vector<db::Value> p = plan_health_binds(t.today);
  p.push_back(t.today);
  if (!with_drafts) sql += " AND a.status IN " + std::string(kCounted);
  if (edition_id) {
    sql += " AND a.edition_id = ?";
    p.push_back(*edition_id);
  }
  if (organization_id) {
    sql += " AND a.organization_id = ?";
    p.push_back(*organization_id);
  }
  sql += " ORDER BY o.name_ar, o.id, a.edition_id, p.id";
  return s.query_values<AdoptionProgress>(sql, p);
}

}  // namespace manzuma::modules::dashboard
