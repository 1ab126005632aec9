// Demo data for adoptions (see demo.hpp): entities carrying out applied implementation plans, so the
// dashboard tells a story on first run — one plan on track, one late, one stalled, one waiting for the
// program office's approval, one still a draft. Every date is relative to today, so the story stays true
// whenever the demo is loaded. Practices come from seed_practices; without them nothing is seeded.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "core/day.hpp"
#include "core/error.hpp"
#include "modules/adoptions/service.hpp"
#include "platform/attachments/service.hpp"

namespace manzuma::app {

namespace {

using modules::ActionStatus;

struct DemoAction {
  const char* title_ar;
  const char* title_en;
  int starts, due;  // days from today
  ActionStatus status;
  int percent;
  const char* evidence = nullptr;  // a CSV file name filed as evidence, if any
};

struct DemoPlan {
  const char* practice;      // refs.records key suffix
  const char* organization;  // refs.organizations key
  const char* objective_ar;
  const char* objective_en;
  int starts, ends;   // days from today
  const char* stage;  // draft, submitted, approved
  std::vector<DemoAction> actions;
  int approved_days_ago = 0;
  /// Set to backdate the last progress update (a stalled plan).
  std::optional<int> quiet_for_days;
};

}  // namespace

void seed_adoptions(App& app, DemoRefs& refs) {
  auto record = [&](const std::string& key) -> std::optional<std::int64_t> {
    auto it = refs.records.find(key);
    if (it == refs.records.end()) return std::nullopt;
    return it->second;
  };
  // Adoptions happen in the current edition; edition 2's practices are adopted there too.
  auto edition = record("edition:3");
  if (!edition) edition = record("edition:2");
  if (!edition) return;

  const auto office = refs.actor(app, "office@demo.manzuma.om");
  const auto coordinator = refs.actor(app, "coordinator@demo.manzuma.om");
  const std::string today = core::today(app.clock());
  auto day = [&](int offset) { return core::add_days(today, offset); };

  const std::vector<DemoPlan> plans = {
      {"change_management",
       "mtcit",
       "تطبيق ممارسة إدارة التغيير على مشاريع التحول الرقمي في الوزارة بقيادة فرق إدارة التغيير",
       "Apply the change-management practice to the ministry's digital-transformation projects, led by its "
       "change-management teams",
       -90,
       180,
       "approved",
       {{"تشكيل فريق إدارة التغيير واعتماد ميثاقه", "Form the change-management team and approve its charter", -90, -60,
         ActionStatus::done, 100, "ميثاق_فريق_إدارة_التغيير.csv"},
        {"تقييم جاهزية الموظفين للتحول الرقمي", "Assess staff readiness for the digital transformation", -60, -30,
         ActionStatus::done, 100, "نتائج_تقييم_الجاهزية.csv"},
        {"خطة الاتصال مع الموظفين والمستفيدين", "Communication plan for staff and beneficiaries", -30, 30,
         ActionStatus::in_progress, 60, "خطة_الاتصال.csv"},
        {"تدريب قادة التغيير في المديريات", "Train change leaders in the directorates", -20, 60,
         ActionStatus::in_progress, 30},
        {"قياس تبني المنصات الرقمية الجديدة", "Measure uptake of the new digital platforms", 60, 150,
         ActionStatus::not_started, 0}},
       75},
      {"risk_management",
       "moi",
       "بناء سجل المخاطر المؤسسية وربطه بخطة استمرارية الأعمال في الوزارة",
       "Build the ministry's enterprise risk register and tie it to its business-continuity plan",
       -120,
       120,
       "approved",
       {{"اعتماد سياسة إدارة المخاطر", "Approve the risk-management policy", -120, -90, ActionStatus::done, 100},
        {"حصر المخاطر التشغيلية في المديريات العامة", "Inventory operational risks across the directorates general",
         -80, -10, ActionStatus::in_progress, 40},
        {"تدريب منسقي المخاطر", "Train the risk coordinators", -30, 45, ActionStatus::in_progress, 20}},
       100},
      {"balanced_scorecard",
       "sjc",
       "تطبيق بطاقة الأداء المتوازن لقياس أداء المحاكم والخدمات القضائية الرقمية",
       "Apply the balanced scorecard to measure the performance of the courts and digital judicial services",
       -150,
       150,
       "approved",
       {{"تحديد الأهداف الاستراتيجية ومحاور البطاقة", "Define the strategic objectives and scorecard perspectives",
         -150, -100, ActionStatus::done, 100},
        {"بناء مؤشرات الأداء للمحاكم", "Build the courts' performance indicators", -100, 90, ActionStatus::in_progress,
         35}},
       130,
       45},
      {"onboarding",
       "mol",
       "تطبيق برنامج تهيئة الموظفين الجدد في الوزارة وفروعها",
       "Run the new-employee onboarding programme in the ministry and its branches",
       7,
       200,
       "submitted",
       {{"إعداد دليل الموظف الجديد", "Prepare the new-employee guide", 7, 40, ActionStatus::not_started, 0},
        {"تعيين رفيق لكل موظف جديد", "Assign a buddy to every new employee", 20, 90, ActionStatus::not_started, 0}}},
      {"exceptional_leadership",
       "caa",
       "تطبيق ممارسة القيادة الاستثنائية لإعداد الصف الثاني من القيادات",
       "Apply the exceptional-leadership practice to prepare the second line of leaders",
       30,
       300,
       "draft",
       {{"تحديد القيادات الواعدة", "Identify promising leaders", 30, 75, ActionStatus::not_started, 0}}},
  };

  auto& svc = app.adoptions();
  for (const auto& plan : plans) {
    const auto practice = record(std::string("practice:") + plan.practice);
    const auto org = refs.organizations.find(plan.organization);
    if (!practice || org == refs.organizations.end()) continue;
    // MTCIT's coordinator runs its own plan; the program office keys in the others (entities without users).
    const auto& author = plan.organization == std::string("mtcit") ? coordinator : office;
    try {
      auto d = svc.create(author, {*edition, *practice, org->second, plan.objective_ar, plan.objective_en,
                                   day(plan.starts), day(plan.ends)});
      const auto id = d.adoption.id;
      refs.records[std::string("adoption:") + plan.organization + ":" + plan.practice] = id;
      std::vector<std::int64_t> action_ids;
      for (const auto& a : plan.actions) {
        std::optional<std::int64_t> owner;
        if (plan.organization == std::string("mtcit")) owner = refs.users.at("change.head@demo.manzuma.om");
        action_ids.push_back(
            svc.add_action(author, id, {a.title_ar, a.title_en, owner, day(a.starts), day(a.due), {}, {}}).id);
      }
      if (plan.organization == std::string("mtcit")) {
        svc.add_milestone(author, id,
                          {"اعتماد ميثاق فريق إدارة التغيير", "Change team charter approved", day(-60), day(-58)});
        svc.add_milestone(author, id, {"إطلاق حملة الاتصال", "Communication campaign launched", day(30), std::nullopt});
        auto ind = svc.add_indicator(author, id,
                                     {"نسبة الموظفين المدربين على إدارة التغيير", "Staff trained in change management",
                                      "%", 10, 80, modules::IndicatorDirection::increase});
        const double values[] = {18, 27, 35};
        for (int i = 0; i < 3; ++i) svc.record_value(author, id, ind.id, day(-30 * (3 - i)).substr(0, 7), {values[i]});
      }
      if (std::string(plan.stage) == "draft") continue;
      d = svc.transition(author, id, "submit", {d.adoption.version, std::nullopt});
      if (std::string(plan.stage) == "submitted") continue;
      d = svc.transition(office, id, "approve", {d.adoption.version, std::nullopt});
      for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const auto& a = plan.actions[i];
        if (a.status == ActionStatus::not_started) continue;
        auto current = svc.get(author, id);
        const auto& act = current.actions;
        auto it = std::find_if(act.begin(), act.end(), [&](const auto& x) { return x.id == action_ids[i]; });
        svc.update_action(
            author, id, action_ids[i],
            {it->title_ar, it->title_en, it->owner_id, it->starts_on, it->due_on, a.status, a.percent, it->version});
        if (a.evidence) {
          const std::string csv = "البند,الحالة\n" + std::string(a.title_ar) + ",منجز\n";
          auto file = app.attachments().upload(author, org->second, a.evidence, csv);
          svc.add_evidence(author, id, action_ids[i], {file.id});
        }
      }
      // The story's past: approval and the last progress update happened days ago.
      app.db().write([&](db::Session& s) {
        s.exec("UPDATE adoptions SET approved_at = ?, submitted_at = ? WHERE id = ?",
               day(-plan.approved_days_ago) + "T08:00:00.000Z", day(-plan.approved_days_ago - 3) + "T08:00:00.000Z",
               id);
        if (plan.quiet_for_days)
          s.exec("UPDATE adoptions SET last_progress_at = ? WHERE id = ?",
                 day(-*plan.quiet_for_days) + "T09:30:00.000Z", id);
      });
    } catch (const core::Error&) {
      // A practice the catalogue seeds differently (not published, a later edition): leave that plan out.
      continue;
    }
  }
}

}  // namespace manzuma::app
