#pragma once
// What other areas may ask about practices (adoptions, research, the dashboard).

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "search/sync.hpp"

namespace manzuma::modules {

/// The few fields of a practice other areas need.
struct PracticeRef {
  std::int64_t id = 0;
  std::int64_t edition_id = 0;
  std::int64_t organization_id = 0;
  std::optional<std::int64_t> owner_id;
  /// "draft", "published" or "archived".
  std::string status;
  std::string title_ar;
  std::string title_en;
};

/// The practice `id`, whatever its status; nullopt when there is none.
std::optional<PracticeRef> practice_ref(db::Session& s, std::int64_t id);

/// What a research study carries over when it is turned into an applied practice.
struct DraftPractice {
  std::int64_t edition_id = 0;
  std::int64_t organization_id = 0;
  /// A PracticeCategory wire name ("leadership", …); an unknown one is a 400 on field `category`.
  std::string category;
  std::string title_ar;
  std::string title_en;
  std::string summary_ar;
  std::string summary_en;
};

/// Creates a draft practice without an owner inside the caller's write transaction, with the catalogue's
/// rules (the edition must exist and not be closed; titles unique per edition) and an audit row.
/// Returns the new practice's id.
std::int64_t create_draft_practice(db::Session& s, const core::Clock& clock, const core::Actor& actor,
                                   const DraftPractice& in);

/// True when attachment `attachment_id` is a toolkit file `actor` may read through the catalogue: a file of a
/// published practice (everyone browses those), or of a practice the actor owns. For the attachments' reader
/// rules, so a ministry can download OQ's template.
bool toolkit_file_readable(db::Session& s, const core::Actor& actor, std::int64_t attachment_id);

/// Practices in the search index (type "practice"); every write of a practice enqueues it (search/sync.hpp).
manzuma::search::Source practices_search_source();

}  // namespace manzuma::modules
