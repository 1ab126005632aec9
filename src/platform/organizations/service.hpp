#pragma once
// Rules for organisations: validation, the tree (no cycles, unique names per parent), who may change what.

#include <functional>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "platform/organizations/model.hpp"

namespace manzuma::platform {

class OrganizationService {
 public:
  OrganizationService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  /// Every signed-in user may read the directory of organisations.
  core::Page<Organization> list(const core::Actor& actor, const core::ListQuery& q);
  Organization get(const core::Actor& actor, std::int64_t id);
  /// National roles create anywhere; an entity coordinator only under an organisation in their entity.
  Organization create(const core::Actor& actor, const OrganizationInput& in);
  /// Edits and moves (a new parent_id moves the whole subtree).
  Organization update(const core::Actor& actor, std::int64_t id, const OrganizationUpdate& in);

  /// Creates without an actor (seed data and the CLI); audited as "system".
  Organization create_as_system(const OrganizationInput& in, const core::Origin& origin);

  /// Called inside the transaction that moved an organisation, with its new path (its subtree's paths start
  /// with it): areas whose readers are found by organisation path re-index their records there. The app
  /// registers these at start-up.
  using MoveListener = std::function<void(db::Session&, std::string_view new_path)>;
  void add_move_listener(MoveListener listener) { move_listeners_.push_back(std::move(listener)); }

 private:
  Organization create_in(db::Session& s, const core::Actor* actor, const OrganizationInput& in,
                         const core::Origin& origin);

  db::Database& db_;
  const core::Clock& clock_;
  std::vector<MoveListener> move_listeners_;
};

}  // namespace manzuma::platform
