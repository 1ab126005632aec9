// HTTP glue for attachments: a multipart form in, the attachment's JSON or its stored bytes out.

#include "platform/routes.hpp"

#include <charconv>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "platform/attachments/multipart.hpp"
#include "platform/attachments/service.hpp"

namespace manzuma::platform {

namespace {

struct UploadForm {
  const MultipartPart* file = nullptr;
  std::optional<std::int64_t> organization_id;
};

// An id sent as form text; an empty field is an absent one (an HTML form sends "" for an untouched input).
std::optional<std::int64_t> form_id(std::string_view field, std::string_view text) {
  const std::string trimmed = core::trim(text);
  if (trimmed.empty()) return std::nullopt;
  std::int64_t v = 0;
  const auto [p, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), v);
  if (ec != std::errc{} || p != trimmed.data() + trimmed.size() || v <= 0) {
    throw core::Error::invalid_field(std::string(field), "type_integer", "يجب أن تكون القيمة رقم جهة صحيحًا",
                                     "Must be an organisation id (a positive whole number)");
  }
  return v;
}

// Exactly one `file`, at most one `organization_id`, and nothing else: unknown fields are refused by name,
// as they are in JSON bodies.
UploadForm read_upload_form(const std::vector<MultipartPart>& parts) {
  UploadForm form;
  bool has_organization = false;
  for (const auto& p : parts) {
    if (p.name == "file") {
      if (form.file)
        throw core::Error::invalid_field("file", "duplicate", "أرسل ملفًا واحدًا في كل طلب", "Send one file per request");
      form.file = &p;
    } else if (p.name == "organization_id") {
      if (has_organization) {
        throw core::Error::invalid_field("organization_id", "duplicate", "الحقل مكرر", "The field is given twice");
      }
      has_organization = true;
      form.organization_id = form_id(p.name, p.body);
    } else {
      throw core::Error::invalid_field(p.name, "unknown_field", "حقل غير معروف", "Unknown field");
    }
  }
  if (!form.file) throw core::Error::invalid_field("file", "required", "الملف مطلوب", "A file is required");
  return form;
}

void respond_json(http::Context& c, int status, const Attachment& a) {
  c.response.status = status;
  c.response.body = core::json::to_text(core::json::encode(a));
}

}  // namespace

void attachment_routes(http::Router& r, AttachmentService& svc) {
  r.set_tag("attachments");
  r.add(
      http::Method::post, "/api/v1/attachments",
      {.action = "attachments.upload",
       .summary = "Upload a file (multipart: `file`, optional `organization_id`); allowed types: PDF, DOCX, XLSX, "
                  "PPTX, PNG, JPEG, CSV",
       .status = 201,
       .upload = true},
      [&svc](http::Context& c) {
        const auto parts = parse_multipart(c.request.header("content-type").value_or(""), c.request.body);
        const UploadForm form = read_upload_form(parts);
        respond_json(c, 201,
                     svc.upload(c.actor(), form.organization_id, form.file->filename.value_or(""), form.file->body));
      },
      nullptr, &core::json::schema<Attachment>);
  r.add(
      http::Method::get, "/api/v1/attachments/{id}",
      {.action = "attachments.read", .summary = "An attachment's details"},
      [&svc](http::Context& c) { respond_json(c, 200, svc.get(c.actor(), c.id())); }, nullptr,
      &core::json::schema<Attachment>);
  r.add(http::Method::get, "/api/v1/attachments/{id}/content",
        {.action = "attachments.read",
         .summary = "Download an attachment's file",
         .produces = "application/octet-stream"},
        [&svc](http::Context& c) {
          const Attachment a = svc.get(c.actor(), c.id());
          c.response.file_path = svc.content_path(a);
          c.response.file_size = static_cast<std::uint64_t>(a.size);
          c.response.content_type = a.mime_type;
          // Always a download, never rendered in our origin: an uploaded file must not run as our page.
          c.response.set_header("Content-Disposition", attachment_disposition(a.filename));
          c.response.set_header("X-Content-Type-Options", "nosniff");
          c.response.set_header("Cache-Control", "private, no-store");
        });
}

}  // namespace manzuma::platform
