#include "modules/adoptions/service.hpp"

#include <algorithm>
#include <cmath>

#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/adoptions/access.hpp"
#include "modules/adoptions/health.hpp"
#include "modules/adoptions/repository.hpp"
#include "modules/notifications/api.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

using core::Role;
namespace repo = adoptions;

namespace {

constexpr std::initializer_list<Role> kManagers = {Role::entity_coordinator, Role::change_team_head};
using adoptions::kEntityReaders;

core::Error adoption_not_found() { return core::Error::not_found("التبني غير موجود", "The adoption was not found"); }

std::string status_ar(AdoptionStatus s) {
  switch (s) {
    case AdoptionStatus::draft:
      return "مسودة";
    case AdoptionStatus::submitted:
      return "مقدَّم للاعتماد";
    case AdoptionStatus::approved:
      return "معتمد";
    case AdoptionStatus::completed:
      return "مكتمل";
    case AdoptionStatus::withdrawn:
      return "مسحوب";
  }
  return "";
}

std::string status_en(AdoptionStatus s) { return std::string(core::json::enum_name(s)); }

bool visible(const core::Actor& actor, const repo::AdoptionRow& a) {
  if (actor.is_national()) return true;
  if (actor.covers(a.organization_path, kEntityReaders)) return true;
  if (actor.covers(a.practice_organization_path, {Role::practice_owner})) return true;
  return a.practice_owner_id && *a.practice_owner_id == actor.user_id;
}

bool manages(const core::Actor& actor, const repo::AdoptionRow& a) {
  return actor.is_national() || actor.covers(a.organization_path, kManagers);
}

// The adoption, or 404 when the caller may not see it; 403 when they see it but may not change it.
repo::AdoptionRow load(db::Session& s, const core::Actor& actor, std::int64_t id, bool write) {
  auto a = repo::find_row(s, id);
  if (!a || !visible(actor, *a)) throw adoption_not_found();
  if (write && !manages(actor, *a)) throw core::Error::forbidden();
  return *a;
}

// The plan is edited while it is drafted and while it is implemented, never while the program office
// reviews it or after it ended.
void require_plan_editable(const repo::AdoptionRow& a) {
  if (a.status == AdoptionStatus::draft || a.status == AdoptionStatus::approved) return;
  throw core::Error(core::ErrorKind::conflict, "plan_locked",
                    "التبني في حالة «" + status_ar(a.status) + "»؛ لا يمكن تعديل خطته الآن",
                    "The adoption is " + status_en(a.status) + "; its plan cannot be edited now", "status");
}

// Plans and their actions start and end within these years (a start in 0026 is a typo, not history); a bad
// day keeps the code this area has always answered with, "date".
constexpr core::Years kPlanYears{1900, 9999};

void check_progress(platform::Validator& v, ActionStatus status, std::int64_t percent) {
  const std::string pct = std::to_string(percent) + "%";
  if (percent < 0 || percent > 100) {
    v.fail("percent_done", "out_of_range", "نسبة الإنجاز بين 0 و100", "Percent done is between 0 and 100");
    return;
  }
  if (status == ActionStatus::done && percent != 100)
    v.fail("percent_done", "done_requires_100", "لا يمكن أن يكون الإجراء منجزاً بنسبة " + pct,
           "An action cannot be done at " + pct);
  else if (percent == 100 && status != ActionStatus::done)
    v.fail("status", "complete_requires_done", "الإجراء المنجز بنسبة 100% حالته «منجز»",
           "An action at 100% must be marked done");
  else if (status == ActionStatus::not_started && percent != 0)
    v.fail("percent_done", "not_started_requires_0", "لا يمكن أن يكون الإجراء غير مبدوء بنسبة " + pct,
           "An action cannot be not started at " + pct);
  else if (status == ActionStatus::in_progress && percent == 0)
    v.fail("percent_done", "in_progress_requires_progress", "الإجراء الجاري نسبته أكبر من 0%",
           "An action in progress is above 0%");
}

std::string link_of(std::int64_t id) { return "/adoptions/" + std::to_string(id); }

void notify_all(db::Session& s, const core::Clock& clock, const std::vector<std::int64_t>& users, Notice n,
                std::int64_t except) {
  for (auto u : users) {
    if (u == except) continue;
    n.user_id = u;
    notify(s, clock, n);
  }
}

AdoptionPermissions permissions_of(const core::Actor& actor, const repo::AdoptionRow& a) {
  AdoptionPermissions p;
  const bool manager = manages(actor, a);
  const bool national = actor.is_national();
  p.edit_plan = manager && (a.status == AdoptionStatus::draft || a.status == AdoptionStatus::approved);
  p.comment = manager && a.status != AdoptionStatus::completed && a.status != AdoptionStatus::withdrawn;
  switch (a.status) {
    case AdoptionStatus::draft:
      if (manager) p.transitions = {"submit", "withdraw"};
      break;
    case AdoptionStatus::submitted:
      if (national) p.transitions = {"approve", "return"};
      if (manager) p.transitions.push_back("withdraw");
      break;
    case AdoptionStatus::approved:
      if (manager) p.transitions = {"complete", "withdraw"};
      break;
    default:
      break;
  }
  return p;
}

}  // namespace

