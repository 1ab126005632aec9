#include "modules/partnerships/repository.hpp"

#include <map>

#include "core/day.hpp"
#include "db/query.hpp"

namespace manzuma::modules::partnerships {

namespace {

constexpr std::string_view kColumns =
    "id, title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, expires_on, status,"
    " renewal_reminder_days, terminated_on, version, created_at, updated_at";

constexpr std::string_view kActionColumns =
    "a.id, a.partnership_id, a.owner_id, u.name_ar AS owner_name_ar, u.name_en AS owner_name_en, a.title_ar,"
    " a.title_en, a.due_on, a.status, a.completed_on, a.version, a.created_at, a.updated_at";

struct PartyRow {
  std::int64_t partnership_id = 0;
  std::int64_t organization_id = 0;
  std::string name_ar, name_en;
};
BOOST_DESCRIBE_STRUCT(PartyRow, (), (partnership_id, organization_id, name_ar, name_en))

struct UserNames {
  std::string name_ar, name_en;
};
BOOST_DESCRIBE_STRUCT(UserNames, (), (name_ar, name_en))

struct ActionCount {
  std::int64_t partnership_id = 0;
  std::string due_on;
};
BOOST_DESCRIBE_STRUCT(ActionCount, (), (partnership_id, due_on))

// The row as the wire shows it (no list members), read with the owner's names.
struct ActionView {
  std::int64_t id = 0, partnership_id = 0, owner_id = 0;
  std::string owner_name_ar, owner_name_en, title_ar, title_en, due_on;
  FollowUpStatus status = FollowUpStatus::open;
  std::optional<std::string> completed_on;
  std::int64_t version = 1;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(ActionView, (),
                      (id, partnership_id, owner_id, owner_name_ar, owner_name_en, title_ar, title_en, due_on, status,
                       completed_on, version, created_at, updated_at))

PartnershipAction to_action(ActionView v, std::string_view today) {
  const bool overdue = v.status == FollowUpStatus::open && v.due_on < today;
  return PartnershipAction{v.id,
                           v.partnership_id,
                           v.owner_id,
                           std::move(v.owner_name_ar),
                           std::move(v.owner_name_en),
                           std::move(v.title_ar),
                           std::move(v.title_en),
                           std::move(v.due_on),
                           v.status,
                           std::move(v.completed_on),
                           overdue,
                           v.version,
                           std::move(v.created_at),
                           std::move(v.updated_at)};
}

// An active MoU past its expiry day is expired, whether or not the daily scan has stored that yet.
PartnershipStatus status_on(PartnershipStatus stored, std::string_view expires_on, std::string_view today) {
  return stored == PartnershipStatus::active && expires_on < today ? PartnershipStatus::expired : stored;
}

std::string in_list(std::size_t n) {
  std::string s = "(";
  for (std::size_t i = 0; i < n; ++i) s += i ? ", ?" : "?";
  return s + ")";
}

std::vector<PartyRow> parties_of(db::Session& s, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::vector<db::Value> params(ids.begin(), ids.end());
  return s.query_values<PartyRow>(
      "SELECT pp.partnership_id, pp.organization_id, o.name_ar, o.name_en FROM partnership_parties pp"
      " JOIN organizations o ON o.id = pp.organization_id WHERE pp.partnership_id IN " +
          in_list(ids.size()) + " ORDER BY pp.partnership_id, pp.position, pp.organization_id",
      params);
}

}  // namespace

std::optional<PartnershipRow> find(db::Session& s, std::int64_t id) {
  return s.query_one<PartnershipRow>("SELECT " + std::string(kColumns) + " FROM partnerships WHERE id = ?", id);
}

std::optional<Partnership> load(db::Session& s, std::int64_t id, std::string_view today) {
  auto row = find(s, id);
  if (!row) return std::nullopt;
  Partnership p;
  p.id = row->id;
  p.title_ar = row->title_ar;
  p.title_en = row->title_en;
  p.summary_ar = row->summary_ar;
  p.summary_en = row->summary_en;
  p.signed_on = row->signed_on;
  p.duration_months = row->duration_months;
  p.expires_on = row->expires_on;
  p.status = status_on(row->status, row->expires_on, today);
  p.renewal_reminder_days = row->renewal_reminder_days;
  p.days_to_expiry = core::days_between(today, row->expires_on);
  p.renewal_due =
      p.status == PartnershipStatus::active && p.days_to_expiry >= 0 && p.days_to_expiry <= p.renewal_reminder_days;
  p.terminated_on = row->terminated_on;
  p.version = row->version;
  p.created_at = row->created_at;
  p.updated_at = row->updated_at;
  for (auto& party : parties_of(s, {id}))
    p.parties.push_back({party.organization_id, std::move(party.name_ar), std::move(party.name_en)});
  p.areas = s.query<CooperationArea>(
      "SELECT name_ar, name_en FROM partnership_areas WHERE partnership_id = ? ORDER BY position, id", id);
  for (auto& a : s.query<ActionView>("SELECT " + std::string(kActionColumns) +
                                         " FROM partnership_actions a JOIN users u ON u.id = a.owner_id"
                                         " WHERE a.partnership_id = ? ORDER BY a.due_on, a.id",
                                     id))
    p.actions.push_back(to_action(std::move(a), today));
  return p;
}

core::Page<PartnershipSummary> list(db::Session& s, const core::ListQuery& q, std::string_view today) {
  db::Where w;
  if (auto v = q.filter("status")) {
    const std::string t(today);
    if (*v == "active")
      w.add("status = 'active' AND expires_on >= ?", t);
    else if (*v == "expired")
      w.add("status = 'expired' OR (status = 'active' AND expires_on < ?)", t);
    else if (*v == "draft" || *v == "terminated")
      w.add("status = ?", *v);
    else
      throw core::Error::invalid_field("filter[status]", "enum", "حالة غير معروفة",
                                       "Must be one of: draft, active, expired, terminated");
  }
  if (auto v = q.int_filter("organization_id"))
    w.add(
        "EXISTS (SELECT 1 FROM partnership_parties pp WHERE pp.partnership_id = partnerships.id"
        " AND pp.organization_id = ?)",
        *v);
  if (auto v = q.filter("expires_before")) w.add("expires_on < ?", *v);
  if (auto v = q.filter("expires_after")) w.add("expires_on > ?", *v);
  if (!q.q.empty()) {
    const auto pattern = db::contains_pattern(q.q);
    w.add(
        "title_ar LIKE ? ESCAPE '\\' OR LOWER(title_en) LIKE LOWER(?) ESCAPE '\\' OR EXISTS (SELECT 1 FROM"
        " partnership_parties pp JOIN organizations o ON o.id = pp.organization_id WHERE pp.partnership_id ="
        " partnerships.id AND (o.name_ar LIKE ? ESCAPE '\\' OR LOWER(o.name_en) LIKE LOWER(?) ESCAPE '\\'))",
        pattern, pattern, pattern, pattern);
  }
  const std::string sort = q.sort.empty() ? "expires_on" : q.sort;
  auto rows = db::fetch_page<PartnershipRow>(s, std::move(w), q,
                                             {"SELECT " + std::string(kColumns) + " FROM partnerships",
                                              "SELECT COUNT(*) FROM partnerships", sort, q.descending},
                                             [&](const PartnershipRow& r) {
                                               const std::string value = sort == "expires_on"  ? r.expires_on
                                                                         : sort == "signed_on" ? r.signed_on
                                                                         : sort == "title_en"  ? r.title_en
                                                                         : sort == "title_ar"  ? r.title_ar
                                                                                               : std::string();
                                               return std::pair{value, r.id};
                                             });

  core::Page<PartnershipSummary> page;
  page.next = std::move(rows.next);
  page.total = rows.total;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r : rows.items) {
    index[r.id] = page.items.size();
    ids.push_back(r.id);
    PartnershipSummary p;
    p.id = r.id;
    p.title_ar = r.title_ar;
    p.title_en = r.title_en;
    p.signed_on = r.signed_on;
    p.duration_months = r.duration_months;
    p.expires_on = r.expires_on;
    p.status = status_on(r.status, r.expires_on, today);
    p.renewal_reminder_days = r.renewal_reminder_days;
    p.days_to_expiry = core::days_between(today, r.expires_on);
    p.renewal_due =
        p.status == PartnershipStatus::active && p.days_to_expiry >= 0 && p.days_to_expiry <= p.renewal_reminder_days;
    page.items.push_back(std::move(p));
  }
  if (ids.empty()) return page;
  for (auto& party : parties_of(s, ids))
    page.items[index[party.partnership_id]].parties.push_back(
        {party.organization_id, std::move(party.name_ar), std::move(party.name_en)});
  std::vector<db::Value> params(ids.begin(), ids.end());
  for (const auto& a : s.query_values<ActionCount>(
           "SELECT partnership_id, due_on FROM partnership_actions WHERE status = 'open' AND partnership_id IN " +
               in_list(ids.size()),
           params)) {
    auto& p = page.items[index[a.partnership_id]];
    ++p.open_actions;
    if (a.due_on < today) ++p.overdue_actions;
  }
  return page;
}

std::int64_t insert(db::Session& s, const PartnershipRow& p) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO partnerships (title_ar, title_en, summary_ar, summary_en, signed_on, duration_months, expires_on,"
      " status, renewal_reminder_days, terminated_on, version, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      p.title_ar, p.title_en, p.summary_ar, p.summary_en, p.signed_on, p.duration_months, p.expires_on, p.status,
      p.renewal_reminder_days, p.terminated_on, p.created_at, p.updated_at);
}

