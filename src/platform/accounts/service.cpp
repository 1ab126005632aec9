#include "platform/accounts/service.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "platform/accounts/repository.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"

namespace manzuma::platform {

using core::Role;
namespace repo = accounts;

namespace {

core::Error user_not_found() { return core::Error::not_found("المستخدم غير موجود", "The user was not found"); }

// The actor's entity subtrees where they may manage users.
std::vector<std::string> coordinator_paths(const core::Actor& a) {
  std::vector<std::string> out;
  for (const auto& m : a.memberships)
    if (m.role == Role::entity_coordinator) out.push_back(m.organization_path);
  return out;
}

bool national_role(Role r) { return r == Role::platform_admin || r == Role::program_office; }

// What an audit row may say about a user: never a password or hash.
boost::json::object describe_user(const User& u) {
  auto o = core::json::encode(u).as_object();
  o.erase("memberships");
  return o;
}

// How far an entity coordinator reaches a user: sees them when one of their roles is inside the
// coordinator's entity; manages them when all of them are, and none is national.
struct Reach {
  bool sees = false;
  bool manages = false;
};
Reach coordinator_reach(const core::Actor& actor, const User& u, db::Session& s) {
  Reach r{false, !u.memberships.empty()};
  for (const auto& m : u.memberships) {
    const auto path = organization_path(s, m.organization_id);
    const bool covered = path && actor.covers(*path, {Role::entity_coordinator});
    r.sees = r.sees || covered;
    r.manages = r.manages && covered && !national_role(m.role);
  }
  return r;
}

// A national id is digits only, unique among users; empty means none (forms send "").
std::optional<std::string> checked_national_id(db::Session& s, Validator& v, const std::optional<std::string>& value,
                                               std::optional<std::int64_t> self) {
  if (!value) return std::nullopt;
  auto nid = core::trim(*value);
  if (nid.empty()) return std::nullopt;
  if (nid.size() > 20 || !std::all_of(nid.begin(), nid.end(), [](char c) { return c >= '0' && c <= '9'; }))
    v.fail("national_id", "invalid_national_id", "الرقم المدني يجب أن يتكون من أرقام فقط (حتى ٢٠ رقمًا)",
           "The national id must be digits only (up to 20)");
  else if (auto other = accounts::id_by_national_id(s, nid); other && other != self)
    v.fail("national_id", "duplicate", "الرقم المدني مسجل لمستخدم آخر", "Another user has this national id");
  return nid;
}

}  // namespace

void check_password_policy(Validator& v, std::string_view field, std::string_view password, std::string_view email) {
  static constexpr std::string_view kCommon[] = {"password1234", "123456789012", "qwertyuiop12", "manzuma12345",
                                                 "passw0rd1234", "oman12345678", "admin1234567", "welcome12345"};
  const auto n = core::utf8_length(password);
  const std::string lower = core::ascii_lower(password);
  const std::string local = core::ascii_lower(email.substr(0, email.find('@')));
  if (!core::valid_utf8(password) || core::has_control_chars(password)) {
    v.fail(field, "password_invalid", "كلمة المرور تحتوي على رموز غير مسموحة",
           "The password has characters that are not allowed");
  } else if (n < 12) {
    v.fail(field, "password_too_short", "يجب ألا تقل كلمة المرور عن ١٢ حرفًا",
           "The password must be at least 12 characters");
  } else if (n > 128) {
    v.fail(field, "password_too_long", "يجب ألا تزيد كلمة المرور على ١٢٨ حرفًا",
           "The password must be at most 128 characters");
  } else if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); }) ||
             std::find(std::begin(kCommon), std::end(kCommon), lower) != std::end(kCommon)) {
    v.fail(field, "password_common", "كلمة المرور سهلة التخمين", "The password is too easy to guess");
  } else if (!local.empty() && local.size() >= 4 && lower.find(local) != std::string::npos) {
    v.fail(field, "password_contains_email", "يجب ألا تحتوي كلمة المرور على اسم البريد الإلكتروني",
           "The password must not contain your e-mail name");
  }
}

core::Page<User> AccountService::list(const core::Actor& actor, const core::ListQuery& q) {
  std::optional<std::vector<std::string>> scope;
  if (!actor.is_national()) scope = coordinator_paths(actor);
  return db_.read([&](db::Session& s) { return repo::list(s, q, scope); });
}

