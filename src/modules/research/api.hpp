#pragma once
// What other areas may ask of research studies.

#include <cstdint>
#include <string_view>

#include "core/actor.hpp"
#include "db/database.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

/// True when attachment `attachment_id` is a file of a study `actor` may read: an accepted or applied study
/// (everyone reads those), or one the actor is assigned to review. For the attachments' reader rules, so a
/// reviewer at the Academy can open the file of a study submitted by OQ.
bool study_file_readable(db::Session& s, const core::Actor& actor, std::int64_t attachment_id);

/// Research studies in the search index (type "study"); every write that changes a study's text, status or
/// reviewers enqueues it (search/sync.hpp).
manzuma::search::Source research_search_source();

/// Enqueues the studies of the organisations under `path` (an organisation moved: their readers changed).
void enqueue_studies_under(db::Session& s, std::string_view path);

}  // namespace manzuma::modules
