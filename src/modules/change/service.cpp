#include "modules/change/service.hpp"

#include <algorithm>
#include <set>

#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/change/access.hpp"
#include "modules/change/initiative_access.hpp"
#include "modules/change/repository.hpp"
#include "modules/notifications/api.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules::change {

namespace repo = portfolio;

namespace {

constexpr std::string_view kSearchType = "initiative";

core::Error conflict(std::string code, std::string ar, std::string en, std::string field = {}) {
  return core::Error(core::ErrorKind::conflict, std::move(code), std::move(ar), std::move(en), std::move(field));
}

repo::ReadScope scope_of(const core::Actor& actor) {
  repo::ReadScope scope;
  scope.all = actor.is_national();
  if (!scope.all)
    for (const auto& m : actor.memberships)
      if (std::find(kEntityReaders.begin(), kEntityReaders.end(), m.role) != kEntityReaders.end())
        scope.paths.push_back(m.organization_path);
  return scope;
}

// A team, group or challenge, by the same rule.
repo::Owned load_owned(const std::optional<repo::Owned>& owned, const core::Actor& actor, bool write,
                       const core::Error& not_found) {
  if (!owned || !reads_entity(actor, owned->organization_path)) throw not_found;
  if (write && !manages_entity(actor, owned->organization_path)) throw core::Error::forbidden();
  return *owned;
}

core::Error team_not_found() {
  return core::Error::not_found("فريق التغيير غير موجود", "The change team was not found");
}
core::Error group_not_found() {
  return core::Error::not_found("الفئة المتأثرة غير موجودة", "The stakeholder group was not found");
}
core::Error challenge_not_found() { return core::Error::not_found("التحدي غير موجود", "The challenge was not found"); }
core::Error review_not_found() {
  return core::Error::not_found("مراجعة البوابة غير موجودة", "The gate review was not found");
}

// The organisation's path, or 400 naming organization_id; then 403 unless the caller manages its portfolio.
std::string managed_organization(db::Session& s, const core::Actor& actor, std::int64_t organization_id) {
  const auto path = platform::organization_path(s, organization_id);
  if (!path)
    throw core::Error::invalid_field("organization_id", "not_found", "الجهة غير موجودة",
                                     "The organisation does not exist");
  if (!manages_entity(actor, *path)) throw core::Error::forbidden();
  return *path;
}

// An optional Arabic text: empty, or written in Arabic.
std::string optional_ar(platform::Validator& v, std::string_view field, std::string_view value, std::size_t max) {
  platform::Validator probe;
  auto t = probe.text(field, value, 0, max);
  if (probe.has_errors()) return v.text(field, value, 0, max);
  if (!t.empty()) {
    platform::Validator arabic;
    arabic.arabic_text(field, t, 1, max);
    if (arabic.has_errors())
      v.fail(field, "not_arabic", "يجب أن يُكتب النص العربي بحروف عربية", "The Arabic text must be written in Arabic");
  }
  return t;
}

// The Arabic name of a scored field or an impact aspect, for the Arabic messages (which name no English field).
std::string_view arabic_name(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {{"influence", "التأثير"},
                                                                             {"support", "التأييد"},
                                                                             {"likelihood", "الاحتمالية"},
                                                                             {"impact", "الأثر"},
                                                                             {"size", "عدد أفراد الفئة"},
                                                                             {"processes", "الإجراءات"},
                                                                             {"systems", "الأنظمة"},
                                                                             {"tools", "الأدوات"},
                                                                             {"job_roles", "الأدوار الوظيفية"},
                                                                             {"behaviours", "السلوكيات"},
                                                                             {"mindset", "طريقة التفكير"},
                                                                             {"reporting", "خطوط التبعية"},
                                                                             {"performance", "قياس الأداء"},
                                                                             {"compensation", "المكافآت"},
                                                                             {"location", "مكان العمل"}};
  for (const auto& [en, ar] : kNames)
    if (en == field) return ar;
  return "القيمة";
}

void check_range(platform::Validator& v, std::string_view field, std::int64_t value, std::int64_t lo, std::int64_t hi) {
  if (value < lo || value > hi)
    v.fail(field, "out_of_range",
           std::string(arabic_name(field)) + " بين " + std::to_string(lo) + " و" + std::to_string(hi),
           std::string(field) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
}

// Initiatives and their actions fall within these years (a start in 0026 or 9026 is a typo); a bad
// day keeps the code this area has always answered with, "date".
constexpr core::Years kInitiativeYears{1900, 2200};

void check_user_of(platform::Validator& v, db::Session& s, std::string_view field,
                   const std::optional<std::int64_t>& user, const std::string& path) {
  if (user && !repo::member_of(s, *user, path))
    v.fail(field, "not_in_entity", "المستخدم ليس من منسوبي الجهة", "The user is not a member of the entity");
}

// `organization_id` none for records of no entity (the gates).
void audit(db::Session& s, const core::Clock& clock, const core::Actor& actor, std::string action,
           std::string_view type, std::int64_t id, std::optional<std::int64_t> organization_id,
           boost::json::object changes) {
  platform::audit(s, clock, &actor, actor.origin,
                  {std::move(action), std::string(type), std::to_string(id), organization_id, std::move(changes)});
}

template <class T>
boost::json::object changes_of(const T& before, const T& after) {
  auto changes = platform::changes_between(core::json::encode(before), core::json::encode(after));
  for (auto k : {"version", "updated_at"}) changes.erase(k);
  return changes;
}

template <class T>
boost::json::object fields_of(const T& value) {
  return core::json::encode(value).as_object();
}

std::string link_of(std::int64_t id) { return "/change/initiatives/" + std::to_string(id); }

// ---------------------------------------------------------------------------------------------

void check_gate(platform::Validator& v, ChangeGate& g, const std::string& name_ar, const std::string& name_en,
                const std::string& description_ar, const std::string& description_en,
                const std::vector<GateCriterionInput>& criteria, std::vector<GateCriterionInput>& out) {
  g.name_ar = v.arabic_text("name_ar", name_ar, 2, 200);
  g.name_en = v.text("name_en", name_en, 2, 200);
  g.description_ar = optional_ar(v, "description_ar", description_ar, 2000);
  g.description_en = v.text("description_en", description_en, 0, 2000);
  if (criteria.size() > 30)
    v.fail("criteria", "too_many", "لا تزيد معايير البوابة على 30", "A gate has at most 30 criteria");
  out.clear();
  for (std::size_t i = 0; i < criteria.size() && i < 30; ++i) {
    const std::string at = "criteria[" + std::to_string(i) + "].";
    GateCriterionInput c;
    c.kind = criteria[i].kind;
    c.text_ar = v.arabic_text(at + "text_ar", criteria[i].text_ar, 2, 500);
    c.text_en = v.text(at + "text_en", criteria[i].text_en, 2, 500);
    out.push_back(std::move(c));
  }
}

bool same_criteria(const std::vector<GateCriterion>& current, const std::vector<GateCriterionInput>& next) {
  if (current.size() != next.size()) return false;
  for (std::size_t i = 0; i < next.size(); ++i)
    if (current[i].kind != next[i].kind || current[i].text_ar != next[i].text_ar ||
        current[i].text_en != next[i].text_en)
      return false;
  return true;
}

// ---------------------------------------------------------------------------------------------

// The fields an initiative's create and update share.
template <class In>
void check_initiative(platform::Validator& v, db::Session& s, repo::InitiativeRow& i, const In& in) {
  i.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
  i.title_en = v.text("title_en", in.title_en, 2, 300);
  i.description_ar = optional_ar(v, "description_ar", in.description_ar, 4000);
  i.description_en = v.text("description_en", in.description_en, 0, 4000);
  i.type = in.type;
  i.sponsor_ar = optional_ar(v, "sponsor_ar", in.sponsor_ar, 300);
  i.sponsor_en = v.text("sponsor_en", in.sponsor_en, 0, 300);
  i.program_ar = optional_ar(v, "program_ar", in.program_ar, 300);
  i.program_en = v.text("program_en", in.program_en, 0, 300);
  i.program_target_ar = optional_ar(v, "program_target_ar", in.program_target_ar, 1000);
  i.program_target_en = v.text("program_target_en", in.program_target_en, 0, 1000);
  i.starts_on = in.starts_on;
  i.ends_on = in.ends_on;
  v.day_range("starts_on", i.starts_on, "ends_on", i.ends_on, "date", kInitiativeYears);
  if (in.head_id != i.head_id || !i.id) check_user_of(v, s, "head_id", in.head_id, i.organization_path);
  i.head_id = in.head_id;
  if (in.team_id) {
    auto team = repo::find_team_owner(s, *in.team_id);
    if (!team || team->organization_id != i.organization_id)
      v.fail("team_id", "not_in_entity", "فريق التغيير ليس من فرق الجهة", "The team is not one of the entity's teams");
  }
  i.team_id = in.team_id;
}

// ---------------------------------------------------------------------------------------------

template <class In>
void check_stakeholder(platform::Validator& v, Stakeholder& k, const In& in) {
  k.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
  k.name_en = v.text("name_en", in.name_en, 2, 200);
  k.role_ar = optional_ar(v, "role_ar", in.role_ar, 200);
  k.role_en = v.text("role_en", in.role_en, 0, 200);
  k.influence = in.influence;
  k.support = in.support;
  check_range(v, "influence", in.influence, 1, 5);
  check_range(v, "support", in.support, 1, 5);
  k.sponsor = in.sponsor;
  k.roadmap_ar = optional_ar(v, "roadmap_ar", in.roadmap_ar, 2000);
  k.roadmap_en = v.text("roadmap_en", in.roadmap_en, 0, 2000);
}

template <class In>
void check_action(platform::Validator& v, db::Session& s, const std::string& path, ChangeAction& a, const In& in) {
  a.kind = in.kind;
  a.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
  a.title_en = v.text("title_en", in.title_en, 2, 300);
  a.starts_on = in.starts_on;
  a.due_on = in.due_on;
  v.day_range("starts_on", a.starts_on, "due_on", a.due_on, "date", kInitiativeYears);
  if (in.owner_id != a.owner_id || !a.id) check_user_of(v, s, "owner_id", in.owner_id, path);
  a.owner_id = in.owner_id;
}

template <class In>
void check_risk(platform::Validator& v, db::Session& s, const std::string& path, ChangeRisk& r, const In& in) {
  r.title_ar = v.arabic_text("title_ar", in.title_ar, 2, 300);
  r.title_en = v.text("title_en", in.title_en, 2, 300);
  r.likelihood = in.likelihood;
  r.impact = in.impact;
  check_range(v, "likelihood", in.likelihood, 1, 5);
  check_range(v, "impact", in.impact, 1, 5);
  if (in.owner_id != r.owner_id || !r.id) check_user_of(v, s, "owner_id", in.owner_id, path);
  r.owner_id = in.owner_id;
  r.mitigation_ar = optional_ar(v, "mitigation_ar", in.mitigation_ar, 2000);
  r.mitigation_en = v.text("mitigation_en", in.mitigation_en, 0, 2000);
}

// A user listed on the review who did not request it (the requester never decides their own request).
bool is_reviewer(const GateReview& r, std::int64_t user_id) {
  return user_id != r.requested_by && std::any_of(r.reviewers.begin(), r.reviewers.end(),
                                                  [&](const GateReviewer& x) { return x.user_id == user_id; });
}

core::Error not_a_reviewer() {
  return core::Error(core::ErrorKind::forbidden, "not_a_reviewer", "لست من مراجعي هذه البوابة",
                     "You are not a reviewer of this gate review");
}

GateReview for_caller(GateReview r, const core::Actor& actor) {
  r.can_decide = r.status == GateReviewStatus::open && is_reviewer(r, actor.user_id);
  return r;
}

}  // namespace

std::string ChangeService::today() const { return core::today(clock_); }
std::string ChangeService::now() const { return core::iso8601(clock_.now()); }

// ---------------------------------------------------------------------------------------------
// Gates

std::vector<ChangeGate> ChangeService::gates(const core::Actor& actor) {
  // Everyone reads the gates; each counts only the initiatives the caller reads.
  const auto scope = scope_of(actor);
  return db_.read([&](db::Session& s) { return repo::gates(s, scope); });
}

ChangeGate ChangeService::create_gate(const core::Actor& actor, const ChangeGateInput& in) {
  if (!actor.is_national()) throw core::Error::forbidden();
  const auto at = now();
  return db_.write([&](db::Session& s) {
    platform::Validator v;
    ChangeGate g;
    std::vector<GateCriterionInput> criteria;
    check_gate(v, g, in.name_ar, in.name_en, in.description_ar, in.description_en, in.criteria, criteria);
    v.check();
    g.position = repo::last_position(s) + 1;
    g.id = repo::insert_gate(s, g, at);
    repo::replace_criteria(s, g.id, criteria);
    auto stored = *repo::find_gate(s, g.id);
    audit(s, clock_, actor, "change_gate.create", "change_gate", g.id, std::nullopt, fields_of(stored));
    return stored;
  });
}

ChangeGate ChangeService::update_gate(const core::Actor& actor, std::int64_t id, const ChangeGateUpdate& in) {
  if (!actor.is_national()) throw core::Error::forbidden();
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto current = repo::find_gate(s, id);
    if (!current) throw core::Error::not_found("البوابة غير موجودة", "The gate was not found");
    platform::Validator v;
    ChangeGate g = *current;
    std::vector<GateCriterionInput> criteria;
    check_gate(v, g, in.name_ar, in.name_en, in.description_ar, in.description_en, in.criteria, criteria);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    const bool criteria_change = !same_criteria(current->criteria, criteria);
    // An open review answers the criteria as they were when it was requested.
    if (criteria_change && repo::reviews_at(s, id, true) > 0)
      throw conflict("gate_in_review", "مراجعة مفتوحة تستخدم معايير هذه البوابة؛ لا تُغيَّر حتى يُبت فيها",
                     "An open review uses this gate's criteria; they cannot change until it is decided", "criteria");
    g.version = current->version + 1;
    if (!repo::update_gate(s, g, at)) throw platform::stale_version();
    if (criteria_change) repo::replace_criteria(s, id, criteria);
    auto stored = *repo::find_gate(s, id);
    auto changes = changes_of(*current, stored);
    changes.erase("initiatives");
    audit(s, clock_, actor, "change_gate.update", "change_gate", id, std::nullopt, std::move(changes));
    return stored;
  });
}

