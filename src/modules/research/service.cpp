#include "modules/research/service.hpp"

#include <algorithm>
#include <set>

#include "core/json.hpp"
#include "modules/notifications/api.hpp"
#include "modules/practices/api.hpp"
#include "modules/research/access.hpp"
#include "modules/research/repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

using core::Role;
namespace repo = research;

namespace {

constexpr std::size_t kLongText = 8000;

using research::kStaff;
const std::initializer_list<Role> kSubmitters = {Role::entity_coordinator, Role::change_team_head, Role::practice_owner,
                                                 Role::contributor};

core::Error study_not_found() { return core::Error::not_found("البحث غير موجود", "The research study was not found"); }

const char* status_ar(ResearchStatus s) {
  switch (s) {
    case ResearchStatus::proposed:
      return "مقترح";
    case ResearchStatus::under_review:
      return "قيد التحكيم";
    case ResearchStatus::accepted:
      return "مقبول";
    case ResearchStatus::applied:
      return "محوَّل إلى ممارسة";
    case ResearchStatus::rejected:
      return "مرفوض";
  }
  return "";
}

core::Error illegal(ResearchStatus current, std::string_view action_ar, std::string_view action_en) {
  return core::Error(
      core::ErrorKind::conflict, "illegal_transition",
      std::string("حالة البحث «") + status_ar(current) + "»؛ لا يمكن " + std::string(action_ar),
      "The study is " + std::string(core::json::enum_name(current)) + "; it cannot " + std::string(action_en),
      "status");
}

struct Loaded {
  ResearchStudy study;
  std::string path;
  bool reviewer = false;
  /// National, the submitting organisation's staff, or an assigned reviewer.
  bool participant = false;
};

Loaded load(db::Session& s, const core::Actor& actor, std::int64_t id) {
  auto study = repo::find(s, id);
  if (!study) throw study_not_found();
  Loaded l{*study, repo::organization_path_of(s, id).value_or("/none/"), false, false};
  l.reviewer = repo::is_reviewer(s, id, actor.user_id);
  l.participant = actor.is_national() || l.reviewer || actor.covers(l.path, kStaff);
  if (!l.participant && !research::is_public(study->status)) throw study_not_found();
  return l;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    auto line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) out.push_back(std::move(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

ResearchStudyDetail detail(db::Session& s, const core::Actor& actor, const Loaded& l) {
  ResearchStudyDetail d;
  d.study = repo::find(s, l.study.id).value_or(l.study);
  auto t = repo::texts(s, l.study.id);
  d.authors = split_lines(t.authors);
  d.abstract_ar = std::move(t.abstract_ar);
  d.abstract_en = std::move(t.abstract_en);
  d.attachments = repo::attachments(s, l.study.id);
  d.reviewers = repo::reviewers(s, l.study.id);
  d.comments = repo::comments(s, l.study.id);
  d.can_decide = actor.is_national();
  d.can_recommend = l.reviewer && d.study.status == ResearchStatus::under_review;
  d.can_comment = l.participant;
  return d;
}

void require_edition_open(db::Session& s, platform::Validator& v, std::int64_t edition_id) {
  const auto status = repo::edition_status(s, edition_id);
  if (!status)
    v.fail("edition_id", "not_found", "النسخة غير موجودة", "The edition does not exist");
  else if (*status == "closed")
    throw core::Error(core::ErrorKind::conflict, "edition_closed", "النسخة مغلقة؛ لا تُقبل فيها بحوث جديدة",
                      "The edition is closed; no new studies can be submitted to it", "edition_id");
}

std::string link(std::int64_t id) { return "/research/" + std::to_string(id); }

void tell(db::Session& s, const core::Clock& clock, std::int64_t user, std::string kind, const ResearchStudy& r,
          std::string title_ar, std::string title_en, std::optional<std::string> dedupe = std::nullopt) {
  Notice n;
  n.user_id = user;
  n.kind = std::move(kind);
  n.title_ar = std::move(title_ar);
  n.title_en = std::move(title_en);
  n.body_ar = r.title_ar;
  n.body_en = r.title_en;
  n.link = link(r.id);
  n.resource_type = "research";
  n.resource_id = std::to_string(r.id);
  n.dedupe_key = std::move(dedupe);
  notify(s, clock, n);
}

// Writes the new state with optimistic concurrency and an audit row of the status change.
void save_state(db::Session& s, const core::Clock& clock, const core::Actor& actor, const ResearchStudy& before,
                ResearchStudy after, const std::string& action, boost::json::object extra = {}) {
  after.version = before.version + 1;
  after.updated_at = core::iso8601(clock.now());
  if (!repo::update_state(s, after)) throw platform::stale_version();
  if (before.status != after.status)
    extra["status"] = {{"from", core::json::enum_name(before.status)}, {"to", core::json::enum_name(after.status)}};
  platform::audit(s, clock, &actor, actor.origin,
                  {action, "research", std::to_string(before.id), before.organization_id, std::move(extra)});
}

}  // namespace

core::Page<ResearchStudy> ResearchStudyService::list(const core::Actor& actor, const core::ListQuery& q) {
  return db_.read([&](db::Session& s) {
    std::optional<repo::Viewer> viewer;
    if (!actor.is_national()) {
      viewer = repo::Viewer{actor.user_id, {}};
      for (const auto& m : actor.memberships) viewer->paths.push_back(m.organization_path);
    }
    return repo::list(s, q, viewer);
  });
}

ResearchStudyDetail ResearchStudyService::get(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) { return detail(s, actor, load(s, actor, id)); });
}

