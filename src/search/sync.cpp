#include "search/sync.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <fstream>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace manzuma::search {

namespace fs = std::filesystem;
using std::chrono::system_clock;

// How the index stays current (README.md here, "keeping it current"):
//
// - Writes append (doc_type, doc_id) to search_outbox inside their own transaction.
// - Each process keeps the id of the last row its index applied (the "mark") in the index's metadata and
//   applies the rows after it: it loads each record through its Source and puts it, or removes it when gone.
//   A row names a record, not a change, so applying a row twice is harmless.
// - `manzuma reindex` writes a new generation root/gen-N beside the live one and then names it in
//   root/current (written to a temporary file and renamed, so a reader sees the old name or the new one,
//   never half of either). A serving process notices at its next catch_up(), opens the new generation and
//   applies the rows the rebuild did not see.
namespace {

constexpr std::string_view kMarkKey = "outbox_mark";
/// Until when the index is known to hold every outbox row (ISO-8601); see kStaleAfter.
constexpr std::string_view kCurrentAtKey = "outbox_current_at";

/// Rows older than this are pruned (at most once per kPruneEvery).
constexpr auto kRetention = std::chrono::hours(24 * 7);
constexpr auto kPruneEvery = std::chrono::hours(1);
/// An index not known to be current for this long may lack rows the prune removed, so it is rebuilt instead
/// of caught up. A running process refreshes the date at least every kRefreshEvery, so only a process that
/// was stopped (or whose index was copied) for about six days rebuilds; the day between this and kRetention
/// absorbs clocks that disagree.
constexpr auto kStaleAfter = std::chrono::hours(24 * 6);
constexpr auto kRefreshEvery = std::chrono::hours(1);
/// On PostgreSQL, ids come from a sequence when a transaction inserts, but transactions commit in any order:
/// row 7 may become visible before row 6. The mark stops below a missing id for this long (rows after it are
/// applied meanwhile); after that the id is taken to belong to a transaction that rolled back. SQLite
/// serialises writers, so it never has such gaps.
constexpr auto kGapGrace = std::chrono::seconds(30);
/// A generation this process switched away from is closed this long after the switch, so that a search that
/// took a reference to it just before finishes first.
constexpr auto kRetireAfter = std::chrono::seconds(10);
constexpr std::int64_t kOutboxBatch = 500;
constexpr std::size_t kRebuildBatch = 1000;

struct OutboxRow {
  std::int64_t id = 0;
  std::string doc_type;
  std::int64_t doc_id = 0;
};
BOOST_DESCRIBE_STRUCT(OutboxRow, (), (id, doc_type, doc_id))

std::string iso(system_clock::time_point t) { return core::iso8601(t); }

std::int64_t parse_mark(const std::string& text) {
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  return ec == std::errc{} && p == text.data() + text.size() && n >= 0 ? n : 0;
}

/// The generation number of a directory name "gen-N", or -1.
std::int64_t generation_number(std::string_view name) {
  if (!name.starts_with("gen-") || name.size() == 4) return -1;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(name.data() + 4, name.data() + name.size(), n);
  return ec == std::errc{} && p == name.data() + name.size() ? n : -1;
}

/// The generation root/current names, if any.
std::optional<std::string> read_current(const fs::path& root) {
  std::ifstream in(root / "current");
  std::string name;
  if (!in || !std::getline(in, name)) return std::nullopt;
  while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
  if (generation_number(name) < 0 || !fs::is_directory(root / name)) return std::nullopt;
  return name;
}

void write_current(const fs::path& root, const std::string& name) {
  static std::atomic<int> counter{0};
  const fs::path tmp = root / (".current-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << name << '\n';
    out.flush();
    if (!out) throw core::Error::internal("cannot write " + tmp.string());
  }
  fs::rename(tmp, root / "current");
}

/// Creates the next generation's directory (gen-(max+1)); two rebuilds at once get different numbers.
std::pair<std::string, fs::path> new_generation(const fs::path& root) {
  fs::create_directories(root);
  std::int64_t n = 0;
  for (const auto& e : fs::directory_iterator(root)) n = std::max(n, generation_number(e.path().filename().string()));
  for (;; ++n) {
    const std::string name = "gen-" + std::to_string(n + 1);
    if (fs::create_directory(root / name)) return {name, root / name};
  }
}

/// True when some process holds the generation's Xapian write lock (it serves or builds it).
bool locked(const fs::path& dir) {
  try {
    Xapian::WritableDatabase probe(dir.string(), Xapian::DB_OPEN);
    return false;
  } catch (const Xapian::DatabaseLockError&) {
    return true;
  } catch (const Xapian::Error&) {
    return false;  // not a database at all: what a rebuild that crashed half-way leaves
  }
}

/// Deletes the generations older than `current` that no process holds open. Newer ones may be a rebuild in
/// progress; a rebuild that crashed leaves one behind, which the next rebuild's sweep removes.
void sweep(const fs::path& root, const std::string& current) {
  const auto keep = generation_number(current);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    const auto n = generation_number(e.path().filename().string());
    if (n < 0 || n >= keep || locked(e.path())) continue;
    fs::remove_all(e.path(), ec);
    if (ec)
      spdlog::warn("search: could not delete old generation {}: {}", e.path().string(), ec.message());
    else
      spdlog::info("search: deleted old generation {}", e.path().filename().string());
  }
}

