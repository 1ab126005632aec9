#include "modules/change/readiness_repository.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "db/query.hpp"

namespace manzuma::modules::change::readiness {

namespace {

struct LinkCount {
  std::int64_t survey_id = 0;
  std::int64_t group_id = 0;
  std::string group_name_ar;
  std::string group_name_en;
  std::int64_t links = 0;
  std::int64_t used = 0;
};
BOOST_DESCRIBE_STRUCT(LinkCount, (), (survey_id, group_id, group_name_ar, group_name_en, links, used))

struct GroupTally {
  std::int64_t survey_id = 0;
  std::int64_t group_id = 0;
  std::string group_name_ar;
  std::string group_name_en;
  std::int64_t responses = 0;
  std::int64_t awareness = 0;
  std::int64_t desire = 0;
  std::int64_t knowledge = 0;
  std::int64_t ability = 0;
  std::int64_t reinforcement = 0;
};
BOOST_DESCRIBE_STRUCT(GroupTally, (),
                      (survey_id, group_id, group_name_ar, group_name_en, responses, awareness, desire, knowledge,
                       ability, reinforcement))

struct LateRow {
  std::int64_t initiative_id = 0;
  std::string due_on;
};
BOOST_DESCRIBE_STRUCT(LateRow, (), (initiative_id, due_on))

struct SurveyKey {
  std::int64_t id = 0;
  std::int64_t initiative_id = 0;
  std::int64_t round = 0;
  SurveyStatus status = SurveyStatus::open;
  std::string closes_on;
};
BOOST_DESCRIBE_STRUCT(SurveyKey, (), (id, initiative_id, round, status, closes_on))

struct TallyRow {
  std::int64_t survey_id = 0;
  std::int64_t responses = 0, awareness = 0, desire = 0, knowledge = 0, ability = 0, reinforcement = 0;
};
BOOST_DESCRIBE_STRUCT(TallyRow, (), (survey_id, responses, awareness, desire, knowledge, ability, reinforcement))

constexpr std::string_view kEntityColumns =
    "o.id AS organization_id, o.name_ar, o.name_en, o.kind, COALESCE(ce.capacity, 60) AS capacity,"
    " COALESCE(ce.governance_project, 0) AS governance_project,"
    " (SELECT COUNT(*) FROM change_initiatives i WHERE i.organization_id = o.id) AS initiatives,"
    " COALESCE(ce.version, 0) AS version";

}  // namespace

std::vector<SurveyRound> surveys_of(db::Session& s, std::int64_t initiative_id) {
  const auto rows = s.query<SurveyRow>(
      "SELECT id, initiative_id, round, title_ar, title_en, opens_on, closes_on, status, version FROM change_surveys"
      " WHERE initiative_id = ? ORDER BY round",
      initiative_id);
  const auto links = s.query<LinkCount>(
      "SELECT l.survey_id, l.group_id, g.name_ar AS group_name_ar, g.name_en AS group_name_en, COUNT(*) AS links,"
      " SUM(l.used) AS used FROM change_survey_links l JOIN change_surveys sv ON sv.id = l.survey_id"
      " JOIN change_groups g ON g.id = l.group_id WHERE sv.initiative_id = ?"
      " GROUP BY l.survey_id, l.group_id, g.name_ar, g.name_en",
      initiative_id);
  const auto tallies = s.query<GroupTally>(
      "SELECT t.survey_id, t.group_id, g.name_ar AS group_name_ar, g.name_en AS group_name_en, t.responses,"
      " t.awareness, t.desire, t.knowledge, t.ability, t.reinforcement FROM change_survey_tallies t"
      " JOIN change_surveys sv ON sv.id = t.survey_id JOIN change_groups g ON g.id = t.group_id"
      " WHERE sv.initiative_id = ?",
      initiative_id);
  // Per survey, the groups by id (links and tallies merged).
  std::map<std::int64_t, std::map<std::int64_t, std::pair<SurveyGroupResult, TallySums>>> groups;
  for (const auto& l : links) {
    auto& g = groups[l.survey_id][l.group_id].first;
    g.group_id = l.group_id;
    g.group_name_ar = l.group_name_ar;
    g.group_name_en = l.group_name_en;
    g.links = l.links;
  }
  for (const auto& t : tallies) {
    auto& [g, sums] = groups[t.survey_id][t.group_id];
    g.group_id = t.group_id;
    g.group_name_ar = t.group_name_ar;
    g.group_name_en = t.group_name_en;
    g.responses = t.responses;
    sums = {t.responses, t.awareness, t.desire, t.knowledge, t.ability, t.reinforcement};
  }
  std::vector<SurveyRound> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    SurveyRound round;
    auto& sv = round.survey;
    sv.id = r.id;
    sv.initiative_id = r.initiative_id;
    sv.round = r.round;
    sv.title_ar = r.title_ar;
    sv.title_en = r.title_en;
    sv.opens_on = r.opens_on;
    sv.closes_on = r.closes_on;
    sv.status = r.status;
    sv.version = r.version;
    for (auto& [gid, g] : groups[r.id]) {
      sv.responses += g.first.responses;
      sv.groups.push_back(std::move(g.first));
      round.sums.push_back(g.second);
    }
    for (const auto& l : links)
      if (l.survey_id == r.id) {
        sv.links_total += l.links;
        sv.links_used += l.used;
      }
    out.push_back(std::move(round));
  }
  return out;
}