void ResearchStudyService::require_access(const core::Actor& actor, std::int64_t id, ResearchAccess access) {
  db_.read([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (access == ResearchAccess::review && !l.reviewer) throw core::Error::forbidden();
    if (access == ResearchAccess::discuss && !l.participant) throw core::Error::forbidden();
  });
}

ResearchStudyDetail ResearchStudyService::submit(const core::Actor& actor, const ResearchStudyInput& in) {
  return db_.write([&](db::Session& s) {
    platform::Validator v;
    const auto path = platform::organization_path(s, in.organization_id);
    if (!path)
      v.fail("organization_id", "not_found", "الجهة غير موجودة", "The organisation does not exist");
    else if (!actor.is_national() && !actor.covers(*path, kSubmitters))
      throw core::Error::forbidden();
    ResearchStudy r;
    r.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    r.title_en = v.text("title_en", in.title_en, 2, 300);
    repo::StudyTexts t;
    if (in.authors.empty() || in.authors.size() > 20)
      v.fail("authors", "count", "اذكر مؤلفًا واحدًا على الأقل (20 على الأكثر)", "Name between 1 and 20 authors");
    for (std::size_t i = 0; i < in.authors.size() && i < 20; ++i) {
      auto a = v.text("authors[" + std::to_string(i) + "]", in.authors[i], 2, 200);
      if (!t.authors.empty()) t.authors += '\n';
      t.authors += a;
    }
    t.abstract_ar = v.text("abstract_ar", in.abstract_ar.value_or(""), 0, kLongText);
    t.abstract_en = v.text("abstract_en", in.abstract_en.value_or(""), 0, kLongText);
    const auto ids = in.attachment_ids.value_or(std::vector<std::int64_t>{});
    if (ids.size() > 20) v.fail("attachment_ids", "count", "20 مرفقًا على الأكثر", "At most 20 attachments");
    if (std::set<std::int64_t>(ids.begin(), ids.end()).size() != ids.size())
      v.fail("attachment_ids", "duplicate", "مرفق مكرر", "An attachment is listed twice");
    for (std::size_t i = 0; i < ids.size() && i < 20; ++i) {
      const auto org = repo::attachment_organization(s, ids[i]);
      const auto apath = org ? platform::organization_path(s, *org) : std::nullopt;
      if (!apath || !(actor.is_national() || actor.covers(*apath, kSubmitters)))
        v.fail("attachment_ids[" + std::to_string(i) + "]", "not_found", "المرفق غير موجود",
               "The attachment was not found");
    }
    require_edition_open(s, v, in.edition_id);
    v.check();

    r.edition_id = in.edition_id;
    r.organization_id = in.organization_id;
    r.submitted_by = actor.user_id;
    r.status = ResearchStatus::proposed;
    r.created_at = r.updated_at = core::iso8601(clock_.now());
    r.id = repo::insert(s, r, t);
    for (std::size_t i = 0; i < ids.size(); ++i) repo::add_attachment(s, r.id, ids[i], static_cast<std::int64_t>(i));
    auto stored = *repo::find(s, r.id);
    auto changes = core::json::encode(stored).as_object();
    changes["authors"] = t.authors;
    platform::audit(s, clock_, &actor, actor.origin,
                    {"research.submit", "research", std::to_string(r.id), r.organization_id, std::move(changes)});
    search::enqueue(s, "study", r.id);
    for (auto user : program_office_users(s))
      if (user != actor.user_id)
        tell(s, clock_, user, "research.submitted", stored, "بحث علمي جديد مقترح", "A new research study was proposed");
    return detail(s, actor, load(s, actor, r.id));
  });
}

