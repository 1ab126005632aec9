#pragma once
// SQL for practices and their toolkit only.

#include <optional>
#include <string>
#include <vector>

#include "core/list.hpp"
#include "core/page.hpp"
#include "db/database.hpp"
#include "modules/practices/model.hpp"

namespace manzuma::modules::practices {

std::optional<Practice> find(db::Session& s, std::int64_t id);
/// A page of practices; `visible_to` (a user id) limits it to published practices and that user's own.
core::Page<Practice> list(db::Session& s, const core::ListQuery& q, std::optional<std::int64_t> visible_to);
/// The status of edition `id` ("planning", "open", "closed"); nullopt when there is no such edition.
std::optional<std::string> edition_status(db::Session& s, std::int64_t id);
/// Another practice of the edition already has this Arabic title.
bool title_taken(db::Session& s, std::int64_t edition_id, std::string_view title_ar,
                 std::optional<std::int64_t> except_id);
/// The active user `user_id` holds practice_owner in organisation `organization_id` or one of its ancestors.
bool is_practice_owner_of(db::Session& s, std::int64_t user_id, std::int64_t organization_id);
/// The organisation an attachment is filed under; nullopt when there is no such attachment.
std::optional<std::int64_t> attachment_organization(db::Session& s, std::int64_t attachment_id);
/// True when an adoption refers to the practice (false while the adoptions table does not exist yet).
bool has_adoptions(db::Session& s, std::int64_t practice_id);
/// The adoptions of the practice (none while the adoptions table does not exist yet).
std::vector<std::int64_t> adoption_ids(db::Session& s, std::int64_t practice_id);

std::int64_t insert(db::Session& s, const Practice& p);
/// Writes `p` if its stored version is still `p.version - 1`; false when someone else changed it first.
bool update(db::Session& s, const Practice& p);
void remove(db::Session& s, std::int64_t id);

std::vector<ToolkitItem> toolkit(db::Session& s, std::int64_t practice_id);
std::optional<ToolkitItem> find_item(db::Session& s, std::int64_t practice_id, std::int64_t item_id);
std::int64_t next_position(db::Session& s, std::int64_t practice_id);
std::int64_t insert_item(db::Session& s, const ToolkitItem& item, std::int64_t created_by);
void update_item(db::Session& s, const ToolkitItem& item);
void remove_item(db::Session& s, std::int64_t item_id);

}  // namespace manzuma::modules::practices