std::optional<SurveyRow> find_survey(db::Session& s, std::int64_t initiative_id, std::int64_t survey_id) {
  return s.query_one<SurveyRow>(
      "SELECT id, initiative_id, round, title_ar, title_en, opens_on, closes_on, status, version FROM change_surveys"
      " WHERE id = ? AND initiative_id = ?",
      survey_id, initiative_id);
}

std::int64_t insert_survey(db::Session& s, const SurveyRow& row, std::int64_t created_by, std::string_view now) {
  // The round is the next one of the initiative, taken inside the write transaction (the unique index guards it).
  return *s.query_one<std::int64_t>(
      "INSERT INTO change_surveys (initiative_id, round, title_ar, title_en, opens_on, closes_on, status, created_by,"
      " version, created_at, updated_at) VALUES (?, (SELECT COALESCE(MAX(round), 0) + 1 FROM change_surveys WHERE"
      " initiative_id = ?), ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
      row.initiative_id, row.initiative_id, row.title_ar, row.title_en, row.opens_on, row.closes_on, row.status,
      created_by, now, now);
}

bool update_survey(db::Session& s, const SurveyRow& row, std::string_view now) {
  return s.exec(
             "UPDATE change_surveys SET title_ar = ?, title_en = ?, closes_on = ?, status = ?, version = ?,"
             " updated_at = ? WHERE id = ? AND version = ?",
             row.title_ar, row.title_en, row.closes_on, row.status, row.version, now, row.id, row.version - 1) == 1;
}

std::optional<GroupFacts> find_group(db::Session& s, std::int64_t group_id) {
  return s.query_one<GroupFacts>("SELECT id, organization_id, name_ar, name_en, size FROM change_groups WHERE id = ?",
                                 group_id);
}

void insert_links(db::Session& s, std::int64_t survey_id, std::int64_t group_id,
                  const std::vector<std::string>& token_hashes, std::string_view now) {
  // Up to 500 links: rows of 64 per statement keep the bound parameters well under every backend's limit.
  constexpr std::size_t kPerStatement = 64;
  for (std::size_t start = 0; start < token_hashes.size(); start += kPerStatement) {
    const auto end = std::min(token_hashes.size(), start + kPerStatement);
    std::string sql = "INSERT INTO change_survey_links (survey_id, group_id, token_hash, used, created_at) VALUES ";
    std::vector<db::Value> params;
    for (auto i = start; i < end; ++i) {
      sql += i == start ? "(?, ?, ?, 0, ?)" : ", (?, ?, ?, 0, ?)";
      params.emplace_back(survey_id);
      params.emplace_back(group_id);
      params.emplace_back(token_hashes[i]);
      params.emplace_back(std::string(now));
    }
    s.exec_values(sql, params);
  }
}

std::optional<LinkFacts> find_link(db::Session& s, std::string_view token_hash) {
  return s.query_one<LinkFacts>(
      "SELECT l.survey_id, l.group_id, i.organization_id, l.used, sv.title_ar, sv.title_en, sv.opens_on, sv.closes_on,"
      " sv.status, i.status AS initiative_status, i.title_ar AS initiative_title_ar, i.title_en AS initiative_title_en,"
      " o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, g.name_ar AS group_name_ar,"
      " g.name_en AS group_name_en FROM change_survey_links l JOIN change_surveys sv ON sv.id = l.survey_id"
      " JOIN change_initiatives i ON i.id = sv.initiative_id JOIN organizations o ON o.id = i.organization_id"
      " JOIN change_groups g ON g.id = l.group_id WHERE l.token_hash = ?",
      std::string(token_hash));
}

bool use_link(db::Session& s, std::string_view token_hash) {
  return s.exec("UPDATE change_survey_links SET used = 1 WHERE token_hash = ? AND used = 0", std::string(token_hash)) ==
         1;
}