ResearchStudyDetail ResearchStudyService::assign_reviewers(const core::Actor& actor, std::int64_t id,
                                                           const ReviewerAssignment& in) {
  return db_.write([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (!actor.is_national()) throw core::Error::forbidden();
    if (l.study.status != ResearchStatus::proposed && l.study.status != ResearchStatus::under_review)
      throw illegal(l.study.status, "إسناد محكّمين له", "get reviewers");
    platform::Validator v;
    if (in.user_ids.empty() || in.user_ids.size() > 10)
      v.fail("user_ids", "count", "اختر محكّمًا واحدًا على الأقل (10 على الأكثر)", "Choose between 1 and 10 reviewers");
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < in.user_ids.size() && i < 10; ++i) {
      const auto u = in.user_ids[i];
      const std::string field = "user_ids[" + std::to_string(i) + "]";
      if (!repo::active_user(s, u))
        v.fail(field, "not_found", "المستخدم غير موجود أو غير نشط", "The user does not exist or is inactive");
      else if (u == l.study.submitted_by)
        v.fail(field, "submitter", "لا يحكّم مقدّم البحث بحثه", "The submitter cannot review their own study");
      else if (!seen.insert(u).second)
        v.fail(field, "duplicate", "المحكّم مكرر", "The reviewer is listed twice");
    }
    v.check();
    if (in.version != l.study.version) throw platform::stale_version();
    const auto now = core::iso8601(clock_.now());
    boost::json::array added;
    for (auto u : seen) {
      if (repo::is_reviewer(s, id, u)) continue;
      repo::add_reviewer(s, id, u, now);
      added.push_back(u);
      tell(s, clock_, u, "research.assigned", l.study, "أُسند إليك تحكيم بحث علمي",
           "You were asked to review a research study", "research.assigned:" + std::to_string(id));
    }
    ResearchStudy after = l.study;
    after.status = ResearchStatus::under_review;
    save_state(s, clock_, actor, l.study, after, "research.assign_reviewers", {{"reviewers_added", added}});
    // The reviewers see the study from now on, in search too.
    search::enqueue(s, "study", id);
    return detail(s, actor, load(s, actor, id));
  });
}

ResearchStudyDetail ResearchStudyService::recommend(const core::Actor& actor, std::int64_t id,
                                                    const RecommendationInput& in) {
  return db_.write([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (!l.reviewer) throw core::Error::forbidden();
    if (l.study.status != ResearchStatus::under_review)
      throw illegal(l.study.status, "تسجيل توصية", "take a recommendation");
    platform::Validator v;
    const auto comments = v.text("comments", in.comments, 0, kLongText);
    if (in.recommendation != Recommendation::accept && comments.empty())
      v.fail("comments", "required", "اذكر ملاحظاتك لتوصية التعديل أو الرفض",
             "Explain a recommendation to revise or reject");
    v.check();
    // No search::enqueue here or in comment(): neither changes the study's search document nor who reads it.
    repo::set_recommendation(s, id, actor.user_id, in.recommendation, comments, core::iso8601(clock_.now()));
    platform::audit(s, clock_, &actor, actor.origin,
                    {"research.recommend",
                     "research",
                     std::to_string(id),
                     l.study.organization_id,
                     {{"recommendation", core::json::enum_name(in.recommendation)}, {"comments", comments}}});
    for (auto user : program_office_users(s))
      tell(s, clock_, user, "research.recommended", l.study, "سجّل محكّم توصيته على بحث علمي",
           "A reviewer recorded a recommendation on a research study");
    return detail(s, actor, load(s, actor, id));
  });
}

