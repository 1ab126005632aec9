// Adoptions: government entities adopting published practices, each with the eight steps of an applied
// implementation plan, three milestones and one outcome indicator with ten years of monthly values. Statuses
// follow the edition (old editions completed or withdrawn, the open one at every stage), and the plan agrees
// with the status: a completed plan is done, a withdrawn one cancelled from the day it stopped, an approved one
// done up to today, in progress around it, and not started after it, ending in the future. So that every plan
// health shows, some approved plans stopped reporting weeks ago (stalled) and some have a step overdue (late);
// last_progress_at is the latest progress of all (steps, milestones, indicator values).

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

namespace {

constexpr std::string_view kWithdrawReasons[] = {
    "تغيّرت أولويات الجهة خلال العام",
    "دُمجت الوحدة المعنية في وحدة أخرى",
    "تعذّر توفير الميزانية اللازمة",
};

long days(Day from, Day to) { return static_cast<long>((to - from).count()); }

// Progress is stamped early in the day, so that a report "today" is still before the fixed now (08:00).
std::string progress_stamp(Day d) { return stamp(d, 7 * 3600); }

struct ActionRow {
  std::int64_t id;
  Day starts, due;
  std::string status;
  int percent;
  std::string updated;
};

}  // namespace

void gen_adoptions(Context& c) {
  c.w.area("adoptions");
  Rng rng = c.rng("adoptions");
  auto& t = c.w.table("adoptions", {"id",
                                    "edition_id",
                                    "practice_id",
                                    "practice_edition_id",
                                    "organization_id",
                                    "objective_ar",
                                    "objective_en",
                                    "starts_on",
                                    "ends_on",
                                    "status",
                                    "status_reason",
                                    "submitted_at",
                                    "approved_at",
                                    "approved_by",
                                    "completed_at",
                                    "withdrawn_at",
                                    "last_progress_at",
                                    "created_by",
                                    "version",
                                    "created_at",
                                    "updated_at"});
  auto& actions =
      c.w.table("plan_actions", {"id", "adoption_id", "owner_id", "title_ar", "title_en", "starts_on", "due_on",
                                 "status", "percent_done", "version", "created_at", "updated_at"});
  auto& milestones = c.w.table("plan_milestones", {"id", "adoption_id", "title_ar", "title_en", "due_on", "reached_on",
                                                   "version", "created_at", "updated_at"});
  auto& indicators = c.w.table("adoption_indicators", {"id", "adoption_id", "name_ar", "name_en", "unit", "baseline",
                                                       "target", "direction", "version", "created_at", "updated_at"});
  auto& values = c.w.table("indicator_values", {"indicator_id", "period", "actual", "recorded_by", "recorded_at"});

  std::vector<std::size_t> by_weight;
  for (std::size_t e = 0; e < c.editions.size(); ++e)
    for (int k = 0; k < c.editions[e].number; ++k) by_weight.push_back(e);
  // Published practices in edition order: an edition adopts from itself and every edition before it.
  std::vector<std::size_t> published;
  for (std::size_t i = 0; i < c.practices.size(); ++i)
    if (c.practices[i].status == "published") published.push_back(i);
  std::stable_sort(published.begin(), published.end(),
                   [&](std::size_t a, std::size_t b) { return c.practices[a].edition < c.practices[b].edition; });
  std::vector<std::size_t> upto(c.editions.size(), 0);  // published practices of editions <= e
  for (std::size_t e = 0; e < c.editions.size(); ++e)
    upto[e] = static_cast<std::size_t>(
        std::count_if(published.begin(), published.end(), [&](std::size_t i) { return c.practices[i].edition <= e; }));
  std::vector<std::size_t> adopters;
  for (auto i : c.orgs_of({"ministry"}))
    for (int k = 0; k < 2; ++k) adopters.push_back(i);
  for (auto i : c.orgs_of({"authority", "government_company"})) adopters.push_back(i);
  std::set<std::tuple<std::size_t, std::size_t, std::size_t>> taken;
  const int n_editions = static_cast<int>(c.editions.size());

  for (int n = 0; n < c.f.adoptions; ++n) {
    std::size_t ei = rng.pick(by_weight), pi = 0, org = 0;
    for (int attempt = 0; attempt < 100; ++attempt) {
      ei = rng.pick(by_weight);
      if (upto[ei] == 0) continue;
      pi = published[rng.below(upto[ei])];
      org = rng.pick(adopters);
      if (taken.insert({ei, pi, org}).second) break;
      pi = SIZE_MAX;
    }
    if (pi == SIZE_MAX || upto[ei] == 0) continue;  // the small scale can run out of combinations
    const Edition& e = c.editions[ei];
    const Practice& practice = c.practices[pi];
    Adoption a{c.next_id("adoptions"), ei, org, "", c.member(rng, org, "entity_coordinator")};
    const int r = static_cast<int>(rng.below(100));
    if (e.open)
      a.status = r < 20 ? "draft" : r < 40 ? "submitted" : r < 95 ? "approved" : "withdrawn";
    else if (e.number >= n_editions - 2)
      a.status = r < 50 ? "completed" : r < 90 ? "approved" : "withdrawn";
    else
      a.status = r < 85 ? "completed" : "withdrawn";

    const Day created = make_day(e.year, 1, 15) + std::chrono::days{rng.between(0, 200)};
    const Day starts = created + std::chrono::days{rng.between(10, 40)};
    Day ends = starts + std::chrono::days{rng.between(180, 540)};
    const Day submitted = created + std::chrono::days{rng.between(5, 20)};
    const Day approved = submitted + std::chrono::days{rng.between(5, 20)};
    if (a.status == "completed" && ends > c.today - std::chrono::days{10})
      ends = std::max(approved + std::chrono::days{30}, c.today - std::chrono::days{rng.between(10, 60)});
    const Day completed = std::min(ends + std::chrono::days{rng.between(0, 20)}, c.today - std::chrono::days{1});
    const Day withdrawn = std::min(submitted + std::chrono::days{rng.between(30, 200)}, c.today - std::chrono::days{1});
    // An approved plan runs on past today (a plan past its end is "late" whatever its actions say).
    if (a.status == "approved" && ends < c.today + std::chrono::days{30})
      ends = c.today + std::chrono::days{rng.between(30, 300)};
    const long length = days(starts, ends);
    // The plan's steps, spread evenly from start to end.
    std::vector<ActionRow> plan;
    for (int k = 0; k < 8; ++k)
      plan.push_back({c.next_id("plan_actions"), starts + std::chrono::days{length * k / 8},
                      starts + std::chrono::days{length * (k + 1) / 8}, "not_started", 0, ""});
    // The last day the entity reported progress. One approved plan in eight stopped reporting while a step was
    // under way more than 40 days ago ("stalled"); one in seven has a step past its due day and still open ("late").
    Day stop = c.today;
    if (a.status == "completed") stop = completed;
    if (a.status == "withdrawn") stop = withdrawn;
    const bool stall = a.status == "approved" && rng.chance(12);
    const bool late = a.status == "approved" && !stall && rng.chance(15);
    if (stall)
      for (const auto& x : plan)
        if (x.starts <= c.today && c.today < x.due && days(x.starts, c.today) >= 40)
          stop = x.starts + std::chrono::days{rng.between(0, static_cast<int>(days(x.starts, c.today)) - 40)};
    const bool started = a.status == "approved" || a.status == "completed" || a.status == "withdrawn";
    const std::string plan_created = stamp(created + std::chrono::days{2}, 10 * 3600);
    std::string last_progress;
    auto progress = [&](const std::string& at) { last_progress = std::max(last_progress, at); };
    int last_done = -1;
    for (int k = 0; k < 8; ++k) {
      auto& x = plan[static_cast<std::size_t>(k)];
      x.updated = plan_created;
      if (started && a.status != "completed" && x.due > stop && x.starts <= stop) {
        x.status = a.status == "withdrawn" ? "cancelled" : "in_progress";
        x.percent =
            std::clamp(static_cast<int>(100 * days(x.starts, stop) / std::max(1L, days(x.starts, x.due))), 5, 95);
        x.updated = progress_stamp(stop);
      } else if (started && x.due <= stop) {
        x.status = "done";
        x.percent = 100;
        x.updated = progress_stamp(x.due);
        last_done = k;
      } else if (a.status == "withdrawn") {
        x.status = "cancelled";
        x.updated = stamp(withdrawn, 12 * 3600);
      }
    }
    if (late && last_done >= 0) {
      auto& x = plan[static_cast<std::size_t>(last_done)];
      x.status = rng.chance(30) ? "blocked" : "in_progress";
      x.percent = rng.between(20, 90);
    }
    for (const auto& x : plan)
      if (x.status != "not_started" && x.status != "cancelled") progress(x.updated);
    struct MilestoneRow {
      Day due;
      std::optional<std::string> reached;
      std::string updated;
    };
    std::vector<MilestoneRow> ms;
    for (int k = 0; k < 3; ++k) {
      MilestoneRow m{starts + std::chrono::days{length * (k + 1) / 3}, std::nullopt, plan_created};
      if (started && m.due <= stop) {
        const Day reached = m.due - std::chrono::days{rng.between(0, 5)};
        m.reached = core::format_day(reached);
        m.updated = progress_stamp(reached);
        progress(m.updated);
      }
      ms.push_back(std::move(m));
    }
    // Ten years of monthly values up to the month before the last report.
    const auto& kind = rng.pick(kIndicators);
    const double baseline = std::round((kind.baseline_low + (kind.baseline_high - kind.baseline_low) *
                                                                static_cast<double>(rng.below(1000)) / 1000.0) *
                                       10) /
                            10;
    double target = kind.increase ? baseline * (1 + kind.change) : baseline * (1 - kind.change);
    if (kind.unit == "%") target = std::min(target, 98.0);
    target = std::round(target * 10) / 10;
    const double effect = 0.6 + static_cast<double>(rng.below(50)) / 100.0;
    const Day last_month =
        core::add_months(make_day(static_cast<int>(std::chrono::year_month_day{stop}.year()),
                                  static_cast<unsigned>(std::chrono::year_month_day{stop}.month()), 1),
                         -1);
    const std::int64_t recorder = a.coordinator;
    const std::int64_t indicator_id = c.next_id("adoption_indicators");
    std::string last_recorded;
    struct ValueRow {
      std::string period;
      double actual;
      std::string at;
    };
    std::vector<ValueRow> series;
    series.reserve(static_cast<std::size_t>(c.f.indicator_months));
    for (int m = c.f.indicator_months - 1; m >= 0; --m) {
      const Day month = core::add_months(last_month, -m);
      const double share =
          month < starts
              ? 0.0
              : std::min(1.0, static_cast<double>(days(starts, month)) / static_cast<double>(std::max(1L, length)));
      double v = baseline + (target - baseline) * share * effect;
      v *= 1.0 + (static_cast<double>(rng.below(2001)) - 1000.0) / 20000.0;  // ±5%
      if (kind.unit == "%") v = std::clamp(v, 0.0, 100.0);
      v = std::round(v * 10) / 10;
      const Day recorded = core::add_months(month, 1);
      series.push_back({month_text(month), v, stamp(recorded, 6 * 3600 + static_cast<int>(rng.below(3000)))});
    }
    if (!series.empty()) progress(series.back().at);

    std::optional<std::string> submitted_at, approved_at, completed_at, withdrawn_at, last_progress_at;
    std::optional<std::int64_t> approved_by;
    std::string reason, updated = stamp(created, 9 * 3600);
    if (a.status != "draft") updated = *(submitted_at = stamp(submitted, 9 * 3600 + 600));
    if (a.status == "approved" || a.status == "completed" ||
        (a.status == "withdrawn" && withdrawn > approved && rng.chance(70))) {
      updated = *(approved_at = stamp(approved, 11 * 3600));
      approved_by = rng.pick(c.office_users);
    }
    if (a.status == "completed") updated = *(completed_at = stamp(completed, 14 * 3600));
    if (a.status == "withdrawn") {
      updated = *(withdrawn_at = stamp(withdrawn, 14 * 3600));
      reason = rng.pick(kWithdrawReasons);
    }
    if (!last_progress.empty()) last_progress_at = last_progress;
    updated = std::max(updated, plan_created);
    t.add(a.id, e.id, practice.id, c.editions[practice.edition].id, c.orgs[org].id,
          "تطبيق ممارسة «" + practice.title_ar + "» في " + c.orgs[org].name_ar,
          "Apply the practice \"" + practice.title_en + "\" at " + c.orgs[org].name_en, core::format_day(starts),
          core::format_day(ends), a.status, reason, submitted_at, approved_at, approved_by, completed_at, withdrawn_at,
          last_progress_at, a.coordinator, 1, stamp(created, 9 * 3600), updated);
    for (std::size_t k = 0; k < plan.size(); ++k) {
      const auto& x = plan[k];
      actions.add(x.id, a.id, c.member(rng, org), kPlanActions[k].ar, kPlanActions[k].en, core::format_day(x.starts),
                  core::format_day(x.due), x.status, x.percent, 1, plan_created, std::max(x.updated, plan_created));
      if (a.status == "approved" && (x.status == "not_started" || x.status == "in_progress" || x.status == "blocked"))
        c.actions.emplace_back(x.id, a.id);
    }
    for (std::size_t k = 0; k < ms.size(); ++k)
      milestones.add(c.next_id("plan_milestones"), a.id, kMilestones[k].ar, kMilestones[k].en,
                     core::format_day(ms[k].due), ms[k].reached, 1, plan_created,
                     std::max(ms[k].updated, plan_created));
    indicators.add(indicator_id, a.id, kind.ar, kind.en, kind.unit, baseline, target,
                   kind.increase ? "increase" : "decrease", 1, plan_created, plan_created);
    for (const auto& v : series) values.add(indicator_id, v.period, v.actual, recorder, v.at);
    c.adoptions.push_back(a);
  }
}

}  // namespace manzuma::app::gen
