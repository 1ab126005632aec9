#include "platform/auth/service.hpp"

#include <algorithm>
#include <cmath>

#include "core/crypto.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "db/query.hpp"
#include "platform/audit/audit.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"

namespace manzuma::platform {

using namespace std::chrono_literals;

namespace {

// Growing back-off: after kAccountFree failures for an account (kAddressFree for an address) each further
// failure doubles the wait, from 30 s up to 15 minutes. Failures older than the window are forgotten.
constexpr int kAccountFree = 5;
constexpr int kAddressFree = 20;
constexpr auto kFirstLock = 30s;
constexpr auto kMaxLock = 15min;
constexpr auto kForgetAfter = 15min;
// Touch last_seen_at (a write) at most this often per session, not on every request.
constexpr auto kTouchEvery = 60s;

struct Throttle {
  std::int64_t failures = 0;
  std::optional<std::string> locked_until;
  std::string updated_at;
};
BOOST_DESCRIBE_STRUCT(Throttle, (), (failures, locked_until, updated_at))

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string last_seen_at;
  std::string expires_at;
  std::string email;
  std::string locale;
  bool active = false;
};
BOOST_DESCRIBE_STRUCT(SessionRow, (), (id, user_id, csrf_token, last_seen_at, expires_at, email, locale, active))

struct SessionDetails {
  std::string csrf_token;
  std::string expires_at;
};
BOOST_DESCRIBE_STRUCT(SessionDetails, (), (csrf_token, expires_at))

struct TokenRow {
  std::int64_t id = 0;
  std::string name;
  std::string prefix;
  std::int64_t user_id = 0;
  std::string scopes;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};
BOOST_DESCRIBE_STRUCT(TokenRow, (),
                      (id, name, prefix, user_id, scopes, created_at, expires_at, last_used_at, revoked_at))

struct TokenAuthRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string scopes;
  std::string expires_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
  std::string email;
  std::string locale;
  bool active = false;
};
BOOST_DESCRIBE_STRUCT(TokenAuthRow, (),
                      (id, user_id, scopes, expires_at, last_used_at, revoked_at, email, locale, active))

constexpr std::string_view kTokenColumns =
    "id, name, prefix, user_id, scopes, created_at, expires_at, last_used_at, revoked_at";

ApiToken to_token(const TokenRow& r) {
  ApiToken t{r.id, r.name, r.prefix, r.user_id, {}, r.created_at, r.expires_at, r.last_used_at, r.revoked_at};
  if (r.scopes.find("read") != std::string::npos) t.scopes.push_back(TokenScope::read);
  if (r.scopes.find("write") != std::string::npos) t.scopes.push_back(TokenScope::write);
  return t;
}

core::Error bad_credentials() {
  return core::Error(core::ErrorKind::unauthenticated, "invalid_credentials",
                     "البريد الإلكتروني أو كلمة المرور غير صحيحة", "The e-mail or password is not correct");
}

struct Candidate {
  std::int64_t id = 0;
  std::optional<std::string> password_hash;
  bool active = false;
};
BOOST_DESCRIBE_STRUCT(Candidate, (), (id, password_hash, active))

core::TimePoint parse_time(const std::string& s) { return core::parse_iso8601(s).value_or(core::TimePoint{}); }

// Counts one sign-in attempt against `key` before the password is checked, in one statement, so attempts
// made in parallel cannot all slip under the limit. Returns how long to wait: the rest of an active lock, or
// (for an attempt beyond `free` in the window) the lock a further failure would earn. 0 lets it through.
std::chrono::seconds count_attempt(db::Session& s, const std::string& key, int free, core::TimePoint now) {
  const auto forget_before = core::iso8601(now - kForgetAfter);
  auto t = s.query_one<Throttle>(
      "INSERT INTO login_throttle (throttle_key, failures, locked_until, updated_at) VALUES (?, 1, NULL, ?)"
      " ON CONFLICT (throttle_key) DO UPDATE SET"
      " failures = CASE WHEN login_throttle.updated_at < ? THEN 1 ELSE login_throttle.failures + 1 END,"
      " locked_until = CASE WHEN login_throttle.updated_at < ? THEN NULL ELSE login_throttle.locked_until END,"
      " updated_at = excluded.updated_at"
      " RETURNING failures, locked_until, updated_at",
      key, core::iso8601(now), forget_before, forget_before);
  if (!t) return std::chrono::seconds{0};
  if (t->locked_until && parse_time(*t->locked_until) > now)
    return std::chrono::ceil<std::chrono::seconds>(parse_time(*t->locked_until) - now);
  if (t->failures > free) return kFirstLock;
  return std::chrono::seconds{0};
}

