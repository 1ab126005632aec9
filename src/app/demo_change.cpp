// Demo data for the change portfolio (see demo.hpp): the ten entities of the change-management governance project
// (S3), each with its change team and head and an initiative drawn from the source documents (S6): the Supreme
// Judicial Council's "Tawtheeq" notary platform, the Ministry of Interior's e-elections, and services moving to the
// unified national e-government portal. Tawtheeq carries the whole method: an impact grid, stakeholders, plans,
// risks, two ADKAR rounds whose barrier point moves from desire to knowledge, two gates passed; a short training
// initiative on the same notaries saturates next month. Dates are relative to today, so the story stays true.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "core/day.hpp"
#include "modules/change/insights.hpp"
#include "modules/change/readiness.hpp"
#include "modules/change/service.hpp"
#include "platform/accounts/service.hpp"
#include "platform/attachments/service.hpp"

namespace manzuma::app {

namespace {

namespace ch = modules::change;

constexpr const char* kProgramAr = "برنامج التحول الرقمي الحكومي (2021 – 2025)";
constexpr const char* kProgramEn = "Government Digital Transformation Program (2021–2025)";

struct Head {
  const char* organization;
  const char* email;  // empty: the entity's head is an existing demo user
  const char* name_ar;
  const char* name_en;
};

// The heads of the change-management teams (رؤساء فرق إدارة التغيير) of the ten entities. MTCIT's is the demo's
// change.head@ user; the others are named here so every team has its head.
const Head kHeads[] = {
    {"mtcit", "", "", ""},
    {"sjc", "head.sjc@demo.manzuma.om", "بدر بن سعيد الهاشمي", "Badr Saeed Al Hashmi"},
    {"moi", "head.moi@demo.manzuma.om", "نوال بنت حمود البوسعيدية", "Nawal Hamood Al Busaidi"},
    {"mol", "head.mol@demo.manzuma.om", "سعيد بن راشد الغافري", "Saeed Rashid Al Ghafri"},
    {"caa", "head.caa@demo.manzuma.om", "منى بنت خلفان الريامية", "Muna Khalfan Al Riyami"},
    {"moh", "head.moh@demo.manzuma.om", "هلال بن عبدالله السيابي", "Hilal Abdullah Al Siyabi"},
    {"moe", "head.moe@demo.manzuma.om", "شيخة بنت سالم العبرية", "Shaikha Salim Al Abri"},
    {"mohup", "head.mohup@demo.manzuma.om", "ماجد بن حمد الرواحي", "Majid Hamad Al Rawahi"},
    {"mof", "head.mof@demo.manzuma.om", "ريا بنت علي الشيدية", "Raya Ali Al Shidi"},
    {"mocipi", "head.mocipi@demo.manzuma.om", "طارق بن يوسف الزدجالي", "Tariq Yousuf Al Zadjali"},
};

struct Group {
  const char* key;
  const char* name_ar;
  const char* name_en;
  int size;
  const char* location_ar;
  const char* location_en;
};

struct Impact {
  const char* group;  // Group::key
  ch::ImpactAspects degrees;
};

struct Initiative {
  const char* key;
  const char* organization;
  const char* title_ar;
  const char* title_en;
  const char* description_ar;
  const char* description_en;
  ch::InitiativeType type;
  const char* sponsor_ar;
  const char* sponsor_en;
  int starts, ends;  // days from today
  const char* target_ar;
  const char* target_en;
  std::vector<Impact> impacts;
  /// Gates to pass after the first (0: stays at "idea").
  int gates_passed;
};

// Two groups per entity; the first is the one its initiative touches most.
struct EntityGroups {
  const char* organization;
  std::vector<Group> groups;
};

const EntityGroups kGroups[] = {
    {"sjc",
     {{"notaries", "الكتّاب بالعدل", "Notaries", 120, "مسقط والمحافظات", "Muscat and the governorates"},
      {"counters", "موظفو خدمة المراجعين في الدوائر", "Customer-service staff in the notary offices", 220,
       "دوائر الكاتب بالعدل", "Notary offices"}}},
    {"moi",
     {{"committees", "موظفو لجان الانتخابات", "Election committee staff", 900, "جميع الولايات", "Every wilayat"},
      {"it", "فريق الأنظمة الانتخابية", "Election systems team", 45, "مسقط", "Muscat"}}},
    {"mtcit",
     {{"service_owners", "ملّاك الخدمات الإلكترونية", "E-service owners", 60, "ديوان عام الوزارة",
       "Ministry head office"},
      {"front_office", "موظفو مراكز الخدمة", "Service-centre staff", 140, "مسقط وصحار وصلالة",
       "Muscat, Sohar, Salalah"}}},
    {"mol",
     {{"labour_services", "موظفو خدمات العمل", "Labour services staff", 300, "المديريات في المحافظات",
       "Directorates in the governorates"},
      {"inspectors", "مفتشو العمل", "Labour inspectors", 150, "المحافظات", "The governorates"}}},
    {"caa",
     {{"licensing", "موظفو التراخيص", "Licensing staff", 80, "مطار مسقط الدولي", "Muscat International Airport"},
      {"meteo", "المتنبئون الجويون", "Weather forecasters", 60, "مسقط وصلالة", "Muscat and Salalah"}}},
    {"moh",
     {{"records", "موظفو السجلات الطبية", "Medical-records staff", 400, "المستشفيات المرجعية", "Referral hospitals"},
      {"doctors", "أطباء المراكز الصحية", "Health-centre doctors", 900, "المحافظات", "The governorates"}}},
    {"moe",
     {{"admins", "إداريو المدارس", "School administrators", 1500, "المحافظات التعليمية", "Education governorates"},
      {"teachers", "المعلمون", "Teachers", 5000, "المدارس", "Schools"}}},
    {"mohup",
     {{"land", "موظفو خدمات الأراضي", "Land services staff", 250, "المديريات", "Directorates"},
      {"planners", "المخططون العمرانيون", "Urban planners", 90, "مسقط", "Muscat"}}},
    {"mof",
     {{"accountants", "المحاسبون في الوحدات الحكومية", "Accountants in government units", 700, "الوحدات الحكومية",
       "Government units"},
      {"treasury", "موظفو الخزينة", "Treasury staff", 60, "مسقط", "Muscat"}}},
    {"mocipi",
     {{"registry", "موظفو السجل التجاري", "Commercial registry staff", 180, "المديريات", "Directorates"},
      {"investors", "موظفو خدمات المستثمرين", "Investor services staff", 70, "مسقط", "Muscat"}}},
};

ch::ImpactAspects aspects(int processes, int systems, int tools, int job_roles, int behaviours, int mindset,
                          int reporting, int performance, int compensation, int location) {
  return {processes, systems, tools, job_roles, behaviours, mindset, reporting, performance, compensation, location};
}

const std::vector<Initiative>& initiatives() {
  static const std::vector<Initiative> list = {
      {"tawtheeq",
       "sjc",
       "منصة «توثيق» لخدمات الكاتب بالعدل إلكترونيًا",
       "The \"Tawtheeq\" platform: notary services online",
       "منصة رقمية تقدم خدمات الكاتب بالعدل إلكترونيًا: الوكالات بكافة أنواعها وعقود البيع والتنازل والتعهدات "
       "والإقرارات وعقود الأحوال الشخصية، لتبسيط الإجراءات وتعزيز العدالة الوقائية.",
       "A digital platform for notary services: powers of attorney of every kind, sale and assignment contracts, "
       "undertakings, declarations and personal-status contracts, to simplify procedures and strengthen preventive "
       "justice.",
       ch::InitiativeType::digital_service,
       "رئيس مكتب المجلس الأعلى للقضاء",
       "Head of the Supreme Judicial Council's office",
       -240,
       120,
       "رقمنة الخدمات الحكومية ذات الأولوية",
       "Digitise the priority government services",
       {{"notaries", aspects(5, 5, 4, 3, 4, 3, 2, 2, 1, 1)}, {"counters", aspects(4, 4, 3, 3, 3, 3, 1, 2, 0, 1)}},
       2},
      {"tawtheeq_training",
       "sjc",
       "تأهيل الكتّاب بالعدل على عقود الأحوال الشخصية في «توثيق»",
       "Qualifying notaries on personal-status contracts in Tawtheeq",
       "برنامج تدريبي مكثف لشهر واحد ينقل توثيق عقود الزواج والطلاق إلى المنصة.",
       "A one-month intensive programme moving marriage and divorce contracts onto the platform.",
       ch::InitiativeType::process,
       "مدير عام الكاتب بالعدل",
       "Director General of Notary Public",
       0,
       0,
       "رقمنة الخدمات الحكومية ذات الأولوية",
       "Digitise the priority government services",
       {{"notaries", aspects(4, 2, 2, 2, 2, 2, 0, 2, 0, 0)}},
       0},
      {"e_elections",
       "moi",
       "الانتخابات الإلكترونية: من صناديق الاقتراع إلى صفر ورق",
       "E-elections: from ballot boxes to zero paper",
       "نقل العملية الانتخابية منذ انطلاقها في 1991 بصناديق الاقتراع إلى مستوى صفر ورق، مع تقنيات الذكاء الاصطناعي "
       "لأعلى معايير الدقة والسرعة والشفافية والنزاهة.",
       "Moving the electoral process, run with ballot boxes since 1991, to zero paper, with AI for the highest "
       "accuracy, speed, transparency and integrity.",
       ch::InitiativeType::system,
       "وكيل وزارة الداخلية",
       "Undersecretary of the Ministry of Interior",
       -420,
       60,
       "تحقيق مستوى صفر ورق في الخدمات الحكومية",
       "Reach zero paper in government services",
       {{"committees", aspects(5, 5, 5, 4, 4, 4, 2, 3, 1, 2)}, {"it", aspects(4, 5, 4, 3, 2, 2, 2, 2, 0, 0)}},
       3},
      {"portal_mtcit",
       "mtcit",
       "نقل خدمات الوزارة إلى البوابة الوطنية الموحدة للخدمات الحكومية الإلكترونية",
       "Moving the ministry's services to the unified national e-government services portal",
       "توحيد قنوات تقديم خدمات الوزارة عبر البوابة الوطنية الموحدة وإعادة تصميمها من منظور المستفيد.",
       "One channel for the ministry's services through the unified national portal, redesigned from the "
       "beneficiary's point of view.",
       ch::InitiativeType::digital_service,
       "وكيل الوزارة للاتصالات وتقنية المعلومات",
       "Undersecretary for Communications and IT",
       -60,
       240,
       "نسبة الخدمات المتاحة عبر البوابة الموحدة",
       "Share of services available through the unified portal",
       {{"service_owners", aspects(4, 4, 3, 2, 3, 3, 1, 2, 0, 0)},
        {"front_office", aspects(3, 3, 3, 3, 3, 2, 1, 1, 0, 1)}},
       0},
      {"portal_mol",
       "mol",
       "نقل خدمات العمل إلى البوابة الوطنية الموحدة",
       "Moving labour services to the unified portal",
       "",
       "",
       ch::InitiativeType::digital_service,
       "وكيل وزارة العمل",
       "Undersecretary of the Ministry of Labour",
       -120,
       200,
       "نسبة الخدمات المتاحة عبر البوابة الموحدة",
       "Share of services available through the unified portal",
       {{"labour_services", aspects(4, 4, 3, 2, 3, 3, 1, 2, 0, 0)}},
       1},
      {"licensing",
       "caa",
       "نظام التراخيص الإلكتروني للطيران المدني",
       "Electronic licensing system for civil aviation",
       "",
       "",
       ch::InitiativeType::system,
       "الرئيس التنفيذي للهيئة",
       "Chief Executive of the Authority",
       -90,
       270,
       "رقمنة الخدمات الحكومية ذات الأولوية",
       "Digitise the priority government services",
       {{"licensing", aspects(4, 5, 4, 2, 2, 2, 1, 1, 0, 0)}},
       1},
      {"health_record",
       "moh",
       "تعميم الملف الطبي الإلكتروني الموحد",
       "Rolling out the unified electronic health record",
       "",
       "",
       ch::InitiativeType::system,
       "وكيل وزارة الصحة للشؤون الصحية",
       "Undersecretary for Health Affairs",
       -30,
       330,
       "ربط المؤسسات الصحية إلكترونيًا",
       "Connect health institutions electronically",
       {{"records", aspects(4, 4, 4, 3, 3, 3, 1, 2, 0, 0)}, {"doctors", aspects(3, 4, 3, 1, 3, 3, 0, 1, 0, 0)}},
       0},
      {"school_services",
       "moe",
       "نقل خدمات المدارس إلى البوابة التعليمية",
       "Moving school services to the education portal",
       "",
       "",
       ch::InitiativeType::digital_service,
       "وكيل وزارة التربية والتعليم",
       "Undersecretary of Education",
       14,
       300,
       "نسبة الخدمات المتاحة عبر البوابة الموحدة",
       "Share of services available through the unified portal",
       {{"admins", aspects(3, 4, 3, 2, 2, 2, 1, 1, 0, 0)}},
       0},
      {"land_services",
       "mohup",
       "منصة خدمات الأراضي الإلكترونية",
       "The electronic land services platform",
       "",
       "",
       ch::InitiativeType::digital_service,
       "وكيل وزارة الإسكان",
       "Undersecretary of Housing",
       -200,
       100,
       "رقمنة الخدمات الحكومية ذات الأولوية",
       "Digitise the priority government services",
       {{"land", aspects(4, 4, 3, 2, 3, 3, 1, 1, 0, 0)}},
       2},
      {"budgeting",
       "mof",
       "إعادة هيكلة إجراءات إعداد الموازنة بالأداء",
       "Restructuring budgeting around performance",
       "",
       "",
       ch::InitiativeType::restructuring,
       "وكيل وزارة المالية",
       "Undersecretary of Finance",
       -60,
       300,
       "ربط الموازنة بمؤشرات الأداء",
       "Tie the budget to performance indicators",
       {{"accountants", aspects(4, 2, 2, 3, 3, 4, 3, 4, 1, 0)}},
       1},
      {"business_registry",
       "mocipi",
       "السجل التجاري الإلكتروني الموحد عبر البوابة",
       "The unified electronic commercial registry through the portal",
       "",
       "",
       ch::InitiativeType::policy,
       "وكيل وزارة التجارة والصناعة",
       "Undersecretary of Commerce and Industry",
       -150,
       150,
       "نسبة الخدمات المتاحة عبر البوابة الموحدة",
       "Share of services available through the unified portal",
       {{"registry", aspects(3, 4, 3, 2, 2, 2, 1, 1, 0, 0)}},
       1},
  };
  return list;
}

/// ADKAR means per group for one round: the answers are spread so each element's mean is as given.
struct RoundPlan {
  const char* group;
  int responses;
  double means[5];
};

/// `n` whole scores 1–5 whose mean is `mean` (to 1/n): the lower whole score, and one more for the right share.
int score(double mean, int i, int n) {
  const int low = static_cast<int>(std::floor(mean));
  const int higher = static_cast<int>(std::lround((mean - low) * n));
  return std::min(5, low + (((i * 7) % n) < higher ? 1 : 0));
}

}  // namespace

void seed_change(App& app, DemoRefs& refs) {
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  const std::string today = core::today(app.clock());
  auto day = [&](int offset) { return core::add_days(today, offset); };
  auto& svc = app.change();
  auto& readiness = app.readiness();
  auto& insights = app.change_insights();
  auto org = [&](const char* key) { return refs.organizations.at(key); };
  auto mtcit_head = [&] { return refs.actor(app, "change.head@demo.manzuma.om"); };

  // The ten entities of the governance project; the Supreme Judicial Council's notaries carry less (45) than the
  // default, so next month's training on top of Tawtheeq saturates them.
  for (const auto& h : kHeads) {
    const int capacity = std::string(h.organization) == "sjc" ? 45 : 60;
    insights.update_entity(office, org(h.organization), {capacity, true, 0});
  }

  // Heads and teams.
  std::map<std::string, std::int64_t> heads;
  heads["mtcit"] = refs.users.at("change.head@demo.manzuma.om");
  for (const auto& h : kHeads) {
    if (!*h.email) continue;
    platform::UserInput in;
    in.email = h.email;
    in.name_ar = h.name_ar;
    in.name_en = h.name_en;
    in.memberships = {{org(h.organization), core::Role::change_team_head}};
    in.password = std::string(kDemoPassword);
    heads[h.organization] = refs.users[h.email] = app.accounts().create_as_system(in, refs.origin, "seed-demo").user.id;
  }
  std::map<std::string, std::int64_t> teams;
  for (const auto& h : kHeads) {
    const auto team = svc.create_team(office, {org(h.organization), "فريق إدارة التغيير للتحول الرقمي",
                                               "Change-management team for digital transformation",
                                               heads.at(h.organization), kProgramAr, kProgramEn});
    svc.put_member(office, team.id, heads.at(h.organization), {"ممارس معتمد في إدارة التغيير (ADKAR)، 2025"});
    teams[h.organization] = team.id;
  }
  // MTCIT's team also has its coordinator.
  svc.put_member(office, teams.at("mtcit"), refs.users.at("coordinator@demo.manzuma.om"),
                 {"برنامج قادة التغيير، الأكاديمية السلطانية للإدارة، 2024"});

  std::map<std::string, std::int64_t> groups;
  for (const auto& e : kGroups)
    for (const auto& g : e.groups)
      groups[g.key] =
          svc.create_group(office, {org(e.organization), g.name_ar, g.name_en, g.size, g.location_ar, g.location_en})
              .id;

  // Next month, for the one-month training that saturates the notaries.
  const std::string next_month = day(32).substr(0, 7);
  const std::string training_starts = next_month + "-01", training_ends = next_month + "-25";

  auto upload = [&](const core::Actor& as, std::int64_t organization, const std::string& name) {
    const std::string csv = "البند,الحالة\n" + name + ",معتمد\n";
    return app.attachments().upload(as, organization, name + ".csv", csv).id;
  };
  // Passes the next gate through a review by the program office: the entity files the evidence, the reviewer
  // ticks the checklist and passes it.
  auto pass_gate = [&](const core::Actor& entity, const ch::InitiativeDetail& d) {
    auto review = svc.request_review(entity, d.id, {{office.user_id}});
    for (const auto& c : review.checks) {
      std::optional<std::int64_t> evidence;
      if (c.kind == ch::GateCriterionKind::evidence) evidence = upload(entity, d.organization_id, c.text_ar);
      svc.put_check(office, d.id, review.id, c.criterion_id, {true, "", evidence});
    }
    svc.decide(office, d.id, review.id, {ch::GateDecision::pass, "", "استوفت المبادرة المعايير"});
  };

  for (const auto& i : initiatives()) {
    const auto head_actor = refs.actor(app, std::string(i.organization) == "mtcit"
                                                ? "change.head@demo.manzuma.om"
                                                : std::string("head.") + i.organization + "@demo.manzuma.om");
    const bool training = std::string(i.key) == "tawtheeq_training";
    auto d = svc.create_initiative(
        head_actor,
        {org(i.organization), i.title_ar, i.title_en, i.description_ar, i.description_en, i.type, i.sponsor_ar,
         i.sponsor_en, heads.at(i.organization), teams.at(i.organization), training ? training_starts : day(i.starts),
         training ? training_ends : day(i.ends), kProgramAr, kProgramEn, i.target_ar, i.target_en});
    refs.records[std::string("initiative:") + i.key] = d.id;
    for (const auto& impact : i.impacts) svc.put_impact(head_actor, d.id, groups.at(impact.group), impact.degrees);
    for (int g = 0; g < i.gates_passed; ++g) pass_gate(head_actor, d);
  }

  // MTCIT's portal initiative waits for the program office's review of its plan.
  svc.request_review(mtcit_head(), refs.records.at("initiative:portal_mtcit"), {{office.user_id}});

  // Tawtheeq: the whole method.
  const auto sjc = refs.actor(app, "head.sjc@demo.manzuma.om");
  const auto tawtheeq = refs.records.at("initiative:tawtheeq");
  const auto sjc_head = heads.at("sjc");
  svc.add_stakeholder(
      sjc, tawtheeq,
      {"رئيس مكتب المجلس الأعلى للقضاء", "Head of the Supreme Judicial Council's office", "الراعي التنفيذي",
       "Executive sponsor", 5, 5, true, "رسالة افتتاحية للموظفين، حضور إطلاق المنصة، مراجعة شهرية لمؤشرات التبني",
       "An opening message to staff, the platform launch, a monthly review of adoption figures"});
  svc.add_stakeholder(sjc, tawtheeq,
                      {"رؤساء دوائر الكاتب بالعدل", "Heads of the notary offices", "قادة التغيير في الدوائر",
                       "Change leaders in the offices", 4, 3, false, "", ""});
  svc.add_stakeholder(sjc, tawtheeq,
                      {"الكتّاب بالعدل ذوو الخبرة الطويلة", "Long-serving notaries", "مستخدمون رئيسيون", "Key users", 3,
                       2, false, "", ""});
  svc.add_stakeholder(sjc, tawtheeq,
                      {"جمعية المحامين العُمانية", "Oman Lawyers Association", "مستفيد خارجي", "External beneficiary", 3,
                       4, false, "", ""});
  struct Act {
    ch::ChangeActionKind kind;
    const char* ar;
    const char* en;
    int starts, due;
    ch::ChangeActionStatus status;
  };
  const Act acts[] = {
      {ch::ChangeActionKind::communication, "حملة تعريفية بالمنصة للموظفين والمستفيدين",
       "Awareness campaign on the platform for staff and beneficiaries", -200, -150, ch::ChangeActionStatus::done},
      {ch::ChangeActionKind::sponsorship, "لقاءات الراعي مع الكتّاب بالعدل في المحافظات",
       "Sponsor meetings with notaries in the governorates", -150, -20, ch::ChangeActionStatus::in_progress},
      {ch::ChangeActionKind::coaching, "تدريب رؤساء الدوائر على قيادة فرقهم في التغيير",
       "Coach office heads to lead their teams through the change", -100, 30, ch::ChangeActionStatus::in_progress},
      {ch::ChangeActionKind::training, "تدريب عملي على إصدار الوكالات إلكترونيًا",
       "Hands-on training on issuing powers of attorney online", -60, 45, ch::ChangeActionStatus::in_progress},
      {ch::ChangeActionKind::resistance, "جلسات استماع لمخاوف الكتّاب بالعدل ذوي الخبرة الطويلة",
       "Listening sessions on long-serving notaries' concerns", -45, -5, ch::ChangeActionStatus::not_started},
  };
  for (const auto& a : acts)
    svc.add_action(sjc, tawtheeq, {a.kind, a.ar, a.en, sjc_head, day(a.starts), day(a.due), a.status});
  svc.add_risk(sjc, tawtheeq,
               {"انقطاع الربط مع أنظمة الجهات الأخرى", "Loss of the link to other entities' systems", 2, 5, sjc_head,
                "ربط احتياطي وإجراء يدوي مؤقت موثق", "A backup link and a documented temporary manual procedure",
                ch::RiskStatus::mitigating});
  svc.add_risk(sjc, tawtheeq,
               {"مقاومة الكتّاب بالعدل للتخلي عن السجلات الورقية", "Notaries resisting giving up paper registers", 4, 4,
                sjc_head, "سفراء تغيير من الكتّاب أنفسهم وجلسات استماع",
                "Change ambassadors among the notaries, listening sessions", ch::RiskStatus::open});
  svc.raise_challenge(sjc, {org("sjc"), tawtheeq,
                            "يفضّل بعض المراجعين الحضور الشخصي ويطلبون نسخًا ورقية من الوكالات رغم إتاحتها إلكترونيًا",
                            ch::ChallengeCategory::resistance});
  svc.raise_challenge(mtcit_head(), {org("mtcit"), refs.records.at("initiative:portal_mtcit"),
                                     "نقص المختصين في إدارة التغيير داخل فرق التحول الرقمي في المؤسسات",
                                     ch::ChallengeCategory::skills});
  svc.raise_challenge(refs.actor(app, "head.moh@demo.manzuma.om"),
                      {org("moh"), std::nullopt, "تزامن عدة مشاريع رقمية على الكوادر الصحية نفسها في الفترة ذاتها",
                       ch::ChallengeCategory::resources});

  // Two closed ADKAR rounds on Tawtheeq: five months ago the notaries' barrier was desire and the customer-service
  // staff's knowledge; after the sponsor's visits and the training, desire rose and the barrier moved to knowledge
  // and ability. A third round is open with a few answers: its results show only once it closes.
  const RoundPlan rounds[3][2] = {
      {{"notaries", 30, {4.1, 2.7, 2.5, 2.4, 2.6}}, {"counters", 40, {3.9, 3.4, 2.8, 2.6, 2.9}}},
      {{"notaries", 34, {4.5, 3.8, 2.9, 2.8, 3.1}}, {"counters", 44, {4.4, 4.0, 3.6, 3.0, 3.2}}},
      {{"notaries", 3, {4.7, 4.0, 3.7, 3.3, 3.3}}, {"counters", 4, {4.5, 4.3, 4.0, 3.5, 3.5}}},
  };
  // One round: links for each group, answered so each element's mean is as planned. A round in the past is closed
  // and its answers dated from its weeks.
  auto run_round = [&](const core::Actor& as, std::int64_t initiative, int round, const RoundPlan* plans,
                       std::size_t count, int opened, int closes) {
    static const char* const kTitlesAr[] = {"قياس الجاهزية الأول", "قياس الجاهزية الثاني", "قياس الجاهزية الثالث"};
    static const char* const kTitlesEn[] = {"First readiness survey", "Second readiness survey",
                                            "Third readiness survey"};
    const std::string title_ar = kTitlesAr[round - 1];
    const std::string title_en = kTitlesEn[round - 1];
    auto survey = readiness.create_survey(as, initiative, {title_ar, title_en, day(opened), day(std::max(closes, 1))});
    for (std::size_t p = 0; p < count; ++p) {
      const auto& plan = plans[p];
      const auto batch = readiness.create_links(as, initiative, survey.id, {groups.at(plan.group), plan.responses + 6});
      for (int n = 0; n < plan.responses; ++n) {
        ch::SurveyAnswer answer{score(plan.means[0], n, plan.responses), score(plan.means[1], n, plan.responses),
                                score(plan.means[2], n, plan.responses), score(plan.means[3], n, plan.responses),
                                score(plan.means[4], n, plan.responses), std::nullopt};
        readiness.answer(batch.links[n].token, answer, refs.origin);
      }
    }
    if (closes < 0) {
      for (const auto& current : readiness.surveys(as, initiative))
        if (current.id == survey.id)
          readiness.update_survey(
              as, initiative, survey.id,
              {current.title_ar, current.title_en, day(closes), ch::SurveyStatus::closed, current.version});
    }
    app.db().write([&](db::Session& s) {
      s.exec("UPDATE change_survey_responses SET submitted_on = ? WHERE survey_id = ?", day(std::min(opened + 10, 0)),
             survey.id);
    });
  };
  run_round(sjc, tawtheeq, 1, rounds[0], 2, -160, -130);
  run_round(sjc, tawtheeq, 2, rounds[1], 2, -40, -5);
  run_round(sjc, tawtheeq, 3, rounds[2], 2, -3, 25);

  // The e-elections are adopted: their committees were ready well before the launch.
  const RoundPlan elections[] = {{"committees", 50, {4.6, 4.4, 4.2, 4.0, 3.9}}, {"it", 20, {4.8, 4.6, 4.5, 4.4, 4.1}}};
  run_round(refs.actor(app, "head.moi@demo.manzuma.om"), refs.records.at("initiative:e_elections"), 1, elections, 2,
            -100, -70);
}

}  // namespace manzuma::app
