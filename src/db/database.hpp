#pragma once
// One database API over two real backends (SQLite, PostgreSQL). SQL uses `?` placeholders only;
// the PostgreSQL backend rewrites them to $n. Backends throw core::Error with codes
// "unique_violation" and "foreign_key_violation" (409), "busy" (503), or an internal error.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/memo.hpp"
#include "db/value.hpp"

namespace manzuma::db {

enum class Dialect { sqlite, postgres };

/// The rows of one statement, in the backend's own column order.
struct Result {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::int64_t affected = 0;
};

/// One backend connection. Not thread-safe: the pool lends it to one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  /// Runs one statement with `?` placeholders bound to `params`.
  virtual Result execute(std::string_view sql, const std::vector<Value>& params) = 0;
  /// Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  /// Starts a transaction; `write` takes the write lock at once on SQLite (BEGIN IMMEDIATE), so two
  /// writers never deadlock upgrading a read lock.
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// False when the connection is broken and must be replaced.
  virtual bool healthy() = 0;
};

class Database;

/// Typed queries over a connection; what repositories use.
class Session {
 public:
  /// `db` (the pool the connection came from) enables count(); `in_write` says a write transaction is open.
  explicit Session(Connection& c, Database* db = nullptr, bool in_write = false)
      : c_(c), db_(db), in_write_(in_write) {}

  Dialect dialect() const { return c_.dialect(); }

  /// All rows, each mapped to T (a described struct by column name, or a scalar from column one).
  template <class T, class... P>
  std::vector<T> query(std::string_view sql, const P&... params) {
    return query_values<T>(sql, {to_value(params)...});
  }
  template <class T>
  std::vector<T> query_values(std::string_view sql, const std::vector<Value>& params) {
    Result r = c_.execute(sql, params);
    std::vector<T> out;
    if (r.rows.empty()) return out;
    out.reserve(r.rows.size());
    const RowMapper<T> mapper(r.columns);
    for (const auto& row : r.rows) out.push_back(mapper.map(row));
    return out;
  }

  /// The first row, if any.
  template <class T, class... P>
  std::optional<T> query_one(std::string_view sql, const P&... params) {
    return query_one_values<T>(sql, {to_value(params)...});
  }
  template <class T>
  std::optional<T> query_one_values(std::string_view sql, const std::vector<Value>& params) {
    Result r = c_.execute(sql, params);
    if (r.rows.empty()) return std::nullopt;
    return RowMapper<T>(r.columns).map(r.rows.front());
  }

  /// Runs a statement; returns the number of rows it changed.
  template <class... P>
  std::int64_t exec(std::string_view sql, const P&... params) {
    return exec_values(sql, {to_value(params)...});
  }
  std::int64_t exec_values(std::string_view sql, const std::vector<Value>& params) {
    wrote_ = true;
    return c_.execute(sql, params).affected;
  }

  /// A `SELECT COUNT(*) ...`: remembered by the pool until the next write (db/memo.hpp). Counted afresh
  /// inside a write transaction, after this session wrote, or without a pool.
  std::int64_t count(std::string_view sql, const std::vector<Value>& params);

  /// True once exec() ran: the pool then counts the session as a write.
  bool wrote() const { return wrote_; }

  Connection& connection() { return c_; }

 private:
  Connection& c_;
  Database* db_;
  bool in_write_;
  bool wrote_ = false;
};

struct PoolStats {
  std::size_t size = 0;
  std::size_t in_use = 0;
  std::uint64_t acquired = 0;
  /// Times a thread had to wait for a free connection.
  std::uint64_t waited = 0;
};

/// A pool of connections to one database.
class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  /// Opens `url`: "sqlite:PATH", "sqlite::memory:" or "postgresql://..." (also "postgres://...").
  static std::unique_ptr<Database> open(std::string_view url, std::size_t pool_size);

  Database(Dialect dialect, std::size_t pool_size, Factory factory);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }

  /// Runs `fn(Session&)` on a pooled connection without an explicit transaction.
  template <class F>
  decltype(auto) read(F&& fn) {
    Lease lease(*this);
    Session s(*lease.conn, this, false);
    // A statement run here commits on its own: it is a write all the same.
    struct CountWrite {
      Database& db;
      const Session& s;
      ~CountWrite() {
        if (s.wrote()) db.generation_.fetch_add(1, std::memory_order_acq_rel);
      }
    } count_write{*this, s};
    return fn(s);
  }

  /// Runs `fn(Session&)` in a write transaction: committed if it returns, rolled back if it throws.
  template <class F>
  decltype(auto) write(F&& fn) {
    Lease lease(*this);
    Session s(*lease.conn, this, true);
    lease.conn->begin(true);
    try {
      if constexpr (std::is_void_v<decltype(fn(s))>) {
        fn(s);
        lease.conn->commit();
        generation_.fetch_add(1, std::memory_order_acq_rel);
      } else {
        decltype(auto) out = fn(s);
        lease.conn->commit();
        generation_.fetch_add(1, std::memory_order_acq_rel);
        return out;
      }
    } catch (...) {
      try {
        lease.conn->rollback();
      } catch (...) {
        lease.broken = true;
      }
      throw;
    }
  }

  PoolStats stats() const;
  /// Committed writes so far (write() transactions, and sessions of read() that ran exec()).
  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  /// How long a remembered result (db/memo.hpp) may serve when this process wrote nothing: the bound on not
  /// seeing other processes' writes. Zero remembers nothing. Set before serving.
  std::chrono::steady_clock::duration memo_max_age() const {
    return std::chrono::steady_clock::duration(memo_max_age_.load(std::memory_order_relaxed));
  }
  void set_memo_max_age(std::chrono::steady_clock::duration d) {
    memo_max_age_.store(d.count(), std::memory_order_relaxed);
  }
  /// List totals remembered until the next write (Session::count).
  Memo<std::string, std::int64_t>& counts() { return counts_; }
  /// Closes every idle connection (graceful shutdown); later calls reopen as needed.
  void close_idle();

 private:
  struct Lease {
    explicit Lease(Database& db);
    ~Lease();
    Database& db;
    std::unique_ptr<Connection> conn;
    bool broken = false;
  };

  Dialect dialect_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<std::chrono::steady_clock::rep> memo_max_age_{
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::seconds(2)).count()};
  Memo<std::string, std::int64_t> counts_;
  std::size_t pool_size_;
  Factory factory_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
  std::size_t in_use_ = 0;
  std::uint64_t acquired_ = 0;
  std::uint64_t waited_ = 0;
};

/// Backend factories (defined in sqlite.cpp and postgres.cpp; only those files include the C APIs).
std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgres(const std::string& conninfo);

/// Rewrites `?` placeholders to $1..$n, leaving quoted strings, identifiers and comments alone.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace manzuma::db
