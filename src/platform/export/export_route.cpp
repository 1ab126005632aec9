#include "platform/export/export_route.hpp"

#include <charconv>

#include "core/error.hpp"
#include "http/list_query.hpp"
#include "platform/attachments/multipart.hpp"

namespace manzuma::platform::detail {

namespace {
// The service lists cap a page at 200 rows; the export asks for full pages.
constexpr int kExportPageSize = 200;
}  // namespace

ExportRequest parse_export_request(const http::Request& request, const std::vector<std::string_view>& filters,
                                   const std::vector<std::string_view>& sorts) {
  ExportRequest out;
  http::Request list = request;
  list.query.clear();
  bool have_format = false;
  for (const auto& [key, value] : request.query) {
    if (key == "format") {
      have_format = true;
      if (value == "csv")
        out.format = ExportFormat::csv;
      else if (value == "xlsx")
        out.format = ExportFormat::xlsx;
      else
        throw core::Error::invalid_field("format", "invalid_parameter", "صيغة التصدير يجب أن تكون csv أو xlsx",
                                         "The export format must be csv or xlsx");
    } else if (key == "limit") {
      std::size_t n = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc{} || p != value.data() + value.size() || n < 1 || n > kExportRowCap)
        throw core::Error::invalid_field("limit", "invalid_parameter", "عدد الصفوف يجب أن يكون بين ١ و١٠٠٠٠٠",
                                         "The row limit must be between 1 and 100000");
      out.limit = n;
    } else if (key == "page[size]" || key == "page[after]") {
      throw core::Error::invalid_field(key, "invalid_parameter", "التصدير يشمل كل الصفحات؛ لا يُقبل معامل صفحة",
                                       "An export covers every page; page parameters are not accepted");
    } else {
      list.query.emplace_back(key, value);
    }
  }
  if (!have_format)
    throw core::Error::invalid_field("format", "required", "اختر صيغة التصدير: csv أو xlsx",
                                     "Choose the export format: csv or xlsx");
  out.query = http::parse_list_query(list, filters, sorts);
  out.query.size = kExportPageSize;
  return out;
}

bool advance(core::ListQuery& query, const std::optional<std::string>& next) {
  if (!next) return false;
  auto cursor = core::decode_cursor(*next);
  if (!cursor) return false;
  query.after_value = std::move(cursor->first);
  query.after_id = cursor->second;
  return true;
}

void send_export(http::Context& c, const ExportTable& table, ExportFormat format, const ExportSpec& spec) {
  const std::string_view locale = c.locale();
  const std::string title(locale == "ar" ? spec.title_ar : spec.title_en);
  if (format == ExportFormat::csv) {
    c.response.content_type = "text/csv; charset=utf-8";
    c.response.body = write_csv(table, locale);
    c.response.set_header("Content-Disposition", attachment_disposition(title + ".csv"));
  } else {
    c.response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    c.response.body = write_xlsx(table, locale, title);
    c.response.set_header("Content-Disposition", attachment_disposition(title + ".xlsx"));
  }
  c.response.set_header("X-Export-Rows", std::to_string(table.rows.size()));
  c.response.set_header("X-Export-Truncated", table.truncated ? "true" : "false");
  c.response.set_header("X-Export-Cap", std::to_string(table.cap));
  c.response.set_header("X-Content-Type-Options", "nosniff");
  c.response.set_header("Cache-Control", "private, no-store");
}

std::vector<std::string> export_query_doc(const std::vector<std::string_view>& filters) {
  std::vector<std::string> out{"format", "limit", "q", "sort"};
  for (auto f : filters) out.push_back("filter[" + std::string(f) + "]");
  return out;
}

}  // namespace manzuma::platform::detail
