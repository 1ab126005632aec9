#pragma once
// `manzuma gen-data`: fills an empty database with a deterministic national-scale dataset (DESIGN.md §6) for
// the benchmark and the tests. Rows are written with direct, bound, multi-row INSERTs in chunked
// transactions (services would take hours at this scale), so every area file writes what its service would
// have written: statuses, versions, dates, computed columns and foreign keys that agree with each other.
// No audit rows are written (the chain stays intact), and no search index is built (`manzuma reindex`).
//
// One file per area (gen_<area>.cpp), run in the order of generate(): platform, editions, practices,
// research, adoptions, events, partnerships, change, notifications. A new area adds a file, a function below, and
// its figures in Figures.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/gen/random.hpp"
#include "core/crypto.hpp"
#include "core/day.hpp"
#include "db/database.hpp"

namespace manzuma::app::gen {

enum class Scale { small, national };

/// How much of everything a scale makes.
struct Figures {
  int ministries, branches_per_ministry, ministries_with_branches, governorates, authorities, government_companies,
      private_companies, civil_society, academic;
  int users, office_users;
  int practices, research, adoptions, events, registrations_per_event, partnerships, notifications;
  /// Change initiatives and their anonymous survey responses.
  int change_initiatives, change_responses;
  /// Months of values per adoption indicator (plan actions and milestones are the fixed steps of words.hpp).
  int indicator_months;
};
Figures figures(Scale scale);

struct Options {
  Scale scale = Scale::small;
  std::uint64_t seed = 1;
  /// The argon2id cost of the one password hash every generated user shares.
  core::PasswordCost password_cost = core::default_password_cost();
  /// Progress lines (stderr), or nullptr for none.
  std::FILE* progress = stderr;
};

struct Summary {
  std::int64_t rows = 0;
  double seconds = 0;
};

/// Every generated user's password (generator only: real accounts get their own).
inline constexpr std::string_view kPassword = "Manzuma-Bench-2026!";
inline constexpr std::string_view kEmailDomain = "gen.manzuma.om";

/// Generates into `db`, which must be migrated and hold no users (throws a conflict error otherwise).
Summary generate(db::Database& db, const Options& options);

// ---- What the area files share -------------------------------------------------------------------------

class Writer;

/// Rows of one table, buffered and written as multi-row INSERTs by the Writer.
class Table {
 public:
  Table(Writer& writer, std::string name, std::vector<std::string> columns);
  /// Appends one row; the values are in the order of the columns.
  template <class... V>
  void add(const V&... values) {
    static_assert(sizeof...(V) > 0);
    (pending_.push_back(db::to_value(values)), ...);
    row_added();
  }
  const std::string& name() const { return name_; }
  /// Writes every buffered row: full statements of kRowsPerStatement rows, the rest in power-of-two
  /// statements, so a connection's statement cache holds a handful of shapes per table.
  void flush(db::Session& s);

  static constexpr std::size_t kRowsPerStatement = 256;

 private:
  void row_added();
  const std::string& statement(std::size_t rows);

  Writer& writer_;
  std::string name_;
  std::vector<std::string> columns_;
  std::vector<db::Value> pending_;
  std::map<std::size_t, std::string> statements_;
};

/// One connection, one transaction per chunk of rows, tables flushed in the order they were opened (parents
/// before children, so foreign keys hold at every statement), and progress lines.
class Writer {
 public:
  Writer(db::Session& session, std::FILE* progress);
  /// Opens a table; open parents before children.
  Table& table(std::string name, std::vector<std::string> columns);
  /// Starts an area's progress line (ends the previous one).
  void area(std::string_view name);
  /// Flushes and commits everything.
  void finish();
  std::int64_t rows() const { return rows_; }
  db::Session& session() { return s_; }

  /// Rows per transaction.
  static constexpr std::int64_t kChunkRows = 20000;

 private:
  friend class Table;
  void row_added();
  void flush_all();
  void end_area();

  db::Session& s_;
  std::FILE* progress_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::int64_t rows_ = 0, pending_ = 0;
  std::string area_;
  std::int64_t area_rows_ = 0;
  std::chrono::steady_clock::time_point area_started_, last_line_;
};

/// Days (core/day.hpp writes and shifts them), and timestamps as core::iso8601 writes them.
using Day = std::chrono::sys_days;
Day make_day(int y, unsigned m, unsigned d);
/// "YYYY-MM-DDTHH:MM:SS.000Z", `seconds` into the day.
std::string stamp(Day d, int seconds = 9 * 3600);
/// "YYYY-MM" of `d`.
std::string month_text(Day d);

struct Org {
  std::int64_t id;
  std::string kind;
  std::string name_ar, name_en;
  std::string path;
  /// Users by role ("entity_coordinator", …); `members` all of them.
  std::map<std::string, std::vector<std::int64_t>> by_role;
  std::vector<std::int64_t> members;
};
struct Person {
  std::string name_ar, name_en, email;
  std::size_t org;
};
struct Edition {
  std::int64_t id;
  int number, year;
  bool open;
};
struct Practice {
  std::int64_t id;
  std::size_t edition;
  std::size_t org;
  std::string title_ar, title_en;
  std::string status;
};
struct Adoption {
  std::int64_t id;
  std::size_t edition, org;
  std::string status;
  std::int64_t coordinator;
};

/// What the areas create, for later areas to refer to, and the shared clock and ids.
struct Context {
  Context(Writer& w, const Options& o);

  Writer& w;
  Figures f;
  Options options;
  /// Fixed "now" and today: the same dates on every run, whatever the real clock says.
  std::string now;
  Day today;

  /// An independent stream per area, so that changing one area leaves the others' rows as they were.
  Rng rng(std::string_view area) const;
  /// The next id of `table` (1 on an empty table; the generator writes ids itself so children can refer to them).
  std::int64_t next_id(const std::string& table);

  std::vector<Org> orgs;
  std::vector<std::int64_t> user_ids;
  std::map<std::int64_t, Person> people;
  std::size_t office = 0;  // index in orgs
  std::int64_t admin_user = 0, office_user = 0, coordinator_user = 0;
  std::vector<std::int64_t> office_users, assessors;
  std::vector<Edition> editions;
  std::vector<Practice> practices;
  std::vector<std::int64_t> studies;
  std::vector<Adoption> adoptions;
  /// Open plan actions (id, adoption id) and partnerships, for notifications to point at.
  std::vector<std::pair<std::int64_t, std::int64_t>> actions;
  std::vector<std::int64_t> events, partnerships;

  /// Index of orgs of these kinds.
  std::vector<std::size_t> orgs_of(std::initializer_list<std::string_view> kinds) const;
  /// A user of org `i` with `role`, else any member, else the office user.
  std::int64_t member(Rng& rng, std::size_t i, std::string_view role = {}) const;

 private:
  std::map<std::string, std::int64_t> next_ids_;
};

void gen_platform(Context& c);
void gen_editions(Context& c);
void gen_practices(Context& c);
void gen_research(Context& c);
void gen_adoptions(Context& c);
void gen_events(Context& c);
void gen_partnerships(Context& c);
void gen_change(Context& c);
void gen_notifications(Context& c);

}  // namespace manzuma::app::gen
