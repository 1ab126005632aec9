#pragma once
// Schema migrations: numbered SQL files embedded in the binary, applied in order, each recorded with a
// checksum so an edited migration is caught before the server starts.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"

namespace manzuma::db {

/// A migration file as embedded at build time: "0001_platform_core.sql" (portable) or a
/// "0001_x.sqlite.sql" / "0001_x.pg.sql" twin.
struct MigrationFile {
  std::string_view filename;
  std::string_view contents;
};

/// One version, with the SQL for each dialect.
struct Migration {
  int version = 0;
  std::string name;
  std::string sqlite_sql;
  std::string postgres_sql;
  /// SHA-256 over the file text(s) as committed.
  std::string checksum;
};

/// Groups files into migrations by version; throws if a version is duplicated or a twin is missing.
std::vector<Migration> load_migrations(std::span<const MigrationFile> files);

/// Replaces the dialect tokens a portable migration may use ({{ID}}: an auto-increment 64-bit key).
std::string render_for(Dialect dialect, std::string_view sql);

struct MigrationStatus {
  int applied = 0;
  int known = 0;
  bool current() const { return applied == known; }
};

/// Applies every pending migration in one transaction (all or nothing). Throws core::Error (internal) naming the
/// version when an applied migration's checksum differs, or the database has a version this binary lacks.
/// Returns the number applied.
int migrate(Database& db, const std::vector<Migration>& migrations);

/// How many are applied; also verifies checksums (throws as migrate() does).
MigrationStatus migration_status(Database& db, const std::vector<Migration>& migrations);

}  // namespace manzuma::db
