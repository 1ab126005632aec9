// The change portfolio (issue 8): every government entity's settings (capacity, the ten governance-project
// entities flagged), a change team with its head and members, ~8 stakeholder groups, and initiatives spread over
// the entities — the first ministry (the coordinator account's) carries many, so its heatmap is saturated. Each
// initiative has 2–4 impact rows, 4 plan actions, 2 risks, 1–2 stakeholders, the gate moves (through decided
// reviews) that took it to its gate, and 1–3 ADKAR survey rounds whose links, anonymous responses and tallies agree:
// tallies are the sums of the responses, every response used one link, and some links are unused. Readiness rises
// from round to round, so barrier points move. Challenges are raised by the teams.

#include <algorithm>
#include <array>
#include <map>

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

namespace {

constexpr Phrase kInitiativeSubjects[] = {
    {"منصة الخدمات الإلكترونية الموحدة", "the unified e-services platform"},
    {"نظام إدارة الوثائق", "the document management system"},
    {"التوثيق الإلكتروني للعقود", "electronic notarisation of contracts"},
    {"الانتخابات الإلكترونية", "electronic elections"},
    {"إعادة هيكلة مراكز الخدمة", "the restructuring of service centres"},
    {"سياسة العمل المرن", "the flexible work policy"},
    {"الدفع الإلكتروني للرسوم", "electronic payment of fees"},
    {"نظام تخطيط الموارد", "the resource planning system"},
    {"إجراءات الترخيص الموحدة", "unified licensing procedures"},
    {"بوابة الموظف الذاتية", "the employee self-service portal"},
    {"الأرشفة الرقمية", "digital archiving"},
    {"مؤشرات الأداء المؤسسي", "institutional performance indicators"},
};
constexpr Phrase kInitiativeVerbs[] = {
    {"إطلاق", "Launch of"}, {"تطوير", "Upgrade of"}, {"تعميم", "Roll-out of"}, {"تحويل", "Transition to"}};
constexpr std::string_view kTypes[] = {"digital_service", "system", "restructuring", "policy", "process", "other"};
constexpr Phrase kGroups[] = {
    {"موظفو خدمة المراجعين", "Customer-service staff"},
    {"الإدارة الوسطى", "Middle managers"},
    {"فريق تقنية المعلومات", "IT team"},
    {"الموظفون الماليون", "Finance staff"},
    {"موظفو الفروع", "Branch staff"},
    {"القيادات العليا", "Senior leaders"},
    {"الموثقون", "Notaries"},
    {"موظفو الموارد البشرية", "HR staff"},
};
constexpr std::string_view kActionKinds[] = {"communication", "sponsorship", "coaching", "training", "resistance"};
constexpr Phrase kActionTitles[] = {
    {"رسائل التوعية بالتغيير", "Change awareness messages"},
    {"لقاء الراعي مع الموظفين", "Sponsor town hall"},
    {"جلسات التوجيه للمديرين", "Coaching sessions for managers"},
    {"برنامج التدريب على النظام", "Training programme on the system"},
    {"معالجة مقاومة التغيير", "Resistance management sessions"},
};
constexpr Phrase kRisks[] = {
    {"ضعف تبني الموظفين", "Low adoption by staff"},
    {"تأخر جاهزية النظام", "System readiness delayed"},
    {"نقص المدربين", "Too few trainers"},
    {"تعارض الأولويات", "Competing priorities"},
};
constexpr std::string_view kChallengeBodies[] = {
    "الموظفون يخشون فقدان مهامهم بعد الأتمتة",
    "ضعف المهارات الرقمية لدى بعض الفئات",
    "لا توجد ميزانية كافية للتدريب",
    "The new system is slow in the branches",
    "Managers do not explain the reasons for the change",
    "تداخل الإجراءات القديمة والجديدة",
};
constexpr std::string_view kChallengeCategories[] = {"resistance", "skills",        "resources", "technology",
                                                     "leadership", "communication", "process",   "other"};
constexpr std::string_view kComments[] = {"نحتاج إلى تدريب أكثر", "التغيير واضح ومفيد", "The timeline is too short",
                                          "لا أعرف سبب التغيير"};

long days(Day from, Day to) { return static_cast<long>((to - from).count()); }

struct Initiative {
  std::int64_t id;
  std::size_t org;
  Day starts, ends;
  std::string status;
  std::vector<std::int64_t> groups;
};

}  // namespace

