// Attachments over HTTP: upload, type checked from the bytes, download with the Arabic name kept.

#include <gtest/gtest.h>

#include <filesystem>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

// A form with one file, and the Content-Type header that names its boundary.
struct Form {
  std::string body;
  std::string content_type;
};

Form multipart(std::string_view filename, std::string_view bytes) {
  const std::string b = "----manzuma" + unique("b");
  return {"--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + std::string(filename) +
              "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + std::string(bytes) + "\r\n--" + b + "--\r\n",
          "Content-Type: multipart/form-data; boundary=" + b};
}

Response upload(Client& c, const Form& f) { return c.request("POST", "/api/v1/attachments", f.body, {f.content_type}); }

TEST(Attachments, UploadAndDownloadKeepTheArabicFileName) {
  auto& c = as("contributor@demo.manzuma.om");
  const std::string csv = "المؤشر,القيمة\r\nالرضا,87\r\n";
  auto up = upload(c, multipart("تقرير الأثر.csv", csv));
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json().at("filename").as_string(), "تقرير الأثر.csv");
  EXPECT_EQ(up.json().at("mime_type").as_string(), "text/csv");
  const auto id = std::to_string(up.json().at("id").as_int64());

  auto down = c.get("/api/v1/attachments/" + id + "/content");
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, csv);
  const auto disposition = down.header("content-disposition");
  EXPECT_NE(disposition.find("attachment;"), std::string::npos);
  EXPECT_NE(disposition.find("filename*=UTF-8''"), std::string::npos) << disposition;
  EXPECT_EQ(down.header("x-content-type-options"), "nosniff");

  // Another entity cannot see it.
  EXPECT_EQ(as("viewer@demo.manzuma.om").get("/api/v1/attachments/" + id).status, 404);
  EXPECT_EQ(as("office@demo.manzuma.om").get("/api/v1/attachments/" + id).status, 200);
}

TEST(Attachments, AFileLostFromStorageIsABilingualProblemNotAPlain500) {
  auto& c = as("contributor@demo.manzuma.om");
  const std::string csv = "lost,file\r\n" + unique("row") + ",1\r\n";
  auto up = upload(c, multipart("lost.csv", csv));
  ASSERT_EQ(up.status, 201) << up.body;
  const std::string sha = std::string(up.json().at("sha256").as_string());
  ASSERT_TRUE(std::filesystem::remove(std::filesystem::path(Server::shared().work_dir()) / "data" / "attachments" /
                                      sha.substr(0, 2) / sha));
  auto down = c.get("/api/v1/attachments/" + std::to_string(up.json().at("id").as_int64()) + "/content");
  EXPECT_EQ(down.status, 500);
  EXPECT_EQ(down.json().at("code").as_string(), "attachment_content_missing");
  EXPECT_FALSE(down.json().at("detail_ar").as_string().empty());
  EXPECT_EQ(down.body.find(Server::shared().work_dir()), std::string::npos);  // no server paths to the client
}

TEST(Attachments, TypeIsCheckedFromTheBytesNotTheName) {
  auto& c = as("contributor@demo.manzuma.om");
  const std::string elf(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
      16);
  auto r = upload(c, multipart("report.pdf", elf + std::string(64, '\0')));
  EXPECT_EQ(r.status, 415) << r.body;
  EXPECT_EQ(r.json().at("code").as_string(), "file_type_not_allowed");
  auto empty = upload(c, multipart("empty.csv", ""));
  EXPECT_EQ(empty.status, 400);
  auto broken = c.request("POST", "/api/v1/attachments", std::string("--x\r\nnonsense"),
                          {"Content-Type: multipart/form-data; boundary=x"});
  EXPECT_EQ(broken.status, 400);
}

TEST(Attachments, UploadsOverTheLimitAre413) {
  Server s(ServerOptions{.env = {{"MANZUMA_MAX_UPLOAD", "4096"}}});
  Client c(s.url());
  ASSERT_EQ(c.login("contributor@demo.manzuma.om").status, 200);
  auto r = upload(c, multipart("big.csv", std::string(10000, 'a')));
  EXPECT_EQ(r.status, 413);
}

}  // namespace
}  // namespace manzuma::api_test