void ChangeService::delete_gate(const core::Actor& actor, std::int64_t id) {
  if (!actor.is_national()) throw core::Error::forbidden();
  db_.write([&](db::Session& s) {
    auto current = repo::find_gate(s, id);
    if (!current) throw core::Error::not_found("البوابة غير موجودة", "The gate was not found");
    if (current->initiatives > 0 || repo::reviews_at(s, id, false) > 0 || repo::moves_naming(s, id) > 0)
      throw conflict("gate_in_use", "البوابة مستخدمة: مبادرات عندها أو مراجعات أو انتقالات تذكرها",
                     "The gate is in use: initiatives are at it, or reviews or gate moves name it");
    repo::delete_gate(s, id, current->position);
    audit(s, clock_, actor, "change_gate.delete", "change_gate", id, std::nullopt, fields_of(*current));
  });
}

// ---------------------------------------------------------------------------------------------
// Teams

core::Page<ChangeTeam> ChangeService::teams(const core::Actor& actor, const core::ListQuery& q) {
  const auto scope = scope_of(actor);
  return db_.read([&](db::Session& s) { return repo::teams(s, q, scope); });
}

ChangeTeam ChangeService::team(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    load_owned(repo::find_team_owner(s, id), actor, false, team_not_found());
    return *repo::find_team(s, id);
  });
}