std::string AdoptionService::today() const { return core::today(clock_); }

core::Page<Adoption> AdoptionService::list(const core::Actor& actor, const core::ListQuery& q) {
  repo::ReadScope scope;
  scope.all = actor.is_national();
  if (!scope.all) {
    for (const auto& m : actor.memberships) {
      if (m.role == Role::practice_owner)
        scope.practice_paths.push_back(m.organization_path);
      else if (m.role != Role::assessor)
        scope.entity_paths.push_back(m.organization_path);
    }
    scope.practice_owner_id = actor.user_id;
  }
  const auto t = today();
  return db_.read([&](db::Session& s) { return repo::list(s, q, scope, t); });
}

void AdoptionService::require_visible(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load(s, actor, id, false); });
}

AdoptionDetail AdoptionService::get(const core::Actor& actor, std::int64_t id) {
  const auto t = today();
  return db_.read([&](db::Session& s) {
    auto row = load(s, actor, id, false);
    AdoptionDetail d;
    d.adoption = *repo::find(s, id, t);
    d.actions = repo::actions_of(s, id, t);
    d.milestones = repo::milestones_of(s, id);
    d.indicators = repo::indicators_of(s, id);
    d.permissions = permissions_of(actor, row);
    return d;
  });
}

AdoptionChoices AdoptionService::choices(const core::Actor&) {
  return db_.read([&](db::Session& s) { return repo::choices(s); });
}

AdoptionDetail AdoptionService::create(const core::Actor& actor, const AdoptionInput& in) {
  const auto now = core::iso8601(clock_.now());
  const auto id = db_.write([&](db::Session& s) {
    // Scope first: a coordinator names only their own entity (the directory is public, so this is a 403).
    const auto org_path = platform::organization_path(s, in.organization_id);
    if (!org_path)
      throw core::Error::invalid_field("organization_id", "not_found", "الجهة غير موجودة",
                                       "The organisation does not exist");
    platform::require_scope(actor, *org_path, kManagers);

    platform::Validator v;
    repo::AdoptionRow a;
    a.objective_ar = v.arabic_text("objective_ar", in.objective_ar, 2, 2000);
    a.objective_en = v.text("objective_en", in.objective_en, 2, 2000);
    a.starts_on = in.starts_on;
    a.ends_on = in.ends_on;
    v.day_range("starts_on", a.starts_on, "ends_on", a.ends_on, "date", kPlanYears);
    const auto edition = repo::find_edition(s, in.edition_id);
    if (!edition)
      v.fail("edition_id", "not_found", "النسخة غير موجودة", "The edition does not exist");
    else if (edition->status == "closed")
      v.fail("edition_id", "closed", "النسخة مغلقة؛ لا تُقبل فيها تبنيات جديدة",
             "The edition is closed; it takes no new adoptions");
    const auto practice = repo::find_practice(s, in.practice_id);
    if (!practice)
      v.fail("practice_id", "not_found", "الممارسة غير موجودة", "The practice does not exist");
    else if (practice->status != "published")
      v.fail("practice_id", "not_published", "لا يمكن تبني ممارسة غير منشورة",
             "Only a published practice can be adopted");
    else if (edition && practice->edition_number > edition->number)
      v.fail("practice_id", "later_edition", "الممارسة من نسخة لاحقة لنسخة التبني",
             "The practice belongs to a later edition than the adoption");
    v.check();
    if (repo::existing_adoption(s, in.edition_id, in.practice_id, in.organization_id))
      throw core::Error(core::ErrorKind::conflict, "already_adopted",
                        "تتبنى هذه الجهة هذه الممارسة في هذه النسخة بالفعل؛ افتح التبني الموجود",
                        "This entity already adopts this practice in this edition; open the existing adoption",
                        "practice_id");

    a.edition_id = in.edition_id;
    a.practice_id = in.practice_id;
    a.organization_id = in.organization_id;
    a.status = AdoptionStatus::draft;
    a.id = repo::insert(s, a, practice->edition_id, actor.user_id, now);
    auto stored = repo::find(s, a.id, today());
    platform::audit(s, clock_, &actor, actor.origin,
                    {"adoption.create", "adoption", std::to_string(a.id), a.organization_id,
                     core::json::encode(*stored).as_object()});
    search::enqueue(s, "adoption", a.id);
    return a.id;
  });
  return get(actor, id);
}

