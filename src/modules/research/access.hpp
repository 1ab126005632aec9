#pragma once
// Who sees a research study before it is public: one rule for the service and the search index (search.cpp).

#include <initializer_list>

#include "core/actor.hpp"
#include "modules/research/model.hpp"

namespace manzuma::modules::research {

/// Members of the submitting organisation (or an organisation above it) who see its studies at every stage,
/// besides national roles and the assigned reviewers.
inline constexpr std::initializer_list<core::Role> kStaff = {
    core::Role::platform_admin,   core::Role::program_office, core::Role::entity_coordinator,
    core::Role::change_team_head, core::Role::practice_owner, core::Role::contributor,
    core::Role::assessor,         core::Role::viewer};

/// Accepted and applied studies are for everyone signed in.
inline bool is_public(ResearchStatus s) { return s == ResearchStatus::accepted || s == ResearchStatus::applied; }

}  // namespace manzuma::modules::research
