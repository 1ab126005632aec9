// Demo data for research (see demo.hpp): edition 2's four studies, which working teams turn into applied
// practices (seed 000), and edition 3's "empowerment strategy in intellectual-capital management" (seed 001),
// at different steps of the review pipeline.

#include <functional>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "modules/research/service.hpp"

namespace manzuma::app {

// Defined in demo_practices.cpp.
std::int64_t demo_edition(App& app, DemoRefs& refs, int number);
void with_edition_open(App& app, std::int64_t edition_id, const std::function<void()>& fn);

namespace {

enum class Step { proposed, under_review, accepted, applied };

struct StudySeed {
  int edition;
  const char* organization;
  const char* submitter;
  const char *title_ar, *title_en;
  std::vector<std::string> authors;
  const char *abstract_ar, *abstract_en;
  Step step;
};

const StudySeed kStudies[] = {
    {2,
     "dgdqa",
     "office@demo.manzuma.om",
     "التخطيط الاستراتيجي للموارد البشرية في القطاع الحكومي",
     "Strategic workforce planning in the government sector",
     {"فريق عمل النسخة الثانية — المديرية العامة للتطوير وضمان الجودة"},
     "يدرس البحث كيف تخطط الجهات الحكومية لمواردها البشرية وفق احتياجاتها الفعلية، وتتنبأ بالقوى العاملة المطلوبة "
     "مستقبلًا، وتضع خطط التعاقب الوظيفي وتحدد الاحتياجات التدريبية.",
     "The study examines how government entities plan their workforce by actual needs, forecast the workforce "
     "they will need, draw up succession plans and identify training needs.",
     Step::applied},
    {2,
     "mtcit",
     "coordinator@demo.manzuma.om",
     "استكشاف أدوار الذكاء الاصطناعي في البيئات الحكومية",
     "Exploring the roles of artificial intelligence in government environments",
     {"فريق إدارة التغيير — وزارة النقل والاتصالات وتقنية المعلومات"},
     "يحصر البحث التجارب المحلية لاستخدامات الذكاء الاصطناعي في الجهات الحكومية ويقترح كيف تُنقل وتُعزَّز، "
     "بما يرفع كفاءة الأداء الحكومي.",
     "The study surveys local uses of artificial intelligence in government entities and proposes how to transfer "
     "and strengthen them to raise the efficiency of government work.",
     Step::under_review},
    {2,
     "omran",
     "contributor@demo.manzuma.om",
     "نقل أفضل الممارسات الإدارية من القطاع الخاص إلى الوحدات الحكومية",
     "Transferring management best practice from the private sector to government units",
     {"فريق عمل عمران"},
     "يقترح البحث مسارًا لتبني الممارسات الإدارية المطبقة في القطاع الخاص ونقلها إلى الوحدات الحكومية بما يضمن "
     "استدامة الابتكار فيها.",
     "The study proposes a path for adopting management practices proven in the private sector and transferring "
     "them to government units so that innovation lasts there.",
     Step::accepted},
    {2,
     "mtcit",
     "change.head@demo.manzuma.om",
     "تحديات فرق إدارة التغيير في التحول الرقمي الحكومي",
     "Challenges of change-management teams in government digital transformation",
     {"رؤساء فرق إدارة التغيير للتحول الرقمي"},
     "يرصد البحث التحديات التي تواجه فرق إدارة التغيير في الجهات الحكومية خلال تنفيذ برنامج التحول الرقمي "
     "الحكومي.",
     "The study records the challenges change-management teams in government entities face while delivering the "
     "government digital transformation programme.",
     Step::proposed},
    {3,
     "dgdqa",
     "office@demo.manzuma.om",
     "استراتيجية التمكين في إدارة رأس المال الفكري",
     "Empowerment strategy in intellectual-capital management",
     {"باحث عُماني متخصص"},
     "بحث علمي لباحث عُماني متخصص وظّفته النسخة الثالثة من المنظومة ضمن جهود الإدارة القائمة على المنهجيات "
     "والبراهين العلمية، يتناول تمكين الموظفين لإدارة رأس المال الفكري في المؤسسات.",
     "A study by an Omani specialist that the third edition drew on for management based on scientific method and "
     "evidence: empowering staff to manage an organisation's intellectual capital.",
     Step::accepted},
};

}  // namespace

void seed_research(App& app, DemoRefs& refs) {
  auto& svc = app.research();
  const auto office = refs.actor(app, "office@demo.manzuma.om");
  const auto assessor = refs.actor(app, "assessor@demo.manzuma.om");
  const auto assessor_id = refs.users.at("assessor@demo.manzuma.om");
  int n = 0;
  for (const auto& st : kStudies) {
    const auto edition_id = demo_edition(app, refs, st.edition);
    with_edition_open(app, edition_id, [&] {
      modules::ResearchStudyInput in;
      in.edition_id = edition_id;
      in.organization_id = refs.organizations.at(st.organization);
      in.title_ar = st.title_ar;
      in.title_en = st.title_en;
      in.authors = st.authors;
      in.abstract_ar = st.abstract_ar;
      in.abstract_en = st.abstract_en;
      auto d = svc.submit(refs.actor(app, st.submitter), in);
      const auto id = d.study.id;
      refs.records["research:" + std::to_string(++n)] = id;
      if (st.step == Step::proposed) return;
      d = svc.assign_reviewers(office, id, {{assessor_id}, d.study.version});
      if (st.step == Step::under_review) {
        svc.comment(office, id,
                    {"نرجو التركيز على التجارب المحلية القابلة للنقل بين الجهات."
                     " / Please focus on local experience that other entities can reuse."});
        return;
      }
      d = svc.recommend(assessor, id,
                        {modules::Recommendation::accept,
                         "منهجية واضحة ونتائج قابلة للتطبيق. / A clear method and results that can be applied."});
      d = svc.decide(office, id, {modules::ResearchDecision::accepted, std::nullopt, d.study.version});
      if (st.step == Step::applied) {
        d = svc.apply(office, id, {"performance", d.study.version});
        refs.records["practice:strategic_workforce_planning"] = *d.study.practice_id;
      }
    });
  }
}

}  // namespace manzuma::app