AdoptionDetail AdoptionService::update(const core::Actor& actor, std::int64_t id, const AdoptionUpdate& in) {
  db_.write([&](db::Session& s) {
    auto current = load(s, actor, id, true);
    require_plan_editable(current);
    platform::Validator v;
    auto a = current;
    a.objective_ar = v.arabic_text("objective_ar", in.objective_ar, 2, 2000);
    a.objective_en = v.text("objective_en", in.objective_en, 2, 2000);
    a.starts_on = in.starts_on;
    a.ends_on = in.ends_on;
    v.day_range("starts_on", a.starts_on, "ends_on", a.ends_on, "date", kPlanYears);
    v.check();
    if (in.version != current.version) throw platform::stale_version();
    a.version = current.version + 1;
    a.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, a)) throw platform::stale_version();
    auto changes = platform::changes_between(core::json::encode(current), core::json::encode(a));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"adoption.update", "adoption", std::to_string(id), a.organization_id, std::move(changes)});
    search::enqueue(s, "adoption", id);
  });
  return get(actor, id);
}

AdoptionDetail AdoptionService::transition(const core::Actor& actor, std::int64_t id, std::string_view to,
                                           const AdoptionTransition& in) {
  db_.write([&](db::Session& s) {
    // Approving and returning are the program office's (the policy line adoptions.approve); the rest the
    // entity's managers'.
    auto current = load(s, actor, id, true);
    struct Move {
      std::string_view name;
      std::vector<AdoptionStatus> from;
      AdoptionStatus to;
    };
    static const std::vector<Move> kMoves = {
        {"submit", {AdoptionStatus::draft}, AdoptionStatus::submitted},
        {"approve", {AdoptionStatus::submitted}, AdoptionStatus::approved},
        {"return", {AdoptionStatus::submitted}, AdoptionStatus::draft},
        {"complete", {AdoptionStatus::approved}, AdoptionStatus::completed},
        {"withdraw",
         {AdoptionStatus::draft, AdoptionStatus::submitted, AdoptionStatus::approved},
         AdoptionStatus::withdrawn},
    };
    const Move* move = nullptr;
    for (const auto& m : kMoves)
      if (m.name == to) move = &m;
    if (!move) throw adoption_not_found();
    if ((to == "approve" || to == "return") && !actor.is_national()) throw core::Error::forbidden();
    if (std::find(move->from.begin(), move->from.end(), current.status) == move->from.end())
      throw core::Error(
          core::ErrorKind::conflict, "invalid_transition",
          "التبني في حالة «" + status_ar(current.status) + "»؛ لا يمكن نقله إلى «" + status_ar(move->to) + "»",
          "The adoption is " + status_en(current.status) + "; it cannot move to " + status_en(move->to), "status");
    platform::Validator v;
    std::string reason;
    const bool needs_reason = to == "return" || to == "withdraw";
    if (needs_reason) reason = v.text("reason", in.reason.value_or(""), 3, 2000);
    if (to == "submit" && repo::actions_of(s, id, today()).empty())
      v.fail("actions", "empty_plan", "أضف إجراءً واحداً على الأقل إلى الخطة قبل تقديمها",
             "Add at least one action to the plan before submitting it");
    v.check();
    if (in.version != current.version) throw platform::stale_version();

    const auto now = core::iso8601(clock_.now());
    auto a = current;
    a.status = move->to;
    a.version = current.version + 1;
    a.updated_at = now;
    if (needs_reason) a.status_reason = reason;
    if (to == "submit") {
      a.submitted_at = now;
      a.status_reason.clear();
    }
    if (to == "approve") {
      a.approved_at = now;
      a.approved_by = actor.user_id;
    }
    if (to == "complete") a.completed_at = now;
    if (to == "withdraw") a.withdrawn_at = now;
    if (!repo::update(s, a)) throw platform::stale_version();

    auto adoption = *repo::find(s, id, today());
    const std::string title_ar = adoption.practice_title_ar + " — " + adoption.organization_name_ar;
    const std::string title_en = adoption.practice_title_en + " — " + adoption.organization_name_en;
    Notice n;
    n.link = link_of(id);
    n.resource_type = "adoption";
    n.resource_id = std::to_string(id);
    if (to == "submit") {
      n.kind = "adoption.submitted";
      n.title_ar = "خطة تطبيقية بانتظار الاعتماد: " + title_ar;
      n.title_en = "Implementation plan awaiting approval: " + title_en;
      notify_all(s, clock_, program_office_users(s), n, actor.user_id);
    } else if (to == "approve" || to == "return") {
      const bool approved = to == "approve";
      n.kind = approved ? "adoption.approved" : "adoption.returned";
      n.title_ar = (approved ? "اعتُمدت الخطة التطبيقية: " : "أُعيدت الخطة التطبيقية للتعديل: ") + title_ar;
      n.title_en =
          (approved ? "Implementation plan approved: " : "Implementation plan returned for changes: ") + title_en;
      n.body_ar = approved ? "" : reason;
      n.body_en = approved ? "" : reason;
      notify_all(s, clock_, entity_users(s, a.organization_id, {Role::entity_coordinator}), n, actor.user_id);
    }
    boost::json::object changes{{"status", {{"from", status_en(current.status)}, {"to", status_en(a.status)}}}};
    if (needs_reason) changes["reason"] = reason;
    platform::audit(
        s, clock_, &actor, actor.origin,
        {"adoption." + std::string(to), "adoption", std::to_string(id), a.organization_id, std::move(changes)});
    search::enqueue(s, "adoption", id);
  });
  return get(actor, id);
}

