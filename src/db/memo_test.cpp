#include "db/memo.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
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

// A computation on another thread that holds until released, so that other callers arrive while it runs. It
// returns `value`, or throws when `value` is negative.
class HeldComputation {
 public:
  HeldComputation(FakeDb& db, Memo<std::string, int>& memo, int value)
      : result_(std::async(std::launch::async, [&db, &memo, value, this] {
          return memo.get(db, "figures", [value, this] {
            started_.count_down();
            released_.wait();
            if (value < 0) throw std::runtime_error("the database went away");
            return value;
          });
        })) {
    started_.wait();
  }
  ~HeldComputation() { open(); }  // then the future's destructor waits for the thread
  /// Lets the computation finish, and returns its caller's answer (throws what it threw).
  int release() {
    open();
    return result_.get();
  }

 private:
  void open() {
    if (!released_.try_wait()) released_.count_down();
  }
  std::latch started_{1};
  std::latch released_{1};
  std::future<int> result_;  // last: the thread starts once the latches exist
};

// Asks for "figures" on another thread; a computation there counts in `computations` and answers `value`.
std::future<int> ask(FakeDb& db, Memo<std::string, int>& memo, std::atomic<int>& computations, int value) {
  return std::async(std::launch::async, [&db, &memo, &computations, value] {
    return memo.get(db, "figures", [&] { return ++computations, value; });
  });
}

// Until a caller waits for the running computation (a caller that got an answer instead ends the loop too).
void until_waiting(const Memo<std::string, int>& memo, const std::future<int>& caller) {
  while (memo.waiting() == 0 && caller.wait_for(0s) != std::future_status::ready) std::this_thread::yield();
}

TEST(Memo, OneComputationServesEveryoneWhoAskedMeanwhile) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  HeldComputation first(db, memo, 7);
  // Nothing remembered yet: asked while the first computation runs, it waits for it rather than computing again.
  auto second = ask(db, memo, computations, 8);
  until_waiting(memo, second);
  EXPECT_EQ(memo.waiting(), 1u);
  EXPECT_EQ(first.release(), 7);
  EXPECT_EQ(second.get(), 7);
  EXPECT_EQ(computations.load(), 0);
  // After a write the remembered result is not served.
  ++db.writes;
  EXPECT_EQ(memo.get(db, "figures", [] { return 9; }), 9);
}

TEST(Memo, ServesThePreviousResultAtOnceWhileOneCallerRefreshesItWhenOnlyItsAgeExpired) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  memo.put("figures", 1, db.generation(), Clock::now() - 3s);  // past its 2 s, no write since
  HeldComputation refresh(db, memo, 2);
  auto meanwhile = ask(db, memo, computations, 99);
  // A broken rule would wait for the refresh: bounded so that it fails instead of hanging.
  const bool at_once = meanwhile.wait_for(10s) == std::future_status::ready;
  EXPECT_EQ(refresh.release(), 2);
  ASSERT_TRUE(at_once) << "waited for the refresh";
  EXPECT_EQ(meanwhile.get(), 1) << "the previous result";
  EXPECT_EQ(computations.load(), 0) << "one computation at a time";
  EXPECT_EQ(memo.get(db, "figures", [] { return 99; }), 2) << "the refreshed result is remembered";
}

TEST(Memo, WaitsForTheNewResultAfterAWriteThroughThisServer) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  memo.put("figures", 1, db.generation(), Clock::now());  // young
  ++db.writes;  // someone (maybe the caller) wrote through this server: 1 no longer includes every write
  HeldComputation refresh(db, memo, 2);
  auto meanwhile = ask(db, memo, computations, 99);
  until_waiting(memo, meanwhile);
  EXPECT_NE(meanwhile.wait_for(0s), std::future_status::ready) << "served without the write";
  EXPECT_EQ(refresh.release(), 2);
  EXPECT_EQ(meanwhile.get(), 2);
  EXPECT_EQ(computations.load(), 0);
}

TEST(Memo, WaitsForTheNewResultWhenThePreviousIsTwiceItsAgeOld) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  memo.put("figures", 1, db.generation(), Clock::now() - 5s);  // other processes' writes may be 5 s old in it
  HeldComputation refresh(db, memo, 2);
  auto meanwhile = ask(db, memo, computations, 99);
  until_waiting(memo, meanwhile);
  EXPECT_NE(meanwhile.wait_for(0s), std::future_status::ready) << "served a result past twice its age";
  EXPECT_EQ(refresh.release(), 2);
  EXPECT_EQ(meanwhile.get(), 2);
}

TEST(Memo, AFailedRefreshKeepsThePreviousResultAndWakesWhoWaits) {
  FakeDb db;
  Memo<std::string, int> memo;
  std::atomic<int> computations{0};
  memo.put("figures", 1, db.generation(), Clock::now() - 3s);
  {
    HeldComputation failing(db, memo, -1);
    auto meanwhile = ask(db, memo, computations, 99);
    const bool at_once = meanwhile.wait_for(10s) == std::future_status::ready;
    EXPECT_THROW(failing.release(), std::runtime_error);
    ASSERT_TRUE(at_once);
    EXPECT_EQ(meanwhile.get(), 1);
  }
  {
    // The previous result still serves while the next refresh runs.
    HeldComputation refresh(db, memo, 2);
    auto meanwhile = ask(db, memo, computations, 99);
    const bool at_once = meanwhile.wait_for(10s) == std::future_status::ready;
    EXPECT_EQ(refresh.release(), 2);
    ASSERT_TRUE(at_once);
    EXPECT_EQ(meanwhile.get(), 1);
  }
  EXPECT_EQ(computations.load(), 0);
  // After a write, a caller waiting for a refresh that fails is woken, and computes for itself.
  ++db.writes;
  HeldComputation failing(db, memo, -1);
  auto waiter = ask(db, memo, computations, 3);
  until_waiting(memo, waiter);
  EXPECT_EQ(memo.waiting(), 1u);
  EXPECT_THROW(failing.release(), std::runtime_error);
  EXPECT_EQ(waiter.get(), 3);
  EXPECT_EQ(computations.load(), 1);
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