// After a confirmed failure: once `free` attempts are spent, each failure locks the key for a doubling
// time, 30 s up to 15 minutes.
void lock_after_failure(db::Session& s, const std::string& key, int free, core::TimePoint now) {
  auto failures = s.query_one<std::int64_t>("SELECT failures FROM login_throttle WHERE throttle_key = ?", key);
  if (!failures || *failures < free) return;
  const auto doublings = std::min<std::int64_t>(*failures - free, 10);
  const auto lock = std::min<std::chrono::seconds>(kFirstLock * (std::int64_t{1} << doublings), kMaxLock);
  s.exec("UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ?", core::iso8601(now + lock), key);
}

// A successful sign-in takes back the attempt it counted against its address.
void forgive(db::Session& s, const std::string& key) {
  s.exec("UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0", key);
}

}  // namespace

AuthService::AuthService(db::Database& db, const core::Clock& clock, const core::Config& config,
                         AccountService& accounts)
    : db_(db),
      clock_(clock),
      config_(config),
      accounts_(accounts),
      dummy_hash_(core::hash_password(core::random_token(16), config.password_cost)) {}

std::int64_t AuthService::session_max_age() const {
  return std::chrono::duration_cast<std::chrono::seconds>(config_.session.absolute).count();
}

std::pair<std::string, std::string> AuthService::session_details(std::int64_t session_id) {
  auto r = db_.read([&](db::Session& s) {
    return s.query_one<SessionDetails>("SELECT csrf_token, expires_at FROM sessions WHERE id = ?", session_id);
  });
  if (!r) return {};
  return {r->csrf_token, r->expires_at};
}

std::vector<core::Membership> AuthService::memberships(db::Session& s, std::int64_t user_id) {
  return s.query<core::Membership>(
      "SELECT m.organization_id, o.path AS organization_path, m.role FROM memberships m"
      " JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? AND o.active = 1",
      user_id);
}

LoginResult AuthService::login(const LoginInput& in, const core::Origin& origin) {
  const std::string email = core::ascii_lower(core::trim(in.email));
  const auto now = clock_.now();
  const std::string account_key = "account:" + email;
  const std::string address_key = "address:" + origin.remote_address;

  // An e-mail address is at most 254 characters; anything longer is refused before it is written anywhere.
  if (email.empty() || email.size() > 254 || origin.remote_address.size() > 64) throw bad_credentials();

  std::chrono::seconds wait{0};
  db_.write([&](db::Session& s) {
    wait = std::max(count_attempt(s, account_key, kAccountFree, now), count_attempt(s, address_key, kAddressFree, now));
  });
  if (wait.count() > 0)
    throw core::Error(core::ErrorKind::too_many_requests, "login_throttled",
                      "محاولات دخول فاشلة كثيرة؛ حاول مرة أخرى بعد " + std::to_string(wait.count()) + " ثانية",
                      "Too many failed sign-ins; try again in " + std::to_string(wait.count()) + " seconds")
        .with_retry_after(static_cast<int>(wait.count()));
  auto candidate = db_.read([&](db::Session& s) {
    return s.query_one<Candidate>("SELECT id, password_hash, active FROM users WHERE email = ?", email);
  });

  // Verify outside any transaction (argon2id is slow on purpose), and verify something even for an unknown
  // e-mail so the answer takes as long either way.
  const bool sane = in.password.size() <= 1024 && core::valid_utf8(in.password);
  const bool has_hash = candidate && candidate->password_hash;
  const bool matches = sane && core::verify_password(has_hash ? *candidate->password_hash : dummy_hash_, in.password);
  if (!(matches && has_hash && candidate->active)) {
    db_.write([&](db::Session& s) {
      lock_after_failure(s, account_key, kAccountFree, now);
      lock_after_failure(s, address_key, kAddressFree, now);
      audit(s, clock_, nullptr, origin,
            {"auth.login_failed",
             "user",
             candidate ? std::to_string(candidate->id) : std::string(),
             std::nullopt,
             {{"email", email}}},
            email);
    });
    throw bad_credentials();
  }

  std::optional<std::string> rehash;
  if (core::password_needs_rehash(*candidate->password_hash, config_.password_cost))
    rehash = core::hash_password(in.password, config_.password_cost);

  LoginResult out;
  out.session_token = core::random_token(32);
  const std::string csrf = core::random_token(24);
  const auto expires = now + config_.session.absolute;
  core::Actor actor;
  actor.user_id = candidate->id;
  actor.email = email;
  actor.origin = origin;
  db_.write([&](db::Session& s) {
    s.exec("DELETE FROM login_throttle WHERE throttle_key = ?", account_key);
    forgive(s, address_key);
    if (rehash) s.exec("UPDATE users SET password_hash = ? WHERE id = ?", *rehash, candidate->id);
    actor.session_id = s.query_one<std::int64_t>(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, remote_address,"
        " user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        core::sha256_hex(out.session_token), candidate->id, csrf, core::iso8601(now), core::iso8601(now),
        core::iso8601(expires), origin.remote_address, origin.user_agent.substr(0, 300));
    // Sessions past their absolute expiry are swept here rather than by a timer.
    s.exec("DELETE FROM sessions WHERE expires_at < ?", core::iso8601(now));
    audit(s, clock_, &actor, origin, {"auth.login", "session", std::to_string(*actor.session_id), std::nullopt, {}});
    actor.memberships = memberships(s, candidate->id);
  });
  out.me = me(actor);
  out.me.csrf_token = csrf;
  out.me.session_expires_at = core::iso8601(expires);
  return out;
}

