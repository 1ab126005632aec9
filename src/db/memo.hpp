#pragma once
// Results computed from the database, remembered until the next write.
//
// At the national size a list's total costs more than its page (250,000 users filtered by role: 200 ms to
// count, 1 ms to read 50 rows), and the national dashboard aggregates every plan and action. Such a result stays
// right until something is written, so the pool counts committed writes (Database::generation) and a remembered
// result is served only while the generation is the one it was computed in. Writes by other processes (a second
// server on the same PostgreSQL, the CLI on the same SQLite file) do not move this process's generation: for
// them a result is at most `max_age` old (Database::memo_max_age, MANZUMA_MEMO_MAX_AGE_MS; 0 remembers nothing),
// or twice that while it is refreshed.
//
// Stale while refreshing: when a result expired, one caller recomputes it, and the others meanwhile
// - get the previous result at once if it is of their generation and only its age expired (by less than
//   `max_age` again): every write through this server is in it, only other processes' writes may be missing;
// - wait for the new one if the generation moved (a write through this server, maybe the caller's own, is not
//   in the previous result: ADR 0008 promises it is never served), if there is no previous result, or if it
//   is more than twice `max_age` old.
// See docs/adr/0008-results-remembered-until-a-write.md.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/value.hpp"

namespace manzuma::db {

template <class Key, class Result>
class Memo {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Memo(std::size_t capacity = 4096) : capacity_(capacity) {}

  /// The remembered result, if it was computed at `generation` less than `max_age` before `now`.
  std::optional<Result> find(const Key& key, std::uint64_t generation, Clock::time_point now,
                             Clock::duration max_age) const {
    std::lock_guard lock(mu_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || !fresh(it->second, generation, now, max_age)) return std::nullopt;
    return it->second.result;
  }

  /// Remembers `result`, computed at `generation` (read before the computing began, so a write that lands
  /// meanwhile makes the entry stale at once). Beyond capacity everything is forgotten: cheap, and rare.
  void put(Key key, Result result, std::uint64_t generation, Clock::time_point now) {
    std::lock_guard lock(mu_);
    if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
    entries_.insert_or_assign(std::move(key), Entry{std::move(result), generation, now});
  }

  /// The remembered result for `key`, or `compute()`'s, remembered. `db` is the Database the result is read from
  /// (its generation and memo_max_age). One computation at a time per key and generation: callers arriving while
  /// it runs get the previous result if only its age expired, and otherwise wait for the new one (see the top).
  template <class Db, class F>
  Result get(const Db& db, const Key& key, F&& compute) {
    const auto max_age = db.memo_max_age();
    if (max_age <= Clock::duration::zero()) return std::forward<F>(compute)();
    const auto generation = db.generation();
    std::unique_lock lock(mu_);
    for (;;) {
      const auto it = entries_.find(key);
      // The previous result, if every write through this server (as far as this caller knows) is in it.
      const Entry* same = it != entries_.end() && it->second.generation == generation ? &it->second : nullptr;
      const auto now = Clock::now();
      if (same && now - same->at < max_age) return same->result;
      const auto flight = flights_.find(key);
      if (flight == flights_.end() || flight->second != generation) break;
      // Someone refreshes it: serve it meanwhile, if only a little past its age (when every caller waited, the
      // p99 of the national views was their 140-300 ms recomputation, once every max_age).
      if (same && now - same->at < 2 * max_age) return same->result;
      ++waiting_;
      landed_.wait(lock);
      --waiting_;
    }
    flights_.insert_or_assign(key, generation);
    lock.unlock();
    const auto land = [&](const Result* r) {
      std::lock_guard relock(mu_);
      if (const auto f = flights_.find(key); f != flights_.end() && f->second == generation) flights_.erase(f);
      const auto e = entries_.find(key);
      // A result of an older generation never replaces a newer one.
      if (r && (e == entries_.end() || e->second.generation <= generation)) {
        if (e == entries_.end() && entries_.size() >= capacity_) entries_.clear();
        entries_.insert_or_assign(key, Entry{*r, generation, Clock::now()});
      }
      landed_.notify_all();
    };
    try {
      Result r = std::forward<F>(compute)();
      land(&r);
      return r;
    } catch (...) {
      land(nullptr);  // the previous entry stays; the waiters try for themselves (and most likely fail the same way)
      throw;
    }
  }

  /// How many callers wait for a computation now (tests use it to know a caller arrived and waits).
  std::size_t waiting() const {
    std::lock_guard lock(mu_);
    return waiting_;
  }

 private:
  struct Entry {
    Result result;
    std::uint64_t generation;
    Clock::time_point at;
  };
  // Computed in the current generation, and young enough.
  static bool fresh(const Entry& e, std::uint64_t generation, Clock::time_point now, Clock::duration max_age) {
    return e.generation == generation && now - e.at < max_age;
  }
  std::size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable landed_;
  std::map<Key, Entry> entries_;
  std::map<Key, std::uint64_t> flights_;  // keys being computed, and for which generation
  std::size_t waiting_ = 0;
};

/// The key of a query's result: its SQL and parameters, each value tagged with its type (1 and '1', NULL and ''
/// differ) and a text with its length (a text holding the separator does not read as two values).
std::string query_key(std::string_view sql, const std::vector<Value>& params);

}  // namespace manzuma::db
