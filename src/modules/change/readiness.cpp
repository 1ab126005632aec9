#include "modules/change/readiness.hpp"

#include "core/crypto.hpp"
#include "core/day.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "modules/change/initiative_access.hpp"
#include "modules/change/readiness_repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/validation.hpp"

namespace manzuma::modules::change {

namespace repo = readiness;

std::optional<double> mean(std::int64_t sum, std::int64_t n) {
  if (n <= 0) return std::nullopt;
  return static_cast<double>(
             static_cast<std::int64_t>(static_cast<double>(sum) * 100.0 / static_cast<double>(n) + 0.5)) /
         100.0;
}

std::optional<AdkarElement> barrier_point(const readiness::TallySums& t) {
  if (t.responses <= 0) return std::nullopt;
  // On the sums: a mean of 3.004 shows as 3.00 but is not a barrier; 2.996 shows as 3.00 and is one.
  const std::pair<std::int64_t, AdkarElement> order[] = {{t.awareness, AdkarElement::awareness},
                                                         {t.desire, AdkarElement::desire},
                                                         {t.knowledge, AdkarElement::knowledge},
                                                         {t.ability, AdkarElement::ability},
                                                         {t.reinforcement, AdkarElement::reinforcement}};
  for (const auto& [sum, element] : order)
    if (sum <= 3 * t.responses) return element;
  return std::nullopt;
}

bool survey_closed(SurveyStatus status, std::string_view closes_on, std::string_view today) {
  return status == SurveyStatus::closed || closes_on < today;
}

void publish_result(SurveyGroupResult& g, const readiness::TallySums& t, bool closed) {
  g.awareness = g.desire = g.knowledge = g.ability = g.reinforcement = std::nullopt;
  g.barrier_point = std::nullopt;
  g.results_hidden_reason = std::nullopt;
  if (!closed) {
    g.results_hidden_reason = ResultsHiddenReason::open;
    return;
  }
  if (t.responses < kMinResponses) {
    g.results_hidden_reason = ResultsHiddenReason::too_few;
    return;
  }
  g.awareness = mean(t.awareness, t.responses);
  g.desire = mean(t.desire, t.responses);
  g.knowledge = mean(t.knowledge, t.responses);
  g.ability = mean(t.ability, t.responses);
  g.reinforcement = mean(t.reinforcement, t.responses);
  g.barrier_point = barrier_point(t);
}

namespace {

constexpr std::size_t kMaxLinks = 500;
constexpr std::size_t kMaxComment = 2000;

core::Error survey_not_found() { return core::Error::not_found("الاستبيان غير موجود", "The survey was not found"); }
core::Error link_not_found() {
  return core::Error::not_found("رابط الاستبيان غير صالح", "The survey link is not valid");
}

// The rounds as the readers see them: a group's means only once the round is closed and with enough answers.
std::vector<ChangeSurvey> results_of(std::vector<repo::SurveyRound> rounds, std::string_view today) {
  std::vector<ChangeSurvey> out;
  out.reserve(rounds.size());
  for (auto& r : rounds) {
    const bool closed = survey_closed(r.survey.status, r.survey.closes_on, today);
    for (std::size_t k = 0; k < r.survey.groups.size(); ++k) publish_result(r.survey.groups[k], r.sums[k], closed);
    out.push_back(std::move(r.survey));
  }
  return out;
}

ChangeSurvey survey_of(db::Session& s, std::int64_t initiative_id, std::int64_t survey_id, std::string_view today) {
  for (auto& sv : results_of(repo::surveys_of(s, initiative_id), today))
    if (sv.id == survey_id) return std::move(sv);
  throw survey_not_found();
}

void check_score(platform::Validator& v, std::string_view field, std::int64_t score) {
  if (score < 1 || score > 5) v.fail(field, "out_of_range", "الدرجة من 1 إلى 5", "The score is from 1 to 5");
}

// A survey takes answers until it is closed, its closing day has passed, or its initiative is completed or
// cancelled.
bool takes_no_answers(const repo::LinkFacts& l, std::string_view today) {
  return survey_closed(l.status, l.closes_on, today) || is_final(l.initiative_status);
}

// What the respondent sees; a survey that takes no more answers reads as closed.
PublicSurvey public_of(const repo::LinkFacts& l, std::string_view today) {
  return {l.title_ar,
          l.title_en,
          l.initiative_title_ar,
          l.initiative_title_en,
          l.organization_name_ar,
          l.organization_name_en,
          l.group_name_ar,
          l.group_name_en,
          l.closes_on,
          takes_no_answers(l, today) ? SurveyStatus::closed : l.status,
          l.used};
}

}  // namespace

std::string ReadinessService::today() const { return core::today(clock_); }

std::vector<ChangeSurvey> ReadinessService::surveys(const core::Actor& actor, std::int64_t initiative_id) {
  const auto day = today();
  return db_.read([&](db::Session& s) {
    load_initiative(s, actor, initiative_id, false);
    return results_of(repo::surveys_of(s, initiative_id), day);
  });
}

void ReadinessService::require_visible(const core::Actor& actor, std::int64_t initiative_id) {
  db_.read([&](db::Session& s) { load_initiative(s, actor, initiative_id, false); });
}

ChangeSurvey ReadinessService::create_survey(const core::Actor& actor, std::int64_t initiative_id,
                                             const SurveyInput& in) {
  const auto now = core::iso8601(clock_.now());
  return db_.write([&](db::Session& s) {
    const auto initiative = load_initiative(s, actor, initiative_id, true);
    platform::Validator v;
    repo::SurveyRow row;
    row.initiative_id = initiative_id;
    row.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    row.title_en = v.text("title_en", in.title_en, 2, 300);
    row.opens_on = in.opens_on;
    row.closes_on = in.closes_on;
    v.day_range("opens_on", row.opens_on, "closes_on", row.closes_on, "date");
    v.check();
    require_not_final(initiative);
    row.status = SurveyStatus::open;
    const auto id = repo::insert_survey(s, row, actor.user_id, now);
    auto stored = survey_of(s, initiative_id, id, today());
    platform::audit(s, clock_, &actor, actor.origin,
                    {"change_survey.create", "change_survey", std::to_string(id), initiative.organization_id,
                     core::json::encode(stored).as_object()});
    return stored;
  });
}

ChangeSurvey ReadinessService::update_survey(const core::Actor& actor, std::int64_t initiative_id,
                                             std::int64_t survey_id, const SurveyUpdate& in) {
  const auto now = core::iso8601(clock_.now());
  return db_.write([&](db::Session& s) {
    const auto initiative = load_initiative(s, actor, initiative_id, true);
    auto current = repo::find_survey(s, initiative_id, survey_id);
    if (!current) throw survey_not_found();
    platform::Validator v;
    auto row = *current;
    row.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    row.title_en = v.text("title_en", in.title_en, 2, 300);
    row.closes_on = in.closes_on;
    // opens_on was checked when the round opened and cannot change.
    v.day_range("opens_on", row.opens_on, "closes_on", row.closes_on, "date");
    v.check();
    require_not_final(initiative);
    if (in.version != current->version) throw platform::stale_version();
    row.status = in.status;
    row.version = current->version + 1;
    const auto before = core::json::encode(*current);
    if (!repo::update_survey(s, row, now)) throw platform::stale_version();
    platform::audit(s, clock_, &actor, actor.origin,
                    {"change_survey.update", "change_survey", std::to_string(survey_id), initiative.organization_id,
                     platform::changes_between(before, core::json::encode(row))});
    return survey_of(s, initiative_id, survey_id, today());
  });
}

SurveyLinkBatch ReadinessService::create_links(const core::Actor& actor, std::int64_t initiative_id,
                                               std::int64_t survey_id, const SurveyLinkRequest& in) {
  const auto now = core::iso8601(clock_.now());
  return db_.write([&](db::Session& s) {
    const auto initiative = load_initiative(s, actor, initiative_id, true);
    const auto survey = repo::find_survey(s, initiative_id, survey_id);
    if (!survey) throw survey_not_found();
    platform::Validator v;
    if (in.count < 1 || in.count > static_cast<std::int64_t>(kMaxLinks))
      v.fail("count", "out_of_range", "عدد الروابط من 1 إلى 500", "The number of links is from 1 to 500");
    const auto group = repo::find_group(s, in.group_id);
    if (!group || group->organization_id != initiative.organization_id)
      v.fail("group_id", "not_found", "الفئة ليست من فئات جهة المبادرة",
             "The group is not one of the initiative's entity's groups");
    v.check();
    require_not_final(initiative);
    if (survey->status == SurveyStatus::closed || survey->closes_on < today())
      throw core::Error(core::ErrorKind::conflict, "survey_closed", "الاستبيان مغلق؛ لا تصدر له روابط جديدة",
                        "The survey is closed; it takes no new links", "status");
    SurveyLinkBatch batch;
    batch.group_id = in.group_id;
    std::vector<std::string> hashes;
    hashes.reserve(static_cast<std::size_t>(in.count));
    for (std::int64_t k = 0; k < in.count; ++k) {
      // As the platform makes session and API tokens: 32 random bytes, URL-safe base64; only the hash is kept.
      auto token = core::random_token(32);
      hashes.push_back(core::sha256_hex(token));
      batch.links.push_back({token, "/s/" + token});
    }
    repo::insert_links(s, survey_id, in.group_id, hashes, now);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"change_survey.links", "change_survey", std::to_string(survey_id), initiative.organization_id,
                     boost::json::object{{"group_id", in.group_id}, {"count", in.count}}});
    return batch;
  });
}

