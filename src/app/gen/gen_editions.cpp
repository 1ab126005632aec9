// The editions of the national system: one a year from 2015, all closed but the last, which is open.

#include "app/gen/gen.hpp"
#include "app/gen/words.hpp"

namespace manzuma::app::gen {

namespace {
constexpr Phrase kOrdinals[] = {
    {"الأولى", "First"},  {"الثانية", "Second"}, {"الثالثة", "Third"},         {"الرابعة", "Fourth"},
    {"الخامسة", "Fifth"}, {"السادسة", "Sixth"},  {"السابعة", "Seventh"},       {"الثامنة", "Eighth"},
    {"التاسعة", "Ninth"}, {"العاشرة", "Tenth"},  {"الحادية عشرة", "Eleventh"}, {"الثانية عشرة", "Twelfth"},
};
constexpr int kFirstYear = 2015;
}  // namespace

void gen_editions(Context& c) {
  c.w.area("editions");
  Rng rng = c.rng("editions");
  auto& t = c.w.table("editions", {"id", "number", "year", "title_ar", "title_en", "goals_ar", "goals_en", "starts_on",
                                   "ends_on", "status", "version", "created_at", "updated_at"});
  const int last_year = static_cast<int>(std::chrono::year_month_day{c.today}.year());
  for (int year = kFirstYear; year <= last_year; ++year) {
    const int number = year - kFirstYear + 1;
    const auto& o = kOrdinals[static_cast<std::size_t>(number - 1) % std::size(kOrdinals)];
    const auto& g1 = rng.pick(kGoals);
    const auto& g2 = rng.pick(kGoals);
    Edition e{c.next_id("editions"), number, year, year == last_year};
    const std::string created = stamp(make_day(year - 1, 11, 15));
    const std::string updated = e.open ? created : stamp(make_day(year + 1, 1, 10));
    t.add(e.id, number, year, "النسخة " + std::string(o.ar) + " من المنظومة الوطنية للابتكار المؤسسي وإدارة التغيير",
          std::string(o.en) + " edition of the National System for Institutional Innovation and Change Management",
          "تركّز النسخة على " + std::string(g1.ar) + " و" + std::string(g2.ar) + " في الجهات الحكومية.",
          "The edition focuses on how government entities " + std::string(g1.en) + " and " + std::string(g2.en) + ".",
          core::format_day(make_day(year, 1, 1)), core::format_day(make_day(year, 12, 31)), e.open ? "open" : "closed",
          1, created, updated);
    c.editions.push_back(e);
  }
}

}  // namespace manzuma::app::gen
