#include "http/message.hpp"

#include <gtest/gtest.h>

namespace manzuma::http {
namespace {

TEST(Message, QueryIsDecodedInOrder) {
  Fields q;
  ASSERT_TRUE(
      parse_query("q=%D9%88%D8%B2%D8%A7%D8%B1%D8%A9+%D8%A7%D9%84%D8%B9%D9%85%D9%84&filter%5Bkind%5D=ministry&flag", q));
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].second, "وزارة العمل");
  EXPECT_EQ(q[1].first, "filter[kind]");
  EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(Message, MalformedEscapesAndBrokenUtf8AreRejected) {
  Fields q;
  EXPECT_FALSE(parse_query("q=%ZZ", q));
  EXPECT_FALSE(parse_query("q=%D9", q));
  EXPECT_FALSE(parse_query("q=%", q));
  // The 400 names the parameter that does not decode.
  EXPECT_EQ(undecodable_parameter("/api/v1/search?type=practice&q=%FF"), "q");
  EXPECT_EQ(undecodable_parameter("/x?a=1&%FF=2"), "query");
  EXPECT_EQ(undecodable_parameter("/x?a=%D9%85"), std::nullopt);
  EXPECT_EQ(undecodable_parameter("/x"), std::nullopt);
  std::string p;
  EXPECT_FALSE(decode_path("/api/v1/users/1%2F2", p));  // an encoded slash would smuggle a segment
  EXPECT_FALSE(decode_path("/a%00b", p));
  ASSERT_TRUE(decode_path("/%D9%85%D9%84%D9%81", p));
  EXPECT_EQ(p, "/ملف");
}

TEST(Message, CookiesAndHeaders) {
  Request r;
  r.headers = {{"cookie", "a=1; manzuma_session=abc; b=2"}, {"x-one", "1"}};
  EXPECT_EQ(r.cookie("manzuma_session").value_or(""), "abc");
  EXPECT_FALSE(r.cookie("manzuma").has_value());
  EXPECT_EQ(r.header("x-one").value_or(""), "1");
  Response res;
  res.set_header("A", "1");
  res.set_header("A", "2");
  EXPECT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.header("A").value_or(""), "2");
}

}  // namespace
}  // namespace manzuma::http