void AccountService::require_manage(const core::Actor& actor, const User& u, db::Session& s) {
  if (actor.is_national()) {
    // Only a platform administrator manages another platform administrator.
    const bool target_admin = std::any_of(u.memberships.begin(), u.memberships.end(),
                                          [](const MembershipView& m) { return m.role == Role::platform_admin; });
    if (target_admin && !actor.has_role(Role::platform_admin) && u.id != actor.user_id) throw core::Error::forbidden();
    return;
  }
  // A coordinator sees users with a role in their entity, and manages them only when every role the user
  // holds is inside that entity (so they cannot disable someone who also works elsewhere).
  const auto reach = coordinator_reach(actor, u, s);
  if (!reach.sees) throw user_not_found();
  if (!reach.manages) throw core::Error::forbidden();
}

void AccountService::require_may_grant(const core::Actor& actor, const MembershipInput& m, db::Session& s, Validator& v,
                                       std::string_view field) {
  auto org = organization_path(s, m.organization_id);
  if (!org) {
    v.fail(std::string(field) + ".organization_id", "not_found", "الجهة غير موجودة", "The organisation does not exist");
    return;
  }
  if (m.role == Role::platform_admin && !actor.has_role(Role::platform_admin)) throw core::Error::forbidden();
  if (national_role(m.role) && !actor.is_national()) throw core::Error::forbidden();
  if (!in_scope(actor, *org, {Role::entity_coordinator})) throw core::Error::forbidden();
}

User AccountService::get(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    auto u = repo::find(s, id);
    if (!u) throw user_not_found();
    if (!actor.is_national() && u->id != actor.user_id) {
      if (!coordinator_reach(actor, *u, s).sees) throw user_not_found();
      // A coordinator learns nothing of the user's roles in other entities.
      u->memberships = repo::memberships_of(s, id, coordinator_paths(actor));
    }
    return *u;
  });
}

UserCreated AccountService::create(const core::Actor& actor, const UserInput& in) {
  return db_.write([&](db::Session& s) { return create_in(s, &actor, in, actor.origin, {}); });
}

UserCreated AccountService::create_as_system(const UserInput& in, const core::Origin& origin, std::string_view label) {
  return db_.write([&](db::Session& s) { return create_in(s, nullptr, in, origin, label); });
}

UserCreated AccountService::create_in(db::Session& s, const core::Actor* actor, const UserInput& in,
                                      const core::Origin& origin, std::string_view label) {
  Validator v;
  User u;
  u.email = v.email("email", in.email);
  u.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
  u.name_en = v.text("name_en", in.name_en, 2, 200);
  u.national_id = checked_national_id(s, v, in.national_id, std::nullopt);
  u.locale = in.locale.value_or(Locale::ar);
  if (in.memberships.empty())
    v.fail("memberships", "required", "يجب إسناد دور واحد على الأقل للمستخدم", "Give the user at least one role");
  for (std::size_t i = 0; i < in.memberships.size(); ++i) {
    const std::string field = "memberships[" + std::to_string(i) + "]";
    if (actor)
      require_may_grant(*actor, in.memberships[i], s, v, field);
    else if (!organization_path(s, in.memberships[i].organization_id))
      v.fail(field + ".organization_id", "not_found", "الجهة غير موجودة", "The organisation does not exist");
    for (std::size_t j = 0; j < i; ++j)
      if (in.memberships[j].organization_id == in.memberships[i].organization_id &&
          in.memberships[j].role == in.memberships[i].role)
        v.fail(field, "duplicate", "الدور مكرر", "This role is listed twice");
  }
  std::optional<std::string> generated;
  std::string password;
  if (in.password) {
    password = *in.password;
    check_password_policy(v, "password", password, u.email);
  } else {
    generated = core::random_password(20);
    password = *generated;
  }
  if (!v.has_errors() && repo::id_by_email(s, u.email))
    v.fail("email", "duplicate", "البريد الإلكتروني مسجل لمستخدم آخر", "Another user has this e-mail address");
  v.check();

  u.created_at = u.updated_at = core::iso8601(clock_.now());
  u.id = repo::insert(s, u, core::hash_password(password, cost_));
  for (const auto& m : in.memberships) repo::insert_membership(s, u.id, m, u.created_at);
  auto stored = repo::find(s, u.id);
  auto changes = describe_user(*stored);
  boost::json::array roles;
  for (const auto& m : stored->memberships)
    roles.push_back(
        boost::json::object{{"organization_id", m.organization_id}, {"role", core::json::enum_name(m.role)}});
  changes["memberships"] = std::move(roles);
  audit(s, clock_, actor, origin, {"user.create", "user", std::to_string(u.id), std::nullopt, std::move(changes)},
        label);
  return {*stored, generated};
}

