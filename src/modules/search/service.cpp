#include "modules/search/service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"
#include "modules/search/repository.hpp"
#include "platform/rbac.hpp"

namespace manzuma::modules {

namespace {

/// Each record type, the policy action that lets a role read that area at all, and its web page.
struct SearchType {
  std::string_view name;
  std::string_view read_action;
  std::string_view web_path;
};
constexpr SearchType kTypes[] = {
    {"practice", "practices.read", "/practices/"},
    {"study", "research.read", "/research/"},
    {"event", "events.read", "/events/"},
    {"edition", "editions.read", "/editions/"},
    {"partnership", "partnerships.read", "/partnerships/"},
    {"adoption", "adoptions.read", "/adoptions/"},
    {"initiative", "change.read", "/change/initiatives/"},
};

/// The index refuses longer queries too; nobody types a thousand characters into a search box.
constexpr std::size_t kMaxQuery = 1000;
constexpr std::int64_t kMaxPerPage = 50;
/// Deep pages cost the index a full ranking each; a thousand pages of results is past any reader.
constexpr std::int64_t kMaxPage = 1000;
constexpr std::size_t kSuggestions = 10;

/// Applies what was written since the last query, so a change is searchable the moment it is saved. If that
/// fails (the database is unreachable for a moment), the index as it stands still answers: a search a second
/// out of date beats no search, and the background catch-up and the log carry on.
void catch_up(manzuma::search::Indexer& indexer) {
  try {
    indexer.catch_up();
  } catch (const std::exception& e) {
    spdlog::error("search: catch-up before a query failed, answering from the index as it is: {}", e.what());
  }
}

const SearchType* type_named(std::string_view name) {
  for (const auto& t : kTypes)
    if (t.name == name) return &t;
  return nullptr;
}

std::string type_names() {
  std::string out;
  for (const auto& t : kTypes) out += (out.empty() ? "" : ", ") + std::string(t.name);
  return out;
}

std::string url_of(std::string_view type, std::int64_t id) {
  const auto* t = type_named(type);
  return t ? std::string(t->web_path) + std::to_string(id) : std::string();
}

/// What the actor may find: everything for national roles; otherwise the documents whose readers include
/// them. Either way only types whose area the actor's roles may read at all.
manzuma::search::Access access_of(const core::Actor& actor) {
  manzuma::search::Access a;
  a.all = actor.is_national();
  if (!a.all) a.terms = manzuma::search::access_terms(actor);
  for (const auto& t : kTypes)
    if (platform::may_call(actor, t.read_action)) a.types.emplace_back(t.name);
  return a;
}

std::string checked_query(std::string_view raw) {
  if (!core::valid_utf8(raw))
    throw core::Error::invalid_field("q", "invalid_utf8", "نص البحث ليس نصًا صالحًا (UTF-8)",
                                     "The search text is not valid UTF-8");
  auto q = core::trim(raw);
  if (core::utf8_length(q) > kMaxQuery)
    throw core::Error::invalid_field("q", "too_long", "نص البحث أطول من ١٠٠٠ حرف",
                                     "The search text is longer than 1,000 characters");
  return q;
}

std::optional<std::int64_t> decimal(const std::string& text) {
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace

SearchResults SearchService::search(const core::Actor& actor, const SearchRequest& in) {
  std::vector<core::FieldError> errors;
  auto fail = [&](std::string field, std::string code, std::string ar, std::string en) {
    errors.push_back({std::move(field), std::move(code), std::move(ar), std::move(en)});
  };
  const auto q = checked_query(in.q);
  for (const auto& t : in.types)
    if (!type_named(t))
      fail("type", "enum", "نوع السجل غير معروف: " + t, "Unknown record type '" + t + "'; use " + type_names());
  if (in.page < 1 || in.page > kMaxPage)
    fail("page", "out_of_range", "رقم الصفحة بين ١ و١٠٠٠", "The page is between 1 and 1,000");
  if (in.per_page < 1 || in.per_page > kMaxPerPage)
    fail("per_page", "out_of_range", "عدد النتائج في الصفحة بين ١ و٥٠", "Results per page are between 1 and 50");
  for (const auto& [field, value] :
       {std::pair{"org", in.organization_id}, std::pair{"edition", in.edition}, std::pair{"year", in.year}})
    if (value && *value < 1) fail(field, "out_of_range", "قيمة غير صالحة", "Must be a positive number");
  if (!errors.empty()) throw core::Error::invalid(std::move(errors));

  manzuma::search::Query query;
  query.text = q;
  query.types = in.types;
  query.organization_id = in.organization_id;
  query.edition = in.edition;
  query.year = in.year;
  query.sort =
      in.sort == SearchSort::newest ? manzuma::search::Query::Sort::newest : manzuma::search::Query::Sort::relevance;
  query.offset = static_cast<std::size_t>((in.page - 1) * in.per_page);
  query.limit = static_cast<std::size_t>(in.per_page);
  query.access = access_of(actor);
  query.facets = true;

  catch_up(indexer_);
  const auto found = indexer_.index().search(query);

  SearchResults out;
  out.q = q;
  out.total = static_cast<std::int64_t>(found.total);
  out.page = in.page;
  out.per_page = in.per_page;
  out.did_you_mean = found.did_you_mean;
  out.empty_query = found.empty_query;

  std::vector<std::int64_t> org_ids;
  for (const auto& h : found.hits)
    if (h.organization_id) org_ids.push_back(*h.organization_id);
  for (const auto& f : found.organizations)
    if (auto id = decimal(f.value)) org_ids.push_back(*id);
  const auto orgs = db_.read([&](db::Session& s) { return search::organizations(s, org_ids); });

  for (const auto& h : found.hits) {
    SearchItem item{h.type,       h.id,      h.title_ar, h.title_en, h.snippet,
                    std::nullopt, h.edition, h.year,     h.date,     url_of(h.type, h.id)};
    if (h.organization_id) {
      if (auto o = orgs.find(*h.organization_id); o != orgs.end()) item.organization = o->second;
    }
    out.items.push_back(std::move(item));
  }
  auto counts = [](const std::vector<manzuma::search::FacetValue>& values) {
    std::vector<SearchFacetValue> v;
    for (const auto& f : values) v.push_back({f.value, static_cast<std::int64_t>(f.count)});
    return v;
  };
  out.facets.type = counts(found.types);
  out.facets.edition = counts(found.editions);
  out.facets.year = counts(found.years);
  for (const auto& f : found.organizations) {
    SearchOrganizationFacet o{f.value, static_cast<std::int64_t>(f.count), "", ""};
    if (auto id = decimal(f.value)) {
      if (auto it = orgs.find(*id); it != orgs.end()) {
        o.name_ar = it->second.name_ar;
        o.name_en = it->second.name_en;
      }
    }
    out.facets.organization.push_back(std::move(o));
  }
  return out;
}

SearchSuggestions SearchService::suggest(const core::Actor& actor, std::string_view raw) {
  const auto q = checked_query(raw);
  SearchSuggestions out;
  if (q.empty()) return out;
  catch_up(indexer_);
  for (auto& s : indexer_.index().suggest(q, access_of(actor), kSuggestions))
    out.items.push_back({s.type, s.id, std::move(s.title_ar), std::move(s.title_en), url_of(s.type, s.id)});
  return out;
}

}  // namespace manzuma::modules
