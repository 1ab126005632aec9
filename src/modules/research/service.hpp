#pragma once
// Rules for research: validation, scope checks, state transitions, audit.

#include <cstdint>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/research/model.hpp"

namespace manzuma::modules {

/// What a caller wants to do with a study, checked before a request body is read.
enum class ResearchAccess { see, review, discuss };

class ResearchStudyService {
 public:
  ResearchStudyService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Everyone sees accepted and applied studies; earlier ones only national roles, the submitting
  /// organisation's staff and the assigned reviewers.
  core::Page<ResearchStudy> list(const core::Actor& actor, const core::ListQuery& q);
  ResearchStudyDetail get(const core::Actor& actor, std::int64_t id);
  /// 404 when the study is hidden from the caller; 403 when they are not an assigned reviewer (review) or
  /// not a participant (discuss).
  void require_access(const core::Actor& actor, std::int64_t id, ResearchAccess access);
  /// Submits a proposed study for the caller's organisation (national roles for any).
  ResearchStudyDetail submit(const core::Actor& actor, const ResearchStudyInput& in);
  /// National roles assign reviewers; a proposed study moves under review. Each reviewer is notified.
  ResearchStudyDetail assign_reviewers(const core::Actor& actor, std::int64_t id, const ReviewerAssignment& in);
  /// An assigned reviewer records (or revises) their recommendation while the study is under review.
  ResearchStudyDetail recommend(const core::Actor& actor, std::int64_t id, const RecommendationInput& in);
  ResearchStudyDetail comment(const core::Actor& actor, std::int64_t id, const ResearchCommentInput& in);
  /// National roles accept or reject (with a reason) a study under review.
  ResearchStudyDetail decide(const core::Actor& actor, std::int64_t id, const DecisionInput& in);
  /// Turns an accepted study into a draft practice and links it; the study becomes applied.
  ResearchStudyDetail apply(const core::Actor& actor, std::int64_t id, const ApplyInput& in);

 private:
  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules
