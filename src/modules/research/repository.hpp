#pragma once
// SQL for research studies, their reviewers, comments and attachments only.

#include <optional>
#include <string>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/research/model.hpp"

namespace manzuma::modules::research {

/// The long texts of a study, read for its page only.
struct StudyTexts {
  std::string authors;
  std::string abstract_ar;
  std::string abstract_en;
};
BOOST_DESCRIBE_STRUCT(StudyTexts, (), (authors, abstract_ar, abstract_en))

/// Who may see studies before they are accepted: a user (as an assigned reviewer) and the organisation
/// paths where they work.
struct Viewer {
  std::int64_t user_id = 0;
  std::vector<std::string> paths;
};

std::optional<ResearchStudy> find(db::Session& s, std::int64_t id);
std::optional<std::string> organization_path_of(db::Session& s, std::int64_t study_id);
StudyTexts texts(db::Session& s, std::int64_t id);
/// A page of studies; with `viewer`, accepted and applied ones plus those of the viewer's organisations and
/// those they review.
core::Page<ResearchStudy> list(db::Session& s, const core::ListQuery& q, const std::optional<Viewer>& viewer);
std::optional<std::string> edition_status(db::Session& s, std::int64_t edition_id);

std::int64_t insert(db::Session& s, const ResearchStudy& study, const StudyTexts& texts);
/// Writes status, decision, practice link and version if the stored version is still `study.version - 1`.
bool update_state(db::Session& s, const ResearchStudy& study);

std::vector<ResearchReviewer> reviewers(db::Session& s, std::int64_t study_id);
bool is_reviewer(db::Session& s, std::int64_t study_id, std::int64_t user_id);
/// True when `user_id` is an active user.
bool active_user(db::Session& s, std::int64_t user_id);
void add_reviewer(db::Session& s, std::int64_t study_id, std::int64_t user_id, const std::string& at);
void set_recommendation(db::Session& s, std::int64_t study_id, std::int64_t user_id, Recommendation r,
                        const std::string& comments, const std::string& at);

std::vector<ResearchComment> comments(db::Session& s, std::int64_t study_id);
std::int64_t add_comment(db::Session& s, std::int64_t study_id, std::int64_t author_id, const std::string& body,
                         const std::string& at);

std::vector<ResearchAttachment> attachments(db::Session& s, std::int64_t study_id);
std::optional<std::int64_t> attachment_organization(db::Session& s, std::int64_t attachment_id);
void add_attachment(db::Session& s, std::int64_t study_id, std::int64_t attachment_id, std::int64_t position);

}  // namespace manzuma::modules::research
