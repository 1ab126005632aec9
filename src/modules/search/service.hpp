#pragma once
// Rules for search: validation, who may find what, and the index kept current before each query.

#include <string_view>

#include "core/actor.hpp"
#include "db/database.hpp"
#include "modules/search/model.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

class SearchService {
 public:
  SearchService(db::Database& db, manzuma::search::Indexer& indexer) : db_(db), indexer_(indexer) {}

  /// National roles find every record; everyone else what the records' readers include them in (their user,
  /// their roles in their organisations, everyone), of the types whose `<area>.read` policy they hold. Bad
  /// input is a 400 naming the parameter.
  SearchResults search(const core::Actor& actor, const SearchRequest& in);
  /// Titles the caller may open whose words start with what was typed, for a search box (at most 10).
  SearchSuggestions suggest(const core::Actor& actor, std::string_view q);

 private:
  db::Database& db_;
  manzuma::search::Indexer& indexer_;
};

}  // namespace manzuma::modules
