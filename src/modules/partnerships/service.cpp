#include "modules/partnerships/service.hpp"

#include <set>

#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/partnerships/api.hpp"
#include "modules/partnerships/repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/validation.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

namespace repo = partnerships;
using platform::Validator;

namespace {

constexpr std::int64_t kMaxParties = 20;
constexpr std::int64_t kMaxAreas = 30;

core::Error partnership_not_found() {
  return core::Error::not_found("مذكرة التعاون غير موجودة", "The memorandum of cooperation was not found");
}

core::Error action_not_found() {
  return core::Error::not_found("إجراء المتابعة غير موجود", "The follow-up action was not found");
}

std::string_view status_ar(PartnershipStatus s) {
  switch (s) {
    case PartnershipStatus::draft:
      return "مسودة";
    case PartnershipStatus::active:
      return "سارية";
    case PartnershipStatus::expired:
      return "منتهية";
    case PartnershipStatus::terminated:
      return "منهاة";
  }
  return "";
}

std::string_view status_ar(FollowUpStatus s) {
  switch (s) {
    case FollowUpStatus::open:
      return "مفتوح";
    case FollowUpStatus::done:
      return "منجز";
    case FollowUpStatus::cancelled:
      return "ملغى";
  }
  return "";
}

// 409 naming the current status and the refused move, in both languages.
template <class Status>
core::Error illegal_move(std::string_view what_ar, std::string_view what_en, Status from, Status to) {
  const std::string f(core::json::enum_name(from)), t(core::json::enum_name(to));
  return core::Error(core::ErrorKind::conflict, "invalid_transition",
                     std::string(what_ar) + " حالتها «" + std::string(status_ar(from)) + "»، ولا يمكن نقلها إلى «" +
                         std::string(status_ar(to)) + "»",
                     "The " + std::string(what_en) + " is " + f + "; it cannot move to " + t, "status");
}

struct CheckedFields {
  std::string title_ar, title_en, summary_ar, summary_en, signed_on, expires_on;
  std::vector<std::int64_t> parties;
  std::vector<CooperationArea> areas;
  std::int64_t reminder_days = 60;
};

// Fields shared by create and update, checked the same way.
CheckedFields check_fields(db::Session& s, Validator& v, const std::string& title_ar, const std::string& title_en,
                           const std::optional<std::string>& summary_ar, const std::optional<std::string>& summary_en,
                           const std::string& signed_on, std::int64_t duration_months,
                           const std::vector<std::int64_t>& party_ids, const std::vector<CooperationArea>& areas,
                           const std::optional<std::int64_t>& reminder_days) {
  CheckedFields c;
  c.title_ar = v.arabic_text("title_ar", title_ar, 3, 300);
  c.title_en = v.text("title_en", title_en, 3, 300);
  c.summary_ar = v.text("summary_ar", summary_ar.value_or(""), 0, 4000);
  c.summary_en = v.text("summary_en", summary_en.value_or(""), 0, 4000);
  const auto signed_day = v.day("signed_on", signed_on);
  if (signed_day) c.signed_on = core::format_day(*signed_day);
  if (duration_months < 1 || duration_months > 120)
    v.fail("duration_months", "out_of_range", "مدة المذكرة بين شهر واحد و١٢٠ شهرًا",
           "The duration must be between 1 and 120 months");
  else if (signed_day)
    c.expires_on = core::format_day(core::add_months(*signed_day, duration_months));

  std::set<std::int64_t> seen;
  for (auto id : party_ids) {
    if (!seen.insert(id).second) {
      v.fail("party_ids", "duplicate", "لا تُذكر الجهة الطرف أكثر من مرة", "A party is listed more than once");
      break;
    }
    c.parties.push_back(id);
  }
  if (seen.size() < 2)
    v.fail("party_ids", "too_few", "تحتاج مذكرة التعاون إلى طرفين على الأقل",
           "A memorandum of cooperation needs at least two parties");
  else if (static_cast<std::int64_t>(party_ids.size()) > kMaxParties)
    v.fail("party_ids", "too_many", "عدد الأطراف أكثر من ٢٠", "At most 20 parties");
  else if (repo::count_organizations(s, c.parties) != static_cast<std::int64_t>(c.parties.size()))
    v.fail("party_ids", "not_found", "إحدى الجهات الأطراف غير موجودة", "One of the parties does not exist");

  if (static_cast<std::int64_t>(areas.size()) > kMaxAreas)
    v.fail("areas", "too_many", "مجالات التعاون أكثر من ٣٠", "At most 30 areas of cooperation");
  for (std::size_t i = 0; i < areas.size() && static_cast<std::int64_t>(i) < kMaxAreas; ++i) {
    const std::string at = "areas[" + std::to_string(i) + "]";
    c.areas.push_back(
        {v.arabic_text(at + ".name_ar", areas[i].name_ar, 2, 200), v.text(at + ".name_en", areas[i].name_en, 2, 200)});
  }
  c.reminder_days = reminder_days.value_or(60);
  if (c.reminder_days < 0 || c.reminder_days > 365)
    v.fail("renewal_reminder_days", "out_of_range", "أيام التذكير بالتجديد بين ٠ و٣٦٥",
           "Renewal reminder days must be between 0 and 365");
  return c;
}

struct CheckedAction {
  std::string title_ar, title_en, due_on, owner_name_en;
};

CheckedAction check_action(db::Session& s, Validator& v, const repo::PartnershipRow& p, const std::string& title_ar,
                           const std::string& title_en, std::int64_t owner_id, const std::string& due_on) {
  CheckedAction c;
  c.title_ar = v.arabic_text("title_ar", title_ar, 3, 300);
  c.title_en = v.text("title_en", title_en, 3, 300);
  if (!repo::active_user_names(s, owner_id))
    v.fail("owner_id", "not_found", "المسؤول غير موجود أو حسابه معطّل", "The owner is not an active user");
  if (const auto due = v.day("due_on", due_on)) {
    if (core::format_day(*due) < p.signed_on)
      v.fail("due_on", "before_signing", "لا يسبق تاريخ الاستحقاق تاريخ توقيع المذكرة",
             "The due date cannot be before the memorandum was signed");
    else
      c.due_on = core::format_day(*due);
  }
  return c;
}

PartnershipStatus effective(const repo::PartnershipRow& p, std::string_view today) {
  return p.status == PartnershipStatus::active && p.expires_on < today ? PartnershipStatus::expired : p.status;
}

void notify_owner(db::Session& s, const core::Clock& clock, const repo::PartnershipRow& p, const repo::ActionRow& a) {
  notify(
      s, clock,
      Notice{a.owner_id, std::string(partnerships::kActionAssignedKind), "أُسند إليك إجراء متابعة: " + a.title_ar,
             "Follow-up action assigned to you: " + a.title_en,
             "مذكرة التعاون: " + p.title_ar + " — الاستحقاق " + a.due_on, "MoU: " + p.title_en + " — due " + a.due_on,
             "/partnerships/" + std::to_string(p.id), "partnership_action", std::to_string(a.id), std::nullopt});
}

}  // namespace

