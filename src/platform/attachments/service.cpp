#include "platform/attachments/service.hpp"

#include <fcntl.h>
#include <magic.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "platform/audit/audit.hpp"
#include "platform/organizations/api.hpp"
#include "platform/rbac.hpp"

namespace manzuma::platform {

using core::Role;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kColumns = "id, sha256, size, mime_type, filename, organization_id, uploaded_by, created_at";
constexpr std::size_t kMaxFilenameChars = 200;

constexpr std::string_view kDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kPptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

// How a type is recognised from its bytes.
enum class Recognition {
  // libmagic names the type itself.
  exact,
  // A zip container: libmagic 5.44 names OOXML only when the first entries are in Office's own order, and
  // otherwise says application/zip (or octet-stream); the extension then decides, once the package marker is seen.
  ooxml,
  // Text: libmagic says text/csv only when several lines split alike; a one-column CSV is text/plain.
  utf8_text,
};

struct FileType {
  std::string_view extension;
  /// What is stored and sent back as Content-Type.
  std::string_view mime;
  Recognition recognition;
};

// The allow-list. An extension appears once; a type may have several extensions.
constexpr FileType kAllowed[] = {
    {"pdf", "application/pdf", Recognition::exact},
    {"docx", kDocx, Recognition::ooxml},
    {"xlsx", kXlsx, Recognition::ooxml},
    {"pptx", kPptx, Recognition::ooxml},
    {"png", "image/png", Recognition::exact},
    {"jpg", "image/jpeg", Recognition::exact},
    {"jpeg", "image/jpeg", Recognition::exact},
    {"csv", "text/csv", Recognition::utf8_text},
};

constexpr std::string_view kAllowedAr = "الأنواع المسموحة: PDF وDOCX وXLSX وPPTX وPNG وJPEG وCSV.";
constexpr std::string_view kAllowedEn = "Allowed types: PDF, DOCX, XLSX, PPTX, PNG, JPEG, CSV.";

core::Error type_not_allowed(std::string_view why_ar, std::string_view why_en) {
  return core::Error(core::ErrorKind::unsupported_media_type, "file_type_not_allowed",
                     std::string(why_ar) + " " + std::string(kAllowedAr),
                     std::string(why_en) + " " + std::string(kAllowedEn), "file");
}

core::Error attachment_not_found() {
  return core::Error::not_found("المرفق غير موجود", "The attachment was not found");
}

// libmagic handles are not thread-safe, and loading the database costs milliseconds: one per thread, kept.
class MagicCookie {
 public:
  MagicCookie() : handle_(magic_open(MAGIC_MIME_TYPE)) {
    if (!handle_) {
      error_ = std::strerror(errno);
    } else if (magic_load(handle_, nullptr) != 0) {
      const char* e = magic_error(handle_);
      error_ = e ? e : "magic_load failed";
      magic_close(handle_);
      handle_ = nullptr;
    }
  }
  ~MagicCookie() {
    if (handle_) magic_close(handle_);
  }
  MagicCookie(const MagicCookie&) = delete;
  MagicCookie& operator=(const MagicCookie&) = delete;

  std::string mime_type(std::string_view bytes) {
    if (!handle_) throw core::Error::internal("libmagic unavailable: " + error_);
    const char* type = magic_buffer(handle_, bytes.data(), bytes.size());
    if (!type) {
      const char* e = magic_error(handle_);
      throw core::Error::internal(std::string("libmagic failed: ") + (e ? e : "unknown"));
    }
    return type;
  }

