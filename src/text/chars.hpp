#pragma once
// Character classes the normaliser and tokeniser agree on (internal).

namespace manzuma::text::chars {

/// Arabic harakat, tanween, shadda, sukun, superscript alef and Quranic annotation marks.
constexpr bool is_tashkeel(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x08D3 && c <= 0x08FF);
}

constexpr bool is_tatweel(char32_t c) { return c == 0x0640; }

/// Zero-width and direction-control characters that copy-paste and Arabic keyboards leave inside words.
constexpr bool is_invisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD;
}

/// Arabic-script letters (base block, supplement, extended-A, presentation forms).
constexpr bool is_arabic_letter(char32_t c) {
  return (c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FC) ||
         c == 0x06FF || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFC);
}

constexpr bool is_arabic_digit(char32_t c) { return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9); }

constexpr int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}

}  // namespace manzuma::text::chars
