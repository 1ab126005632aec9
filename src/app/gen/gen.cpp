// The generator's machinery: buffered multi-row inserts in chunked transactions, progress, dates, and the
// order in which the areas run.

#include "app/gen/gen.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"

namespace manzuma::app::gen {

namespace chr = std::chrono;

Figures figures(Scale scale) {
  if (scale == Scale::national) {
    // DESIGN.md §6: 60 ministries and 400 other entities and governorate branches (11 governorates + 160
    // branches + 229 authorities, companies, societies and colleges), 250,000 users.
    return {.ministries = 60,
            .branches_per_ministry = 4,
            .ministries_with_branches = 40,
            .governorates = 11,
            .authorities = 70,
            .government_companies = 60,
            .private_companies = 60,
            .civil_society = 24,
            .academic = 15,
            .users = 250000,
            .office_users = 20,
            .practices = 20000,
            .research = 10000,
            .adoptions = 20000,
            .events = 3000,
            .registrations_per_event = 50,
            .partnerships = 2000,
            .notifications = 500000,
            .change_initiatives = 20000,
            .change_responses = 1000000,
            .indicator_months = 120};
  }
  // The same shape at about a thousandth: 6 ministries + 20 entities, 300 users; finishes in about a second.
  return {.ministries = 6,
          .branches_per_ministry = 2,
          .ministries_with_branches = 3,
          .governorates = 3,
          .authorities = 4,
          .government_companies = 2,
          .private_companies = 2,
          .civil_society = 2,
          .academic = 1,
          .users = 300,
          .office_users = 3,
          .practices = 48,
          .research = 24,
          .adoptions = 40,
          .events = 6,
          .registrations_per_event = 20,
          .partnerships = 4,
          .notifications = 500,
          .change_initiatives = 40,
          .change_responses = 2000,
          .indicator_months = 120};
}

// ---- Table and Writer -----------------------------------------------------------------------------------

Table::Table(Writer& writer, std::string name, std::vector<std::string> columns)
    : writer_(writer), name_(std::move(name)), columns_(std::move(columns)) {}

void Table::row_added() { writer_.row_added(); }

const std::string& Table::statement(std::size_t rows) {
  auto& sql = statements_[rows];
  if (!sql.empty()) return sql;
  sql = "INSERT INTO " + name_ + " (";
  for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  std::string one = "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) one += i ? ", ?" : "?";
  one += ")";
  for (std::size_t r = 0; r < rows; ++r) {
    if (r) sql += ", ";
    sql += one;
  }
  return sql;
}

void Table::flush(db::Session& s) {
  const std::size_t width = columns_.size();
  std::size_t row = 0, rows = pending_.size() / width;
  std::vector<db::Value> params;
  while (row < rows) {
    std::size_t n = kRowsPerStatement;
    while (n > rows - row) n /= 2;
    params.assign(std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>(row * width)),
                  std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>((row + n) * width)));
    s.exec_values(statement(n), params);
    row += n;
  }
  pending_.clear();
}

Writer::Writer(db::Session& session, std::FILE* progress) : s_(session), progress_(progress) {
  s_.connection().begin(true);
}

Table& Writer::table(std::string name, std::vector<std::string> columns) {
  tables_.push_back(std::make_unique<Table>(*this, std::move(name), std::move(columns)));
  return *tables_.back();
}

void Writer::row_added() {
  ++rows_;
  ++area_rows_;
  if (++pending_ >= kChunkRows) {
    flush_all();
    s_.connection().commit();
    s_.connection().begin(true);
  }
  // Look at the clock now and then; print at most four lines a second.
  if (progress_ && (rows_ & 4095) == 0) {
    const auto now = chr::steady_clock::now();
    if (now - last_line_ >= chr::milliseconds(250)) {
      last_line_ = now;
      const double s = chr::duration<double>(now - area_started_).count();
      std::fprintf(progress_, "  %s: %lld rows (%.0f rows/s)\n", area_.c_str(), static_cast<long long>(area_rows_),
                   s > 0 ? static_cast<double>(area_rows_) / s : 0.0);
    }
  }
}

void Writer::flush_all() {
  for (auto& t : tables_) t->flush(s_);
  pending_ = 0;
}

void Writer::end_area() {
  if (area_.empty()) return;
  flush_all();
  if (!progress_) return;
  const double s = chr::duration<double>(chr::steady_clock::now() - area_started_).count();
  std::fprintf(progress_, "%s: %lld rows in %.1f s (%.0f rows/s)\n", area_.c_str(), static_cast<long long>(area_rows_),
               s, s > 0 ? static_cast<double>(area_rows_) / s : 0.0);
}

void Writer::area(std::string_view name) {
  end_area();
  area_ = name;
  area_rows_ = 0;
  area_started_ = last_line_ = chr::steady_clock::now();
}

