#pragma once
// Stored answers to POSTs that carried an Idempotency-Key (DESIGN.md §5), kept for 24 hours per user.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace manzuma::platform {

struct StoredAnswer {
  std::int64_t status = 0;
  std::string body;
};

/// The answer stored for (user, key). Throws conflict when the key was used for a different request.
std::optional<StoredAnswer> find_answer(db::Database& db, const core::Clock& clock, std::int64_t user_id,
                                        std::string_view key, std::string_view route, std::string_view request_hash);

/// Stores an answer; a concurrent retry that stored first wins, silently.
void save_answer(db::Database& db, const core::Clock& clock, std::int64_t user_id, std::string_view key,
                 std::string_view route, std::string_view request_hash, const StoredAnswer& answer);

}  // namespace manzuma::platform
