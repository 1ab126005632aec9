// Demo data for events (see demo.hpp): the second forum (1 June 2023, which launched edition 2) and the fourth
// forum (Muscat, which closed edition 3) as seeds 000 and 001 describe them, with sessions that present the
// editions' practices when the practices seed created them; edition 3's training of more than 95 national
// staff (seed 001: "تدريب أكثر من 95 كفاءة وطنية"); and a planned workshop that demo users can register for.
// The seeds date the second forum only; the fourth forum's day and the session times are the demo's own.

#include <optional>
#include <string>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "modules/events/service.hpp"

namespace manzuma::app {

/// Closes editions 1 and 2 once the seeds that add to them have run (demo_editions.cpp).
void close_past_editions(App& app, DemoRefs& refs);

namespace {

using modules::EventKind;
using modules::EventStatus;

std::optional<std::int64_t> record(const DemoRefs& refs, const std::string& key) {
  auto it = refs.records.find(key);
  if (it == refs.records.end()) return std::nullopt;
  return it->second;
}

struct DemoSession {
  const char* title_ar;
  const char* title_en;
  const char* starts_at;
  const char* ends_at;
  const char* speaker_ar;
  const char* speaker_en;
  /// A practice key of the practices seed ("practice:<key>"), or null.
  const char* practice;
};

void add_sessions(App& app, const core::Actor& office, const DemoRefs& refs, std::int64_t event_id, const char* day,
                  std::initializer_list<DemoSession> sessions) {
  for (const auto& d : sessions) {
    modules::EventSessionInput in{d.title_ar,   d.title_en,   day,         d.starts_at, std::string(d.ends_at),
                                  d.speaker_ar, d.speaker_en, std::nullopt};
    if (d.practice) in.practice_id = record(refs, std::string("practice:") + d.practice);
    app.events().add_session(office, event_id, in);
  }
}

}  // namespace

void seed_events(App& app, DemoRefs& refs) {
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  auto& svc = app.events();

  // The second forum: edition 2 launched, the AI in government initiative and the strategic HR planning guide.
  auto forum2 = svc.create(
      office,
      {record(refs, "edition:2"), EventKind::forum, "الملتقى الثاني للمنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
       "Second Forum of the National System for Institutional Innovation and Change Management", "2023-06-01",
       "2023-06-01", "مسقط", "Muscat",
       "إطلاق النسخة الثانية من المنظومة (ست ممارسات إدارية وأربعة بحوث)، وإطلاق مبادرة استكشاف أدوار الذكاء الاصطناعي "
       "في "
       "البيئات الحكومية، وإطلاق الدليل الاسترشادي لممارسة التخطيط الاستراتيجي للموارد البشرية في القطاع الحكومي، "
       "واستعراض أبرز محطات النسخة الأولى وتجارب التطبيق في المؤسسات الحكومية.",
       "Launch of the system's second edition (six management practices and four research studies); launch of the "
       "initiative exploring the roles of AI in government settings; launch of the guide to strategic human-resource "
       "planning in the government sector; review of the first edition's milestones and of government institutions' "
       "experience applying it.",
       300, std::nullopt});
  add_sessions(
      app, office, refs, forum2.id, "2023-06-01",
      {{"كلمة المديرية العامة للتطوير وضمان الجودة", "Address of the DG of Development and Quality Assurance", "09:00",
        "09:20", "الشيخ سعود بن حمود آل حمودة", "Sheikh Saud bin Hamoud Al Hamouda", nullptr},
       {"إطلاق مبادرة الذكاء الاصطناعي في البيئات الحكومية", "Launch of the AI in government settings initiative",
        "09:20", "09:45", "وزارة العمل", "Ministry of Labour", nullptr},
       {"إطلاق الدليل الاسترشادي للتخطيط الاستراتيجي للموارد البشرية",
        "Launch of the strategic human-resource planning guide", "09:45", "10:05",
        "صاحب السمو السيد كامل بن فهد آل سعيد", "H.H. Sayyid Kamil bin Fahd Al Said", nullptr},
       {"محطات النسخة الأولى وتجارب التطبيق", "The first edition's milestones and applied experience", "10:05", "10:35",
        "وزارة العمل", "Ministry of Labour", nullptr},
       {"ممارسة إدارة المخاطر", "The risk management practice", "10:50", "11:10", "الشركة العُمانية للنفط",
        "Oman Oil Company (OQ)", "risk_management"},
       {"برنامج إعداد الموظفين الجدد", "The new-employee onboarding programme", "11:10", "11:30",
        "الشركة العُمانية للتنمية السياحية (عمران)", "Oman Tourism Development Company (Omran)", "onboarding"},
       {"بطاقة الأداء المتوازن", "The balanced scorecard", "11:30", "11:50", "هيئة الطيران المدني",
        "Civil Aviation Authority", "balanced_scorecard"},
       {"ممارسة إدارة التغيير", "The change management practice", "11:50", "12:10", "شركة تنمية نفط عُمان",
        "Petroleum Development Oman", "change_management"}});
  svc.transition(office, forum2.id, {EventStatus::held});
  refs.records["event:forum2"] = forum2.id;

  // The fourth forum: edition 3 closes, the governance project, and three memoranda of cooperation.
  auto forum4 = svc.create(
      office,
      {record(refs, "edition:3"), EventKind::forum, "الملتقى الرابع للابتكار المؤسسي وإدارة التغيير",
       "Fourth Forum for Institutional Innovation and Change Management", "2025-05-20", "2025-05-20", "مسقط", "Muscat",
       "ختام النسخة الثالثة من المنظومة: ممارستا الثقافة المؤسسية والتحسين المستمر من مجموعة أوكيو، وبحث «استراتيجية "
       "التمكين في إدارة رأس المال الفكري»، واستعراض مشروع حوكمة إدارة التغيير في القطاع الحكومي بمشاركة ١٠ جهات "
       "حكومية، وتوقيع مذكرات تعاون مع شركة الشوامخ للخدمات النفطية وشركة ويذرفورد والجمعية العُمانية للسينما.",
       "Close of the system's third edition: OQ Group's organisational culture and continuous improvement practices, "
       "the research study \"Empowerment strategy in intellectual-capital management\", the change-management "
       "governance project across 10 government entities, and memoranda of cooperation signed with Al Shawamikh "
       "Oilfield Services, Weatherford and the Oman Film Society.",
       250, std::nullopt});
  add_sessions(
      app, office, refs, forum4.id, "2025-05-20",
      {{"كلمة المديرية العامة للتطوير وضمان الجودة", "Address of the DG of Development and Quality Assurance", "09:00",
        "09:20", "محمد بن مبارك الكلباني", "Mohammed bin Mubarak Al Kalbani", nullptr},
       {"الثقافة المؤسسية", "Organisational culture", "09:20", "09:45", "مجموعة أوكيو", "OQ Group",
        "organizational_culture"},
       {"ممارسة التحسين المستمر", "The continuous improvement practice", "09:45", "10:10", "مجموعة أوكيو", "OQ Group",
        "continuous_improvement"},
       {"استراتيجية التمكين في إدارة رأس المال الفكري", "Empowerment strategy in intellectual-capital management",
        "10:10", "10:30", "باحث عُماني", "An Omani researcher", nullptr},
       {"مشروع حوكمة إدارة التغيير في القطاع الحكومي", "The change-management governance project in government",
        "10:45", "11:15", "وزارة العمل وعشر جهات حكومية", "Ministry of Labour and ten government entities", nullptr},
       {"توقيع مذكرات التعاون", "Signing of the memoranda of cooperation", "11:15", "11:40", "وزارة العمل",
        "Ministry of Labour", nullptr}});
  // Demo users who came, registered beforehand; attendance is marked once the forum is held.
  const char* forum4_people[] = {"coordinator@demo.manzuma.om", "change.head@demo.manzuma.om",
                                 "practice.owner@demo.manzuma.om", "viewer@demo.manzuma.om"};
  std::vector<modules::EventRegistration> registered;
  for (const char* email : forum4_people) registered.push_back(svc.register_self(refs.actor(app, email), forum4.id));
  registered.push_back(svc.register_person(
      office, forum4.id, {"سعيد بن راشد الشامسي", "saeed.shamsi@example.om", "شركة الشوامخ للخدمات النفطية"}));
  svc.transition(office, forum4.id, {EventStatus::held});
  for (std::size_t i = 0; i < registered.size(); ++i)
    if (i != 3) svc.set_attendance(office, forum4.id, registered[i].id, {true});
  refs.records["event:forum4"] = forum4.id;

  // Edition 3 trained more than 95 national staff of the civil service; no individual registrations were kept.
  auto training = svc.create(
      office, {record(refs, "edition:3"), EventKind::training, "برنامج تدريب الكفاءات الوطنية — النسخة الثالثة",
               "National staff training programme — third edition", "2024-09-01", "2025-04-30", "مسقط", "Muscat",
               "تدريب موظفي الجهاز الإداري للدولة على الممارسات الإدارية للنسخة الثالثة وخططها التطبيقية.",
               "Training civil-service staff in the third edition's management practices and their applied plans.",
               std::nullopt, 95});
  svc.transition(office, training.id, {EventStatus::held});
  refs.records["event:training3"] = training.id;

  // A workshop still to come, open for registration.
  auto workshop = svc.create(
      office,
      {record(refs, "edition:3"), EventKind::workshop, "ورشة تطبيق ممارسة التحسين المستمر",
       "Workshop: applying the continuous improvement practice", "2027-01-19", "2027-01-19", "مسقط — وزارة العمل",
       "Muscat — Ministry of Labour",
       "خطوات إعداد الخطة التطبيقية لممارسة التحسين المستمر، ومؤشرات قياس أثرها، وتجارب الجهات المتبنية.",
       "Steps to build the applied plan for the continuous improvement practice, its outcome indicators, and the "
       "experience of adopting entities.",
       30, std::nullopt});
  add_sessions(app, office, refs, workshop.id, "2027-01-19",
               {{"التحسين المستمر: من الممارسة إلى الخطة التطبيقية",
                 "Continuous improvement: from the practice to the applied plan", "09:00", "11:00", "مجموعة أوكيو",
                 "OQ Group", "continuous_improvement"}});
  svc.register_self(refs.actor(app, "coordinator@demo.manzuma.om"), workshop.id);
  refs.records["event:workshop3"] = workshop.id;

  close_past_editions(app, refs);
}

}  // namespace manzuma::app
