// Demo data for editions (see demo.hpp): the three editions of the National System for Institutional
// Innovation and Change Management as seeds 000 and 001 tell them. Edition 2 was launched at the second forum
// on 1 June 2023; the first edition's research (strategic HR planning, strategic change, knowledge management,
// crisis management) was reviewed there. Edition 3 holds OQ Group's two practices and one research study.
// The seeds give no start and end days; the ones below are the demo's reading of the forum dates.
//
// Editions 1 and 2 end closed, but other areas refuse new records in a closed edition and their seeds run
// after this one (practices, research, events): so every edition is opened here, and seed_events, which runs
// after practices and research, closes editions 1 and 2 (close_past_editions below).

#include "app/app.hpp"
#include "app/demo.hpp"
#include "modules/editions/service.hpp"

namespace manzuma::app {

namespace {

struct DemoEdition {
  std::int64_t number, year;
  const char* title_ar;
  const char* title_en;
  const char* goals_ar;
  const char* goals_en;
  const char* starts_on;
  const char* ends_on;
  modules::EditionStatus status;
};

const DemoEdition kEditions[] = {
    {1, 2022, "النسخة الأولى من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "First edition of the National System for Institutional Innovation and Change Management",
     "قيادة حركة الابتكار المؤسسي في القطاع الحكومي، والعمل على ممارسات وبحوث ملائمة لرؤية عُمان 2040، من أبرزها بحوث "
     "التخطيط الاستراتيجي في الموارد البشرية، والتغيير الاستراتيجي، وإدارة المعرفة، وإدارة الأزمات.",
     "Lead institutional innovation in the government sector, working on practices and research suited to Oman "
     "Vision 2040, notably research on strategic HR planning, strategic change, knowledge management and crisis "
     "management.",
     "2022-01-01", "2023-05-31", modules::EditionStatus::closed},
    {2, 2023, "النسخة الثانية من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "Second edition of the National System for Institutional Innovation and Change Management",
     "نقل ست ممارسات إدارية إلى الوحدات الحكومية: القيادة الاستثنائية، وإدارة التغيير، وإدارة المخاطر، وبطاقة الأداء "
     "المتوازن، وتسريع التغيير الفاعل، وبرنامج إعداد الموظفين الجدد، وتحويل أربعة بحوث إلى ممارسات عمل مطبقة على أرض "
     "الواقع، بما يرفع مؤشرات الإجادة المؤسسية.",
     "Transfer six management practices to government units (exceptional leadership, change management, risk "
     "management, balanced scorecard, accelerating effective change, new-employee onboarding) and turn four research "
     "studies into applied practices, raising institutional excellence indicators.",
     "2023-06-01", "2024-05-31", modules::EditionStatus::closed},
    {3, 2024, "النسخة الثالثة من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
     "Third edition of the National System for Institutional Innovation and Change Management",
     "تعزيز التكامل بين القطاعات الحكومية والخاصة ببناء نظام فعّال لتبادل المعرفة وأفضل الممارسات الإدارية، وتوثيق "
     "البحوث والدراسات الإدارية ونشرها، وتبنّي النماذج المحلية الرائدة ونقلها إلى الجهات الأخرى، وتدريب الكفاءات "
     "الوطنية في الجهاز الإداري للدولة.",
     "Strengthen integration between the government and private sectors through an effective system for exchanging "
     "knowledge and best management practices; document and publish management research; adopt leading local "
     "models and transfer them to other entities; train national staff of the civil service.",
     "2024-06-01", "2026-12-31", modules::EditionStatus::open},
};

}  // namespace

void seed_editions(App& app, DemoRefs& refs) {
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  auto& svc = app.editions();
  for (const auto& d : kEditions) {
    auto e =
        svc.create(office, {d.number, d.year, d.title_ar, d.title_en, d.goals_ar, d.goals_en, d.starts_on, d.ends_on});
    if (d.status != modules::EditionStatus::planning) e = svc.transition(office, e.id, {modules::EditionStatus::open});
    refs.records["edition:" + std::to_string(d.number)] = e.id;
  }
}

void close_past_editions(App& app, DemoRefs& refs) {
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  for (const auto& d : kEditions)
    if (d.status == modules::EditionStatus::closed)
      app.editions().transition(office, refs.records.at("edition:" + std::to_string(d.number)),
                                {modules::EditionStatus::closed});
}

}  // namespace manzuma::app
