#include "platform/export/table.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/error.hpp"

namespace manzuma::platform {

namespace {

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// A member of a nested object that a reader of the file wants to see: not ids or versions, and the name in
// the reader's language only ("organization_name_ar" for Arabic).
bool shown_in_cell(std::string_view key, std::string_view locale) {
  if (key == "id" || key == "version" || key.ends_with("_id")) return false;
  if (key.ends_with("_ar")) return locale == "ar";
  if (key.ends_with("_en")) return locale != "ar";
  return true;
}

std::string truncation_note(const ExportTable& t, std::string_view locale) {
  const std::string n = std::to_string(t.cap);
  return locale == "ar" ? "اقتُصر الملف على أول " + n + " صف؛ ضيّق البحث لتصدير الباقي."
                        : "The file was cut at the first " + n + " rows; narrow the search to export the rest.";
}

/// Removes the file when it goes out of scope, whatever happened.
struct TempFile {
  std::filesystem::path path;
  TempFile() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "manzuma-export-XXXXXX").string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw core::Error::internal("export: cannot create a temporary file");
    ::close(fd);
    path = tmpl;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

// Excel refuses sheet names longer than 31 characters or holding []:*?/\ .
std::string sheet_title(std::string_view name) {
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < name.size() && n < 31;) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string_view cp = name.substr(i, len);
    if (cp.size() == 1 && std::string_view("[]:*?/\\").find(cp[0]) != std::string_view::npos)
      out += '_';
    else
      out += cp;
    i += len;
    ++n;
  }
  return out.empty() ? "Sheet1" : out;
}

}  // namespace

std::vector<std::string> export_header(const std::vector<std::string_view>& fields,
                                       const std::vector<ExportLabel>& labels, std::string_view locale) {
  std::vector<std::string> out;
  out.reserve(fields.size());
  for (auto f : fields) {
    auto it = std::find_if(labels.begin(), labels.end(), [&](const ExportLabel& l) { return l.field == f; });
    out.emplace_back(it == labels.end() ? f : (locale == "ar" ? it->ar : it->en));
  }
  return out;
}

std::string export_cell(const boost::json::value& v, std::string_view locale) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return {};
    case boost::json::kind::string:
      return std::string(v.get_string());
    case boost::json::kind::bool_:
      return v.get_bool() ? "true" : "false";
    case boost::json::kind::int64:
      return std::to_string(v.get_int64());
    case boost::json::kind::uint64:
      return std::to_string(v.get_uint64());
    case boost::json::kind::double_:
      return boost::json::serialize(v);
    case boost::json::kind::array: {
      std::string out;
      for (const auto& x : v.get_array()) {
        std::string cell = export_cell(x, locale);
        if (cell.empty()) continue;
        if (!out.empty()) out += "; ";
        out += cell;
      }
      return out;
    }
    case boost::json::kind::object: {
      std::string out;
      for (const auto& [k, x] : v.get_object()) {
        if (!shown_in_cell(k, locale)) continue;
        std::string cell = export_cell(x, locale);
        if (cell.empty()) continue;
        if (!out.empty()) out += " · ";
        out += cell;
      }
      return out;
    }
  }
  return {};
}

std::string defuse_formula(std::string cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    cell.insert(cell.begin(), '\'');
  return cell;
}

std::string write_csv(const ExportTable& table, std::string_view locale) {
  std::string out = "\xEF\xBB\xBF";  // the BOM: without it Excel reads UTF-8 as the ANSI code page
  auto line = [&out](const std::vector<std::string>& cells) {
    bool first = true;
    for (const auto& raw : cells) {
      if (!first) out += ',';
      first = false;
      const std::string cell = defuse_formula(raw);
      if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        out += cell;
        continue;
      }
      out += '"';
      for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += "\r\n";
  };
  line(table.header);
  for (const auto& row : table.rows) line(row);
  if (table.truncated) line({truncation_note(table, locale)});
  return out;
}

