// Attachments end to end below HTTP: real migrations on a temporary SQLite database, real libmagic, real
// files written to a temporary directory, and the routes called as the dispatcher calls them.

#include "platform/attachments/service.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "db/migrate.hpp"
#include "http/router.hpp"
#include "platform/attachments/multipart.hpp"
#include "platform/audit/audit.hpp"
#include "platform/rbac.hpp"
#include "platform/routes.hpp"

#ifndef MANZUMA_SOURCE_DIR
#error "the test target defines MANZUMA_SOURCE_DIR (the repository root) to find migrations/"
#endif

namespace manzuma::platform {
namespace {

namespace fs = std::filesystem;
using core::Role;

// ---------------------------------------------------------------------------------------------------------------
// Small real files, made here so the test owns its world.

std::uint32_t crc32(std::string_view data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void put16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, static_cast<std::uint16_t>(v >> 16));
}
void put32_be(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

const std::string kPdf =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
    "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

std::string png() {
  std::string ihdr_data;
  put32_be(ihdr_data, 1);                               // width
  put32_be(ihdr_data, 1);                               // height
  ihdr_data += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
  std::string out = "\x89PNG\r\n\x1a\n";
  put32_be(out, static_cast<std::uint32_t>(ihdr_data.size()));
  out += "IHDR" + ihdr_data;
  put32_be(out, crc32("IHDR" + ihdr_data));
  put32_be(out, 0);
  out += "IEND";
  put32_be(out, crc32("IEND"));
  return out;
}

const std::string kJpeg =
    std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9", 22);

// A zip with stored (uncompressed) entries, written byte by byte as APPNOTE.TXT §4.3 lays it out.
std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    put32(out, 0x04034b50);
    put16(out, 20);    // version needed
    put16(out, 0);     // flags
    put16(out, 0);     // stored
    put16(out, 0);     // time
    put16(out, 0x21);  // date: 1980-01-01
    put32(out, crc);
    put32(out, size);
    put32(out, size);
    put16(out, static_cast<std::uint16_t>(name.size()));
    put16(out, 0);
    out += name + data;

    put32(central, 0x02014b50);
    put16(central, 20);  // made by
    put16(central, 20);  // needed
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, static_cast<std::uint16_t>(name.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += name;
  }
  const auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put16(out, static_cast<std::uint16_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);
  return out;
}

const std::string kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";

// Only the package manifest: libmagic calls it a zip, the marker makes it OOXML.
std::string minimal_docx() { return zip({{"[Content_Types].xml", kContentTypes}}); }

// In Office's own entry order, which libmagic names precisely.
std::string full_docx() {
  return zip({{"[Content_Types].xml", kContentTypes},
              {"_rels/.rels", "<Relationships/>"},
              {"word/document.xml", "<w:document/>"}});
}

std::string full_xlsx() {
  return zip({{"[Content_Types].xml", kContentTypes},
              {"_rels/.rels", "<Relationships/>"},
              {"xl/workbook.xml", "<workbook/>"}});
}

// The start of this very test program: a real ELF executable.
std::string elf_head() {
  std::ifstream in("/proc/self/exe", std::ios::binary);
  std::string bytes(8192, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// A DOS/Windows executable header.
std::string exe_head() {
  std::string out("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00", 16);
  out += std::string(200, '\0');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

core::Actor actor(std::int64_t user_id, std::vector<core::Membership> memberships) {
  core::Actor a;
  a.user_id = user_id;
  a.email = "user" + std::to_string(user_id) + "@example.om";
  a.memberships = std::move(memberships);
  a.origin = {"req-" + std::to_string(user_id), "192.0.2.1", "test"};
  return a;
}

// Thrown error as "code/status", the first field error's code when there is one.
template <class F>
std::string failure(F&& f) {
  try {
    f();
  } catch (const core::Error& e) {
    const std::string code = e.errors().empty() ? e.code() : e.errors().front().code;
    return code + "/" + std::to_string(core::http_status(e.kind()));
  }
  return "none";
}

class AttachmentsTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kMaxBytes = 64 * 1024;

  void SetUp() override {
    core::crypto_init();
    std::string dir_template = (fs::temp_directory_path() / "manzuma-attachments-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir_template.data()), nullptr);
    dir_ = dir_template;
    db_ = db::Database::open("sqlite:" + dir_.string() + "/t.db", 2);
    migrate();
    db_->write([](db::Session& s) {
      const std::string at = "2026-01-01T00:00:00.000Z";
      const std::string org =
          "INSERT INTO organizations (kind, name_ar, name_en, parent_id, path, country, created_at, updated_at)"
          " VALUES ('ministry', ?, ?, ?, ?, 'OM', ?, ?)";
      s.exec(org, "وزارة الاقتصاد", "Ministry of Economy", nullptr, "/1/", at, at);
      s.exec(org, "وزارة الصحة", "Ministry of Health", nullptr, "/2/", at, at);
      s.exec(org, "دائرة التخطيط", "Planning Department", std::int64_t{1}, "/1/3/", at, at);
      for (int i = 1; i <= 4; ++i) {
        s.exec("INSERT INTO users (email, name_ar, name_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
               "user" + std::to_string(i) + "@example.om", "مستخدم", "User", at, at);
      }
    });
    service_ = std::make_unique<AttachmentService>(*db_, clock_, dir_.string(), kMaxBytes);
  }

  void TearDown() override {
    service_.reset();
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void migrate() {
    std::vector<std::pair<std::string, std::string>> texts;
    for (const auto& entry : fs::directory_iterator(fs::path(MANZUMA_SOURCE_DIR) / "migrations"))
      if (entry.path().extension() == ".sql")
        texts.emplace_back(entry.path().filename().string(), read_file(entry.path()));
    ASSERT_FALSE(texts.empty());
    std::vector<db::MigrationFile> files;
    for (const auto& [name, text] : texts) files.push_back({name, text});
    db::migrate(*db_, db::load_migrations(files));
  }

  std::size_t files_under(const fs::path& p) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(p))
      if (e.is_regular_file()) ++n;
    return n;
  }

  fs::path dir_;
  core::ManualClock clock_{core::TimePoint{std::chrono::seconds{1'790'000'000}}};
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<AttachmentService> service_;

  // Contributor in the Ministry of Economy (1); contributor in the Ministry of Health (2); viewer in 1;
  // program office (national); an entity coordinator of 1, whose entity includes department 3.
  const core::Actor economy_ = actor(1, {{1, "/1/", Role::contributor}});
  const core::Actor health_ = actor(2, {{2, "/2/", Role::contributor}});
  const core::Actor viewer_ = actor(3, {{1, "/1/", Role::viewer}});
  const core::Actor national_ = actor(4, {{1, "/1/", Role::program_office}});
  const core::Actor coordinator_ = actor(3, {{1, "/1/", Role::entity_coordinator}});
};

TEST_F(AttachmentsTest, PdfIsStoredUnderItsHashWithARow) {
  const auto a = service_->upload(economy_, std::nullopt, "report.pdf", kPdf);
  EXPECT_GT(a.id, 0);
  EXPECT_EQ(a.sha256, core::sha256_hex(kPdf));
  EXPECT_EQ(a.size, static_cast<std::int64_t>(kPdf.size()));
  EXPECT_EQ(a.mime_type, "application/pdf");
  EXPECT_EQ(a.filename, "report.pdf");
  EXPECT_EQ(a.organization_id, 1);  // the uploader's organisation when none is named
  EXPECT_EQ(a.uploaded_by, 1);
  EXPECT_EQ(a.created_at, core::iso8601(clock_.now()));

  const fs::path expected = dir_ / "attachments" / a.sha256.substr(0, 2) / a.sha256;
  EXPECT_EQ(fs::path(service_->content_path(a)), expected);
  EXPECT_EQ(read_file(expected), kPdf);

  const auto stored = service_->get(economy_, a.id);
  EXPECT_EQ(stored.sha256, a.sha256);
  EXPECT_EQ(stored.filename, a.filename);
  EXPECT_EQ(stored.mime_type, a.mime_type);
  EXPECT_EQ(stored.created_at, a.created_at);
}

TEST_F(AttachmentsTest, EveryAllowedTypeIsAccepted) {
  EXPECT_EQ(service_->upload(economy_, 1, "logo.PNG", png()).mime_type, "image/png");
  EXPECT_EQ(service_->upload(economy_, 1, "photo.jpg", kJpeg).mime_type, "image/jpeg");
  EXPECT_EQ(service_->upload(economy_, 1, "photo.jpeg", kJpeg).mime_type, "image/jpeg");
  const std::string csv = "الجهة,العدد\nوزارة الاقتصاد,3\nوزارة الصحة,5\n";
  EXPECT_EQ(service_->upload(economy_, 1, "counts.csv", csv).mime_type, "text/csv");
  // One column looks like plain text to libmagic; it is still stored as CSV.
  EXPECT_EQ(service_->upload(economy_, 1, "names.csv", "الاسم\nأحمد\nسارة\n").mime_type, "text/csv");
  EXPECT_EQ(service_->upload(economy_, 1, "plan.docx", full_docx()).mime_type,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(service_->upload(economy_, 1, "sheet.xlsx", full_xlsx()).mime_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

TEST_F(AttachmentsTest, ZipWithTheOoxmlMarkerTakesTheTypeOfItsExtension) {
  // libmagic calls this application/zip; the package manifest and the extension make it a DOCX.
  const auto a = service_->upload(economy_, 1, "minimal.docx", minimal_docx());
  EXPECT_EQ(a.mime_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  const auto p = service_->upload(economy_, 1, "slides.pptx", minimal_docx());
  EXPECT_EQ(p.mime_type, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  // A zip without the manifest is just a zip.
  const std::string plain_zip = zip({{"hello.txt", "hi"}});
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "fake.docx", plain_zip); }), "file_type_not_allowed/415");
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "archive.zip", plain_zip); }), "file_type_not_allowed/415");
  // libmagic sees a spreadsheet: a .docx name cannot make it a document.
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "report.docx", full_xlsx()); }), "file_type_not_allowed/415");
}

