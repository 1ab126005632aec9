#pragma once
// Reads the list convention of every collection route from a request (DESIGN.md §5).

#include <string>
#include <string_view>
#include <vector>

#include "core/list.hpp"
#include "http/message.hpp"

namespace manzuma::http {

/// Parses and validates a list request: unknown parameters, filters or sort fields, a page size outside
/// 1..200 and a cursor that does not decode are 400s naming the parameter.
core::ListQuery parse_list_query(const Request& request, const std::vector<std::string_view>& filters,
                                 const std::vector<std::string_view>& sorts);

/// The documented query parameter names for a list route with these filters.
std::vector<std::string> list_query_doc(const std::vector<std::string_view>& filters);

}  // namespace manzuma::http