core::Page<PartnershipSummary> PartnershipService::list(const core::Actor&, const core::ListQuery& q) {
  const auto today = core::today(clock_);
  return db_.read([&](db::Session& s) { return repo::list(s, q, today); });
}

Partnership PartnershipService::get(const core::Actor&, std::int64_t id) {
  const auto today = core::today(clock_);
  auto p = db_.read([&](db::Session& s) { return repo::load(s, id, today); });
  if (!p) throw partnership_not_found();
  return *p;
}

Partnership PartnershipService::create(const core::Actor& actor, const PartnershipInput& in) {
  return db_.write([&](db::Session& s) {
    Validator v;
    auto c = check_fields(s, v, in.title_ar, in.title_en, in.summary_ar, in.summary_en, in.signed_on,
                          in.duration_months, in.party_ids, in.areas, in.renewal_reminder_days);
    v.check();
    repo::PartnershipRow row;
    row.title_ar = c.title_ar;
    row.title_en = c.title_en;
    row.summary_ar = c.summary_ar;
    row.summary_en = c.summary_en;
    row.signed_on = c.signed_on;
    row.duration_months = in.duration_months;
    row.expires_on = c.expires_on;
    row.status = PartnershipStatus::draft;
    row.renewal_reminder_days = c.reminder_days;
    row.created_at = row.updated_at = core::iso8601(clock_.now());
    row.id = repo::insert(s, row);
    repo::replace_parties(s, row.id, c.parties);
    repo::replace_areas(s, row.id, c.areas);
    auto stored = repo::load(s, row.id, core::today(clock_));
    auto changes = core::json::encode(*stored).as_object();
    changes.erase("actions");
    platform::audit(s, clock_, &actor, actor.origin,
                    {"partnership.create", "partnership", std::to_string(row.id), std::nullopt, std::move(changes)});
    search::enqueue(s, "partnership", row.id);
    return *stored;
  });
}