bool is_lock_error(const std::exception& e) {
  if (const auto* err = dynamic_cast<const core::Error*>(&e)) return err->code() == "index_locked";
  return false;
}

core::Error locked_error(const fs::path& dir) {
  return core::Error(core::ErrorKind::unavailable, "index_locked",
                     "فهرس البحث مستخدم من عملية أخرى لمنظومة؛ لكل خادم مجلد فهرس خاص به",
                     "The search index " + dir.string() +
                         " is in use by another manzuma process (a second server on the same data directory?). "
                         "Give each server its own --search-dir (MANZUMA_SEARCH_DIR).")
      .with_detail("Xapian write lock held on " + dir.string());
}

/// Opens a generation for writing; a lock held by another process becomes core::Error "index_locked".
std::unique_ptr<Index> open_generation(const fs::path& dir) {
  try {
    return Index::open_writable(dir);
  } catch (const Xapian::DatabaseLockError&) {
    throw locked_error(dir);
  } catch (...) {
    // However the index reports it, a lock someone else holds is the message that helps.
    if (locked(dir)) throw locked_error(dir);
    throw;
  }
}

}  // namespace

void enqueue(db::Session& s, std::string_view type, std::int64_t id) {
  s.exec("INSERT INTO search_outbox (doc_type, doc_id, created_at) VALUES (?, ?, ?)", type, id,
         iso(system_clock::now()));
}

struct Indexer::State {
  State(db::Database& database, fs::path r) : db(database), root(std::move(r)) {}

  db::Database& db;
  const fs::path root;
  std::map<std::string, Source, std::less<>> sources;

  // The writer and everything about it.
  std::mutex mu;
  std::string generation;
  std::unique_ptr<Index> index;
  /// Every outbox row up to here is in the index.
  std::int64_t mark = 0;
  /// Rows above the mark already applied (the mark waits below a gap; see kGapGrace).
  std::set<std::int64_t> applied;
  /// Since when the mark waits below the row after it, if it does.
  std::optional<system_clock::time_point> blocked_since;
  std::string current_at;
  system_clock::time_point last_prune{};
  struct Retired {
    std::unique_ptr<Index> index;
    std::string generation;
    system_clock::time_point at;
  };
  std::vector<Retired> retired;
  bool lock_warned = false;

  // One rebuild at a time in this process (other processes get their own generation number).
  std::mutex rebuild_mu;

  void switch_to(const std::string& name);
  void close_retired(bool all);
  std::size_t apply_new_rows();
  void advance_mark(system_clock::time_point now);
  void prune(system_clock::time_point now);
  std::size_t rebuild(const std::function<void(std::size_t, std::size_t)>& progress);
};

Indexer::Indexer(db::Database& db, fs::path root) : state_(std::make_unique<State>(db, std::move(root))) {}

Indexer::~Indexer() {
  if (!state_) return;
  std::lock_guard lock(state_->mu);
  state_->close_retired(true);
}

void Indexer::add_source(Source s) {
  std::lock_guard lock(state_->mu);
  const std::string type = s.type;
  state_->sources.insert_or_assign(type, std::move(s));
}

