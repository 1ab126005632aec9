// In-app notices over the last two years, in time order, each pointing at a generated record: studies
// assigned to assessors, plans submitted to the program office and approved for coordinators, plan actions
// for anyone, MoU renewals for the office. Most older notices are read. No digests: the server's daily scan
// builds the last week's on its first run, as it would for real notices.

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

void gen_notifications(Context& c) {
  c.w.area("notifications");
  Rng rng = c.rng("notifications");
  auto& t = c.w.table("notifications", {"id", "user_id", "kind", "title_ar", "title_en", "body_ar", "body_en", "link",
                                        "resource_type", "resource_id", "created_at", "read_at"});
  const long long seconds = 730LL * 86400 - 3 * 3600;  // two years, ending at 05:00 on the fixed day
  const auto start = std::chrono::sys_seconds{c.today - std::chrono::days{730}};
  auto at = [](std::chrono::sys_seconds s) {
    const auto day = std::chrono::floor<std::chrono::days>(s);
    return stamp(day, static_cast<int>((s - day).count()));
  };
  for (int n = 0; n < c.f.notifications; ++n) {
    const auto when = start + std::chrono::seconds{seconds * n / std::max(1, c.f.notifications)};
    const int r = static_cast<int>(rng.below(100));
    std::int64_t user = 0;
    std::string kind, title_ar, title_en, body_ar, body_en, link, type, rid;
    if (r < 15 && !c.studies.empty()) {
      const auto study = rng.pick(c.studies);
      user = c.assessors.empty() ? rng.pick(c.office_users) : rng.pick(c.assessors);
      kind = "research.assigned";
      title_ar = "أُسندت إليك دراسة للتقييم";
      title_en = "A study was assigned to you for review";
      body_ar = "الدراسة رقم " + std::to_string(study);
      body_en = "Study " + std::to_string(study);
      link = "/research/" + std::to_string(study);
      type = "research_study";
      rid = std::to_string(study);
    } else if (r < 45 && !c.adoptions.empty()) {
      const auto& a = rng.pick(c.adoptions);
      const bool submitted = r < 30;
      user = submitted ? rng.pick(c.office_users) : a.coordinator;
      kind = submitted ? "adoption.submitted" : "adoption.approved";
      title_ar = submitted ? "قُدّمت خطة تطبيقية للاعتماد" : "اعتُمدت الخطة التطبيقية";
      title_en = submitted ? "An adoption plan was submitted for approval" : "The adoption plan was approved";
      body_ar = c.orgs[a.org].name_ar;
      body_en = c.orgs[a.org].name_en;
      link = "/adoptions/" + std::to_string(a.id);
      type = "adoption";
      rid = std::to_string(a.id);
    } else if (r < 93 && !c.actions.empty()) {
      const auto& [action, adoption] = rng.pick(c.actions);
      user = rng.pick(c.user_ids);
      kind = r < 75 ? "action.assigned" : r < 85 ? "action.due" : "action.overdue";
      title_ar = kind == "action.assigned" ? "أُسند إليك إجراء في خطة تطبيقية"
                 : kind == "action.due"    ? "إجراء يحين موعده قريباً"
                                           : "إجراء متأخر";
      title_en = kind == "action.assigned" ? "An action was assigned to you"
                 : kind == "action.due"    ? "An action is due soon"
                                           : "An action is overdue";
      link = "/adoptions/" + std::to_string(adoption);
      type = "plan_action";
      rid = std::to_string(action);
    } else if (!c.partnerships.empty()) {
      const auto p = rng.pick(c.partnerships);
      user = rng.pick(c.office_users);
      kind = r < 97 ? "partnership.renewal" : "partnership.action_overdue";
      title_ar = kind == "partnership.renewal" ? "مذكرة تعاون حان تجديدها" : "إجراء متابعة متأخر";
      title_en = kind == "partnership.renewal" ? "An MoU is due for renewal" : "A follow-up action is overdue";
      link = "/partnerships/" + std::to_string(p);
      type = "partnership";
      rid = std::to_string(p);
    } else {
      continue;
    }
    std::optional<std::string> read_at;
    if (when < std::chrono::sys_seconds{c.today - std::chrono::days{3}} && rng.chance(75))
      read_at = at(when + std::chrono::seconds{rng.between(600, 2 * 86400)});
    t.add(c.next_id("notifications"), user, kind, title_ar, title_en, body_ar, body_en, link, type, rid, at(when),
          read_at);
  }
}

}  // namespace manzuma::app::gen
