#include "db/memo.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace manzuma::db