Partnership PartnershipService::update(const core::Actor& actor, std::int64_t id, const PartnershipUpdate& in) {
  return db_.write([&](db::Session& s) {
    const auto today = core::today(clock_);
    auto current = repo::find(s, id);
    if (!current) throw partnership_not_found();
    Validator v;
    auto c = check_fields(s, v, in.title_ar, in.title_en, in.summary_ar, in.summary_en, in.signed_on,
                          in.duration_months, in.party_ids, in.areas, in.renewal_reminder_days);
    v.check();
    const auto now_status = effective(*current, today);
    if (now_status == PartnershipStatus::terminated)
      throw core::Error(core::ErrorKind::conflict, "invalid_transition", "مذكرة التعاون منهاة؛ لا يمكن تعديلها",
                        "The MoU is terminated; it cannot be edited", "status");
    if (in.version != current->version) throw platform::stale_version();
    auto before = repo::load(s, id, today);

    repo::PartnershipRow row = *current;
    row.title_ar = c.title_ar;
    row.title_en = c.title_en;
    row.summary_ar = c.summary_ar;
    row.summary_en = c.summary_en;
    row.signed_on = c.signed_on;
    row.duration_months = in.duration_months;
    row.expires_on = c.expires_on;
    row.renewal_reminder_days = c.reminder_days;
    // A new expiry on or after today renews an expired MoU; one before today on an active MoU expires it.
    const bool renews = now_status == PartnershipStatus::expired && row.expires_on >= today;
    if (renews) row.status = PartnershipStatus::active;
    row.version = current->version + 1;
    row.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, row)) throw platform::stale_version();
    repo::replace_parties(s, id, c.parties);
    repo::replace_areas(s, id, c.areas);
    auto after = repo::load(s, id, today);
    auto changes = platform::changes_between(core::json::encode(*before), core::json::encode(*after));
    for (const char* k : {"version", "updated_at", "actions", "days_to_expiry", "renewal_due"}) changes.erase(k);
    platform::audit(s, clock_, &actor, actor.origin,
                    {renews ? "partnership.renew" : "partnership.update", "partnership", std::to_string(id),
                     std::nullopt, std::move(changes)});
    search::enqueue(s, "partnership", id);
    return *after;
  });
}

Partnership PartnershipService::transition(const core::Actor& actor, std::int64_t id, const PartnershipTransition& in) {
  return db_.write([&](db::Session& s) {
    const auto today = core::today(clock_);
    auto current = repo::find(s, id);
    if (!current) throw partnership_not_found();
    const auto from = effective(*current, today);
    const bool allowed = (from == PartnershipStatus::draft && in.status == PartnershipStatus::active) ||
                         (from == PartnershipStatus::active && in.status == PartnershipStatus::terminated);
    if (!allowed) throw illegal_move("مذكرة التعاون", "MoU", from, in.status);
    if (in.status == PartnershipStatus::active && current->expires_on < today)
      throw core::Error(core::ErrorKind::conflict, "already_expired",
                        "انتهت مدة المذكرة في " + current->expires_on + "؛ عدّل تاريخ التوقيع أو المدة قبل تفعيلها",
                        "The MoU's term ended on " + current->expires_on +
                            "; change the signing date or duration before activating it",
                        "status");
    if (in.version != current->version) throw platform::stale_version();
    repo::PartnershipRow row = *current;
    row.status = in.status;
    if (in.status == PartnershipStatus::terminated) row.terminated_on = today;
    row.version = current->version + 1;
    row.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, row)) throw platform::stale_version();
    boost::json::object changes{{"status", boost::json::object{{"from", core::json::enum_name(from)},
                                                               {"to", core::json::enum_name(in.status)}}}};
    platform::audit(s, clock_, &actor, actor.origin,
                    {in.status == PartnershipStatus::active ? "partnership.activate" : "partnership.terminate",
                     "partnership", std::to_string(id), std::nullopt, std::move(changes)});
    search::enqueue(s, "partnership", id);
    return *repo::load(s, id, today);
  });
}

PartnershipAction PartnershipService::add_action(const core::Actor& actor, std::int64_t id,
                                                 const PartnershipActionInput& in) {
  return db_.write([&](db::Session& s) {
    const auto today = core::today(clock_);
    auto p = repo::find(s, id);
    if (!p) throw partnership_not_found();
    Validator v;
    auto c = check_action(s, v, *p, in.title_ar, in.title_en, in.owner_id, in.due_on);
    v.check();
    if (p->status == PartnershipStatus::terminated)
      throw core::Error(core::ErrorKind::conflict, "invalid_transition",
                        "مذكرة التعاون منهاة؛ لا تُضاف إليها إجراءات متابعة",
                        "The MoU is terminated; it takes no new follow-up actions", "status");
    repo::ActionRow a;
    a.partnership_id = id;
    a.owner_id = in.owner_id;
    a.title_ar = c.title_ar;
    a.title_en = c.title_en;
    a.due_on = c.due_on;
    a.status = FollowUpStatus::open;
    a.created_at = a.updated_at = core::iso8601(clock_.now());
    a.id = repo::insert_action(s, a);
    auto stored = repo::load_action(s, a.id, today);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"partnership.action_create", "partnership_action", std::to_string(a.id), std::nullopt,
                     core::json::encode(*stored).as_object()});
    if (a.owner_id != actor.user_id) notify_owner(s, clock_, *p, a);
    return *stored;
  });
}