TEST_F(AttachmentsTest, ExecutablesDisguisedAsPdfAreRefused) {
  for (const auto& bytes : {elf_head(), exe_head()}) {
    try {
      service_->upload(economy_, 1, "invoice.pdf", bytes);
      FAIL() << "an executable was accepted";
    } catch (const core::Error& e) {
      EXPECT_EQ(e.kind(), core::ErrorKind::unsupported_media_type);
      EXPECT_EQ(core::http_status(e.kind()), 415);
      EXPECT_EQ(e.code(), "file_type_not_allowed");
      EXPECT_EQ(e.field(), "file");
      // Both languages say what is allowed.
      EXPECT_NE(e.message_en().find("PDF, DOCX, XLSX, PPTX, PNG, JPEG, CSV"), std::string::npos) << e.message_en();
      EXPECT_NE(e.message_ar().find("الأنواع المسموحة: PDF وDOCX"), std::string::npos) << e.message_ar();
    }
  }
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "tool.exe", exe_head()); }), "file_type_not_allowed/415");
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "page.html", "<html><body>hi</body></html>"); }),
            "file_type_not_allowed/415");
  // Nothing was stored for any of them.
  EXPECT_FALSE(fs::exists(dir_ / "attachments"));
}

TEST_F(AttachmentsTest, ExtensionMustMatchTheContent) {
  try {
    service_->upload(economy_, 1, "scan.pdf", png());
    FAIL() << "a PNG named .pdf was accepted";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.code(), "file_type_not_allowed");
    EXPECT_EQ(core::http_status(e.kind()), 415);
    EXPECT_NE(e.message_en().find("does not match its content (png)"), std::string::npos) << e.message_en();
    EXPECT_NE(e.message_ar().find("لا يطابق محتواه"), std::string::npos) << e.message_ar();
  }
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "photo.png", kJpeg); }), "file_type_not_allowed/415");
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "data.csv", kPdf); }), "file_type_not_allowed/415");
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "notes.pdf", "just some text\n"); }),
            "file_type_not_allowed/415");
  // CSV must be UTF-8: Latin-1 bytes are refused even though libmagic calls them text.
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "old.csv", "a,b\nx\xE9,1\n2,3\n"); }),
            "file_type_not_allowed/415");
}

