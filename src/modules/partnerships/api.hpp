#pragma once
// What other areas may know of partnerships: the kinds of notice it sends. Its time-driven notices reach the
// notification scan through PartnershipService::due_notices, which the app registers as a due source.

#include <string_view>

#include "search/sync.hpp"

namespace manzuma::modules::partnerships {

/// Notice kinds this area sends.
inline constexpr std::string_view kRenewalKind = "partnership.renewal";
inline constexpr std::string_view kExpiredKind = "partnership.expired";
inline constexpr std::string_view kActionAssignedKind = "partnership.action_assigned";
inline constexpr std::string_view kActionOverdueKind = "partnership.action_overdue";

}  // namespace manzuma::modules::partnerships

namespace manzuma::modules {

/// MoUs in the search index (type "partnership"); every write of an MoU (its texts, parties, areas or status)
/// enqueues it (search/sync.hpp).
manzuma::search::Source partnerships_search_source();

}  // namespace manzuma::modules