void Indexer::State::switch_to(const std::string& name) {
  std::unique_ptr<Index> next;
  try {
    next = open_generation(root / name);
  } catch (const core::Error& e) {
    // Serving an older generation, a lock on the new one is brief: the rebuild that made it closes its writer
    // before naming it, so this is another process racing us. Keep serving and try again next time.
    if (!index || !is_lock_error(e)) throw;
    if (!lock_warned) spdlog::warn("search: generation {} is locked; still serving {}", name, generation);
    lock_warned = true;
    return;
  }
  lock_warned = false;
  if (index) retired.push_back({std::move(index), generation, system_clock::now()});
  index = std::move(next);
  generation = name;
  mark = parse_mark(index->metadata(kMarkKey));
  current_at = index->metadata(kCurrentAtKey);
  applied.clear();
  blocked_since.reset();
  spdlog::info("search: serving {} ({} documents, outbox mark {})", name, index->size(), mark);
}

void Indexer::State::close_retired(bool all) {
  const auto now = system_clock::now();
  bool closed = false;
  for (auto it = retired.begin(); it != retired.end();) {
    if (all || now - it->at >= kRetireAfter) {
      it = retired.erase(it);
      closed = true;
    } else {
      ++it;
    }
  }
  if (closed && !generation.empty()) sweep(root, generation);
}

std::size_t Indexer::catch_up() {
  auto& st = *state_;
  std::lock_guard lock(st.mu);
  for (int attempt = 0;; ++attempt) {
    auto current = read_current(st.root);
    if (!current) {
      if (attempt > 0) throw core::Error::internal("search: a rebuild left no current generation");
      spdlog::info("search: no index in {}; building it", st.root.string());
      st.rebuild({});
      continue;
    }
    if (*current != st.generation) st.switch_to(*current);
    const auto stale_before = iso(system_clock::now() - kStaleAfter);
    if (attempt == 0 && st.current_at < stale_before) {
      // Rows this index needs may have been pruned while it slept: rebuild rather than catch up.
      spdlog::warn("search: {} was last known current at '{}', before the outbox's retention; rebuilding",
                   st.generation, st.current_at);
      st.rebuild({});
      continue;
    }
    break;
  }
  st.close_retired(false);
  const auto applied = st.apply_new_rows();
  st.prune(system_clock::now());
  return applied;
}

std::size_t Indexer::State::apply_new_rows() {
  const auto read_at = system_clock::now();
  std::size_t count = 0;
  const auto before = mark;
  std::int64_t after = mark;
  for (;;) {
    auto rows = db.read([&](db::Session& s) {
      return s.query<OutboxRow>("SELECT id, doc_type, doc_id FROM search_outbox WHERE id > ? ORDER BY id LIMIT ?",
                                after, kOutboxBatch);
    });
    if (rows.empty()) break;
    after = rows.back().id;
    // Each record once per batch, however many times it changed.
    std::set<std::pair<std::string, std::int64_t>> records;
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
      if (applied.count(r.id)) continue;
      records.emplace(r.doc_type, r.doc_id);
      ids.push_back(r.id);
    }
    if (!ids.empty()) {
      db.read([&](db::Session& s) {
        for (const auto& [type, id] : records) {
          auto source = sources.find(type);
          if (source == sources.end()) {
            spdlog::warn("search: outbox row for unknown type '{}' ignored", type);
            continue;
          }
          if (auto doc = source->second.load(s, id))
            index->put(*doc);
          else
            index->remove(type, id);
        }
      });
      applied.insert(ids.begin(), ids.end());
      count += ids.size();
    }
    if (static_cast<std::int64_t>(rows.size()) < kOutboxBatch) break;
  }
  advance_mark(read_at);
  // Every row created before the read (less the grace of a late commit) is now applied or above the mark.
  const auto known = iso(read_at - kGapGrace);
  if (count > 0 || mark != before || current_at < iso(read_at - kRefreshEvery)) {
    index->set_metadata(kMarkKey, std::to_string(mark));
    index->set_metadata(kCurrentAtKey, known);
    // One commit for the documents and the mark: a crash before it applies the same rows again, no harm.
    index->commit();
    current_at = known;
  }
  return count;
}