void ChangeService::require_team_visible(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load_owned(repo::find_team_owner(s, id), actor, false, team_not_found()); });
}

ChangeTeam ChangeService::create_team(const core::Actor& actor, const ChangeTeamInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    const auto path = managed_organization(s, actor, in.organization_id);
    platform::Validator v;
    ChangeTeam t;
    t.organization_id = in.organization_id;
    t.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
    t.name_en = v.text("name_en", in.name_en, 2, 200);
    t.programs_ar = optional_ar(v, "programs_ar", in.programs_ar, 1000);
    t.programs_en = v.text("programs_en", in.programs_en, 0, 1000);
    check_user_of(v, s, "head_id", in.head_id, path);
    t.head_id = in.head_id;
    v.check();
    t.id = repo::insert_team(s, t, at);
    auto stored = *repo::find_team(s, t.id);
    audit(s, clock_, actor, "change_team.create", "change_team", t.id, t.organization_id, fields_of(stored));
    return stored;
  });
}

ChangeTeam ChangeService::update_team(const core::Actor& actor, std::int64_t id, const ChangeTeamUpdate& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_team_owner(s, id), actor, true, team_not_found());
    auto current = *repo::find_team(s, id);
    platform::Validator v;
    auto t = current;
    t.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
    t.name_en = v.text("name_en", in.name_en, 2, 200);
    t.programs_ar = optional_ar(v, "programs_ar", in.programs_ar, 1000);
    t.programs_en = v.text("programs_en", in.programs_en, 0, 1000);
    if (in.head_id != current.head_id) check_user_of(v, s, "head_id", in.head_id, owner.organization_path);
    t.head_id = in.head_id;
    v.check();
    if (in.version != current.version) throw platform::stale_version();
    t.version = current.version + 1;
    t.updated_at = at;
    if (!repo::update_team(s, t)) throw platform::stale_version();
    auto stored = *repo::find_team(s, id);
    auto changes = changes_of(current, stored);
    for (auto k : {"head_name_ar", "head_name_en"}) changes.erase(k);
    audit(s, clock_, actor, "change_team.update", "change_team", id, owner.organization_id, std::move(changes));
    return stored;
  });
}

ChangeTeam ChangeService::put_member(const core::Actor& actor, std::int64_t id, std::int64_t user_id,
                                     const ChangeTeamMemberInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_team_owner(s, id), actor, true, team_not_found());
    platform::Validator v;
    const auto training = v.text("training", in.training, 0, 300);
    check_user_of(v, s, "user_id", user_id, owner.organization_path);
    v.check();
    const bool added = !repo::is_member(s, id, user_id);
    repo::put_member(s, id, user_id, training, at);
    audit(s, clock_, actor, added ? "change_team.member_add" : "change_team.member_update", "change_team", id,
          owner.organization_id, {{"user_id", user_id}, {"training", training}});
    return *repo::find_team(s, id);
  });
}

ChangeTeam ChangeService::remove_member(const core::Actor& actor, std::int64_t id, std::int64_t user_id) {
  return db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_team_owner(s, id), actor, true, team_not_found());
    if (!repo::remove_member(s, id, user_id))
      throw core::Error::not_found("المستخدم ليس عضواً في الفريق", "The user is not a member of the team");
    audit(s, clock_, actor, "change_team.member_remove", "change_team", id, owner.organization_id,
          {{"user_id", user_id}});
    return *repo::find_team(s, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Stakeholder groups

core::Page<ChangeGroup> ChangeService::groups(const core::Actor& actor, const core::ListQuery& q) {
  const auto scope = scope_of(actor);
  return db_.read([&](db::Session& s) { return repo::groups(s, q, scope); });
}

void ChangeService::require_group_visible(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load_owned(repo::find_group_owner(s, id), actor, false, group_not_found()); });
}

