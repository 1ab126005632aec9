// The Arabic analysis rules, each with the example src/text/README.md gives for it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analyzer.hpp"
#include "text/normalize.hpp"
#include "text/stem.hpp"
#include "text/stopwords.hpp"
#include "text/tokenize.hpp"

namespace manzuma::text {
namespace {

std::vector<std::string> raws(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(s)) out.emplace_back(t.raw);
  return out;
}

std::vector<std::string> stems(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& t : analyze(s))
    if (!t.stopword) out.push_back(t.stem);
  return out;
}

std::string stem(std::string_view word) { return stem_arabic(normalize(word)); }

TEST(Normalize, UnifiesAlefFormsAndAlefMaksura) {
  EXPECT_EQ(normalize("أحمد"), normalize("احمد"));
  EXPECT_EQ(normalize("إدارة"), normalize("ادارة"));
  EXPECT_EQ(normalize("آفاق"), normalize("افاق"));
  EXPECT_EQ(normalize("مستوى"), "مستوي");
  EXPECT_EQ(normalize("ٱلحمد"), "الحمد");
}

TEST(Normalize, TehMarbutaBecomesHehOnlyAtTheEndOfAWord) {
  EXPECT_EQ(normalize("المؤسسة"), normalize("المؤسسه"));
  EXPECT_EQ(normalize("مؤسسة التنمية"), "مءسسه التنميه");
  // With the option off, ة stays.
  EXPECT_EQ(normalize("مؤسسة", {.teh_marbuta_to_heh = false}), "مءسسة");
  // After tashkeel is dropped the ة is still word-final.
  EXPECT_EQ(normalize("المؤسسةُ"), normalize("المؤسسه"));
}

TEST(Normalize, RemovesTashkeelTatweelAndInvisibleCharacters) {
  EXPECT_EQ(normalize("الإِدَارَةُ"), normalize("الادارة"));
  EXPECT_EQ(normalize("مـــؤسسة"), normalize("مؤسسة"));
  EXPECT_EQ(normalize("التحوّل"), normalize("التحول"));
  EXPECT_EQ(normalize("رقم\u200Cي\u200B"), normalize("رقمي"));
  EXPECT_EQ(normalize("\u200Fمنظومة\u200E"), normalize("منظومة"));
}

TEST(Normalize, UnifiesHamzaSeatsSoBothCorrectSpellingsMeet) {
  EXPECT_EQ(normalize("مسؤول"), normalize("مسئول"));
  EXPECT_EQ(normalize("شؤون"), normalize("شئون"));
}

TEST(Normalize, DigitsPunctuationAndLatinCase) {
  EXPECT_EQ(normalize("٢٠٢٣"), "2023");
  EXPECT_EQ(normalize("۲۰۲۵"), "2025");
  EXPECT_EQ(normalize("٣٫٥"), "3.5");
  EXPECT_EQ(normalize("لماذا؟ نعم، لا؛"), "لماذا? نعم, لا;");
  EXPECT_EQ(normalize("ADKAR Agile"), "adkar agile");
  EXPECT_EQ(normalize("ÉTUDE"), "étude");
}

TEST(Normalize, CompatibilityFormsGoThroughNfkc) {
  // Presentation forms (from PDFs) and the lam-alef ligature become plain letters.
  EXPECT_EQ(normalize("\uFEDF\uFEE8\uFEA0\uFE94"), normalize("لنجة"));
  EXPECT_EQ(normalize("\uFEFB"), "لا");
  EXPECT_EQ(normalize("ＫＰＩ"), "kpi");
}

TEST(Normalize, DropsMalformedUtf8) {
  EXPECT_EQ(normalize("ab\xFF\xC3(cd"), "ab(cd");
  EXPECT_EQ(normalize(std::string("\xE2\x82", 2)), "");
  EXPECT_EQ(normalize("\xED\xA0\x80x"), "x");  // a UTF-16 surrogate is not UTF-8
}

TEST(Tokenize, SplitsArabicEnglishAndNumbers) {
  EXPECT_EQ(raws("تطبيق منهجية ADKAR في 3 جهات"),
            (std::vector<std::string>{"تطبيق", "منهجية", "ADKAR", "في", "3", "جهات"}));
  EXPECT_EQ(raws("مؤتمرCOP28، عام ٢٠٢٣م"), (std::vector<std::string>{"مؤتمر", "COP28", "عام", "٢٠٢٣", "م"}));
  EXPECT_EQ(raws("بنسبة 3.5% و1,000 موظف"), (std::vector<std::string>{"بنسبة", "3.5", "و", "1,000", "موظف"}));
  EXPECT_EQ(raws("الخطة 2021/2025"), (std::vector<std::string>{"الخطة", "2021", "2025"}));
}

TEST(Tokenize, KeepsTashkeelTatweelAndJoinersInsideWords) {
  EXPECT_EQ(raws("الإِدَارَةُ مـــؤسسة"), (std::vector<std::string>{"الإِدَارَةُ", "مـــؤسسة"}));
  // A trailing tatweel is no part of the word.
  EXPECT_EQ(raws("كلمة ـــ أخرى"), (std::vector<std::string>{"كلمة", "أخرى"}));
}

