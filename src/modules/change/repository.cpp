#include "modules/change/repository.hpp"

#include <map>
#include <type_traits>

#include "core/json.hpp"
#include "db/query.hpp"

namespace manzuma::modules::change::portfolio {

namespace {

// Copies the members `To` shares with `From` by name (a row into its wire type).
template <class To, class From>
void copy_into(To& to, const From& from) {
  boost::mp11::mp_for_each<boost::describe::describe_members<From, boost::describe::mod_public>>([&](auto f) {
    boost::mp11::mp_for_each<boost::describe::describe_members<To, boost::describe::mod_public>>([&](auto t) {
      using F = std::remove_cvref_t<decltype(from.*f.pointer)>;
      using T = std::remove_cvref_t<decltype(to.*t.pointer)>;
      if constexpr (std::is_same_v<F, T>)
        if (std::string_view(f.name) == t.name) to.*t.pointer = from.*f.pointer;
    });
  });
}

template <class To, class From>
To copy_members(const From& from) {
  To to{};
  copy_into(to, from);
  return to;
}

// "x IN (?, ?, ...)" over ids, with the ids as parameters.
std::string in_list(const std::vector<std::int64_t>& ids, std::vector<db::Value>& params) {
  std::string in;
  for (auto id : ids) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  return "(" + in + ")";
}

// Restricts `column` (an organisation id) to the organisations the scope reads.
void add_scope(db::Where& w, const ReadScope& scope, std::string_view column) {
  if (scope.all) return;
  if (scope.paths.empty()) {
    w.add("1 = 0");
    return;
  }
  std::string in = std::string(column) + " IN (SELECT og.id FROM organizations og WHERE ";
  std::vector<db::Value> params;
  for (std::size_t i = 0; i < scope.paths.size(); ++i) {
    in += i ? " OR og.path LIKE ?" : "og.path LIKE ?";
    params.emplace_back(scope.paths[i] + "%");
  }
  w.add_values(in + ")", params);
}

template <class E>
void add_enum_filter(db::Where& w, const core::ListQuery& q, std::string_view name, std::string_view column) {
  auto v = q.filter(name);
  if (!v) return;
  if (!core::json::enum_from_name<E>(*v))
    throw core::Error::invalid_field("filter[" + std::string(name) + "]", "enum", "قيمة غير معروفة",
                                     "Must be one of: " + core::json::enum_names<E>());
  w.add(std::string(column) + " = ?", std::string(*v));
}

// ---------------------------------------------------------------------------------------------

struct GateRecord {
  std::int64_t id = 0, position = 0;
  std::string name_ar, name_en, description_ar, description_en;
  std::int64_t initiatives = 0, version = 1;
};
BOOST_DESCRIBE_STRUCT(GateRecord, (),
                      (id, position, name_ar, name_en, description_ar, description_en, initiatives, version))

struct CriterionRecord {
  std::int64_t id = 0, gate_id = 0, position = 0;
  GateCriterionKind kind = GateCriterionKind::check;
  std::string text_ar, text_en;
};
BOOST_DESCRIBE_STRUCT(CriterionRecord, (), (id, gate_id, position, kind, text_ar, text_en))

// The gates with their criteria, each gate's initiatives counted within `scope`.
std::vector<ChangeGate> gates_where(db::Session& s, const ReadScope& scope, const std::string& where,
                                    std::optional<std::int64_t> param) {
  std::string count = "SELECT COUNT(*) FROM change_initiatives i WHERE i.gate_id = g.id";
  std::vector<db::Value> values;
  if (!scope.all) {
    if (scope.paths.empty()) {
      count += " AND 1 = 0";
    } else {
      count += " AND i.organization_id IN (SELECT og.id FROM organizations og WHERE ";
      for (std::size_t k = 0; k < scope.paths.size(); ++k) {
        count += k ? " OR og.path LIKE ?" : "og.path LIKE ?";
        values.emplace_back(scope.paths[k] + "%");
      }
      count += ")";
    }
  }
  if (param) values.emplace_back(*param);
  const auto rows = s.query_values<GateRecord>(
      "SELECT g.id, g.position, g.name_ar, g.name_en, g.description_ar, g.description_en, (" + count +
          ") AS initiatives, g.version FROM change_gates g" + where,
      values);
  std::vector<ChangeGate> out;
  if (rows.empty()) return out;
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  std::vector<db::Value> params;
  const auto in = in_list(ids, params);
  std::map<std::int64_t, std::vector<GateCriterion>> by_gate;
  for (const auto& c : s.query_values<CriterionRecord>(
           "SELECT id, gate_id, position, kind, text_ar, text_en FROM change_gate_criteria WHERE retired = 0"
           " AND gate_id IN " +
               in + " ORDER BY gate_id, position, id",
           params))
    by_gate[c.gate_id].push_back(copy_members<GateCriterion>(c));
  for (const auto& r : rows) {
    auto g = copy_members<ChangeGate>(r);
    g.criteria = std::move(by_gate[r.id]);
    out.push_back(std::move(g));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

struct TeamRecord {
  std::int64_t id = 0, organization_id = 0;
  std::string organization_name_ar, organization_name_en, name_ar, name_en;
  std::optional<std::int64_t> head_id;
  std::optional<std::string> head_name_ar, head_name_en;
  std::string programs_ar, programs_en;
  std::int64_t version = 1;
  std::string created_at, updated_at;
};
BOOST_DESCRIBE_STRUCT(TeamRecord, (),
                      (id, organization_id, organization_name_ar, organization_name_en, name_ar, name_en, head_id,
                       head_name_ar, head_name_en, programs_ar, programs_en, version, created_at, updated_at))

struct MemberRecord {
  std::int64_t team_id = 0, user_id = 0;
  std::string name_ar, name_en, email, training;
};
BOOST_DESCRIBE_STRUCT(MemberRecord, (), (team_id, user_id, name_ar, name_en, email, training))

constexpr std::string_view kTeamColumns =
    "t.id, t.organization_id, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, t.name_ar,"
    " t.name_en, t.head_id, h.name_ar AS head_name_ar, h.name_en AS head_name_en, t.programs_ar, t.programs_en,"
    " t.version, t.created_at, t.updated_at";
constexpr std::string_view kTeamFrom =
    " FROM change_teams t JOIN organizations o ON o.id = t.organization_id LEFT JOIN users h ON h.id = t.head_id";

std::vector<ChangeTeam> with_members(db::Session& s, const std::vector<TeamRecord>& rows) {
  std::vector<ChangeTeam> out;
  if (rows.empty()) return out;
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  std::vector<db::Value> params;
  const auto in = in_list(ids, params);
  std::map<std::int64_t, std::vector<ChangeTeamMember>> by_team;
  for (const auto& m : s.query_values<MemberRecord>(
           "SELECT m.team_id, m.user_id, u.name_ar, u.name_en, u.email, m.training FROM change_team_members m"
           " JOIN users u ON u.id = m.user_id WHERE m.team_id IN " +
               in + " ORDER BY m.team_id, u.name_ar, u.id",
           params))
    by_team[m.team_id].push_back(copy_members<ChangeTeamMember>(m));
  for (const auto& r : rows) {
    auto t = copy_members<ChangeTeam>(r);
    t.members = std::move(by_team[r.id]);
    out.push_back(std::move(t));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

constexpr std::string_view kGroupColumns =
    "id, organization_id, name_ar, name_en, size, location_ar, location_en, version";

constexpr std::string_view kInitiativeFrom =
    " FROM change_initiatives i JOIN organizations o ON o.id = i.organization_id"
    " JOIN change_gates g ON g.id = i.gate_id LEFT JOIN users h ON h.id = i.head_id";
constexpr std::string_view kInitiativeColumns =
    "i.id, i.organization_id, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, i.title_ar,"
    " i.title_en, i.type, i.status, i.gate_id, g.position AS gate_position, g.name_ar AS gate_name_ar,"
    " g.name_en AS gate_name_en, i.starts_on, i.ends_on, i.head_id, h.name_ar AS head_name_ar,"
    " h.name_en AS head_name_en, i.program_ar, i.program_en, i.version, i.updated_at";

struct InitiativeCounts {
  std::int64_t initiative_id = 0, n = 0, late = 0;
};
BOOST_DESCRIBE_STRUCT(InitiativeCounts, (), (initiative_id, n, late))

// The impact total, the action count and the late actions of each initiative of a page (two queries a page).
void complete(db::Session& s, std::vector<Initiative>& items, std::string_view today) {
  if (items.empty()) return;
  std::vector<std::int64_t> ids;
  for (const auto& i : items) ids.push_back(i.id);
  std::vector<db::Value> params;
  const auto in = in_list(ids, params);
  std::map<std::int64_t, InitiativeCounts> impact, actions;
  for (auto& c : s.query_values<InitiativeCounts>(
           "SELECT initiative_id, SUM(total) AS n, 0 AS late FROM change_impacts WHERE initiative_id IN " + in +
               " GROUP BY initiative_id",
           params))
    impact[c.initiative_id] = c;
  auto with_today = params;
  with_today.insert(with_today.begin(), db::Value(std::string(today)));
  for (auto& c : s.query_values<InitiativeCounts>(
           "SELECT initiative_id, COUNT(*) AS n, SUM(CASE WHEN status IN ('not_started', 'in_progress')"
           " AND due_on < ? THEN 1 ELSE 0 END) AS late FROM change_actions WHERE initiative_id IN " +
               in + " GROUP BY initiative_id",
           with_today))
    actions[c.initiative_id] = c;
  for (auto& i : items) {
    i.impact_total = impact[i.id].n;
    i.action_count = actions[i.id].n;
    // A completed or cancelled initiative's plan is over: none of its actions is late.
    const bool final = i.status == InitiativeStatus::completed || i.status == InitiativeStatus::cancelled;
    i.late_actions = final ? 0 : actions[i.id].late;
  }
}

constexpr std::string_view kInitiativeRowSelect =
    "SELECT i.id, i.organization_id, o.path AS organization_path, i.team_id, i.title_ar, i.title_en,"
    " i.description_ar, i.description_en, i.type, i.sponsor_ar, i.sponsor_en, i.head_id, i.starts_on, i.ends_on,"
    " i.program_ar, i.program_en, i.program_target_ar, i.program_target_en, i.status, i.gate_id,"
    " g.position AS gate_position, i.gate_reached_at, i.version, i.updated_at FROM change_initiatives i"
    " JOIN organizations o ON o.id = i.organization_id JOIN change_gates g ON g.id = i.gate_id";

struct TeamName {
  std::optional<std::string> team_name_ar, team_name_en;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(TeamName, (), (team_name_ar, team_name_en, created_at))

// ---------------------------------------------------------------------------------------------

constexpr std::string_view kStakeholderColumns =
    "id, name_ar, name_en, role_ar, role_en, influence, support, sponsor, roadmap_ar, roadmap_en, version";

constexpr std::string_view kActionSelect =
    "SELECT a.id, a.kind, a.title_ar, a.title_en, a.owner_id, u.name_ar AS owner_name_ar, u.name_en AS owner_name_en,"
    " a.starts_on, a.due_on, a.status, a.done_on, a.version FROM change_actions a LEFT JOIN users u ON u.id ="
    " a.owner_id";

void mark_late(ChangeAction& a, std::string_view today) {
  a.late =
      (a.status == ChangeActionStatus::not_started || a.status == ChangeActionStatus::in_progress) && a.due_on < today;
}

constexpr std::string_view kRiskSelect =
    "SELECT r.id, r.title_ar, r.title_en, r.likelihood, r.impact, r.owner_id, u.name_ar AS owner_name_ar,"
    " u.name_en AS owner_name_en, r.mitigation_ar, r.mitigation_en, r.status, r.version FROM change_risks r"
    " LEFT JOIN users u ON u.id = r.owner_id";

void score(ChangeRisk& r) {
  r.score = r.likelihood * r.impact;
  r.level = r.score <= 4 ? RiskLevel::low : r.score <= 12 ? RiskLevel::medium : RiskLevel::high;
}

constexpr std::string_view kChallengeColumns =
    "c.id, c.organization_id, o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, c.initiative_id,"
    " i.title_ar AS initiative_title_ar, i.title_en AS initiative_title_en, c.body, c.category, c.status,"
    " c.raised_by, u.name_ar AS raised_by_name_ar, u.name_en AS raised_by_name_en, c.version, c.created_at";
constexpr std::string_view kChallengeFrom =
    " FROM change_challenges c JOIN organizations o ON o.id = c.organization_id"
    " LEFT JOIN change_initiatives i ON i.id = c.initiative_id JOIN users u ON u.id = c.raised_by";

// ---------------------------------------------------------------------------------------------

struct ReviewRecord {
  std::int64_t id = 0, gate_id = 0, gate_position = 0;
  std::string gate_name_ar, gate_name_en;
  GateReviewStatus status = GateReviewStatus::open;
  std::optional<GateDecision> decision;
  std::string conditions, comments;
  std::int64_t requested_by = 0;
  std::string requested_by_name_ar, requested_by_name_en, requested_at;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_by_name_ar, decided_by_name_en, decided_at;
  std::int64_t version = 1;
};
BOOST_DESCRIBE_STRUCT(ReviewRecord, (),
                      (id, gate_id, gate_position, gate_name_ar, gate_name_en, status, decision, conditions, comments,
                       requested_by, requested_by_name_ar, requested_by_name_en, requested_at, decided_by,
                       decided_by_name_ar, decided_by_name_en, decided_at, version))

struct ReviewerRecord {
  std::int64_t review_id = 0, user_id = 0;
  std::string name_ar, name_en;
};
BOOST_DESCRIBE_STRUCT(ReviewerRecord, (), (review_id, user_id, name_ar, name_en))

struct CheckRecord {
  std::int64_t review_id = 0, criterion_id = 0;
  GateCriterionKind kind = GateCriterionKind::check;
  std::string text_ar, text_en;
  bool met = false;
  std::string note;
  std::optional<std::int64_t> attachment_id;
  std::optional<std::string> attachment_name;
};
BOOST_DESCRIBE_STRUCT(CheckRecord, (),
                      (review_id, criterion_id, kind, text_ar, text_en, met, note, attachment_id, attachment_name))

constexpr std::string_view kReviewSelect =
    "SELECT r.id, r.gate_id, g.position AS gate_position, g.name_ar AS gate_name_ar, g.name_en AS gate_name_en,"
    " r.status, r.decision, r.conditions, r.comments, r.requested_by, ru.name_ar AS requested_by_name_ar,"
    " ru.name_en AS requested_by_name_en, r.requested_at, r.decided_by, du.name_ar AS decided_by_name_ar,"
    " du.name_en AS decided_by_name_en, r.decided_at, r.version FROM change_gate_reviews r"
    " JOIN change_gates g ON g.id = r.gate_id JOIN users ru ON ru.id = r.requested_by"
    " LEFT JOIN users du ON du.id = r.decided_by";

std::vector<GateReview> with_lines(db::Session& s, const std::vector<ReviewRecord>& rows) {
  std::vector<GateReview> out;
  if (rows.empty()) return out;
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  std::vector<db::Value> params;
  const auto in = in_list(ids, params);
  std::map<std::int64_t, std::vector<GateReviewer>> reviewers;
  for (const auto& r : s.query_values<ReviewerRecord>(
           "SELECT rv.review_id, rv.user_id, u.name_ar, u.name_en FROM change_gate_reviewers rv"
           " JOIN users u ON u.id = rv.user_id WHERE rv.review_id IN " +
               in + " ORDER BY rv.review_id, u.name_ar, u.id",
           params))
    reviewers[r.review_id].push_back(copy_members<GateReviewer>(r));
  std::map<std::int64_t, std::vector<GateCheck>> checks;
  for (const auto& c : s.query_values<CheckRecord>(
           "SELECT c.review_id, c.criterion_id, k.kind, k.text_ar, k.text_en, c.met, c.note, c.attachment_id,"
           " a.filename AS attachment_name FROM change_gate_checks c"
           " JOIN change_gate_criteria k ON k.id = c.criterion_id LEFT JOIN attachments a ON a.id = c.attachment_id"
           " WHERE c.review_id IN " +
               in + " ORDER BY c.review_id, k.position, k.id",
           params))
    checks[c.review_id].push_back(copy_members<GateCheck>(c));
  for (const auto& r : rows) {
    auto g = copy_members<GateReview>(r);
    g.reviewers = std::move(reviewers[r.id]);
    g.checks = std::move(checks[r.id]);
    out.push_back(std::move(g));
  }
  return out;
}

struct AttachmentRecord {
  std::string path, filename;
};
BOOST_DESCRIBE_STRUCT(AttachmentRecord, (), (path, filename))

}  // namespace

bool member_of(db::Session& s, std::int64_t user_id, std::string_view path) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM memberships m JOIN organizations o ON o.id = m.organization_id"
              " JOIN users u ON u.id = m.user_id WHERE m.user_id = ? AND u.active = 1 AND o.path LIKE ?",
              user_id, std::string(path) + "%")
             .value_or(0) > 0;
}

bool national_user(db::Session& s, std::int64_t user_id) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = ?"
              " AND u.active = 1 AND m.role IN ('platform_admin', 'program_office')",
              user_id)
             .value_or(0) > 0;
}

std::optional<std::pair<std::string, std::string>> attachment_of(db::Session& s, std::int64_t attachment_id) {
  auto row = s.query_one<AttachmentRecord>(
      "SELECT o.path, a.filename FROM attachments a JOIN organizations o ON o.id = a.organization_id WHERE a.id = ?",
      attachment_id);
  if (!row) return std::nullopt;
  return std::pair{row->path, row->filename};
}

// ---------------------------------------------------------------------------------------------
// Gates

std::vector<ChangeGate> gates(db::Session& s, const ReadScope& scope) {
  return gates_where(s, scope, " ORDER BY g.position", std::nullopt);
}

std::optional<ChangeGate> find_gate(db::Session& s, std::int64_t id) {
  auto v = gates_where(s, ReadScope{true, {}}, " WHERE g.id = ?", id);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

std::optional<ChangeGate> gate_at(db::Session& s, std::int64_t position) {
  auto v = gates_where(s, ReadScope{true, {}}, " WHERE g.position = ?", position);
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

std::int64_t last_position(db::Session& s) {
  return s.query_one<std::int64_t>("SELECT COALESCE(MAX(position), 0) FROM change_gates").value_or(0);
}

std::int64_t insert_gate(db::Session& s, const ChangeGate& g, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_gates (position, name_ar, name_en, description_ar, description_en, version, created_at,"
      " updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      g.position, g.name_ar, g.name_en, g.description_ar, g.description_en, now, now);
}

bool update_gate(db::Session& s, const ChangeGate& g, std::string_view now) {
  return s.exec(
             "UPDATE change_gates SET name_ar = ?, name_en = ?, description_ar = ?, description_en = ?, version = ?,"
             " updated_at = ? WHERE id = ? AND version = ?",
             g.name_ar, g.name_en, g.description_ar, g.description_en, g.version, now, g.id, g.version - 1) == 1;
}

void replace_criteria(db::Session& s, std::int64_t gate_id, const std::vector<GateCriterionInput>& criteria) {
  // The current rows are retired, not rewritten: a review's checks point at the criteria it was requested with.
  s.exec("UPDATE change_gate_criteria SET retired = 1 WHERE gate_id = ? AND retired = 0", gate_id);
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const auto& c = criteria[i];
    s.exec(
        "INSERT INTO change_gate_criteria (gate_id, position, kind, text_ar, text_en, retired)"
        " VALUES (?, ?, ?, ?, ?, 0)",
        gate_id, static_cast<std::int64_t>(i + 1), c.kind, c.text_ar, c.text_en);
  }
}

std::int64_t reviews_at(db::Session& s, std::int64_t gate_id, bool open_only) {
  return s
      .query_one<std::int64_t>(open_only
                                   ? "SELECT COUNT(*) FROM change_gate_reviews WHERE gate_id = ? AND status = 'open'"
                                   : "SELECT COUNT(*) FROM change_gate_reviews WHERE gate_id = ?",
                               gate_id)
      .value_or(0);
}

std::int64_t moves_naming(db::Session& s, std::int64_t gate_id) {
  return s
      .query_one<std::int64_t>("SELECT COUNT(*) FROM change_gate_moves WHERE from_gate_id = ? OR to_gate_id = ?",
                               gate_id, gate_id)
      .value_or(0);
}

void delete_gate(db::Session& s, std::int64_t id, std::int64_t position) {
  s.exec("DELETE FROM change_gate_criteria WHERE gate_id = ?", id);
  s.exec("DELETE FROM change_gates WHERE id = ?", id);
  // Positions are unique and checked row by row: park the later gates at negative places, then bring them back
  // one place up.
  s.exec("UPDATE change_gates SET position = -position WHERE position > ?", position);
  s.exec("UPDATE change_gates SET position = -position - 1 WHERE position < 0");
}

// ---------------------------------------------------------------------------------------------
// Teams

core::Page<ChangeTeam> teams(db::Session& s, const core::ListQuery& q, const ReadScope& scope) {
  db::Where w;
  add_scope(w, scope, "t.organization_id");
  if (auto v = q.int_filter("organization_id")) w.add("t.organization_id = ?", *v);
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add("t.name_ar LIKE ? ESCAPE '\\' OR LOWER(t.name_en) LIKE LOWER(?) ESCAPE '\\'", p, p);
  }
  auto rows = db::fetch_page<TeamRecord>(s, std::move(w), q,
                                         {"SELECT " + std::string(kTeamColumns) + std::string(kTeamFrom),
                                          "SELECT COUNT(*)" + std::string(kTeamFrom), "t.id", q.descending, "t.id"},
                                         [](const TeamRecord& t) {
                                           return std::pair{std::string(), t.id};
                                         });
  return {with_members(s, rows.items), std::move(rows.next), rows.total};
}

std::optional<Owned> find_team_owner(db::Session& s, std::int64_t id) {
  return s.query_one<Owned>(
      "SELECT t.id, t.organization_id, o.path AS organization_path, t.version FROM change_teams t"
      " JOIN organizations o ON o.id = t.organization_id WHERE t.id = ?",
      id);
}

std::optional<ChangeTeam> find_team(db::Session& s, std::int64_t id) {
  auto rows =
      s.query<TeamRecord>("SELECT " + std::string(kTeamColumns) + std::string(kTeamFrom) + " WHERE t.id = ?", id);
  auto teams = with_members(s, rows);
  if (teams.empty()) return std::nullopt;
  return std::move(teams.front());
}

std::int64_t insert_team(db::Session& s, const ChangeTeam& t, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_teams (organization_id, name_ar, name_en, head_id, programs_ar, programs_en, version,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      t.organization_id, t.name_ar, t.name_en, t.head_id, t.programs_ar, t.programs_en, now, now);
}

bool update_team(db::Session& s, const ChangeTeam& t) {
  return s.exec(
             "UPDATE change_teams SET name_ar = ?, name_en = ?, head_id = ?, programs_ar = ?, programs_en = ?,"
             " version = ?, updated_at = ? WHERE id = ? AND version = ?",
             t.name_ar, t.name_en, t.head_id, t.programs_ar, t.programs_en, t.version, t.updated_at, t.id,
             t.version - 1) == 1;
}

bool is_member(db::Session& s, std::int64_t team_id, std::int64_t user_id) {
  return s.query_one<std::int64_t>("SELECT COUNT(*) FROM change_team_members WHERE team_id = ? AND user_id = ?",
                                   team_id, user_id)
             .value_or(0) > 0;
}

void put_member(db::Session& s, std::int64_t team_id, std::int64_t user_id, std::string_view training,
                std::string_view now) {
  s.exec(
      "INSERT INTO change_team_members (team_id, user_id, training, added_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (team_id, user_id) DO UPDATE SET training = excluded.training",
      team_id, user_id, training, now);
}

bool remove_member(db::Session& s, std::int64_t team_id, std::int64_t user_id) {
  return s.exec("DELETE FROM change_team_members WHERE team_id = ? AND user_id = ?", team_id, user_id) == 1;
}

// ---------------------------------------------------------------------------------------------
// Stakeholder groups

core::Page<ChangeGroup> groups(db::Session& s, const core::ListQuery& q, const ReadScope& scope) {
  db::Where w;
  add_scope(w, scope, "organization_id");
  if (auto v = q.int_filter("organization_id")) w.add("organization_id = ?", *v);
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add("name_ar LIKE ? ESCAPE '\\' OR LOWER(name_en) LIKE LOWER(?) ESCAPE '\\'", p, p);
  }
  return db::fetch_page<ChangeGroup>(s, std::move(w), q,
                                     {"SELECT " + std::string(kGroupColumns) + " FROM change_groups",
                                      "SELECT COUNT(*) FROM change_groups", "id", q.descending, "id"},
                                     [](const ChangeGroup& g) {
                                       return std::pair{std::string(), g.id};
                                     });
}

std::optional<Owned> find_group_owner(db::Session& s, std::int64_t id) {
  return s.query_one<Owned>(
      "SELECT g.id, g.organization_id, o.path AS organization_path, g.version FROM change_groups g"
      " JOIN organizations o ON o.id = g.organization_id WHERE g.id = ?",
      id);
}

std::optional<ChangeGroup> find_group(db::Session& s, std::int64_t id) {
  return s.query_one<ChangeGroup>("SELECT " + std::string(kGroupColumns) + " FROM change_groups WHERE id = ?", id);
}

std::int64_t insert_group(db::Session& s, const ChangeGroup& g, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_groups (organization_id, name_ar, name_en, size, location_ar, location_en, version,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      g.organization_id, g.name_ar, g.name_en, g.size, g.location_ar, g.location_en, now, now);
}

bool update_group(db::Session& s, const ChangeGroup& g, std::string_view now) {
  return s.exec(
             "UPDATE change_groups SET name_ar = ?, name_en = ?, size = ?, location_ar = ?, location_en = ?,"
             " version = ?, updated_at = ? WHERE id = ? AND version = ?",
             g.name_ar, g.name_en, g.size, g.location_ar, g.location_en, g.version, now, g.id, g.version - 1) == 1;
}

bool group_in_use(db::Session& s, std::int64_t id) {
  return s.query_one<std::int64_t>(
              "SELECT (SELECT COUNT(*) FROM change_impacts WHERE group_id = ?)"
              " + (SELECT COUNT(*) FROM change_survey_links WHERE group_id = ?)"
              " + (SELECT COUNT(*) FROM change_survey_tallies WHERE group_id = ?)"
              " + (SELECT COUNT(*) FROM change_survey_responses WHERE group_id = ?)",
              id, id, id, id)
             .value_or(0) > 0;
}

void delete_group(db::Session& s, std::int64_t id) { s.exec("DELETE FROM change_groups WHERE id = ?", id); }

// ---------------------------------------------------------------------------------------------
// Initiatives

core::Page<Initiative> initiatives(db::Session& s, const core::ListQuery& q, const ReadScope& scope,
                                   std::string_view today) {
  db::Where w;
  add_scope(w, scope, "i.organization_id");
  if (auto v = q.int_filter("organization_id")) w.add("i.organization_id = ?", *v);
  if (auto v = q.int_filter("gate_id")) w.add("i.gate_id = ?", *v);
  add_enum_filter<InitiativeStatus>(w, q, "status", "i.status");
  add_enum_filter<InitiativeType>(w, q, "type", "i.type");
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add(
        "i.title_ar LIKE ? ESCAPE '\\' OR LOWER(i.title_en) LIKE LOWER(?) ESCAPE '\\' OR o.name_ar LIKE ? ESCAPE '\\'"
        " OR LOWER(o.name_en) LIKE LOWER(?) ESCAPE '\\'",
        p, p, p, p);
  }
  // Newest first unless asked otherwise; "title" sorts by the Arabic title.
  const std::string sort = q.sort.empty() ? "id" : q.sort;
  const bool descending = q.sort.empty() ? true : q.descending;
  const std::string column = sort == "title" ? "i.title_ar" : "i." + sort;
  auto page = db::fetch_page<Initiative>(s, std::move(w), q,
                                         {"SELECT " + std::string(kInitiativeColumns) + std::string(kInitiativeFrom),
                                          "SELECT COUNT(*)" + std::string(kInitiativeFrom), column, descending, "i.id"},
                                         [&](const Initiative& i) {
                                           return std::pair{sort == "title"        ? i.title_ar
                                                            : sort == "starts_on"  ? i.starts_on
                                                            : sort == "ends_on"    ? i.ends_on
                                                            : sort == "updated_at" ? i.updated_at
                                                                                   : std::string(),
                                                            i.id};
                                         });
  complete(s, page.items, today);
  return page;
}

std::optional<InitiativeRow> find_initiative_row(db::Session& s, std::int64_t id) {
  return s.query_one<InitiativeRow>(std::string(kInitiativeRowSelect) + " WHERE i.id = ?", id);
}

void lock_initiative(db::Session& s, std::int64_t id) {
  s.exec("UPDATE change_initiatives SET updated_at = updated_at WHERE id = ?", id);
}

std::optional<InitiativeDetail> find_initiative(db::Session& s, std::int64_t id, std::string_view today) {
  auto items = s.query<Initiative>(
      "SELECT " + std::string(kInitiativeColumns) + std::string(kInitiativeFrom) + " WHERE i.id = ?", id);
  if (items.empty()) return std::nullopt;
  complete(s, items, today);
  auto row = find_initiative_row(s, id);
  if (!row) return std::nullopt;
  InitiativeDetail d;
  copy_into(d, items.front());
  copy_into(d, *row);
  auto names = s.query_one<TeamName>(
      "SELECT t.name_ar AS team_name_ar, t.name_en AS team_name_en, i.created_at FROM change_initiatives i"
      " LEFT JOIN change_teams t ON t.id = i.team_id WHERE i.id = ?",
      id);
  if (names) {
    d.team_name_ar = names->team_name_ar;
    d.team_name_en = names->team_name_en;
    d.created_at = names->created_at;
  }
  d.moves = s.query<GateMove>(
      "SELECT m.id, m.from_gate_id, fg.position AS from_position, m.to_gate_id, tg.position AS to_position,"
      " m.review_id, m.reason, m.moved_by, u.name_ar AS moved_by_name_ar, u.name_en AS moved_by_name_en, m.moved_at"
      " FROM change_gate_moves m JOIN change_gates fg ON fg.id = m.from_gate_id"
      " JOIN change_gates tg ON tg.id = m.to_gate_id JOIN users u ON u.id = m.moved_by"
      " WHERE m.initiative_id = ? ORDER BY m.id",
      id);
  return d;
}

std::int64_t insert_initiative(db::Session& s, const InitiativeRow& i, std::int64_t created_by, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_initiatives (organization_id, team_id, title_ar, title_en, description_ar, description_en,"
      " type, sponsor_ar, sponsor_en, head_id, starts_on, ends_on, program_ar, program_en, program_target_ar,"
      " program_target_en, status, gate_id, gate_reached_at, created_by, version, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      i.organization_id, i.team_id, i.title_ar, i.title_en, i.description_ar, i.description_en, i.type, i.sponsor_ar,
      i.sponsor_en, i.head_id, i.starts_on, i.ends_on, i.program_ar, i.program_en, i.program_target_ar,
      i.program_target_en, i.status, i.gate_id, now, created_by, now, now);
}

bool update_initiative(db::Session& s, const InitiativeRow& i) {
  return s.exec(
             "UPDATE change_initiatives SET team_id = ?, title_ar = ?, title_en = ?, description_ar = ?,"
             " description_en = ?, type = ?, sponsor_ar = ?, sponsor_en = ?, head_id = ?, starts_on = ?, ends_on = ?,"
             " program_ar = ?, program_en = ?, program_target_ar = ?, program_target_en = ?, status = ?, gate_id = ?,"
             " gate_reached_at = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             i.team_id, i.title_ar, i.title_en, i.description_ar, i.description_en, i.type, i.sponsor_ar, i.sponsor_en,
             i.head_id, i.starts_on, i.ends_on, i.program_ar, i.program_en, i.program_target_ar, i.program_target_en,
             i.status, i.gate_id, i.gate_reached_at, i.version, i.updated_at, i.id, i.version - 1) == 1;
}

void insert_move(db::Session& s, std::int64_t initiative_id, std::int64_t from_gate, std::int64_t to_gate,
                 std::optional<std::int64_t> review_id, std::string_view reason, std::int64_t by,
                 std::string_view now) {
  s.exec(
      "INSERT INTO change_gate_moves (initiative_id, from_gate_id, to_gate_id, review_id, reason, moved_by, moved_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      initiative_id, from_gate, to_gate, review_id, reason, by, now);
}

InitiativeChoices choices(db::Session& s, std::int64_t organization_id, std::string_view path) {
  InitiativeChoices c;
  c.teams = s.query<ChangeChoice>(
      "SELECT id, name_ar, name_en FROM change_teams WHERE organization_id = ? ORDER BY name_ar, id", organization_id);
  c.groups = s.query<ChangeChoice>(
      "SELECT id, name_ar, name_en FROM change_groups WHERE organization_id = ? ORDER BY name_ar, id", organization_id);
  c.users = s.query<ChangeChoice>(
      "SELECT u.id, u.name_ar, u.name_en FROM users u WHERE u.active = 1 AND u.id IN (SELECT m.user_id FROM"
      " memberships m JOIN organizations o ON o.id = m.organization_id WHERE o.path LIKE ?) ORDER BY u.name_ar, u.id",
      std::string(path) + "%");
  c.reviewers = s.query<ChangeChoice>(
      "SELECT u.id, u.name_ar, u.name_en FROM users u WHERE u.active = 1 AND u.id IN (SELECT m.user_id FROM"
      " memberships m WHERE m.role IN ('platform_admin', 'program_office')) ORDER BY u.name_ar, u.id");
  return c;
}

// ---------------------------------------------------------------------------------------------
// Impact

ImpactGrid impact_grid(db::Session& s, std::int64_t initiative_id) {
  ImpactGrid grid;
  grid.rows = s.query<ImpactRow>(
      "SELECT ci.group_id, g.name_ar AS group_name_ar, g.name_en AS group_name_en, g.size, g.location_ar,"
      " g.location_en, ci.processes, ci.systems, ci.tools, ci.job_roles, ci.behaviours, ci.mindset, ci.reporting,"
      " ci.performance, ci.compensation, ci.location, ci.total FROM change_impacts ci"
      " JOIN change_groups g ON g.id = ci.group_id WHERE ci.initiative_id = ? ORDER BY g.name_ar, g.id",
      initiative_id);
  auto& t = grid.aspect_totals;
  for (const auto& r : grid.rows) {
    t.processes += r.processes;
    t.systems += r.systems;
    t.tools += r.tools;
    t.job_roles += r.job_roles;
    t.behaviours += r.behaviours;
    t.mindset += r.mindset;
    t.reporting += r.reporting;
    t.performance += r.performance;
    t.compensation += r.compensation;
    t.location += r.location;
    grid.total += r.total;
    grid.affected_people += r.size;
  }
  return grid;
}

void upsert_impact(db::Session& s, std::int64_t initiative_id, std::int64_t group_id, const ImpactAspects& a,
                   std::string_view now) {
  const std::int64_t total = a.processes + a.systems + a.tools + a.job_roles + a.behaviours + a.mindset + a.reporting +
                             a.performance + a.compensation + a.location;
  s.exec(
      "INSERT INTO change_impacts (initiative_id, group_id, processes, systems, tools, job_roles, behaviours, mindset,"
      " reporting, performance, compensation, location, total, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (initiative_id, group_id) DO UPDATE SET"
      " processes = excluded.processes, systems = excluded.systems, tools = excluded.tools,"
      " job_roles = excluded.job_roles, behaviours = excluded.behaviours, mindset = excluded.mindset,"
      " reporting = excluded.reporting, performance = excluded.performance, compensation = excluded.compensation,"
      " location = excluded.location, total = excluded.total, updated_at = excluded.updated_at",
      initiative_id, group_id, a.processes, a.systems, a.tools, a.job_roles, a.behaviours, a.mindset, a.reporting,
      a.performance, a.compensation, a.location, total, now);
}

bool delete_impact(db::Session& s, std::int64_t initiative_id, std::int64_t group_id) {
  return s.exec("DELETE FROM change_impacts WHERE initiative_id = ? AND group_id = ?", initiative_id, group_id) == 1;
}

// ---------------------------------------------------------------------------------------------
// Stakeholders

std::vector<Stakeholder> stakeholders(db::Session& s, std::int64_t initiative_id) {
  return s.query<Stakeholder>("SELECT " + std::string(kStakeholderColumns) +
                                  " FROM change_stakeholders WHERE initiative_id = ? ORDER BY influence DESC, id",
                              initiative_id);
}

std::optional<Stakeholder> find_stakeholder(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  return s.query_one<Stakeholder>(
      "SELECT " + std::string(kStakeholderColumns) + " FROM change_stakeholders WHERE initiative_id = ? AND id = ?",
      initiative_id, id);
}

std::int64_t insert_stakeholder(db::Session& s, std::int64_t initiative_id, const Stakeholder& k,
                                std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_stakeholders (initiative_id, name_ar, name_en, role_ar, role_en, influence, support, sponsor,"
      " roadmap_ar, roadmap_en, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
      " RETURNING id",
      initiative_id, k.name_ar, k.name_en, k.role_ar, k.role_en, k.influence, k.support, k.sponsor, k.roadmap_ar,
      k.roadmap_en, now, now);
}

bool update_stakeholder(db::Session& s, const Stakeholder& k, std::string_view now) {
  return s.exec(
             "UPDATE change_stakeholders SET name_ar = ?, name_en = ?, role_ar = ?, role_en = ?, influence = ?,"
             " support = ?, sponsor = ?, roadmap_ar = ?, roadmap_en = ?, version = ?, updated_at = ?"
             " WHERE id = ? AND version = ?",
             k.name_ar, k.name_en, k.role_ar, k.role_en, k.influence, k.support, k.sponsor, k.roadmap_ar, k.roadmap_en,
             k.version, now, k.id, k.version - 1) == 1;
}

bool delete_stakeholder(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  return s.exec("DELETE FROM change_stakeholders WHERE initiative_id = ? AND id = ?", initiative_id, id) == 1;
}

// ---------------------------------------------------------------------------------------------
// Plans

std::vector<ChangeAction> actions(db::Session& s, std::int64_t initiative_id, std::string_view today) {
  auto rows = s.query<ChangeAction>(std::string(kActionSelect) + " WHERE a.initiative_id = ? ORDER BY a.due_on, a.id",
                                    initiative_id);
  for (auto& a : rows) mark_late(a, today);
  return rows;
}

std::optional<ChangeAction> find_action(db::Session& s, std::int64_t initiative_id, std::int64_t id,
                                        std::string_view today) {
  auto a = s.query_one<ChangeAction>(std::string(kActionSelect) + " WHERE a.initiative_id = ? AND a.id = ?",
                                     initiative_id, id);
  if (a) mark_late(*a, today);
  return a;
}

std::int64_t insert_action(db::Session& s, std::int64_t initiative_id, const ChangeAction& a, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_actions (initiative_id, kind, title_ar, title_en, owner_id, starts_on, due_on, status,"
      " done_on, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      initiative_id, a.kind, a.title_ar, a.title_en, a.owner_id, a.starts_on, a.due_on, a.status, a.done_on, now, now);
}

bool update_action(db::Session& s, const ChangeAction& a, std::string_view now) {
  return s.exec(
             "UPDATE change_actions SET kind = ?, title_ar = ?, title_en = ?, owner_id = ?, starts_on = ?, due_on = ?,"
             " status = ?, done_on = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?",
             a.kind, a.title_ar, a.title_en, a.owner_id, a.starts_on, a.due_on, a.status, a.done_on, a.version, now,
             a.id, a.version - 1) == 1;
}

bool delete_action(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  return s.exec("DELETE FROM change_actions WHERE initiative_id = ? AND id = ?", initiative_id, id) == 1;
}

// ---------------------------------------------------------------------------------------------
// Risks

std::vector<ChangeRisk> risks(db::Session& s, std::int64_t initiative_id) {
  auto rows = s.query<ChangeRisk>(
      std::string(kRiskSelect) + " WHERE r.initiative_id = ? ORDER BY r.likelihood * r.impact DESC, r.id",
      initiative_id);
  for (auto& r : rows) score(r);
  return rows;
}

std::optional<ChangeRisk> find_risk(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  auto r =
      s.query_one<ChangeRisk>(std::string(kRiskSelect) + " WHERE r.initiative_id = ? AND r.id = ?", initiative_id, id);
  if (r) score(*r);
  return r;
}

std::int64_t insert_risk(db::Session& s, std::int64_t initiative_id, const ChangeRisk& r, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_risks (initiative_id, title_ar, title_en, likelihood, impact, owner_id, mitigation_ar,"
      " mitigation_en, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
      " RETURNING id",
      initiative_id, r.title_ar, r.title_en, r.likelihood, r.impact, r.owner_id, r.mitigation_ar, r.mitigation_en,
      r.status, now, now);
}

bool update_risk(db::Session& s, const ChangeRisk& r, std::string_view now) {
  return s.exec(
             "UPDATE change_risks SET title_ar = ?, title_en = ?, likelihood = ?, impact = ?, owner_id = ?,"
             " mitigation_ar = ?, mitigation_en = ?, status = ?, version = ?, updated_at = ? WHERE id = ?"
             " AND version = ?",
             r.title_ar, r.title_en, r.likelihood, r.impact, r.owner_id, r.mitigation_ar, r.mitigation_en, r.status,
             r.version, now, r.id, r.version - 1) == 1;
}

bool delete_risk(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  return s.exec("DELETE FROM change_risks WHERE initiative_id = ? AND id = ?", initiative_id, id) == 1;
}

// ---------------------------------------------------------------------------------------------
// Challenges

core::Page<ChangeChallenge> challenges(db::Session& s, const core::ListQuery& q, const ReadScope& scope) {
  db::Where w;
  add_scope(w, scope, "c.organization_id");
  if (auto v = q.int_filter("organization_id")) w.add("c.organization_id = ?", *v);
  if (auto v = q.int_filter("initiative_id")) w.add("c.initiative_id = ?", *v);
  add_enum_filter<ChallengeCategory>(w, q, "category", "c.category");
  add_enum_filter<ChallengeStatus>(w, q, "status", "c.status");
  if (!q.q.empty()) {
    const auto p = db::contains_pattern(q.q);
    w.add("c.body LIKE ? ESCAPE '\\' OR LOWER(c.body) LIKE LOWER(?) ESCAPE '\\'", p, p);
  }
  // Newest first unless asked otherwise.
  const bool descending = q.sort.empty() ? true : q.descending;
  return db::fetch_page<ChangeChallenge>(s, std::move(w), q,
                                         {"SELECT " + std::string(kChallengeColumns) + std::string(kChallengeFrom),
                                          "SELECT COUNT(*)" + std::string(kChallengeFrom), "c.id", descending, "c.id"},
                                         [](const ChangeChallenge& c) {
                                           return std::pair{std::string(), c.id};
                                         });
}

std::optional<Owned> find_challenge_owner(db::Session& s, std::int64_t id) {
  return s.query_one<Owned>(
      "SELECT c.id, c.organization_id, o.path AS organization_path, c.version FROM change_challenges c"
      " JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?",
      id);
}

std::optional<ChangeChallenge> find_challenge(db::Session& s, std::int64_t id) {
  return s.query_one<ChangeChallenge>(
      "SELECT " + std::string(kChallengeColumns) + std::string(kChallengeFrom) + " WHERE c.id = ?", id);
}

std::int64_t insert_challenge(db::Session& s, const ChangeChallenge& c, std::string_view now) {
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_challenges (organization_id, initiative_id, body, category, status, raised_by, version,"
      " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      c.organization_id, c.initiative_id, c.body, c.category, c.status, c.raised_by, now, now);
}

bool update_challenge(db::Session& s, const ChangeChallenge& c, std::string_view now) {
  return s.exec(
             "UPDATE change_challenges SET category = ?, status = ?, version = ?, updated_at = ? WHERE id = ?"
             " AND version = ?",
             c.category, c.status, c.version, now, c.id, c.version - 1) == 1;
}

// ---------------------------------------------------------------------------------------------
// Gate reviews

std::vector<GateReview> reviews(db::Session& s, std::int64_t initiative_id) {
  return with_lines(s,
                    s.query<ReviewRecord>(std::string(kReviewSelect) + " WHERE r.initiative_id = ? ORDER BY r.id DESC",
                                          initiative_id));
}

std::optional<GateReview> find_review(db::Session& s, std::int64_t initiative_id, std::int64_t id) {
  auto v = with_lines(s, s.query<ReviewRecord>(std::string(kReviewSelect) + " WHERE r.initiative_id = ? AND r.id = ?",
                                               initiative_id, id));
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

std::optional<std::int64_t> open_review(db::Session& s, std::int64_t initiative_id) {
  return s.query_one<std::int64_t>(
      "SELECT id FROM change_gate_reviews WHERE initiative_id = ? AND status = 'open' ORDER BY id LIMIT 1",
      initiative_id);
}

std::int64_t insert_review(db::Session& s, std::int64_t initiative_id, std::int64_t gate_id,
                           const std::vector<std::int64_t>& reviewer_ids, std::int64_t requested_by,
                           std::string_view now) {
  const auto id = *s.query_one<std::int64_t>(
      "INSERT INTO change_gate_reviews (initiative_id, gate_id, status, requested_by, requested_at, version)"
      " VALUES (?, ?, 'open', ?, ?, 1) RETURNING id",
      initiative_id, gate_id, requested_by, now);
  for (auto user : reviewer_ids)
    s.exec("INSERT INTO change_gate_reviewers (review_id, user_id) VALUES (?, ?)", id, user);
  s.exec(
      "INSERT INTO change_gate_checks (review_id, criterion_id, met, note, updated_at)"
      " SELECT ?, id, 0, '', ? FROM change_gate_criteria WHERE gate_id = ? AND retired = 0",
      id, now, gate_id);
  return id;
}

bool update_check(db::Session& s, std::int64_t review_id, std::int64_t criterion_id, bool met, std::string_view note,
                  std::optional<std::int64_t> attachment_id, std::string_view now) {
  const bool changed = s.exec(
                           "UPDATE change_gate_checks SET met = ?, note = ?, attachment_id = ?, updated_at = ?"
                           " WHERE review_id = ? AND criterion_id = ?",
                           met, note, attachment_id, now, review_id, criterion_id) == 1;
  if (changed) s.exec("UPDATE change_gate_reviews SET version = version + 1 WHERE id = ?", review_id);
  return changed;
}

bool decide_review(db::Session& s, std::int64_t review_id, GateDecision decision, std::string_view conditions,
                   std::string_view comments, std::int64_t by, std::string_view now) {
  return s.exec(
             "UPDATE change_gate_reviews SET status = 'decided', decision = ?, conditions = ?, comments = ?,"
             " decided_by = ?, decided_at = ?, version = version + 1 WHERE id = ? AND status = 'open'",
             decision, conditions, comments, by, now, review_id) == 1;
}

}  // namespace manzuma::modules::change::portfolio