namespace {
template <class In>
void check_group(platform::Validator& v, ChangeGroup& g, const In& in) {
  g.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
  g.name_en = v.text("name_en", in.name_en, 2, 200);
  g.size = in.size;
  check_range(v, "size", in.size, 1, 10'000'000);
  g.location_ar = optional_ar(v, "location_ar", in.location_ar, 200);
  g.location_en = v.text("location_en", in.location_en, 0, 200);
}
}  // namespace

ChangeGroup ChangeService::create_group(const core::Actor& actor, const ChangeGroupInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    managed_organization(s, actor, in.organization_id);
    platform::Validator v;
    ChangeGroup g;
    g.organization_id = in.organization_id;
    check_group(v, g, in);
    v.check();
    g.id = repo::insert_group(s, g, at);
    auto stored = *repo::find_group(s, g.id);
    audit(s, clock_, actor, "change_group.create", "change_group", g.id, g.organization_id, fields_of(stored));
    return stored;
  });
}

ChangeGroup ChangeService::update_group(const core::Actor& actor, std::int64_t id, const ChangeGroupUpdate& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_group_owner(s, id), actor, true, group_not_found());
    auto current = *repo::find_group(s, id);
    platform::Validator v;
    auto g = current;
    check_group(v, g, in);
    v.check();
    if (in.version != current.version) throw platform::stale_version();
    g.version = current.version + 1;
    if (!repo::update_group(s, g, at)) throw platform::stale_version();
    auto stored = *repo::find_group(s, id);
    audit(s, clock_, actor, "change_group.update", "change_group", id, owner.organization_id,
          changes_of(current, stored));
    return stored;
  });
}

void ChangeService::delete_group(const core::Actor& actor, std::int64_t id) {
  db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_group_owner(s, id), actor, true, group_not_found());
    if (repo::group_in_use(s, id))
      throw conflict("group_in_use", "الفئة مستخدمة في تقييم أثر أو استبيان؛ لا يمكن حذفها",
                     "The group is used by an impact assessment or a survey; it cannot be deleted");
    auto current = *repo::find_group(s, id);
    repo::delete_group(s, id);
    audit(s, clock_, actor, "change_group.delete", "change_group", id, owner.organization_id, fields_of(current));
  });
}

// ---------------------------------------------------------------------------------------------
// Initiatives

core::Page<Initiative> ChangeService::initiatives(const core::Actor& actor, const core::ListQuery& q) {
  const auto scope = scope_of(actor);
  const auto t = today();
  return db_.read([&](db::Session& s) { return repo::initiatives(s, q, scope, t); });
}

InitiativeDetail ChangeService::initiative(const core::Actor& actor, std::int64_t id) {
  const auto t = today();
  return db_.read([&](db::Session& s) {
    auto row = load_initiative(s, actor, id, false);
    auto d = *repo::find_initiative(s, id, t);
    d.can_manage = manages_entity(actor, row.organization_path);
    return d;
  });
}

void ChangeService::require_visible(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load_initiative(s, actor, id, false); });
}

InitiativeChoices ChangeService::choices(const core::Actor& actor, std::int64_t organization_id) {
  return db_.read([&](db::Session& s) {
    const auto path = managed_organization(s, actor, organization_id);
    return repo::choices(s, organization_id, path);
  });
}

InitiativeDetail ChangeService::create_initiative(const core::Actor& actor, const InitiativeInput& in) {
  const auto at = now();
  const auto id = db_.write([&](db::Session& s) {
    repo::InitiativeRow i;
    i.organization_id = in.organization_id;
    i.organization_path = managed_organization(s, actor, in.organization_id);
    platform::Validator v;
    check_initiative(v, s, i, in);
    v.check();
    const auto first = repo::gate_at(s, 1);
    if (!first)
      throw conflict("no_gates", "لا توجد بوابات حوكمة؛ يضيفها مكتب البرنامج أولاً",
                     "There are no governance gates; the program office adds them first");
    i.status = InitiativeStatus::active;
    i.gate_id = first->id;
    i.id = repo::insert_initiative(s, i, actor.user_id, at);
    auto stored = *repo::find_initiative_row(s, i.id);
    auto fields = fields_of(stored);
    fields.erase("organization_path");
    audit(s, clock_, actor, "change_initiative.create", "change_initiative", i.id, i.organization_id,
          std::move(fields));
    search::enqueue(s, kSearchType, i.id);
    return i.id;
  });
  return initiative(actor, id);
}

InitiativeDetail ChangeService::update_initiative(const core::Actor& actor, std::int64_t id,
                                                  const InitiativeUpdate& in) {
  const auto at = now();
  db_.write([&](db::Session& s) {
    // A status change may close the open review: taken with the gate writes' lock (see decide).
    repo::lock_initiative(s, id);
    auto current = load_initiative(s, actor, id, true);
    // A completed or cancelled initiative is read-only: not even its status moves back.
    require_not_final(current);
    platform::Validator v;
    auto i = current;
    check_initiative(v, s, i, in);
    v.check();
    if (in.version != current.version) throw platform::stale_version();
    if (in.status == InitiativeStatus::completed && current.gate_position != repo::last_position(s))
      throw conflict("not_at_last_gate", "لا تكتمل المبادرة إلا عند البوابة الأخيرة",
                     "An initiative is completed only at the last gate", "status");
    i.status = in.status;
    i.version = current.version + 1;
    i.updated_at = at;
    if (!repo::update_initiative(s, i)) throw platform::stale_version();
    auto changes = changes_of(current, i);
    // Its open review no longer applies: closed as held, in both languages (the comment is one text).
    if (is_final(i.status))
      if (auto open = repo::open_review(s, id)) {
        repo::decide_review(s, *open, GateDecision::hold, "",
                            i.status == InitiativeStatus::completed
                                ? "اكتملت المبادرة؛ أُغلقت المراجعة / The initiative was completed; the review is closed"
                                : "أُلغيت المبادرة؛ أُغلقت المراجعة / The initiative was cancelled; the review is closed",
                            actor.user_id, at);
        changes["closed_review_id"] = *open;
      }
    audit(s, clock_, actor, "change_initiative.update", "change_initiative", id, current.organization_id,
          std::move(changes));
    search::enqueue(s, kSearchType, id);
  });
  return initiative(actor, id);
}

