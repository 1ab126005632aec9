#pragma once
// Small, pure string checks every layer needs. Arabic-aware analysis lives in src/text/.

#include <cstddef>
#include <string>
#include <string_view>

namespace manzuma::core {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool valid_utf8(std::string_view s);

/// Number of code points in well-formed UTF-8.
std::size_t utf8_length(std::string_view s);

/// Removes leading and trailing whitespace, including the no-break and zero-width spaces that
/// Arabic keyboards and copy-paste from Word documents leave behind.
std::string trim(std::string_view s);

/// ASCII lower case (e-mail addresses, header names); leaves other bytes alone.
std::string ascii_lower(std::string_view s);

/// True when `s` holds a control character other than tab, newline or carriage return.
bool has_control_chars(std::string_view s);

/// The value of the `n` ASCII digits at s[at..] (which `s` must hold), or -1 when one of them is not a
/// digit: no signs, no spaces, no Arabic-Indic digits. Inline: the hot path of every session lookup uses it.
inline int ascii_digits(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace manzuma::core
