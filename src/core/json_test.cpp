#include "core/json.hpp"

#include <gtest/gtest.h>

namespace manzuma::core::json {
namespace {

enum class Colour { red, green };
BOOST_DESCRIBE_ENUM(Colour, red, green)

struct Inner {
  std::string name;
  std::optional<std::int32_t> size;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (name, size))

struct Outer {
  std::int64_t id = 0;
  bool active = false;
  Colour colour = Colour::red;
  std::vector<Inner> items;
  std::optional<std::string> note;
};
BOOST_DESCRIBE_STRUCT(Outer, (), (id, active, colour, items, note))

std::vector<FieldError> errors_of(std::string_view text) {
  try {
    decode<Outer>(parse(text));
  } catch (const Error& e) {
    return e.errors();
  }
  return {};
}

TEST(Json, RoundTripsADescribedStruct) {
  Outer o{7, true, Colour::green, {{"أ", 3}, {"b", std::nullopt}}, std::nullopt};
  const auto text = to_text(encode(o));
  EXPECT_EQ(
      text,
      R"({"id":7,"active":true,"colour":"green","items":[{"name":"أ","size":3},{"name":"b","size":null}],"note":null})");
  const auto back = decode<Outer>(parse(text));
  EXPECT_EQ(back.items.at(0).name, "أ");
  EXPECT_EQ(back.colour, Colour::green);
  EXPECT_FALSE(back.note.has_value());
}

TEST(Json, WritingDirectlyGivesTheSameTextAsEncoding) {
  Outer o{-9007199254740993,
          false,
          Colour::red,
          {{"سطر\nجديد \"مقتبس\" \\ \x01\x1f\t", 0}, {"", std::nullopt}},
          std::string("</script>\u2028")};
  EXPECT_EQ(to_text_of(o), to_text(encode(o)));
  EXPECT_EQ(to_text_of(std::vector<double>{0.1, 1e300, -2.5}), to_text(encode(std::vector<double>{0.1, 1e300, -2.5})));
  EXPECT_EQ(to_text_of(std::map<std::string, int>{{"ب", 2}, {"a", 1}}),
            to_text(encode(std::map<std::string, int>{{"ب", 2}, {"a", 1}})));
}

// The string writer checks eight bytes at a time; a byte to escape must be found at every position of a word
// and in the tail, next to UTF-8 sequences and next to each other. Checked against the rule written plainly.
TEST(Json, WritesEveryStringAsTheByteByByteRuleDoes) {
  const auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      if (c == '"')
        out += "\\\"";
      else if (c == '\\')
        out += "\\\\";
      else if (c == '\b')
        out += "\\b";
      else if (c == '\f')
        out += "\\f";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\t')
        out += "\\t";
      else if (c < 0x20)
        out += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
      else
        out += static_cast<char>(c);
    }
    return out + "\"";
  };
  // Bytes on both sides of each boundary the bit tricks test (0x1f/0x20, 0x21/0x22/0x23, 0x5b/0x5c/0x5d), NUL,
  // DEL, and the bytes of Arabic letters.
  const unsigned char alphabet[] = {0x00, 0x01, 0x08, 0x09, 0x0a, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5b,
                                    0x5c, 0x5d, 0x7f, 0x80, 0xa7, 0xd8, 0xd9, 0xff, 'a',  'z',  ' ',  0xa0};
  std::uint64_t state = 12345;
  const auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>(state >> 33);
  };
  for (int i = 0; i < 20000; ++i) {
    std::string s(next() % 40, ' ');
    // Mostly plain text with an occasional byte to escape, so the eight-byte fast path runs and is left.
    for (auto& c : s) c = static_cast<char>(next() % 4 ? "Sarah سارة"[next() % 14] : alphabet[next() % 24]);
    std::string out;
    detail::write_string(out, s);
    ASSERT_EQ(out, reference(s)) << "case " << i;
  }
  std::string arabic = "الابتكار في الخدمات الحكومية ";
  for (int i = 0; i < 4; ++i) arabic += arabic;
  std::string out;
  detail::write_string(out, arabic + "\"" + arabic);
  EXPECT_EQ(out, reference(arabic + "\"" + arabic));
  EXPECT_EQ(out, to_text(boost::json::value(arabic + "\"" + arabic)));
}

TEST(Json, NamesEveryBadFieldWithItsPath) {
  const auto errs = errors_of(R"({"id":"x","active":1,"colour":"blue","items":[{"name":5,"extra":true}]})");
  ASSERT_EQ(errs.size(), 5u);
  auto has = [&](std::string_view field, std::string_view code) {
    for (const auto& e : errs)
      if (e.field == field && e.code == code) return !e.message_ar.empty() && !e.message_en.empty();
    return false;
  };
  EXPECT_TRUE(has("id", "type_integer"));
  EXPECT_TRUE(has("active", "type_boolean"));
  EXPECT_TRUE(has("colour", "enum"));
  EXPECT_TRUE(has("items[0].name", "type_string"));
  EXPECT_TRUE(has("items[0].extra", "unknown_field"));
}

TEST(Json, MissingRequiredAndNullAreReported) {
  const auto errs = errors_of(R"({"id":null})");
  std::vector<std::string> fields;
  for (const auto& e : errs) fields.push_back(e.field + ":" + e.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"id:required", "active:required", "colour:required", "items:required"}));
}

TEST(Json, IntegerOverflowIsOutOfRange) {
  try {
    decode<Inner>(parse(R"({"name":"a","size":99999999999})"));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].code, "out_of_range");
  }
}

TEST(Json, NegativeIntegersDecodeIntoSignedFields) {
  // A service, not the decoder, decides whether a negative number makes sense (a score of -1 is "out of 0–5").
  EXPECT_EQ(decode<Inner>(parse(R"({"name":"a","size":-3})")).size.value_or(0), -3);
}

TEST(Json, RejectsBrokenUtf8AndDeepNesting) {
  try {
    parse("{\"name\":\"\xC3\x28\"}");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_utf8");
  }
  try {
    parse(std::string(100, '[') + std::string(100, ']'), 32);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "too_deep");
  }
  try {
    parse("{\"a\":");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "malformed_json");
  }
}

TEST(Json, SchemaMatchesTheStruct) {
  bj::object components;
  const auto ref = schema<Outer>(components);
  EXPECT_EQ(ref.at("$ref").as_string(), "#/components/schemas/Outer");
  const auto& s = components.at("Outer").as_object();
  EXPECT_EQ(to_text(s.at("required")), R"(["id","active","colour","items"])");
  EXPECT_EQ(to_text(s.at("properties").at("colour")), R"({"type":"string","enum":["red","green"]})");
  EXPECT_TRUE(components.contains("Inner"));
  EXPECT_EQ(schema_name("manzuma::core::Page<manzuma::platform::Organization>"), "Page_Organization");
}

}  // namespace
}  // namespace manzuma::core::json
