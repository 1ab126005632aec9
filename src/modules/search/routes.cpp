// HTTP glue for search: parse the query string, call the service, return. No SQL, no rules.

#include "modules/search/routes.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "core/json.hpp"
#include "modules/search/service.hpp"

namespace manzuma::modules {

namespace {

core::Error bad_param(std::string field, std::string ar, std::string en) {
  return core::Error::invalid_field(std::move(field), "invalid_parameter", std::move(ar), std::move(en));
}

std::int64_t number(const std::string& field, const std::string& value) {
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc{} || p != value.data() + value.size())
    throw bad_param(field, "يجب أن تكون القيمة رقمًا صحيحًا", "Must be a whole number");
  return n;
}

// ?q=&type=&type=&org=&edition=&year=&sort=&page=&per_page=. Only `type` repeats; an unknown or repeated
// parameter is a 400 naming it, so a typo never silently searches everything.
SearchRequest search_request(const http::Context& c) {
  SearchRequest in;
  std::vector<std::string> seen;
  for (const auto& [key, value] : c.request.query) {
    if (key != "type") {
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        throw bad_param(key, "المعامل مكرر", "The parameter is given more than once");
      seen.push_back(key);
    }
    if (key == "q") {
      in.q = value;
    } else if (key == "type") {
      in.types.push_back(value);
    } else if (key == "org") {
      in.organization_id = number(key, value);
    } else if (key == "edition") {
      in.edition = number(key, value);
    } else if (key == "year") {
      in.year = number(key, value);
    } else if (key == "sort") {
      auto s = core::json::enum_from_name<SearchSort>(value);
      if (!s) throw bad_param(key, "الترتيب إما relevance أو newest", "Sort is relevance or newest");
      in.sort = *s;
    } else if (key == "page") {
      in.page = number(key, value);
    } else if (key == "per_page") {
      in.per_page = number(key, value);
    } else {
      throw bad_param(key, "معامل غير معروف", "Unknown query parameter");
    }
  }
  return in;
}

std::string suggest_prefix(const http::Context& c) {
  std::string q;
  for (const auto& [key, value] : c.request.query) {
    if (key != "q") throw bad_param(key, "معامل غير معروف", "Unknown query parameter");
    q = value;
  }
  return q;
}

}  // namespace

void search_routes(http::Router& r, SearchService& svc) {
  r.set_tag("search");
  r.get<SearchResults>(
      "/api/v1/search",
      {.action = "search.read",
       .summary = "Search every record you may open: practices, research studies, events, editions, MoUs and "
                  "adoptions. q: the words (Arabic or English, up to 1,000 characters); type: practice | study | "
                  "event | edition | partnership | adoption (repeat for several); org, edition, year: facet "
                  "filters; sort: relevance (default) | newest; page ≥ 1; per_page 1–50 (default 20). Facets "
                  "count only records you may open; snippets are escaped HTML with the matched words in <mark>",
       .query = {"q", "type", "org", "edition", "year", "sort", "page", "per_page"}},
      [&svc](http::Context& c) { return svc.search(c.actor(), search_request(c)); });
  r.get<SearchSuggestions>(
      "/api/v1/search/suggest",
      {.action = "search.read",
       .summary = "Up to 10 titles you may open whose words start with what was typed (q), for a search box",
       .query = {"q"}},
      [&svc](http::Context& c) { return svc.suggest(c.actor(), suggest_prefix(c)); });
}

}  // namespace manzuma::modules