bool update(db::Session& s, const PartnershipRow& p) {
  return s.exec(
             "UPDATE partnerships SET title_ar = ?, title_en = ?, summary_ar = ?, summary_en = ?, signed_on = ?,"
             " duration_months = ?, expires_on = ?, status = ?, renewal_reminder_days = ?, terminated_on = ?,"
             " version = ?, updated_at = ? WHERE id = ? AND version = ?",
             p.title_ar, p.title_en, p.summary_ar, p.summary_en, p.signed_on, p.duration_months, p.expires_on, p.status,
             p.renewal_reminder_days, p.terminated_on, p.version, p.updated_at, p.id, p.version - 1) == 1;
}

void replace_parties(db::Session& s, std::int64_t id, const std::vector<std::int64_t>& organization_ids) {
  s.exec("DELETE FROM partnership_parties WHERE partnership_id = ?", id);
  std::int64_t position = 0;
  for (auto org : organization_ids)
    s.exec("INSERT INTO partnership_parties (partnership_id, organization_id, position) VALUES (?, ?, ?)", id, org,
           position++);
}

void replace_areas(db::Session& s, std::int64_t id, const std::vector<CooperationArea>& areas) {
  s.exec("DELETE FROM partnership_areas WHERE partnership_id = ?", id);
  std::int64_t position = 0;
  for (const auto& a : areas)
    s.exec("INSERT INTO partnership_areas (partnership_id, position, name_ar, name_en) VALUES (?, ?, ?, ?)", id,
           position++, a.name_ar, a.name_en);
}

