// MoUs as search documents (search::Source): every signed-in user reads every MoU (PartnershipService::list and
// get take no scope), so each is visible to everyone. The parties' names and the areas of cooperation are
// searchable with it. An MoU has several parties and no one owner, so it carries no organisation facet.

#include <algorithm>
#include <map>
#include <string>

#include "modules/partnerships/api.hpp"

namespace manzuma::modules {

namespace {

using manzuma::search::Document;

struct MouText {
  std::int64_t id = 0;
  std::string title_ar, title_en, summary_ar, summary_en, signed_on;
};
BOOST_DESCRIBE_STRUCT(MouText, (), (id, title_ar, title_en, summary_ar, summary_en, signed_on))

/// A party's or an area's names, by MoU.
struct NamesOf {
  std::int64_t partnership_id = 0;
  std::string name_ar, name_en;
};
BOOST_DESCRIBE_STRUCT(NamesOf, (), (partnership_id, name_ar, name_en))

constexpr std::string_view kSelect =
    "SELECT id, title_ar, title_en, summary_ar, summary_en, signed_on FROM partnerships";
constexpr std::string_view kParties =
    "SELECT pp.partnership_id, o.name_ar, o.name_en FROM partnership_parties pp"
    " JOIN organizations o ON o.id = pp.organization_id WHERE pp.partnership_id BETWEEN ? AND ?"
    " ORDER BY pp.partnership_id, pp.position";
constexpr std::string_view kAreas =
    "SELECT partnership_id, name_ar, name_en FROM partnership_areas WHERE partnership_id BETWEEN ? AND ?"
    " ORDER BY partnership_id, position";
constexpr std::int64_t kPage = 500;

void add(std::string& body, const std::string& text) {
  if (text.empty()) return;
  if (!body.empty()) body += '\n';
  body += text;
}

void emit_all(db::Session& s, std::vector<MouText>& rows, const std::function<void(Document&&)>& emit) {
  if (rows.empty()) return;
  std::map<std::int64_t, std::vector<NamesOf>> parties, areas;
  for (auto& p : s.query<NamesOf>(kParties, rows.front().id, rows.back().id))
    parties[p.partnership_id].push_back(std::move(p));
  for (auto& a : s.query<NamesOf>(kAreas, rows.front().id, rows.back().id))
    areas[a.partnership_id].push_back(std::move(a));
  for (auto& m : rows) {
    Document d;
    d.type = "partnership";
    d.id = m.id;
    d.title_ar = std::move(m.title_ar);
    d.title_en = std::move(m.title_en);
    add(d.body, m.summary_ar);
    add(d.body, m.summary_en);
    for (const auto& p : parties[m.id]) add(d.body, p.name_ar + " — " + p.name_en);
    for (const auto& a : areas[m.id]) add(d.body, a.name_ar + " — " + a.name_en);
    // The year it was signed (YYYY-MM-DD, validated on every write).
    if (m.signed_on.size() >= 4 &&
        std::all_of(m.signed_on.begin(), m.signed_on.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
      d.year = std::stoll(m.signed_on.substr(0, 4));
    d.date = std::move(m.signed_on);
    d.visibility.everyone = true;
    emit(std::move(d));
  }
}

}  // namespace

manzuma::search::Source partnerships_search_source() {
  manzuma::search::Source src;
  src.type = "partnership";
  src.load = [](db::Session& s, std::int64_t id) -> std::optional<Document> {
    auto rows = s.query<MouText>(std::string(kSelect) + " WHERE id = ?", id);
    std::optional<Document> out;
    emit_all(s, rows, [&](Document&& d) { out = std::move(d); });
    return out;
  };
  src.all = [](db::Session& s, const std::function<void(Document &&)>& emit) {
    for (std::int64_t after = 0;;) {
      auto page = s.query<MouText>(std::string(kSelect) + " WHERE id > ? ORDER BY id LIMIT ?", after, kPage);
      if (page.empty()) break;
      after = page.back().id;
      const bool last = static_cast<std::int64_t>(page.size()) < kPage;
      emit_all(s, page, emit);
      if (last) break;
    }
  };
  src.count = [](db::Session& s) {
    return static_cast<std::size_t>(s.query_one<std::int64_t>("SELECT COUNT(*) FROM partnerships").value_or(0));
  };
  return src;
}

}  // namespace manzuma::modules
