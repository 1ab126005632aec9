// Exports of lists as CSV and XLSX: Arabic intact, formula injection defused, the list's permissions and
// scope, the row cap.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "harness.hpp"

namespace manzuma::api_test {
namespace {

const char* kMtcit = "Ministry of Transport, Communications and Information Technology";
const char* kBom = "\xEF\xBB\xBF";

std::int64_t org_id(std::string_view name_en) {
  auto r = admin().get("/api/v1/organizations?page[size]=200&q=" + url_encode(name_en));
  for (const auto& o : r.json().at("items").as_array())
    if (o.at("name_en").as_string() == name_en) return o.at("id").as_int64();
  throw std::runtime_error("no organisation " + std::string(name_en));
}

bj::object new_user(std::string_view email, std::string_view name_ar, std::string_view name_en, std::int64_t org,
                    std::string_view role = "contributor", std::string_view locale = "ar") {
  return bj::object{{"email", email},
                    {"name_ar", name_ar},
                    {"name_en", name_en},
                    {"locale", locale},
                    {"memberships", bj::array{bj::object{{"organization_id", org}, {"role", role}}}}};
}

// One part of a zip file, read with Python's zipfile (the XLSX parts are deflated).
std::string zip_part(const std::string& bytes, const std::string& part) {
  const auto path = std::filesystem::temp_directory_path() / (unique("export") + ".xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  const std::string cmd = "python3 -c \"import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile('" +
                          path.string() + "').read('" + part + "'))\" 2>&1";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

std::size_t lines(const std::string& csv) {
  std::size_t n = 0;
  for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2)) ++n;
  return n;
}

TEST(Exports, UsersCsvKeepsArabicHasBomBilingualHeaderAndAsciiFallbackName) {
  const auto email = unique("export.ar") + "@example.om";
  ASSERT_EQ(
      admin().post("/api/v1/users", new_user(email, "سالم بن راشد الحارثي", "Salim Al Harthi", org_id(kMtcit))).status,
      201);
  auto r = admin().get("/api/v1/users/export?format=csv&q=" + url_encode(email));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.body.substr(0, 3), kBom);
  // The administrator reads Arabic: Arabic column labels, the membership shown by the Arabic entity name.
  EXPECT_NE(r.body.find("البريد الإلكتروني"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("سالم بن راشد الحارثي"), std::string::npos);
  EXPECT_NE(r.body.find("وزارة النقل والاتصالات وتقنية المعلومات · contributor"), std::string::npos) << r.body;
  EXPECT_EQ(lines(r.body), 2u);  // header + the one user
  const auto disposition = r.header("content-disposition");
  EXPECT_NE(disposition.find("filename=\"__________.csv\""), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''%D8%A7%D9%84%D9%85%D8%B3%D8%AA%D8%AE%D8%AF%D9%85%D9%88%D9%86.csv"),
            std::string::npos)
      << disposition;
  EXPECT_EQ(r.header("x-export-rows"), "1");
  EXPECT_EQ(r.header("x-export-truncated"), "false");
}

TEST(Exports, CsvDefusesFormulasAndQuotesCommasAndQuotes) {
  const auto email = unique("export.inj") + "@example.om";
  ASSERT_EQ(admin()
                .post("/api/v1/users", new_user(email, "=HYPERLINK(\"http://evil.example\",\"انقر\")",
                                                "@SUM(1+1), \"quoted\"", org_id(kMtcit)))
                .status,
            201);
  auto r = admin().get("/api/v1/users/export?format=csv&q=" + url_encode(email));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"انقر\"\")\","), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(",\"'@SUM(1+1), \"\"quoted\"\"\","), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find(",=HYPERLINK"), std::string::npos);
}

