#include "modules/research/repository.hpp"

#include "db/query.hpp"

namespace manzuma::modules::research {

namespace {

constexpr std::string_view kSelect =
    "SELECT r.id, r.edition_id, e.number AS edition_number, r.organization_id,"
    " o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, r.submitted_by, r.title_ar, r.title_en,"
    " r.status, r.decision_reason, r.decided_at, r.practice_id, r.version, r.created_at, r.updated_at"
    " FROM research_studies r JOIN editions e ON e.id = r.edition_id"
    " JOIN organizations o ON o.id = r.organization_id";

}  // namespace

std::optional<ResearchStudy> find(db::Session& s, std::int64_t id) {
  return s.query_one<ResearchStudy>(std::string(kSelect) + " WHERE r.id = ?", id);
}

std::optional<std::string> organization_path_of(db::Session& s, std::int64_t study_id) {
  return s.query_one<std::string>(
      "SELECT o.path FROM research_studies r JOIN organizations o ON o.id = r.organization_id WHERE r.id = ?",
      study_id);
}

StudyTexts texts(db::Session& s, std::int64_t id) {
  return s.query_one<StudyTexts>("SELECT authors, abstract_ar, abstract_en FROM research_studies WHERE id = ?", id)
      .value_or(StudyTexts{});
}

core::Page<ResearchStudy> list(db::Session& s, const core::ListQuery& q, const std::optional<Viewer>& viewer) {
  db::Where w;
  if (viewer) {
    std::string cond =
        "r.status IN ('accepted', 'applied') OR EXISTS (SELECT 1 FROM research_reviewers rv"
        " WHERE rv.study_id = r.id AND rv.user_id = ?)";
    std::vector<db::Value> params{viewer->user_id};
    for (const auto& path : viewer->paths) {
      cond += " OR r.organization_id IN (SELECT id FROM organizations WHERE path LIKE ?)";
      params.emplace_back(path + "%");
    }
    w.add_values(cond, params);
  }
  if (auto v = q.int_filter("edition_id")) w.add("r.edition_id = ?", *v);
  if (auto v = q.int_filter("organization_id")) w.add("r.organization_id = ?", *v);
  if (auto v = q.filter("status")) w.add("r.status = ?", *v);
  if (auto v = q.int_filter("reviewer_id"))
    w.add("EXISTS (SELECT 1 FROM research_reviewers rv WHERE rv.study_id = r.id AND rv.user_id = ?)", *v);
  if (!q.q.empty()) {
    const auto pattern = db::contains_pattern(q.q);
    w.add(
        "r.title_ar LIKE ? ESCAPE '\\' OR LOWER(r.title_en) LIKE LOWER(?) ESCAPE '\\'"
        " OR LOWER(r.authors) LIKE LOWER(?) ESCAPE '\\'",
        pattern, pattern, pattern);
  }
  const std::string sort = q.sort.empty() ? "id" : q.sort;
  return db::fetch_page<ResearchStudy>(
      s, std::move(w), q,
      {std::string(kSelect), "SELECT COUNT(*) FROM research_studies r", "r." + sort, q.descending, "r.id"},
      [&](const ResearchStudy& r) {
        return std::pair{sort == "title_en" ? r.title_en : sort == "title_ar" ? r.title_ar : std::string(), r.id};
      });
}

std::optional<std::string> edition_status(db::Session& s, std::int64_t edition_id) {
  return s.query_one<std::string>("SELECT status FROM editions WHERE id = ?", edition_id);
}

std::int64_t insert(db::Session& s, const ResearchStudy& r, const StudyTexts& t) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO research_studies (edition_id, organization_id, submitted_by, title_ar, title_en, authors,"
      " abstract_ar, abstract_en, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
      " RETURNING id",
      r.edition_id, r.organization_id, r.submitted_by, r.title_ar, r.title_en, t.authors, t.abstract_ar, t.abstract_en,
      r.status, r.created_at, r.updated_at);
}

bool update_state(db::Session& s, const ResearchStudy& r) {
  return s.exec(
             "UPDATE research_studies SET status = ?, decision_reason = ?, decided_at = ?, practice_id = ?,"
             " version = ?, updated_at = ? WHERE id = ? AND version = ?",
             r.status, r.decision_reason, r.decided_at, r.practice_id, r.version, r.updated_at, r.id,
             r.version - 1) == 1;
}

std::vector<ResearchReviewer> reviewers(db::Session& s, std::int64_t study_id) {
  return s.query<ResearchReviewer>(
      "SELECT rv.id, rv.user_id, u.name_ar, u.name_en, rv.recommendation, rv.comments, rv.assigned_at,"
      " rv.recommended_at FROM research_reviewers rv JOIN users u ON u.id = rv.user_id WHERE rv.study_id = ?"
      " ORDER BY rv.id",
      study_id);
}

bool is_reviewer(db::Session& s, std::int64_t study_id, std::int64_t user_id) {
  return s
      .query_one<std::int64_t>("SELECT 1 FROM research_reviewers WHERE study_id = ? AND user_id = ?", study_id, user_id)
      .has_value();
}

bool active_user(db::Session& s, std::int64_t user_id) {
  return s.query_one<std::int64_t>("SELECT 1 FROM users WHERE id = ? AND active = ?", user_id, true).has_value();
}

void add_reviewer(db::Session& s, std::int64_t study_id, std::int64_t user_id, const std::string& at) {
  s.exec("INSERT INTO research_reviewers (study_id, user_id, comments, assigned_at) VALUES (?, ?, '', ?)", study_id,
         user_id, at);
}

void set_recommendation(db::Session& s, std::int64_t study_id, std::int64_t user_id, Recommendation r,
                        const std::string& comments, const std::string& at) {
  s.exec(
      "UPDATE research_reviewers SET recommendation = ?, comments = ?, recommended_at = ? WHERE study_id = ? AND"
      " user_id = ?",
      r, comments, at, study_id, user_id);
}

std::vector<ResearchComment> comments(db::Session& s, std::int64_t study_id) {
  return s.query<ResearchComment>(
      "SELECT c.id, c.author_id, u.name_ar AS author_name_ar, u.name_en AS author_name_en, c.body, c.created_at"
      " FROM research_comments c JOIN users u ON u.id = c.author_id WHERE c.study_id = ? ORDER BY c.id",
      study_id);
}

std::int64_t add_comment(db::Session& s, std::int64_t study_id, std::int64_t author_id, const std::string& body,
                         const std::string& at) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO research_comments (study_id, author_id, body, created_at) VALUES (?, ?, ?, ?) RETURNING id",
      study_id, author_id, body, at);
}

std::vector<ResearchAttachment> attachments(db::Session& s, std::int64_t study_id) {
  return s.query<ResearchAttachment>(
      "SELECT a.id, a.filename, a.size FROM research_attachments ra JOIN attachments a ON a.id = ra.attachment_id"
      " WHERE ra.study_id = ? ORDER BY ra.position, a.id",
      study_id);
}

std::optional<std::int64_t> attachment_organization(db::Session& s, std::int64_t attachment_id) {
  return s.query_one<std::int64_t>("SELECT organization_id FROM attachments WHERE id = ?", attachment_id);
}

void add_attachment(db::Session& s, std::int64_t study_id, std::int64_t attachment_id, std::int64_t position) {
  s.exec("INSERT INTO research_attachments (study_id, attachment_id, position) VALUES (?, ?, ?)", study_id,
         attachment_id, position);
}

}  // namespace manzuma::modules::research