TEST_F(AttachmentsTest, EmptyAndOversizedFilesAreRefused) {
  EXPECT_EQ(failure([&] { service_->upload(economy_, 1, "empty.pdf", ""); }), "file_empty/400");
  std::string big = kPdf;
  big.insert(9, std::string(kMaxBytes, ' '));
  try {
    service_->upload(economy_, 1, "big.pdf", big);
    FAIL() << "an oversized file was accepted";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::payload_too_large);
    EXPECT_EQ(core::http_status(e.kind()), 413);
    EXPECT_EQ(e.code(), "file_too_large");
    EXPECT_FALSE(e.message_ar().empty());
    EXPECT_FALSE(e.message_en().empty());
  }
  // Exactly at the limit is fine.
  std::string at_limit = kPdf;
  at_limit.insert(9, std::string(kMaxBytes - kPdf.size(), ' '));
  EXPECT_EQ(service_->upload(economy_, 1, "full.pdf", at_limit).size, static_cast<std::int64_t>(kMaxBytes));
}

TEST_F(AttachmentsTest, SameBytesAreStoredOnceWithTwoRows) {
  const auto first = service_->upload(economy_, 1, "a.pdf", kPdf);
  const auto second = service_->upload(national_, 2, "b.pdf", kPdf);
  EXPECT_NE(first.id, second.id);
  EXPECT_EQ(first.sha256, second.sha256);
  EXPECT_EQ(service_->content_path(first), service_->content_path(second));
  EXPECT_EQ(files_under(dir_ / "attachments"), 1u);  // no second copy, no temporary file left behind
  const auto rows =
      db_->read([](db::Session& s) { return s.query_one<std::int64_t>("SELECT COUNT(*) FROM attachments"); });
  EXPECT_EQ(rows, 2);
  service_->upload(economy_, 1, "c.png", png());
  EXPECT_EQ(files_under(dir_ / "attachments"), 2u);
}

