#pragma once
// Rules for editions: validation, state transitions (planning → open → closed), audit.

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/editions/model.hpp"

namespace manzuma::modules {

class EditionService {
 public:
  EditionService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Everyone signed in reads editions.
  core::Page<Edition> list(const core::Actor& actor, const core::ListQuery& q);
  Edition get(const core::Actor& actor, std::int64_t id);
  /// The program office creates an edition; it starts in planning.
  Edition create(const core::Actor& actor, const EditionInput& in);
  Edition update(const core::Actor& actor, std::int64_t id, const EditionUpdate& in);
  /// planning → open → closed only; anything else is a 409 naming the current status.
  Edition transition(const core::Actor& actor, std::int64_t id, const EditionTransition& in);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
