// Practices as search documents (manzuma::search::Source): the catalogue's texts, organisation, edition and year,
// visible as PracticeService::get decides (published: everyone; otherwise the practice's owner; national
// roles see every document anyway).

#include <string>

#include "modules/practices/api.hpp"

namespace manzuma::modules {

namespace {

struct PracticeText {
  std::int64_t id = 0;
  std::int64_t edition_number = 0;
  std::int64_t edition_year = 0;
  std::int64_t organization_id = 0;
  std::string organization_name_ar;
  std::string organization_name_en;
  std::optional<std::int64_t> owner_id;
  std::string title_ar, title_en, summary_ar, summary_en, benefits_ar, benefits_en, prerequisites_ar, prerequisites_en;
  std::string status;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(PracticeText, (),
                      (id, edition_number, edition_year, organization_id, organization_name_ar, organization_name_en,
                       owner_id, title_ar, title_en, summary_ar, summary_en, benefits_ar, benefits_en, prerequisites_ar,
                       prerequisites_en, status, created_at))

constexpr std::string_view kSelect =
    "SELECT p.id, e.number AS edition_number, e.year AS edition_year, p.organization_id,"
    " o.name_ar AS organization_name_ar, o.name_en AS organization_name_en, p.owner_id, p.title_ar, p.title_en,"
    " p.summary_ar, p.summary_en, p.benefits_ar, p.benefits_en, p.prerequisites_ar, p.prerequisites_en, p.status,"
    " p.created_at FROM practices p JOIN editions e ON e.id = p.edition_id"
    " JOIN organizations o ON o.id = p.organization_id";
constexpr std::int64_t kPage = 500;

manzuma::search::Document document_of(PracticeText&& p) {
  manzuma::search::Document d;
  d.type = "practice";
  d.id = p.id;
  d.title_ar = std::move(p.title_ar);
  d.title_en = std::move(p.title_en);
  // The contributing organisation's names are searchable too ("ممارسات وزارة الصحة").
  for (auto* part : {&p.summary_ar, &p.summary_en, &p.benefits_ar, &p.benefits_en, &p.prerequisites_ar,
                     &p.prerequisites_en, &p.organization_name_ar, &p.organization_name_en}) {
    if (part->empty()) continue;
    if (!d.body.empty()) d.body += '\n';
    d.body += *part;
  }
  d.organization_id = p.organization_id;
  d.edition = p.edition_number;
  d.year = p.edition_year;
  d.date = std::move(p.created_at);
  if (p.status == "published")
    d.visibility.everyone = true;
  else if (p.owner_id)
    d.visibility.users.push_back(*p.owner_id);
  return d;
}

}  // namespace

manzuma::search::Source practices_search_source() {
  manzuma::search::Source src;
  src.type = "practice";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<manzuma::search::Document> {
    auto p = s.query_one<PracticeText>(std::string(kSelect) + " WHERE p.id = ?", id);
    if (!p) return std::nullopt;
    return document_of(std::move(*p));
  };
  src.all = [](db::Session& s, const std::function<void(manzuma::search::Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<PracticeText>(std::string(kSelect) + " WHERE p.id > ? ORDER BY p.id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      for (auto& p : page) emit(document_of(std::move(p)));
      if (static_cast<std::int64_t>(page.size()) < kPage) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM practices").value_or(0));
  };
  return src;
}

}  // namespace manzuma::modules
