// The SQLite backend: WAL, foreign keys on, a busy timeout, statements cached per connection.

#include <sqlite3.h>

#include <unordered_map>

#include "db/database.hpp"

namespace manzuma::db {

namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open SQLite database '" + path + "': " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    // A 16 MiB page cache per connection (SQLite's default is 2 MiB): on the national dataset (600 MB) the hot
    // index pages then stay in the cache instead of being read back with pread on every query. A memory map was
    // tried and dropped: once the indexes of migration 0011 were in, it saved nothing measurable, and each
    // connection's map of the same file counted again in RSS (eight connections read as a 1 GB peak).
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
        " PRAGMA cache_size=-16384;");
  }

  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  Result execute(std::string_view sql, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    struct Reset {
      sqlite3_stmt* s;
      ~Reset() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } reset{stmt};

    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt))
      throw core::Error::internal("statement expects " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                  " parameters, got " + std::to_string(params.size()) + ": " + std::string(sql));
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(params[i]))
        rc = sqlite3_bind_null(stmt, idx);
      else if (auto* n = std::get_if<std::int64_t>(&params[i]))
        rc = sqlite3_bind_int64(stmt, idx, *n);
      else if (auto* d = std::get_if<double>(&params[i]))
        rc = sqlite3_bind_double(stmt, idx, *d);
      else {
        const auto& s = std::get<std::string>(params[i]);
        rc = sqlite3_bind_text(stmt, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) fail(rc, sql);
    }

    Result r;
    int ncol = 0;
    for (bool first = true;; first = false) {
      const int rc = sqlite3_step(stmt);
      // Read the columns after the first step: a schema change re-prepares the statement inside it.
      if (first) {
        ncol = sqlite3_column_count(stmt);
        r.columns.reserve(ncol);
        for (int i = 0; i < ncol; ++i) r.columns.emplace_back(sqlite3_column_name(stmt, i));
      }
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(rc, sql);
      auto& row = r.rows.emplace_back();
      row.reserve(ncol);
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_NULL:
            row.emplace_back(std::monostate{});
            break;
          case SQLITE_INTEGER:
            row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_FLOAT:
            row.emplace_back(sqlite3_column_double(stmt, i));
            break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            row.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
          }
        }
      }
    }
    r.affected = ncol == 0 || sqlite3_stmt_readonly(stmt) == 0 ? sqlite3_changes64(db_) : 0;
    return r;
  }

  void execute_script(std::string_view sql) override {
    const std::string s(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw core::Error::internal("SQLite script failed: " + msg);
    }
  }

  void begin(bool write) override { execute_script(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
  }
  bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    // Dynamic list queries vary; keep the cache bounded so a long-lived connection does not grow without end.
    if (cache_.size() > 512) {
      for (auto& [k, s] : cache_) sqlite3_finalize(s);
      cache_.clear();
    }
    cache_.emplace(std::string(sql), stmt);
    return stmt;
  }

  [[noreturn]] void fail(int rc, std::string_view sql) {
    const std::string msg = sqlite3_errmsg(db_);
    const std::string detail = msg + " [" + std::string(sql.substr(0, 300)) + "]";
    switch (rc) {
      case SQLITE_CONSTRAINT_UNIQUE:
      case SQLITE_CONSTRAINT_PRIMARYKEY:
        throw core::Error(core::ErrorKind::conflict, "unique_violation", "هذه القيمة مستخدمة من قبل",
                          "This value is already in use")
            .with_detail(detail);
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        throw core::Error(core::ErrorKind::conflict, "foreign_key_violation",
                          "السجل مرتبط بسجلات أخرى أو يشير إلى سجل غير موجود",
                          "The record is linked to other records, or refers to one that does not exist")
            .with_detail(detail);
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
      case SQLITE_BUSY_SNAPSHOT:
        throw core::Error(core::ErrorKind::unavailable, "busy", "قاعدة البيانات مشغولة، حاول بعد قليل",
                          "The database is busy; try again shortly")
            .with_detail(detail)
            .with_retry_after(1);
      default:
        throw core::Error::internal("SQLite: " + detail);
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) { return std::make_unique<SqliteConnection>(path); }

}  // namespace manzuma::db