void gen_change(Context& c) {
  c.w.area("change");
  Rng rng = c.rng("change");
  auto& s = c.w.session();
  // The gates the migration created, in order.
  const auto gates = s.query<std::int64_t>("SELECT id FROM change_gates ORDER BY position");

  auto& entities =
      c.w.table("change_entities", {"organization_id", "capacity", "governance_project", "version", "updated_at"});
  auto& teams = c.w.table("change_teams", {"id", "organization_id", "name_ar", "name_en", "head_id", "programs_ar",
                                           "programs_en", "version", "created_at", "updated_at"});
  auto& members = c.w.table("change_team_members", {"team_id", "user_id", "training", "added_at"});
  auto& groups = c.w.table("change_groups", {"id", "organization_id", "name_ar", "name_en", "size", "location_ar",
                                             "location_en", "version", "created_at", "updated_at"});
  auto& initiatives =
      c.w.table("change_initiatives",
                {"id",         "organization_id", "team_id",    "title_ar", "title_en",   "type",       "sponsor_ar",
                 "sponsor_en", "head_id",         "starts_on",  "ends_on",  "program_ar", "program_en", "status",
                 "gate_id",    "gate_reached_at", "created_by", "version",  "created_at", "updated_at"});
  auto& impacts = c.w.table("change_impacts",
                            {"initiative_id", "group_id", "processes", "systems", "tools", "job_roles", "behaviours",
                             "mindset", "reporting", "performance", "compensation", "location", "total", "updated_at"});
  auto& surveys =
      c.w.table("change_surveys", {"id", "initiative_id", "round", "title_ar", "title_en", "opens_on", "closes_on",
                                   "status", "created_by", "version", "created_at", "updated_at"});
  auto& links = c.w.table("change_survey_links", {"id", "survey_id", "group_id", "token_hash", "used", "created_at"});
  auto& responses =
      c.w.table("change_survey_responses", {"id", "survey_id", "group_id", "awareness", "desire", "knowledge",
                                            "ability", "reinforcement", "comment", "submitted_on"});
  auto& tallies = c.w.table("change_survey_tallies", {"survey_id", "group_id", "responses", "awareness", "desire",
                                                      "knowledge", "ability", "reinforcement"});
  auto& stakeholders = c.w.table(
      "change_stakeholders", {"id", "initiative_id", "name_ar", "name_en", "role_ar", "role_en", "influence", "support",
                              "sponsor", "roadmap_ar", "roadmap_en", "version", "created_at", "updated_at"});
  auto& actions =
      c.w.table("change_actions", {"id", "initiative_id", "kind", "title_ar", "title_en", "owner_id", "starts_on",
                                   "due_on", "status", "done_on", "version", "created_at", "updated_at"});
  auto& risks =
      c.w.table("change_risks", {"id", "initiative_id", "title_ar", "title_en", "likelihood", "impact", "owner_id",
                                 "mitigation_ar", "mitigation_en", "status", "version", "created_at", "updated_at"});
  auto& challenges = c.w.table("change_challenges", {"id", "organization_id", "initiative_id", "body", "category",
                                                     "status", "raised_by", "version", "created_at", "updated_at"});
  auto& reviews = c.w.table("change_gate_reviews",
                            {"id", "initiative_id", "gate_id", "status", "decision", "conditions", "comments",
                             "requested_by", "requested_at", "decided_by", "decided_at", "version"});
  auto& reviewers = c.w.table("change_gate_reviewers", {"review_id", "user_id"});
  auto& moves = c.w.table("change_gate_moves", {"id", "initiative_id", "from_gate_id", "to_gate_id", "review_id",
                                                "reason", "moved_by", "moved_at"});

  // Entities, their settings, teams and groups. The first ministry (the coordinator account's) is the busiest.
  const auto government = c.orgs_of({"ministry", "authority", "government_company"});
  const auto ministries = c.orgs_of({"ministry"});
  std::map<std::size_t, std::vector<std::int64_t>> groups_of;
  std::map<std::size_t, std::int64_t> team_of, head_of;
  std::vector<std::size_t> weighted;
  int flagged = 0;
  const std::string settings_at = stamp(make_day(2026, 1, 10));
  for (std::size_t k = 0; k < government.size(); ++k) {
    const std::size_t org = government[k];
    const Org& o = c.orgs[org];
    const bool top_ministry = o.kind == "ministry" && std::count(o.path.begin(), o.path.end(), '/') == 2;
    const bool governance = top_ministry && flagged < 10;
    if (governance) ++flagged;
    if (governance || rng.chance(40))
      entities.add(o.id, governance ? 60 : rng.pick(std::array{40, 50, 60, 60, 80}), governance ? 1 : 0, 1,
                   settings_at);
    const std::int64_t head = c.member(rng, org, "change_team_head");
    head_of[org] = head;
    const std::int64_t team = c.next_id("change_teams");
    team_of[org] = team;
    const std::string created = stamp(make_day(2025, 1, 5) + std::chrono::days{rng.between(0, 200)});
    teams.add(team, o.id, "فريق إدارة التغيير", "Change management team", head,
              "برنامج التحول الرقمي الحكومي 2021–2025", "Government Digital Transformation Program 2021–2025", 1,
              created, created);
    members.add(team, head, "Prosci practitioner", created);
    if (const std::int64_t u = c.member(rng, org); u != head) members.add(team, u, "", created);
    for (std::size_t g = 0; g < std::size(kGroups); ++g) {
      if (g >= 6 && rng.chance(50)) continue;  // six to eight groups
      const std::int64_t id = c.next_id("change_groups");
      groups.add(id, o.id, kGroups[g].ar, kGroups[g].en, rng.between(8, 400), "مسقط", "Muscat", 1, created, created);
      groups_of[org].push_back(id);
    }
    // Ministries carry more initiatives than authorities and companies; the first ministry many more.
    const int weight = org == ministries.front() ? 10 : o.kind == "ministry" ? 3 : 2;
    for (int w = 0; w < weight; ++w) weighted.push_back(org);
  }

  // Initiatives, with their impact, plans, risks, stakeholders and the gates they reached.
  std::vector<Initiative> all;
  all.reserve(static_cast<std::size_t>(c.f.change_initiatives));
  const Day window = make_day(2024, 1, 1);
  const long window_days = days(window, make_day(2027, 12, 1));
  for (int n = 0; n < c.f.change_initiatives; ++n) {
    Initiative in{c.next_id("change_initiatives"), rng.pick(weighted), {}, {}, "", {}};
    const Org& o = c.orgs[in.org];
    in.starts = window + std::chrono::days{static_cast<long>(rng.below(static_cast<std::size_t>(window_days)))};
    in.ends = in.starts + std::chrono::days{rng.between(90, 360)};
    const int r = static_cast<int>(rng.below(100));
    if (in.ends < c.today)
      in.status = r < 80 ? "completed" : r < 90 ? "cancelled" : "active";
    else
      in.status = r < 85 ? "active" : r < 95 ? "on_hold" : "cancelled";
    // The gate reached: ended initiatives near the end, running ones by how far along they are.
    int gate = 0;
    const long length = std::max(1L, days(in.starts, in.ends));
    const long done = std::clamp(days(in.starts, c.today), 0L, length);
    if (in.status == "completed") {
      // Completed only at the last gate (the service's rule); the draw stays so the rest of the stream is unchanged.
      static_cast<void>(rng.chance(50));
      gate = static_cast<int>(gates.size()) - 1;
    } else
      gate = static_cast<int>(std::min<long>(3, 4 * done / length));
    gate = std::min<int>(gate, static_cast<int>(gates.size()) - 1);
    const std::int64_t head = head_of[in.org];
    const Day created = in.starts - std::chrono::days{rng.between(10, 60)};
    const std::string created_at = stamp(created);
    // The initiative row goes first: a chunk may be committed between any two rows, and the reviews refer to it.
    auto review_day = [&](int g) {
      return std::min(created + std::chrono::days{length * g / 5 + 5}, c.today - std::chrono::days{2});
    };
    const Day reached = gate == 0 ? created : review_day(gate) + std::chrono::days{1};
    const auto& subject = rng.pick(kInitiativeSubjects);
    const auto& verb = rng.pick(kInitiativeVerbs);
    const std::string suffix = " " + std::to_string(in.id);
    initiatives.add(in.id, o.id, team_of[in.org], std::string(verb.ar) + " " + std::string(subject.ar) + suffix,
                    std::string(verb.en) + " " + std::string(subject.en) + suffix, rng.pick(kTypes), "وكيل الوزارة",
                    "The undersecretary", head, core::format_day(in.starts), core::format_day(in.ends),
                    "برنامج التحول الرقمي الحكومي", "Government Digital Transformation Program", in.status,
                    gates[static_cast<std::size_t>(gate)], stamp(reached, 11 * 3600), head, 1 + gate, created_at,
                    stamp(std::max(reached, created), 12 * 3600));
    for (int g = 1; g <= gate; ++g) {
      const Day requested = review_day(g);
      const Day decided = requested + std::chrono::days{1};
      const std::int64_t review = c.next_id("change_gate_reviews");
      reviews.add(review, in.id, gates[static_cast<std::size_t>(g)], "decided", "pass", "", "", head, stamp(requested),
                  c.office_user, stamp(decided, 11 * 3600), 2);
      reviewers.add(review, c.office_user);
      moves.add(c.next_id("change_gate_moves"), in.id, gates[static_cast<std::size_t>(g - 1)],
                gates[static_cast<std::size_t>(g)], review, "", c.office_user, stamp(decided, 11 * 3600));
    }

    // Impact on two to four of the entity's groups: degrees mostly low, a few high.
    auto pool = groups_of[in.org];
    for (std::size_t i = pool.size() - 1; i > 0; --i) std::swap(pool[i], pool[rng.below(i + 1)]);
    const std::size_t n_groups = std::min<std::size_t>(pool.size(), static_cast<std::size_t>(rng.between(2, 4)));
    for (std::size_t g = 0; g < n_groups; ++g) {
      std::array<int, 10> d{};
      int total = 0;
      for (auto& x : d) {
        x = static_cast<int>(rng.skewed(6));
        total += x;
      }
      impacts.add(in.id, pool[g], d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], total, created_at);
      in.groups.push_back(pool[g]);
    }

    // Four plan actions across the initiative: done when past due (some late), cancelled with the initiative.
    for (int k = 0; k < 4; ++k) {
      const Day a_start = in.starts + std::chrono::days{length * k / 4};
      const Day due = in.starts + std::chrono::days{length * (k + 1) / 4};
      std::string status = "not_started";
      std::optional<std::string> done_on;
      if (in.status == "cancelled") {
        status = "cancelled";
      } else if (in.status == "completed" || (due < c.today && !rng.chance(12))) {
        status = "done";
        done_on = core::format_day(std::min(due, c.today - std::chrono::days{1}));
      } else if (a_start <= c.today) {
        status = "in_progress";
      }
      const auto& t = kActionTitles[static_cast<std::size_t>(k + n) % std::size(kActionTitles)];
      actions.add(c.next_id("change_actions"), in.id, kActionKinds[static_cast<std::size_t>(k + n) % 5], t.ar, t.en,
                  head, core::format_day(a_start), core::format_day(due), status, done_on, 1, created_at, created_at);
    }
    for (int k = 0; k < 2; ++k) {
      const auto& risk = rng.pick(kRisks);
      const int likelihood = rng.between(1, 5), impact = rng.between(1, 5);
      const std::string status = in.status == "completed" ? "closed" : rng.chance(30) ? "mitigating" : "open";
      risks.add(c.next_id("change_risks"), in.id, risk.ar, risk.en, likelihood, impact, head, "خطة معالجة",
                "Mitigation plan", status, 1, created_at, created_at);
    }
    for (int k = 0, m = rng.between(1, 2); k < m; ++k) {
      const auto& name = rng.pick(kMaleNames);
      const auto& family = rng.pick(kFamilyNames);
      stakeholders.add(c.next_id("change_stakeholders"), in.id, std::string(name.ar) + " " + std::string(family.ar),
                       std::string(name.en) + " " + std::string(family.en), k == 0 ? "الراعي التنفيذي" : "مدير عام",
                       k == 0 ? "Executive sponsor" : "Director general", rng.between(3, 5), rng.between(1, 5),
                       k == 0 ? 1 : 0, k == 0 ? "لقاءات شهرية مع الفريق" : "", k == 0 ? "Monthly team meetings" : "", 1,
                       created_at, created_at);
    }
    if (rng.chance(25)) {
      const auto raised = stamp(std::min(in.starts + std::chrono::days{30}, c.today - std::chrono::days{1}));
      challenges.add(c.next_id("change_challenges"), o.id, in.id, rng.pick(kChallengeBodies),
                     rng.pick(kChallengeCategories), rng.pick(std::array{"open", "in_progress", "resolved"}), head, 1,
                     raised, raised);
    }
    all.push_back(std::move(in));
  }

  // Survey rounds: one to three per started initiative that was not cancelled, sixty days apart, three weeks open.
  struct Slot {
    std::int64_t survey;
    std::int64_t group;
    Day opens, closes;
    int round;
    std::array<double, 5> mean;
  };
  std::vector<Slot> slots;
  for (const auto& in : all) {
    if (in.status == "cancelled" || in.starts > c.today || in.groups.empty()) continue;
    // The initiative's starting readiness: awareness ahead, reinforcement behind; each round adds about half a point.
    const std::array<double, 5> base = {3.0 + rng.between(0, 10) / 10.0, 2.6 + rng.between(0, 10) / 10.0,
                                        2.2 + rng.between(0, 10) / 10.0, 2.0 + rng.between(0, 10) / 10.0,
                                        1.8 + rng.between(0, 10) / 10.0};
    const int rounds = rng.between(1, 3);
    for (int round = 1; round <= rounds; ++round) {
      const Day opens = in.starts + std::chrono::days{60 * (round - 1) + 7};
      if (opens > c.today) break;
      const Day closes = opens + std::chrono::days{21};
      const std::int64_t id = c.next_id("change_surveys");
      surveys.add(id, in.id, round, "قياس الجاهزية – الجولة " + std::to_string(round),
                  "Readiness survey – round " + std::to_string(round), core::format_day(opens),
                  core::format_day(closes), closes < c.today ? "closed" : "open", c.office_user,
                  closes < c.today ? 2 : 1, stamp(opens), stamp(closes < c.today ? closes : opens));
      std::array<double, 5> mean{};
      for (std::size_t e = 0; e < 5; ++e) mean[e] = std::min(4.8, base[e] + 0.5 * (round - 1));
      for (auto g : in.groups) slots.push_back({id, g, opens, std::min(closes, c.today), round, mean});
    }
  }
  // Responses shared out over the rounds' groups (each slot between half and one and a half of the average), so
  // the total is exactly the figure; every response used one link, and about one link in ten stays unused.
  std::vector<std::int64_t> weights(slots.size());
  std::int64_t weight_sum = 0;
  for (auto& w : weights) weight_sum += (w = rng.between(50, 150));
  std::int64_t left = c.f.change_responses;
  const std::int64_t link_hash_seed = static_cast<std::int64_t>(c.options.seed);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto& sl = slots[i];
    std::int64_t count =
        i + 1 == slots.size() ? left : c.f.change_responses * weights[i] / std::max<std::int64_t>(1, weight_sum);
    count = std::min(count, left);
    left -= count;
    std::array<std::int64_t, 5> sums{};
    const long open_days = std::max(0L, days(sl.opens, sl.closes));
    for (std::int64_t k = 0; k < count; ++k) {
      std::array<int, 5> a{};
      for (std::size_t e = 0; e < 5; ++e) {
        // The mean plus a spread of about one point either way.
        const int v = static_cast<int>(sl.mean[e] + (static_cast<int>(rng.below(21)) - 10) / 8.0 + 0.5);
        a[e] = std::clamp(v, 1, 5);
        sums[e] += a[e];
      }
      const std::int64_t link = c.next_id("change_survey_links");
      links.add(link, sl.survey, sl.group,
                core::sha256_hex("gen-link-" + std::to_string(link_hash_seed) + "-" + std::to_string(link)), 1,
                stamp(sl.opens, 8 * 3600));
      const Day on =
          sl.opens + std::chrono::days{static_cast<long>(rng.below(static_cast<std::size_t>(open_days + 1)))};
      responses.add(c.next_id("change_survey_responses"), sl.survey, sl.group, a[0], a[1], a[2], a[3], a[4],
                    rng.chance(5) ? std::string(rng.pick(kComments)) : std::string(), core::format_day(on));
    }
    for (std::int64_t k = 0, unused = count / 10; k < unused; ++k) {
      const std::int64_t link = c.next_id("change_survey_links");
      links.add(link, sl.survey, sl.group,
                core::sha256_hex("gen-link-" + std::to_string(link_hash_seed) + "-" + std::to_string(link)), 0,
                stamp(sl.opens, 8 * 3600));
    }
    if (count > 0) tallies.add(sl.survey, sl.group, count, sums[0], sums[1], sums[2], sums[3], sums[4]);
  }
}

}  // namespace manzuma::app::gen