 private:
  magic_t handle_;
  std::string error_;
};

std::string detect_mime_type(std::string_view bytes) {
  thread_local MagicCookie cookie;
  return cookie.mime_type(bytes);
}

// A zip whose directory names the OOXML package manifest. Local headers open the file and the central
// directory closes it, and both spell every entry name in clear, so the head and the tail are enough.
bool is_ooxml_package(std::string_view bytes) {
  constexpr std::string_view kMarker = "[Content_Types].xml";
  constexpr std::size_t kWindow = 64 * 1024;
  if (!bytes.starts_with(std::string_view("PK\x03\x04", 4))) return false;
  if (bytes.substr(0, kWindow).find(kMarker) != std::string_view::npos) return true;
  return bytes.size() > kWindow && bytes.substr(bytes.size() - kWindow).find(kMarker) != std::string_view::npos;
}

bool recognised_as(const FileType& t, std::string_view detected, std::string_view bytes) {
  switch (t.recognition) {
    case Recognition::exact:
      return detected == t.mime;
    case Recognition::ooxml:
      return detected == t.mime ||
             ((detected == "application/zip" || detected == "application/octet-stream") && is_ooxml_package(bytes));
    case Recognition::utf8_text:
      return (detected == "text/csv" || detected == "text/plain") && core::valid_utf8(bytes);
  }
  return false;
}

// The allowed type of `bytes` given the name's extension (lower case; empty when the name has none), or 415.
const FileType& check_type(std::string_view extension, std::string_view bytes) {
  const std::string detected = detect_mime_type(bytes);
  const std::string detail = "detected " + detected + " for extension '" + std::string(extension) + "'";
  if (extension.empty()) {
    // A name without an extension cannot contradict the content, so the content alone must name an allowed
    // type; containers and plain text, which could be several things, are refused.
    for (const auto& t : kAllowed)
      if (detected == t.mime && (t.recognition != Recognition::utf8_text || core::valid_utf8(bytes))) return t;
    throw type_not_allowed("نوع الملف غير مسموح.", "This type of file is not allowed.").with_detail(detail);
  }
  const FileType* by_name = nullptr;
  for (const auto& t : kAllowed)
    if (t.extension == extension) by_name = &t;
  if (!by_name) {
    throw type_not_allowed("نوع الملف غير مسموح (الامتداد ." + std::string(extension) + ").",
                           "This type of file is not allowed (extension ." + std::string(extension) + ").")
        .with_detail(detail);
  }
  if (recognised_as(*by_name, detected, bytes)) return *by_name;
  if (by_name->recognition == Recognition::utf8_text && (detected == "text/csv" || detected == "text/plain"))
    throw type_not_allowed("يجب أن يكون ملف CSV نصًا بترميز UTF-8.", "A CSV file must be UTF-8 text.")
        .with_detail(detail);
  for (const auto& t : kAllowed) {
    // Text counts as CSV content only when libmagic itself saw columns, not for any text named .pdf.
    if (t.recognition == Recognition::utf8_text ? detected == t.mime : recognised_as(t, detected, bytes)) {
      throw type_not_allowed(
          "امتداد اسم الملف (." + std::string(extension) + ") لا يطابق محتواه (" + std::string(t.extension) + ").",
          "The file name's extension (." + std::string(extension) + ") does not match its content (" +
              std::string(t.extension) + ").")
          .with_detail(detail);
    }
  }
  throw type_not_allowed("محتوى الملف ليس من نوع ." + std::string(extension) + " ولا من الأنواع المسموحة.",
                         "The file's content is not ." + std::string(extension) + " nor any allowed type.")
      .with_detail(detail);
}

// Decodes the code point at `i` of well-formed UTF-8 and advances `i` past it.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

// C0, DEL and C1 controls, and the bidirectional overrides and isolates that can make "report" U+202E "fdp.exe"
// display as "reportexe.pdf". Marks that Arabic text uses (RLM, LRM, ZWJ, ZWNJ) are kept.
bool dropped_from_names(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// The uploader's name without any path, control or override characters, or surrounding spaces.
std::string clean_filename(std::string_view raw) {
  if (!core::valid_utf8(raw)) {
    throw core::Error::invalid_field("file", "filename_invalid", "اسم الملف ليس نصًا صالحًا (UTF-8)",
                                     "The file name is not valid UTF-8 text");
  }
  // Both separators: browsers on Windows (and old ones everywhere) send "C:\Users\...\name.pdf".
  if (const auto sep = raw.find_last_of("/\\"); sep != std::string_view::npos) raw.remove_prefix(sep + 1);
  std::string kept;
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t start = i;
    if (!dropped_from_names(next_code_point(raw, i))) kept.append(raw.substr(start, i - start));
  }
  std::string name = core::trim(kept);
  // Windows drops trailing dots, and a name ending in one would hide what its extension is.
  while (!name.empty() && name.back() == '.') name = core::trim(std::string_view(name).substr(0, name.size() - 1));
  return name;
}

struct SplitName {
  std::string stem;
  /// Lower case; empty when the name has none.
  std::string extension;
};

// An extension is a short run of ASCII letters and digits after the last dot; "v1.2 final" has none.
SplitName split_name(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return {name, {}};
  const std::string_view ext = std::string_view(name).substr(dot + 1);
  const bool plausible = !ext.empty() && ext.size() <= 8 && std::all_of(ext.begin(), ext.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  if (!plausible) return {name, {}};
  return {core::trim(std::string_view(name).substr(0, dot)), core::ascii_lower(ext)};
}

// The stored name: the stem (or "file"), cut to fit 200 characters, with the extension as the user wrote
// it or, when there was none, the type's own.
std::string stored_filename(const std::string& name, const SplitName& split, const FileType& type) {
  std::string stem = split.stem.empty() ? std::string("file") : split.stem;
  const std::string ext =
      split.extension.empty() ? std::string(type.extension) : name.substr(name.size() - split.extension.size());
  const std::size_t room = kMaxFilenameChars - 1 - ext.size();
  if (core::utf8_length(stem) > room) {
    std::size_t i = 0;
    for (std::size_t n = 0; n < room; ++n) next_code_point(stem, i);
    stem = core::trim(std::string_view(stem).substr(0, i));
    if (stem.empty()) stem = "file";
  }
  return stem + "." + ext;
}

std::string arabic_digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += "\xD9";
      out += static_cast<char>(0xA0 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

core::Error file_too_large(std::size_t max_bytes) {
  std::string amount_en, amount_ar;
  if (max_bytes >= 1024 * 1024) {
    amount_en = std::to_string(max_bytes / (1024 * 1024)) + " MB";
    amount_ar = arabic_digits(std::to_string(max_bytes / (1024 * 1024))) + " ميغابايت";
  } else {
    amount_en = std::to_string(max_bytes) + " bytes";
    amount_ar = arabic_digits(std::to_string(max_bytes)) + " بايت";
  }
  return core::Error(core::ErrorKind::payload_too_large, "file_too_large",
                     "حجم الملف يتجاوز الحد المسموح (" + amount_ar + ")",
                     "The file is larger than the limit of " + amount_en, "file");
}

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

[[noreturn]] void storage_failure(std::string_view what, const fs::path& path, int error) {
  throw core::Error::internal("attachment store: " + std::string(what) + " " + path.string() + ": " +
                              std::strerror(error));
}

// Uploading is for roles that contribute; viewers and assessors read only. National roles pass everywhere.
bool may_upload_to(const core::Actor& actor, std::string_view organization_path) {
  return in_scope(actor, organization_path,
                  {Role::entity_coordinator, Role::change_team_head, Role::practice_owner, Role::contributor});
}

bool uploads(Role r) { return r != Role::viewer && r != Role::assessor; }

std::int64_t upload_organization(db::Session& s, const core::Actor& actor, std::optional<std::int64_t> requested) {
  if (requested) {
    // The directory of organisations is public to signed-in users, so naming a missing one reveals nothing.
    const auto path = organization_path(s, *requested);
    if (!path) {
      throw core::Error::invalid_field("organization_id", "not_found", "الجهة غير موجودة",
                                       "The organisation does not exist");
    }
    if (!may_upload_to(actor, *path)) throw core::Error::forbidden();
    return *requested;
  }
  // The first membership that may upload, so a viewer role listed first does not block a contributor role.
  for (const auto& m : actor.memberships)
    if (uploads(m.role)) return m.organization_id;
  throw core::Error::forbidden();
}

}  // namespace

AttachmentService::AttachmentService(db::Database& db, const core::Clock& clock, std::string data_dir,
                                     std::size_t max_bytes)
    : db_(db), clock_(clock), root_((fs::path(std::move(data_dir)) / "attachments").string()), max_bytes_(max_bytes) {}

Attachment AttachmentService::upload(const core::Actor& actor, std::optional<std::int64_t> organization_id,
                                     std::string_view filename, std::string_view bytes) {
  // Permission is settled in a read, and the file written before the write transaction, so SQLite's write
  // lock is held for two inserts rather than for a 25 MB disk write.
  const std::int64_t org = db_.read([&](db::Session& s) { return upload_organization(s, actor, organization_id); });

  if (bytes.empty()) throw core::Error::invalid_field("file", "file_empty", "الملف فارغ", "The file is empty");
  if (bytes.size() > max_bytes_) throw file_too_large(max_bytes_);
  const std::string name = clean_filename(filename);
  const SplitName split = split_name(name);
  const FileType& type = check_type(split.extension, bytes);

  Attachment a;
  a.sha256 = core::sha256_hex(bytes);
  a.size = static_cast<std::int64_t>(bytes.size());
  a.mime_type = std::string(type.mime);
  a.filename = stored_filename(name, split, type);
  a.organization_id = org;
  a.uploaded_by = actor.user_id;
  a.created_at = core::iso8601(clock_.now());
  // A row that fails to commit leaves its file behind: harmless, as the file is only ever named by its hash
  // and the next upload of the same bytes reuses it.
  store(a.sha256, bytes);

  return db_.write([&](db::Session& s) {
    a.id = s.query_one<std::int64_t>(
                "INSERT INTO attachments (sha256, size, mime_type, filename, organization_id, uploaded_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                a.sha256, a.size, a.mime_type, a.filename, a.organization_id, a.uploaded_by, a.created_at)
               .value_or(0);
    boost::json::object changes{
        {"filename", a.filename}, {"size", a.size}, {"mime_type", a.mime_type}, {"sha256", a.sha256}};
    audit(s, clock_, &actor, actor.origin,
          {"attachment.upload", "attachment", std::to_string(a.id), a.organization_id, std::move(changes)});
    return a;
  });
}

Attachment AttachmentService::get(const core::Actor& actor, std::int64_t id) {
  return db_.read([&](db::Session& s) {
    auto a = s.query_one<Attachment>("SELECT " + std::string(kColumns) + " FROM attachments WHERE id = ?", id);
    if (!a) throw attachment_not_found();
    if (!actor.is_national()) {
      // Any role in the organisation or above it may read; to everyone else the attachment does not exist.
      const auto path = organization_path(s, a->organization_id);
      const bool own =
          path && actor.covers(*path, {Role::platform_admin, Role::program_office, Role::entity_coordinator,
                                       Role::change_team_head, Role::practice_owner, Role::contributor, Role::assessor,
                                       Role::viewer});
      if (!own && std::none_of(reader_rules_.begin(), reader_rules_.end(),
                               [&](const ReaderRule& rule) { return rule(s, actor, id); }))
        throw attachment_not_found();
    }
    return *a;
  });
}

std::string AttachmentService::content_path(const Attachment& attachment) const {
  // The hash becomes a path: a value that is not one (a damaged row) must never reach the file system.
  if (!is_sha256_hex(attachment.sha256))
    throw core::Error::internal("attachment " + std::to_string(attachment.id) + " has a malformed sha256");
  auto path = fs::path(root_) / attachment.sha256.substr(0, 2) / attachment.sha256;
  // A file lost from storage (a restore without the data directory) is the server's fault, said in both
  // languages, and named in the log for the operator.
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw core::Error(core::ErrorKind::internal, "attachment_content_missing",
                      "ملف هذا المرفق مفقود من التخزين؛ أبلغ مسؤول المنصة",
                      "This attachment's file is missing from storage; tell the platform administrator")
        .with_detail("attachment " + std::to_string(attachment.id) + ": no file at " + path.string());
  return path.string();
}

void AttachmentService::store(std::string_view sha256, std::string_view bytes) const {
  const fs::path dir = fs::path(root_) / sha256.substr(0, 2);
  const fs::path target = dir / sha256;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) storage_failure("cannot create", dir, ec.value());
  // Same hash and same size: the same content is already there (files appear only by rename, never half-written).
  if (const auto size = fs::file_size(target, ec); !ec && size == bytes.size()) return;

  // A temporary name in the same directory, so the rename below is atomic: readers see no file or all of it.
  std::string temp_name = ".";  // appended, not "." + ...: GCC 12 warns falsely (-Wrestrict) on that form
  temp_name.append(sha256).append(".XXXXXX");
  std::string temp = (dir / temp_name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) storage_failure("cannot create a temporary file in", dir, errno);
  auto fail = [&](std::string_view what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    storage_failure(what, temp, error);
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("cannot write");
    done += static_cast<std::size_t>(n);
  }
  // Durable before it is visible: after a crash the name never points at a file with missing content.
  if (::fsync(fd) != 0) fail("cannot sync");
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    storage_failure("cannot close", temp, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    storage_failure("cannot rename to", target, error);
  }
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);  // the rename itself, best effort: some file systems refuse to sync a directory
    ::close(dfd);
  }
}

}  // namespace manzuma::platform