User AccountService::update(const core::Actor& actor, std::int64_t id, const UserUpdate& in) {
  return db_.write([&](db::Session& s) {
    auto current = repo::find(s, id);
    if (!current) throw user_not_found();
    require_manage(actor, *current, s);
    if (!in.active && id == actor.user_id)
      throw core::Error::invalid_field("active", "self_disable", "لا يمكنك تعطيل حسابك بنفسك",
                                       "You cannot disable your own account");
    Validator v;
    User u = *current;
    u.email = v.email("email", in.email);
    u.name_ar = v.arabic_text("name_ar", in.name_ar, 2, 200);
    u.name_en = v.text("name_en", in.name_en, 2, 200);
    u.national_id = checked_national_id(s, v, in.national_id, id);
    if (auto other = repo::id_by_email(s, u.email); other && *other != id)
      v.fail("email", "duplicate", "البريد الإلكتروني مسجل لمستخدم آخر", "Another user has this e-mail address");
    v.check();
    if (in.version != current->version) throw stale_version();
    u.locale = in.locale;
    u.active = in.active;
    u.version = current->version + 1;
    u.updated_at = core::iso8601(clock_.now());
    if (!repo::update(s, u)) throw stale_version();
    if (!u.active && current->active) {
      repo::end_sessions(s, id);
      repo::revoke_tokens(s, id, u.updated_at);
    }
    auto changes = changes_between(describe_user(*current), describe_user(u));
    changes.erase("version");
    changes.erase("updated_at");
    audit(s, clock_, &actor, actor.origin,
          {u.active == current->active ? "user.update" : (u.active ? "user.enable" : "user.disable"), "user",
           std::to_string(id), std::nullopt, std::move(changes)});
    return u;
  });
}

PasswordReset AccountService::reset_password(const core::Actor& actor, std::int64_t id) {
  // Hash before taking the write lock: argon2id is deliberately slow.
  PasswordReset out{core::random_password(20)};
  const auto hash = core::hash_password(out.temporary_password, cost_);
  return db_.write([&](db::Session& s) {
    auto u = repo::find(s, id);
    if (!u) throw user_not_found();
    require_manage(actor, *u, s);
    repo::set_password(s, id, hash, core::iso8601(clock_.now()));
    // A reset answers a suspected compromise: whatever the old credentials opened is closed.
    repo::end_sessions(s, id);
    repo::revoke_tokens(s, id, core::iso8601(clock_.now()));
    audit(s, clock_, &actor, actor.origin, {"user.password_reset", "user", std::to_string(id), std::nullopt, {}});
    return out;
  });
}

User AccountService::add_membership(const core::Actor& actor, std::int64_t user_id, const MembershipInput& in) {
  return db_.write([&](db::Session& s) {
    auto u = repo::find(s, user_id);
    if (!u) throw user_not_found();
    require_manage(actor, *u, s);
    Validator v;
    require_may_grant(actor, in, s, v, "membership");
    for (const auto& m : u->memberships)
      if (m.organization_id == in.organization_id && m.role == in.role)
        v.fail("role", "duplicate", "للمستخدم هذا الدور في هذه الجهة من قبل", "The user already has this role here");
    v.check();
    const auto id = repo::insert_membership(s, user_id, in, core::iso8601(clock_.now()));
    audit(s, clock_, &actor, actor.origin,
          {"membership.create",
           "user",
           std::to_string(user_id),
           in.organization_id,
           {{"membership_id", id}, {"organization_id", in.organization_id}, {"role", core::json::enum_name(in.role)}}});
    return *repo::find(s, user_id);
  });
}

