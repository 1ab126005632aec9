#pragma once
// A list as a table of text cells, and its two file forms: CSV (UTF-8 with BOM, RFC 4180) and XLSX
// (libxlsxwriter). No HTTP here: export_route.hpp feeds these from a list route (docs/adr/0005-exports.md).

#include <boost/json/value.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace manzuma::platform {

/// The hard limit of one export; past it the file ends with a row that says so.
inline constexpr std::size_t kExportRowCap = 100'000;

/// A column label an area supplies: the field name it labels, in both languages.
struct ExportLabel {
  std::string_view field;
  std::string_view ar;
  std::string_view en;
};

struct ExportTable {
  /// Header cells, already in the reader's language.
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// True when the list had more rows than the cap; the writers add a closing row that says so.
  bool truncated = false;
  std::size_t cap = kExportRowCap;
};

/// Labels for the fields most records share (id, titles, status, edition, organisation, dates, version, …), for
/// areas whose exports need no labels of their own.
const std::vector<ExportLabel>& record_export_labels();

/// The header of a table of `fields`: each field's label in `locale` ("ar"/"en") when one is given, else the
/// field name.
std::vector<std::string> export_header(const std::vector<std::string_view>& fields,
                                       const std::vector<ExportLabel>& labels, std::string_view locale);

/// One cell from a row's JSON member: strings as they are, numbers and booleans as text, null empty, enums by
/// wire name (they are strings on the wire), arrays joined with "; ", objects as their display values.
std::string export_cell(const boost::json::value& v, std::string_view locale);

/// A cell that a spreadsheet would run as a formula (= + - @, or a leading tab/CR) gets a leading apostrophe.
std::string defuse_formula(std::string cell);

/// The CSV file: UTF-8 BOM, CRLF line ends, fields quoted when they hold a comma, quote or line break.
std::string write_csv(const ExportTable& table, std::string_view locale);

/// The XLSX file: one sheet, right-to-left when `locale` is Arabic, bold frozen header, widths fitted to
/// the text. Written to a temporary file that is read back and removed; throws core::Error (internal) when
/// the library fails.
std::string write_xlsx(const ExportTable& table, std::string_view locale, std::string_view sheet_name);

}  // namespace manzuma::platform
