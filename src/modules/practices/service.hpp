#pragma once
// Rules for practices: validation, scope checks, state transitions, audit.

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/practices/model.hpp"

namespace manzuma::modules {

class PracticeService {
 public:
  PracticeService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// National roles see every practice; everyone else published ones and the drafts they own.
  core::Page<Practice> list(const core::Actor& actor, const core::ListQuery& q);
  PracticeDetail get(const core::Actor& actor, std::int64_t id);
  /// National roles add a practice (a draft) to an edition that is not closed.
  PracticeDetail create(const core::Actor& actor, const PracticeInput& in);
  /// National roles edit everything; the practice's owner edits the texts and category of their own.
  PracticeDetail update(const core::Actor& actor, std::int64_t id, const PracticeUpdate& in);
  /// draft → published → archived, archived → published; national roles only.
  PracticeDetail change_status(const core::Actor& actor, std::int64_t id, const PracticeStatusChange& in);
  /// Deletes a draft nobody adopted; anything else is a 409 that says to archive instead.
  void remove(const core::Actor& actor, std::int64_t id);

  /// Throws 404 when the caller cannot see the practice, 403 when they may not edit it (before any body is read).
  void require_editable(const core::Actor& actor, std::int64_t id);

  ToolkitItem add_item(const core::Actor& actor, std::int64_t practice_id, const ToolkitItemInput& in);
  ToolkitItem update_item(const core::Actor& actor, std::int64_t practice_id, std::int64_t item_id,
                          const ToolkitItemInput& in);
  void remove_item(const core::Actor& actor, std::int64_t practice_id, std::int64_t item_id);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