// ---------------------------------------------------------------------------------------------
// Impact

ImpactGrid ChangeService::impacts(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    load_initiative(s, actor, id, false);
    return repo::impact_grid(s, id);
  });
}

ImpactGrid ChangeService::put_impact(const core::Actor& actor, std::int64_t id, std::int64_t group_id,
                                     const ImpactAspects& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    require_not_final(i);
    // A group of another entity and a group that does not exist read the same: ids reveal nothing.
    auto group = repo::find_group_owner(s, group_id);
    platform::Validator v;
    if (!group || group->organization_id != i.organization_id)
      v.fail("group_id", "not_in_entity", "الفئة ليست من فئات جهة المبادرة",
             "The group is not one of the initiative's entity's groups");
    const auto fields = fields_of(in);
    for (const auto& [name, value] : fields) {
      const auto n = value.as_int64();
      if (n < 0 || n > 5)
        v.fail(name, "out_of_range", "درجة الأثر في " + std::string(arabic_name(name)) + " بين 0 و5",
               std::string(name) + ": the degree of impact is between 0 and 5");
    }
    v.check();
    repo::upsert_impact(s, id, group_id, in, at);
    auto changes = fields;
    changes["group_id"] = group_id;
    audit(s, clock_, actor, "change_impact.put", "change_initiative", id, i.organization_id, std::move(changes));
    return repo::impact_grid(s, id);
  });
}

ImpactGrid ChangeService::delete_impact(const core::Actor& actor, std::int64_t id, std::int64_t group_id) {
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    require_not_final(i);
    if (!repo::delete_impact(s, id, group_id))
      throw core::Error::not_found("لا يوجد تقييم أثر لهذه الفئة", "The group has no impact row in this initiative");
    audit(s, clock_, actor, "change_impact.delete", "change_initiative", id, i.organization_id,
          {{"group_id", group_id}});
    return repo::impact_grid(s, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Stakeholders

std::vector<Stakeholder> ChangeService::stakeholders(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    load_initiative(s, actor, id, false);
    return repo::stakeholders(s, id);
  });
}

Stakeholder ChangeService::add_stakeholder(const core::Actor& actor, std::int64_t id, const StakeholderInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    require_not_final(i);
    platform::Validator v;
    Stakeholder k;
    check_stakeholder(v, k, in);
    v.check();
    k.id = repo::insert_stakeholder(s, id, k, at);
    auto stored = *repo::find_stakeholder(s, id, k.id);
    audit(s, clock_, actor, "change_stakeholder.create", "change_stakeholder", k.id, i.organization_id,
          fields_of(stored));
    return stored;
  });
}

Stakeholder ChangeService::update_stakeholder(const core::Actor& actor, std::int64_t id, std::int64_t sid,
                                              const StakeholderUpdate& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_stakeholder(s, id, sid);
    if (!current) throw core::Error::not_found("صاحب المصلحة غير موجود", "The stakeholder was not found");
    require_not_final(i);
    platform::Validator v;
    auto k = *current;
    check_stakeholder(v, k, in);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    k.version = current->version + 1;
    if (!repo::update_stakeholder(s, k, at)) throw platform::stale_version();
    auto stored = *repo::find_stakeholder(s, id, sid);
    audit(s, clock_, actor, "change_stakeholder.update", "change_stakeholder", sid, i.organization_id,
          changes_of(*current, stored));
    return stored;
  });
}

void ChangeService::delete_stakeholder(const core::Actor& actor, std::int64_t id, std::int64_t sid) {
  db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_stakeholder(s, id, sid);
    if (!current) throw core::Error::not_found("صاحب المصلحة غير موجود", "The stakeholder was not found");
    require_not_final(i);
    repo::delete_stakeholder(s, id, sid);
    audit(s, clock_, actor, "change_stakeholder.delete", "change_stakeholder", sid, i.organization_id,
          fields_of(*current));
  });
}

// ---------------------------------------------------------------------------------------------
// Plans

std::vector<ChangeAction> ChangeService::actions(const core::Actor& actor, std::int64_t id) {
  const auto t = today();
  return db_.read([&](db::Session& s) {
    const auto i = load_initiative(s, actor, id, false);
    auto out = repo::actions(s, id, t);
    // A completed or cancelled initiative's plan is over: nothing in it is late any more.
    if (is_final(i.status))
      for (auto& a : out) a.late = false;
    return out;
  });
}

ChangeAction ChangeService::add_action(const core::Actor& actor, std::int64_t id, const ChangeActionInput& in) {
  const auto at = now();
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    require_not_final(i);
    platform::Validator v;
    ChangeAction a;
    check_action(v, s, i.organization_path, a, in);
    v.check();
    a.status = in.status.value_or(ChangeActionStatus::not_started);
    if (a.status == ChangeActionStatus::done) a.done_on = t;
    a.id = repo::insert_action(s, id, a, at);
    auto stored = *repo::find_action(s, id, a.id, t);
    if (a.owner_id && *a.owner_id != actor.user_id)
      notify(s, clock_,
             {*a.owner_id, "change.action_assigned", "أُسند إليك إجراء تغيير: " + a.title_ar,
              "A change action was assigned to you: " + a.title_en, "موعد الإنجاز " + a.due_on, "Due on " + a.due_on,
              link_of(id), "change_action", std::to_string(a.id), std::nullopt});
    audit(s, clock_, actor, "change_action.create", "change_action", a.id, i.organization_id, fields_of(stored));
    return stored;
  });
}

ChangeAction ChangeService::update_action(const core::Actor& actor, std::int64_t id, std::int64_t aid,
                                          const ChangeActionUpdate& in) {
  const auto at = now();
  const auto t = today();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_action(s, id, aid, t);
    if (!current) throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    require_not_final(i);
    platform::Validator v;
    auto a = *current;
    check_action(v, s, i.organization_path, a, in);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    a.status = in.status;
    // done_on is the day it was first marked done; reopening clears it.
    if (a.status != ChangeActionStatus::done)
      a.done_on.reset();
    else if (!a.done_on)
      a.done_on = t;
    a.version = current->version + 1;
    if (!repo::update_action(s, a, at)) throw platform::stale_version();
    auto stored = *repo::find_action(s, id, aid, t);
    if (a.owner_id && a.owner_id != current->owner_id && *a.owner_id != actor.user_id)
      notify(s, clock_,
             {*a.owner_id, "change.action_assigned", "أُسند إليك إجراء تغيير: " + a.title_ar,
              "A change action was assigned to you: " + a.title_en, "موعد الإنجاز " + a.due_on, "Due on " + a.due_on,
              link_of(id), "change_action", std::to_string(a.id), std::nullopt});
    auto changes = changes_of(*current, stored);
    for (auto k : {"owner_name_ar", "owner_name_en", "late"}) changes.erase(k);
    audit(s, clock_, actor, "change_action.update", "change_action", aid, i.organization_id, std::move(changes));
    return stored;
  });
}

