#include "core/text.hpp"

#include <gtest/gtest.h>

namespace manzuma::core {
namespace {

TEST(Text, Utf8Validation) {
  EXPECT_TRUE(valid_utf8("منظومة"));
  EXPECT_TRUE(valid_utf8("\xF0\x9F\x98\x80"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("\xD9"));              // truncated
}

TEST(Text, LengthCountsCodePoints) { EXPECT_EQ(utf8_length("وزارة العمل"), 11u); }

TEST(Text, TrimRemovesArabicKeyboardInvisibles) {
  EXPECT_EQ(trim("\xE2\x80\x8F  وزارة العمل\xC2\xA0\xE2\x80\x8C "), "وزارة العمل");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("a b"), "a b");
}

TEST(Text, AsciiDigitsOnly) {
  EXPECT_EQ(ascii_digits("2026-11", 0, 4), 2026);
  EXPECT_EQ(ascii_digits("2026-11", 5, 2), 11);
  EXPECT_EQ(ascii_digits("+026", 0, 4), -1);
  EXPECT_EQ(ascii_digits(" 26", 0, 3), -1);
  EXPECT_EQ(ascii_digits("٢٠", 0, 2), -1);
}

TEST(Text, ControlCharacters) {
  EXPECT_TRUE(has_control_chars(std::string("a\0b", 3)));
  EXPECT_FALSE(has_control_chars("سطر\nآخر"));
}

}  // namespace
}  // namespace manzuma::core
