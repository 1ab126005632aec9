#pragma once
// The Xapian index: documents in, ranked and permission-filtered results out (src/search/README.md).
// Xapian's headers stay in this folder's .cpp files.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "search/document.hpp"

namespace manzuma::search {

/// How text becomes terms. `manzuma` is src/text's pipeline (the product); the other two exist to measure
/// it against: Xapian's own TermGenerator with its Snowball Arabic stemmer, and with no stemming at all.
enum class Analyzer { manzuma, xapian_arabic, none };
std::optional<Analyzer> parse_analyzer(std::string_view name);  // "manzuma" | "xapian-arabic" | "none"
std::string_view analyzer_name(Analyzer a);

struct Query {
  std::string text;
  /// Facet filters: any of these types / this organisation / edition / year.
  std::vector<std::string> types;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  enum class Sort { relevance, newest } sort = Sort::relevance;
  std::size_t offset = 0;
  std::size_t limit = 20;
  Access access;
  /// Count facets over the whole match (search pages); off for search-eval and suggestions.
  bool facets = true;
};

struct Hit {
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
  /// Safe HTML: the document's text escaped, the matched words wrapped in <mark>…</mark>, "…" where cut.
  std::string snippet;
  std::optional<std::int64_t> organization_id;
  std::optional<std::int64_t> edition;
  std::optional<std::int64_t> year;
  std::string date;
  double score = 0;
};

struct FacetValue {
  std::string value;  // a type name, or an id / number as decimal text
  std::size_t count = 0;
};

struct Results {
  /// Matching documents the caller may see (exact when facets are on).
  std::size_t total = 0;
  std::vector<Hit> hits;
  std::vector<FacetValue> types;
  std::vector<FacetValue> organizations;
  std::vector<FacetValue> editions;
  std::vector<FacetValue> years;
  /// A corrected query when a word looks misspelled and the correction finds more ("did you mean").
  std::optional<std::string> did_you_mean;
  /// The query had no searchable words (empty, stopwords only, operators only).
  bool empty_query = false;
};

struct Suggestion {
  std::string type;
  std::int64_t id = 0;
  std::string title_ar;
  std::string title_en;
};

/// One on-disk index. put/remove/commit need the writer (one per process; Xapian's lock); search and
/// suggest may run on any thread, each opening its own reader that follows the writer's commits.
class Index {
 public:
  /// Opens (creating) the index in `dir` for writing.
  static std::unique_ptr<Index> open_writable(const std::filesystem::path& dir, Analyzer analyzer = Analyzer::manzuma);
  /// Opens an existing index read-only (search-eval, tools).
  static std::unique_ptr<Index> open_readonly(const std::filesystem::path& dir, Analyzer analyzer = Analyzer::manzuma);
  virtual ~Index() = default;

  /// Adds or replaces the document (type, id). Certain to be visible to search after commit(); the writer also
  /// flushes every 1,000 documents, so a reader opened meanwhile may see it earlier (puts are idempotent).
  virtual void put(const Document& d) = 0;
  virtual void remove(std::string_view type, std::int64_t id) = 0;
  virtual void commit() = 0;
  /// Documents in the index.
  virtual std::size_t size() const = 0;
  /// Small string metadata kept with the index (e.g. the last outbox row applied).
  virtual std::string metadata(std::string_view key) const = 0;
  virtual void set_metadata(std::string_view key, std::string_view value) = 0;

  /// Throws core::Error (400, field "q") for a query longer than 1,000 characters or broken UTF-8.
  virtual Results search(const Query& q) const = 0;
  /// Titles of visible documents whose words start with what was typed (the last word as a prefix).
  virtual std::vector<Suggestion> suggest(std::string_view prefix, const Access& access, std::size_t limit) const = 0;
};

}  // namespace manzuma::search