PlanAction AdoptionService::add_action(const core::Actor& actor, std::int64_t id, const PlanActionInput& in) {
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    require_plan_editable(adoption);
    platform::Validator v;
    PlanAction a;
    a.adoption_id = id;
    a.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    a.title_en = v.text("title_en", in.title_en, 2, 300);
    a.starts_on = in.starts_on;
    a.due_on = in.due_on;
    v.day_range("starts_on", a.starts_on, "due_on", a.due_on, "date", kPlanYears);
    a.owner_id = in.owner_id;
    if (a.owner_id && !repo::member_of(s, *a.owner_id, adoption.organization_path))
      v.fail("owner_id", "not_in_entity", "مالك الإجراء ليس من منسوبي الجهة المتبنية",
             "The action's owner is not a user of the adopting entity");
    a.status = in.status.value_or(ActionStatus::not_started);
    a.percent_done = in.percent_done.value_or(a.status == ActionStatus::done ? 100 : 0);
    check_progress(v, a.status, a.percent_done);
    v.check();
    const auto now = core::iso8601(clock_.now());
    a.created_at = a.updated_at = now;
    a.id = repo::insert_action(s, a);
    if (a.status != ActionStatus::not_started) repo::touch_progress(s, id, now);
    auto stored = *repo::find_action(s, id, a.id, t);
    if (a.owner_id && *a.owner_id != actor.user_id)
      notify(s, clock_,
             {*a.owner_id, "action.assigned", "أُسند إليك إجراء: " + a.title_ar,
              "An action was assigned to you: " + a.title_en, "موعد الإنجاز " + a.due_on, "Due on " + a.due_on,
              link_of(id), "plan_action", std::to_string(a.id), std::nullopt});
    platform::audit(s, clock_, &actor, actor.origin,
                    {"plan_action.create", "plan_action", std::to_string(a.id), adoption.organization_id,
                     core::json::encode(stored).as_object()});
    // The plan's actions, milestones and indicators are searchable with the adoption.
    search::enqueue(s, "adoption", id);
    return stored;
  });
}