void AuthService::logout(const core::Actor& actor) {
  if (!actor.session_id) return;
  db_.write([&](db::Session& s) {
    s.exec("DELETE FROM sessions WHERE id = ?", *actor.session_id);
    audit(s, clock_, &actor, actor.origin,
          {"auth.logout", "session", std::to_string(*actor.session_id), std::nullopt, {}});
  });
}

Me AuthService::me(const core::Actor& actor) {
  Me out;
  out.user = accounts_.me(actor);
  out.permissions = permitted_actions(actor);
  return out;
}

std::optional<core::Actor> AuthService::authenticate(const Credentials& c) {
  const auto now = clock_.now();
  if (c.authorization) {
    std::string_view h = *c.authorization;
    if (!h.starts_with("Bearer ") || !h.substr(7).starts_with(kTokenPrefix))
      throw core::Error(core::ErrorKind::unauthenticated, "invalid_token", "رمز الوصول غير صالح",
                        "The API token is not valid");
    const auto hash = core::sha256_hex(h.substr(7));
    return db_.read([&](db::Session& s) -> std::optional<core::Actor> {
      auto t = s.query_one<TokenAuthRow>(
          "SELECT t.id, t.user_id, t.scopes, t.expires_at, t.last_used_at, t.revoked_at, u.email, u.locale, u.active"
          " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
          hash);
      if (!t || t->revoked_at || !t->active || parse_time(t->expires_at) <= now)
        throw core::Error(core::ErrorKind::unauthenticated, "invalid_token", "رمز الوصول غير صالح أو منتهي الصلاحية",
                          "The API token is not valid or has expired");
      core::Actor a;
      a.user_id = t->user_id;
      a.email = t->email;
      a.locale = t->locale;
      a.token_id = t->id;
      a.origin = c.origin;
      if (t->scopes.find("read") != std::string::npos) a.token_scopes.emplace_back("read");
      if (t->scopes.find("write") != std::string::npos) a.token_scopes.emplace_back("write");
      a.memberships = memberships(s, t->user_id);
      if (!t->last_used_at || now - parse_time(*t->last_used_at) > kTouchEvery)
        s.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", core::iso8601(now), t->id);
      return a;
    });
  }
  if (!c.session_cookie || c.session_cookie->empty() || c.session_cookie->size() > 128) return std::nullopt;
  const auto hash = core::sha256_hex(*c.session_cookie);
  return db_.read([&](db::Session& s) -> std::optional<core::Actor> {
    auto row = s.query_one<SessionRow>(
        "SELECT se.id, se.user_id, se.csrf_token, se.last_seen_at, se.expires_at, u.email, u.locale, u.active"
        " FROM sessions se JOIN users u ON u.id = se.user_id WHERE se.token_hash = ?",
        hash);
    if (!row) return std::nullopt;
    const auto last_seen = parse_time(row->last_seen_at);
    if (!row->active || parse_time(row->expires_at) <= now || now - last_seen > config_.session.idle) {
      s.exec("DELETE FROM sessions WHERE id = ?", row->id);
      return std::nullopt;
    }
    if (c.unsafe_method && (!c.csrf_header || !core::constant_time_equal(*c.csrf_header, row->csrf_token)))
      throw core::Error(core::ErrorKind::forbidden, "csrf",
                        "انتهت صلاحية الصفحة أو أن الطلب لم يصدر منها؛ أعد تحميل الصفحة وحاول مجددًا",
                        "The page is stale or the request did not come from it; reload the page and try again");
    core::Actor a;
    a.user_id = row->user_id;
    a.email = row->email;
    a.locale = row->locale;
    a.session_id = row->id;
    a.origin = c.origin;
    a.memberships = memberships(s, row->user_id);
    if (now - last_seen > kTouchEvery)
      s.exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", core::iso8601(now), row->id);
    return a;
  });
}

