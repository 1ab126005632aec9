#include "db/database.hpp"

#include <spdlog/spdlog.h>

namespace manzuma::db {

namespace detail {
void conversion_error(std::string_view column, std::string_view expected, const Value& got) {
  static constexpr const char* kKinds[] = {"NULL", "integer", "real", "text"};
  throw core::Error::internal("column '" + std::string(column) + "' holds " + kKinds[got.index()] + ", expected " +
                              std::string(expected));
}
}  // namespace detail

std::unique_ptr<Database> Database::open(std::string_view url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  if (url.starts_with("sqlite:")) {
    std::string path(url.substr(7));
    if (path.starts_with("//")) path.erase(0, 2);  // accept sqlite://path as well
    // Each in-memory connection would be a separate database: keep one.
    if (path == ":memory:") pool_size = 1;
    return std::make_unique<Database>(Dialect::sqlite, pool_size, [path] { return open_sqlite(path); });
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    std::string conninfo(url);
    return std::make_unique<Database>(Dialect::postgres, pool_size, [conninfo] { return open_postgres(conninfo); });
  }
  throw std::invalid_argument("database URL must start with sqlite: or postgresql:// (got '" + std::string(url) + "')");
}

Database::Database(Dialect dialect, std::size_t pool_size, Factory factory)
    : dialect_(dialect), pool_size_(pool_size), factory_(std::move(factory)) {
  // Open one connection now so a bad URL or an unreachable server fails at start, not on first request.
  idle_.push_back(factory_());
  open_ = 1;
}

Database::~Database() = default;

std::int64_t Session::count(std::string_view sql, const std::vector<Value>& params) {
  const auto fresh = [&] { return query_one_values<std::int64_t>(sql, params).value_or(0); };
  if (db_ == nullptr || in_write_ || wrote_) return fresh();
  return db_->counts().get(*db_, query_key(sql, params), fresh);
}

Database::Lease::Lease(Database& d) : db(d) {
  std::unique_lock lock(db.mu_);
  ++db.acquired_;
  if (db.idle_.empty() && db.open_ >= db.pool_size_) {
    ++db.waited_;
    if (!db.cv_.wait_for(lock, std::chrono::seconds(10), [&] { return !db.idle_.empty() || db.open_ < db.pool_size_; }))
      throw core::Error(core::ErrorKind::unavailable, "busy", "الخادم مشغول، حاول بعد قليل",
                        "The server is busy; try again shortly")
          .with_retry_after(1);
  }
  if (!db.idle_.empty()) {
    conn = std::move(db.idle_.back());
    db.idle_.pop_back();
    ++db.in_use_;
    return;
  }
  ++db.open_;
  ++db.in_use_;
  lock.unlock();
  try {
    conn = db.factory_();
  } catch (...) {
    lock.lock();
    --db.open_;
    --db.in_use_;
    db.cv_.notify_one();
    throw;
  }
}

Database::Lease::~Lease() {
  const bool keep = conn && !broken && conn->healthy();
  std::unique_ptr<Connection> dropped;
  {
    std::lock_guard lock(db.mu_);
    --db.in_use_;
    if (keep) {
      db.idle_.push_back(std::move(conn));
    } else {
      dropped = std::move(conn);
      --db.open_;
      spdlog::warn("database connection dropped from the pool");
    }
  }
  db.cv_.notify_one();
}

PoolStats Database::stats() const {
  std::lock_guard lock(mu_);
  return {pool_size_, in_use_, acquired_, waited_};
}

void Database::close_idle() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mu_);
    closing.swap(idle_);
    open_ -= closing.size();
  }
}

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // copy a quoted literal or identifier whole ('' and "" escape themselves)
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace manzuma::db
