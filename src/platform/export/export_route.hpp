#pragma once
// One line in an area's routes.cpp offers a list as CSV and XLSX:
//
//   platform::list_export<Practice>(r, "/api/v1/practices",
//       {.action = "practices.read", .title_ar = "الممارسات", .title_en = "practices", .labels = kLabels},
//       kFilters, kSorts, [&svc](http::Context& c, const core::ListQuery& q) { return svc.list(c.actor(), q); });
//
// registers GET /api/v1/practices/export?format=csv|xlsx&<the list's q, filter[...] and sort>[&limit=N], which
// pages through the very service call the list uses (so its policy action and the service's own entity scope
// apply unchanged), cursor by cursor up to kExportRowCap rows, and writes every described member of the row
// type. Include only from routes.cpp files: it brings the router (docs/adr/0005-exports.md).

#include <boost/describe.hpp>
#include <boost/mp11/algorithm.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.hpp"
#include "core/list.hpp"
#include "core/page.hpp"
#include "http/router.hpp"
#include "platform/export/table.hpp"

namespace manzuma::platform {

/// What an area says about its export.
struct ExportSpec {
  /// The list's policy action ("users.read").
  std::string_view action;
  /// The file and sheet name in each language ("المستخدمون", "users").
  std::string_view title_ar;
  std::string_view title_en;
  /// Column labels; a member without one is headed by its field name.
  std::vector<ExportLabel> labels = {};
};

enum class ExportFormat { csv, xlsx };

namespace detail {

struct ExportRequest {
  ExportFormat format = ExportFormat::csv;
  /// The list query with paging taken over by the export.
  core::ListQuery query;
  /// Rows wanted: `limit`, at most kExportRowCap.
  std::size_t limit = kExportRowCap;
};

/// Reads `format` and `limit`, then the list parameters as the list route reads them (400 naming the
/// parameter on anything unknown or malformed).
ExportRequest parse_export_request(const http::Request& request, const std::vector<std::string_view>& filters,
                                   const std::vector<std::string_view>& sorts);
/// Continues `query` after the page's cursor; false on the last page.
bool advance(core::ListQuery& query, const std::optional<std::string>& next);
/// Writes the file into the response with its type, Content-Disposition and row-count headers.
void send_export(http::Context& c, const ExportTable& table, ExportFormat format, const ExportSpec& spec);
/// The documented query parameters of an export route.
std::vector<std::string> export_query_doc(const std::vector<std::string_view>& filters);

}  // namespace detail

/// The member names of a described row type, in declaration order: the export's columns.
template <class Row>
std::vector<std::string_view> export_fields() {
  std::vector<std::string_view> out;
  boost::mp11::mp_for_each<boost::describe::describe_members<Row, boost::describe::mod_public>>(
      [&](auto d) { out.emplace_back(d.name); });
  return out;
}

/// Registers GET `<list_path>/export`; `fetch(context, query)` returns one core::Page<Row> of the list.
template <class Row, class Fetch>
void list_export(http::Router& r, const std::string& list_path, ExportSpec spec, std::vector<std::string_view> filters,
                 std::vector<std::string_view> sorts, Fetch fetch) {
  const std::string_view action = spec.action;
  auto doc_query = detail::export_query_doc(filters);
  r.add(http::Method::get, list_path + "/export",
        {.action = action,
         .summary = "Export the list as CSV (UTF-8 with BOM) or XLSX: format=csv|xlsx, the list's q, filter and "
                    "sort, limit (at most 100000 rows; X-Export-Truncated says when rows were left out)",
         .query = std::move(doc_query),
         .produces = "application/octet-stream"},
        [spec = std::move(spec), filters = std::move(filters), sorts = std::move(sorts),
         fetch = std::move(fetch)](http::Context& c) {
          auto req = detail::parse_export_request(c.request, filters, sorts);
          const auto fields = export_fields<Row>();
          const std::string_view locale = c.locale();
          ExportTable table;
          table.header = export_header(fields, spec.labels, locale);
          table.cap = req.limit;
          bool more = true;
          while (more) {
            core::Page<Row> page = fetch(c, req.query);
            for (const auto& item : page.items) {
              if (table.rows.size() == req.limit) {
                table.truncated = true;
                break;
              }
              const boost::json::value v = core::json::encode(item);
              const auto& obj = v.as_object();
              std::vector<std::string> cells;
              cells.reserve(fields.size());
              for (auto f : fields) {
                auto it = obj.find(f);
                cells.push_back(it == obj.end() ? std::string() : export_cell(it->value(), locale));
              }
              table.rows.push_back(std::move(cells));
            }
            // With the file full, one more page is still read: a row on it means rows were left out.
            more = !table.truncated && detail::advance(req.query, page.next);
          }
          detail::send_export(c, table, req.format, spec);
        });
}

}  // namespace manzuma::platform
