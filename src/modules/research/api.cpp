#include "modules/research/api.hpp"

namespace manzuma::modules {

bool study_file_readable(db::Session& s, const core::Actor& actor, std::int64_t attachment_id) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM research_attachments ra JOIN research_studies r ON r.id = ra.study_id"
              " WHERE ra.attachment_id = ? AND (r.status IN ('accepted', 'applied') OR EXISTS (SELECT 1 FROM"
              " research_reviewers rv WHERE rv.study_id = r.id AND rv.user_id = ?))",
              attachment_id, actor.user_id)
             .value_or(0) > 0;
}

}  // namespace manzuma::modules
