#include "modules/change/insights.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>

#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/change/access.hpp"
#include "modules/change/readiness.hpp"
#include "modules/change/repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"

namespace manzuma::modules::change {

namespace repo = readiness;

namespace {

constexpr int kDefaultMonths = 12;
constexpr int kMaxMonths = 36;
constexpr int kLatePlans = 20;

// "YYYY-MM" (or the month of a "YYYY-MM-DD" day) as a count of months, or -1 when it is not one.
int month_index(std::string_view m) {
  const auto month = core::parse_month(m.substr(0, 7), {1900, 9999});
  if (!month) return -1;
  return static_cast<int>(month->year()) * 12 + static_cast<int>(static_cast<unsigned>(month->month())) - 1;
}

std::string month_of(int index) {
  return core::format_month({std::chrono::year{index / 12}, std::chrono::month{static_cast<unsigned>(index % 12 + 1)}});
}

void require_national(const core::Actor& actor) {
  if (!platform::may_call(actor, "change.national")) throw core::Error::forbidden();
}

core::Error entity_not_found() { return core::Error::not_found("الجهة غير موجودة", "The entity was not found"); }

// Months over capacity (any group) and the worst cell of one entity's heatmap.
struct SaturationSummary {
  std::int64_t months_over = 0;
  std::string worst_month;
  std::int64_t worst_load = 0;
};

SaturationSummary summarize(const std::vector<SaturationRow>& rows, const std::vector<std::string>& months) {
  SaturationSummary out;
  for (std::size_t m = 0; m < months.size(); ++m) {
    bool over = false;
    for (const auto& r : rows) {
      const auto& cell = r.cells[m];
      over = over || cell.over;
      if (cell.load > out.worst_load) {
        out.worst_load = cell.load;
        out.worst_month = cell.month;
      }
    }
    if (over) ++out.months_over;
  }
  return out;
}

}  // namespace

std::vector<std::string> month_range(std::string_view first, int count) {
  std::vector<std::string> out;
  const int start = month_index(first);
  if (start < 0) return out;
  for (int k = 0; k < count; ++k) out.push_back(month_of(start + k));
  return out;
}

std::vector<SaturationRow> saturation_rows(const std::vector<readiness::GroupFacts>& groups,
                                           const std::vector<readiness::ImpactLoad>& loads,
                                           const std::vector<std::string>& months, std::int64_t capacity,
                                           bool with_initiatives) {
  std::vector<SaturationRow> rows;
  rows.reserve(groups.size());
  std::map<std::int64_t, std::size_t> row_of;
  for (const auto& g : groups) {
    row_of[g.id] = rows.size();
    SaturationRow r{g.id, g.name_ar, g.name_en, g.size, {}};
    r.cells.reserve(months.size());
    for (const auto& m : months) r.cells.push_back({m, 0, false, {}});
    rows.push_back(std::move(r));
  }
  if (months.empty()) return rows;
  const int first = month_index(months.front());
  const int last = first + static_cast<int>(months.size()) - 1;
  for (const auto& l : loads) {
    const auto it = row_of.find(l.group_id);
    const int from = month_index(l.starts_on), to = month_index(l.ends_on);
    if (it == row_of.end() || from < 0 || to < 0) continue;
    auto& row = rows[it->second];
    for (int m = std::max(from, first); m <= std::min(to, last); ++m) {
      auto& cell = row.cells[static_cast<std::size_t>(m - first)];
      cell.load += l.total;
      if (with_initiatives) cell.initiatives.push_back({l.initiative_id, l.title_ar, l.title_en, l.total});
    }
  }
  for (auto& r : rows)
    for (auto& c : r.cells) {
      c.over = c.load > capacity;
      // The heaviest initiatives first: the ones to move when a month is over.
      std::stable_sort(c.initiatives.begin(), c.initiatives.end(),
                       [](const SaturationInitiative& a, const SaturationInitiative& b) { return a.total > b.total; });
    }
  return rows;
}

namespace {

// The national view on `day`, from a handful of narrow reads assembled in memory.
NationalChange national_of(db::Session& s, const std::string& day) {
  NationalChange out;
  for (const auto& g : portfolio::gates(s, portfolio::ReadScope{true, {}}))
    out.gates.push_back({g.id, g.position, g.name_ar, g.name_en, 0});
  std::unordered_map<std::int64_t, std::size_t> gate_index;
  for (std::size_t k = 0; k < out.gates.size(); ++k) gate_index[out.gates[k].gate_id] = k;
  std::unordered_map<std::int64_t, repo::EntitySettings> settings;
  for (const auto& e : repo::entity_settings(s)) settings[e.organization_id] = e;
  auto capacity = [&](std::int64_t org) {
    const auto it = settings.find(org);
    return it == settings.end() ? repo::kDefaultCapacity : it->second.capacity;
  };

  // Entities with initiatives, by Arabic name, and each initiative's entity.
  std::unordered_map<std::int64_t, std::size_t> entity_index;
  for (auto& o : repo::organizations_with_initiatives(s)) {
    entity_index[o.id] = out.by_entity.size();
    NationalEntity e;
    e.organization_id = o.id;
    e.name_ar = std::move(o.name_ar);
    e.name_en = std::move(o.name_en);
    const auto it = settings.find(o.id);
    e.governance_project = it != settings.end() && it->second.governance_project;
    e.by_gate.assign(out.gates.size(), 0);
    out.by_entity.push_back(std::move(e));
  }
  const auto states = repo::initiative_states(s);
  std::unordered_map<std::int64_t, std::size_t> state_of;  // initiative id → index in states
  state_of.reserve(states.size());
  std::vector<std::size_t> entity_of(states.size(), 0);
  for (std::size_t k = 0; k < states.size(); ++k) {
    const auto& st = states[k];
    // The reads are separate statements: an initiative committed since the organisations were read (of an
    // organisation without initiatives then) is left out of this view rather than failing it.
    const auto entity = entity_index.find(st.organization_id);
    if (entity == entity_index.end()) continue;
    state_of[st.id] = k;
    entity_of[k] = entity->second;
    auto& e = out.by_entity[entity_of[k]];
    ++e.initiatives;
    if (const auto g = gate_index.find(st.gate_id); g != gate_index.end()) {
      ++e.by_gate[g->second];
      ++out.gates[g->second].initiatives;
    }
    ++out.totals.initiatives;
    if (st.status == "active") ++out.totals.active;
  }
  out.totals.entities = static_cast<std::int64_t>(out.by_entity.size());
  auto entity_of_initiative = [&](std::int64_t id) -> NationalEntity* {
    const auto it = state_of.find(id);
    return it == state_of.end() ? nullptr : &out.by_entity[entity_of[it->second]];
  };

  // Late actions per entity, and the plans with the most of them; a completed or cancelled initiative's plan is
  // over, so neither its late actions nor its high risks count.
  auto open_initiative = [&](std::int64_t id) {
    const auto it = state_of.find(id);
    return it != state_of.end() && states[it->second].status != "completed" && states[it->second].status != "cancelled";
  };
  auto late = repo::late_actions(s, day);
  std::erase_if(late, [&](const repo::LateActions& l) { return !open_initiative(l.initiative_id); });
  for (const auto& l : late)
    if (auto* e = entity_of_initiative(l.initiative_id)) {
      e->late_actions += l.n;
      out.totals.late_actions += l.n;
    }
  const auto top = std::min<std::size_t>(late.size(), kLatePlans);
  std::partial_sort(late.begin(), late.begin() + static_cast<std::ptrdiff_t>(top), late.end(),
                    [](const repo::LateActions& a, const repo::LateActions& b) {
                      if (a.n != b.n) return a.n > b.n;
                      if (a.oldest != b.oldest) return a.oldest < b.oldest;
                      return a.initiative_id < b.initiative_id;
                    });
  late.resize(top);
  std::vector<std::int64_t> ids;
  for (const auto& l : late) ids.push_back(l.initiative_id);
  std::unordered_map<std::int64_t, repo::InitiativeTitle> titles;
  for (auto& t : repo::initiative_titles(s, ids)) titles[t.id] = std::move(t);
  for (const auto& l : late) {
    const auto* e = entity_of_initiative(l.initiative_id);
    const auto& t = titles[l.initiative_id];
    out.late_plans.push_back(
        {l.initiative_id, t.title_ar, t.title_en, e ? e->name_ar : "", e ? e->name_en : "", l.n, l.oldest});
  }
  std::unordered_map<std::int64_t, std::int64_t> high_risks;
  for (const auto& r : repo::high_risks(s))
    if (const auto* e = entity_of_initiative(r.initiative_id); e && open_initiative(r.initiative_id))
      high_risks[e->organization_id] += r.n;

  // Readiness: each initiative's latest closed round per entity, and the closed surveys by the month they close.
  // Only closed rounds and groups with kMinResponses answers count (anonymity, as in the survey's own view).
  std::unordered_map<std::int64_t, const repo::SurveySums*> latest;  // initiative → its latest round's sums
  const int this_month = month_index(day);
  const std::string first_trend = month_of(this_month - 11) + "-01", last_trend = month_of(this_month) + "-31";
  std::map<std::string, repo::TallySums> by_month;
  const auto sums = repo::survey_sums(s, kMinResponses);
  for (const auto& sv : sums) {
    out.totals.responses += sv.answered;
    if (sv.responses == 0 || !survey_closed(sv.status, sv.closes_on, day)) continue;
    auto& l = latest[sv.initiative_id];
    if (!l || l->round < sv.round) l = &sv;
    if (sv.closes_on >= first_trend && sv.closes_on <= last_trend) {
      auto& m = by_month[sv.closes_on.substr(0, 7)];
      m.responses += sv.responses;
      m.awareness += sv.awareness;
      m.desire += sv.desire;
      m.knowledge += sv.knowledge;
      m.ability += sv.ability;
      m.reinforcement += sv.reinforcement;
    }
  }
  std::unordered_map<std::int64_t, repo::TallySums> tallies;
  for (const auto& [initiative, sv] : latest) {
    const auto* e = entity_of_initiative(initiative);
    if (!e) continue;
    auto& t = tallies[e->organization_id];
    t.responses += sv->responses;
    t.awareness += sv->awareness;
    t.desire += sv->desire;
    t.knowledge += sv->knowledge;
    t.ability += sv->ability;
    t.reinforcement += sv->reinforcement;
  }
  for (auto& e : out.by_entity)
    if (const auto it = tallies.find(e.organization_id); it != tallies.end() && it->second.responses > 0) {
      const auto& t = it->second;
      e.readiness = mean(t.awareness + t.desire + t.knowledge + t.ability + t.reinforcement, 5 * t.responses);
    }
  for (int m = this_month - 11; m <= this_month; ++m) {
    const auto& t = by_month[month_of(m)];
    out.readiness_trend.push_back({month_of(m), t.responses, mean(t.awareness, t.responses),
                                   mean(t.desire, t.responses), mean(t.knowledge, t.responses),
                                   mean(t.ability, t.responses), mean(t.reinforcement, t.responses)});
  }

  // Saturation over the twelve months from this month, entity by entity, by the heatmap's own rule.
  const auto months = month_range(day.substr(0, 7), kDefaultMonths);
  std::unordered_map<std::int64_t, std::vector<repo::ImpactLoad>> loads;
  for (const auto& im : repo::loading_impacts(s, months.front(), months.back())) {
    const auto it = state_of.find(im.initiative_id);
    if (it == state_of.end()) continue;
    const auto& st = states[it->second];
    loads[st.organization_id].push_back(
        {st.organization_id, im.group_id, st.id, {}, {}, st.starts_on, st.ends_on, im.total});
  }
  for (auto& e : out.by_entity) {
    const auto it = loads.find(e.organization_id);
    if (it == loads.end()) continue;
    std::set<std::int64_t> group_ids;
    std::vector<repo::GroupFacts> groups;
    for (const auto& l : it->second)
      if (group_ids.insert(l.group_id).second) groups.push_back({l.group_id, e.organization_id, "", "", 0});
    const auto cap = capacity(e.organization_id);
    const auto summary = summarize(saturation_rows(groups, it->second, months, cap, false), months);
    if (summary.months_over == 0) continue;
    e.saturated_months = summary.months_over;
    out.saturated.push_back(
        {e.organization_id, e.name_ar, e.name_en, summary.months_over, summary.worst_month, summary.worst_load, cap});
  }
  out.totals.saturated_entities = static_cast<std::int64_t>(out.saturated.size());
  std::stable_sort(out.saturated.begin(), out.saturated.end(), [](const auto& a, const auto& b) {
    return a.months_over != b.months_over ? a.months_over > b.months_over : a.worst_load > b.worst_load;
  });

  // The governance project's entities side by side.
  for (const auto& e : out.by_entity) {
    if (!e.governance_project) continue;
    GovernanceEntity g;
    g.organization_id = e.organization_id;
    g.name_ar = e.name_ar;
    g.name_en = e.name_en;
    g.initiatives = e.initiatives;
    g.by_gate = e.by_gate;
    if (const auto it = tallies.find(e.organization_id); it != tallies.end()) {
      const auto& t = it->second;
      g.awareness = mean(t.awareness, t.responses);
      g.desire = mean(t.desire, t.responses);
      g.knowledge = mean(t.knowledge, t.responses);
      g.ability = mean(t.ability, t.responses);
      g.reinforcement = mean(t.reinforcement, t.responses);
      g.barrier_point = barrier_point(t);
    }
    g.late_actions = e.late_actions;
    g.high_risks = high_risks[e.organization_id];
    g.saturated_months = e.saturated_months;
    out.governance_project.push_back(std::move(g));
  }
  return out;
}

}  // namespace

std::string ChangeInsightsService::today() const { return core::today(clock_); }

Saturation ChangeInsightsService::saturation(const core::Actor& actor, std::int64_t organization_id,
                                             std::optional<std::string> from,
                                             std::optional<std::int64_t> months) const {
  platform::Validator v;
  const std::string first = from && !from->empty() ? *from : today().substr(0, 7);
  if (first.size() != 7 || month_index(first) < 0)
    v.fail("from", "month", "الشهر غير صحيح (YYYY-MM)", "Not a valid month (YYYY-MM)");
  const std::int64_t n = months.value_or(kDefaultMonths);
  if (n < 1 || n > kMaxMonths) v.fail("months", "out_of_range", "عدد الأشهر من 1 إلى 36", "Months is from 1 to 36");
  v.check();
  // Scope first, on every call; the heatmap itself is remembered until the next write.
  const auto org = db_.read([&](db::Session& s) { return repo::find_organization(s, organization_id); });
  if (!org || !change::reads_entity(actor, org->path)) throw entity_not_found();
  const auto key = std::to_string(organization_id) + "|" + first + "|" + std::to_string(n);
  return saturation_.get(db_, key, [&] {
    return db_.read([&](db::Session& s) {
      Saturation out;
      out.organization_id = org->id;
      out.organization_name_ar = org->name_ar;
      out.organization_name_en = org->name_en;
      out.capacity = repo::capacity_of(s, org->id);
      out.months = month_range(first, static_cast<int>(n));
      const auto groups = repo::groups_of(s, org->id);
      const auto loads = repo::loads_of(s, org->id, out.months.front(), out.months.back());
      out.groups = saturation_rows(groups, loads, out.months, out.capacity);
      for (const auto& r : out.groups)
        for (const auto& c : r.cells) out.over_cells += c.over ? 1 : 0;
      return out;
    });
  });
}

core::Page<ChangeEntity> ChangeInsightsService::entities(const core::Actor& actor, const core::ListQuery& q) const {
  require_national(actor);
  return db_.read([&](db::Session& s) { return repo::entities(s, q); });
}

ChangeEntity ChangeInsightsService::update_entity(const core::Actor& actor, std::int64_t organization_id,
                                                  const ChangeEntityUpdate& in) {
  if (!platform::may_call(actor, "change.govern")) throw core::Error::forbidden();
  const auto now = core::iso8601(clock_.now());
  return db_.write([&](db::Session& s) {
    const auto org = repo::find_organization(s, organization_id);
    if (!org || std::find(repo::kGovernmentKinds.begin(), repo::kGovernmentKinds.end(), org->kind) ==
                    repo::kGovernmentKinds.end())
      throw entity_not_found();
    platform::Validator v;
    if (in.capacity < 1 || in.capacity > 500)
      v.fail("capacity", "out_of_range", "الطاقة الاستيعابية من 1 إلى 500", "The capacity is from 1 to 500");
    v.check();
    const auto current = *repo::find_entity(s, organization_id);
    // The version read is required, 0 for an entity still on the defaults: two program-office users never
    // overwrite each other's settings unseen.
    if (in.version != current.version) throw platform::stale_version();
    if (!repo::save_entity(s, organization_id, in.capacity, in.governance_project, current.version, now))
      throw platform::stale_version();
    auto stored = *repo::find_entity(s, organization_id);
    platform::audit(s, clock_, &actor, actor.origin,
                    {"change_entity.update", "change_entity", std::to_string(organization_id), organization_id,
                     platform::changes_between(core::json::encode(current), core::json::encode(stored))});
    return stored;
  });
}

NationalChange ChangeInsightsService::national(const core::Actor& actor) const {
  require_national(actor);
  const auto day = today();
  return national_.get(db_, day, [&] { return db_.read([&](db::Session& s) { return national_of(s, day); }); });
}

platform::ExportTable ChangeInsightsService::national_entities_table(const core::Actor& actor,
                                                                     std::string_view locale) const {
  const auto view = national(actor);
  const bool ar = locale == "ar";
  platform::ExportTable t;
  t.header = {ar ? "رقم الجهة" : "Organisation id", ar ? "الجهة (عربي)" : "Entity (Arabic)",
              ar ? "الجهة (إنجليزي)" : "Entity (English)", ar ? "مشروع الحوكمة" : "Governance project",
              ar ? "المبادرات" : "Initiatives"};
  for (const auto& g : view.gates) t.header.push_back(ar ? g.name_ar : g.name_en);
  for (const char* h :
       {ar ? "إجراءات متأخرة" : "Late actions", ar ? "أشهر التشبع" : "Saturated months", ar ? "الجاهزية" : "Readiness"})
    t.header.emplace_back(h);
  for (const auto& e : view.by_entity) {
    std::vector<std::string> row{std::to_string(e.organization_id), e.name_ar, e.name_en,
                                 e.governance_project ? (ar ? "نعم" : "yes") : (ar ? "لا" : "no"),
                                 std::to_string(e.initiatives)};
    for (auto n : e.by_gate) row.push_back(std::to_string(n));
    row.push_back(std::to_string(e.late_actions));
    row.push_back(std::to_string(e.saturated_months));
    if (e.readiness) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.2f", *e.readiness);
      row.emplace_back(buf);
    } else {
      row.emplace_back();
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace manzuma::modules::change
