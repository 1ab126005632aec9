// HTTP glue for readiness and insights: parse, call the service, return. No SQL, no rules.

#include "modules/change/readiness_routes.hpp"

#include <charconv>

#include "http/list_query.hpp"
#include "modules/change/insights.hpp"
#include "modules/change/readiness.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules::change {

namespace {

const std::string kBase = "/api/v1/change";

// A write under an initiative whose body is decoded only after the caller is known to read the initiative, so
// another entity's initiative is a 404 whatever the body holds.
template <class In, class Out, class F>
void initiative_write(http::Router& r, http::Method method, std::string path, http::RouteDoc doc, ReadinessService& svc,
                      F fn) {
  r.checked<In, Out>(
      method, std::move(path), std::move(doc), [&svc](http::Context& c) { svc.require_visible(c.actor(), c.id()); },
      std::move(fn));
}

std::optional<std::int64_t> int_param(const http::Context& c, std::string_view name, bool required) {
  const auto raw = c.request.query_param(name);
  if (!raw || raw->empty()) {
    if (required)
      throw core::Error::invalid_field(std::string(name), "required", "هذا المعامل مطلوب",
                                       "This parameter is required");
    return std::nullopt;
  }
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || p != raw->data() + raw->size())
    throw core::Error::invalid_field(std::string(name), "invalid_parameter", "القيمة ليست عددًا صحيحًا",
                                     "The value is not a whole number");
  return v;
}

// ?organization_id=&from=&months= of the heatmap; anything else is a 400 naming it.
Saturation saturation_of(const http::Context& c, ChangeInsightsService& svc) {
  for (const auto& [key, value] : c.request.query)
    if (key != "organization_id" && key != "from" && key != "months")
      throw core::Error::invalid_field(key, "invalid_parameter", "معامل غير معروف", "Unknown query parameter");
  const auto org = int_param(c, "organization_id", true);
  std::optional<std::string> from;
  if (auto f = c.request.query_param("from")) from = std::string(*f);
  return svc.saturation(c.actor(), *org, from, int_param(c, "months", false));
}

void send_entities(http::Context& c, ChangeInsightsService& svc, platform::ExportFormat format) {
  const auto table = svc.national_entities_table(c.actor(), c.locale());
  platform::detail::send_export(
      c, table, format, {.action = "change.national", .title_ar = "جهات التغيير", .title_en = "change-entities"});
}

}  // namespace

void change_readiness_routes(http::Router& r, ReadinessService& readiness, ChangeInsightsService& insights) {
  using http::Method;
  r.set_tag("change");
  r.get<std::vector<ChangeSurvey>>(
      kBase + "/initiatives/{id}/surveys",
      {.action = "change.read",
       .summary = "The initiative's ADKAR survey rounds in order, with each group's means and barrier point"},
      [&readiness](http::Context& c) { return readiness.surveys(c.actor(), c.id()); });
  initiative_write<SurveyInput, ChangeSurvey>(
      r, Method::post, kBase + "/initiatives/{id}/surveys",
      {.action = "change.manage", .summary = "Open the next survey round", .status = 201}, readiness,
      [&readiness](http::Context& c, SurveyInput in) { return readiness.create_survey(c.actor(), c.id(), in); });
  initiative_write<SurveyUpdate, ChangeSurvey>(
      r, Method::put, kBase + "/initiatives/{id}/surveys/{survey_id}",
      {.action = "change.manage", .summary = "Edit a round's titles and closing day, or close it (send the version)"},
      readiness, [&readiness](http::Context& c, SurveyUpdate in) {
        return readiness.update_survey(c.actor(), c.id(), c.id("survey_id"), in);
      });
  initiative_write<SurveyLinkRequest, SurveyLinkBatch>(
      r, Method::post, kBase + "/initiatives/{id}/surveys/{survey_id}/links",
      {.action = "change.manage",
       .summary = "Issue 1–500 one-time answer links for a group; the tokens are shown only in this answer",
       .status = 201,
       .returns_secret = true},
      readiness, [&readiness](http::Context& c, SurveyLinkRequest in) {
        return readiness.create_links(c.actor(), c.id(), c.id("survey_id"), in);
      });

  // The respondent's page: no account. Only the link's 256-bit token names the survey.
  r.get<PublicSurvey>(kBase + "/survey/{token}",
                      {.action = http::kPublic,
                       .summary = "What a survey link shows its respondent (no account)",
                       .secret_in_path = true},
                      [&readiness](http::Context& c) { return readiness.public_survey(c.param("token")); });
  // The link is looked up before the body is read, so an unknown link is a 404 whatever the body holds.
  r.add(
      Method::post, kBase + "/survey/{token}",
      {.action = http::kPublic,
       .summary = "Answer a survey once through its link (no account; anonymous: the answer does not name its link)",
       .status = 201,
       .secret_in_path = true},
      [&readiness](http::Context& c) {
        readiness.public_survey(c.param("token"));
        const auto out = readiness.answer(c.param("token"), core::json::decode<SurveyAnswer>(c.json_body()),
                                          {c.request.request_id, {}, {}});
        c.response.status = 201;
        c.response.body = core::json::to_text_of(out);
      },
      &core::json::schema<SurveyAnswer>, &core::json::schema<PublicSurvey>);

  r.get<Saturation>(kBase + "/saturation",
                    {.action = "change.read",
                     .summary = "An entity's groups × months change load against its capacity (from=YYYY-MM, "
                                "months 1–36), naming the initiatives behind each cell",
                     .query = {"organization_id", "from", "months"}},
                    [&insights](http::Context& c) { return saturation_of(c, insights); });

  static const std::vector<std::string_view> kEntityFilters = {"governance_project"};
  static const std::vector<std::string_view> kEntitySorts = {"id"};
  r.get<core::Page<ChangeEntity>>(
      kBase + "/entities",
      {.action = "change.national",
       .summary = "Government entities with their saturation capacity and governance-project flag",
       .query = http::list_query_doc(kEntityFilters)},
      [&insights](http::Context& c) {
        return insights.entities(c.actor(), http::parse_list_query(c.request, kEntityFilters, kEntitySorts));
      });
  r.put<ChangeEntityUpdate, ChangeEntity>(
      kBase + "/entities/{organization_id}",
      {.action = "change.govern", .summary = "Set an entity's capacity (1–500) and governance-project flag"},
      [&insights](http::Context& c, ChangeEntityUpdate in) {
        return insights.update_entity(c.actor(), c.id("organization_id"), in);
      });

  r.get<NationalChange>(kBase + "/national",
                        {.action = "change.national",
                         .summary = "Every entity's initiatives by gate, readiness trend, late plans, saturated "
                                    "entities and the governance project's entities side by side"},
                        [&insights](http::Context& c) { return insights.national(c.actor()); });
  r.add(Method::get, kBase + "/national/entities.csv",
        {.action = "change.national",
         .summary = "The national view's by-entity table as CSV (UTF-8 with BOM)",
         .produces = "text/csv"},
        [&insights](http::Context& c) { send_entities(c, insights, platform::ExportFormat::csv); });
  r.add(Method::get, kBase + "/national/entities.xlsx",
        {.action = "change.national",
         .summary = "The national view's by-entity table as XLSX",
         .produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        [&insights](http::Context& c) { send_entities(c, insights, platform::ExportFormat::xlsx); });
}

}  // namespace manzuma::modules::change