PublicSurvey ReadinessService::public_survey(std::string_view token) {
  if (token.empty() || token.size() > 128) throw link_not_found();
  const auto hash = core::sha256_hex(token);
  const auto day = today();
  return db_.read([&](db::Session& s) {
    auto link = repo::find_link(s, hash);
    if (!link) throw link_not_found();
    return public_of(*link, day);
  });
}

PublicSurvey ReadinessService::answer(std::string_view token, const SurveyAnswer& in, const core::Origin& origin) {
  if (token.empty() || token.size() > 128) throw link_not_found();
  const auto hash = core::sha256_hex(token);
  const auto day = today();
  return db_.write([&](db::Session& s) {
    auto link = repo::find_link(s, hash);
    if (!link) throw link_not_found();
    platform::Validator v;
    check_score(v, "awareness", in.awareness);
    check_score(v, "desire", in.desire);
    check_score(v, "knowledge", in.knowledge);
    check_score(v, "ability", in.ability);
    check_score(v, "reinforcement", in.reinforcement);
    std::string comment = core::trim(in.comment.value_or(""));
    if (core::utf8_length(comment) > kMaxComment)
      v.fail("comment", "too_long", "التعليق أطول من 2000 حرف", "The comment is longer than 2000 characters");
    v.check();
    if (takes_no_answers(*link, day))
      throw core::Error(core::ErrorKind::conflict, "survey_closed", "أُغلق هذا الاستبيان؛ شكرًا لاهتمامك",
                        "This survey is closed; thank you for your interest");
    if (link->opens_on > day)
      throw core::Error(core::ErrorKind::conflict, "survey_not_open", "لم يُفتح هذا الاستبيان بعد",
                        "This survey is not open yet");
    // One answer per link: the guarded update decides, inside this transaction, which of two racing answers counts.
    if (!repo::use_link(s, hash))
      throw core::Error(core::ErrorKind::conflict, "link_used", "أُجيب عن الاستبيان بهذا الرابط من قبل",
                        "This link has already been used to answer the survey");
    repo::insert_response(s, link->survey_id, link->group_id, in, comment, day);
    // Anonymous by design: no user, no address, no link; the survey alone is named.
    const core::Origin anonymous{origin.request_id, "", ""};
    platform::audit(
        s, clock_, nullptr, anonymous,
        {"change_survey.answer", "change_survey", std::to_string(link->survey_id), link->organization_id, {}},
        "anonymous");
    link->used = true;
    return public_of(*link, day);
  });
}

}  // namespace manzuma::modules::change