void ChangeService::delete_action(const core::Actor& actor, std::int64_t id, std::int64_t aid) {
  const auto t = today();
  db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_action(s, id, aid, t);
    if (!current) throw core::Error::not_found("الإجراء غير موجود", "The action was not found");
    require_not_final(i);
    repo::delete_action(s, id, aid);
    audit(s, clock_, actor, "change_action.delete", "change_action", aid, i.organization_id, fields_of(*current));
  });
}

// ---------------------------------------------------------------------------------------------
// Risks

std::vector<ChangeRisk> ChangeService::risks(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    load_initiative(s, actor, id, false);
    return repo::risks(s, id);
  });
}

ChangeRisk ChangeService::add_risk(const core::Actor& actor, std::int64_t id, const ChangeRiskInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    require_not_final(i);
    platform::Validator v;
    ChangeRisk r;
    check_risk(v, s, i.organization_path, r, in);
    v.check();
    r.status = in.status.value_or(RiskStatus::open);
    r.id = repo::insert_risk(s, id, r, at);
    auto stored = *repo::find_risk(s, id, r.id);
    audit(s, clock_, actor, "change_risk.create", "change_risk", r.id, i.organization_id, fields_of(stored));
    return stored;
  });
}

ChangeRisk ChangeService::update_risk(const core::Actor& actor, std::int64_t id, std::int64_t rid,
                                      const ChangeRiskUpdate& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_risk(s, id, rid);
    if (!current) throw core::Error::not_found("الخطر غير موجود", "The risk was not found");
    require_not_final(i);
    platform::Validator v;
    auto r = *current;
    check_risk(v, s, i.organization_path, r, in);
    v.check();
    if (in.version != current->version) throw platform::stale_version();
    r.status = in.status;
    r.version = current->version + 1;
    if (!repo::update_risk(s, r, at)) throw platform::stale_version();
    auto stored = *repo::find_risk(s, id, rid);
    auto changes = changes_of(*current, stored);
    for (auto k : {"owner_name_ar", "owner_name_en"}) changes.erase(k);
    audit(s, clock_, actor, "change_risk.update", "change_risk", rid, i.organization_id, std::move(changes));
    return stored;
  });
}

void ChangeService::delete_risk(const core::Actor& actor, std::int64_t id, std::int64_t rid) {
  db_.write([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, true);
    auto current = repo::find_risk(s, id, rid);
    if (!current) throw core::Error::not_found("الخطر غير موجود", "The risk was not found");
    require_not_final(i);
    repo::delete_risk(s, id, rid);
    audit(s, clock_, actor, "change_risk.delete", "change_risk", rid, i.organization_id, fields_of(*current));
  });
}

// ---------------------------------------------------------------------------------------------
// Challenges

core::Page<ChangeChallenge> ChangeService::challenges(const core::Actor& actor, const core::ListQuery& q) {
  const auto scope = scope_of(actor);
  return db_.read([&](db::Session& s) { return repo::challenges(s, q, scope); });
}

void ChangeService::require_challenge_visible(const core::Actor& actor, std::int64_t id) {
  db_.read([&](db::Session& s) { load_owned(repo::find_challenge_owner(s, id), actor, false, challenge_not_found()); });
}

ChangeChallenge ChangeService::raise_challenge(const core::Actor& actor, const ChangeChallengeInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    managed_organization(s, actor, in.organization_id);
    platform::Validator v;
    ChangeChallenge c;
    c.organization_id = in.organization_id;
    c.body = v.text("body", in.body, 1, 4000);
    c.category = in.category;
    if (in.initiative_id) {
      auto i = repo::find_initiative_row(s, *in.initiative_id);
      if (!i || i->organization_id != in.organization_id)
        v.fail("initiative_id", "not_in_entity", "المبادرة ليست من مبادرات الجهة",
               "The initiative is not one of the entity's initiatives");
    }
    c.initiative_id = in.initiative_id;
    v.check();
    c.status = ChallengeStatus::open;
    c.raised_by = actor.user_id;
    c.id = repo::insert_challenge(s, c, at);
    auto stored = *repo::find_challenge(s, c.id);
    audit(s, clock_, actor, "change_challenge.create", "change_challenge", c.id, c.organization_id,
          {{"initiative_id", core::json::encode(c.initiative_id)},
           {"category", core::json::enum_name(c.category)},
           {"body", c.body}});
    return stored;
  });
}

ChangeChallenge ChangeService::update_challenge(const core::Actor& actor, std::int64_t id,
                                                const ChangeChallengeUpdate& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    auto owner = load_owned(repo::find_challenge_owner(s, id), actor, true, challenge_not_found());
    auto current = *repo::find_challenge(s, id);
    if (in.version != current.version) throw platform::stale_version();
    auto c = current;
    c.category = in.category;
    c.status = in.status;
    c.version = current.version + 1;
    if (!repo::update_challenge(s, c, at)) throw platform::stale_version();
    audit(s, clock_, actor, "change_challenge.update", "change_challenge", id, owner.organization_id,
          changes_of(current, c));
    return c;
  });
}

// ---------------------------------------------------------------------------------------------
// Gate reviews

std::vector<GateReview> ChangeService::reviews(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    load_initiative(s, actor, id, false);
    auto out = repo::reviews(s, id);
    for (auto& r : out) r = for_caller(std::move(r), actor);
    return out;
  });
}