TEST(Tokenize, UrlsAndHashtags) {
  const auto t = tokenize("زوروا https://www.oman.om/ar/services?id=3. و #التحول_الرقمي");
  ASSERT_EQ(t.size(), 6u);  // the hashtag, then its two words
  EXPECT_EQ(t[1].raw, "https://www.oman.om/ar/services?id=3");
  EXPECT_EQ(t[1].kind, TokenKind::url);
  EXPECT_EQ(t[3].raw, "التحول_الرقمي");
  EXPECT_EQ(t[3].kind, TokenKind::hashtag);
  EXPECT_EQ(t[4].raw, "التحول");
  EXPECT_EQ(t[5].raw, "الرقمي");
}

TEST(Tokenize, OffsetsPointIntoTheOriginal) {
  const std::string s = "نص «المؤسسة» هنا";
  for (const auto& t : tokenize(s)) EXPECT_EQ(s.substr(t.begin, t.end - t.begin), t.raw);
}

TEST(Tokenize, BrokenUtf8NeverReachesAToken) {
  EXPECT_EQ(raws("ab\xFF"
                 "cd \xC3 مرحبا"),
            (std::vector<std::string>{"ab", "cd", "مرحبا"}));
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize("   \n\t").empty());
}

TEST(StemArabic, SingularPluralAndArticleMeet) {
  // Xapian's Snowball Arabic stemmer gives موسس and موسسا here; ours gives one stem.
  EXPECT_EQ(stem("المؤسسة"), stem("مؤسسات"));
  EXPECT_EQ(stem("للمؤسسات"), stem("مؤسسة"));
  EXPECT_EQ(stem("والمؤسسات"), stem("المؤسسة"));
  EXPECT_EQ(stem("الموظفين"), stem("موظفون"));
  EXPECT_EQ(stem("الرقمية"), stem("رقمي"));
  EXPECT_EQ(stem("بالتحول"), stem("التحول"));
  EXPECT_EQ(stem("المشاريع"), stem("مشاريعهم"));
  EXPECT_EQ(stem("مرحلتين"), stem("المرحلة"));
}

TEST(StemArabic, MinimumLengthGuardsKeepShortWordsWhole) {
  EXPECT_EQ(stem("مكان"), normalize("مكان"));  // not مك
  EXPECT_EQ(stem("بيان"), normalize("بيان"));  // not بي
  EXPECT_EQ(stem("بيانات"), stem("بيان"));
  EXPECT_EQ(stem("الم"), "الم");  // no article is stripped to leave one letter
}

TEST(StemArabic, LeadingLetterThatMayBeACliticIsOfferedAsAnAlternative) {
  // وزارة keeps its و in the main stem, so it meets الوزارة ...
  EXPECT_EQ(stem("وزارة"), stem("الوزارة"));
  EXPECT_EQ(stem("الوطنية"), stem("وطني"));
  // ... and وتطوير gets the alternative تطوير.
  EXPECT_EQ(stem_arabic_without_clitic(normalize("وتطوير")), stem("التطوير"));
  EXPECT_EQ(stem_arabic_without_clitic(normalize("لتحسين")), stem("تحسين"));
  EXPECT_EQ(stem_arabic_without_clitic(normalize("والتطوير")), "");  // the article form is the main stem
  EXPECT_EQ(stem_arabic_without_clitic(normalize("وقت")), "");       // too short to guess
  EXPECT_EQ(stem_arabic_without_clitic(normalize("تطوير")), "");
}

TEST(StemEnglish, Snowball) {
  EXPECT_EQ(stem_english("organizations"), stem_english("organization"));
  EXPECT_EQ(stem_english("managing"), "manag");
  EXPECT_EQ(stem_english("management"), "manag");
  EXPECT_EQ(stem_english("transformation"), stem_english("transformations"));
  EXPECT_EQ(stem_english(""), "");
}

TEST(Stopwords, ArabicAndEnglishInAnySpelling) {
  EXPECT_TRUE(is_stopword(normalize("إلى")));
  EXPECT_TRUE(is_stopword(normalize("الى")));
  EXPECT_TRUE(is_stopword(normalize("على")));
  EXPECT_TRUE(is_stopword(normalize("التي")));
  EXPECT_TRUE(is_stopword("the"));
  EXPECT_TRUE(is_stopword("and"));
  EXPECT_FALSE(is_stopword(normalize("وزارة")));
  EXPECT_FALSE(is_stopword("innovation"));
}

TEST(Analyze, OneStemForEverySpellingOfAWord) {
  const auto a = stems("المُؤسَّسة");
  const auto b = stems("مـــؤسسات");
  const auto c = stems("للمؤسسه");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(stems("Digital Transformation"), stems("digital transformations"));
}

TEST(Analyze, PositionsOffsetsAndStopwords) {
  const std::string s = "تطوير الخدمات في وزارة العمل";
  const auto t = analyze(s);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_TRUE(t[2].stopword);  // في
  EXPECT_EQ(t[3].position, 3u);
  EXPECT_EQ(s.substr(t[4].begin, t[4].end - t[4].begin), "العمل");
  EXPECT_EQ(t[3].word, normalize("وزارة"));
  EXPECT_FALSE(t[3].alt_stem.empty());  // وزارة may be و + زارة; the alternative is offered
}

TEST(Analyze, NumbersUrlsAndHashtagsAreTerms) {
  const auto t = analyze("خطة ٢٠٢٥ #رؤية_عمان https://oman.om");
  std::vector<std::string> s;
  for (const auto& x : t) s.push_back(x.stem);
  EXPECT_EQ(s[1], "2025");
  EXPECT_EQ(s[2], normalize("رؤية_عمان"));
  EXPECT_EQ(t.back().kind, TokenKind::url);
  EXPECT_EQ(s.back(), "https://oman.om");
}

}  // namespace
}  // namespace manzuma::text