PartnershipAction PartnershipService::update_action(const core::Actor& actor, std::int64_t id, std::int64_t action_id,
                                                    const PartnershipActionUpdate& in) {
  return db_.write([&](db::Session& s) {
    const auto today = core::today(clock_);
    auto p = repo::find(s, id);
    if (!p) throw partnership_not_found();
    auto current = repo::find_action(s, id, action_id);
    if (!current) throw action_not_found();
    Validator v;
    auto c = check_action(s, v, *p, in.title_ar, in.title_en, in.owner_id, in.due_on);
    v.check();
    if (p->status == PartnershipStatus::terminated)
      throw core::Error(core::ErrorKind::conflict, "invalid_transition", "مذكرة التعاون منهاة؛ لا تُعدّل إجراءاتها",
                        "The MoU is terminated; its actions are closed", "status");
    // open → done | cancelled, and either back to open; done and cancelled never turn into each other.
    const auto from = current->status, to = in.status;
    if (from != to && from != FollowUpStatus::open && to != FollowUpStatus::open)
      throw illegal_move("إجراء المتابعة", "action", from, to);
    if (in.version != current->version) throw platform::stale_version();
    auto before = repo::load_action(s, action_id, today);
    repo::ActionRow a = *current;
    a.owner_id = in.owner_id;
    a.title_ar = c.title_ar;
    a.title_en = c.title_en;
    a.due_on = c.due_on;
    a.status = to;
    if (to == FollowUpStatus::done && from != FollowUpStatus::done) a.completed_on = today;
    if (to != FollowUpStatus::done) a.completed_on.reset();
    a.version = current->version + 1;
    a.updated_at = core::iso8601(clock_.now());
    if (!repo::update_action(s, a)) throw platform::stale_version();
    auto after = repo::load_action(s, action_id, today);
    auto changes = platform::changes_between(core::json::encode(*before), core::json::encode(*after));
    for (const char* k : {"version", "updated_at"}) changes.erase(k);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"partnership.action_update", "partnership_action", std::to_string(action_id), std::nullopt,
                     std::move(changes)});
    if (a.owner_id != current->owner_id && a.owner_id != actor.user_id) notify_owner(s, clock_, *p, a);
    return *after;
  });
}

std::vector<Notice> PartnershipService::due_notices(db::Session& s, std::string_view today) {
  std::vector<Notice> out;
  const auto office = program_office_users(s);
  const std::string link = "/partnerships/";
  const core::Origin origin{"notify-scan", "local", "manzuma notification scan"};
  for (const auto& p : repo::past_expiry(s, today)) {
    if (repo::mark_expired(s, p.id, core::iso8601(clock_.now())) == 1) {
      platform::audit(s, clock_, nullptr, origin,
                      {"partnership.expire", "partnership", std::to_string(p.id), std::nullopt,
                       boost::json::object{{"status", boost::json::object{{"from", "active"}, {"to", "expired"}}}}},
                      "notification-scan");
      search::enqueue(s, "partnership", p.id);
    }
    for (auto user : office)
      out.push_back({user, std::string(partnerships::kExpiredKind), "انتهت مذكرة التعاون: " + p.title_ar,
                     "MoU expired: " + p.title_en, "انتهت مدة المذكرة في " + p.expires_on,
                     "Its term ended on " + p.expires_on, link + std::to_string(p.id), "partnership",
                     std::to_string(p.id), "partnership.expired:" + std::to_string(p.id) + ":" + p.expires_on});
  }
  for (const auto& p : repo::renewal_due(s, today)) {
    const auto days = std::to_string(core::days_between(today, p.expires_on));
    for (auto user : office)
      out.push_back({user, std::string(partnerships::kRenewalKind), "حان تجديد مذكرة التعاون: " + p.title_ar,
                     "MoU renewal due: " + p.title_en, "تنتهي المذكرة في " + p.expires_on + " (بعد " + days + " يومًا)",
                     "It expires on " + p.expires_on + " (in " + days + " days)", link + std::to_string(p.id),
                     "partnership", std::to_string(p.id),
                     "partnership.renewal:" + std::to_string(p.id) + ":" + p.expires_on});
  }
  for (const auto& a : repo::overdue_actions(s, today))
    out.push_back({a.owner_id, std::string(partnerships::kActionOverdueKind), "إجراء متابعة متأخر: " + a.title_ar,
                   "Overdue follow-up action: " + a.title_en, "كان مستحقًا في " + a.due_on, "It was due on " + a.due_on,
                   link + std::to_string(a.partnership_id), "partnership_action", std::to_string(a.id),
                   "partnership.action_overdue:" + std::to_string(a.id) + ":" + a.due_on});
  return out;
}

}  // namespace manzuma::modules