ResearchStudyDetail ResearchStudyService::comment(const core::Actor& actor, std::int64_t id,
                                                  const ResearchCommentInput& in) {
  return db_.write([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (!l.participant) throw core::Error::forbidden();
    platform::Validator v;
    const auto body = v.text("body", in.body, 1, 4000);
    v.check();
    const auto cid = repo::add_comment(s, id, actor.user_id, body, core::iso8601(clock_.now()));
    platform::audit(s, clock_, &actor, actor.origin,
                    {"research.comment",
                     "research",
                     std::to_string(id),
                     l.study.organization_id,
                     {{"comment_id", cid}, {"body", body}}});
    return detail(s, actor, load(s, actor, id));
  });
}

ResearchStudyDetail ResearchStudyService::decide(const core::Actor& actor, std::int64_t id, const DecisionInput& in) {
  return db_.write([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (!actor.is_national()) throw core::Error::forbidden();
    const bool accept = in.decision == ResearchDecision::accepted;
    if (l.study.status != ResearchStatus::under_review)
      throw illegal(l.study.status, accept ? "قبوله" : "رفضه", accept ? "be accepted" : "be rejected");
    platform::Validator v;
    std::optional<std::string> reason;
    if (in.reason) reason = v.text("reason", *in.reason, 0, kLongText);
    if (reason && reason->empty()) reason.reset();
    if (!accept && !reason)
      v.fail("reason", "required", "اذكر سبب الرفض؛ يظهر لمقدّم البحث", "Give the reason; the submitter sees it");
    v.check();
    if (in.version != l.study.version) throw platform::stale_version();
    ResearchStudy after = l.study;
    after.status = accept ? ResearchStatus::accepted : ResearchStatus::rejected;
    after.decision_reason = reason;
    after.decided_at = core::iso8601(clock_.now());
    save_state(s, clock_, actor, l.study, after, accept ? "research.accept" : "research.reject",
               reason ? boost::json::object{{"reason", *reason}} : boost::json::object{});
    search::enqueue(s, "study", id);
    tell(s, clock_, l.study.submitted_by, accept ? "research.accepted" : "research.rejected", l.study,
         accept ? "قُبل البحث العلمي الذي قدّمته" : "رُفض البحث العلمي الذي قدّمته",
         accept ? "Your research study was accepted" : "Your research study was rejected");
    return detail(s, actor, load(s, actor, id));
  });
}

ResearchStudyDetail ResearchStudyService::apply(const core::Actor& actor, std::int64_t id, const ApplyInput& in) {
  return db_.write([&](db::Session& s) {
    auto l = load(s, actor, id);
    if (!actor.is_national()) throw core::Error::forbidden();
    if (l.study.status != ResearchStatus::accepted)
      throw illegal(l.study.status, "تحويله إلى ممارسة", "be turned into a practice");
    if (in.version != l.study.version) throw platform::stale_version();
    const auto t = repo::texts(s, id);
    const auto practice_id =
        create_draft_practice(s, clock_, actor,
                              {l.study.edition_id, l.study.organization_id, in.category, l.study.title_ar,
                               l.study.title_en, t.abstract_ar.substr(0, 4000), t.abstract_en.substr(0, 4000)});
    ResearchStudy after = l.study;
    after.status = ResearchStatus::applied;
    after.practice_id = practice_id;
    save_state(s, clock_, actor, l.study, after, "research.apply", {{"practice_id", practice_id}});
    search::enqueue(s, "study", id);  // (the new practice enqueued itself)
    return detail(s, actor, load(s, actor, id));
  });
}

}  // namespace manzuma::modules
