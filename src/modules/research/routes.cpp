// HTTP glue for research: parse, call the service, return. No SQL, no rules.

#include "modules/research/routes.hpp"

#include "core/json.hpp"
#include "http/list_query.hpp"
#include "modules/research/service.hpp"
#include "platform/export/export_route.hpp"

namespace manzuma::modules {

void research_routes(http::Router& r, ResearchStudyService& svc) {
  static const std::vector<std::string_view> kFilters = {"edition_id", "organization_id", "status", "reviewer_id"};
  static const std::vector<std::string_view> kSorts = {"title_ar", "title_en", "id"};
  r.set_tag("research");
  r.get<core::Page<ResearchStudy>>(
      "/api/v1/research",
      {.action = "research.read",
       .summary = "Research studies (q searches titles and authors)",
       .query = http::list_query_doc(kFilters)},
      [&svc](http::Context& c) { return svc.list(c.actor(), http::parse_list_query(c.request, kFilters, kSorts)); });
  platform::list_export<ResearchStudy>(
      r, "/api/v1/research",
      {.action = "research.read",
       .title_ar = "البحوث",
       .title_en = "research",
       .labels = platform::record_export_labels()},
      kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
  r.get<ResearchStudyDetail>("/api/v1/research/{id}",
                             {.action = "research.read", .summary = "One study with its reviews and comments"},
                             [&svc](http::Context& c) { return svc.get(c.actor(), c.id()); });
  r.post<ResearchStudyInput, ResearchStudyDetail>(
      "/api/v1/research", {.action = "research.submit", .summary = "Propose a research study", .status = 201},
      [&svc](http::Context& c, ResearchStudyInput in) { return svc.submit(c.actor(), in); });
  auto sees = [&svc](http::Context& c) { svc.require_access(c.actor(), c.id(), ResearchAccess::see); };
  auto reviews = [&svc](http::Context& c) { svc.require_access(c.actor(), c.id(), ResearchAccess::review); };
  auto discusses = [&svc](http::Context& c) { svc.require_access(c.actor(), c.id(), ResearchAccess::discuss); };
  r.checked<ReviewerAssignment, ResearchStudyDetail>(
      http::Method::post, "/api/v1/research/{id}/reviewers",
      {.action = "research.decide", .summary = "Assign reviewers (a proposed study goes under review)"}, sees,
      [&svc](http::Context& c, ReviewerAssignment in) { return svc.assign_reviewers(c.actor(), c.id(), in); });
  r.checked<RecommendationInput, ResearchStudyDetail>(
      http::Method::post, "/api/v1/research/{id}/recommendation",
      {.action = "research.review", .summary = "An assigned reviewer's recommendation"}, reviews,
      [&svc](http::Context& c, RecommendationInput in) { return svc.recommend(c.actor(), c.id(), in); });
  r.checked<ResearchCommentInput, ResearchStudyDetail>(
      http::Method::post, "/api/v1/research/{id}/comments",
      {.action = "research.comment", .summary = "Add to a study's discussion"}, discusses,
      [&svc](http::Context& c, ResearchCommentInput in) { return svc.comment(c.actor(), c.id(), in); });
  r.checked<DecisionInput, ResearchStudyDetail>(
      http::Method::post, "/api/v1/research/{id}/decision",
      {.action = "research.decide", .summary = "Accept or reject a study"}, sees,
      [&svc](http::Context& c, DecisionInput in) { return svc.decide(c.actor(), c.id(), in); });
  r.checked<ApplyInput, ResearchStudyDetail>(
      http::Method::post, "/api/v1/research/{id}/practice",
      {.action = "research.decide", .summary = "Turn an accepted study into a draft practice"}, sees,
      [&svc](http::Context& c, ApplyInput in) { return svc.apply(c.actor(), c.id(), in); });
}

}  // namespace manzuma::modules