core::Page<ApiToken> AuthService::list_tokens(const core::Actor& actor, const core::ListQuery& q) {
  db::Where w;
  // Platform administrators see every token; the program office its own.
  if (!actor.has_role(core::Role::platform_admin)) w.add("user_id = ?", actor.user_id);
  if (auto v = q.bool_filter("revoked")) w.add(*v ? "revoked_at IS NOT NULL" : "revoked_at IS NULL");
  return db_.read([&](db::Session& s) {
    auto rows = db::fetch_page<TokenRow>(
        s, std::move(w), q,
        {"SELECT " + std::string(kTokenColumns) + " FROM api_tokens", "SELECT COUNT(*) FROM api_tokens", "id", true},
        [](const TokenRow& t) {
          return std::pair{std::string(), t.id};
        });
    core::Page<ApiToken> page{{}, std::move(rows.next), rows.total};
    for (const auto& r : rows.items) page.items.push_back(to_token(r));
    return page;
  });
}

TokenCreated AuthService::issue_token(db::Session& s, const core::Actor* actor, std::int64_t user_id,
                                      const TokenInput& in, const core::Origin& origin) {
  Validator v;
  const auto name = v.text("name", in.name, 2, 100);
  if (in.scopes.empty()) v.fail("scopes", "required", "اختر صلاحية واحدة على الأقل", "Choose at least one scope");
  const int days = in.expires_in_days.value_or(90);
  if (days < 1 || days > 365)
    v.fail("expires_in_days", "out_of_range", "مدة الصلاحية بين يوم و٣٦٥ يومًا", "Must be between 1 and 365 days");
  v.check();
  const bool write = std::find(in.scopes.begin(), in.scopes.end(), TokenScope::write) != in.scopes.end();
  const std::string scopes = write ? "read write" : "read";
  TokenCreated out;
  out.secret = std::string(kTokenPrefix) + core::random_token(32);
  const auto now = clock_.now();
  const auto id = *s.query_one<std::int64_t>(
      "INSERT INTO api_tokens (token_hash, prefix, user_id, name, scopes, created_at, expires_at) VALUES"
      " (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      core::sha256_hex(out.secret), out.secret.substr(0, 10), user_id, name, scopes, core::iso8601(now),
      core::iso8601(now + std::chrono::days(days)));
  out.token =
      to_token(*s.query_one<TokenRow>("SELECT " + std::string(kTokenColumns) + " FROM api_tokens WHERE id = ?", id));
  audit(s, clock_, actor, origin,
        {"token.create",
         "api_token",
         std::to_string(id),
         std::nullopt,
         {{"name", name}, {"scopes", scopes}, {"user_id", user_id}, {"expires_at", out.token.expires_at}}},
        actor ? std::string_view{} : std::string_view("cli"));
  return out;
}

TokenCreated AuthService::create_token(const core::Actor& actor, const TokenInput& in) {
  return db_.write([&](db::Session& s) { return issue_token(s, &actor, actor.user_id, in, actor.origin); });
}

TokenCreated AuthService::create_token_as_system(std::string_view email, const TokenInput& in,
                                                 const core::Origin& origin) {
  return db_.write([&](db::Session& s) {
    auto id = s.query_one<std::int64_t>("SELECT id FROM users WHERE email = ?", core::ascii_lower(email));
    if (!id) throw core::Error::not_found("المستخدم غير موجود", "No user has this e-mail address");
    return issue_token(s, nullptr, *id, in, origin);
  });
}

void AuthService::revoke_token(const core::Actor& actor, std::int64_t id) {
  db_.write([&](db::Session& s) {
    auto t = s.query_one<TokenRow>("SELECT " + std::string(kTokenColumns) + " FROM api_tokens WHERE id = ?", id);
    if (!t || (t->user_id != actor.user_id && !actor.has_role(core::Role::platform_admin)))
      throw core::Error::not_found("رمز الوصول غير موجود", "The API token was not found");
    if (t->revoked_at) return;
    s.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", core::iso8601(clock_.now()), id);
    audit(s, clock_, &actor, actor.origin, {"token.revoke", "api_token", std::to_string(id), std::nullopt, {}});
  });
}

}  // namespace manzuma::platform
