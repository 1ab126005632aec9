#include "platform/organizations/service.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/repository.hpp"
#include "platform/rbac.hpp"
#include "platform/validation.hpp"

namespace manzuma::platform {

using core::Role;
namespace repo = organizations;

namespace {

core::Error organization_not_found(std::string field = {}) {
  return core::Error(core::ErrorKind::not_found, "not_found", "الجهة غير موجودة", "The organisation was not found",
                     std::move(field));
}

// Names, parent and governorate are checked the same way on create and update.
struct Checked {
  std::string name_ar, name_en;
  std::optional<Organization> parent;
};

Checked check_fields(db::Session& s, Validator& v, std::string_view name_ar, std::string_view name_en,
                     std::optional<std::int64_t> parent_id, std::optional<std::int64_t> governorate_id,
                     std::optional<std::int64_t> self_id) {
  Checked c;
  c.name_ar = v.arabic_text("name_ar", name_ar, 2, 200);
  c.name_en = v.text("name_en", name_en, 2, 200);
  if (parent_id) {
    c.parent = repo::find(s, *parent_id);
    if (!c.parent) v.fail("parent_id", "not_found", "الجهة الأم غير موجودة", "The parent organisation does not exist");
  }
  if (governorate_id) {
    auto g = repo::find(s, *governorate_id);
    if (!g || g->kind != OrganizationKind::governorate)
      v.fail("governorate_id", "not_a_governorate", "المحافظة المختارة غير موجودة", "The governorate does not exist");
  }
  if (!v.has_errors()) {
    if (repo::name_taken(s, parent_id, "name_ar", c.name_ar, self_id))
      v.fail("name_ar", "duplicate", "يوجد اسم عربي مطابق تحت الجهة الأم نفسها",
             "Another organisation under the same parent has this Arabic name");
    if (repo::name_taken(s, parent_id, "name_en", c.name_en, self_id))
      v.fail("name_en", "duplicate", "يوجد اسم إنجليزي مطابق تحت الجهة الأم نفسها",
             "Another organisation under the same parent has this English name");
  }
  return c;
}

// Paths are read, checked for cycles and rewritten in one transaction. SQLite serialises writers already;
// on PostgreSQL two concurrent moves ("A under B", "B under A") would each pass the cycle check, so every
// change to the tree's shape takes one transaction-scoped lock first.
void lock_tree(db::Session& s) {
  if (s.dialect() == db::Dialect::postgres) s.exec("SELECT pg_advisory_xact_lock(7262)");
}

// Kinds that are national reference data: only national roles create them or turn something into them.
bool national_kind(OrganizationKind k) {
  return k == OrganizationKind::program_office || k == OrganizationKind::governorate;
}

// True when someone holds a national role in the subtree at `path`: deactivating or moving it would take
// the program office or a platform administrator out of reach.
bool holds_national_roles(db::Session& s, const std::string& path) {
  return s.query_one<std::int64_t>(
              "SELECT COUNT(*) FROM memberships m JOIN organizations o ON o.id = m.organization_id"
              " WHERE o.path LIKE ? AND m.role IN ('platform_admin', 'program_office')",
              path + "%")
             .value_or(0) > 0;
}

void require_may_place(const core::Actor& actor, OrganizationKind kind, const std::optional<Organization>& parent) {
  // Only national roles shape the top of the tree and create program offices and governorates.
  if (actor.is_national()) return;
  if (!parent || national_kind(kind)) throw core::Error::forbidden();
  require_scope(actor, parent->path, {Role::entity_coordinator});
}

}  // namespace

core::Page<Organization> OrganizationService::list(const core::Actor&, const core::ListQuery& q) {
  return db_.read([&](db::Session& s) { return repo::list(s, q); });
}

Organization OrganizationService::get(const core::Actor&, std::int64_t id) {
  auto o = db_.read([&](db::Session& s) { return repo::find(s, id); });
  if (!o) throw organization_not_found();
  return *o;
}

Organization OrganizationService::create(const core::Actor& actor, const OrganizationInput& in) {
  return db_.write([&](db::Session& s) {
    lock_tree(s);
    return create_in(s, &actor, in, actor.origin);
  });
}

Organization OrganizationService::create_as_system(const OrganizationInput& in, const core::Origin& origin) {
  return db_.write([&](db::Session& s) {
    lock_tree(s);
    return create_in(s, nullptr, in, origin);
  });
}

Organization OrganizationService::create_in(db::Session& s, const core::Actor* actor, const OrganizationInput& in,
                                            const core::Origin& origin) {
  Validator v;
  auto c = check_fields(s, v, in.name_ar, in.name_en, in.parent_id, in.governorate_id, std::nullopt);
  if (actor && !v.has_errors()) require_may_place(*actor, in.kind, c.parent);
  v.check();

  Organization o;
  o.kind = in.kind;
  o.name_ar = c.name_ar;
  o.name_en = c.name_en;
  o.parent_id = in.parent_id;
  o.path = c.parent ? c.parent->path : "/";
  o.governorate_id = in.governorate_id;
  o.country = in.country.value_or(c.parent ? c.parent->country : Country::OM);
  o.created_at = o.updated_at = core::iso8601(clock_.now());
  o.id = repo::insert(s, o);
  auto stored = repo::find(s, o.id);
  audit(s, clock_, actor, origin,
        {"organization.create", "organization", std::to_string(o.id), o.id, core::json::encode(*stored).as_object()});
  return *stored;
}

Organization OrganizationService::update(const core::Actor& actor, std::int64_t id, const OrganizationUpdate& in) {
  return db_.write([&](db::Session& s) {
    lock_tree(s);
    auto current = repo::find(s, id);
    if (!current) throw organization_not_found();
    if (!in_scope(actor, current->path, {Role::entity_coordinator})) throw core::Error::forbidden();
    const bool moves = in.parent_id != current->parent_id;
    const bool deactivates = current->active && !in.active;
    if (!actor.is_national()) {
      // Coordinators edit inside their entity, but never national reference data (the program office,
      // governorates), never a subtree where national roles live, and never their own entity's place or
      // existence (that would cut the branch they stand on).
      const bool own_root = std::any_of(actor.memberships.begin(), actor.memberships.end(), [&](const auto& m) {
        return m.role == Role::entity_coordinator && m.organization_id == id;
      });
      if (national_kind(current->kind) || national_kind(in.kind) || ((moves || deactivates) && own_root) ||
          ((moves || deactivates) && holds_national_roles(s, current->path)))
        throw core::Error::forbidden();
    }

    Validator v;
    auto c = check_fields(s, v, in.name_ar, in.name_en, in.parent_id, in.governorate_id, id);
    if (c.parent && c.parent->path.starts_with(current->path))
      v.fail("parent_id", "cycle", "لا يمكن نقل الجهة تحت نفسها أو تحت إحدى الجهات التابعة لها",
             "An organisation cannot move under itself or one of its own children");
    if (in.governorate_id && *in.governorate_id == id)
      v.fail("governorate_id", "not_a_governorate", "لا يمكن أن تكون الجهة محافظةً لنفسها",
             "An organisation cannot be its own governorate");
    if (!v.has_errors() && moves) {
      if (!actor.is_national()) {
        // A coordinator may re-arrange inside their entity but not move its root out of their reach.
        if (!c.parent || !actor.covers(c.parent->path, {Role::entity_coordinator}) ||
            !actor.covers(current->path.substr(0, current->path.size() - std::to_string(id).size() - 1),
                          {Role::entity_coordinator}))
          throw core::Error::forbidden();
      }
    }
    v.check();
    if (in.version != current->version) throw stale_version();

    Organization o = *current;
    o.kind = in.kind;
    o.name_ar = c.name_ar;
    o.name_en = c.name_en;
    o.parent_id = in.parent_id;
    o.governorate_id = in.governorate_id;
    o.country = in.country;
    o.active = in.active;
    o.version = current->version + 1;
    o.updated_at = core::iso8601(clock_.now());
    if (moves) o.path = (c.parent ? c.parent->path : std::string("/")) + std::to_string(id) + "/";
    if (!repo::update(s, o)) throw stale_version();
    if (moves) {
      repo::move_subtree(s, current->path, o.path);
      for (const auto& listener : move_listeners_) listener(s, o.path);
    }
    auto changes = changes_between(core::json::encode(*current), core::json::encode(o));
    changes.erase("version");
    changes.erase("updated_at");
    audit(s, clock_, &actor, actor.origin,
          {moves ? "organization.move" : "organization.update", "organization", std::to_string(id), id,
           std::move(changes)});
    return o;
  });
}

}  // namespace manzuma::platform