void Indexer::State::advance_mark(system_clock::time_point now) {
  for (;;) {
    while (!applied.empty() && *applied.begin() <= mark) applied.erase(applied.begin());
    while (!applied.empty() && *applied.begin() == mark + 1) {
      mark = *applied.begin();
      applied.erase(applied.begin());
    }
    if (applied.empty()) {
      blocked_since.reset();
      return;
    }
    // Rows above a missing id were applied: wait for it a while, then pass it.
    if (!blocked_since) blocked_since = now;
    if (now - *blocked_since < kGapGrace) return;
    spdlog::warn("search: outbox rows {}..{} never appeared; passing them", mark + 1, *applied.begin() - 1);
    mark = *applied.begin() - 1;
    blocked_since.reset();
  }
}

void Indexer::State::prune(system_clock::time_point now) {
  // Safe because an index that may need a pruned row is never caught up: one not known current for
  // kStaleAfter (a day less than the retention) is rebuilt from the records instead (catch_up()).
  if (now - last_prune < kPruneEvery) return;
  last_prune = now;
  const auto removed = db.write(
      [&](db::Session& s) { return s.exec("DELETE FROM search_outbox WHERE created_at < ?", iso(now - kRetention)); });
  if (removed > 0) spdlog::info("search: pruned {} outbox rows older than 7 days", removed);
}

std::size_t Indexer::rebuild(const std::function<void(std::size_t, std::size_t)>& progress) {
  // The writer lock is not taken: a rebuild writes a new generation and only names it at the end, so a server
  // in this process keeps serving (and catching up) the old one meanwhile and switches at its next catch_up().
  return state_->rebuild(progress);
}

std::size_t Indexer::State::rebuild(const std::function<void(std::size_t, std::size_t)>& progress) {
  std::lock_guard lock(rebuild_mu);
  // Sources are registered at start-up, before the first catch_up() or rebuild(), and never change after.
  std::vector<const Source*> all;
  for (const auto& [type, source] : sources) all.push_back(&source);
  const auto started = system_clock::now();
  // The mark is taken before any record is read, so a change committed while the rebuild reads is applied
  // again by the next catch_up(). It stays a grace period back: on PostgreSQL a transaction holding a lower id
  // may commit after a higher one (see kGapGrace), and applying a row twice costs nothing.
  const auto mark_at = iso(started - kGapGrace);
  const auto start_mark = db.read([&](db::Session& s) {
    return s.query_one<std::int64_t>("SELECT COALESCE(MAX(id), 0) FROM search_outbox WHERE created_at < ?", mark_at)
        .value_or(0);
  });

  std::size_t total = 0;
  for (const auto* source : all) {
    total += db.read([&](db::Session& s) -> std::size_t {
      if (source->count) return source->count(s);
      std::size_t n = 0;
      source->all(s, [&](Document&&) { ++n; });
      return n;
    });
  }

  auto [name, dir] = new_generation(root);
  std::size_t done = 0;
  try {
    auto fresh = open_generation(dir);
    for (const auto* source : all) {
      db.read([&](db::Session& s) {
        source->all(s, [&](Document&& d) {
          fresh->put(d);
          if (++done % kRebuildBatch == 0) {
            fresh->commit();
            if (progress) progress(done, std::max(done, total));
          }
        });
      });
    }
    fresh->set_metadata(kMarkKey, std::to_string(start_mark));
    fresh->set_metadata(kCurrentAtKey, mark_at);
    fresh->commit();
    if (progress) progress(done, std::max(done, total));
    // Close the writer before naming the generation, so a server that switches to it finds the lock free.
    fresh.reset();
    if (auto live = read_current(root); live && generation_number(*live) > generation_number(name)) {
      // A rebuild that started later finished first; its generation is at least as fresh as this one.
      spdlog::info("search: {} is already live, newer than {}; dropping {}", *live, name, name);
      std::error_code ec;
      fs::remove_all(dir, ec);
      return done;
    }
    write_current(root, name);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    throw;
  }
  spdlog::info("search: built {} with {} documents (outbox mark {})", name, done, start_mark);
  sweep(root, name);
  return done;
}

const Index& Indexer::index() {
  std::lock_guard lock(state_->mu);
  if (!state_->index) throw core::Error::internal("search: index() before catch_up()");
  return *state_->index;
}

}  // namespace manzuma::search