void insert_response(db::Session& s, std::int64_t survey_id, std::int64_t group_id, const SurveyAnswer& a,
                     std::string_view comment, std::string_view today) {
  s.exec(
      "INSERT INTO change_survey_responses (survey_id, group_id, awareness, desire, knowledge, ability, reinforcement,"
      " comment, submitted_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      survey_id, group_id, a.awareness, a.desire, a.knowledge, a.ability, a.reinforcement, comment, today);
  s.exec(
      "INSERT INTO change_survey_tallies (survey_id, group_id, responses, awareness, desire, knowledge, ability,"
      " reinforcement) VALUES (?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT (survey_id, group_id) DO UPDATE SET"
      " responses = change_survey_tallies.responses + 1,"
      " awareness = change_survey_tallies.awareness + excluded.awareness,"
      " desire = change_survey_tallies.desire + excluded.desire,"
      " knowledge = change_survey_tallies.knowledge + excluded.knowledge,"
      " ability = change_survey_tallies.ability + excluded.ability,"
      " reinforcement = change_survey_tallies.reinforcement + excluded.reinforcement",
      survey_id, group_id, a.awareness, a.desire, a.knowledge, a.ability, a.reinforcement);
}

std::optional<OrganizationFacts> find_organization(db::Session& s, std::int64_t id) {
  return s.query_one<OrganizationFacts>("SELECT id, path, kind, name_ar, name_en FROM organizations WHERE id = ?", id);
}

std::int64_t capacity_of(db::Session& s, std::int64_t organization_id) {
  return s.query_one<std::int64_t>("SELECT capacity FROM change_entities WHERE organization_id = ?", organization_id)
      .value_or(kDefaultCapacity);
}

std::vector<GroupFacts> groups_of(db::Session& s, std::int64_t organization_id) {
  return s.query<GroupFacts>(
      "SELECT id, organization_id, name_ar, name_en, size FROM change_groups WHERE organization_id = ? ORDER BY id",
      organization_id);
}

std::vector<ImpactLoad> loads_of(db::Session& s, std::optional<std::int64_t> organization_id,
                                 std::string_view first_month, std::string_view last_month) {
  // Overlap by month: starts on or before the last month's end, ends on or after the first month's start.
  const std::string last_day = std::string(last_month) + "-31";
  const std::string first_day = std::string(first_month) + "-01";
  std::string sql =
      "SELECT i.organization_id, im.group_id, i.id AS initiative_id, i.title_ar, i.title_en, i.starts_on, i.ends_on,"
      " im.total FROM change_initiatives i JOIN change_impacts im ON im.initiative_id = i.id"
      " WHERE i.status IN ('active', 'on_hold') AND i.starts_on <= ? AND i.ends_on >= ? AND im.total > 0";
  if (organization_id)
    return s.query<ImpactLoad>(sql + " AND i.organization_id = ? ORDER BY i.id", last_day, first_day, *organization_id);
  return s.query<ImpactLoad>(sql + " ORDER BY i.organization_id, i.id", last_day, first_day);
}

core::Page<ChangeEntity> entities(db::Session& s, const core::ListQuery& q) {
  db::Where w;
  {
    std::string in;
    std::vector<db::Value> kinds;
    for (auto k : kGovernmentKinds) {
      in += in.empty() ? "?" : ", ?";
      kinds.emplace_back(std::string(k));
    }
    w.add_values("o.kind IN (" + in + ")", kinds);
  }
  if (auto v = q.bool_filter("governance_project"))
    w.add(*v ? "COALESCE(ce.governance_project, 0) = 1" : "COALESCE(ce.governance_project, 0) = 0");
  if (!q.q.empty())
    w.add("(o.name_ar LIKE ? ESCAPE '\\' OR LOWER(o.name_en) LIKE LOWER(?) ESCAPE '\\')", db::contains_pattern(q.q),
          db::contains_pattern(q.q));
  const std::string from = " FROM organizations o LEFT JOIN change_entities ce ON ce.organization_id = o.id";
  return db::fetch_page<ChangeEntity>(
      s, std::move(w), q,
      {"SELECT " + std::string(kEntityColumns) + from, "SELECT COUNT(*)" + from, "o.id", false, "o.id"},
      [](const ChangeEntity& e) {
        return std::pair{std::to_string(e.organization_id), e.organization_id};
      });
}

std::optional<ChangeEntity> find_entity(db::Session& s, std::int64_t organization_id) {
  return s.query_one<ChangeEntity>("SELECT " + std::string(kEntityColumns) +
                                       " FROM organizations o LEFT JOIN change_entities ce ON ce.organization_id ="
                                       " o.id WHERE o.id = ?",
                                   organization_id);
}

bool save_entity(db::Session& s, std::int64_t organization_id, std::int64_t capacity, bool governance_project,
                 std::int64_t expected_version, std::string_view now) {
  if (expected_version == 0)
    return s.exec(
               "INSERT INTO change_entities (organization_id, capacity, governance_project, version, updated_at)"
               " VALUES (?, ?, ?, 1, ?) ON CONFLICT (organization_id) DO NOTHING",
               organization_id, capacity, governance_project, now) == 1;
  return s.exec(
             "UPDATE change_entities SET capacity = ?, governance_project = ?, version = version + 1, updated_at = ?"
             " WHERE organization_id = ? AND version = ?",
             capacity, governance_project, now, organization_id, expected_version) == 1;
}

std::vector<InitiativeState> initiative_states(db::Session& s) {
  return s.query<InitiativeState>(
      "SELECT id, organization_id, gate_id, status, starts_on, ends_on FROM change_initiatives");
}

std::vector<NamedOrganization> organizations_with_initiatives(db::Session& s) {
  return s.query<NamedOrganization>(
      "SELECT o.id, o.name_ar, o.name_en FROM organizations o WHERE o.id IN"
      " (SELECT DISTINCT organization_id FROM change_initiatives) ORDER BY o.name_ar, o.id");
}

std::vector<EntitySettings> entity_settings(db::Session& s) {
  return s.query<EntitySettings>("SELECT organization_id, capacity, governance_project FROM change_entities");
}

std::vector<LateActions> late_actions(db::Session& s, std::string_view today) {
  // The (status, due_on) index finds the few late actions; grouping them in SQL made SQLite walk every action in
  // initiative order instead (45 ms against 0.2 ms on the national dataset).
  std::map<std::int64_t, LateActions> by_initiative;
  for (auto& l : s.query<LateRow>("SELECT initiative_id, due_on FROM change_actions"
                                  " WHERE status IN ('not_started', 'in_progress') AND due_on < ?",
                                  std::string(today))) {
    auto& x = by_initiative[l.initiative_id];
    x.initiative_id = l.initiative_id;
    if (x.n++ == 0 || l.due_on < x.oldest) x.oldest = std::move(l.due_on);
  }
  std::vector<LateActions> out;
  out.reserve(by_initiative.size());
  for (auto& [id, x] : by_initiative) out.push_back(std::move(x));
  return out;
}

std::vector<InitiativeCount> high_risks(db::Session& s) {
  return s.query<InitiativeCount>(
      "SELECT initiative_id, COUNT(*) AS n FROM change_risks WHERE status <> 'closed' AND likelihood * impact >= 15"
      " GROUP BY initiative_id");
}

std::vector<InitiativeTitle> initiative_titles(db::Session& s, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::string in;
  std::vector<db::Value> params;
  for (auto id : ids) {
    in += in.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  return s.query_values<InitiativeTitle>(
      "SELECT id, title_ar, title_en FROM change_initiatives WHERE id IN (" + in + ")", params);
}

std::vector<SurveySums> survey_sums(db::Session& s, std::int64_t min_responses) {
  // Two plain scans summed here: grouping the tallies by survey in SQL cost three times as much.
  std::vector<SurveySums> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (auto& k : s.query<SurveyKey>("SELECT id, initiative_id, round, status, closes_on FROM change_surveys")) {
    index[k.id] = out.size();
    SurveySums x;
    x.initiative_id = k.initiative_id;
    x.round = k.round;
    x.status = k.status;
    x.closes_on = std::move(k.closes_on);
    out.push_back(std::move(x));
  }
  for (const auto& t : s.query<TallyRow>("SELECT survey_id, responses, awareness, desire, knowledge, ability,"
                                         " reinforcement FROM change_survey_tallies")) {
    const auto it = index.find(t.survey_id);
    if (it == index.end()) continue;
    auto& x = out[it->second];
    x.answered += t.responses;
    // A group with fewer answers is left out of every figure (anonymity).
    if (t.responses < min_responses) continue;
    x.responses += t.responses;
    x.awareness += t.awareness;
    x.desire += t.desire;
    x.knowledge += t.knowledge;
    x.ability += t.ability;
    x.reinforcement += t.reinforcement;
  }
  std::erase_if(out, [](const SurveySums& x) { return x.answered == 0; });
  return out;
}

std::vector<ImpactTotal> loading_impacts(db::Session& s, std::string_view first_month, std::string_view last_month) {
  return s.query<ImpactTotal>(
      "SELECT im.initiative_id, im.group_id, im.total FROM change_initiatives i JOIN change_impacts im ON"
      " im.initiative_id = i.id WHERE i.status IN ('active', 'on_hold') AND i.starts_on <= ? AND i.ends_on >= ?"
      " AND im.total > 0",
      std::string(last_month) + "-31", std::string(first_month) + "-01");
}

}  // namespace manzuma::modules::change::readiness
