// Research studies of every edition with their review: closed editions' studies are decided (accepted, applied
// as a practice of the same edition, or rejected with a reason); the open edition's are at every stage. Two
// assessors review each study past "proposed", and some studies have a discussion.

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

void gen_research(Context& c) {
  c.w.area("research");
  Rng rng = c.rng("research");
  auto& t =
      c.w.table("research_studies", {"id", "edition_id", "organization_id", "submitted_by", "title_ar", "title_en",
                                     "authors", "abstract_ar", "abstract_en", "status", "decision_reason", "decided_at",
                                     "practice_id", "version", "created_at", "updated_at"});
  auto& reviewers = c.w.table("research_reviewers", {"id", "study_id", "user_id", "recommendation", "comments",
                                                     "assigned_at", "recommended_at"});
  auto& comments = c.w.table("research_comments", {"id", "study_id", "author_id", "body", "created_at"});
  std::vector<std::size_t> by_weight;
  for (std::size_t e = 0; e < c.editions.size(); ++e)
    for (int k = 0; k < c.editions[e].number; ++k) by_weight.push_back(e);
  std::vector<std::vector<std::int64_t>> practices_of(c.editions.size());
  for (const auto& p : c.practices) practices_of[p.edition].push_back(p.id);
  // Colleges submit most studies; any entity may.
  std::vector<std::size_t> submitters;
  for (auto i : c.orgs_of({"academic"}))
    for (int k = 0; k < 20; ++k) submitters.push_back(i);
  for (auto i : c.orgs_of({"ministry", "authority", "government_company", "private_company", "civil_society"}))
    submitters.push_back(i);
  std::vector<std::int64_t> panel = c.assessors.size() >= 2 ? c.assessors : c.office_users;
  const Day last_decision = c.today - std::chrono::days{1};

  for (int n = 0; n < c.f.research; ++n) {
    const std::int64_t id = c.next_id("research_studies");
    const std::size_t ei = rng.pick(by_weight);
    const Edition& e = c.editions[ei];
    const std::size_t org = rng.pick(submitters);
    const std::int64_t by = c.member(rng, org);
    const auto& prefix = rng.pick(kStudyPrefixes);
    const auto& object = rng.pick(kPracticeObjects);
    const auto& q = rng.pick(kPracticeQualifiers);
    const auto& goal = rng.pick(kGoals);
    const auto& means = rng.pick(kMeans);
    std::string authors;
    for (int k = rng.between(1, 3); k > 0; --k) {
      if (!authors.empty()) authors += "\n";
      const auto& who = rng.chance(50) ? rng.pick(kFemaleNames) : rng.pick(kMaleNames);
      authors += std::string(who.ar) + " " + std::string(rng.pick(kFamilyNames).ar);
    }
    std::string status;
    const int r = static_cast<int>(rng.below(100));
    if (e.open)
      status = r < 35 ? "proposed" : r < 70 ? "under_review" : r < 80 ? "accepted" : r < 90 ? "rejected" : "applied";
    else
      status = r < 35 ? "accepted" : r < 60 ? "applied" : "rejected";
    if (status == "applied" && practices_of[ei].empty()) status = "accepted";
    const Day created = make_day(e.year, 1, 1) + std::chrono::days{rng.between(0, 300)};
    Day decided = created + std::chrono::days{rng.between(30, 120)};
    if (decided > last_decision) decided = last_decision;
    const bool is_decided = status == "accepted" || status == "applied" || status == "rejected";
    const Day updated = is_decided ? decided : created + std::chrono::days{status == "proposed" ? 0 : 7};
    std::optional<std::string> reason, decided_at;
    std::optional<std::int64_t> practice;
    if (status == "rejected") reason = std::string(rng.pick(kRejectionReasons));
    if (is_decided) decided_at = stamp(decided, 11 * 3600);
    if (status == "applied") practice = rng.pick(practices_of[ei]);
    t.add(id, e.id, c.orgs[org].id, by, std::string(prefix.ar) + " " + std::string(object.ar) + " " + std::string(q.ar),
          std::string(prefix.en) + " " + std::string(object.en) + " " + std::string(q.en), authors,
          "تتناول الدراسة " + std::string(object.ar) + " لدى " + c.orgs[org].name_ar + "، وتقترح " +
              std::string(means.ar) + " بهدف " + std::string(goal.ar) + ".",
          "The study examines " + std::string(object.en) + " at " + c.orgs[org].name_en + " and proposes " +
              std::string(means.en) + " to " + std::string(goal.en) + ".",
          status, reason, decided_at, practice, 1, stamp(created, 10 * 3600), stamp(updated, 12 * 3600));
    c.studies.push_back(id);
    if (status != "proposed") {
      const std::size_t a = rng.below(panel.size());
      std::size_t b = rng.below(panel.size() - 1);
      if (b >= a) ++b;
      for (std::size_t who : {a, b}) {
        std::optional<std::string> rec, rec_at;
        std::string note;
        if (is_decided || rng.chance(40)) {
          rec = status == "rejected" ? (rng.chance(70) ? "reject" : "revise") : (rng.chance(80) ? "accept" : "revise");
          rec_at = stamp(is_decided ? decided - std::chrono::days{3} : updated, 13 * 3600);
          note = rng.pick(kReviewComments);
        }
        reviewers.add(c.next_id("research_reviewers"), id, panel[who], rec, note,
                      stamp(created + std::chrono::days{5}, 9 * 3600), rec_at);
      }
      for (int k = static_cast<int>(rng.below(4)); k > 0; --k) {
        const std::int64_t author = rng.chance(50) ? by : panel[a];
        comments.add(c.next_id("research_comments"), id, author, rng.pick(kDiscussion),
                     stamp(created + std::chrono::days{6 + k}, 10 * 3600 + k));
      }
    }
  }
}

}  // namespace manzuma::app::gen
