#pragma once
// Rules for research: validation, scope checks, state transitions, audit.

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace manzuma::modules {

class ResearchStudyService {
 public:
  ResearchStudyService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

 private:
  [[maybe_unused]] db::Database& db_;
  [[maybe_unused]] const core::Clock& clock_;
};

}  // namespace manzuma::modules
