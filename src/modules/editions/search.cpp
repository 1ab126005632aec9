// Editions as search documents (search::Source): everyone signed in reads every edition (EditionService).

#include <string>

#include "modules/editions/api.hpp"

namespace manzuma::modules {

namespace {

using manzuma::search::Document;

struct EditionText {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::int64_t year = 0;
  std::string title_ar, title_en, goals_ar, goals_en, starts_on;
};
BOOST_DESCRIBE_STRUCT(EditionText, (), (id, number, year, title_ar, title_en, goals_ar, goals_en, starts_on))

constexpr std::string_view kSelect =
    "SELECT id, number, year, title_ar, title_en, goals_ar, goals_en, starts_on FROM editions";
constexpr std::int64_t kPage = 500;

Document document_of(EditionText&& e) {
  Document d;
  d.type = "edition";
  d.id = e.id;
  d.title_ar = std::move(e.title_ar);
  d.title_en = std::move(e.title_en);
  d.body = e.goals_ar;
  if (!e.goals_en.empty()) d.body += (d.body.empty() ? "" : "\n") + e.goals_en;
  d.edition = e.number;
  d.year = e.year;
  d.date = std::move(e.starts_on);
  d.visibility.everyone = true;
  return d;
}

}  // namespace

manzuma::search::Source editions_search_source() {
  manzuma::search::Source src;
  src.type = "edition";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto e = s.query_one<EditionText>(std::string(kSelect) + " WHERE id = ?", id);
    if (!e) return std::nullopt;
    return document_of(std::move(*e));
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<EditionText>(std::string(kSelect) + " WHERE id > ? ORDER BY id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      for (auto& e : page) emit(document_of(std::move(e)));
      if (static_cast<std::int64_t>(page.size()) < kPage) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM editions").value_or(0));
  };
  return src;
}

void enqueue_edition_records(db::Session& s, std::int64_t edition_id) {
  // Each of these documents carries the edition's number and year as facets.
  for (std::string_view table : {"practices", "research_studies", "adoptions", "events"}) {
    const std::string_view type = table == "practices"          ? "practice"
                                  : table == "research_studies" ? "study"
                                  : table == "adoptions"        ? "adoption"
                                                                : "event";
    for (auto id : s.query<std::int64_t>("SELECT id FROM " + std::string(table) + " WHERE edition_id = ?", edition_id))
      manzuma::search::enqueue(s, type, id);
  }
}

}  // namespace manzuma::modules
