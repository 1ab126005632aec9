// Change initiatives as search documents (search::Source), readable by whom ChangeService::initiative lets open
// them (access.hpp): the entity's readers; national roles see all anyway.

#include <string>

#include "modules/change/access.hpp"
#include "modules/change/api.hpp"

namespace manzuma::modules::change {

namespace {

using manzuma::search::Document;

struct InitiativeText {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_path;
  std::string organization_name_ar, organization_name_en;
  std::string title_ar, title_en, description_ar, description_en, sponsor_ar, sponsor_en, program_ar, program_en,
      program_target_ar, program_target_en;
  std::string created_at;
};
BOOST_DESCRIBE_STRUCT(InitiativeText, (),
                      (id, organization_id, organization_path, organization_name_ar, organization_name_en, title_ar,
                       title_en, description_ar, description_en, sponsor_ar, sponsor_en, program_ar, program_en,
                       program_target_ar, program_target_en, created_at))

constexpr std::string_view kSelect =
    "SELECT i.id, i.organization_id, o.path AS organization_path, o.name_ar AS organization_name_ar,"
    " o.name_en AS organization_name_en, i.title_ar, i.title_en, i.description_ar, i.description_en, i.sponsor_ar,"
    " i.sponsor_en, i.program_ar, i.program_en, i.program_target_ar, i.program_target_en, i.created_at"
    " FROM change_initiatives i JOIN organizations o ON o.id = i.organization_id";
constexpr std::int64_t kPage = 500;

void add(std::string& body, const std::string& text) {
  if (text.empty()) return;
  if (!body.empty()) body += '\n';
  body += text;
}

Document document_of(InitiativeText& i) {
  Document d;
  d.type = "initiative";
  d.id = i.id;
  d.title_ar = i.title_ar + " — " + i.organization_name_ar;
  d.title_en = i.title_en + " — " + i.organization_name_en;
  for (const auto* text : {&i.description_ar, &i.description_en, &i.sponsor_ar, &i.sponsor_en, &i.program_ar,
                           &i.program_en, &i.program_target_ar, &i.program_target_en})
    add(d.body, *text);
  d.organization_id = i.organization_id;
  d.date = std::move(i.created_at);
  d.visibility.scopes.push_back({std::move(i.organization_path), std::vector<core::Role>(kEntityReaders)});
  return d;
}

}  // namespace

manzuma::search::Source initiatives_search_source() {
  manzuma::search::Source src;
  src.type = "initiative";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto rows = s.query<InitiativeText>(std::string(kSelect) + " WHERE i.id = ?", id);
    if (rows.empty()) return std::nullopt;
    return document_of(rows.front());
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<InitiativeText>(std::string(kSelect) + " WHERE i.id > ? ORDER BY i.id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      const bool last = static_cast<std::int64_t>(page.size()) < kPage;
      for (auto& i : page) emit(document_of(i));
      if (last) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM change_initiatives").value_or(0));
  };
  return src;
}

void enqueue_initiatives_under(db::Session& s, std::string_view path) {
  for (auto id :
       s.query<std::int64_t>("SELECT i.id FROM change_initiatives i JOIN organizations o ON o.id = i.organization_id"
                             " WHERE o.path LIKE ?",
                             std::string(path) + "%"))
    manzuma::search::enqueue(s, "initiative", id);
}

}  // namespace manzuma::modules::change