GateReview ChangeService::request_review(const core::Actor& actor, std::int64_t id, const GateReviewInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    repo::lock_initiative(s, id);
    auto i = load_initiative(s, actor, id, true);
    platform::Validator v;
    std::vector<std::int64_t> reviewers;
    for (auto r : in.reviewer_ids)
      if (std::find(reviewers.begin(), reviewers.end(), r) == reviewers.end()) reviewers.push_back(r);
    if (reviewers.empty())
      v.fail("reviewer_ids", "required", "اختر مراجعاً واحداً على الأقل من مكتب البرنامج",
             "Choose at least one reviewer from the program office");
    else if (reviewers.size() > 10)
      v.fail("reviewer_ids", "too_many", "لا يزيد المراجعون على 10", "At most 10 reviewers");
    else if (std::find(reviewers.begin(), reviewers.end(), actor.user_id) != reviewers.end())
      // A review is someone else's judgement: the requester never reviews their own request.
      v.fail("reviewer_ids", "own_review", "لا يراجع طالب المراجعة طلبه؛ اختر مراجعين غيرك",
             "You cannot review your own request; choose reviewers other than yourself");
    else
      for (auto r : reviewers)
        if (!repo::national_user(s, r)) {
          v.fail("reviewer_ids", "not_a_reviewer", "المراجع يجب أن يكون من مكتب البرنامج أو مديري المنصة",
                 "A reviewer must be a program-office user or a platform administrator");
          break;
        }
    v.check();
    if (i.status != InitiativeStatus::active)
      throw conflict("not_active", "لا تُطلب مراجعة بوابة إلا لمبادرة نشطة",
                     "A gate review is requested only for an active initiative", "status");
    if (repo::open_review(s, id))
      throw conflict("review_open", "للمبادرة مراجعة بوابة مفتوحة بالفعل",
                     "The initiative already has an open gate review");
    const auto next = repo::gate_at(s, i.gate_position + 1);
    if (!next)
      throw conflict("last_gate", "المبادرة عند البوابة الأخيرة", "The initiative is at the last gate", "gate_id");
    const auto rid = repo::insert_review(s, id, next->id, reviewers, actor.user_id, at);
    Notice n;
    n.kind = "change.review_requested";
    n.title_ar = "مراجعة بوابة «" + next->name_ar + "» مطلوبة: " + i.title_ar;
    n.title_en = "Gate review requested (" + next->name_en + "): " + i.title_en;
    n.link = link_of(id);
    n.resource_type = "change_review";
    n.resource_id = std::to_string(rid);
    for (auto r : reviewers) {
      if (r == actor.user_id) continue;
      n.user_id = r;
      notify(s, clock_, n);
    }
    boost::json::array ids;
    for (auto r : reviewers) ids.emplace_back(r);
    audit(s, clock_, actor, "change_review.request", "change_review", rid, i.organization_id,
          {{"initiative_id", id}, {"gate_id", next->id}, {"reviewer_ids", std::move(ids)}});
    return for_caller(*repo::find_review(s, id, rid), actor);
  });
}

void ChangeService::require_review_access(const core::Actor& actor, std::int64_t id, std::int64_t review_id,
                                          bool decide) {
  db_.read([&](db::Session& s) {
    auto i = load_initiative(s, actor, id, false);
    auto review = repo::find_review(s, id, review_id);
    if (!review) throw review_not_found();
    if (decide && !is_reviewer(*review, actor.user_id)) throw not_a_reviewer();
    if (!decide && !manages_entity(actor, i.organization_path) && !is_reviewer(*review, actor.user_id))
      throw core::Error::forbidden();
  });
}

GateReview ChangeService::put_check(const core::Actor& actor, std::int64_t id, std::int64_t review_id,
                                    std::int64_t criterion_id, const GateCheckInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    // The initiative's lock first, as decide takes it: a check and a decision on one review run one after the
    // other, so a decision never passes on checks that change under it (PostgreSQL; SQLite writes one at a time).
    repo::lock_initiative(s, id);
    auto i = load_initiative(s, actor, id, false);
    auto review = repo::find_review(s, id, review_id);
    if (!review) throw review_not_found();
    if (!manages_entity(actor, i.organization_path) && !is_reviewer(*review, actor.user_id))
      throw core::Error::forbidden();
    require_not_final(i);
    const auto check = std::find_if(review->checks.begin(), review->checks.end(),
                                    [&](const GateCheck& c) { return c.criterion_id == criterion_id; });
    if (check == review->checks.end())
      throw core::Error::not_found("المعيار ليس من معايير هذه المراجعة", "The criterion is not one of this review's");
    platform::Validator v;
    const auto note = v.text("note", in.note, 0, 2000);
    if (in.attachment_id) {
      const auto file = repo::attachment_of(s, *in.attachment_id);
      if (!file)
        v.fail("attachment_id", "not_found", "المرفق غير موجود", "The attachment does not exist");
      else if (!file->first.starts_with(i.organization_path))
        v.fail("attachment_id", "other_organization", "المرفق مرفوع باسم جهة أخرى غير جهة المبادرة",
               "The attachment was uploaded under another organisation than the initiative's");
    }
    v.check();
    if (review->status != GateReviewStatus::open)
      throw conflict("review_decided", "بُتّ في هذه المراجعة؛ لا تتغير معاييرها",
                     "The review is decided; its checks no longer change");
    repo::update_check(s, review_id, criterion_id, in.met, note, in.attachment_id, at);
    audit(s, clock_, actor, "change_review.check", "change_review", review_id, i.organization_id,
          {{"criterion_id", criterion_id},
           {"met", in.met},
           {"note", note},
           {"attachment_id", core::json::encode(in.attachment_id)}});
    return for_caller(*repo::find_review(s, id, review_id), actor);
  });
}

