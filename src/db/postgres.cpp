// The PostgreSQL backend: libpq, one prepared statement per distinct SQL per connection, text format both
// ways, server errors mapped to the same core::Error codes as the SQLite backend.

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "db/database.hpp"

namespace manzuma::db {

namespace {

// Built-in type OIDs (catalog/pg_type_d.h ships with the server headers, not with libpq).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

// Past this many prepared statements the connection forgets them all, as the SQLite cache does.
constexpr std::size_t kMaxPrepared = 512;

/// `conninfo` with any password replaced by "***", for messages that reach a log.
std::string redact_password(std::string s) {
  const auto scheme = s.find("://");
  if (scheme != std::string::npos) {
    const auto start = scheme + 3;
    const auto at = s.find('@', start);
    const auto slash = s.find('/', start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      const auto colon = s.find(':', start);
      if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
    }
  }
  static constexpr std::string_view kKey = "password=";
  for (auto pos = s.find(kKey); pos != std::string::npos; pos = s.find(kKey, pos + kKey.size())) {
    const auto value = pos + kKey.size();
    std::size_t end = value;
    if (end < s.size() && s[end] == '\'') {
      end = s.find('\'', end + 1);
      end = end == std::string::npos ? s.size() : end + 1;
    } else {
      end = s.find_first_of("& \t\r\n", value);
      if (end == std::string::npos) end = s.size();
    }
    s.replace(value, end - value, "***");
  }
  return s;
}

std::string trim_end(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Without this libpq prints every NOTICE (e.g. "table does not exist, skipping") to stderr.
void log_notice(void*, const char* message) { spdlog::debug("postgres: {}", trim_end(message ? message : "")); }

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

Value field_value(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return std::monostate{};
  const char* p = PQgetvalue(res, row, col);
  const auto len = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(p, p + len, n);
      if (ec == std::errc{} && end == p + len) return n;
      break;  // an oid above INT64_MAX cannot happen; keep the text rather than invent a number
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double d = 0;
      auto [end, ec] = std::from_chars(p, p + len, d);
      if (ec == std::errc{} && end == p + len) return d;
      break;  // e.g. a numeric beyond double's range: the exact text is more useful than a wrong number
    }
    case kBoolOid:
      return std::int64_t{len > 0 && p[0] == 't' ? 1 : 0};
    default:
      break;
  }
  return std::string(p, len);
}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& conninfo) {
    // Keywords are applied in order: those before "dbname" are defaults the URL may override, those after it are
    // forced, because the value conversions here rely on UTF-8 text.
    const char* keys[] = {"application_name", "connect_timeout", "dbname", "client_encoding", nullptr};
    const char* values[] = {"manzuma", "10", conninfo.c_str(), "UTF8", nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (conn_ == nullptr) throw std::runtime_error("cannot connect to PostgreSQL: out of memory");
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string msg = trim_end(PQerrorMessage(conn_));
      PQfinish(conn_);
      throw std::runtime_error("cannot connect to PostgreSQL at " + redact_password(conninfo) + ": " +
                               redact_password(msg));
    }
    PQsetNoticeProcessor(conn_, log_notice, nullptr);
    // A SET rather than a connection option, so options= given in the URL (e.g. a search_path) still apply.
    try {
      execute_script("SET TimeZone TO 'UTC'");
    } catch (const core::Error& e) {
      PQfinish(conn_);
      throw std::runtime_error("cannot set up PostgreSQL session: " + e.internal_detail());
    }
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgres; }

  Result execute(std::string_view sql, const std::vector<Value>& params) override {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> ptrs(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::monostate>(params[i])) continue;
      if (auto* n = std::get_if<std::int64_t>(&params[i])) {
        texts[i] = std::to_string(*n);
      } else if (auto* d = std::get_if<double>(&params[i])) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        texts[i] = buf;
      } else {
        texts[i] = std::get<std::string>(params[i]);
      }
      ptrs[i] = texts[i].c_str();
    }

    ResultPtr res = run_prepared(sql, ptrs);
    if (stale_plan(res.get()) && PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      // A table behind a cached "SELECT *" changed shape (a migration ran on another instance). Outside a
      // transaction nothing was done yet, so preparing afresh and running again is safe.
      statements_.erase(std::string(sql));
      res = run_prepared(sql, ptrs);
    }
    const auto status = PQresultStatus(res.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      if (stale_plan(res.get())) statements_.erase(std::string(sql));
      fail(res.get(), sql);
    }

    Result r;
    const int ncol = PQnfields(res.get());
    const int nrow = PQntuples(res.get());
    r.columns.reserve(ncol);
    for (int c = 0; c < ncol; ++c) r.columns.emplace_back(PQfname(res.get(), c));
    r.rows.reserve(nrow);
    for (int i = 0; i < nrow; ++i) {
      auto& row = r.rows.emplace_back();
      row.reserve(ncol);
      for (int c = 0; c < ncol; ++c) row.push_back(field_value(res.get(), i, c));
    }
    // libpq reports a SELECT's row count here; SQLite reports 0 for a read, and callers must see the same number.
    const std::string_view tag = PQcmdStatus(res.get());
    const char* affected = PQcmdTuples(res.get());
    if (!tag.starts_with("SELECT") && affected[0] != '\0') r.affected = std::strtoll(affected, nullptr, 10);
    return r;
  }

  void execute_script(std::string_view sql) override {
    ResultPtr res(PQexec(conn_, std::string(sql).c_str()));
    const auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) fail(res.get(), sql);
  }

  // PostgreSQL takes row locks as it writes, so `write` needs no BEGIN IMMEDIATE equivalent.
  void begin(bool /*write*/) override { execute_script("BEGIN"); }

  void commit() override {
    // COMMIT in a transaction aborted by an earlier error succeeds and silently rolls back: a caller that
    // swallowed that error must not be told its writes were saved.
    if (PQtransactionStatus(conn_) == PQTRANS_INERROR) {
      execute_script("ROLLBACK");
      throw core::Error::internal(
          "PostgreSQL: COMMIT of a transaction aborted by an earlier error; it was rolled back (a database error "
          "was caught and ignored inside the transaction)");
    }
    execute_script("COMMIT");
  }

  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) execute_script("ROLLBACK");
  }

  bool healthy() override {
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    const auto ts = PQtransactionStatus(conn_);
    if (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR) {
      ResultPtr res(PQexec(conn_, "ROLLBACK"));
    }
    return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
  }

 private:
  ResultPtr run_prepared(std::string_view sql, const std::vector<const char*>& params) {
    const std::string& name = prepare(sql);
    ResultPtr res(
        PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), params.data(), nullptr, nullptr, 0));
    if (!res) fail(nullptr, sql);
    return res;
  }

  const std::string& prepare(std::string_view sql) {
    const std::string key(sql);
    auto it = statements_.find(key);
    if (it != statements_.end()) return it->second;
    if (statements_.size() >= kMaxPrepared) {
      // Dynamic list queries vary; keep the server-side set bounded on a long-lived connection.
      execute_script("DEALLOCATE ALL");
      statements_.clear();
    }
    std::string name = "s" + std::to_string(++next_statement_);
    const std::string text = to_postgres_placeholders(sql);
    // Null parameter types: the server infers each from where it is used.
    ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) fail(res.get(), sql);
    return statements_.emplace(key, std::move(name)).first->second;
  }

  static bool stale_plan(const PGresult* res) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    // feature_not_supported is also raised for other reasons; only this message means a stale cached plan.
    if (state == nullptr || std::string_view(state) != "0A000") return false;
    const char* msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    return msg != nullptr &&
           std::string_view(msg).find("cached plan must not change result type") != std::string_view::npos;
  }

  [[noreturn]] void fail(const PGresult* res, std::string_view sql) {
    const char* state_c = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    const std::string state = state_c ? state_c : "";
    // The primary message only: the DETAIL line repeats row values ("Key (email)=(...)"), which logs must not hold.
    const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string msg = primary ? primary : trim_end(PQerrorMessage(conn_));
    const std::string detail = msg + " [" + std::string(sql.substr(0, 300)) + "]";
    if (state == "23505")
      throw core::Error(core::ErrorKind::conflict, "unique_violation", "هذه القيمة مستخدمة من قبل",
                        "This value is already in use")
          .with_detail(detail);
    if (state == "23503")
      throw core::Error(core::ErrorKind::conflict, "foreign_key_violation",
                        "السجل مرتبط بسجلات أخرى أو يشير إلى سجل غير موجود",
                        "The record is linked to other records, or refers to one that does not exist")
          .with_detail(detail);
    if (state == "40001" || state == "40P01" || state == "55P03")
      throw core::Error(core::ErrorKind::unavailable, "busy", "قاعدة البيانات مشغولة، حاول بعد قليل",
                        "The database is busy; try again shortly")
          .with_detail(detail)
          .with_retry_after(1);
    throw core::Error::internal("PostgreSQL" + (state.empty() ? std::string() : " " + state) + ": " + detail);
  }

  PGconn* conn_ = nullptr;
  /// SQL as the caller wrote it → name of its server-side prepared statement.
  std::unordered_map<std::string, std::string> statements_;
  std::uint64_t next_statement_ = 0;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& conninfo) {
  return std::make_unique<PostgresConnection>(conninfo);
}

}  // namespace manzuma::db