TEST_F(AttachmentsTest, ArabicNamesAreKept) {
  EXPECT_EQ(service_->upload(economy_, 1, "خطة التحول الرقمي ٢٠٢٦.pdf", kPdf).filename, "خطة التحول الرقمي ٢٠٢٦.pdf");
  // Marks Arabic text needs (RLM, ZWNJ) stay.
  EXPECT_EQ(service_->upload(economy_, 1, "تقرير\u200F\u200Cنهائي.pdf", kPdf).filename, "تقرير\u200F\u200Cنهائي.pdf");
}

TEST_F(AttachmentsTest, NamesAreCleaned) {
  auto name = [&](std::string_view raw, const std::string& bytes = kPdf) {
    return service_->upload(economy_, 1, raw, bytes).filename;
  };
  EXPECT_EQ(name("../../etc/passwd.pdf"), "passwd.pdf");
  EXPECT_EQ(name(R"(C:\Users\amal\Desktop\plan.pdf)"), "plan.pdf");
  EXPECT_EQ(name("  spaced out .pdf \t"), "spaced out.pdf");  // the stem is trimmed too
  EXPECT_EQ(name("tab\there\x01\x7F.pdf"), "tabhere.pdf");
  EXPECT_EQ(name("\xC2\xA0 نص.pdf\xC2\xA0"), "نص.pdf");  // no-break spaces trimmed as spaces
  // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
  EXPECT_EQ(name("invoice\u202Efdp.pdf"), "invoicefdp.pdf");
  EXPECT_EQ(name("REPORT.PDF"), "REPORT.PDF");
  EXPECT_EQ(name("report.pdf..."), "report.pdf");
  // Nothing left of the name: "file" and the type's extension.
  EXPECT_EQ(name(""), "file.pdf");
  EXPECT_EQ(name("../"), "file.pdf");
  EXPECT_EQ(name(".pdf"), "file.pdf");
  EXPECT_EQ(name("\x01\x02"), "file.pdf");
  // No extension cannot disagree with the content: the type's own is added.
  EXPECT_EQ(name("scan", png()), "scan.png");
  EXPECT_EQ(name("v1.2 final", kJpeg), "v1.2 final.jpg");
  // ... but plain text without an extension is not known to be CSV.
  EXPECT_EQ(failure([&] { name("table", "a\nb\n"); }), "file_type_not_allowed/415");
  // At most 200 characters, the extension kept.
  std::string longest;
  for (int i = 0; i < 300; ++i) longest += "ع";
  const std::string capped = name(longest + ".pdf");
  EXPECT_EQ(core::utf8_length(capped), 200u);
  EXPECT_TRUE(capped.ends_with("ع.pdf"));
  EXPECT_TRUE(core::valid_utf8(capped));
  EXPECT_EQ(failure([&] { name("bad\xFF.pdf"); }), "filename_invalid/400");
}