GateReview ChangeService::decide(const core::Actor& actor, std::int64_t id, std::int64_t review_id,
                                 const GateDecisionInput& in) {
  const auto at = now();
  return db_.write([&](db::Session& s) {
    // Every write to the initiative's reviews (request, check, decision, move back, status change) takes this lock
    // first: the checks read below cannot change before the decision commits, so a pass is never decided on
    // criteria another transaction is unticking (PostgreSQL; SQLite writes one at a time).
    repo::lock_initiative(s, id);
    auto i = load_initiative(s, actor, id, false);
    auto review = repo::find_review(s, id, review_id);
    if (!review) throw review_not_found();
    // The decision is the named reviewers' alone, whatever other roles the caller holds.
    if (!is_reviewer(*review, actor.user_id)) throw not_a_reviewer();
    if (review->status != GateReviewStatus::open)
      throw conflict("review_decided", "بُتّ في هذه المراجعة بالفعل", "The review is already decided");
    platform::Validator v;
    const auto conditions = v.text("conditions", in.conditions, 0, 4000);
    const auto comments = v.text("comments", in.comments, 0, 4000);
    if (in.decision == GateDecision::pass_with_conditions && conditions.empty())
      v.fail("conditions", "required", "اذكر شروط العبور", "State the conditions of the pass");
    if (in.decision == GateDecision::hold && comments.empty())
      v.fail("comments", "required", "اذكر سبب التعليق", "Say why the initiative is held");
    v.check();
    const bool passes = in.decision != GateDecision::hold;
    if (passes) {
      if (i.status != InitiativeStatus::active)
        throw conflict("not_active", "المبادرة ليست نشطة؛ لا تعبر بوابة",
                       "The initiative is not active; it cannot pass a gate", "status");
      if (i.gate_position + 1 != review->gate_position)
        throw conflict("gate_skip", "المبادرة لم تعد عند البوابة السابقة لبوابة المراجعة",
                       "The initiative is no longer at the gate before the review's gate", "gate_id");
      std::int64_t unmet = 0;
      for (const auto& c : review->checks) {
        if (c.kind == GateCriterionKind::evidence && !c.attachment_id) ++unmet;
        if (c.kind == GateCriterionKind::check && !c.met && in.decision == GateDecision::pass) ++unmet;
      }
      if (unmet > 0)
        throw conflict(
            "criteria_unmet", std::to_string(unmet) + " من معايير البوابة غير مستوفاة (بند غير محقق أو دليل غير مرفق)",
            std::to_string(unmet) + (unmet == 1 ? " criterion of the gate is" : " criteria of the gate are") +
                " not met (an unticked check or a missing evidence document)",
            "checks");
    }
    if (!repo::decide_review(s, review_id, in.decision, conditions, comments, actor.user_id, at))
      throw conflict("review_decided", "بُتّ في هذه المراجعة بالفعل", "The review is already decided");
    boost::json::object changes{{"initiative_id", id},
                                {"decision", core::json::enum_name(in.decision)},
                                {"conditions", conditions},
                                {"comments", comments}};
    if (passes) {
      auto moved = i;
      moved.gate_id = review->gate_id;
      moved.gate_reached_at = at;
      moved.version = i.version + 1;
      moved.updated_at = at;
      if (!repo::update_initiative(s, moved)) throw platform::stale_version();
      repo::insert_move(s, id, i.gate_id, review->gate_id, review_id, conditions, actor.user_id, at);
      changes["gate"] = {{"from", i.gate_id}, {"to", review->gate_id}};
      search::enqueue(s, kSearchType, id);
    }
    if (review->requested_by != actor.user_id) {
      const std::string decision = in.decision == GateDecision::pass                   ? "pass"
                                   : in.decision == GateDecision::pass_with_conditions ? "pass with conditions"
                                                                                       : "hold";
      Notice n;
      n.user_id = review->requested_by;
      n.kind = "change.review_decided";
      n.title_ar = (passes ? "عبرت المبادرة بوابة «" : "عُلّقت المبادرة عند مراجعة بوابة «") + review->gate_name_ar +
                   "»: " + i.title_ar;
      n.title_en = "Gate review of " + review->gate_name_en + " decided (" + decision + "): " + i.title_en;
      n.body_ar = in.decision == GateDecision::hold ? comments : conditions;
      n.body_en = n.body_ar;
      n.link = link_of(id);
      n.resource_type = "change_review";
      n.resource_id = std::to_string(review_id);
      notify(s, clock_, n);
    }
    audit(s, clock_, actor, "change_review.decide", "change_review", review_id, i.organization_id, std::move(changes));
    return for_caller(*repo::find_review(s, id, review_id), actor);
  });
}

InitiativeDetail ChangeService::move_back(const core::Actor& actor, std::int64_t id, const GateMoveInput& in) {
  const auto at = now();
  db_.write([&](db::Session& s) {
    repo::lock_initiative(s, id);
    auto i = load_initiative(s, actor, id, true);
    platform::Validator v;
    const auto reason = v.text("reason", in.reason, 3, 2000);
    const auto target = repo::find_gate(s, in.gate_id);
    if (!target) v.fail("gate_id", "not_found", "البوابة غير موجودة", "The gate does not exist");
    v.check();
    require_not_final(i);
    if (target->position == i.gate_position)
      throw conflict("same_gate", "المبادرة عند هذه البوابة بالفعل", "The initiative is already at this gate",
                     "gate_id");
    if (target->position > i.gate_position)
      throw conflict("gate_skip", "لا تصل المبادرة إلى البوابة التالية إلا عبر مراجعة؛ النقل اليدوي إلى الخلف فقط",
                     "An initiative reaches the next gate only through a review; a manual move goes backwards only",
                     "gate_id");
    // An open review asked about the gate after the one the initiative leaves: it no longer applies, so it is closed
    // as held, with the reason, by the caller.
    // The comment is the reason as given (one language, the caller's); the reviewers' notification says in both
    // languages why the review closed.
    std::optional<std::int64_t> closed;
    if (auto open = repo::open_review(s, id)) {
      repo::decide_review(s, *open, GateDecision::hold, "", reason, actor.user_id, at);
      closed = *open;
      const auto review = *repo::find_review(s, id, *open);
      Notice n;
      n.kind = "change.review_closed";
      n.title_ar = "أُغلقت مراجعة بوابة «" + review.gate_name_ar + "» بإعادة المبادرة إلى بوابة سابقة: " + i.title_ar;
      n.title_en =
          "Gate review of " + review.gate_name_en + " closed: the initiative was moved back (" + i.title_en + ")";
      n.body_ar = reason;
      n.body_en = reason;
      n.link = link_of(id);
      n.resource_type = "change_review";
      n.resource_id = std::to_string(*open);
      for (const auto& r : review.reviewers) {
        if (r.user_id == actor.user_id) continue;
        n.user_id = r.user_id;
        notify(s, clock_, n);
      }
    }
    auto moved = i;
    moved.gate_id = target->id;
    moved.gate_reached_at = at;
    moved.version = i.version + 1;
    moved.updated_at = at;
    if (!repo::update_initiative(s, moved)) throw platform::stale_version();
    repo::insert_move(s, id, i.gate_id, target->id, std::nullopt, reason, actor.user_id, at);
    boost::json::object changes{{"gate", {{"from", i.gate_id}, {"to", target->id}}}, {"reason", reason}};
    if (closed) changes["closed_review_id"] = *closed;
    audit(s, clock_, actor, "change_initiative.move_back", "change_initiative", id, i.organization_id,
          std::move(changes));
    search::enqueue(s, kSearchType, id);
  });
  return initiative(actor, id);
}

}  // namespace manzuma::modules::change
