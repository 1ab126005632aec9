// Demo data for practices (see demo.hpp): edition 2's six practices and edition 3's two OQ Group practices
// (seeds 000 and 001), their owners, and toolkit items.

#include <functional>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "modules/practices/service.hpp"
#include "platform/accounts/service.hpp"
#include "platform/attachments/service.hpp"

namespace manzuma::app {

// Shared with demo_research.cpp (declared there).
std::int64_t demo_edition(App& app, DemoRefs& refs, int number);
void with_edition_open(App& app, std::int64_t edition_id, const std::function<void()>& fn);

namespace {

// The editions seed runs first and records edition:N. Until that area lands on this branch, a minimal
// edition row stands in, so the catalogue's demo still has somewhere to live.
struct EditionFallback {
  int number, year;
  const char *title_ar, *title_en, *starts_on, *ends_on;
};
const EditionFallback kEditions[] = {
    {1, 2022, "النسخة الأولى من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "First edition of the National System for Institutional Innovation and Change Management", "2022-01-01",
     "2022-12-31"},
    {2, 2023, "النسخة الثانية من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "Second edition of the National System for Institutional Innovation and Change Management", "2023-06-01",
     "2024-05-31"},
    {3, 2024, "النسخة الثالثة من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "Third edition of the National System for Institutional Innovation and Change Management", "2024-06-01",
     "2025-05-31"},
};

struct OwnerSeed {
  const char *email, *name_ar, *name_en, *organization;
};
// Practice owners of the contributing companies and authorities (practice.owner@ is OQ's, from seed.cpp).
const OwnerSeed kOwners[] = {
    {"practice.owner.pdo@demo.manzuma.om", "سعيد بن علي البلوشي", "Saeed Ali Al Balushi", "pdo"},
    {"practice.owner.omran@demo.manzuma.om", "مريم بنت سالم الهنائية", "Maryam Salim Al Hinai", "omran"},
    {"practice.owner.caa@demo.manzuma.om", "يوسف بن حمد الكندي", "Yousuf Hamad Al Kindi", "caa"},
};

struct PracticeSeed {
  const char* key;
  int edition;
  const char* organization;
  const char* owner;  // e-mail, or nullptr when the program office holds the practice
  modules::PracticeCategory category;
  const char *title_ar, *title_en, *summary_ar, *summary_en, *benefits_ar, *benefits_en, *prerequisites_ar,
      *prerequisites_en;
};

using modules::PracticeCategory;
const PracticeSeed kPractices[] = {
    {"exceptional_leadership", 2, "dgdqa", nullptr, PracticeCategory::leadership, "القيادة الاستثنائية",
     "Exceptional leadership",
     "ممارسة تبنّتها النسخة الثانية من المنظومة لإعداد قيادات حكومية تقود التطوير المؤسسي وتحوّل بيئات العمل إلى "
     "بيئات داعمة للابتكار.",
     "A practice adopted in the system's second edition to develop government leaders who drive institutional "
     "development and turn workplaces into environments that support innovation.",
     "قيادات قادرة على قيادة التغيير؛ بيئات عمل داعمة للابتكار؛ رفع مؤشرات الإجادة المؤسسية.",
     "Leaders able to lead change; workplaces that support innovation; higher institutional excellence "
     "indicators.",
     "رعاية الإدارة العليا للممارسة وتسمية فريق تطبيق في الجهة.",
     "Sponsorship by top management and a named implementation team in the entity."},
    {"change_management", 2, "pdo", "practice.owner.pdo@demo.manzuma.om", PracticeCategory::change_management,
     "إدارة التغيير", "Change management",
     "ممارسة إدارة التغيير من شركة تنمية نفط عُمان، تنقل منهجية الشركة في التخطيط للتغيير وإشراك الموظفين "
     "واستدامته إلى الوحدات الحكومية.",
     "Petroleum Development Oman's change-management practice: the company's method for planning change, "
     "involving staff and sustaining it, transferred to government units.",
     "مشروعات ومبادرات تُنفَّذ بمقاومة أقل؛ خطط تواصل وتمكين واضحة؛ استدامة التغيير بعد الإطلاق.",
     "Projects and initiatives delivered with less resistance; clear communication and enablement plans; change "
     "that lasts after launch.",
     "فريق لإدارة التغيير في الجهة ومبادرة أو مشروع يُطبَّق عليه.",
     "A change-management team in the entity and a project or initiative to apply it to."},
    {"risk_management", 2, "oq", "practice.owner@demo.manzuma.om", PracticeCategory::risk_management, "إدارة المخاطر",
     "Risk management",
     "ممارسة إدارة المخاطر من الشركة العُمانية للنفط (أوكيو): تحديد المخاطر المؤسسية وتقييمها ومعالجتها ومتابعتها "
     "في سجل مخاطر تعتمده الإدارة العليا.",
     "OQ's risk-management practice: identify, assess, treat and follow up institutional risks in a risk register "
     "owned by top management.",
     "قرارات مبنية على تقدير المخاطر؛ استمرارية الخدمات؛ حماية الموارد العامة.",
     "Decisions informed by risk; continuity of services; protection of public resources.",
     "تسمية مسؤول مخاطر واعتماد سجل المخاطر من الإدارة العليا.",
     "A named risk officer and a risk register endorsed by top management."},
    {"balanced_scorecard", 2, "caa", "practice.owner.caa@demo.manzuma.om", PracticeCategory::performance,
     "بطاقة الأداء المتوازن", "Balanced scorecard",
     "ممارسة بطاقة الأداء المتوازن من هيئة الطيران المدني لربط الخطة الاستراتيجية للجهة بمؤشرات أداء متوازنة "
     "ومتابعتها دوريًا.",
     "The Civil Aviation Authority's balanced-scorecard practice: link the entity's strategic plan to balanced "
     "performance indicators and follow them up regularly.",
     "وضوح الأهداف الاستراتيجية؛ مؤشرات قابلة للقياس؛ متابعة دورية للأداء.",
     "Clear strategic objectives; measurable indicators; regular performance follow-up.",
     "خطة استراتيجية معتمدة للجهة وبيانات أداء متاحة.", "An approved strategic plan and available performance data."},
    {"accelerating_change", 2, "dgdqa", nullptr, PracticeCategory::accelerating_change, "تسريع التغيير الفاعل",
     "Accelerating effective change",
     "ممارسة تسرّع تنفيذ مبادرات التغيير في الجهات الحكومية بمراحل قصيرة ونتائج سريعة قابلة للقياس.",
     "A practice that speeds up change initiatives in government entities through short stages and quick, "
     "measurable results.",
     "نتائج مبكرة تدعم التغيير؛ تقليل زمن التنفيذ.", "Early results that support change; shorter delivery time.",
     "مبادرة تغيير قائمة وفريق عمل مفرَّغ جزئيًا.", "An existing change initiative and a partly dedicated team."},
    {"onboarding", 2, "omran", "practice.owner.omran@demo.manzuma.om", PracticeCategory::onboarding,
     "برنامج إعداد الموظفين الجدد", "New employee onboarding programme",
     "برنامج إعداد الموظفين الجدد من الشركة العُمانية للتنمية السياحية (عمران) لاستقبال الموظف الجديد وتمكينه "
     "ودمجه في ثقافة المؤسسة منذ يومه الأول.",
     "Omran's new-employee onboarding programme: welcome, enable and bring the new employee into the "
     "organisation's culture from the first day.",
     "اندماج أسرع للموظفين الجدد؛ رفع الولاء والانتماء المؤسسي.",
     "Faster integration of new staff; stronger "
     "loyalty and belonging.",
     "مسار تعيين واضح في الجهة ومرشد لكل موظف جديد.",
     "A clear hiring path in the entity and a mentor for each new "
     "employee."},
    {"organizational_culture", 3, "oq", "practice.owner@demo.manzuma.om", PracticeCategory::organizational_culture,
     "الثقافة المؤسسية", "Organisational culture",
     "ممارسة الثقافة المؤسسية من مجموعة أوكيو، ضمن النسخة الثالثة، لبناء قيم وسلوكيات مشتركة تدعم الأداء "
     "والابتكار.",
     "OQ Group's organisational-culture practice, in the third edition: build shared values and behaviours that "
     "support performance and innovation.",
     "بيئة عمل إيجابية؛ سلوكيات تدعم الابتكار؛ رفع الانتماء.",
     "A positive workplace; behaviours that support "
     "innovation; stronger belonging.",
     "قياس الثقافة الحالية في الجهة.", "A measurement of the entity's current culture."},
    {"continuous_improvement", 3, "oq", "practice.owner@demo.manzuma.om", PracticeCategory::continuous_improvement,
     "التحسين المستمر", "Continuous improvement",
     "ممارسة التحسين المستمر من مجموعة أوكيو، ضمن النسخة الثالثة، لتحسين الإجراءات وأنظمة العمل بخطوات صغيرة "
     "متواصلة يقودها الموظفون.",
     "OQ Group's continuous-improvement practice, in the third edition: improve procedures and work systems "
     "through small, continuous, staff-led steps.",
     "إجراءات أقصر؛ أخطاء أقل؛ مشاركة الموظفين في التطوير.",
     "Shorter procedures; fewer errors; staff taking "
     "part in improvement.",
     "فريق تحسين في الجهة وإجراء يُختار للبدء.",
     "An improvement team in the entity and a first procedure to "
     "improve."},
};

struct LinkSeed {
  const char* practice;
  modules::ToolkitKind kind;
  const char *title_ar, *title_en, *url;
  const char* by;  // who adds it
};
const LinkSeed kLinks[] = {
    {"risk_management", modules::ToolkitKind::guide, "دليل تطبيق ممارسة إدارة المخاطر",
     "Risk management practice guide", "https://www.mol.gov.om/", "practice.owner@demo.manzuma.om"},
    {"organizational_culture", modules::ToolkitKind::guide, "دليل الثقافة المؤسسية", "Organisational culture guide",
     "https://www.mol.gov.om/", "practice.owner@demo.manzuma.om"},
    {"continuous_improvement", modules::ToolkitKind::training, "ورشة التحسين المستمر",
     "Continuous improvement workshop", "https://www.mol.gov.om/", "practice.owner@demo.manzuma.om"},
    {"change_management", modules::ToolkitKind::guide, "دليل ممارسة إدارة التغيير", "Change management guide",
     "https://www.mol.gov.om/", "practice.owner.pdo@demo.manzuma.om"},
    {"balanced_scorecard", modules::ToolkitKind::template_file, "نموذج بطاقة الأداء المتوازن",
     "Balanced scorecard template", "https://www.mol.gov.om/", "practice.owner.caa@demo.manzuma.om"},
    {"onboarding", modules::ToolkitKind::training, "برنامج تهيئة الموظف الجديد", "New employee induction programme",
     "https://www.mol.gov.om/", "practice.owner.omran@demo.manzuma.om"},
    {"exceptional_leadership", modules::ToolkitKind::guide, "الدليل الاسترشادي للقيادة الاستثنائية",
     "Exceptional leadership guide", "https://www.mol.gov.om/", "office@demo.manzuma.om"},
    {"accelerating_change", modules::ToolkitKind::guide, "دليل تسريع التغيير الفاعل",
     "Accelerating effective change guide", "https://www.mol.gov.om/", "office@demo.manzuma.om"},
};

}  // namespace

std::int64_t demo_edition(App& app, DemoRefs& refs, int number) {
  const std::string key = "edition:" + std::to_string(number);
  if (auto it = refs.records.find(key); it != refs.records.end()) return it->second;
  auto id = app.db().read(
      [&](db::Session& s) { return s.query_one<std::int64_t>("SELECT id FROM editions WHERE number = ?", number); });
  if (!id) {
    const auto& e = kEditions[number - 1];
    const auto now = core::iso8601(app.clock().now());
    id = app.db().write([&](db::Session& s) {
      return s.query_one<std::int64_t>(
          "INSERT INTO editions (number, year, title_ar, title_en, starts_on, ends_on, status, version, created_at,"
          " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
          e.number, e.year, e.title_ar, e.title_en, e.starts_on, e.ends_on, number == 3 ? "open" : "closed", now, now);
    });
  }
  refs.records[key] = *id;
  return *id;
}

// The demo tells the story after the fact: practices and studies were added while their edition was open.
// A closed edition is opened for the seed's writes and closed again, so the services' rules stay as they are.
void with_edition_open(App& app, std::int64_t edition_id, const std::function<void()>& fn) {
  const auto status = app.db().read(
      [&](db::Session& s) { return s.query_one<std::string>("SELECT status FROM editions WHERE id = ?", edition_id); });
  const bool reopen = status && *status == "closed";
  if (reopen)
    app.db().write([&](db::Session& s) { s.exec("UPDATE editions SET status = 'open' WHERE id = ?", edition_id); });
  try {
    fn();
  } catch (...) {
    if (reopen)
      app.db().write([&](db::Session& s) { s.exec("UPDATE editions SET status = 'closed' WHERE id = ?", edition_id); });
    throw;
  }
  if (reopen)
    app.db().write([&](db::Session& s) { s.exec("UPDATE editions SET status = 'closed' WHERE id = ?", edition_id); });
}

void seed_practices(App& app, DemoRefs& refs) {
  for (const auto& o : kOwners) {
    platform::UserInput in;
    in.email = o.email;
    in.name_ar = o.name_ar;
    in.name_en = o.name_en;
    in.memberships = {{refs.organizations.at(o.organization), core::Role::practice_owner}};
    in.password = "Manzuma-Demo-2026!";
    refs.users[o.email] = app.accounts().create_as_system(in, refs.origin, "seed-demo").user.id;
  }
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  auto& svc = app.practices();
  for (int edition : {2, 3}) {
    const auto edition_id = demo_edition(app, refs, edition);
    with_edition_open(app, edition_id, [&] {
      for (const auto& p : kPractices) {
        if (p.edition != edition) continue;
        modules::PracticeInput in;
        in.edition_id = edition_id;
        in.organization_id = refs.organizations.at(p.organization);
        if (p.owner) in.owner_id = refs.users.at(p.owner);
        in.category = p.category;
        in.title_ar = p.title_ar;
        in.title_en = p.title_en;
        in.summary_ar = p.summary_ar;
        in.summary_en = p.summary_en;
        in.benefits_ar = p.benefits_ar;
        in.benefits_en = p.benefits_en;
        in.prerequisites_ar = p.prerequisites_ar;
        in.prerequisites_en = p.prerequisites_en;
        auto created = svc.create(office, in);
        svc.change_status(office, created.practice.id, {modules::PracticeStatus::published, created.practice.version});
        refs.records[std::string("practice:") + p.key] = created.practice.id;
      }
    });
  }
  for (const auto& l : kLinks) {
    modules::ToolkitItemInput in;
    in.kind = l.kind;
    in.title_ar = l.title_ar;
    in.title_en = l.title_en;
    in.url = l.url;
    svc.add_item(refs.actor(app, l.by), refs.records.at(std::string("practice:") + l.practice), in);
  }
  // OQ's practice owner uploads the risk register template the practice asks for.
  const auto owner = refs.actor(app, "practice.owner@demo.manzuma.om");
  auto file = app.attachments().upload(owner, refs.organizations.at("oq"), "risk-register-template.csv",
                                       "risk,likelihood,impact,owner,treatment,due\n"
                                       "Service interruption,3,4,Operations,Business continuity plan,2023-12-31\n");
  modules::ToolkitItemInput item;
  item.kind = modules::ToolkitKind::template_file;
  item.title_ar = "نموذج سجل المخاطر";
  item.title_en = "Risk register template";
  item.attachment_id = file.id;
  svc.add_item(owner, refs.records.at("practice:risk_management"), item);
}

}  // namespace manzuma::app