std::int64_t count_organizations(db::Session& s, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return 0;
  std::vector<db::Value> params(ids.begin(), ids.end());
  return s
      .query_one_values<std::int64_t>("SELECT COUNT(*) FROM organizations WHERE id IN " + in_list(ids.size()), params)
      .value_or(0);
}

std::optional<std::pair<std::string, std::string>> active_user_names(db::Session& s, std::int64_t user_id) {
  auto names = s.query_one<UserNames>("SELECT name_ar, name_en FROM users WHERE id = ? AND active = 1", user_id);
  if (!names) return std::nullopt;
  return std::pair{std::move(names->name_ar), std::move(names->name_en)};
}

std::optional<ActionRow> find_action(db::Session& s, std::int64_t partnership_id, std::int64_t action_id) {
  return s.query_one<ActionRow>(
      "SELECT id, partnership_id, owner_id, title_ar, title_en, due_on, status, completed_on, version, created_at,"
      " updated_at FROM partnership_actions WHERE id = ? AND partnership_id = ?",
      action_id, partnership_id);
}

std::optional<PartnershipAction> load_action(db::Session& s, std::int64_t action_id, std::string_view today) {
  auto v = s.query_one<ActionView>("SELECT " + std::string(kActionColumns) +
                                       " FROM partnership_actions a JOIN users u ON u.id = a.owner_id WHERE a.id = ?",
                                   action_id);
  if (!v) return std::nullopt;
  return to_action(std::move(*v), today);
}

std::int64_t insert_action(db::Session& s, const ActionRow& a) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO partnership_actions (partnership_id, owner_id, title_ar, title_en, due_on, status, completed_on,"
      " version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      a.partnership_id, a.owner_id, a.title_ar, a.title_en, a.due_on, a.status, a.completed_on, a.created_at,
      a.updated_at);
}

bool update_action(db::Session& s, const ActionRow& a) {
  return s.exec(
             "UPDATE partnership_actions SET owner_id = ?, title_ar = ?, title_en = ?, due_on = ?, status = ?,"
             " completed_on = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             a.owner_id, a.title_ar, a.title_en, a.due_on, a.status, a.completed_on, a.version, a.updated_at, a.id,
             a.version - 1) == 1;
}

std::vector<PartnershipRow> renewal_due(db::Session& s, std::string_view today) {
  // Reminder windows differ per MoU, so the window is checked here; active MoUs are few (hundreds at most).
  auto rows = s.query<PartnershipRow>(
      "SELECT " + std::string(kColumns) + " FROM partnerships WHERE status = 'active' AND expires_on >= ?",
      std::string(today));
  std::erase_if(
      rows, [&](const PartnershipRow& r) { return core::days_between(today, r.expires_on) > r.renewal_reminder_days; });
  return rows;
}

std::vector<PartnershipRow> past_expiry(db::Session& s, std::string_view today) {
  return s.query<PartnershipRow>(
      "SELECT " + std::string(kColumns) + " FROM partnerships WHERE status = 'active' AND expires_on < ?",
      std::string(today));
}

std::int64_t mark_expired(db::Session& s, std::int64_t id, std::string_view now) {
  return s.exec(
      "UPDATE partnerships SET status = 'expired', version = version + 1, updated_at = ? WHERE id = ?"
      " AND status = 'active'",
      std::string(now), id);
}

std::vector<ActionRow> overdue_actions(db::Session& s, std::string_view today) {
  return s.query<ActionRow>(
      "SELECT a.id, a.partnership_id, a.owner_id, a.title_ar, a.title_en, a.due_on, a.status, a.completed_on,"
      " a.version, a.created_at, a.updated_at FROM partnership_actions a JOIN partnerships p ON p.id ="
      " a.partnership_id WHERE a.status = 'open' AND a.due_on < ? AND p.status <> 'terminated' ORDER BY a.id",
      std::string(today));
}

}  // namespace manzuma::modules::partnerships