User AccountService::remove_membership(const core::Actor& actor, std::int64_t user_id, std::int64_t membership_id) {
  return db_.write([&](db::Session& s) {
    auto u = repo::find(s, user_id);
    if (!u) throw user_not_found();
    require_manage(actor, *u, s);
    auto it = std::find_if(u->memberships.begin(), u->memberships.end(),
                           [&](const MembershipView& m) { return m.id == membership_id; });
    if (it == u->memberships.end())
      throw core::Error::not_found("الدور غير موجود لهذا المستخدم", "The user has no such role");
    if (u->memberships.size() == 1)
      throw core::Error(core::ErrorKind::conflict, "last_membership",
                        "لا يمكن حذف آخر دور للمستخدم؛ عطّل الحساب بدلًا من ذلك",
                        "Cannot remove the user's last role; disable the account instead");
    if (user_id == actor.user_id && it->role == Role::platform_admin)
      throw core::Error(core::ErrorKind::conflict, "self_demote", "لا يمكنك إزالة صلاحية مدير المنصة عن نفسك",
                        "You cannot remove your own platform administrator role");
    repo::delete_membership(s, user_id, membership_id);
    audit(s, clock_, &actor, actor.origin,
          {"membership.delete",
           "user",
           std::to_string(user_id),
           it->organization_id,
           {{"membership_id", membership_id},
            {"organization_id", it->organization_id},
            {"role", core::json::enum_name(it->role)}}});
    return *repo::find(s, user_id);
  });
}

User AccountService::me(const core::Actor& actor) {
  auto u = db_.read([&](db::Session& s) { return repo::find(s, actor.user_id); });
  if (!u) throw core::Error::unauthenticated();
  return *u;
}

User AccountService::update_preferences(const core::Actor& actor, const PreferencesInput& in) {
  return db_.write([&](db::Session& s) {
    auto current = repo::find(s, actor.user_id);
    if (!current) throw core::Error::unauthenticated();
    User u = *current;
    if (in.locale) u.locale = *in.locale;
    if (in.calendar) u.calendar = *in.calendar;
    if (in.digits) u.digits = *in.digits;
    auto changes = changes_between(describe_user(*current), describe_user(u));
    if (changes.empty()) return u;  // nothing to write, nothing to audit
    // Preferences are the user's own and carry no version from the client: last write wins, no 409.
    u.updated_at = core::iso8601(clock_.now());
    u.version = repo::set_preferences(s, u);
    audit(s, clock_, &actor, actor.origin, {"user.preferences", "user", std::to_string(u.id), std::nullopt, changes});
    return u;
  });
}

void AccountService::change_password(const core::Actor& actor, const PasswordChange& in) {
  // Verify outside the write transaction: argon2id is deliberately slow and must not hold the write lock.
  const auto hash = db_.read([&](db::Session& s) { return repo::password_hash(s, actor.user_id); });
  if (!hash || !core::verify_password(*hash, in.current_password))
    throw core::Error::invalid_field("current_password", "wrong_password", "كلمة المرور الحالية غير صحيحة",
                                     "The current password is not correct");
  Validator v;
  check_password_policy(v, "new_password", in.new_password, actor.email);
  if (in.new_password == in.current_password)
    v.fail("new_password", "password_unchanged", "كلمة المرور الجديدة مطابقة للحالية",
           "The new password is the same as the current one");
  v.check();
  const auto new_hash = core::hash_password(in.new_password, cost_);
  db_.write([&](db::Session& s) {
    repo::set_password(s, actor.user_id, new_hash, core::iso8601(clock_.now()));
    repo::end_sessions(s, actor.user_id, actor.session_id);
    audit(s, clock_, &actor, actor.origin,
          {"user.password_change", "user", std::to_string(actor.user_id), std::nullopt, {}});
  });
}

bool AccountService::set_password_as_system(std::string_view email, std::string_view password,
                                            const core::Origin& origin) {
  Validator v;
  check_password_policy(v, "password", password, email);
  v.check();
  const auto hash = core::hash_password(password, cost_);
  return db_.write([&](db::Session& s) {
    auto id = repo::id_by_email(s, core::ascii_lower(email));
    if (!id) return false;
    repo::set_password(s, *id, hash, core::iso8601(clock_.now()));
    repo::end_sessions(s, *id);
    repo::revoke_tokens(s, *id, core::iso8601(clock_.now()));
    audit(s, clock_, nullptr, origin, {"user.password_reset", "user", std::to_string(*id), std::nullopt, {}}, "cli");
    return true;
  });
}

bool AccountService::any_with_role(Role role) {
  return db_.read([&](db::Session& s) { return repo::any_with_role(s, role); });
}

}  // namespace manzuma::platform