TEST_F(AttachmentsTest, UploadNeedsAnOrganisationInReach) {
  // Another entity: forbidden, and nothing stored.
  EXPECT_EQ(failure([&] { service_->upload(economy_, 2, "a.pdf", kPdf); }), "forbidden/403");
  EXPECT_FALSE(fs::exists(dir_ / "attachments"));
  // Viewers and assessors read but do not upload.
  EXPECT_EQ(failure([&] { service_->upload(viewer_, 1, "a.pdf", kPdf); }), "forbidden/403");
  EXPECT_EQ(failure([&] { service_->upload(viewer_, std::nullopt, "a.pdf", kPdf); }), "forbidden/403");
  const auto assessor = actor(3, {{1, "/1/", Role::assessor}});
  EXPECT_EQ(failure([&] { service_->upload(assessor, 1, "a.pdf", kPdf); }), "forbidden/403");
  // A missing organisation is a bad field.
  EXPECT_EQ(failure([&] { service_->upload(economy_, 999, "a.pdf", kPdf); }), "not_found/400");
  // A role in a parent covers its children; national roles cover all.
  EXPECT_EQ(service_->upload(coordinator_, 3, "a.pdf", kPdf).organization_id, 3);
  EXPECT_EQ(failure([&] {
              service_->upload(actor(2, {{3, "/1/3/", Role::contributor}}), 1, "a.pdf", kPdf);
            }),
            "forbidden/403");
  EXPECT_EQ(service_->upload(national_, 2, "a.pdf", kPdf).organization_id, 2);
  // The default skips memberships that may not upload.
  const auto mixed = actor(3, {{2, "/2/", Role::viewer}, {1, "/1/", Role::practice_owner}});
  EXPECT_EQ(service_->upload(mixed, std::nullopt, "a.pdf", kPdf).organization_id, 1);
}

TEST_F(AttachmentsTest, OnlyThoseWhoSeeTheOrganisationSeeTheAttachment) {
  const auto a = service_->upload(economy_, 3, "dept.pdf", kPdf);  // department 3, under ministry 1
  EXPECT_EQ(service_->get(economy_, a.id).id, a.id);               // member of the parent
  EXPECT_EQ(service_->get(viewer_, a.id).id, a.id);                // any role
  EXPECT_EQ(service_->get(national_, a.id).id, a.id);
  EXPECT_EQ(service_->get(actor(2, {{3, "/1/3/", Role::assessor}}), a.id).id, a.id);
  // Another entity gets the same answer as for an id that does not exist.
  try {
    service_->get(health_, a.id);
    FAIL() << "another entity saw the attachment";
  } catch (const core::Error& e) {
    EXPECT_EQ(e.kind(), core::ErrorKind::not_found);
    EXPECT_EQ(e.message_en(), "The attachment was not found");
    EXPECT_EQ(e.message_ar(), "المرفق غير موجود");
  }
  EXPECT_EQ(failure([&] { service_->get(health_, a.id + 100); }), "not_found/404");
  // A member of a child does not see the parent's files.
  const auto top = service_->upload(economy_, 1, "top.pdf", kPdf);
  EXPECT_EQ(failure([&] { service_->get(actor(2, {{3, "/1/3/", Role::contributor}}), top.id); }), "not_found/404");
}

