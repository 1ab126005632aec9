// Demo data from ../shared/DOMAIN.md: the organisations the source documents name, Oman's eleven
// governorates, and one demo user per role (the platform administrator is created on first run with a
// generated password instead).

#include <map>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "platform/accounts/service.hpp"
#include "platform/organizations/service.hpp"

namespace manzuma::app {

using platform::Country;
using platform::OrganizationKind;

namespace {

struct OrgSeed {
  const char* key;
  OrganizationKind kind;
  const char* name_ar;
  const char* name_en;
  const char* parent;  // key of the parent, or nullptr
  Country country = Country::OM;
  const char* governorate = "muscat";
};

// Names as the seeds spell them (seeds 000–004).
const OrgSeed kOrganizations[] = {
    {"mol", OrganizationKind::ministry, "وزارة العمل", "Ministry of Labour", nullptr},
    {"dgdqa", OrganizationKind::program_office, "المديرية العامة للتطوير وضمان الجودة",
     "Directorate General of Development and Quality Assurance", "mol"},
    {"mtcit", OrganizationKind::ministry, "وزارة النقل والاتصالات وتقنية المعلومات",
     "Ministry of Transport, Communications and Information Technology", nullptr},
    {"oq", OrganizationKind::government_company, "مجموعة أوكيو", "OQ Group", nullptr},
    {"pdo", OrganizationKind::government_company, "شركة تنمية نفط عُمان", "Petroleum Development Oman", nullptr},
    {"omran", OrganizationKind::government_company, "الشركة العُمانية للتنمية السياحية (عمران)", "Omran Group", nullptr},
    {"caa", OrganizationKind::authority, "هيئة الطيران المدني", "Civil Aviation Authority", nullptr},
    {"sjc", OrganizationKind::authority, "المجلس الأعلى للقضاء", "Supreme Judicial Council", nullptr},
    {"moi", OrganizationKind::ministry, "وزارة الداخلية", "Ministry of Interior", nullptr},
    // With MoL, MTCIT, the Civil Aviation Authority, the Supreme Judicial Council and the Ministry of Interior, the
    // ten entities of the change-management governance project (S3) in the demo.
    {"moh", OrganizationKind::ministry, "وزارة الصحة", "Ministry of Health", nullptr},
    {"moe", OrganizationKind::ministry, "وزارة التربية والتعليم", "Ministry of Education", nullptr},
    {"mohup", OrganizationKind::ministry, "وزارة الإسكان والتخطيط العمراني", "Ministry of Housing and Urban Planning",
     nullptr},
    {"mof", OrganizationKind::ministry, "وزارة المالية", "Ministry of Finance", nullptr},
    {"mocipi", OrganizationKind::ministry, "وزارة التجارة والصناعة وترويج الاستثمار",
     "Ministry of Commerce, Industry and Investment Promotion", nullptr},
    {"academy", OrganizationKind::academic, "الأكاديمية السلطانية للإدارة", "Sultanate Academy for Administration",
     nullptr},
    {"utas", OrganizationKind::academic, "جامعة التقنية والعلوم التطبيقية",
     "University of Technology and Applied Sciences", nullptr},
    {"oshrm", OrganizationKind::civil_society, "الجمعية العُمانية لإدارة الموارد البشرية (أوشرم)",
     "Oman Society for Human Resource Management (OSHRM)", nullptr},
    {"shawamikh", OrganizationKind::private_company, "شركة الشوامخ للخدمات النفطية", "Al Shawamikh Oilfield Services",
     nullptr},
    {"weatherford", OrganizationKind::private_company, "شركة ويذرفورد لمعدات الزيت للشرق الأوسط",
     "Weatherford Oil Tool Middle East", nullptr},
    {"film", OrganizationKind::civil_society, "الجمعية العُمانية للسينما", "Oman Film Society", nullptr},
    {"qa_mcit", OrganizationKind::ministry, "وزارة الاتصالات وتكنولوجيا المعلومات",
     "Ministry of Communications and Information Technology", nullptr, Country::QA, nullptr},
    {"qa_csgdb", OrganizationKind::authority, "ديوان الخدمة المدنية والتطوير الحكومي",
     "Civil Service and Government Development Bureau", nullptr, Country::QA, nullptr},
};

struct GovernorateSeed {
  const char* key;
  const char* name_ar;
  const char* name_en;
};

const GovernorateSeed kGovernorates[] = {
    {"muscat", "محافظة مسقط", "Muscat Governorate"},
    {"dhofar", "محافظة ظفار", "Dhofar Governorate"},
    {"musandam", "محافظة مسندم", "Musandam Governorate"},
    {"buraimi", "محافظة البريمي", "Al Buraimi Governorate"},
    {"dakhiliyah", "محافظة الداخلية", "Ad Dakhiliyah Governorate"},
    {"north_batinah", "محافظة شمال الباطنة", "North Al Batinah Governorate"},
    {"south_batinah", "محافظة جنوب الباطنة", "South Al Batinah Governorate"},
    {"south_sharqiyah", "محافظة جنوب الشرقية", "South Ash Sharqiyah Governorate"},
    {"north_sharqiyah", "محافظة شمال الشرقية", "North Ash Sharqiyah Governorate"},
    {"dhahirah", "محافظة الظاهرة", "Ad Dhahirah Governorate"},
    {"wusta", "محافظة الوسطى", "Al Wusta Governorate"},
};

struct UserSeed {
  const char* email;
  const char* name_ar;
  const char* name_en;
  const char* organization;
  core::Role role;
};

const UserSeed kUsers[] = {
    {"office@demo.manzuma.om", "سالم بن خميس الحارثي", "Salim Khamis Al Harthi", "dgdqa", core::Role::program_office},
    {"coordinator@demo.manzuma.om", "مريم بنت سعيد البلوشية", "Maryam Saeed Al Balushi", "mtcit",
     core::Role::entity_coordinator},
    {"change.head@demo.manzuma.om", "أحمد بن علي الكندي", "Ahmed Ali Al Kindi", "mtcit", core::Role::change_team_head},
    {"practice.owner@demo.manzuma.om", "فاطمة بنت ناصر الرواحية", "Fatma Nasser Al Rawahi", "oq",
     core::Role::practice_owner},
    {"contributor@demo.manzuma.om", "خالد بن سالم المعمري", "Khalid Salim Al Maamari", "omran",
     core::Role::contributor},
    {"assessor@demo.manzuma.om", "عائشة بنت محمد الشكيلية", "Aisha Mohammed Al Shukaili", "academy",
     core::Role::assessor},
    {"viewer@demo.manzuma.om", "يوسف بن حمد الهنائي", "Yousuf Hamad Al Hinai", "moi", core::Role::viewer},
};

}  // namespace

bool seed_demo(App& app) {
  const bool seeded = app.db().read([](db::Session& s) {
    return s.query_one<std::int64_t>("SELECT COUNT(*) FROM users WHERE email = ?", kUsers[0].email).value_or(0) > 0;
  });
  if (seeded) return false;
  DemoRefs refs;
  refs.origin = {"seed-demo", "local", "manzuma seed demo"};
  const core::Origin& origin = refs.origin;
  auto& orgs = app.organizations();
  auto& ids = refs.organizations;

  // Reuse organisations that already exist (a first run may have created the program office).
  auto existing = [&](const char* name_en, std::optional<std::int64_t> parent) {
    return app.db().read([&](db::Session& s) {
      return s.query_one<std::int64_t>("SELECT id FROM organizations WHERE name_en = ? AND COALESCE(parent_id, 0) = ?",
                                       name_en, parent.value_or(0));
    });
  };
  for (const auto& g : kGovernorates) {
    auto id = existing(g.name_en, std::nullopt);
    ids[g.key] = id ? *id
                    : orgs.create_as_system({OrganizationKind::governorate, g.name_ar, g.name_en, std::nullopt,
                                             std::nullopt, Country::OM},
                                            origin)
                          .id;
  }
  for (const auto& o : kOrganizations) {
    std::optional<std::int64_t> parent;
    if (o.parent) parent = ids.at(o.parent);
    std::optional<std::int64_t> governorate;
    if (o.governorate) governorate = ids.at(o.governorate);
    auto id = existing(o.name_en, parent);
    ids[o.key] =
        id ? *id : orgs.create_as_system({o.kind, o.name_ar, o.name_en, parent, governorate, o.country}, origin).id;
  }
  for (const auto& u : kUsers) {
    platform::UserInput in;
    in.email = u.email;
    in.name_ar = u.name_ar;
    in.name_en = u.name_en;
    in.memberships = {{ids.at(u.organization), u.role}};
    in.password = std::string(kDemoPassword);
    refs.users[u.email] = app.accounts().create_as_system(in, origin, "seed-demo").user.id;
  }
  seed_editions(app, refs);
  seed_practices(app, refs);
  seed_research(app, refs);
  seed_events(app, refs);
  seed_partnerships(app, refs);
  seed_adoptions(app, refs);
  seed_change(app, refs);
  return true;
}

core::Actor DemoRefs::actor(App& app, const std::string& email) const {
  core::Actor a;
  a.user_id = users.at(email);
  a.email = email;
  a.origin = origin;
  a.memberships = app.db().read([&](db::Session& s) {
    return s.query<core::Membership>(
        "SELECT m.organization_id, o.path AS organization_path, m.role FROM memberships m"
        " JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ?",
        a.user_id);
  });
  return a;
}

}  // namespace manzuma::app