std::string write_xlsx(const ExportTable& table, std::string_view locale, std::string_view sheet_name) {
  TempFile file;
  // Past a few tens of thousands of rows libxlsxwriter's in-memory cell tree grows large; constant-memory
  // mode writes row by row (strings then go inline instead of into sharedStrings.xml, which Excel reads too).
  lxw_workbook_options options{};
  options.constant_memory = table.rows.size() > 20'000 ? LXW_TRUE : LXW_FALSE;
  const std::string tmpdir = std::filesystem::temp_directory_path().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  if (!wb) throw core::Error::internal("export: libxlsxwriter could not start a workbook");
  const std::string title = sheet_title(sheet_name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, title.c_str());
  if (!ws) ws = workbook_add_worksheet(wb, nullptr);
  if (locale == "ar") worksheet_right_to_left(ws);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  std::vector<std::size_t> widths(table.header.size(), 8);
  auto measure = [&widths](std::size_t col, std::string_view text) {
    if (col < widths.size()) widths[col] = std::max(widths[col], code_points(text));
  };
  for (std::size_t c = 0; c < table.header.size(); ++c) measure(c, table.header[c]);
  for (const auto& row : table.rows)
    for (std::size_t c = 0; c < row.size(); ++c) measure(c, row[c]);
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::min<std::size_t>(widths[c] + 2, 60)), nullptr);
  worksheet_freeze_panes(ws, 1, 0);

  for (std::size_t c = 0; c < table.header.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), table.header[c].c_str(), bold);
  lxw_row_t r = 1;
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (row[c].empty()) continue;
      // A string cell is never evaluated as a formula, so the text stays as the user typed it (no apostrophe).
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), row[c].c_str(), nullptr);
    }
    ++r;
  }
  if (table.truncated) worksheet_write_string(ws, r, 0, truncation_note(table, locale).c_str(), bold);

  if (const lxw_error err = workbook_close(wb); err != LXW_NO_ERROR)
    throw core::Error::internal(std::string("export: libxlsxwriter failed: ") + lxw_strerror(err));
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

const std::vector<ExportLabel>& record_export_labels() {
  static const std::vector<ExportLabel> kLabels = {
      {"id", "المعرّف", "ID"},
      {"number", "الرقم", "Number"},
      {"year", "السنة", "Year"},
      {"title_ar", "العنوان بالعربية", "Title (Arabic)"},
      {"title_en", "العنوان بالإنجليزية", "Title (English)"},
      {"summary_ar", "الملخص بالعربية", "Summary (Arabic)"},
      {"summary_en", "الملخص بالإنجليزية", "Summary (English)"},
      {"category", "الفئة", "Category"},
      {"kind", "النوع", "Kind"},
      {"status", "الحالة", "Status"},
      {"health", "سير الخطة", "Plan health"},
      {"percent", "نسبة الإنجاز", "Percent done"},
      {"edition_id", "معرّف النسخة", "Edition ID"},
      {"edition_number", "النسخة", "Edition"},
      {"organization_id", "معرّف الجهة", "Organisation ID"},
      {"organization_name_ar", "الجهة", "Organisation (Arabic)"},
      {"organization_name_en", "الجهة بالإنجليزية", "Organisation"},
      {"practice_id", "معرّف الممارسة", "Practice ID"},
      {"practice_title_ar", "الممارسة", "Practice (Arabic)"},
      {"practice_title_en", "الممارسة بالإنجليزية", "Practice"},
      {"starts_on", "تاريخ البدء", "Starts on"},
      {"ends_on", "تاريخ الانتهاء", "Ends on"},
      {"signed_on", "تاريخ التوقيع", "Signed on"},
      {"expires_on", "تاريخ الانتهاء", "Expires on"},
      {"due_on", "تاريخ الاستحقاق", "Due on"},
      {"version", "الإصدار", "Version"},
      {"created_at", "أُنشئ في", "Created at"},
      {"updated_at", "عُدّل في", "Updated at"},
  };
  return kLabels;
}

}  // namespace manzuma::platform