TEST_F(AttachmentsTest, EveryUploadIsAudited) {
  const auto a = service_->upload(economy_, 1, "تقرير.pdf", kPdf);
  const auto entry = db_->read([&](db::Session& s) {
    return s.query_one<AuditEntry>(
        "SELECT seq, at, actor_id, actor_label, action, resource_type, resource_id, organization_id, request_id,"
        " remote_address, changes, prev_hash, hash FROM audit_log WHERE resource_type = 'attachment' AND resource_id = "
        "?",
        std::to_string(a.id));
  });
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->action, "attachment.upload");
  EXPECT_EQ(entry->actor_id, 1);
  EXPECT_EQ(entry->organization_id, 1);
  EXPECT_EQ(entry->request_id, "req-1");
  const auto changes = boost::json::parse(entry->changes).as_object();
  EXPECT_EQ(changes.at("filename").as_string(), "تقرير.pdf");
  EXPECT_EQ(changes.at("size").to_number<std::int64_t>(), a.size);
  EXPECT_EQ(changes.at("mime_type").as_string(), "application/pdf");
  EXPECT_EQ(changes.at("sha256").as_string(), a.sha256);
  EXPECT_TRUE(verify_audit(*db_).intact);
  // A refused upload leaves no audit row and no attachment row.
  EXPECT_THROW(service_->upload(health_, 1, "x.pdf", kPdf), core::Error);
  const auto rows = db_->read([](db::Session& s) {
    return s.query_one<std::int64_t>("SELECT COUNT(*) FROM audit_log WHERE action = 'attachment.upload'");
  });
  EXPECT_EQ(rows, 1);
}

TEST_F(AttachmentsTest, ContentPathRefusesAMalformedHash) {
  Attachment bad;
  bad.sha256 = "../../etc/passwd";
  EXPECT_EQ(failure([&] { service_->content_path(bad); }), "internal/500");
}

// ---------------------------------------------------------------------------------------------------------------
// The routes, called as the dispatcher calls them (policy checks are the dispatcher's and tested there).

class AttachmentRoutesTest : public AttachmentsTest {
 protected:
  void SetUp() override {
    AttachmentsTest::SetUp();
    attachment_routes(router_, *service_);
  }

  http::Response call(http::Method method, const std::string& path, const core::Actor& who, std::string body = {},
                      std::string content_type = "multipart/form-data; boundary=XyZ") {
    const auto match = router_.match(method, path);
    EXPECT_NE(match.route, nullptr) << path;
    http::Request req;
    req.method = method;
    req.path = path;
    req.target = path;
    req.headers = {{"content-type", content_type}};
    req.body = std::move(body);
    http::Response res;
    http::Context ctx(req, res, &who, match.params, 32);
    match.route->handler(ctx);
    return res;
  }

  static std::string form_file(std::string_view filename, std::string_view bytes, std::string_view extra = {}) {
    return std::string(extra) + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           std::string(filename) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + std::string(bytes) +
           "\r\n--XyZ--\r\n";
  }

  static std::string form_field(std::string_view name, std::string_view value) {
    return "--XyZ\r\nContent-Disposition: form-data; name=\"" + std::string(name) + "\"\r\n\r\n" + std::string(value) +
           "\r\n";
  }

  http::Router router_;
};

TEST_F(AttachmentRoutesTest, RegistersThreeDocumentedRoutes) {
  ASSERT_EQ(router_.routes().size(), 3u);
  for (const auto& r : router_.routes()) {
    EXPECT_EQ(r.tag, "attachments");
    EXPECT_TRUE(is_known_action(r.doc.action)) << r.doc.action;
  }
  const auto upload = router_.match(http::Method::post, "/api/v1/attachments");
  ASSERT_NE(upload.route, nullptr);
  EXPECT_EQ(upload.route->doc.action, "attachments.upload");
  EXPECT_TRUE(upload.route->doc.upload);
  EXPECT_EQ(upload.route->doc.status, 201);
  EXPECT_NE(upload.route->response_schema, nullptr);
  const auto content = router_.match(http::Method::get, "/api/v1/attachments/5/content");
  ASSERT_NE(content.route, nullptr);
  EXPECT_EQ(content.route->doc.produces, "application/octet-stream");
  const auto doc = router_.openapi("test");
  EXPECT_TRUE(doc.as_object().at("paths").as_object().contains("/api/v1/attachments/{id}/content"));
}

