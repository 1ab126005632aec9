#include "text/normalize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace manzuma::text {

namespace {

/// Code points the fast path maps by itself; anything else (presentation forms, ligatures, full-width and
/// other compatibility characters) first goes through ICU's NFKC.
bool fast_path(char32_t c) { return c < 0x0250 || (c >= 0x0600 && c <= 0x06FF) || (c >= 0x2000 && c <= 0x206F); }

std::string nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  const auto in = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  const auto out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(s);
  std::string r;
  out.toUTF8String(r);
  return r;
}

bool continues_word(char32_t c) {
  return chars::is_arabic_letter(c) || chars::is_tashkeel(c) || chars::is_tatweel(c) || chars::is_invisible(c);
}

/// One code point after NFKC: nothing (dropped), itself, or its canonical search form.
char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (chars::is_tashkeel(c) || chars::is_tatweel(c) || chars::is_invisible(c)) return 0;
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ (alef wasla)
    case 0x0672:
    case 0x0673:
      return 0x0627;  // ا
    case 0x0649:      // ى alef maksura
    case 0x06CC:      // ی Farsi yeh (copy-paste from Persian keyboards)
    case 0x06D2:
      return 0x064A;  // ي
    case 0x0624:      // ؤ
    case 0x0626:      // ئ
      return 0x0621;  // ء: مسؤول and مسئول, شؤون and شئون are both correct spellings
    case 0x06A9:      // ک keheh
      return 0x0643;  // ك
    case 0x06C1:      // ہ heh goal
    case 0x06D5:      // ە ae
      return 0x0647;  // ه
    case 0x060C:      // ، Arabic comma
    case 0x066C:      // ٬ thousands separator
      return ',';
    case 0x061B:
      return ';';
    case 0x061F:
      return '?';
    case 0x066A:
      return '%';
    case 0x066B:  // ٫ decimal separator
      return '.';
    default:
      break;
  }
  if (c >= 0x0600 && c <= 0x06FF) return c;
  // Latin and everything else: Unicode simple case folding.
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

}  // namespace

std::string normalize(std::string_view text, const NormalizeOptions& options) {
  // Decide once whether ICU is needed: almost all text is ASCII and the Arabic block.
  std::string compat;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if (c != utf8::kInvalid && !fast_path(c)) {
      // Malformed bytes would make ICU substitute U+FFFD; drop them first.
      std::string clean;
      for (std::size_t k = 0; k < text.size();) {
        const char32_t d = utf8::next(text, k);
        if (d != utf8::kInvalid) utf8::append(clean, d);
      }
      compat = nfkc(clean);
      text = compat;
      break;
    }
  }

  std::u32string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = utf8::next(text, i);
    if (c == utf8::kInvalid) continue;
    if (options.latin_digits && chars::is_arabic_digit(c)) {
      folded.push_back(static_cast<char32_t>('0' + chars::digit_value(c)));
      continue;
    }
    const char32_t f = fold(c);
    if (f == 0) continue;
    folded.push_back(f);
  }

  std::string out;
  out.reserve(folded.size() * 2);
  for (std::size_t k = 0; k < folded.size(); ++k) {
    char32_t c = folded[k];
    // ة at the end of a word (after tashkeel is gone) reads as ه: المؤسسة / المؤسسه.
    if (c == 0x0629 && options.teh_marbuta_to_heh && (k + 1 == folded.size() || !continues_word(folded[k + 1])))
      c = 0x0647;
    utf8::append(out, c);
  }
  return out;
}

}  // namespace manzuma::text
