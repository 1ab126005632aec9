// Research studies as search documents (search::Source), visible exactly as ResearchStudyService decides:
// accepted and applied studies for everyone signed in; the others for the submitting organisation's staff
// (research::kStaff, by organisation path) and the assigned reviewers (national roles see all anyway).

#include <map>
#include <string>

#include "modules/research/access.hpp"
#include "modules/research/api.hpp"

namespace manzuma::modules {

namespace {

using manzuma::search::Document;

struct StudyText {
  std::int64_t id = 0;
  std::int64_t edition_number = 0;
  std::int64_t edition_year = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::string organization_name_ar, organization_name_en;
  std::string title_ar, title_en, authors, abstract_ar, abstract_en;
  ResearchStatus status = ResearchStatus::proposed;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(StudyText, (),
                      (id, edition_number, edition_year, organization_id, organization_path, organization_name_ar,
                       organization_name_en, title_ar, title_en, authors, abstract_ar, abstract_en, status, created_at))

struct ReviewerOf {
  std::int64_t study_id = 0;
  std::int64_t user_id = 0;
};
BOOST_DESCRIBE_STRUCT(ReviewerOf, (), (study_id, user_id))

constexpr std::string_view kSelect =
    "SELECT r.id, e.number AS edition_number, e.year AS edition_year, r.organization_id,"
    " o.path AS organization_path, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en,"
    " r.title_ar, r.title_en, r.authors, r.abstract_ar, r.abstract_en, r.status, r.created_at"
    " FROM research_studies r JOIN editions e ON e.id = r.edition_id"
    " JOIN organizations o ON o.id = r.organization_id";
constexpr std::string_view kReviewers =
    "SELECT study_id, user_id FROM research_reviewers WHERE study_id BETWEEN ? AND ? ORDER BY study_id, user_id";
constexpr std::int64_t kPage = 500;

Document document_of(StudyText&& r, const std::vector<std::int64_t>& reviewers) {
  Document d;
  d.type = "study";
  d.id = r.id;
  d.title_ar = std::move(r.title_ar);
  d.title_en = std::move(r.title_en);
  for (const auto* part :
       {&r.abstract_ar, &r.abstract_en, &r.authors, &r.organization_name_ar, &r.organization_name_en}) {
    if (part->empty()) continue;
    if (!d.body.empty()) d.body += '\n';
    d.body += *part;
  }
  d.organization_id = r.organization_id;
  d.edition = r.edition_number;
  d.year = r.edition_year;
  d.date = std::move(r.created_at);
  if (research::is_public(r.status)) {
    d.visibility.everyone = true;
  } else {
    d.visibility.scopes.push_back({std::move(r.organization_path), std::vector<core::Role>(research::kStaff)});
    d.visibility.users = reviewers;
  }
  return d;
}

void emit_all(db::Session& s, std::vector<StudyText>& rows, const std::function<void(Document&&)>& emit) {
  if (rows.empty()) return;
  std::map<std::int64_t, std::vector<std::int64_t>> reviewers;
  for (const auto& rv : s.query<ReviewerOf>(kReviewers, rows.front().id, rows.back().id))
    reviewers[rv.study_id].push_back(rv.user_id);
  for (auto& r : rows) {
    const auto id = r.id;
    emit(document_of(std::move(r), reviewers[id]));
  }
}

}  // namespace

manzuma::search::Source research_search_source() {
  manzuma::search::Source src;
  src.type = "study";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto rows = s.query<StudyText>(std::string(kSelect) + " WHERE r.id = ?", id);
    std::optional<Document> out;
    emit_all(s, rows, [&](Document&& d) { out = std::move(d); });
    return out;
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<StudyText>(std::string(kSelect) + " WHERE r.id > ? ORDER BY r.id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      const bool last = static_cast<std::int64_t>(page.size()) < kPage;
      emit_all(s, page, emit);
      if (last) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM research_studies").value_or(0));
  };
  return src;
}

void enqueue_studies_under(db::Session& s, std::string_view path) {
  for (auto id : s.query<std::int64_t>(
           "SELECT r.id FROM research_studies r JOIN organizations o ON o.id = r.organization_id WHERE o.path LIKE ?",
           std::string(path) + "%"))
    manzuma::search::enqueue(s, "study", id);
}

}  // namespace manzuma::modules
