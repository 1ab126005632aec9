#pragma once
// One search over every record a user may open: the wire shapes of GET /api/v1/search and /search/suggest.

#include <boost/describe.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace manzuma::modules {

enum class SearchSort { relevance, newest };
BOOST_DESCRIBE_ENUM(SearchSort, relevance, newest)

/// The query of GET /api/v1/search, as the route parsed it (numbers are numbers; the service checks the rest).
struct SearchRequest {
  std::string q;
  /// Any of these record types ("practice", "study", "event", "edition", "partnership", "adoption", "initiative").
  std::vector<std::string> types;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  SearchSort sort = SearchSort::relevance;
  std::int64_t page = 1;
  std::int64_t per_page = 20;
};

struct SearchOrganization {
  std::int64_t id = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(SearchOrganization, (), (id, name_ar, name_en))

struct SearchItem {
  /// practice | study | event | edition | partnership | adoption
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  /// Safe HTML: the record's text escaped, the matched words in <mark>…</mark>, "…" where cut.
  std::string snippet;
  /// The organisation the record belongs to; null for events, editions and MoUs.
  std::optional<SearchOrganization> organization;
  /// The edition's number, and the year (the edition's, else the record's own).
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  /// ISO date or timestamp that "newest" sorts by.
  std::string date;
  /// The web app's page of the record ("/practices/12").
  std::string url;
};
BOOST_DESCRIBE_STRUCT(SearchItem, (), (type, id, title_ar, title_en, snippet, organization, edition, year, date, url))

/// One value of a facet and how many of the caller's matches have it.
struct SearchFacetValue {
  std::string value;
  std::int64_t count = 0;
};
BOOST_DESCRIBE_STRUCT(SearchFacetValue, (), (value, count))

/// An organisation facet value (its id as text) with the organisation's names.
struct SearchOrganizationFacet {
  std::string value;
  std::int64_t count = 0;
  std::string name_ar;
  std::string name_en;
};
BOOST_DESCRIBE_STRUCT(SearchOrganizationFacet, (), (value, count, name_ar, name_en))

struct SearchFacets {
  std::vector<SearchFacetValue> type;
  std::vector<SearchOrganizationFacet> organization;
  std::vector<SearchFacetValue> edition;
  std::vector<SearchFacetValue> year;
};
BOOST_DESCRIBE_STRUCT(SearchFacets, (), (type, organization, edition, year))

struct SearchResults {
  std::string q;
  /// Matches the caller may open, across all pages.
  std::int64_t total = 0;
  std::int64_t page = 1;
  std::int64_t per_page = 20;
  std::vector<SearchItem> items;
  /// Counted over the matches the caller may open; a record hidden from them is never counted.
  SearchFacets facets;
  /// A corrected query when a word looks misspelled and the correction finds more.
  std::optional<std::string> did_you_mean;
  /// The query had no searchable words (empty, stopwords or operators only).
  bool empty_query = false;
};
BOOST_DESCRIBE_STRUCT(SearchResults, (), (q, total, page, per_page, items, facets, did_you_mean, empty_query))

struct SearchSuggestion {
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  std::string url;
};
BOOST_DESCRIBE_STRUCT(SearchSuggestion, (), (type, id, title_ar, title_en, url))

struct SearchSuggestions {
  std::vector<SearchSuggestion> items;
};
BOOST_DESCRIBE_STRUCT(SearchSuggestions, (), (items))

}  // namespace manzuma::modules
