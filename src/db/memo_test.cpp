#include "db/memo.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

namespace manzuma::db {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(Memo, ServesACountOnlyInItsGenerationAndForItsMaximumAge) {
  Memo<std::string, std::int64_t> cache(16);
  const auto t0 = Clock::time_point{} + 100s;
  const auto key = query_key("SELECT COUNT(*) FROM users WHERE role = ?", {std::string("viewer")});
  EXPECT_FALSE(cache.find(key, 7, t0, 2s));
  cache.put(key, 42, 7, t0);
  EXPECT_EQ(cache.find(key, 7, t0 + 1s, 2s), 42);
  EXPECT_FALSE(cache.find(key, 8, t0 + 1s, 2s)) << "a write since the count makes it stale";
  EXPECT_FALSE(cache.find(key, 7, t0 + 2s, 2s)) << "another process's writes are bounded by the age";
}

TEST(Memo, KeysTellParameterTypesApart) {
  const std::string sql = "SELECT COUNT(*) FROM t WHERE a = ?";
  EXPECT_NE(query_key(sql, {std::int64_t{1}}), query_key(sql, {std::string("1")}));
  EXPECT_NE(query_key(sql, {std::monostate{}}), query_key(sql, {std::string("")}));
  EXPECT_NE(query_key(sql, {std::string("a"), std::string("b")}), query_key(sql, {std::string("a\x1fsb")}))
      << "a value holding the separator is still one value";
}

TEST(Memo, ForgetsEverythingBeyondItsCapacity) {
  Memo<std::string, std::int64_t> cache(2);
  const auto t = Clock::time_point{} + 1s;
  cache.put("a", 1, 1, t);
  cache.put("b", 2, 1, t);
  cache.put("a", 3, 1, t);  // replacing fits
  EXPECT_EQ(cache.find("b", 1, t, 2s), 2);
  cache.put("c", 4, 1, t);
  EXPECT_FALSE(cache.find("a", 1, t, 2s));
  EXPECT_EQ(cache.find("c", 1, t, 2s), 4);
}

// What Memo::get asks of a database: its write generation and how long a result may serve.
struct FakeDb {
  std::atomic<std::uint64_t> writes{0};
  Clock::duration max_age = 2s;
  std::uint64_t generation() const { return writes.load(); }
  Clock::duration memo_max_age() const { return max_age; }
};

TEST(Memo, OneComputationServesEveryoneWhoAskedMeanwhile) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  std::promise<void> started, release;
  auto release_future = release.get_future().share();
  auto first = std::async(std::launch::async, [&] {
    return memo.get(db, "figures", [&] {
      ++computations;
      started.set_value();
      release_future.wait();
      return 7;
    });
  });
  started.get_future().wait();
  // Asked while the first computation runs: waits for it rather than computing again.
  auto second =
      std::async(std::launch::async, [&] { return memo.get(db, "figures", [&] { return ++computations, 8; }); });
  std::this_thread::sleep_for(50ms);  // let the second caller reach the wait (if it computed, the count shows it)
  release.set_value();
  EXPECT_EQ(first.get(), 7);
  EXPECT_EQ(second.get(), 7);
  EXPECT_EQ(computations.load(), 1);
  // After a write the remembered result is not served.
  ++db.writes;
  EXPECT_EQ(memo.get(db, "figures", [] { return 9; }), 9);
}

TEST(Memo, AFailedComputationIsNotRememberedAndDoesNotStrandWaiters) {
  FakeDb db;
  Memo<std::string, int> memo;
  EXPECT_THROW(memo.get(db, "k", []() -> int { throw std::runtime_error("edition not found"); }), std::runtime_error);
  EXPECT_EQ(memo.get(db, "k", [] { return 3; }), 3);
  db.max_age = Clock::duration::zero();  // off: every call computes
  EXPECT_EQ(memo.get(db, "k", [] { return 4; }), 4);
}

}  // namespace
}  // namespace manzuma::db
