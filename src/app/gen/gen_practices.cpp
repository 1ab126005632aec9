// The practice catalogue: practices of every edition (more in later ones), contributed mostly by companies and
// authorities, each with its owner and a toolkit of https links (no files: knowledge documents without
// attachments keep the dataset a database alone).

#include <set>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

void gen_practices(Context& c) {
  c.w.area("practices");
  Rng rng = c.rng("practices");
  auto& t =
      c.w.table("practices", {"id", "edition_id", "organization_id", "owner_id", "category", "title_ar", "title_en",
                              "summary_ar", "summary_en", "benefits_ar", "benefits_en", "prerequisites_ar",
                              "prerequisites_en", "status", "version", "created_at", "updated_at"});
  auto& kit = c.w.table("practice_toolkit_items", {"id", "practice_id", "kind", "title_ar", "title_en", "url",
                                                   "position", "created_by", "created_at"});
  // Later editions have more practices: edition n weighs n.
  std::vector<std::size_t> by_weight;
  for (std::size_t e = 0; e < c.editions.size(); ++e)
    for (int k = 0; k < c.editions[e].number; ++k) by_weight.push_back(e);
  std::vector<std::size_t> contributors;
  for (auto i : c.orgs_of({"government_company", "private_company"}))
    for (int k = 0; k < 3; ++k) contributors.push_back(i);
  for (auto i : c.orgs_of({"authority", "academic", "civil_society"})) contributors.push_back(i);
  for (auto i : c.orgs_of({"ministry"}))
    if (c.orgs[i].path.find('/', 1) + 1 == c.orgs[i].path.size()) contributors.push_back(i);  // not branches
  std::vector<std::set<std::string>> titles(c.editions.size());

  for (int n = 0; n < c.f.practices; ++n) {
    Practice p;
    p.id = c.next_id("practices");
    p.edition = rng.pick(by_weight);
    p.org = rng.pick(contributors);
    const Edition& e = c.editions[p.edition];
    const PracticeObject* object = nullptr;
    // Titles are unique in an edition; the lists give thousands of combinations, so a few draws find one.
    for (int attempt = 0;; ++attempt) {
      const auto& a = rng.pick(kPracticeActions);
      object = &rng.pick(kPracticeObjects);
      const auto& q = rng.pick(kPracticeQualifiers);
      p.title_ar = std::string(a.ar) + " " + std::string(object->ar) + " " + std::string(q.ar);
      p.title_en = std::string(a.en) + " " + std::string(object->en) + " " + std::string(q.en);
      if (attempt > 50) {
        p.title_ar += " (" + std::to_string(attempt) + ")";
        p.title_en += " (" + std::to_string(attempt) + ")";
      }
      if (titles[p.edition].insert(p.title_ar).second) break;
    }
    p.status = e.open ? (rng.chance(70) ? "published" : "draft") : (rng.chance(90) ? "published" : "archived");
    const auto& goal = rng.pick(kGoals);
    const auto& means = rng.pick(kMeans);
    const auto& result = rng.pick(kResults);
    const auto& result2 = rng.pick(kResults);
    const auto& pre = rng.pick(kPrerequisites);
    const std::string pct = std::to_string(rng.between(8, 60));
    const Day created = make_day(e.year, 1, 1) + std::chrono::days{rng.between(0, 320)};
    const Day updated = created + std::chrono::days{rng.between(0, 14)};
    const std::int64_t owner = c.member(rng, p.org, "practice_owner");
    t.add(p.id, e.id, c.orgs[p.org].id, owner, object->category, p.title_ar, p.title_en,
          "تهدف الممارسة إلى " + std::string(goal.ar) + " من خلال " + std::string(means.ar) + "، وأسهمت في " +
              std::string(result.ar) + " بنسبة " + pct + "% لدى " + c.orgs[p.org].name_ar + ".",
          "The practice aims to " + std::string(goal.en) + " through " + std::string(means.en) + ", and brought " +
              std::string(result.en) + " (" + pct + "%) at " + c.orgs[p.org].name_en + ".",
          std::string(result.ar) + " و" + std::string(result2.ar),
          std::string(result.en) + " and " + std::string(result2.en), pre.ar, pre.en, p.status, 1,
          stamp(created, 8 * 3600 + static_cast<int>(rng.below(8 * 3600))), stamp(updated, 16 * 3600));
    const int items = static_cast<int>(rng.below(8));
    for (int k = 0; k < items; ++k) {
      const auto& item = rng.pick(kToolkitTitles);
      const std::int64_t id = c.next_id("practice_toolkit_items");
      kit.add(id, p.id, item.kind, item.ar, item.en,
              "https://toolkit." + std::string(kEmailDomain) + "/practices/" + std::to_string(p.id) + "/" +
                  std::to_string(k + 1),
              k, owner, stamp(updated, 16 * 3600 + k));
    }
    c.practices.push_back(std::move(p));
  }
}

}  // namespace manzuma::app::gen
