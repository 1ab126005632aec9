// Memoranda of cooperation between the program office and companies, societies, colleges and authorities
// since 2015: drafts, active ones, expired ones (stored as expired, as the daily scan would have), a few
// terminated; areas of cooperation and follow-up actions owned by the program office, done when past due
// (some still open and overdue on active memoranda).

#include <algorithm>
#include <set>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

void gen_partnerships(Context& c) {
  c.w.area("partnerships");
  Rng rng = c.rng("partnerships");
  auto& t = c.w.table("partnerships", {"id", "title_ar", "title_en", "summary_ar", "summary_en", "signed_on",
                                       "duration_months", "expires_on", "status", "renewal_reminder_days",
                                       "terminated_on", "version", "created_at", "updated_at"});
  auto& parties = c.w.table("partnership_parties", {"partnership_id", "organization_id", "position"});
  auto& areas = c.w.table("partnership_areas", {"id", "partnership_id", "position", "name_ar", "name_en"});
  auto& actions =
      c.w.table("partnership_actions", {"id", "partnership_id", "owner_id", "title_ar", "title_en", "due_on", "status",
                                        "completed_on", "version", "created_at", "updated_at"});
  const auto partners = c.orgs_of({"government_company", "private_company", "civil_society", "academic", "authority"});
  const Day first = make_day(2015, 1, 10);
  const long span = static_cast<long>((c.today - first).count()) - 2;
  constexpr int kDurations[] = {12, 24, 36, 60};

  for (int n = 0; n < c.f.partnerships; ++n) {
    const std::int64_t id = c.next_id("partnerships");
    const Day signed_on = first + std::chrono::days{span * n / std::max(1, c.f.partnerships)};
    const int months = rng.pick(kDurations);
    const Day expires = core::add_months(signed_on, months);
    std::string status = expires < c.today ? "expired" : "active";
    std::optional<std::string> terminated;
    Day terminated_day = signed_on;
    if (rng.chance(5)) {
      status = "terminated";
      const long until = static_cast<long>((std::min(expires, c.today) - signed_on).count());
      terminated_day = signed_on + std::chrono::days{rng.between(30, std::max(31, static_cast<int>(until) - 1))};
      terminated_day = std::min(terminated_day, c.today - std::chrono::days{1});
      terminated = core::format_day(terminated_day);
    } else if (c.today - signed_on < std::chrono::days{120} && rng.chance(30)) {
      status = "draft";
    }
    const std::size_t partner = rng.pick(partners);
    std::set<std::size_t> picked{c.office, partner};
    std::vector<std::size_t> sides{c.office, partner};
    if (rng.chance(25)) {
      const std::size_t third = rng.pick(partners);
      if (picked.insert(third).second) sides.push_back(third);
    }
    std::vector<std::size_t> area_ix(std::size(kCooperationAreas));
    for (std::size_t i = 0; i < area_ix.size(); ++i) area_ix[i] = i;
    for (std::size_t i = area_ix.size() - 1; i > 0; --i) std::swap(area_ix[i], area_ix[rng.below(i + 1)]);
    const int n_areas = rng.between(2, 4);
    const auto& main_area = kCooperationAreas[area_ix[0]];
    const std::string created = stamp(signed_on - std::chrono::days{10}, 9 * 3600);
    std::string updated = stamp(signed_on, 12 * 3600);
    if (terminated) updated = stamp(terminated_day, 12 * 3600);
    // Drawn before the call: the order in which a call's arguments are evaluated is unspecified.
    const auto& goal = rng.pick(kGoals);
    const int reminder = rng.chance(70) ? 60 : 90;
    t.add(id, "مذكرة تعاون مع " + c.orgs[partner].name_ar + " في مجال " + std::string(main_area.ar),
          "MoU with " + c.orgs[partner].name_en + ": " + std::string(main_area.en),
          "تهدف المذكرة إلى " + std::string(goal.ar) + " عبر " + std::string(main_area.ar) + ".",
          "The memorandum aims to " + std::string(goal.en) + " through " + std::string(main_area.en) + ".",
          core::format_day(signed_on), months, core::format_day(expires), status, reminder, terminated, 1, created,
          updated);
    c.partnerships.push_back(id);
    for (std::size_t k = 0; k < sides.size(); ++k) parties.add(id, c.orgs[sides[k]].id, static_cast<int>(k));
    for (int k = 0; k < n_areas; ++k)
      areas.add(c.next_id("partnership_areas"), id, k, kCooperationAreas[area_ix[static_cast<std::size_t>(k)]].ar,
                kCooperationAreas[area_ix[static_cast<std::size_t>(k)]].en);
    if (status == "draft") continue;
    const int n_actions = rng.between(2, 5);
    const long life = static_cast<long>((expires - signed_on).count());
    for (int k = 0; k < n_actions; ++k) {
      const Day due = signed_on + std::chrono::days{life * (k + 1) / (n_actions + 1)};
      std::string a_status = "open";
      std::optional<std::string> completed_on;
      std::string a_updated = created;
      if (due < c.today) {
        const int r = static_cast<int>(rng.below(100));
        a_status = r < 85 || status != "active" ? "done" : r < 90 ? "cancelled" : "open";
        if (a_status == "done") {
          const Day done = std::max(signed_on, due - std::chrono::days{rng.between(0, 10)});
          completed_on = core::format_day(done);
          a_updated = stamp(done, 7 * 3600);
        } else if (a_status == "cancelled") {
          a_updated = stamp(due, 7 * 3600);
        }
      }
      actions.add(c.next_id("partnership_actions"), id, rng.pick(c.office_users),
                  kFollowUps[k % std::size(kFollowUps)].ar, kFollowUps[k % std::size(kFollowUps)].en,
                  core::format_day(due), a_status, completed_on, 1, created, a_updated);
    }
  }
}

}  // namespace manzuma::app::gen