PlanAction AdoptionService::update_action(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                          const PlanActionUpdate& in) {
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    auto current = repo::find_action(s, id, action_id, t);
    if (!current) throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    require_plan_editable(adoption);
    platform::Validator v;
    PlanAction a = *current;
    a.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    a.title_en = v.text("title_en", in.title_en, 2, 300);
    a.starts_on = in.starts_on;
    a.due_on = in.due_on;
    v.day_range("starts_on", a.starts_on, "due_on", a.due_on, "date", kPlanYears);
    a.owner_id = in.owner_id;
    if (a.owner_id && a.owner_id != current->owner_id && !repo::member_of(s, *a.owner_id, adoption.organization_path))
      v.fail("owner_id", "not_in_entity", "مالك الإجراء ليس من منسوبي الجهة المتبنية",
             "The action's owner is not a user of the adopting entity");
    a.status = in.status;
    a.percent_done = in.percent_done;
    check_progress(v, a.status, a.percent_done);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    const auto now = core::iso8601(clock_.now());
    a.version = current->version + 1;
    a.updated_at = now;
    if (!repo::update_action(s, a)) throw platform::stale_version();
    const bool progressed = a.status != current->status || a.percent_done != current->percent_done;
    if (progressed) repo::touch_progress(s, id, now);
    if (a.owner_id && a.owner_id != current->owner_id && *a.owner_id != actor.user_id)
      notify(s, clock_,
             {*a.owner_id, "action.assigned", "أُسند إليك إجراء: " + a.title_ar,
              "An action was assigned to you: " + a.title_en, "موعد الإنجاز " + a.due_on, "Due on " + a.due_on,
              link_of(id), "plan_action", std::to_string(a.id), std::nullopt});
    auto stored = *repo::find_action(s, id, action_id, t);
    auto changes = platform::changes_between(core::json::encode(*current), core::json::encode(stored));
    for (auto k : {"version", "updated_at", "owner_name_ar", "owner_name_en", "overdue", "evidence", "comment_count"})
      changes.erase(k);
    platform::audit(s, clock_, &actor, actor.origin,
                    {progressed ? "plan_action.progress" : "plan_action.update", "plan_action",
                     std::to_string(action_id), adoption.organization_id, std::move(changes)});
    search::enqueue(s, "adoption", id);
    return stored;
  });
}

PlanAction AdoptionService::add_evidence(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                         const EvidenceInput& in) {
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    if (!repo::find_action(s, id, action_id, t))
      throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    require_plan_editable(adoption);
    const auto path = repo::attachment_path(s, in.attachment_id);
    if (!path)
      throw core::Error::invalid_field("attachment_id", "not_found", "المرفق غير موجود",
                                       "The attachment does not exist");
    // Evidence is the adopting entity's own: a file filed under another organisation is refused even when the
    // caller (the program office) could read it.
    if (!path->starts_with(adoption.organization_path))
      throw core::Error::invalid_field("attachment_id", "other_organization",
                                       "المرفق مرفوع باسم جهة أخرى غير الجهة المتبنية",
                                       "The attachment was uploaded under another organisation than the adopting one");
    const auto now = core::iso8601(clock_.now());
    if (repo::add_evidence(s, action_id, in.attachment_id, actor.user_id, now)) {
      repo::touch_progress(s, id, now);
      platform::audit(s, clock_, &actor, actor.origin,
                      {"plan_action.evidence_add",
                       "plan_action",
                       std::to_string(action_id),
                       adoption.organization_id,
                       {{"attachment_id", in.attachment_id}}});
    }
    return *repo::find_action(s, id, action_id, t);
  });
}

PlanAction AdoptionService::remove_evidence(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                            std::int64_t attachment_id) {
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    if (!repo::find_action(s, id, action_id, t))
      throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    require_plan_editable(adoption);
    // Idempotent: unlinking evidence that is not (or no longer) linked leaves the action as it is.
    if (repo::remove_evidence(s, action_id, attachment_id))
      platform::audit(s, clock_, &actor, actor.origin,
                      {"plan_action.evidence_remove",
                       "plan_action",
                       std::to_string(action_id),
                       adoption.organization_id,
                       {{"attachment_id", attachment_id}}});
    return *repo::find_action(s, id, action_id, t);
  });
}