TEST_F(AttachmentRoutesTest, UploadThenReadAndDownload) {
  const auto created = call(http::Method::post, "/api/v1/attachments", economy_,
                            form_field("organization_id", " 3 ") + form_file(R"(تقرير \"الربع\" الأول.pdf)", kPdf));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto json = boost::json::parse(created.body).as_object();
  const auto id = json.at("id").to_number<std::int64_t>();
  EXPECT_EQ(json.at("organization_id").to_number<std::int64_t>(), 3);
  EXPECT_EQ(json.at("mime_type").as_string(), "application/pdf");
  EXPECT_EQ(json.at("filename").as_string(), "تقرير \"الربع\" الأول.pdf");
  EXPECT_EQ(json.at("sha256").as_string(), core::sha256_hex(kPdf));

  const auto meta = call(http::Method::get, "/api/v1/attachments/" + std::to_string(id), viewer_);
  EXPECT_EQ(meta.status, 200);
  EXPECT_EQ(boost::json::parse(meta.body).as_object().at("id").to_number<std::int64_t>(), id);

  const auto file = call(http::Method::get, "/api/v1/attachments/" + std::to_string(id) + "/content", viewer_);
  EXPECT_EQ(file.status, 200);
  ASSERT_TRUE(file.file_path.has_value());
  EXPECT_EQ(read_file(*file.file_path), kPdf);
  EXPECT_EQ(file.file_size, kPdf.size());
  EXPECT_EQ(file.content_type, "application/pdf");
  EXPECT_EQ(file.header("Content-Disposition"),
            "attachment; filename=\"_____ _____ _____.pdf\"; filename*=UTF-8''"
            "%D8%AA%D9%82%D8%B1%D9%8A%D8%B1%20%22%D8%A7%D9%84%D8%B1%D8%A8%D8%B9%22%20"
            "%D8%A7%D9%84%D8%A3%D9%88%D9%84.pdf");
  EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(file.header("Cache-Control"), "private, no-store");

  EXPECT_EQ(
      failure([&] { call(http::Method::get, "/api/v1/attachments/" + std::to_string(id) + "/content", health_); }),
      "not_found/404");
}

TEST_F(AttachmentRoutesTest, FilenameStarFromTheFormIsUsed) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"; "
      "filename*=UTF-8''%D8%AE%D8%B7%D8%A9.pdf\r\n\r\n" +
      kPdf + "\r\n--XyZ--";
  const auto res = call(http::Method::post, "/api/v1/attachments", economy_, body);
  ASSERT_EQ(res.status, 201);
  EXPECT_EQ(boost::json::parse(res.body).as_object().at("filename").as_string(), "خطة.pdf");
}

TEST_F(AttachmentRoutesTest, BadFormsNameTheField) {
  auto field_of = [&](std::string body, std::string content_type = "multipart/form-data; boundary=XyZ") {
    try {
      call(http::Method::post, "/api/v1/attachments", economy_, std::move(body), std::move(content_type));
    } catch (const core::Error& e) {
      const std::string field = e.errors().empty() ? e.field() : e.errors().front().field;
      const std::string code = e.errors().empty() ? e.code() : e.errors().front().code;
      return field + ":" + code + "/" + std::to_string(core::http_status(e.kind()));
    }
    return std::string("none");
  };
  EXPECT_EQ(field_of(form_field("organization_id", "abc") + form_file("a.pdf", kPdf)),
            "organization_id:type_integer/400");
  EXPECT_EQ(field_of(form_field("organization_id", "-1") + form_file("a.pdf", kPdf)),
            "organization_id:type_integer/400");
  EXPECT_EQ(field_of(form_field("organization_id", "99999999999999999999") + form_file("a.pdf", kPdf)),
            "organization_id:type_integer/400");
  EXPECT_EQ(field_of(form_field("organization_id", "1") + "--XyZ--"), "file:required/400");
  EXPECT_EQ(field_of(form_field("colour", "red") + form_file("a.pdf", kPdf)), "colour:unknown_field/400");
  EXPECT_EQ(field_of(form_file("a.pdf", kPdf, form_field("file", "x"))), "file:duplicate/400");
  EXPECT_EQ(field_of(form_file("a.pdf", kPdf), "application/json"), ":multipart_required/415");
  EXPECT_EQ(field_of("--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end"),
            ":malformed_multipart/400");
  EXPECT_EQ(field_of(form_file("a.pdf", png())), "file:file_type_not_allowed/415");
  // An empty organisation field is an untouched form input: the default organisation applies.
  EXPECT_EQ(field_of(form_field("organization_id", "") + form_file("a.pdf", kPdf)), "none");
}

}  // namespace
}  // namespace manzuma::platform