TEST(Exports, XlsxIsAZipWithTheArabicTextRightToLeftAndAFrozenBoldHeader) {
  const auto email = unique("export.xlsx") + "@example.om";
  ASSERT_EQ(admin().post("/api/v1/users", new_user(email, "فاطمة بنت خميس البلوشية", "Fatma", org_id(kMtcit))).status,
            201);
  auto r = admin().get("/api/v1/users/export?format=xlsx&q=" + url_encode(email));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(r.body.substr(0, 2), "PK");
  const auto strings = zip_part(r.body, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("فاطمة بنت خميس البلوشية"), std::string::npos) << strings;
  EXPECT_NE(strings.find("الاسم بالعربية"), std::string::npos);
  const auto sheet = zip_part(r.body, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("rightToLeft=\"1\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(r.header("content-disposition").find(".xlsx"), std::string::npos);
}

TEST(Exports, AnEnglishReaderGetsEnglishLabelsAndALeftToRightSheet) {
  const auto email = unique("export.en") + "@example.om";
  auto created =
      admin().post("/api/v1/users", new_user(email, "قارئ", "Reader", org_id("Ministry of Interior"), "viewer", "en"));
  ASSERT_EQ(created.status, 201) << created.body;
  Client c(Server::shared().url());
  ASSERT_EQ(c.login(email, std::string(created.json().at("temporary_password").as_string())).status, 200);
  auto r = c.get("/api/v1/organizations/export?format=xlsx&q=" + url_encode("Ministry of Interior"));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto strings = zip_part(r.body, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Name (English)"), std::string::npos) << strings;
  EXPECT_NE(strings.find("وزارة الداخلية"), std::string::npos) << strings;
  EXPECT_EQ(zip_part(r.body, "xl/worksheets/sheet1.xml").find("rightToLeft"), std::string::npos);
  EXPECT_NE(r.header("content-disposition").find("filename=\"organizations.xlsx\""), std::string::npos);
}

TEST(Exports, ACoordinatorExportsOnlyTheirEntitysUsersAndOthersAreRefusedAsForTheList) {
  auto r = as("coordinator@demo.manzuma.om").get("/api/v1/users/export?format=csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("coordinator@demo.manzuma.om"), std::string::npos);
  EXPECT_NE(r.body.find("change.head@demo.manzuma.om"), std::string::npos);
  EXPECT_EQ(r.body.find("viewer@demo.manzuma.om"), std::string::npos);
  EXPECT_EQ(r.body.find("office@demo.manzuma.om"), std::string::npos);
  // The list's own count: the export holds exactly the rows the list would page through.
  const auto total = as("coordinator@demo.manzuma.om").get("/api/v1/users").json().at("total").as_int64();
  EXPECT_EQ(r.header("x-export-rows"), std::to_string(total));
  EXPECT_EQ(as("change.head@demo.manzuma.om").get("/api/v1/users/export?format=csv").status, 403);
  EXPECT_EQ(as("coordinator@demo.manzuma.om").get("/api/v1/audit/export?format=csv").status, 403);
  Client anonymous(Server::shared().url());
  EXPECT_EQ(anonymous.get("/api/v1/users/export?format=csv").status, 401);
}

TEST(Exports, FiltersAndSortOfTheListApplyAndBadParametersAreNamed) {
  auto r = admin().get("/api/v1/organizations/export?format=csv&filter[kind]=governorate&sort=-name_en");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto listed = admin().get("/api/v1/organizations?filter[kind]=governorate").json().at("total").as_int64();
  EXPECT_EQ(r.header("x-export-rows"), std::to_string(listed));
  EXPECT_EQ(r.body.find(",ministry,"), std::string::npos);
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=pdf").error_fields(), std::vector<std::string>{"format"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export").error_fields(), std::vector<std::string>{"format"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=csv&limit=0").error_fields(),
            std::vector<std::string>{"limit"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=csv&limit=100001").error_fields(),
            std::vector<std::string>{"limit"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=csv&page[size]=5").error_fields(),
            std::vector<std::string>{"page[size]"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=csv&filter[nope]=1").error_fields(),
            std::vector<std::string>{"filter[nope]"});
  EXPECT_EQ(admin().get("/api/v1/organizations/export?format=csv&sort=path").error_fields(),
            std::vector<std::string>{"sort"});
}

TEST(Exports, AnExportPagesPastOneServicePageAndTheCapCutsTheFileSayingSo) {
  // 450 users sharing a prefix: more than two of the 200-row pages the export reads the list in.
  const auto prefix = unique("bulk");
  Server::shared().sql(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 450)"
      " INSERT INTO users (email, name_ar, name_en, created_at, updated_at)"
      " SELECT '" +
      prefix +
      "-' || i || '@example.om', 'مستخدم ' || i, 'User ' || i, '2026-01-01T00:00:00Z',"
      " '2026-01-01T00:00:00Z' FROM n");
  auto all = admin().get("/api/v1/users/export?format=csv&sort=email&q=" + url_encode(prefix));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.header("x-export-rows"), "450");
  EXPECT_EQ(all.header("x-export-truncated"), "false");
  EXPECT_EQ(all.header("x-export-cap"), "100000");
  EXPECT_EQ(lines(all.body), 451u);
  // Every user once: no row lost or repeated at the page boundaries.
  for (int i : {1, 199, 200, 201, 400, 401, 450})
    EXPECT_NE(all.body.find("," + prefix + "-" + std::to_string(i) + "@example.om,"), std::string::npos) << i;

  auto cut = admin().get("/api/v1/users/export?format=csv&limit=250&q=" + url_encode(prefix));
  ASSERT_EQ(cut.status, 200);
  EXPECT_EQ(cut.header("x-export-rows"), "250");
  EXPECT_EQ(cut.header("x-export-truncated"), "true");
  EXPECT_EQ(cut.header("x-export-cap"), "250");
  EXPECT_EQ(lines(cut.body), 252u);  // header, 250 rows, the note
  EXPECT_NE(cut.body.find("اقتُصر الملف على أول 250 صف"), std::string::npos);

  // Exactly at the limit nothing is left out, so nothing is said.
  auto exact = admin().get("/api/v1/users/export?format=csv&limit=450&q=" + url_encode(prefix));
  EXPECT_EQ(exact.header("x-export-truncated"), "false");

  auto xlsx = admin().get("/api/v1/audit/export?format=xlsx&limit=2");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(zip_part(xlsx.body, "xl/sharedStrings.xml").find("اقتُصر الملف على أول 2 صف"), std::string::npos);
}

// The national system's lists export the same way: the adoptions export of a coordinator holds their entity's
// plans only (the list's scope), and the practice catalogue keeps its Arabic titles under Arabic headers.
TEST(Exports, AreaListsExportWithTheListsScopeAndArabicIntact) {
  auto& coordinator = as("coordinator@demo.manzuma.om");
  auto mine = coordinator.get("/api/v1/adoptions/export?format=csv");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_NE(mine.body.find("Ministry of Transport, Communications and Information Technology"), std::string::npos);
  EXPECT_EQ(mine.body.find("Ministry of Interior"), std::string::npos);
  EXPECT_EQ(mine.header("x-export-rows"),
            std::to_string(coordinator.get("/api/v1/adoptions").json().at("total").as_int64()));
  auto all = as("office@demo.manzuma.om").get("/api/v1/adoptions/export?format=csv");
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("Ministry of Interior"), std::string::npos);

  auto practices =
      as("viewer@demo.manzuma.om").get("/api/v1/practices/export?format=csv&filter%5Bcategory%5D=risk_management");
  ASSERT_EQ(practices.status, 200) << practices.body;
  EXPECT_NE(practices.body.find("العنوان بالعربية"), std::string::npos);
  EXPECT_NE(practices.body.find("إدارة المخاطر"), std::string::npos);
  for (const char* list : {"editions", "research", "events", "partnerships"})
    EXPECT_EQ(as("viewer@demo.manzuma.om").get(std::string("/api/v1/") + list + "/export?format=xlsx").status, 200)
        << list;
}

}  // namespace
}  // namespace manzuma::api_test