std::vector<ActionComment> AdoptionService::comments(const core::Actor& actor, std::int64_t id,
                                                     std::int64_t action_id) {
  const auto t = today();
  return db_.read([&](db::Session& s) {
    load(s, actor, id, false);
    if (!repo::find_action(s, id, action_id, t))
      throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    return repo::comments_of(s, action_id);
  });
}

ActionComment AdoptionService::add_comment(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                           const ActionCommentInput& in) {
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    if (!repo::find_action(s, id, action_id, t))
      throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    if (adoption.status == AdoptionStatus::completed || adoption.status == AdoptionStatus::withdrawn)
      throw core::Error(core::ErrorKind::conflict, "closed",
                        "التبني في حالة «" + status_ar(adoption.status) + "»؛ لا تُضاف إليه تعليقات",
                        "The adoption is " + status_en(adoption.status) + "; it takes no more comments", "status");
    platform::Validator v;
    const auto body = v.text("body", in.body, 1, 4000);
    v.check();
    auto c = repo::insert_comment(s, action_id, actor.user_id, body, core::iso8601(clock_.now()));
    platform::audit(s, clock_, &actor, actor.origin,
                    {"plan_action.comment",
                     "plan_action",
                     std::to_string(action_id),
                     adoption.organization_id,
                     {{"comment_id", c.id}}});
    return c;
  });
}

Milestone AdoptionService::add_milestone(const core::Actor& actor, std::int64_t id, const MilestoneInput& in) {
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    require_plan_editable(adoption);
    platform::Validator v;
    Milestone m;
    m.adoption_id = id;
    m.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    m.title_en = v.text("title_en", in.title_en, 2, 300);
    m.due_on = in.due_on;
    m.reached_on = in.reached_on;
    v.day("due_on", m.due_on, "date", kPlanYears);
    if (m.reached_on && v.day("reached_on", *m.reached_on, "date", kPlanYears) && *m.reached_on > today())
      v.fail("reached_on", "in_future", "لا يمكن بلوغ المعلم في تاريخ لاحق لليوم",
             "A milestone cannot be reached in the future");
    v.check();
    const auto now = core::iso8601(clock_.now());
    m.created_at = m.updated_at = now;
    m.id = repo::insert_milestone(s, m);
    if (m.reached_on) repo::touch_progress(s, id, now);
    auto stored = *repo::find_milestone(s, id, m.id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"plan_milestone.create", "plan_milestone", std::to_string(m.id), adoption.organization_id,
                     core::json::encode(stored).as_object()});
    search::enqueue(s, "adoption", id);
    return stored;
  });
}

Milestone AdoptionService::update_milestone(const core::Actor& actor, std::int64_t id, std::int64_t milestone_id,
                                            const MilestoneUpdate& in) {
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    auto current = repo::find_milestone(s, id, milestone_id);
    if (!current) throw core::Error::not_found("المعلم غير موجود", "The milestone was not found");
    require_plan_editable(adoption);
    platform::Validator v;
    Milestone m = *current;
    m.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
    m.title_en = v.text("title_en", in.title_en, 2, 300);
    m.due_on = in.due_on;
    m.reached_on = in.reached_on;
    v.day("due_on", m.due_on, "date", kPlanYears);
    if (m.reached_on && v.day("reached_on", *m.reached_on, "date", kPlanYears) && *m.reached_on > today())
      v.fail("reached_on", "in_future", "لا يمكن بلوغ المعلم في تاريخ لاحق لليوم",
             "A milestone cannot be reached in the future");
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    const auto now = core::iso8601(clock_.now());
    m.version = current->version + 1;
    m.updated_at = now;
    if (!repo::update_milestone(s, m)) throw platform::stale_version();
    if (m.reached_on != current->reached_on) repo::touch_progress(s, id, now);
    auto changes = platform::changes_between(core::json::encode(*current), core::json::encode(m));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"plan_milestone.update", "plan_milestone", std::to_string(milestone_id), adoption.organization_id,
                     std::move(changes)});
    search::enqueue(s, "adoption", id);
    return m;
  });
}

