#pragma once
// ADKAR readiness surveys of change initiatives: rounds, anonymous one-time links, answers and their tallies.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "modules/change/readiness_model.hpp"

namespace manzuma::modules::change {

/// The barrier point of one group: the first element, in ADKAR order, whose mean is 3 or less. Elements without
/// a mean (no answers) are skipped; none when every mean is above 3.
std::optional<AdkarElement> barrier_point(const std::array<std::optional<double>, 5>& means);

/// Readers of the initiative's entity see its surveys; its managers open rounds and issue links. Anyone holding
/// a link answers once, without an account; the answer does not name its link.
class ReadinessService {
 public:
  ReadinessService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// The initiative's rounds in order, with each group's means and barrier point.
  std::vector<ChangeSurvey> surveys(const core::Actor& actor, std::int64_t initiative_id);
  /// Throws not found unless the caller reads initiative `initiative_id` (checked before a body is decoded).
  void require_visible(const core::Actor& actor, std::int64_t initiative_id);
  /// Opens the next round (managers).
  ChangeSurvey create_survey(const core::Actor& actor, std::int64_t initiative_id, const SurveyInput& in);
  ChangeSurvey update_survey(const core::Actor& actor, std::int64_t initiative_id, std::int64_t survey_id,
                             const SurveyUpdate& in);
  /// `count` new links for a group of the initiative's entity; the tokens are returned once, only hashes kept.
  SurveyLinkBatch create_links(const core::Actor& actor, std::int64_t initiative_id, std::int64_t survey_id,
                               const SurveyLinkRequest& in);

  /// The respondent's view of a link (404 for an unknown token).
  PublicSurvey public_survey(std::string_view token);
  /// Records one answer through the link: 400 naming a score outside 1–5, 409 `link_used` the second time,
  /// 409 `survey_closed` when closed or past closes_on. Audited without a user, naming the survey only.
  PublicSurvey answer(std::string_view token, const SurveyAnswer& in, const core::Origin& origin);

 private:
  std::string today() const;

  db::Database& db_;
  const core::Clock& clock_;
};

}  // namespace manzuma::modules::change
