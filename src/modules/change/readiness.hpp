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
#include "modules/change/readiness_repository.hpp"

namespace manzuma::modules::change {

/// `sum / n` to two decimals (what the heatmap and the charts show); none when `n` is 0.
std::optional<double> mean(std::int64_t sum, std::int64_t n);

/// The barrier point of answers summed per element: the first element, in ADKAR order, whose mean is 3 or less,
/// judged on the sums (`sum <= 3 * responses`), not on rounded means. None without answers or when every mean is
/// above 3.
std::optional<AdkarElement> barrier_point(const readiness::TallySums& sums);

/// A survey is closed when it was closed or its closing day has passed (`today` "YYYY-MM-DD").
bool survey_closed(SurveyStatus status, std::string_view closes_on, std::string_view today);

/// A group's public result from its sums: means and barrier point when `closed` and it has kMinResponses answers or
/// more; otherwise none, with the reason.
void publish_result(SurveyGroupResult& group, const readiness::TallySums& sums, bool closed);

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