namespace {

void check_indicator(platform::Validator& v, Indicator& i, const std::string& name_ar, const std::string& name_en,
                     const std::string& unit, double baseline, double target, IndicatorDirection direction) {
  i.name_ar = v.arabic_text("name_ar", name_ar, 2, 300);
  i.name_en = v.text("name_en", name_en, 2, 300);
  i.unit = unit.empty() ? std::string() : v.text("unit", unit, 1, 40);
  i.baseline = baseline;
  i.target = target;
  i.direction = direction;
  if (!std::isfinite(baseline)) v.fail("baseline", "not_finite", "رقم غير صالح", "Not a valid number");
  if (!std::isfinite(target)) v.fail("target", "not_finite", "رقم غير صالح", "Not a valid number");
  if (direction == IndicatorDirection::increase && !(target > baseline))
    v.fail("target", "direction", "المستهدف لمؤشر متزايد أكبر من خط الأساس",
           "The target of an increasing indicator is above its baseline");
  if (direction == IndicatorDirection::decrease && !(target < baseline))
    v.fail("target", "direction", "المستهدف لمؤشر متناقص أقل من خط الأساس",
           "The target of a decreasing indicator is below its baseline");
}

}  // namespace

Indicator AdoptionService::add_indicator(const core::Actor& actor, std::int64_t id, const IndicatorInput& in) {
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    require_plan_editable(adoption);
    platform::Validator v;
    Indicator i;
    i.adoption_id = id;
    check_indicator(v, i, in.name_ar, in.name_en, in.unit, in.baseline, in.target, in.direction);
    v.check();
    i.created_at = i.updated_at = core::iso8601(clock_.now());
    i.id = repo::insert_indicator(s, i);
    auto stored = *repo::find_indicator(s, id, i.id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"adoption_indicator.create", "adoption_indicator", std::to_string(i.id), adoption.organization_id,
                     core::json::encode(stored).as_object()});
    search::enqueue(s, "adoption", id);
    return stored;
  });
}

Indicator AdoptionService::update_indicator(const core::Actor& actor, std::int64_t id, std::int64_t indicator_id,
                                            const IndicatorUpdate& in) {
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    auto current = repo::find_indicator(s, id, indicator_id);
    if (!current) throw core::Error::not_found("المؤشر غير موجود", "The indicator was not found");
    require_plan_editable(adoption);
    platform::Validator v;
    Indicator i = *current;
    check_indicator(v, i, in.name_ar, in.name_en, in.unit, in.baseline, in.target, in.direction);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    i.version = current->version + 1;
    i.updated_at = core::iso8601(clock_.now());
    if (!repo::update_indicator(s, i)) throw platform::stale_version();
    auto changes = platform::changes_between(core::json::encode(*current), core::json::encode(i));
    changes.erase("version");
    changes.erase("updated_at");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"adoption_indicator.update", "adoption_indicator", std::to_string(indicator_id),
                     adoption.organization_id, std::move(changes)});
    search::enqueue(s, "adoption", id);
    return i;
  });
}

Indicator AdoptionService::record_value(const core::Actor& actor, std::int64_t id, std::int64_t indicator_id,
                                        const std::string& period, const IndicatorValueInput& in) {
  return db_.write([&](db::Session& s) {
    auto adoption = load(s, actor, id, true);
    if (!repo::find_indicator(s, id, indicator_id))
      throw core::Error::not_found("المؤشر غير موجود", "The indicator was not found");
    require_plan_editable(adoption);
    platform::Validator v;
    if (!repo::valid_period(period))
      v.fail("period", "period", "الفترة بصيغة YYYY-MM أو YYYY-Qn", "The period is YYYY-MM or YYYY-Qn");
    if (!std::isfinite(in.actual)) v.fail("actual", "not_finite", "رقم غير صالح", "Not a valid number");
    v.check();
    const auto now = core::iso8601(clock_.now());
    repo::upsert_value(s, indicator_id, period, in.actual, actor.user_id, now);
    repo::touch_progress(s, id, now);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"adoption_indicator.value",
                     "adoption_indicator",
                     std::to_string(indicator_id),
                     adoption.organization_id,
                     {{"period", period}, {"actual", in.actual}}});
    return *repo::find_indicator(s, id, indicator_id);
  });
}

}  // namespace manzuma::modules
