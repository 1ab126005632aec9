// Demo data for partnerships (see demo.hpp): the memoranda of cooperation the Ministry of Labour signed at
// the fourth forum, which closed the national system's third edition (seed 001): with Al Shawamikh Oilfield
// Services and Weatherford (specialised training, development and human-capital qualification) and with the
// Oman Film Society (exchange of expertise, training and joint production). The seed gives no dates or terms:
// the signing day is the fourth forum's (or the third edition's end), and the Film Society's term is set so
// that its renewal is due now, so the reminder shows on first run.

#include <chrono>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "core/day.hpp"
#include "core/json.hpp"
#include "modules/partnerships/service.hpp"

namespace manzuma::app {

namespace {

using modules::CooperationArea;
using modules::FollowUpStatus;

struct ActionSeed {
  const char* title_ar;
  const char* title_en;
  // Due this many days from the signing day (when from_today is false) or from today.
  int days;
  bool from_today;
  bool done;
};

// The forum's day from the events seed, else the third edition's last day, else the middle of 2025.
std::string signing_day(App& app, const DemoRefs& refs) {
  return app.db().read([&](db::Session& s) -> std::string {
    if (auto it = refs.records.find("event:forum4"); it != refs.records.end())
      if (auto d = s.query_one<std::string>("SELECT starts_on FROM events WHERE id = ?", it->second)) return *d;
    if (auto it = refs.records.find("edition:3"); it != refs.records.end())
      if (auto d = s.query_one<std::string>("SELECT ends_on FROM editions WHERE id = ?", it->second)) return *d;
    return "2025-06-15";
  });
}

}  // namespace

void seed_partnerships(App& app, DemoRefs& refs) {
  auto& svc = app.partnerships();
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  const auto today = core::today(app.clock());
  auto signed_on = signing_day(app, refs);
  if (signed_on > today) signed_on = today;
  const auto signed_day = *core::parse_day(signed_on);
  const auto today_day = *core::parse_day(today);

  // The shortest whole-month term that ends at least three weeks from today: renewal due within 60 days.
  std::int64_t film_months = 1;
  while (core::add_months(signed_day, film_months) < core::add_days(today_day, 21)) ++film_months;

  const std::vector<CooperationArea> training = {
      {"التدريب التخصصي", "Specialised training"},
      {"التطوير وتأهيل رأس المال البشري", "Development and human-capital qualification"}};
  struct MouSeed {
    const char* key;
    const char* party;
    const char* title_ar;
    const char* title_en;
    const char* summary_ar;
    const char* summary_en;
    std::int64_t months;
    std::vector<CooperationArea> areas;
    std::vector<ActionSeed> actions;
  };
  const std::vector<MouSeed> mous = {
      {"shawamikh",
       "shawamikh",
       "مذكرة تعاون بين وزارة العمل وشركة الشوامخ للخدمات النفطية",
       "MoU between the Ministry of Labour and Al Shawamikh Oilfield Services",
       "وُقّعت في الملتقى الرابع للابتكار المؤسسي وإدارة التغيير لتعزيز التدريب التخصصي وتأهيل رأس المال البشري.",
       "Signed at the fourth forum on institutional innovation and change management to strengthen specialised "
       "training and human-capital qualification.",
       36,
       training,
       {{"إعداد خطة التدريب التخصصي المشتركة", "Prepare the joint specialised-training plan", 60, false, true},
        {"ترشيح الدفعة الأولى من الموظفين لبرنامج التأهيل", "Nominate the first cohort for the qualification programme",
         -12, true, false},
        {"مراجعة نصف سنوية لمؤشرات التعاون", "Half-yearly review of the cooperation indicators", 45, true, false}}},
      {"weatherford",
       "weatherford",
       "مذكرة تعاون بين وزارة العمل وشركة ويذرفورد لمعدات الزيت للشرق الأوسط",
       "MoU between the Ministry of Labour and Weatherford Oil Tool Middle East",
       "وُقّعت في الملتقى الرابع لتعزيز مجالات التدريب التخصصي والتطوير وتأهيل رأس المال البشري.",
       "Signed at the fourth forum to strengthen specialised training, development and human-capital "
       "qualification.",
       24,
       training,
       {{"تحديد مجالات التدريب الفني ذات الأولوية", "Agree on the priority technical-training areas", 45, false, true},
        {"تنفيذ ورشة لتبادل الخبرات في إدارة التغيير", "Run an experience-exchange workshop on change management", -5,
         true, false}}},
      {"film",
       "film",
       "مذكرة تعاون بين وزارة العمل والجمعية العُمانية للسينما",
       "MoU between the Ministry of Labour and the Oman Film Society",
       "تعاون مع مؤسسات المجتمع المدني في تبادل الخبرات والتدريب والإنتاج المشترك.",
       "Cooperation with civil society in the exchange of expertise, training and joint production.",
       film_months,
       {{"تبادل الخبرات", "Exchange of expertise"}, {"التدريب", "Training"}, {"الإنتاج المشترك", "Joint production"}},
       {{"إنتاج فيلم قصير عن قصص التغيير في الجهاز الإداري للدولة",
         "Produce a short film on change stories in the civil service", 30, true, false},
        {"إعداد تقرير الإنجاز تمهيدًا لتجديد المذكرة", "Prepare the achievement report ahead of renewal", 14, true,
         false}}},
  };

  for (const auto& m : mous) {
    modules::PartnershipInput in;
    in.title_ar = m.title_ar;
    in.title_en = m.title_en;
    in.summary_ar = m.summary_ar;
    in.summary_en = m.summary_en;
    in.signed_on = signed_on;
    in.duration_months = m.months;
    in.party_ids = {refs.organizations.at("mol"), refs.organizations.at(m.party)};
    in.areas = m.areas;
    auto p = svc.create(office, in);
    p = svc.transition(office, p.id, {modules::PartnershipStatus::active, p.version});
    refs.records[std::string("partnership:") + m.key] = p.id;
    for (const auto& a : m.actions) {
      auto due = core::format_day(core::add_days(a.from_today ? today_day : signed_day, a.days));
      if (due < signed_on) due = signed_on;
      auto action = svc.add_action(office, p.id, {a.title_ar, a.title_en, office.user_id, due});
      if (a.done)
        svc.update_action(
            office, p.id, action.id,
            {action.title_ar, action.title_en, action.owner_id, action.due_on, FollowUpStatus::done, action.version});
    }
  }
}

}  // namespace manzuma::app
