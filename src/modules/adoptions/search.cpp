// Adoptions as search documents (search::Source), readable by whom AdoptionService::get lets open them
// (access.hpp): the adopting entity's readers, practice owners of the contributing organisation, the
// practice's owner; national roles see all anyway. The plan's actions, milestones and indicators are
// searchable with the adoption.

#include <map>
#include <string>

#include "modules/adoptions/access.hpp"
#include "modules/adoptions/api.hpp"

namespace manzuma::modules {

namespace {

using manzuma::search::Document;

struct AdoptionText {
  std::int64_t id = 0;
  std::int64_t edition_number = 0;
  std::int64_t edition_year = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::string organization_name_ar, organization_name_en;
  std::string practice_organization_path;
  std::optional<std::int64_t> practice_owner_id;
  std::string practice_title_ar, practice_title_en;
  std::string objective_ar, objective_en;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(AdoptionText, (),
                      (id, edition_number, edition_year, organization_id, organization_path, organization_name_ar,
                       organization_name_en, practice_organization_path, practice_owner_id, practice_title_ar,
                       practice_title_en, objective_ar, objective_en, created_at))

/// An action's, a milestone's or an indicator's names, by adoption.
struct PlanLine {
  std::int64_t adoption_id = 0;
  std::string name_ar, name_en;
};
BOOST_DESCRIBE_STRUCT(PlanLine, (), (adoption_id, name_ar, name_en))

constexpr std::string_view kSelect =
    "SELECT a.id, e.number AS edition_number, e.year AS edition_year, a.organization_id,"
    " o.path AS organization_path, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en,"
    " po.path AS practice_organization_path, p.owner_id AS practice_owner_id, p.title_ar AS practice_title_ar,"
    " p.title_en AS practice_title_en, a.objective_ar, a.objective_en, a.created_at FROM adoptions a"
    " JOIN editions e ON e.id = a.edition_id JOIN practices p ON p.id = a.practice_id"
    " JOIN organizations o ON o.id = a.organization_id JOIN organizations po ON po.id = p.organization_id";
constexpr std::string_view kPlan =
    "SELECT adoption_id, title_ar AS name_ar, title_en AS name_en FROM plan_actions"
    " WHERE adoption_id BETWEEN ? AND ?"
    " UNION ALL SELECT adoption_id, title_ar AS name_ar, title_en AS name_en FROM plan_milestones"
    " WHERE adoption_id BETWEEN ? AND ?"
    " UNION ALL SELECT adoption_id, name_ar, name_en FROM adoption_indicators WHERE adoption_id BETWEEN ? AND ?";
constexpr std::int64_t kPage = 500;

void add(std::string& body, const std::string& text) {
  if (text.empty()) return;
  if (!body.empty()) body += '\n';
  body += text;
}

void emit_all(db::Session& s, std::vector<AdoptionText>& rows, const std::function<void(Document&&)>& emit) {
  if (rows.empty()) return;
  const auto first = rows.front().id, last = rows.back().id;
  std::map<std::int64_t, std::vector<PlanLine>> plan;
  for (auto& line : s.query<PlanLine>(kPlan, first, last, first, last, first, last))
    plan[line.adoption_id].push_back(std::move(line));
  for (auto& a : rows) {
    Document d;
    d.type = "adoption";
    d.id = a.id;
    // Named as the notices name it: the practice, then the adopting entity.
    d.title_ar = a.practice_title_ar + " — " + a.organization_name_ar;
    d.title_en = a.practice_title_en + " — " + a.organization_name_en;
    add(d.body, a.objective_ar);
    add(d.body, a.objective_en);
    for (const auto& line : plan[a.id]) {
      add(d.body, line.name_ar);
      add(d.body, line.name_en);
    }
    d.organization_id = a.organization_id;
    d.edition = a.edition_number;
    d.year = a.edition_year;
    d.date = std::move(a.created_at);
    auto& v = d.visibility;
    v.scopes.push_back({std::move(a.organization_path), std::vector<core::Role>(adoptions::kEntityReaders)});
    v.scopes.push_back({std::move(a.practice_organization_path), {core::Role::practice_owner}});
    if (a.practice_owner_id) v.users.push_back(*a.practice_owner_id);
    emit(std::move(d));
  }
}

}  // namespace

manzuma::search::Source adoptions_search_source() {
  manzuma::search::Source src;
  src.type = "adoption";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto rows = s.query<AdoptionText>(std::string(kSelect) + " WHERE a.id = ?", id);
    std::optional<Document> out;
    emit_all(s, rows, [&](Document&& d) { out = std::move(d); });
    return out;
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<AdoptionText>(std::string(kSelect) + " WHERE a.id > ? ORDER BY a.id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      const bool last = static_cast<std::int64_t>(page.size()) < kPage;
      emit_all(s, page, emit);
      if (last) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM adoptions").value_or(0));
  };
  return src;
}

void enqueue_adoptions_under(db::Session& s, std::string_view path) {
  const std::string under = std::string(path) + "%";
  for (auto id : s.query<std::int64_t>(
           "SELECT a.id FROM adoptions a JOIN organizations o ON o.id = a.organization_id"
           " JOIN practices p ON p.id = a.practice_id JOIN organizations po ON po.id = p.organization_id"
           " WHERE o.path LIKE ? OR po.path LIKE ?",
           under, under))
    manzuma::search::enqueue(s, "adoption", id);
}

}  // namespace manzuma::modules