void Writer::finish() {
  end_area();
  area_.clear();
  flush_all();
  s_.connection().commit();
}

// ---- Dates ----------------------------------------------------------------------------------------------

Day make_day(int y, unsigned m, unsigned d) { return Day{chr::year{y} / chr::month{m} / chr::day{d}}; }

std::string stamp(Day d, int seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.000Z", core::format_day(d).c_str(), seconds / 3600,
                seconds / 60 % 60, seconds % 60);
  return buf;
}

std::string month_text(Day d) { return core::format_day(d).substr(0, 7); }

// ---- Context --------------------------------------------------------------------------------------------

namespace {
// Fixed so that two runs (and the tests) agree on every date; the last edition (2026) is open on it.
const Day kToday = make_day(2026, 12, 1);
}  // namespace

Context::Context(Writer& writer, const Options& o)
    : w(writer), f(figures(o.scale)), options(o), now(stamp(kToday, 8 * 3600)), today(kToday) {}

Rng Context::rng(std::string_view area) const {
  // FNV-1a of the area's name, mixed with the seed.
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char ch : area) h = (h ^ ch) * 0x100000001b3ull;
  Rng mix(options.seed ^ h);
  return Rng(mix.next());
}

std::int64_t Context::next_id(const std::string& table) {
  auto it = next_ids_.find(table);
  if (it == next_ids_.end()) {
    const auto max = w.session().query_one<std::int64_t>("SELECT COALESCE(MAX(id), 0) FROM " + table).value_or(0);
    it = next_ids_.emplace(table, max + 1).first;
  }
  return it->second++;
}

std::vector<std::size_t> Context::orgs_of(std::initializer_list<std::string_view> kinds) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < orgs.size(); ++i)
    for (auto k : kinds)
      if (orgs[i].kind == k) out.push_back(i);
  return out;
}

std::int64_t Context::member(Rng& rng, std::size_t i, std::string_view role) const {
  const Org& o = orgs[i];
  if (!role.empty()) {
    auto it = o.by_role.find(std::string(role));
    if (it != o.by_role.end() && !it->second.empty()) return rng.pick(it->second);
  }
  if (!o.members.empty()) return rng.pick(o.members);
  return office_user;
}

// ---- generate -------------------------------------------------------------------------------------------

Summary generate(db::Database& database, const Options& options) {
  const auto started = chr::steady_clock::now();
  Summary summary;
  database.read([&](db::Session& s) {
    if (s.query_one<std::int64_t>("SELECT COUNT(*) FROM users").value_or(0) > 0)
      throw core::Error(core::ErrorKind::conflict, "database_not_empty", "قاعدة البيانات تحتوي على مستخدمين بالفعل",
                        "The database already has users; gen-data fills only a new, empty database");
    // Users, names and notifications go into their indexes in random order; with SQLite's default 2 MB page
    // cache those pages spill to the WAL and are read back, which made the generator several times slower.
    // The connection's journal and sync pragmas stay as the db layer set them.
    if (s.dialect() == db::Dialect::sqlite) s.exec("PRAGMA cache_size = -524288");  // 512 MiB
    Writer w(s, options.progress);
    Context c(w, options);
    try {
      gen_platform(c);
      gen_editions(c);
      gen_practices(c);
      gen_research(c);
      gen_adoptions(c);
      gen_events(c);
      gen_partnerships(c);
      gen_change(c);
      gen_notifications(c);
      w.finish();
    } catch (...) {
      try {
        s.connection().rollback();
      } catch (...) {
      }
      throw;
    }
    // The generator wrote ids itself: move PostgreSQL's identity sequences past them (SQLite's AUTOINCREMENT
    // follows the largest id on its own).
    if (s.dialect() == db::Dialect::postgres) {
      for (const char* t : {"organizations",       "users",
                            "memberships",         "editions",
                            "practices",           "practice_toolkit_items",
                            "research_studies",    "research_reviewers",
                            "research_comments",   "adoptions",
                            "plan_actions",        "plan_milestones",
                            "adoption_indicators", "events",
                            "event_sessions",      "event_registrations",
                            "partnerships",        "partnership_areas",
                            "partnership_actions", "notifications",
                            "change_teams",        "change_groups",
                            "change_initiatives",  "change_surveys",
                            "change_survey_links", "change_survey_responses",
                            "change_stakeholders", "change_actions",
                            "change_risks",        "change_challenges",
                            "change_gate_reviews", "change_gate_moves"})
        s.query_one<std::int64_t>(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                                  "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " + t + "), false)");
      s.exec("ANALYZE");
    } else {
      s.exec("ANALYZE");
    }
    summary.rows = w.rows();
  });
  summary.seconds = chr::duration<double>(chr::steady_clock::now() - started).count();
  return summary;
}

}  // namespace manzuma::app::gen
