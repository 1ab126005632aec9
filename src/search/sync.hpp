#pragma once
// Keeping the index current (DESIGN.md §6): writes append to search_outbox in their own transaction; each
// process applies new outbox rows to its index; `manzuma reindex` rebuilds from the database.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "search/document.hpp"
#include "search/index.hpp"

namespace manzuma::search {

/// Records that (type, id) changed (created, updated or deleted), inside the caller's write transaction.
void enqueue(db::Session& s, std::string_view type, std::int64_t id);

/// How an area turns its records into documents; each area with searchable records provides one (its
/// api.hpp) and the app registers it.
struct Source {
  std::string type;
  /// The document for `id`, or nullopt when the record no longer exists (it is then removed).
  std::function<std::optional<Document>(db::Session&, std::int64_t id)> load;
  /// Every document of this type, in id order, for a rebuild.
  std::function<void(db::Session&, const std::function<void(Document&&)>&)> all;
  /// How many documents all() will give, for the rebuild's progress; when left empty, all() runs twice.
  std::function<std::size_t(db::Session&)> count;
};

/// The process's index and the sources that feed it.
class Indexer {
 public:
  /// `root` holds the index generations (root/gen-N) and root/current naming the live one.
  Indexer(db::Database& db, std::filesystem::path root);
  ~Indexer();
  void add_source(Source s);

  /// Applies outbox rows newer than the index's mark; picks up a rebuild made by another process.
  /// Cheap when there is nothing new (one small query). Returns the rows applied.
  std::size_t catch_up();
  /// Builds a new generation from every source and makes it live; `progress(done, total)` is called as it
  /// goes. Safe while a server serves the old generation: the server switches at its next catch_up().
  std::size_t rebuild(const std::function<void(std::size_t, std::size_t)>& progress = {});
  /// The live index (after catch_up()).
  const Index& index();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace manzuma::search
