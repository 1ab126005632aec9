#include "platform/export/table.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace manzuma::platform {
namespace {

TEST(ExportTable, CsvStartsWithBomQuotesAndKeepsArabic) {
  ExportTable t;
  t.header = {"الاسم", "note"};
  t.rows = {{"وزارة العمل", "a, \"b\"\nc"}};
  const std::string csv = write_csv(t, "ar");
  EXPECT_EQ(csv,
            "\xEF\xBB\xBF"
            "الاسم,note\r\nوزارة العمل,\"a, \"\"b\"\"\nc\"\r\n");
}

TEST(ExportTable, CsvDefusesFormulas) {
  ExportTable t;
  t.header = {"x"};
  t.rows = {{"=HYPERLINK(\"http://evil\")"}, {"+1"}, {"-2"}, {"@SUM(A1)"}, {"\tx"}, {"safe=1"}};
  const std::string csv = write_csv(t, "en");
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://evil\"\")\""), std::string::npos);
  EXPECT_NE(csv.find("\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\n'\tx\r\nsafe=1\r\n"), std::string::npos);
}

TEST(ExportTable, CsvSaysWhenRowsWereLeftOut) {
  ExportTable t;
  t.header = {"x"};
  t.rows = {{"1"}, {"2"}};
  t.truncated = true;
  t.cap = 2;
  EXPECT_NE(write_csv(t, "en").find("The file was cut at the first 2 rows"), std::string::npos);
  EXPECT_NE(write_csv(t, "ar").find("اقتُصر الملف على أول 2 صف"), std::string::npos);
}

TEST(ExportTable, CellsShowEnumsArraysAndNestedObjectsReadably) {
  const auto row = boost::json::parse(R"({"memberships":[
      {"id":3,"organization_id":7,"organization_name_ar":"عُمران","organization_name_en":"Omran","role":"contributor"},
      {"id":4,"organization_id":8,"organization_name_ar":"أوكيو","organization_name_en":"OQ","role":"viewer"}],
      "parent_id":null,"active":true,"n":12})");
  EXPECT_EQ(export_cell(row.at("memberships"), "ar"), "عُمران · contributor; أوكيو · viewer");
  EXPECT_EQ(export_cell(row.at("memberships"), "en"), "Omran · contributor; OQ · viewer");
  EXPECT_EQ(export_cell(row.at("parent_id"), "en"), "");
  EXPECT_EQ(export_cell(row.at("active"), "en"), "true");
  EXPECT_EQ(export_cell(row.at("n"), "en"), "12");
}

TEST(ExportTable, HeaderUsesLabelsInTheReadersLanguageElseFieldNames) {
  const std::vector<ExportLabel> labels = {{"name_ar", "الاسم بالعربية", "Arabic name"}};
  EXPECT_EQ(export_header({"id", "name_ar"}, labels, "ar"), (std::vector<std::string>{"id", "الاسم بالعربية"}));
  EXPECT_EQ(export_header({"id", "name_ar"}, labels, "en"), (std::vector<std::string>{"id", "Arabic name"}));
}

TEST(ExportTable, XlsxIsAZipWithTheArabicText) {
  ExportTable t;
  t.header = {"الاسم"};
  t.rows = {{"هيئة الطيران المدني"}};
  const std::string bytes = write_xlsx(t, "ar", "المستخدمون/[كل]");
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  // The zip's deflated parts cannot be searched here; the API test unzips the file and reads the sheet.
}

}  // namespace
}  // namespace manzuma::platform
